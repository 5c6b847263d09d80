// Rebuild orders the store by (cell, id), dead agents (key cell_count()) last,
// in one of two ways that give the same order (docs/engine.md):
//  - incremental: agents that kept their cell are already in order; the few
//    that changed cell are sorted and merged back in, chunk by chunk. It is
//    two parallel passes over fixed chunks of slots, each doing all it can
//    while a chunk is in cache (keys, stayers and movers; then merge, the
//    store's reorder and cell_start), since for a few thousand agents the
//    cost of a step is as much the number of passes as the work in them;
//  - full: a stable least-significant-digit radix sort of the slots by cell,
//    one counting-sort pass per digit of the cell index (one pass for grids
//    of up to 16384 cells, two up to 4 million), each pass parallel over fixed
//    chunks of agents (sort_chunk), then each cell's run put in id order.
//   then the store is permuted into that order and cell_start is derived.
#include "hotline/engine/uniform_grid.hpp"

#include <oneapi/tbb/parallel_sort.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "hotline/engine/fixed_chunks.hpp"
#include "simd_dispatch.hpp"

namespace hotline::engine {

namespace {

// Agents per parallel chunk: a thirty-second of them, as a power of two
// from 256 to 16384, so that a few thousand agents still make enough chunks
// to split evenly over the threads and a million make chunks big enough that
// scheduling costs nothing. The order the grid produces does not depend on
// the chunking (docs/engine.md), only how the work is spread.
std::size_t sort_chunk(std::size_t items) {
  constexpr std::size_t kMin = 256;
  constexpr std::size_t kMax = 16384;
  return std::clamp(std::bit_ceil(std::max<std::size_t>(items / 32, 1)), kMin, kMax);
}
// Digits of up to 14 bits (one pass for grids of up to 16384 cells) while one
// or two chunks keep the histograms small; 11 bits once there are more chunks.
constexpr unsigned kMaxDigitBitsFewChunks = 14;
constexpr unsigned kMaxDigitBitsManyChunks = 11;

struct DigitPlan {
  unsigned passes;
  unsigned digit_bits;
};

DigitPlan plan_digits(std::uint32_t max_key, std::size_t chunks) {
  const unsigned max_digit = chunks <= 2 ? kMaxDigitBitsFewChunks : kMaxDigitBitsManyChunks;
  const unsigned key_bits = std::max(1U, static_cast<unsigned>(std::bit_width(max_key)));
  const unsigned passes = (key_bits + max_digit - 1) / max_digit;
  return {passes, (key_bits + passes - 1) / passes};
}

// Cell keys of agents [first, first + count) into keys[0, count): the
// arithmetic of UniformGrid::cell_of, written without branches so that it
// vectorizes, and the dead key for dead agents. Bit-identical to cell_of:
// tests/test_uniform_grid.cpp compares every key.
struct KeyGeometry {
  double min_x_km;
  double min_y_km;
  double inv_cell_width;
  double inv_cell_height;
  std::int32_t cols;
  std::int32_t rows;
  std::uint32_t dead_key;
};

inline std::int32_t axis_cell_branchless(double offset_km, double inv_cell_km, std::int32_t cells) {
  const double f = offset_km * inv_cell_km;
  const double clamped = f >= 0.0 ? (f < static_cast<double>(cells) ? f : cells - 1) : 0.0;
  return static_cast<std::int32_t>(clamped);
}

inline void cell_keys_loop(const KeyGeometry& g, const double* __restrict x,
                           const double* __restrict y, const std::uint8_t* __restrict alive,
                           std::size_t count, std::uint32_t* __restrict keys) {
  for (std::size_t k = 0; k < count; ++k) {
    const std::int32_t col = axis_cell_branchless(x[k] - g.min_x_km, g.inv_cell_width, g.cols);
    const std::int32_t row = axis_cell_branchless(y[k] - g.min_y_km, g.inv_cell_height, g.rows);
    const auto cell = static_cast<std::uint32_t>(row * g.cols + col);
    keys[k] = alive[k] != 0 ? cell : g.dead_key;
  }
}

#if HOTLINE_HAVE_V4
HOTLINE_TARGET_V4 void cell_keys_v4(const KeyGeometry& g, const double* x, const double* y,
                                    const std::uint8_t* alive, std::size_t count,
                                    std::uint32_t* keys) {
  cell_keys_loop(g, x, y, alive, count, keys);
}
#endif

void cell_keys(const KeyGeometry& g, const double* x, const double* y, const std::uint8_t* alive,
               std::size_t count, std::uint32_t* keys) {
#if HOTLINE_HAVE_V4
  if (detail::use_simd_v4()) {
    cell_keys_v4(g, x, y, alive, count, keys);
    return;
  }
#endif
  cell_keys_loop(g, x, y, alive, count, keys);
}

// The incremental re-sort handles up to one agent in kMoverShare changing
// cell (plus a few); beyond that a full sort is as cheap. A chunk collects
// its movers in its own part of the buffer, room for one in
// kChunkMoverShare (plus a few): a chunk with more falls back to the full
// sort too (same order, only slower).
constexpr std::size_t kMoverShare = 8;
constexpr std::size_t kChunkMoverShare = 8;
constexpr std::size_t kChunkMoverSlack = 16;

std::size_t chunk_mover_room(std::size_t chunk_size) {
  return chunk_size / kChunkMoverShare + kChunkMoverSlack;
}

// Stores of up to this many agents are reordered range by range inside the
// merge pass, with a spare buffer per column (AgentStore::gather_range):
// one pass fewer, and each range gathered by the thread that merged it,
// which is what decides the speed of a step of a few thousand agents. Bigger
// stores are permuted column by column after the merge, with one spare per
// column type: at a million agents a pass is long enough for its count not
// to matter, and a spare per column would cost 30 more bytes per agent.
constexpr std::size_t kFusedReorderMaxAgents = std::size_t{1} << 16;

// One stable counting-sort pass on bits [shift, shift + digit_bits) of the
// keys: per-chunk histograms, an exclusive scan in (digit, chunk) order, then a
// scatter in which each chunk writes only its own positions. Item i has the
// key in_key[i] and carries the slot slot_of_item(i).
template <class SlotOf>
void counting_pass(std::size_t n, unsigned shift, unsigned digit_bits, std::uint32_t* histograms,
                   const std::uint32_t* in_key, const SlotOf& slot_of_item, std::uint32_t* out_key,
                   std::uint32_t* out_slot) {
  const std::size_t buckets = std::size_t{1} << digit_bits;
  const std::uint32_t mask = static_cast<std::uint32_t>(buckets - 1);
  const std::size_t chunk_size = sort_chunk(n);
  const std::size_t chunks = chunk_count(n, chunk_size);

  for_each_chunk(n, chunk_size, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
    std::uint32_t* h = histograms + chunk * buckets;
    std::fill(h, h + buckets, 0U);
    for (std::size_t i = begin; i < end; ++i)
      ++h[(in_key[i] >> shift) & mask];
  });

  // Chunk c's items with digit d go after every item with a smaller digit and
  // after those of chunks < c with digit d: that is what makes it stable.
  std::uint32_t running = 0;
  for (std::size_t b = 0; b < buckets; ++b) {
    for (std::size_t c = 0; c < chunks; ++c) {
      std::uint32_t& slot = histograms[c * buckets + b];
      const std::uint32_t count = slot;
      slot = running;
      running += count;
    }
  }
  for_each_chunk(n, chunk_size, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
    std::uint32_t* next = histograms + chunk * buckets;
    for (std::size_t i = begin; i < end; ++i) {
      const std::uint32_t key = in_key[i];
      const std::uint32_t pos = next[(key >> shift) & mask]++;
      out_key[pos] = key;
      out_slot[pos] = slot_of_item(i);
    }
  });
}

}  // namespace

UniformGrid::UniformGrid(const WorldBounds& bounds, double cell_min_km, StoreOrder store_order)
    : bounds_(bounds), store_order_(store_order) {
  auto finite_positive = [](double v) { return std::isfinite(v) && v > 0.0; };
  if (!finite_positive(bounds.width_km) || !finite_positive(bounds.height_km)
      || !std::isfinite(bounds.min_x_km) || !std::isfinite(bounds.min_y_km)) {
    throw std::invalid_argument("UniformGrid: world bounds must be finite with positive extent");
  }
  if (!finite_positive(cell_min_km)) {
    throw std::invalid_argument("UniformGrid: cell size must be finite and positive");
  }
  auto cells_along = [&](double extent_km) {
    const double fit = std::floor(extent_km / cell_min_km);
    if (fit > static_cast<double>(std::numeric_limits<std::int32_t>::max())) {
      throw std::invalid_argument("UniformGrid: too many cells; raise the cell size");
    }
    auto cells = std::max<std::int32_t>(1, static_cast<std::int32_t>(fit));
    // On a torus, an axis of 2 cells would see its one neighbour twice.
    if (bounds_.torus && cells < 3) cells = 1;
    return cells;
  };
  cols_ = cells_along(bounds.width_km);
  rows_ = cells_along(bounds.height_km);
  const auto cells = static_cast<std::uint64_t>(cols_) * static_cast<std::uint64_t>(rows_);
  // cell_count() itself is the key of dead agents, so it must fit too.
  if (cells >= (std::uint64_t{1} << 31)) {
    throw std::invalid_argument("UniformGrid: too many cells; raise the cell size");
  }
  cell_count_ = static_cast<std::uint32_t>(cells);
  cell_width_km_ = bounds.width_km / cols_;
  cell_height_km_ = bounds.height_km / rows_;
  inv_cell_width_ = cols_ / bounds.width_km;
  inv_cell_height_ = rows_ / bounds.height_km;
  cell_start_.assign(cell_count_ + std::size_t{1}, 0U);
}

void UniformGrid::ensure_capacity(std::size_t agent_count, unsigned passes) {
  const std::size_t chunks = chunk_count(agent_count, sort_chunk(agent_count));
  const std::size_t digit_bits = plan_digits(cell_count_, chunks).digit_bits;
  // Buffers only grow.
  auto grow = [](auto& v, std::size_t size) {
    if (v.size() < size) v.resize(size);
  };
  grow(keys_, agent_count);
  grow(new_keys_, agent_count);
  grow(order_, agent_count);
  grow(slot_tmp_, passes > 1 ? agent_count : 0);
  grow(slot_tmp2_, passes > 2 ? agent_count : 0);
  grow(chunk_movers_, chunks * chunk_mover_room(sort_chunk(agent_count)));
  grow(movers_, agent_count / kMoverShare + 64);
  grow(next_keys_, agent_count <= kFusedReorderMaxAgents ? agent_count : 0);
  grow(histograms_, chunks << digit_bits);
  grow(chunk_stats_, chunks);
  grow(chunk_max_side_, chunks);
  grow(chunk_max_kind_, chunks);
  if (store_order_ == StoreOrder::nearly_sorted) {
    grow(next_keys_, agent_count);
    grow(slots_, agent_count);
    grow(next_slots_, agent_count);
    grow(chunk_far_, chunks);
    grow(sorted_id_, agent_count);
    grow(sorted_x_km_, agent_count);
    grow(sorted_y_km_, agent_count);
    grow(sorted_side_, agent_count);
    grow(sorted_kind_, agent_count);
  }
}

SortedAgents UniformGrid::sorted_agents(const AgentStore& agents) const {
  if (store_order_ == StoreOrder::sorted) {
    return {agents.id.data(), agents.x_km.data(), agents.y_km.data(), agents.side.data(),
            agents.kind.data()};
  }
  return {sorted_id_.data(), sorted_x_km_.data(), sorted_y_km_.data(), sorted_side_.data(),
          sorted_kind_.data()};
}

// Pass 1, one chunk of items at a time. Items are slots (sorted store,
// `slots` null) or sorted positions of the previous order (nearly sorted
// store: the agent at position p is in slot slots[p]); ids[i] is item i's id.
// Each chunk computes its items' new cell keys into new_keys_ (vectorized
// for slots), the largest side and kind of its alive agents (whatever their
// order), and, with `compare` (the same store as the last rebuild), which
// agents kept their cell (stayers, which must still be in (cell, id) order)
// and which changed it (movers, with their sort keys, in item order, into
// the chunk's part of chunk_movers_).
void UniformGrid::keys_and_movers(const AgentStore& agents, bool compare,
                                  const std::uint32_t* slots, const AgentId* ids) {
  const std::size_t n = agents.size();
  const KeyGeometry geometry{
      bounds_.min_x_km, bounds_.min_y_km, inv_cell_width_, inv_cell_height_, cols_, rows_,
      cell_count_};
  const double* x = agents.x_km.data();
  const double* y = agents.y_km.data();
  const std::uint8_t* alive = agents.alive.data();
  const std::uint8_t* side = agents.side.data();
  const std::uint8_t* kind = agents.kind.data();
  const std::uint32_t* old_keys = keys_.data();
  std::uint32_t* new_keys = new_keys_.data();
  const std::size_t chunk_size = sort_chunk(n);
  const std::size_t room = chunk_mover_room(chunk_size);
  for_each_chunk(n, chunk_size, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
    std::uint8_t max_side = 0;
    std::uint8_t max_kind = 0;
    auto take_side_and_kind = [&](std::size_t s) {
      const auto live = static_cast<std::uint8_t>(alive[s] != 0 ? 0xff : 0);
      max_side = std::max(max_side, static_cast<std::uint8_t>(side[s] & live));
      max_kind = std::max(max_kind, static_cast<std::uint8_t>(kind[s] & live));
    };
    if (slots == nullptr) {
      cell_keys(geometry, x + begin, y + begin, alive + begin, end - begin, new_keys + begin);
      for (std::size_t s = begin; s < end; ++s)
        take_side_and_kind(s);
    } else {
      // Through the slots, a block at a time into the vectorized keys.
      constexpr std::size_t kBlock = 256;
      double block_x[kBlock];
      double block_y[kBlock];
      std::uint8_t block_alive[kBlock];
      for (std::size_t first = begin; first < end; first += kBlock) {
        const std::size_t count = std::min(kBlock, end - first);
        for (std::size_t k = 0; k < count; ++k) {
          const std::uint32_t s = slots[first + k];
          block_x[k] = x[s];
          block_y[k] = y[s];
          block_alive[k] = alive[s];
          take_side_and_kind(s);
        }
        cell_keys(geometry, block_x, block_y, block_alive, count, new_keys + first);
      }
    }
    chunk_max_side_[chunk] = max_side;
    chunk_max_kind_[chunk] = max_kind;
    if (!compare) return;
    ChunkStats stats;
    Mover* movers = chunk_movers_.data() + chunk * room;
    for (std::size_t i = begin; i < end; ++i) {
      const std::uint64_t k = (std::uint64_t{new_keys[i]} << 32) | ids[i];
      if (new_keys[i] != old_keys[i]) {
        if (stats.movers < room) movers[stats.movers] = {k, static_cast<std::uint32_t>(i)};
        ++stats.movers;
        continue;
      }
      if (stats.stayers == 0) {
        stats.first_stayer = k;
      } else if (k <= stats.last_stayer) {
        stats.in_order = false;
      }
      stats.last_stayer = k;
      ++stats.stayers;
    }
    chunk_stats_[chunk] = stats;
  });
  max_side_ = 0;
  max_kind_ = 0;
  for (std::size_t c = 0; c < chunk_count(n, chunk_size); ++c) {
    max_side_ = std::max(max_side_, chunk_max_side_[c]);
    max_kind_ = std::max(max_kind_, chunk_max_kind_[c]);
  }
}

// Between the passes, serially: whether the incremental re-sort applies (the
// stayers in order across chunks, few enough movers, every chunk's movers
// collected), then the movers in one sorted run and each chunk's share of
// them. A chunk with stayers takes the movers from its first stayer up to the
// next such chunk's first stayer (the first such chunk also takes every mover
// before it); its output starts after all stayers of earlier chunks and all
// movers it did not take, so the chunks' outputs tile the store.
bool UniformGrid::plan_incremental_merge(std::size_t n) {
  const std::size_t chunk_size = sort_chunk(n);
  const std::size_t chunks = chunk_count(n, chunk_size);
  const std::size_t room = chunk_mover_room(chunk_size);
  std::size_t mover_count = 0;
  std::uint64_t previous_last = 0;
  bool any_stayer = false;
  for (std::size_t c = 0; c < chunks; ++c) {
    const ChunkStats& stats = chunk_stats_[c];
    if (!stats.in_order || stats.movers > room) return false;
    if (stats.stayers > 0) {
      if (any_stayer && stats.first_stayer <= previous_last) return false;
      previous_last = stats.last_stayer;
      any_stayer = true;
    }
    mover_count += stats.movers;
  }
  if (mover_count > n / kMoverShare + 64 || !any_stayer) return false;

  // The movers' keys are unique, so any correct sort gives the same sequence.
  Mover* movers = movers_.data();
  std::size_t next = 0;
  for (std::size_t c = 0; c < chunks; ++c) {
    const Mover* from = chunk_movers_.data() + c * room;
    std::copy(from, from + chunk_stats_[c].movers, movers + next);
    next += chunk_stats_[c].movers;
  }
  tbb::parallel_sort(movers, movers + mover_count,
                     [](const Mover& a, const Mover& b) { return a.key_id < b.key_id; });

  auto movers_before = [&](std::uint64_t k) {
    return static_cast<std::size_t>(
        std::lower_bound(movers, movers + mover_count, k,
                         [](const Mover& m, std::uint64_t value) { return m.key_id < value; })
        - movers);
  };
  std::size_t stayers_before = 0;
  std::size_t first_with_stayers = chunks;
  for (std::size_t c = 0; c < chunks; ++c) {
    ChunkStats& stats = chunk_stats_[c];
    stats.stayers_before = stayers_before;
    stayers_before += stats.stayers;
    if (stats.stayers > 0 && first_with_stayers == chunks) first_with_stayers = c;
  }
  std::size_t next_lo = mover_count;
  for (std::size_t c = chunks; c-- > 0;) {
    ChunkStats& stats = chunk_stats_[c];
    if (stats.stayers == 0) continue;
    stats.movers_lo = c == first_with_stayers ? 0 : movers_before(stats.first_stayer);
    stats.movers_hi = next_lo;
    next_lo = stats.movers_lo;
  }
  return true;
}

// Chunk `stats`' output: its stayers (items [begin, end) whose key did not
// change) merged with its share of the sorted movers, written to order from
// its first output position on; returns the end of its output. ids[item]
// (through id_slots[item] when given) is an item's id.
std::size_t UniformGrid::merge_chunk(const ChunkStats& stats, std::size_t begin, std::size_t end,
                                     const AgentId* ids, const std::uint32_t* id_slots,
                                     std::uint32_t* order) const {
  const std::uint32_t* old_keys = keys_.data();
  const std::uint32_t* new_keys = new_keys_.data();
  const Mover* movers = movers_.data();
  std::size_t out = stats.stayers_before + stats.movers_lo;
  std::size_t m = stats.movers_lo;
  for (std::size_t i = begin; i < end; ++i) {
    if (new_keys[i] != old_keys[i]) continue;
    const AgentId id = ids[id_slots != nullptr ? id_slots[i] : i];
    const std::uint64_t k = (std::uint64_t{new_keys[i]} << 32) | id;
    while (m < stats.movers_hi && movers[m].key_id < k)
      order[out++] = movers[m++].slot;
    order[out++] = static_cast<std::uint32_t>(i);
  }
  while (m < stats.movers_hi)
    order[out++] = movers[m++].slot;
  return out;
}

// cell_start from sorted keys, for positions (begin, end): each position
// that begins a run of a key writes itself into the entries from just after
// the previous key up to its own. The range's first position needs the
// previous range's last key; fill_cell_start_heads() does it afterwards.
void UniformGrid::fill_cell_start(const std::uint32_t* sorted_keys, std::size_t begin,
                                  std::size_t end) {
  std::uint32_t* start = cell_start_.data();
  for (std::size_t i = begin + 1; i < end; ++i) {
    const std::uint32_t previous = sorted_keys[i - 1];
    const std::uint32_t key = sorted_keys[i];
    if (key == previous) continue;  // most agents share a cell with the one before
    std::fill(start + std::size_t{previous} + 1, start + std::size_t{key} + 1,
              static_cast<std::uint32_t>(i));
  }
}

// The first position of each range `range_of(chunk)` gave, and the entries
// after the last key (n for every cell past it).
template <class RangeOf>
void UniformGrid::fill_cell_start_heads(const std::uint32_t* sorted_keys, std::size_t n,
                                        const RangeOf& range_of) {
  std::uint32_t* start = cell_start_.data();
  const std::size_t chunk_size = sort_chunk(n);
  for (std::size_t c = 0; c < chunk_count(n, chunk_size); ++c) {
    const std::size_t begin = c * chunk_size;
    const auto [i, out_end] = range_of(c, begin, std::min(n, begin + chunk_size));
    if (i == out_end) continue;
    const std::size_t from = i == 0 ? 0 : std::size_t{sorted_keys[i - 1]} + 1;
    std::fill(start + from, start + std::size_t{sorted_keys[i]} + 1, static_cast<std::uint32_t>(i));
  }
  if (n == 0) {
    std::fill(start, start + std::size_t{cell_count_} + 1, 0U);
  } else {
    std::fill(start + std::size_t{sorted_keys[n - 1]} + 1, start + std::size_t{cell_count_} + 1,
              static_cast<std::uint32_t>(n));
  }
}

// The output range of chunk `chunk` (items [begin, end)) after the
// incremental re-sort: empty for a chunk without stayers.
std::pair<std::size_t, std::size_t> UniformGrid::merged_range(std::size_t chunk) const {
  const ChunkStats& stats = chunk_stats_[chunk];
  if (stats.stayers == 0) return {0, 0};
  const std::size_t out_begin = stats.stayers_before + stats.movers_lo;
  return {out_begin, out_begin + stats.stayers + (stats.movers_hi - stats.movers_lo)};
}

// Pass 2, one chunk at a time: merge the chunk's stayers with its movers into
// its output range of the new order. For a small store (`fused`) the same
// task then writes the range's sorted keys, gathers the range of every
// column of the store while the order is in cache, and fills cell_start for
// the range but its first position (which needs the previous range's last
// key: filled after the pass). A big store is permuted column by column
// after the pass, and its sorted keys and cell_start derived in one more.
void UniformGrid::merge_movers(AgentStore& agents, bool fused) {
  const std::size_t n = agents.size();
  const std::uint32_t* new_keys = new_keys_.data();
  const AgentId* ids = agents.id.data();
  std::uint32_t* order = order_.data();
  std::uint32_t* sorted_keys = next_keys_.data();
  if (fused) agents.begin_reorder();
  for_each_chunk(n, sort_chunk(n), [&](std::size_t chunk, std::size_t begin, std::size_t end) {
    if (chunk_stats_[chunk].stayers == 0) return;
    const std::size_t out_begin = merged_range(chunk).first;
    const std::size_t out = merge_chunk(chunk_stats_[chunk], begin, end, ids, nullptr, order);
    if (!fused) return;
    for (std::size_t i = out_begin; i < out; ++i)
      sorted_keys[i] = new_keys[order[i]];
    agents.gather_range({order, n}, out_begin, out);
    fill_cell_start(sorted_keys, out_begin, out);
  });
  if (!fused) {
    agents.permute({order, n});
    derive_cell_start(n, true);
    return;
  }
  fill_cell_start_heads(sorted_keys, n, [&](std::size_t chunk, std::size_t, std::size_t) {
    return merged_range(chunk);
  });
  agents.end_reorder();
  keys_.swap(next_keys_);
}

// A stable LSD radix sort of the slots by cell, then each cell's agents (and
// the dead agents' run) put in id order.
// Items are slots (sorted store) or sorted positions of the previous order
// (nearly sorted store); new_keys_[i] and ids[i] are item i's key and id.
void UniformGrid::full_order(const AgentId* ids, std::size_t n) {
  const DigitPlan plan = plan_digits(cell_count_, chunk_count(n, sort_chunk(n)));
  // Pass p writes keys to keys_ (p even) or new_keys_ (p odd), slots to
  // slot_tmp_ / slot_tmp2_, and the last pass its slots to order_.
  std::uint32_t* const key_out[2] = {keys_.data(), new_keys_.data()};
  std::uint32_t* const slot_out[2] = {slot_tmp_.data(), slot_tmp2_.data()};
  const std::uint32_t* in_key = new_keys_.data();
  const std::uint32_t* in_slot = nullptr;
  for (unsigned pass = 0; pass < plan.passes; ++pass) {
    const bool last = pass + 1 == plan.passes;
    std::uint32_t* out_key = key_out[pass % 2];
    std::uint32_t* out_slot = last ? order_.data() : slot_out[pass % 2];
    if (pass == 0) {
      counting_pass(
          n, 0, plan.digit_bits, histograms_.data(), in_key,
          [](std::size_t i) { return static_cast<std::uint32_t>(i); }, out_key, out_slot);
    } else {
      const std::uint32_t* slots_in = in_slot;
      counting_pass(
          n, pass * plan.digit_bits, plan.digit_bits, histograms_.data(), in_key,
          [slots_in](std::size_t i) { return slots_in[i]; }, out_key, out_slot);
    }
    in_key = out_key;
    in_slot = out_slot;
  }
  const std::uint32_t* key = in_key;  // sorted keys
  // rebuild() expects the sorted keys in keys_.
  if (in_key != keys_.data()) keys_.swap(new_keys_);

  std::uint32_t* order = order_.data();
  auto by_id = [&](std::uint32_t a, std::uint32_t b) { return ids[a] < ids[b]; };
  for_each_chunk(n, sort_chunk(n), [&](std::size_t, std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    while (i > 0 && i < end && key[i] == key[i - 1])
      ++i;  // run owned by the previous chunk
    while (i < end) {
      std::size_t run_end = i + 1;
      while (run_end < n && key[run_end] == key[i])
        ++run_end;
      if (!std::is_sorted(order + i, order + run_end, by_id)) {
        std::sort(order + i, order + run_end, by_id);
      }
      i = run_end;
    }
  });
}

// The sorted store's rebuild and the nearly sorted one's share pass 1 and
// the plan; the nearly sorted store runs them over sorted positions of the
// previous order instead of slots, reading the store through slots_ (almost
// sequentially: the store was last reordered into a recent sorted order).
// Its pass 2 writes the new order's slots, keys and sorted copy, and the
// store is permuted only when too many agents are far from their sorted
// position. The order is the sorted store's, item for item.
void UniformGrid::rebuild(AgentStore& agents) {
  const std::size_t n = agents.size();
  const DigitPlan plan = plan_digits(cell_count_, chunk_count(n, sort_chunk(n)));
  ensure_capacity(n, plan.passes);
  const bool nearly = store_order_ == StoreOrder::nearly_sorted;
  if (nearly && sorted_count_ != n) {
    // A store of a new size: start from its own order.
    for (std::size_t p = 0; p < n; ++p) {
      slots_[p] = static_cast<std::uint32_t>(p);
      sorted_id_[p] = agents.id[p];
    }
  }
  const AgentId* ids = nearly ? sorted_id_.data() : agents.id.data();

  const bool compare = incremental_resort_ && sorted_count_ == n && n > 0;
  keys_and_movers(agents, compare, nearly ? slots_.data() : nullptr, ids);
  const bool incremental = compare && plan_incremental_merge(n);
  last_rebuild_was_incremental_ = incremental;
  sorted_count_ = n;
  if (nearly) {
    if (!incremental) full_order(ids, n);
    merge_and_copy(agents, incremental);
    reorder_store_if_drifted(agents);
  } else if (incremental) {
    merge_movers(agents, n <= kFusedReorderMaxAgents);
    last_rebuild_reordered_store_ = true;
  } else {
    full_order(ids, n);
    agents.permute({order_.data(), n});
    derive_cell_start(n, false);
    last_rebuild_reordered_store_ = true;
  }
  indexed_count_ = cell_start_[cell_count_];
}

// The nearly sorted store, after pass 2: if more than one agent in
// kFarShare is far from its sorted position, slot p takes the agent at sorted
// position p (the sorted copy stays as it is) and the slots become the
// identity.
void UniformGrid::reorder_store_if_drifted(AgentStore& agents) {
  const std::size_t n = agents.size();
  const std::size_t chunks = chunk_count(n, sort_chunk(n));
  std::size_t far = 0;
  for (std::size_t c = 0; c < chunks; ++c)
    far += chunk_far_[c];
  last_rebuild_reordered_store_ = far > n / kFarShare;
  if (!last_rebuild_reordered_store_) return;
  std::uint32_t* slots = slots_.data();
  agents.begin_reorder();
  for_each_chunk(n, sort_chunk(n), [&](std::size_t, std::size_t begin, std::size_t end) {
    agents.gather_range({slots, n}, begin, end);
    for (std::size_t p = begin; p < end; ++p)
      slots[p] = static_cast<std::uint32_t>(p);
  });
  agents.end_reorder();
}

// New sorted positions [begin, end) of the nearly sorted store, once order_
// holds them (as positions of the previous order): their slots, keys and
// the sorted copy, and how many of them are far from their slot. The keys
// come from full_sorted_keys by new position after the full sort, else from
// new_keys_ by previous position.
void UniformGrid::copy_range(const AgentStore& agents, const std::uint32_t* full_sorted_keys,
                             std::size_t begin, std::size_t end, std::size_t chunk) {
  const std::uint32_t* order = order_.data();
  const std::uint32_t* slots = slots_.data();
  const std::uint32_t* keys_by_previous = new_keys_.data();
  std::uint32_t* __restrict next_slots = next_slots_.data();
  std::uint32_t* __restrict keys = next_keys_.data();
  const AgentId* __restrict id = agents.id.data();
  const double* __restrict x = agents.x_km.data();
  const double* __restrict y = agents.y_km.data();
  const std::uint8_t* __restrict side = agents.side.data();
  const std::uint8_t* __restrict kind = agents.kind.data();
  AgentId* __restrict out_id = sorted_id_.data();
  double* __restrict out_x = sorted_x_km_.data();
  double* __restrict out_y = sorted_y_km_.data();
  std::uint8_t* __restrict out_side = sorted_side_.data();
  std::uint8_t* __restrict out_kind = sorted_kind_.data();
  std::size_t far = 0;
  for (std::size_t i = begin; i < end; ++i) {
    const std::uint32_t previous = order[i];
    const std::uint32_t s = slots[previous];
    next_slots[i] = s;
    keys[i] = full_sorted_keys != nullptr ? full_sorted_keys[i] : keys_by_previous[previous];
    out_id[i] = id[s];
    out_x[i] = x[s];
    out_y[i] = y[s];
    out_side[i] = side[s];
    out_kind[i] = kind[s];
    far += (s > i ? s - i : i - s) > kNearSlots ? 1 : 0;
  }
  chunk_far_[chunk] += far;
}

// Pass 2 of the nearly sorted store: after the incremental re-sort, each
// chunk merges its stayers and movers into its range of the new order and
// copies the range; after the full sort, each chunk copies its slice of the
// new order. Either way cell_start is filled in the same task but for the
// first position of each range (filled after the pass).
void UniformGrid::merge_and_copy(const AgentStore& agents, bool incremental) {
  const std::size_t n = agents.size();
  std::uint32_t* order = order_.data();
  const std::uint32_t* sorted_keys = next_keys_.data();
  // After the full sort keys_ holds the sorted keys (new_keys_ was its
  // scratch); after the incremental one they are read by previous position.
  const std::uint32_t* full_sorted_keys = incremental ? nullptr : keys_.data();
  // Ids by previous position are read through the store: the sorted copy's
  // ids are overwritten in this pass.
  const AgentId* store_ids = agents.id.data();
  const std::uint32_t* slots = slots_.data();
  const std::size_t chunks = chunk_count(n, sort_chunk(n));
  std::fill(chunk_far_.begin(), chunk_far_.begin() + static_cast<std::ptrdiff_t>(chunks), 0);
  auto range_of = [&](std::size_t chunk, std::size_t begin, std::size_t end) {
    return incremental ? merged_range(chunk) : std::pair{begin, end};
  };
  for_each_chunk(n, sort_chunk(n), [&](std::size_t chunk, std::size_t begin, std::size_t end) {
    const auto [out_begin, out_end] = range_of(chunk, begin, end);
    if (out_begin == out_end) return;
    if (incremental) merge_chunk(chunk_stats_[chunk], begin, end, store_ids, slots, order);
    copy_range(agents, full_sorted_keys, out_begin, out_end, chunk);
    fill_cell_start(sorted_keys, out_begin, out_end);
  });
  fill_cell_start_heads(sorted_keys, n, range_of);
  keys_.swap(next_keys_);
  slots_.swap(next_slots_);
}

// cell_start[c] = the first slot whose key is >= c (n if none). The
// keys are sorted, so each slot i that begins a run writes i into the
// entries from just after the previous slot's key up to its own key, and
// the last slot writes n into those after its key: every entry is written
// exactly once, by the chunk that owns the slot, in one pass over the
// agents (a grid with more cells than agents costs one store per cell).
// With `gather_keys` the sorted keys are first read through the order from
// the unsorted ones, and written to keys_ in the same pass.
void UniformGrid::derive_cell_start(std::size_t n, bool gather_keys) {
  std::uint32_t* keys = keys_.data();
  const std::uint32_t* unsorted = new_keys_.data();
  const std::uint32_t* order = order_.data();
  std::uint32_t* start = cell_start_.data();
  const std::uint32_t dead_key = cell_count_;
  if (n == 0) {
    std::fill(start, start + std::size_t{dead_key} + 1, 0U);
    return;
  }
  auto key_at = [&](std::size_t i) { return gather_keys ? unsorted[order[i]] : keys[i]; };
  for_each_chunk(n, sort_chunk(n), [&](std::size_t, std::size_t begin, std::size_t end) {
    std::size_t from = begin == 0 ? 0 : std::size_t{key_at(begin - 1)} + 1;
    for (std::size_t i = begin; i < end; ++i) {
      const std::uint32_t key = key_at(i);
      if (gather_keys) keys[i] = key;
      if (from > key) continue;  // the same cell as the agent before
      std::fill(start + from, start + std::size_t{key} + 1, static_cast<std::uint32_t>(i));
      from = std::size_t{key} + 1;
    }
    if (end == n)
      std::fill(start + from, start + std::size_t{dead_key} + 1, static_cast<std::uint32_t>(n));
  });
}

}  // namespace hotline::engine
