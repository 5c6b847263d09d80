#include "hotline/agents/stability_rule.hpp"

#include <algorithm>
#include <cmath>

#include "hotline/engine/deterministic_math.hpp"

namespace hotline::agents {

namespace {

// Iterations of the fixed point; each moves H up monotonically from H0.
constexpr int kIterations = 200;

double logistic(double x) {
  return 1.0 / (1.0 + engine::exp(-std::clamp(x, -700.0, 700.0)));
}

}  // namespace

double hostility_drive_per_s(const HostilityParameters& h, const PerceptionParameters& perception,
                             const IncidentRates& rates, double hostility) {
  double drive = 0.0;
  for (std::size_t c = 0; c < kConductCount; ++c) {
    const bool harassment = c == static_cast<std::size_t>(Conduct::harassment);
    const double m = logistic(perception.base + (harassment ? perception.harassment : 0.0)
                              + perception.hostility * hostility);
    const double q = m + (1.0 - m) * h.accidental_factor;
    for (std::size_t k = 0; k < 3; ++k)
      drive += rates[c][k] * h.report_share[k] * q;
  }
  return drive;
}

double stationary_hostility(const HostilityParameters& h, const PerceptionParameters& perception,
                            double baseline, const IncidentRates& rates) {
  double bar = baseline;
  for (int i = 0; i < kIterations; ++i) {
    const double x = hostility_drive_per_s(h, perception, rates, bar) * h.relax_time_s;
    const double next = (baseline + x) / (1.0 + x);
    if (std::fabs(next - bar) < 1e-12) return next;
    bar = next;
  }
  return bar;
}

}  // namespace hotline::agents
