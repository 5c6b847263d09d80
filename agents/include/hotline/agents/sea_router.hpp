// Ship routes round land: the shortest way on a grid of sea nodes, pulled
// tight.
//
// A ship heads straight for where it is going; only when its next move would
// touch land does it ask for a route (docs/geography.md). The router keeps a
// grid of nodes kNodeKm apart over the land map's bounds: a node is usable
// when its centre is at sea, and two of the eight neighbours are joined when
// the straight line between their centres is at sea (tested exactly, once,
// when the router is built). A route from a ship's position to its target:
//   1. the usable nodes nearest each end that it can see (a straight line at
//      sea), searched outwards ring by ring;
//   2. A* between them (octile distance; ties broken by node number, so the
//      answer is a pure function of the two nodes);
//   3. the node chain with the true ends, pulled tight: from each point, the
//      farthest later point in a straight line at sea.
// Every leg of a route is at sea. The node chain of each (start node, goal
// node) is cached, behind a mutex, for every thread and run of the scenario;
// a route is the same whether it came from the cache or not, so the cache
// changes nothing but the time it takes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "hotline/agents/land_map.hpp"
#include "hotline/agents/projection.hpp"

namespace hotline::agents {

class SeaRouter {
 public:
  static constexpr double kNodeKm = 4.0;
  // Node chains kept before the cache starts afresh.
  static constexpr std::size_t kCacheLimit = 50000;

  // The land must outlive the router (both are held by the WorldSpec).
  explicit SeaRouter(std::shared_ptr<const LandMap> land);

  // The points to sail through, in order, from `from` (at sea) towards `to`:
  // the last is `to` when it is at sea and can be reached, else the usable
  // node nearest it. Empty when `from` and `to` are joined by a straight line
  // at sea already, or when no route exists (the sea is cut in two).
  [[nodiscard]] std::vector<PlanePoint> route(PlanePoint from, PlanePoint to) const;

  [[nodiscard]] const LandMap& land() const { return *land_; }
  [[nodiscard]] std::size_t node_count() const { return usable_.size(); }
  // The node a point belongs to (clamped to the grid).
  [[nodiscard]] std::uint32_t node_of(PlanePoint p) const;
  [[nodiscard]] std::size_t cached_chains() const;
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  using Chain = std::vector<std::uint32_t>;
  static constexpr std::uint32_t kNone = 0xffffffffU;

  [[nodiscard]] PlanePoint centre(std::uint32_t node) const;
  // The usable node nearest `p` that sees it, within a few rings.
  [[nodiscard]] std::uint32_t visible_node(PlanePoint p) const;
  [[nodiscard]] Chain search(std::uint32_t start, std::uint32_t goal) const;
  [[nodiscard]] Chain cached_search(std::uint32_t start, std::uint32_t goal) const;

  std::shared_ptr<const LandMap> land_;
  PlanePoint lo_;
  int cols_ = 0;
  int rows_ = 0;
  std::vector<std::uint8_t> usable_;  // per node: its centre is at sea
  std::vector<std::uint8_t> links_;   // per node: bit k joins neighbour k (at sea)

  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<std::uint64_t, Chain> cache_;
};

}  // namespace hotline::agents
