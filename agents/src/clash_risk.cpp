#include "hotline/agents/clash_risk.hpp"

#include <utility>

#include "hotline/agents/world_splitting.hpp"
#include "hotline/engine/counter_rng.hpp"

namespace hotline::agents {

std::vector<RiskLevel> levels_climbed(const ClashRiskSettings& settings) {
  if (settings.method == RiskMethod::plain) return {RiskLevel{kClashRung, 0.0}};
  return settings.levels;
}

engine::SplittingEstimate estimate_clash_risk(const WorldSpec& spec, std::uint64_t seed,
                                              std::uint32_t repetition, std::size_t policy,
                                              const ClashRiskSettings& settings,
                                              std::function<void()> before_step) {
  std::vector<RiskLevel> levels = levels_climbed(settings);
  const auto count = static_cast<std::uint32_t>(levels.size());
  WorldSplitting process(spec, seed, repetition, policy, settings.horizon_steps, std::move(levels),
                         std::move(before_step), settings.final_count == FinalCount::expected);
  const std::function<engine::RunOutcome(WorldState&, std::uint64_t, std::uint32_t)> run =
      [&process](WorldState& state, std::uint64_t branch, std::uint32_t level) {
        return process.run(state, branch, level);
      };
  return engine::split(process.start(), engine::CounterRng::branch_of(0, repetition),
                       {settings.effort, count}, run);
}

}  // namespace hotline::agents
