// Structure-of-arrays storage of the agents of one replication.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hotline::engine {

// An agent's id is its index in the store and never changes during a run:
// random draws, events and traces are keyed by it, so storage is never
// reordered (the spatial index keeps its own sorted copy instead).
using AgentId = std::uint32_t;

// Columns every agent has. Models keep further per-agent columns of their own,
// indexed by the same AgentId. Units: km, radians (heading measured
// counter-clockwise from +x), km per second.
struct AgentStore {
  std::vector<double> x_km;
  std::vector<double> y_km;
  std::vector<double> heading_rad;
  std::vector<double> speed_km_s;
  std::vector<std::uint8_t> side;   // allegiance: the pair rule says which sides interact
  std::vector<std::uint8_t> kind;   // index into the pair rule's range table
  std::vector<std::uint8_t> alive;  // 0: ignored by the spatial index and pair finding

  AgentStore() = default;
  explicit AgentStore(std::size_t count) { resize(count); }

  // Resizes every column together; new agents are alive, at the origin, still.
  void resize(std::size_t count);
  [[nodiscard]] std::size_t size() const { return x_km.size(); }
};

}  // namespace hotline::engine
