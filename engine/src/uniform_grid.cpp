// Rebuild = a stable least-significant-digit radix sort of the slots by cell,
// i.e. one counting-sort pass per digit of the cell index (one pass for grids
// of up to 16384 cells, two up to 4 million), each pass parallel over fixed
// chunks of 16384 agents; then each cell's agents are put in id order and the
// store is permuted into that order. Dead agents get the key cell_count() and
// sort after everyone else, outside the index.
#include "hotline/engine/uniform_grid.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "fixed_chunks.hpp"
#include "simd_dispatch.hpp"

namespace hotline::engine {

namespace {

constexpr std::size_t kSortChunk = 16384;
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

// Keys are computed in blocks this size, on the stack.
constexpr std::size_t kKeyBlock = 512;

// One stable counting-sort pass on bits [shift, shift + digit_bits) of the
// key: per-chunk histograms, an exclusive scan in (digit, chunk) order, then a
// scatter in which each chunk writes only its own slots. `keys(begin, count,
// scratch)` returns a pointer to the keys of items [begin, begin + count)
// (computing them into scratch if it must); `id(i)` is item i's id. out_key
// may be null when no later pass needs the keys.
template <class Keys, class Id>
void counting_pass(std::size_t n, unsigned shift, unsigned digit_bits, std::uint32_t* histograms,
                   const Keys& keys, const Id& id, std::uint32_t* out_key, AgentId* out_id) {
  const std::size_t buckets = std::size_t{1} << digit_bits;
  const std::uint32_t mask = static_cast<std::uint32_t>(buckets - 1);
  const std::size_t chunks = detail::chunk_count(n, kSortChunk);

  detail::for_each_chunk(n, kSortChunk, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
    std::uint32_t* h = histograms + chunk * buckets;
    std::fill(h, h + buckets, 0U);
    alignas(64) std::array<std::uint32_t, kKeyBlock> scratch;
    for (std::size_t first = begin; first < end; first += kKeyBlock) {
      const std::size_t count = std::min(kKeyBlock, end - first);
      const std::uint32_t* block = keys(first, count, scratch.data());
      for (std::size_t k = 0; k < count; ++k)
        ++h[(block[k] >> shift) & mask];
    }
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
  detail::for_each_chunk(n, kSortChunk, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
    std::uint32_t* next = histograms + chunk * buckets;
    alignas(64) std::array<std::uint32_t, kKeyBlock> scratch;
    for (std::size_t first = begin; first < end; first += kKeyBlock) {
      const std::size_t count = std::min(kKeyBlock, end - first);
      const std::uint32_t* block = keys(first, count, scratch.data());
      for (std::size_t k = 0; k < count; ++k) {
        const std::uint32_t key = block[k];
        const std::uint32_t pos = next[(key >> shift) & mask]++;
        if (out_key != nullptr) out_key[pos] = key;
        out_id[pos] = id(first + k);
      }
    }
  });
}

}  // namespace

UniformGrid::UniformGrid(const WorldBounds& bounds, double cell_min_km) : bounds_(bounds) {
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
  const std::size_t chunks = detail::chunk_count(agent_count, kSortChunk);
  const std::size_t digit_bits = plan_digits(cell_count_, chunks).digit_bits;
  // Buffers only grow; a, b and the slot buffers as the pass count needs them.
  auto grow = [](std::vector<std::uint32_t>& v, std::size_t size) {
    if (v.size() < size) v.resize(size);
  };
  grow(order_, agent_count);
  grow(key_a_, agent_count);
  grow(key_b_, passes > 1 ? agent_count : 0);
  grow(slot_a_, passes > 1 ? agent_count : 0);
  grow(slot_b_, passes > 2 ? agent_count : 0);
  grow(histograms_, chunks << digit_bits);
  if (chunk_max_side_.size() < chunks) {
    chunk_max_side_.resize(chunks);
    chunk_max_kind_.resize(chunks);
  }
}

void UniformGrid::rebuild(AgentStore& agents) {
  const std::size_t n = agents.size();
  const std::uint32_t dead_key = cell_count_;
  const DigitPlan plan = plan_digits(dead_key, detail::chunk_count(n, kSortChunk));
  ensure_capacity(n, plan.passes);

  const double* x = agents.x_km.data();
  const double* y = agents.y_km.data();
  const std::uint8_t* alive = agents.alive.data();
  const KeyGeometry geometry{
      bounds_.min_x_km, bounds_.min_y_km, inv_cell_width_, inv_cell_height_, cols_, rows_,
      dead_key};
  // Keys are recomputed from positions (vectorized) rather than stored.
  auto slot_keys = [&](std::size_t first, std::size_t count, std::uint32_t* scratch) {
    cell_keys(geometry, x + first, y + first, alive + first, count, scratch);
    return static_cast<const std::uint32_t*>(scratch);
  };
  auto identity = [](std::size_t i) { return static_cast<std::uint32_t>(i); };

  // Pass p writes keys to key_buffers[p % 2] and slots to slot_buffers[p % 2],
  // except that the last pass writes its slots to order_.
  std::uint32_t* const key_buffers[2] = {key_a_.data(), key_b_.data()};
  std::uint32_t* const slot_buffers[2] = {slot_a_.data(), slot_b_.data()};
  for (unsigned pass = 0; pass < plan.passes; ++pass) {
    const bool last = pass + 1 == plan.passes;
    std::uint32_t* out_key = key_buffers[pass % 2];
    std::uint32_t* out_slot = last ? order_.data() : slot_buffers[pass % 2];
    const unsigned shift = pass * plan.digit_bits;
    if (pass == 0) {
      counting_pass(n, shift, plan.digit_bits, histograms_.data(), slot_keys, identity, out_key,
                    out_slot);
    } else {
      const std::uint32_t* in_key = key_buffers[(pass - 1) % 2];
      const std::uint32_t* in_slot = slot_buffers[(pass - 1) % 2];
      counting_pass(
          n, shift, plan.digit_bits, histograms_.data(),
          [&](std::size_t first, std::size_t, std::uint32_t*) { return in_key + first; },
          [&](std::size_t i) { return in_slot[i]; }, out_key, out_slot);
    }
  }
  const std::uint32_t* key = key_buffers[(plan.passes - 1) % 2];

  // The sort is stable over the current slot order, so agents of a cell come
  // in their previous order. Put each cell's agents in id order, which makes
  // the result a function of positions and ids alone. A chunk fixes the runs
  // of equal keys that start inside it; runs are a few agents long and almost
  // always already in order. Dead agents (the last run) keep their previous
  // relative order: it is deterministic, and nothing reads them in order.
  std::uint32_t* order = order_.data();
  const AgentId* ids = agents.id.data();
  detail::for_each_chunk(n, kSortChunk, [&](std::size_t, std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    while (i > 0 && i < end && key[i] == key[i - 1])
      ++i;  // run owned by the previous chunk
    while (i < end && key[i] != dead_key) {
      std::size_t run_end = i + 1;
      while (run_end < n && key[run_end] == key[i])
        ++run_end;
      for (std::size_t k = i + 1; k < run_end; ++k) {
        const std::uint32_t slot = order[k];
        const AgentId agent = ids[slot];
        std::size_t j = k;
        for (; j > i && ids[order[j - 1]] > agent; --j)
          order[j] = order[j - 1];
        order[j] = slot;
      }
      i = run_end;
    }
  });

  agents.permute({order, n});

  // cell_start[c] = the first slot whose key is >= c: slot i owns the cells
  // (key[i-1], key[i]], so each entry is written exactly once.
  std::uint32_t* start = cell_start_.data();
  detail::for_each_chunk(n, kSortChunk, [&](std::size_t, std::size_t begin, std::size_t end) {
    std::uint32_t first_cell = begin == 0 ? 0U : key[begin - 1] + 1;
    for (std::size_t i = begin; i < end; ++i) {
      for (std::uint32_t c = first_cell; c <= key[i]; ++c)
        start[c] = static_cast<std::uint32_t>(i);
      first_cell = key[i] + 1;
    }
  });
  const std::uint32_t tail_first = n == 0 ? 0U : key[n - 1] + 1;
  for (std::uint32_t c = tail_first; c <= cell_count_; ++c) {
    start[c] = static_cast<std::uint32_t>(n);
  }
  indexed_count_ = start[cell_count_];

  // Largest side and kind of the indexed agents, for the pair rule's check.
  const std::uint8_t* side = agents.side.data();
  const std::uint8_t* kind = agents.kind.data();
  detail::for_each_chunk(indexed_count_, kSortChunk,
                         [&](std::size_t chunk, std::size_t begin, std::size_t end) {
                           std::uint8_t chunk_side = 0;
                           std::uint8_t chunk_kind = 0;
                           for (std::size_t i = begin; i < end; ++i) {
                             chunk_side = std::max(chunk_side, side[i]);
                             chunk_kind = std::max(chunk_kind, kind[i]);
                           }
                           chunk_max_side_[chunk] = chunk_side;
                           chunk_max_kind_[chunk] = chunk_kind;
                         });
  max_side_ = 0;
  max_kind_ = 0;
  for (std::size_t c = 0; c < detail::chunk_count(indexed_count_, kSortChunk); ++c) {
    max_side_ = std::max(max_side_, chunk_max_side_[c]);
    max_kind_ = std::max(max_kind_, chunk_max_kind_[c]);
  }
}

}  // namespace hotline::engine
