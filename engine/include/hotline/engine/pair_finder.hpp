// Deterministic parallel search for all interacting pairs within range.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "hotline/engine/agent_store.hpp"
#include "hotline/engine/uniform_grid.hpp"

namespace hotline::engine {

// The displacement along a periodic axis of length `period` to the nearest
// image, given d = (b - a) in (-period, period): the one of d, d + period,
// d - period with the smallest magnitude. This is the torus distance's
// definition; the pair finder computes exactly these values, and
// d(a, b) = -d(b, a) bit for bit, so a pair's distance does not depend on
// which of its agents is scanned first.
[[nodiscard]] inline double nearest_image(double d, double period) {
  double best = d;
  const double up = d + period;
  const double down = d - period;
  if ((up < 0 ? -up : up) < (best < 0 ? -best : best)) best = up;
  if ((down < 0 ? -down : down) < (best < 0 ? -best : best)) best = down;
  return best;
}

// One unordered pair, always stored with a < b.
struct AgentPair {
  AgentId a;
  AgentId b;
  friend bool operator==(const AgentPair&, const AgentPair&) = default;
  friend auto operator<=>(const AgentPair&, const AgentPair&) = default;
};

// Which agents interact, and within what distance: a symmetric range per
// (kind, kind) and a symmetric "interacts" relation between sides. A pair is
// reported when its sides interact and its distance is strictly below the
// range for its kinds (range 0 = never).
//
// A kind may be quiet: two agents of quiet kinds never pair (their range is
// 0), so the search skips quiet agents altogether when it scans a quiet one.
// A crowd that only matters next to others (fishing boats among patrols)
// then costs a test per non-quiet neighbour instead of one per neighbour.
// The pairs and their order are exactly those without the skip.
class PairRule {
 public:
  static constexpr int kMaxKinds = 16;
  static constexpr int kMaxSides = 64;

  PairRule(int kinds, int sides);

  void set_range_km(int kind_a, int kind_b, double range_km);
  void set_interacts(int side_a, int side_b, bool interacts);
  // Marks `kind` quiet and sets its range to every quiet kind (itself
  // included) to 0. Afterwards set_range_km between two quiet kinds may only
  // set 0 (std::invalid_argument otherwise).
  void set_quiet(int kind);

  [[nodiscard]] int kinds() const { return kinds_; }
  [[nodiscard]] int sides() const { return sides_; }
  [[nodiscard]] double range_km(int kind_a, int kind_b) const;
  [[nodiscard]] bool interacts(int side_a, int side_b) const;
  [[nodiscard]] bool quiet(int kind) const;
  // Bit k is set when kind k is quiet.
  [[nodiscard]] std::uint32_t quiet_mask() const { return quiet_mask_; }
  // The largest range: the grid's cells must be at least this wide.
  [[nodiscard]] double max_range_km() const;

  // Squared ranges, row-major kinds x kinds, for the inner loop.
  [[nodiscard]] const double* range_sq_km2() const { return range_sq_km2_.data(); }
  // Bit s of side_mask(side) is set when `side` interacts with side s.
  [[nodiscard]] std::uint64_t side_mask(int side) const {
    return side_masks_[static_cast<std::size_t>(side)];
  }

 private:
  int kinds_;
  int sides_;
  std::vector<double> range_km_;
  std::vector<double> range_sq_km2_;
  std::vector<std::uint64_t> side_masks_;
  std::uint32_t quiet_mask_ = 0;
};

// The pairs found in one step, held as the per-chunk buffers the parallel
// search filled. The canonical order is chunk by chunk, each chunk in
// the order a serial scan visits it (docs/determinism.md): it depends only on
// positions and ids. Consumers that change state from pairs iterate chunks
// in order, or in parallel with per-chunk results merged in chunk order.
class PairList {
 public:
  [[nodiscard]] std::size_t chunk_count() const { return used_chunks_; }
  [[nodiscard]] std::span<const AgentPair> chunk(std::size_t index) const {
    return {buffers_[index].data(), counts_[index]};
  }
  [[nodiscard]] std::size_t size() const;
  // All pairs in canonical order, into `out` (cleared first).
  void copy_to(std::vector<AgentPair>& out) const;

 private:
  friend class PairFinder;
  // Each buffer's size() is its usable capacity; counts_ says how much of it
  // holds this step's pairs. Buffers only grow, so steps reuse them.
  std::vector<std::vector<AgentPair>> buffers_;
  std::vector<std::size_t> counts_;
  std::size_t used_chunks_ = 0;
  // With quiet kinds: the sorted positions of the agents that are not quiet,
  // ascending, and for each sorted position p how many of them lie before p
  // (indexed_count() + 1 entries). Scratch, reused from step to step.
  std::vector<std::uint32_t> loud_positions_;
  std::vector<std::uint32_t> loud_before_;
};

// Finds every pair of indexed agents within range, in parallel over chunks of
// the grid-sorted store (256 to 2048 slots, fixed by the number of indexed
// agents alone: the pairs do not depend on the thread count). Each agent is tested against the
// later agents of its cell and those of four forward neighbours (the half
// stencil), so each pair is found exactly once.
class PairFinder {
 public:
  // `agents` is the store the grid was last rebuilt from, unchanged since.
  // Throws std::invalid_argument if the rule's largest range exceeds the grid's
  // cell size or an agent's kind or side is outside the rule's tables.
  void find(const UniformGrid& grid, const AgentStore& agents, const PairRule& rule,
            PairList& out) const;
};

}  // namespace hotline::engine
