// The sense phase's work (docs/architecture.md): the rival pairs the pair
// finder returns from the spatial index, each pair's separation (in three
// dimensions between aircraft; an aircraft meets a ship only on a low pass),
// which are within their kinds' begin and end ranges, and the encounter
// table's update: the encounters begun and ended this step.
//
// Ordering rule: the pair finder's chunks are filtered in parallel and
// concatenated in chunk order, then sorted by (a, b), so the proximities and
// the table's changes are the same at any thread count.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "encounter_table.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/engine/agent_store.hpp"
#include "hotline/engine/pair_finder.hpp"
#include "hotline/engine/snapshot_stream.hpp"
#include "hotline/engine/uniform_grid.hpp"

namespace hotline::agents::detail {

class EncounterSensing {
 public:
  explicit EncounterSensing(const WorldSpec& spec);

  // This step's proximities and the table's update. `altitude_km`: per slot;
  // `dyad_of_nations`: the dyad of each ordered pair of nations, [a * n + b].
  // The store's slots_by_id must be built (it is read in parallel).
  void sense(const engine::UniformGrid& grid, const engine::AgentStore& agents,
             const std::vector<double>& altitude_km,
             const std::vector<std::uint32_t>& dyad_of_nations, std::uint32_t step);

  [[nodiscard]] EncounterTable& table() { return table_; }
  [[nodiscard]] const EncounterTable& table() const { return table_; }
  [[nodiscard]] const std::vector<Encounter>& begun() const { return begun_; }
  [[nodiscard]] const std::vector<Encounter>& ended() const { return ended_; }

  // The state a snapshot holds (world_snapshot.cpp), and back.
  void save(engine::SnapshotWriter& out) const;
  void restore(engine::SnapshotReader& in);

 private:
  void filter_chunk(std::size_t chunk, const engine::AgentStore& agents,
                    const std::vector<double>& altitude_km,
                    const std::vector<std::uint32_t>& dyad_of_nations);

  EncounterParameters encounters_;
  std::size_t nations_;
  engine::PairRule rule_;
  engine::PairFinder finder_;
  engine::PairList pairs_;
  std::vector<std::vector<Proximity>> found_by_chunk_;
  std::vector<Proximity> found_;
  EncounterTable table_;
  std::vector<Encounter> begun_;
  std::vector<Encounter> ended_;
};

}  // namespace hotline::agents::detail
