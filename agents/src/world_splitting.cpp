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

namespace {

// The clashes the run has expected so far, every dyad.
double expected_clashes(const PlatformWorld& world) {
  double sum = 0.0;
  for (std::size_t d = 0; d < world.dyads().size(); ++d)
    sum += world.crisis().record(d).expected_clashes;
  return sum;
}

}  // namespace

WorldSplitting::WorldSplitting(const WorldSpec& spec, std::uint64_t seed, std::uint32_t replication,
                               std::size_t policy, std::uint64_t horizon_steps,
                               std::vector<RiskLevel> levels, std::function<void()> before_step,
                               bool expected_clashes)
    : spec_(spec),
      seed_(seed),
      replication_(replication),
      policy_(policy),
      horizon_steps_(horizon_steps),
      levels_(std::move(levels)),
      before_step_(std::move(before_step)),
      expected_clashes_(expected_clashes),
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
  const bool valued = expected_clashes_ && goal.rung == kClashRung;
  const bool clashed_before = risk_level_reached(world, goal);
  const double expected_before = valued ? expected_clashes(world) : 0.0;
  while (!risk_level_reached(world, goal) && world.steps_taken() < horizon_steps_
         && !world.stopped()) {
    if (before_step_) before_step_();
    world.step();
    world.clear_events();
    outcome.work += platforms;
  }
  outcome.reached = risk_level_reached(world, goal);
  if (valued) outcome.value = clashed_before ? 1.0 : expected_clashes(world) - expected_before;
  if (outcome.reached) {
    engine::SnapshotWriter out;
    world.save(out);
    state.snapshot = out.take();
  }
  return outcome;
}

}  // namespace hotline::agents
