// Canonical pair order (relied on by every consumer; docs/determinism.md):
// the agents in the grid's sorted (cell, id) order (UniformGrid::
// sorted_agents: the store's slots, or the grid's sorted copy); each
// agent tested first against the later agents of its own cell, then against
// the agents of the forward neighbours east, south-west, south, south-east
// (in that order, skipping neighbours outside a bounded world). Work is cut
// into chunks of sorted positions; the concatenation of the chunks' pairs is one serial
// scan whatever the boundaries, so the order is a function of positions and
// ids and is the same at any thread count. A quiet agent (PairRule::
// set_quiet) skips the quiet agents of those cells: they could never pair
// with it, so the pairs found and their order are unchanged.
#include "hotline/engine/pair_finder.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <stdexcept>
#include <string>

#include "hotline/engine/fixed_chunks.hpp"

namespace hotline::engine {

namespace {

// Agents per parallel chunk: a thirty-second of the indexed agents, as a
// power of two from 256 to 2048, so that a few thousand agents make enough
// chunks to balance two or more threads (pair counts vary a lot between
// regions) and big worlds keep chunks large enough that scheduling is free.
// The pair order does not depend on it (see the top of the file).
std::uint32_t agents_per_chunk(std::uint32_t indexed) {
  constexpr std::uint32_t kMin = 256;
  constexpr std::uint32_t kMax = 2048;
  return std::clamp(std::bit_ceil(std::max<std::uint32_t>(indexed / 32, 1)), kMin, kMax);
}

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
    throw std::invalid_argument("PairRule: kinds must be in [1, " + std::to_string(kMaxKinds)
                                + "]");
  }
  if (sides < 1 || sides > kMaxSides) {
    throw std::invalid_argument("PairRule: sides must be in [1, " + std::to_string(kMaxSides)
                                + "]");
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
  if (range_km > 0.0 && quiet(kind_a) && quiet(kind_b)) {
    throw std::invalid_argument("PairRule: two quiet kinds have range 0");
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

void PairRule::set_quiet(int kind) {
  check_kind(kind, kinds_);
  quiet_mask_ |= std::uint32_t{1} << kind;
  for (int other = 0; other < kinds_; ++other) {
    if (quiet(other)) set_range_km(kind, other, 0.0);
  }
}

bool PairRule::quiet(int kind) const {
  check_kind(kind, kinds_);
  return ((quiet_mask_ >> kind) & 1U) != 0;
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
  for (std::size_t c = 0; c < used_chunks_; ++c)
    total += counts_[c];
  return total;
}

void PairList::copy_to(std::vector<AgentPair>& out) const {
  out.clear();
  out.reserve(size());
  for (std::size_t c = 0; c < used_chunks_; ++c) {
    const auto pairs = chunk(c);
    out.insert(out.end(), pairs.begin(), pairs.end());
  }
}

namespace {

// Everything the scan of one step reads, gathered once.
struct ScanInput {
  const std::uint32_t* start;
  const AgentId* ids;
  const double* xs;
  const double* ys;
  const std::uint8_t* sides;
  const std::uint8_t* kinds;
  const PairRule* rule;
  const double* range_sq;
  std::uint32_t quiet_mask;             // bit k: kind k is quiet
  const std::uint32_t* loud_positions;  // see PairList::loud_positions_
  const std::uint32_t* loud_before;     // see PairList::loud_before_
  std::size_t kind_count;
  std::int32_t cols;
  std::int32_t rows;
  bool torus;
  double width_km;
  double height_km;
};

// (a, b) with a < b, without a branch: which of two agents has the smaller id
// is a coin flip, and GCC compiles std::min/std::max of them to a jump.
inline AgentPair ordered_pair(AgentId x, AgentId y) {
  const AgentId swap = (x ^ y) & (AgentId{0} - static_cast<AgentId>(y < x));
  return {x ^ swap, y ^ swap};
}

// Appends pairs to a chunk's buffer without a branch per candidate: every
// candidate is written at the end and the end only advances on a hit, so the
// buffer must have room for all candidates of an agent beforehand.
class PairSink {
 public:
  explicit PairSink(std::vector<AgentPair>& buffer) : buffer_(buffer) {}
  void make_room(std::size_t candidates) {
    if (count_ + candidates > buffer_.size()) {
      buffer_.resize(std::max(buffer_.size() + buffer_.size() / 2, count_ + candidates + 64));
    }
  }
  AgentPair* data() { return buffer_.data(); }
  std::size_t& count() { return count_; }

 private:
  std::vector<AgentPair>& buffer_;
  std::size_t count_ = 0;
};

// Calls visit(j) for the sorted positions j in [from, to) that a scan of
// agent i tests: all of them, or (i quiet) only those of loud agents, in the
// same ascending order. Returns how many that is without visiting.
template <bool kLoudOnly>
std::uint32_t target_count(const ScanInput& in, std::uint32_t from, std::uint32_t to) {
  if constexpr (kLoudOnly) return in.loud_before[to] - in.loud_before[from];
  return to - from;
}
template <bool kLoudOnly, class Visit>
void for_targets(const ScanInput& in, std::uint32_t from, std::uint32_t to, Visit&& visit) {
  if constexpr (kLoudOnly) {
    const std::uint32_t* __restrict loud = in.loud_positions;
    for (std::uint32_t k = in.loud_before[from]; k < in.loud_before[to]; ++k)
      visit(loud[k]);
  } else {
    for (std::uint32_t j = from; j < to; ++j)
      visit(j);
  }
}

// Tests agent i (its sorted position) against its target blocks: block 0 is its own cell
// and is scanned from i + 1; the others are scanned whole. Pairs are stored as
// (i's id, other id) and put in (a < b) form once per chunk.
template <bool kMinImageX, bool kMinImageY, bool kLoudOnly>
void scan_agent(const ScanInput& in, std::uint32_t i, const TargetBlock* blocks,
                std::size_t block_count, PairSink& sink) {
  std::size_t candidates = target_count<kLoudOnly>(in, i + 1, blocks[0].end);
  for (std::size_t b = 1; b < block_count; ++b)
    candidates += target_count<kLoudOnly>(in, blocks[b].begin, blocks[b].end);
  sink.make_room(candidates);
  AgentPair* out = sink.data();
  std::size_t n = sink.count();
  const double xa = in.xs[i];
  const double ya = in.ys[i];
  const AgentId id_a = in.ids[i];
  const std::uint64_t side_mask = in.rule->side_mask(in.sides[i]);
  const double* range_sq_row = in.range_sq + in.kinds[i] * in.kind_count;
  for (std::size_t b = 0; b < block_count; ++b) {
    const TargetBlock& block = blocks[b];
    for_targets<kLoudOnly>(in, b == 0 ? i + 1 : block.begin, block.end, [&](std::uint32_t j) {
      double dx = in.xs[j] - xa;
      double dy = in.ys[j] - ya;
      if constexpr (kMinImageX) {
        dx = nearest_image(dx, in.width_km);
      } else {
        dx += block.shift_x_km;
      }
      if constexpr (kMinImageY) {
        dy = nearest_image(dy, in.height_km);
      } else {
        dy += block.shift_y_km;
      }
      const bool hit = (dx * dx + dy * dy < range_sq_row[in.kinds[j]])
                       & (((side_mask >> in.sides[j]) & 1U) != 0);
      out[n] = {id_a, in.ids[j]};
      n += hit ? 1 : 0;
    });
  }
  sink.count() = n;
}

// An agent in an interior cell (no edge, no seam). Its own cell continued by
// the east cell, and then the south-west, south and south-east cells, are two
// runs of sorted memory (same candidates, same order as the general path).
// Pairs are stored as (scanned, other); PairFinder::find orders each pair's
// ids once per hit afterwards, which is cheaper than once per candidate here.
template <bool kLoudOnly>
void scan_interior_agent(const ScanInput& in, std::uint32_t i, std::uint32_t cell, PairSink& sink) {
  const std::uint32_t own_end = in.start[cell + 2];
  const std::uint32_t below = cell + static_cast<std::uint32_t>(in.cols);
  const std::uint32_t below_begin = in.start[below - 1];
  const std::uint32_t below_end = in.start[below + 2];
  sink.make_room(target_count<kLoudOnly>(in, i + 1, own_end)
                 + target_count<kLoudOnly>(in, below_begin, below_end));
  // Local restrict pointers: the pair stores cannot alias the inputs, so the
  // compiler keeps them in registers instead of reloading after each store.
  AgentPair* __restrict out = sink.data();
  const double* __restrict xs = in.xs;
  const double* __restrict ys = in.ys;
  const AgentId* __restrict ids = in.ids;
  const std::uint8_t* __restrict sides = in.sides;
  const std::uint8_t* __restrict kinds = in.kinds;
  std::size_t n = sink.count();
  const double xa = xs[i];
  const double ya = ys[i];
  const AgentId id_a = ids[i];
  const std::uint64_t side_mask = in.rule->side_mask(sides[i]);
  const double* __restrict range_sq_row = in.range_sq + kinds[i] * in.kind_count;
  auto test = [&](std::uint32_t j) {
    const double dx = xs[j] - xa;
    const double dy = ys[j] - ya;
    const bool hit =
        (dx * dx + dy * dy < range_sq_row[kinds[j]]) & (((side_mask >> sides[j]) & 1U) != 0);
    out[n] = {id_a, ids[j]};
    n += hit ? 1 : 0;
  };
  for_targets<kLoudOnly>(in, i + 1, own_end, test);
  for_targets<kLoudOnly>(in, below_begin, below_end, test);
  sink.count() = n;
}

inline bool quiet(const ScanInput& in, std::uint32_t i) {
  return ((in.quiet_mask >> in.kinds[i]) & 1U) != 0;
}

// Whether an interior cell's own, east and three lower cells hold a loud
// agent (with quiet kinds only).
inline bool loud_ahead(const ScanInput& in, std::uint32_t cell) {
  const std::uint32_t below = cell + static_cast<std::uint32_t>(in.cols);
  return in.loud_before[in.start[cell + 2]] != in.loud_before[in.start[cell]]
         || in.loud_before[in.start[below + 2]] != in.loud_before[in.start[below - 1]];
}

// Target blocks of an agent's cell on an edge (or of a small grid): each
// forward neighbour separately, shifted across the seam where the world wraps.
std::size_t edge_blocks(const ScanInput& in, std::uint32_t cell, std::int32_t col, std::int32_t row,
                        TargetBlock* blocks) {
  std::size_t count = 0;
  blocks[count++] = {in.start[cell], in.start[cell + 1], 0.0, 0.0};
  for (const Offset& offset : kForwardNeighbours) {
    if ((in.cols == 1 && offset.cols != 0) || (in.rows == 1 && offset.rows != 0)) continue;
    std::int32_t c = col + offset.cols;
    std::int32_t r = row + offset.rows;
    double shift_x = 0.0;
    double shift_y = 0.0;
    if (c < 0 || c >= in.cols) {
      if (!in.torus) continue;
      shift_x = c < 0 ? -in.width_km : in.width_km;
      c = c < 0 ? c + in.cols : c - in.cols;
    }
    if (r >= in.rows) {
      if (!in.torus) continue;
      shift_y = in.height_km;
      r -= in.rows;
    }
    const auto neighbour = static_cast<std::uint32_t>(r * in.cols + c);
    if (in.start[neighbour] == in.start[neighbour + 1]) continue;
    blocks[count++] = {in.start[neighbour], in.start[neighbour + 1], shift_x, shift_y};
  }
  return count;
}

// Scans sorted agents [begin, end) in canonical order, a cell's run of
// agents at a time: the cell is computed from the run's first position with
// the grid's own function (so it is the cell the sort put it in), and its
// target blocks once. With quiet kinds, an interior cell with no loud agent
// in its own, east and three lower cells holds only quiet agents with
// nothing to test, and its run is skipped whole: on a fishing ground most
// cells are such.
template <bool kMinImageX, bool kMinImageY>
void scan_agents(const ScanInput& in, const UniformGrid& grid, std::uint32_t begin,
                 std::uint32_t end, PairSink& sink) {
  std::array<TargetBlock, 5> blocks;
  for (std::uint32_t i = begin; i < end;) {
    const std::int32_t col = grid.col_of(in.xs[i]);
    const std::int32_t row = grid.row_of(in.ys[i]);
    const auto cell = static_cast<std::uint32_t>(row * in.cols + col);
    const std::uint32_t run_end = std::min(end, in.start[cell + 1]);
    const bool interior =
        !kMinImageX && !kMinImageY && col >= 1 && col + 1 < in.cols && row + 1 < in.rows;
    if (interior) {
      if (in.quiet_mask != 0 && !loud_ahead(in, cell)) {
        i = run_end;
        continue;
      }
      for (; i < run_end; ++i) {
        if (quiet(in, i)) {
          scan_interior_agent<true>(in, i, cell, sink);
        } else {
          scan_interior_agent<false>(in, i, cell, sink);
        }
      }
    } else {
      const std::size_t count = edge_blocks(in, cell, col, row, blocks.data());
      for (; i < run_end; ++i) {
        if (quiet(in, i)) {
          scan_agent<kMinImageX, kMinImageY, true>(in, i, blocks.data(), count, sink);
        } else {
          scan_agent<kMinImageX, kMinImageY, false>(in, i, blocks.data(), count, sink);
        }
      }
    }
  }
}

// The loud (not quiet) agents' sorted positions and, for each position, how
// many loud agents precede it: one pass over the sorted kinds.
void index_loud_agents(const std::uint8_t* kinds, std::uint32_t indexed, std::uint32_t quiet_mask,
                       std::vector<std::uint32_t>& loud_positions,
                       std::vector<std::uint32_t>& loud_before) {
  loud_positions.resize(indexed);
  loud_before.resize(std::size_t{indexed} + 1);
  std::uint32_t loud = 0;
  for (std::uint32_t p = 0; p < indexed; ++p) {
    loud_before[p] = loud;
    loud_positions[loud] = p;  // kept only if p is loud: the next loud one overwrites it
    loud += ((quiet_mask >> kinds[p]) & 1U) == 0 ? 1 : 0;
  }
  loud_before[indexed] = loud;
}

// The grid, store and rule must fit each other: the largest range within a
// cell (so that neighbouring cells hold every partner), every kind and side
// known to the rule, the store the one the grid indexed.
void check_inputs(const UniformGrid& grid, const AgentStore& agents, const PairRule& rule) {
  const double range_km = rule.max_range_km();
  if ((grid.cols() > 1 && range_km > grid.cell_width_km())
      || (grid.rows() > 1 && range_km > grid.cell_height_km())) {
    throw std::invalid_argument("PairFinder: the rule's largest range (" + std::to_string(range_km)
                                + " km) exceeds the grid cell size");
  }
  if (grid.indexed_count() > 0
      && (grid.max_kind() >= rule.kinds() || grid.max_side() >= rule.sides())) {
    throw std::invalid_argument("PairFinder: an agent's kind or side is outside the pair rule");
  }
  if (agents.size() < grid.indexed_count()) {
    throw std::invalid_argument("PairFinder: the store is not the one the grid was built from");
  }
}

}  // namespace

void PairFinder::find(const UniformGrid& grid, const AgentStore& agents, const PairRule& rule,
                      PairList& out) const {
  check_inputs(grid, agents, rule);
  const std::int32_t cols = grid.cols();
  const std::int32_t rows = grid.rows();
  const WorldBounds& bounds = grid.bounds();
  const SortedAgents sorted = grid.sorted_agents(agents);
  ScanInput in{grid.cell_start().data(),
               sorted.id,
               sorted.x_km,
               sorted.y_km,
               sorted.side,
               sorted.kind,
               &rule,
               rule.range_sq_km2(),
               rule.quiet_mask(),
               nullptr,
               nullptr,
               static_cast<std::size_t>(rule.kinds()),
               cols,
               rows,
               bounds.torus,
               bounds.width_km,
               bounds.height_km};
  // A torus axis collapsed to one cell has no neighbour to shift to, so the
  // displacement along it is reduced to the nearest image instead.
  const bool min_image_x = bounds.torus && cols == 1;
  const bool min_image_y = bounds.torus && rows == 1;

  const auto indexed = static_cast<std::uint32_t>(grid.indexed_count());
  if (rule.quiet_mask() != 0) {
    index_loud_agents(sorted.kind, indexed, rule.quiet_mask(), out.loud_positions_,
                      out.loud_before_);
    in.loud_positions = out.loud_positions_.data();
    in.loud_before = out.loud_before_.data();
  }

  // Chunk k is sorted positions [k * per_chunk, (k + 1) * per_chunk):
  // the concatenation of the chunks' scans is one serial scan, whatever the
  // boundaries, so the pair order is canonical.
  const std::uint32_t per_chunk = agents_per_chunk(indexed);
  const std::size_t chunks = indexed == 0 ? 0 : (indexed + per_chunk - 1) / per_chunk;

  if (out.buffers_.size() < chunks) {
    out.buffers_.resize(chunks);
    out.counts_.resize(chunks);
  }
  out.used_chunks_ = chunks;

  auto scan_chunk = [&](std::size_t k) {
    PairSink sink(out.buffers_[k]);
    const auto begin = static_cast<std::uint32_t>(k * per_chunk);
    const std::uint32_t end = std::min(indexed, begin + per_chunk);
    if (min_image_x && min_image_y) {
      scan_agents<true, true>(in, grid, begin, end, sink);
    } else if (min_image_x) {
      scan_agents<true, false>(in, grid, begin, end, sink);
    } else if (min_image_y) {
      scan_agents<false, true>(in, grid, begin, end, sink);
    } else {
      scan_agents<false, false>(in, grid, begin, end, sink);
    }
    // Scans store (scanned, other); put every pair in (a < b) form.
    AgentPair* found = out.buffers_[k].data();
    for (std::size_t p = 0; p < sink.count(); ++p)
      found[p] = ordered_pair(found[p].a, found[p].b);
    out.counts_[k] = sink.count();
    // Headroom so that later steps, whose counts fluctuate around this one
    // by a few percent, do not reallocate inside the step loop: regrow to
    // 1.5x only when a step came within 1.25x of the capacity.
    std::vector<AgentPair>& buffer = out.buffers_[k];
    const std::size_t count = sink.count();
    if (buffer.size() < count + count / 4 + 64) buffer.resize(count + count / 2 + 64);
  };

  for_each_chunk(chunks, 1, [&](std::size_t k, std::size_t, std::size_t) { scan_chunk(k); });
}

}  // namespace hotline::engine
