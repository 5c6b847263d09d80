#include "validate/stability_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "hotline/agents/platform_world.hpp"
#include "hotline/agents/stability_rule.hpp"

namespace hotline::cli {

namespace {

constexpr double kProbeS = 2.0 * 86400.0;
constexpr double kMostPlatformSteps = 1e7;
constexpr std::uint64_t kFewestSteps = 60;
constexpr double kSecondsPerYear = 365.0 * 86400.0;

std::uint64_t probe_steps(const agents::WorldSpec& spec) {
  const double wanted = std::min(kProbeS, spec.horizon_s) / spec.dt_s;
  const double affordable = kMostPlatformSteps / static_cast<double>(spec.platform_count());
  return std::max<std::uint64_t>(kFewestSteps,
                                 static_cast<std::uint64_t>(std::min(wanted, affordable)));
}

// Each dyad's expected incidents per second at one posture for everyone.
std::vector<agents::IncidentRates> probe(const agents::WorldSpec& spec, int posture) {
  agents::PlatformWorld world(spec, 1, 0, 0);
  for (std::size_t n = 0; n < spec.nations.size(); ++n)
    world.pin_posture(n, posture);
  const std::uint64_t steps = probe_steps(spec);
  for (std::uint64_t i = 0; i < steps; ++i) {
    world.step();
    world.clear_events();
  }
  const double elapsed_s = static_cast<double>(steps) * spec.dt_s;
  std::vector<agents::IncidentRates> rates;
  for (const agents::DyadCounts& c : world.dyad_counts()) {
    agents::IncidentRates r{};
    for (std::size_t k = 0; k < agents::kConductCount; ++k) {
      for (std::size_t s = 0; s < 3; ++s)
        r[k][s] = c.expected_incidents[k][s] / elapsed_s;
    }
    rates.push_back(r);
  }
  return rates;
}

double total(const agents::IncidentRates& r) {
  double sum = 0.0;
  for (const auto& by_severity : r) {
    for (const double x : by_severity)
      sum += x;
  }
  return sum;
}

}  // namespace

std::vector<StabilityRow> check_stability(const agents::WorldSpec& spec) {
  const auto dyads = spec.dyads();
  if (dyads.empty() || spec.platform_count() > kMostProbedPlatforms) return {};
  const std::vector<agents::IncidentRates> rates[2] = {probe(spec, 0), probe(spec, 1)};
  const agents::EscalationParameters& esc = spec.escalation;
  std::vector<StabilityRow> rows;
  for (std::size_t d = 0; d < dyads.size(); ++d) {
    StabilityRow row;
    row.dyad = spec.nations[dyads[d].first].id + "-" + spec.nations[dyads[d].second].id;
    for (const agents::DyadSetting& s : esc.dyads) {
      if (s.nation_a == dyads[d].first && s.nation_b == dyads[d].second) row.baseline = s.baseline;
    }
    for (std::size_t p = 0; p < 2; ++p) {
      row.incidents_per_year[p] = total(rates[p][d]) * kSecondsPerYear;
      row.stationary[p] =
          agents::stationary_hostility(esc.hostility, esc.perception, row.baseline, rates[p][d]);
      row.entry[p] = esc.hostility.enter[p];
    }
    rows.push_back(row);
  }
  return rows;
}

std::string stability_warning(const StabilityRow& row) {
  const std::size_t p = row.stationary[0] >= row.entry[0] ? 0 : 1;
  return fmt::format(
      "dyad {} breaks the stability rule: with no political shock its hostility settles at "
      "H̄({}) = {:.3f}, at or above L{}'s entry {:.3f} (baseline H0 {:.3f}; {:.3g} incidents a "
      "year expected at posture {}): the scenario drifts into crisis by itself; lower the "
      "incident hazard (incidents.hazard_scale) or the report shares",
      row.dyad, p, row.stationary[p], p + 1, row.entry[p], row.baseline, row.incidents_per_year[p],
      p);
}

std::string stability_comments(const std::vector<StabilityRow>& rows) {
  if (rows.empty()) {
    return "# Stability rule: not checked (no rival dyads, or more than 100,000 platforms).\n";
  }
  std::string out = "# Stability rule (no political shocks; a 2-day probe at postures 0 and 1):\n";
  for (const StabilityRow& r : rows) {
    out += fmt::format(
        "#   {}: H0 {:.3f}; posture 0: {:.3g} incidents/yr, H̄ {:.4f} (L1 at {:.2f}); "
        "posture 1: {:.3g} incidents/yr, H̄ {:.4f} (L2 at {:.2f}): {}\n",
        r.dyad, r.baseline, r.incidents_per_year[0], r.stationary[0], r.entry[0],
        r.incidents_per_year[1], r.stationary[1], r.entry[1],
        r.breaks() ? "BREAKS THE RULE" : "stable");
  }
  return out;
}

}  // namespace hotline::cli
