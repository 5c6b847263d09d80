// The canonical engine benchmark, "swarm" (docs/benchmarks.md).
//
// N agents on two sides random-walk on a torus of density 1; every step, each
// opposite-side pair closer than 1 is an encounter, and each encounter is an
// incident with probability 0.001. It runs on exactly the engine pieces real
// scenarios use: the agent store, the counter-based RNG, the uniform grid and
// the pair finder, through the named phases move, index, sense, resolve,
// record. Units are the spec's abstract units, stored in the km columns.
#pragma once

#include <cstdint>
#include <vector>

#include "hotline/engine/engine.hpp"

namespace hotline::agents {

struct SwarmConfig {
  std::uint32_t agents = 10000;
  std::uint64_t seed = 1;
  std::uint32_t replication = 0;
  double density = 1.0;          // agents per unit^2
  double encounter_range = 1.0;  // r
  double step_length = 0.05;     // distance moved per step
  double max_turn_rad = 0.2;     // heading += U(-max_turn, max_turn)
  double incident_probability = 0.001;
  // false: the spatial index runs its full counting sort every step instead
  // of re-sorting incrementally (same results; for measurement).
  bool incremental_resort = true;
};

// The standard number of steps the swarm benchmark runs for a population size.
[[nodiscard]] std::uint32_t swarm_spec_steps(std::uint64_t agents);

class SwarmModel {
 public:
  // Throws std::invalid_argument for a config outside the model's domain.
  explicit SwarmModel(const SwarmConfig& config);

  // Advances one step: move, index, sense, resolve, record.
  void step();

  [[nodiscard]] const SwarmConfig& config() const { return config_; }
  [[nodiscard]] double world_side() const { return side_; }
  // Steps taken so far; the state after construction is step 0.
  [[nodiscard]] std::uint32_t steps_taken() const { return step_; }
  // Slots are kept sorted by cell; use AgentStore::id / slot_of to find an
  // agent.
  [[nodiscard]] const engine::AgentStore& agents() const { return agents_; }
  // The encounters and incidents of the last step, in canonical order
  // (encounters as the pair finder emits them, incidents sorted by id pair).
  [[nodiscard]] const engine::PairList& encounters() const { return encounters_; }
  [[nodiscard]] const std::vector<engine::AgentPair>& incidents() const { return incidents_; }
  [[nodiscard]] std::uint64_t total_encounters() const { return total_encounters_; }
  [[nodiscard]] std::uint64_t total_incidents() const { return total_incidents_; }
  [[nodiscard]] const engine::PhaseTimers& timers() const { return timers_; }
  void reset_timers() { timers_.reset(); }

  // The analytic mean number of encounters per step for uniform positions:
  // (N/2)^2 pi r^2 / L^2 (exact for even N; N/2 rounded per side otherwise).
  [[nodiscard]] double expected_encounters_per_step() const;

 private:
  void move();
  void resolve();

  SwarmConfig config_;
  double side_;
  engine::CounterRng rng_;
  engine::AgentStore agents_;
  engine::UniformGrid grid_;
  engine::PairRule rule_;
  engine::PairFinder finder_;
  engine::PairList encounters_;
  std::vector<std::vector<engine::AgentPair>> incidents_by_chunk_;
  std::vector<engine::AgentPair> incidents_;
  engine::PhaseTimers timers_;
  std::uint32_t step_ = 0;
  std::uint64_t total_encounters_ = 0;
  std::uint64_t total_incidents_ = 0;
};

}  // namespace hotline::agents
