#include "hotline/agents/world_splitting.hpp"

#include <algorithm>
#include <utility>

namespace hotline::agents {

int highest_level_reached(const PlatformWorld& world) {
  int highest = 0;
  for (std::size_t d = 0; d < world.dyads().size(); ++d) {
    const DyadRecord& r = world.crisis().record(d);
    highest = std::max(highest, r.clashes > 0 ? 4 : r.peak_level);
  }
  return highest;
}

WorldSplitting::WorldSplitting(const WorldSpec& spec, std::uint64_t seed, std::uint32_t replication,
                               std::size_t policy, std::uint64_t horizon_steps,
                               std::vector<RiskLevel> levels, std::function<void()> before_step)
    : spec_(spec),
      seed_(seed),
      replication_(replication),
      policy_(policy),
      horizon_steps_(horizon_steps),
      levels_(std::move(levels)),
      before_step_(std::move(before_step)),
      world_(std::make_unique<PlatformWorld>(spec, seed, replication, policy)) {}

WorldState WorldSplitting::start() const {
  engine::SnapshotWriter out;
  world_->save(out);
  return {out.take()};
}

engine::RunOutcome WorldSplitting::run(WorldState& state, std::uint64_t branch,
                                       std::uint32_t level) {
  std::unique_ptr<PlatformWorld>& mine = worlds_.local();
  if (!mine) mine = std::make_unique<PlatformWorld>(spec_, seed_, replication_, policy_);
  PlatformWorld& world = *mine;
  engine::SnapshotReader in(state.snapshot);
  world.restore(in);
  world.set_branch(branch);
  engine::RunOutcome outcome;
  const auto platforms = static_cast<double>(world.platform_count());
  const RiskLevel& goal = levels_.at(level - 1);
  while (!risk_level_reached(world, goal) && world.steps_taken() < horizon_steps_
         && !world.stopped()) {
    if (before_step_) before_step_();
    world.step();
    world.clear_events();
    outcome.work += platforms;
  }
  outcome.reached = risk_level_reached(world, goal);
  if (outcome.reached) {
    engine::SnapshotWriter out;
    world.save(out);
    state.snapshot = out.take();
  }
  return outcome;
}

}  // namespace hotline::agents
