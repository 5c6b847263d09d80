// One estimate of the probability of an armed clash within a horizon, for
// one policy of a world: fixed-effort multilevel splitting up the risk
// levels (engine/splitting.hpp, risk_levels.hpp), or plain Monte Carlo
// (the same procedure with the clash as its only level: `effort` runs from
// the start). `hotline risk` makes one such estimate per policy and
// repetition; the repetitions give the interval (docs/rare-events.md).
//
// Repetition r starts from replication r's world at step 0 and draws on
// the branch tree rooted at CounterRng::branch_of(0, r): the same under
// every policy, so that policies compared on one repetition replay the
// same starting runs and branch keys (common random numbers on the tree).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "hotline/agents/risk_levels.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/engine/splitting.hpp"

namespace hotline::agents {

enum class RiskMethod : std::uint8_t { splitting, plain };

// How the last stage (the clash) counts a run: whether it clashed, or the
// clashes it expected — the sum of P(use force) over its decision epochs,
// which is the compensator of its clash count: stopped at the first clash
// or the horizon, its mean is the probability of a clash (up to two clashes
// in one step), and it varies far less than the indicator.
enum class FinalCount : std::uint8_t { expected, indicator };

struct ClashRiskSettings {
  RiskMethod method = RiskMethod::splitting;
  FinalCount final_count = FinalCount::expected;
  std::uint32_t effort = 100;     // runs per stage (plain: runs)
  std::vector<RiskLevel> levels;  // splitting's; plain uses the clash alone
  std::uint64_t horizon_steps = 0;
};

// The levels `settings` climbs: its own for splitting, the clash for plain.
[[nodiscard]] std::vector<RiskLevel> levels_climbed(const ClashRiskSettings& settings);

// Policy `policy` of `spec`, repetition `repetition` of `seed`; the work is
// in platform-steps. `before_step` as WorldSplitting's.
[[nodiscard]] engine::SplittingEstimate estimate_clash_risk(
    const WorldSpec& spec, std::uint64_t seed, std::uint32_t repetition, std::size_t policy,
    const ClashRiskSettings& settings, std::function<void()> before_step = {});

}  // namespace hotline::agents
