// A replication of the platform model as a multilevel-splitting process
// (engine/splitting.hpp, docs/rare-events.md): its state is a snapshot, its
// levels rungs of the escalation ladder (risk_levels.hpp; by default level
// k is reached when any rival dyad first reaches escalation level k — 1:
// L1, 2: L2, 3: L3, 4: a clash), and a run of it steps a world restored from the snapshot, on the
// clone's branch of the random streams, until the level is reached, the horizon ends (a clone
// carries its source's clock: the snapshot's step), or the scenario stops at its first clash.
#pragma once

#include <oneapi/tbb/enumerable_thread_specific.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "hotline/agents/platform_world.hpp"
#include "hotline/agents/risk_levels.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/engine/splitting.hpp"

namespace hotline::agents {

// The highest escalation level any dyad has reached so far (4: a clash).
[[nodiscard]] int highest_level_reached(const PlatformWorld& world);

struct WorldState {
  std::vector<std::byte> snapshot;
};

class WorldSplitting {
 public:
  // Runs of policy `policy` of `spec`, replication `replication` of `seed`,
  // over `horizon_steps` steps, up the levels `levels` (splitting's level
  // k is levels[k - 1]). `before_step`, if set, is called before every
  // step (it may throw to abandon the run: an interruption). With
  // `expected_clashes`, a run to the clash is valued by the clashes it
  // expected from its start (clash_risk.hpp; 1 if its start had clashed).
  WorldSplitting(const WorldSpec& spec, std::uint64_t seed, std::uint32_t replication,
                 std::size_t policy, std::uint64_t horizon_steps,
                 std::vector<RiskLevel> levels = default_risk_levels(),
                 std::function<void()> before_step = {}, bool expected_clashes = false);

  // The state at step 0 (the world as built).
  [[nodiscard]] WorldState start() const;
  [[nodiscard]] const std::vector<RiskLevel>& levels() const { return levels_; }
  // Runs `state` on `branch` until level `level` (see above); the work is
  // platform-steps. On reaching it, `state` becomes the snapshot there.
  // Safe from several threads at once: each thread restores its own world.
  engine::RunOutcome run(WorldState& state, std::uint64_t branch, std::uint32_t level);

 private:
  const WorldSpec& spec_;
  std::uint64_t seed_;
  std::uint32_t replication_;
  std::size_t policy_;
  std::uint64_t horizon_steps_;
  std::vector<RiskLevel> levels_;
  std::function<void()> before_step_;
  bool expected_clashes_ = false;
  std::unique_ptr<PlatformWorld> world_;  // the start, and the first thread's
  // One world per thread, built on its first run and restored for every run.
  tbb::enumerable_thread_specific<std::unique_ptr<PlatformWorld>> worlds_;
};

}  // namespace hotline::agents
