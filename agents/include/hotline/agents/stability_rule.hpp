// The stability rule (docs/model.md, "Hostility, levels and crisis
// episodes"): with no political shocks, where does a dyad's hostility
// settle under the incidents its own encounters make at a posture?
//
// Each incident moves H a share s_k·q of the way to 1 (the two sides'
// halves together; q = 1 if judged deliberate, the accidental factor if
// not) and H relaxes towards H0 with time constant tau, so the stationary
// mean is H̄ = (H0 + Λs̄τ) / (1 + Λs̄τ), with Λs̄ the rate of incidents times
// their mean share. The share depends on the perceived-deliberate
// probability, which depends on H itself; H̄ is the smallest fixed point,
// found by iterating from H0. A scenario whose H̄ at posture 0 reaches L1's
// entry, or at posture 1 reaches L2's, drifts into crisis with no political
// cause: `hotline validate` warns with these numbers.
#pragma once

#include <array>

#include "hotline/agents/mechanics.hpp"

namespace hotline::agents {

// Expected incidents per second, by [conduct][severity].
using IncidentRates = std::array<std::array<double, 3>, kConductCount>;

// Λs̄ at hostility H: the expected rate at which reports move H towards 1,
// per unit of (1 − H).
[[nodiscard]] double hostility_drive_per_s(const HostilityParameters& h,
                                           const PerceptionParameters& perception,
                                           const IncidentRates& rates, double hostility);

// H̄, the stationary mean with no shocks.
[[nodiscard]] double stationary_hostility(const HostilityParameters& h,
                                          const PerceptionParameters& perception, double baseline,
                                          const IncidentRates& rates);

}  // namespace hotline::agents
