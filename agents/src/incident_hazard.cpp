#include "hotline/agents/incident_hazard.hpp"

#include <algorithm>

#include "hotline/engine/deterministic_math.hpp"

namespace hotline::agents {

namespace {

constexpr int kMaxPosture = 3;

}  // namespace

double separation_factor(double separation_km, double hazard_length_km, double contact_km) {
  if (separation_km <= contact_km) return 1.0;
  return engine::exp(-separation_km / hazard_length_km);
}

double posture_gain(int posture_a, int posture_b, double gain_max) {
  const int p = std::clamp(std::max(posture_a, posture_b), 0, kMaxPosture);
  return 1.0 + (gain_max - 1.0) * static_cast<double>(p) / kMaxPosture;
}

Conduct conduct_of(const IncidentParameters::ConductShares& shares, double u) {
  if (u < shares[0]) return Conduct::routine;
  if (u < shares[0] + shares[1]) return Conduct::signalling;
  return shares[2] > 0.0 ? Conduct::harassment : Conduct::signalling;
}

Severity severity_of(const SeverityOdds& odds, double u, double unsafe_kept) {
  const double dangerous = odds.dangerous * unsafe_kept;
  const double grave = odds.grave * unsafe_kept;
  if (u < dangerous) return Severity::dangerous;
  if (u < dangerous + grave) return Severity::grave;
  return Severity::unsafe;
}

double encounter_hazard_per_s(const IncidentParameters& p, std::size_t role_pair, Conduct conduct,
                              double separation_km, int posture_a, int posture_b) {
  return p.hazard_scale * p.hazard_per_s[role_pair][static_cast<std::size_t>(conduct)]
         * separation_factor(separation_km, p.hazard_length_km, p.contact_km)
         * posture_gain(posture_a, posture_b, p.posture_gain_max);
}

double chance_in_step(double hazard_per_s, double dt_s) {
  return 1.0 - engine::exp(-hazard_per_s * dt_s);
}

}  // namespace hotline::agents
