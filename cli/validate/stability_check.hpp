// The stability rule as `hotline validate` checks it (docs/model.md,
// "Hostility, levels and crisis episodes"): a short probe run of the
// scenario at posture 0 and at posture 1 (every nation's posture pinned)
// measures each rival dyad's expected incidents by conduct and severity from
// the hazard itself (no rare event needs to happen); agents::
// stationary_hostility turns them into H̄(0) and H̄(1), held against L1's and
// L2's entries.
//
// The probe is 2 days, or the scenario's horizon if shorter, or fewer steps
// for large scenarios (at most 10^7 platform-steps a posture, at least 60
// steps), so that validating stays a matter of seconds. Scenarios of more
// than kMostProbedPlatforms platforms (load tests such as swarm.yaml) are
// not probed: one step of theirs can take a second.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hotline/agents/world_spec.hpp"

namespace hotline::cli {

struct StabilityRow {
  std::string dyad;  // "a-b"
  double baseline = 0.0;
  double incidents_per_year[2] = {0.0, 0.0};  // at postures 0 and 1
  double stationary[2] = {0.0, 0.0};          // H̄(0), H̄(1)
  double entry[2] = {0.0, 0.0};               // L1's and L2's entries
  [[nodiscard]] bool breaks() const {
    return stationary[0] >= entry[0] || stationary[1] >= entry[1];
  }
};

inline constexpr std::uint64_t kMostProbedPlatforms = 100000;

// Empty for a scenario without rival dyads or with more than
// kMostProbedPlatforms platforms.
[[nodiscard]] std::vector<StabilityRow> check_stability(const agents::WorldSpec& spec);

// "dyad a-b: H̄(0) = 0.31 reaches L1's entry 0.25 ..." for a row that breaks
// the rule.
[[nodiscard]] std::string stability_warning(const StabilityRow& row);

// The rule's numbers for every dyad as YAML comment lines (for --explain).
[[nodiscard]] std::string stability_comments(const std::vector<StabilityRow>& rows);

}  // namespace hotline::cli
