// Canonical pair order (relied on by every consumer; docs/determinism.md):
// chunks in ascending order; inside a chunk, cells in ascending row-major
// index; inside a cell, its agents in sorted order (ascending id), each tested
// first against the later agents of its own cell, then against the agents of
// the forward neighbours east, south-west, south, south-east (in that order,
// skipping neighbours outside a bounded world). Chunk boundaries are whole
// cells chosen from the agent counts alone, so the order is a function of
// positions and ids and is the same at any thread count.
#include "hotline/engine/pair_finder.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace hotline::engine {

namespace {

constexpr std::uint32_t kAgentsPerChunk = 2048;

struct Offset {
  std::int32_t cols;
  std::int32_t rows;
};
constexpr std::array<Offset, 4> kForwardNeighbours = {{{1, 0}, {-1, 1}, {0, 1}, {1, 1}}};

// A block of sorted agents to test against, already shifted across the seam.
struct TargetBlock {
  std::uint32_t begin;
  std::uint32_t end;
  double shift_x_km;
  double shift_y_km;
};

void check_kind(int kind, int kinds) {
  if (kind < 0 || kind >= kinds) throw std::out_of_range("PairRule: kind out of range");
}
void check_side(int side, int sides) {
  if (side < 0 || side >= sides) throw std::out_of_range("PairRule: side out of range");
}

}  // namespace

PairRule::PairRule(int kinds, int sides) : kinds_(kinds), sides_(sides) {
  if (kinds < 1 || kinds > kMaxKinds) {
    throw std::invalid_argument("PairRule: kinds must be in [1, " + std::to_string(kMaxKinds) + "]");
  }
  if (sides < 1 || sides > kMaxSides) {
    throw std::invalid_argument("PairRule: sides must be in [1, " + std::to_string(kMaxSides) + "]");
  }
  const auto cells = static_cast<std::size_t>(kinds) * static_cast<std::size_t>(kinds);
  range_km_.assign(cells, 0.0);
  range_sq_km2_.assign(cells, 0.0);
  side_masks_.assign(static_cast<std::size_t>(sides), 0);
}

void PairRule::set_range_km(int kind_a, int kind_b, double range_km) {
  check_kind(kind_a, kinds_);
  check_kind(kind_b, kinds_);
  if (!std::isfinite(range_km) || range_km < 0.0) {
    throw std::invalid_argument("PairRule: range must be finite and >= 0");
  }
  const auto ab = static_cast<std::size_t>(kind_a * kinds_ + kind_b);
  const auto ba = static_cast<std::size_t>(kind_b * kinds_ + kind_a);
  range_km_[ab] = range_km_[ba] = range_km;
  range_sq_km2_[ab] = range_sq_km2_[ba] = range_km * range_km;
}

void PairRule::set_interacts(int side_a, int side_b, bool interacts) {
  check_side(side_a, sides_);
  check_side(side_b, sides_);
  const auto bit = [](int s) { return std::uint64_t{1} << s; };
  auto& mask_a = side_masks_[static_cast<std::size_t>(side_a)];
  auto& mask_b = side_masks_[static_cast<std::size_t>(side_b)];
  if (interacts) {
    mask_a |= bit(side_b);
    mask_b |= bit(side_a);
  } else {
    mask_a &= ~bit(side_b);
    mask_b &= ~bit(side_a);
  }
}

double PairRule::range_km(int kind_a, int kind_b) const {
  check_kind(kind_a, kinds_);
  check_kind(kind_b, kinds_);
  return range_km_[static_cast<std::size_t>(kind_a * kinds_ + kind_b)];
}

bool PairRule::interacts(int side_a, int side_b) const {
  check_side(side_a, sides_);
  check_side(side_b, sides_);
  return ((side_masks_[static_cast<std::size_t>(side_a)] >> side_b) & 1U) != 0;
}

double PairRule::max_range_km() const {
  return *std::max_element(range_km_.begin(), range_km_.end());
}

std::size_t PairList::size() const {
  std::size_t total = 0;
  for (std::size_t c = 0; c < used_chunks_; ++c) total += chunks_[c].size();
  return total;
}

void PairList::copy_to(std::vector<AgentPair>& out) const {
  out.clear();
  out.reserve(size());
  for (std::size_t c = 0; c < used_chunks_; ++c) {
    out.insert(out.end(), chunks_[c].begin(), chunks_[c].end());
  }
}

void PairFinder::find(const UniformGrid& grid, const PairRule& rule, PairList& out) const {
  const std::int32_t cols = grid.cols();
  const std::int32_t rows = grid.rows();
  const double range_km = rule.max_range_km();
  if ((cols > 1 && range_km > grid.cell_width_km()) ||
      (rows > 1 && range_km > grid.cell_height_km())) {
    throw std::invalid_argument("PairFinder: the rule's largest range (" +
                                std::to_string(range_km) + " km) exceeds the grid cell size");
  }
  if (grid.indexed_count() > 0 &&
      (grid.max_kind() >= rule.kinds() || grid.max_side() >= rule.sides())) {
    throw std::invalid_argument("PairFinder: an agent's kind or side is outside the pair rule");
  }

  const WorldBounds& bounds = grid.bounds();
  const bool torus = bounds.torus;
  // A torus axis collapsed to one cell has no neighbour to shift to, so the
  // distance along it is reduced to the minimum image instead.
  const bool min_image_x = torus && cols == 1;
  const bool min_image_y = torus && rows == 1;
  const double width_km = bounds.width_km;
  const double height_km = bounds.height_km;
  const double inv_width = 1.0 / width_km;
  const double inv_height = 1.0 / height_km;

  const std::uint32_t* start = grid.cell_start().data();
  const AgentId* ids = grid.sorted_ids().data();
  const double* xs = grid.sorted_x_km().data();
  const double* ys = grid.sorted_y_km().data();
  const std::uint8_t* sides = grid.sorted_side().data();
  const std::uint8_t* kinds = grid.sorted_kind().data();
  const double* range_sq = rule.range_sq_km2();
  const auto kind_count = static_cast<std::size_t>(rule.kinds());

  // Chunk k starts at the cell holding sorted position k * kAgentsPerChunk.
  const auto indexed = static_cast<std::uint32_t>(grid.indexed_count());
  const std::uint32_t cell_count = grid.cell_count();
  const std::size_t chunks =
      indexed == 0 ? 0 : (indexed + kAgentsPerChunk - 1) / kAgentsPerChunk;
  auto first_cell_of_chunk = [&](std::size_t k) -> std::uint32_t {
    if (k == 0) return 0;
    if (k >= chunks) return cell_count;
    const auto target = static_cast<std::uint32_t>(k * kAgentsPerChunk);
    // Last cell whose start is <= target: that cell holds position `target`.
    const std::uint32_t* it = std::upper_bound(start, start + cell_count, target);
    return static_cast<std::uint32_t>(it - start) - 1;
  };

  if (out.chunks_.size() < chunks) out.chunks_.resize(chunks);
  out.used_chunks_ = chunks;

  auto scan_chunk = [&](std::size_t k) {
    std::vector<AgentPair>& found = out.chunks_[k];
    found.clear();
    const std::uint32_t cell_end = first_cell_of_chunk(k + 1);
    for (std::uint32_t cell = first_cell_of_chunk(k); cell < cell_end; ++cell) {
      const std::uint32_t own_begin = start[cell];
      const std::uint32_t own_end = start[cell + 1];
      if (own_begin == own_end) continue;

      const auto col = static_cast<std::int32_t>(cell % static_cast<std::uint32_t>(cols));
      const auto row = static_cast<std::int32_t>(cell / static_cast<std::uint32_t>(cols));
      std::array<TargetBlock, 5> targets;
      std::size_t target_count = 0;
      targets[target_count++] = {own_begin, own_end, 0.0, 0.0};
      for (const Offset& offset : kForwardNeighbours) {
        if ((cols == 1 && offset.cols != 0) || (rows == 1 && offset.rows != 0)) continue;
        std::int32_t c = col + offset.cols;
        std::int32_t r = row + offset.rows;
        double shift_x = 0.0;
        double shift_y = 0.0;
        if (c < 0 || c >= cols) {
          if (!torus) continue;
          shift_x = c < 0 ? -width_km : width_km;
          c = c < 0 ? c + cols : c - cols;
        }
        if (r >= rows) {
          if (!torus) continue;
          shift_y = height_km;
          r -= rows;
        }
        const auto neighbour = static_cast<std::uint32_t>(r * cols + c);
        if (start[neighbour] == start[neighbour + 1]) continue;
        targets[target_count++] = {start[neighbour], start[neighbour + 1], shift_x, shift_y};
      }

      for (std::uint32_t i = own_begin; i < own_end; ++i) {
        const double xa = xs[i];
        const double ya = ys[i];
        const AgentId id_a = ids[i];
        const std::uint64_t side_mask = rule.side_mask(sides[i]);
        const double* range_sq_row = range_sq + kinds[i] * kind_count;
        for (std::size_t t = 0; t < target_count; ++t) {
          const TargetBlock& block = targets[t];
          for (std::uint32_t j = t == 0 ? i + 1 : block.begin; j < block.end; ++j) {
            if (((side_mask >> sides[j]) & 1U) == 0) continue;
            double dx = xs[j] + block.shift_x_km - xa;
            double dy = ys[j] + block.shift_y_km - ya;
            if (min_image_x) dx -= width_km * std::nearbyint(dx * inv_width);
            if (min_image_y) dy -= height_km * std::nearbyint(dy * inv_height);
            if (dx * dx + dy * dy < range_sq_row[kinds[j]]) {
              const AgentId id_b = ids[j];
              found.push_back(id_a < id_b ? AgentPair{id_a, id_b} : AgentPair{id_b, id_a});
            }
          }
        }
      }
    }
  };

  if (chunks == 1) {
    scan_chunk(0);
  } else if (chunks > 1) {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, chunks, 1),
        [&](const tbb::blocked_range<std::size_t>& range) {
          for (std::size_t k = range.begin(); k != range.end(); ++k) scan_chunk(k);
        },
        tbb::simple_partitioner{});
  }

  // Headroom so that the next steps, whose counts fluctuate around this one,
  // do not reallocate inside the step loop.
  for (std::size_t k = 0; k < chunks; ++k) {
    std::vector<AgentPair>& found = out.chunks_[k];
    if (found.size() * 4 > found.capacity() * 3) found.reserve(found.size() * 2 + 64);
  }
}

}  // namespace hotline::engine
