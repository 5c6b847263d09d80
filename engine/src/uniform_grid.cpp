// Rebuild = a stable least-significant-digit radix sort of (cell, id) keys,
// i.e. one or more counting-sort passes over digits of at most 11 bits, each
// pass parallel over fixed chunks of 16384 agents: per-chunk histograms, an
// exclusive scan in (digit, chunk) order, then a scatter in which each chunk
// writes only its own slots. A stable sort of ids 0..n-1 by cell puts each
// cell's agents in ascending id order, which makes the result independent of
// the previous step and of the thread count. Dead agents get the key
// cell_count() and sort after everyone else, outside the index.
#include "hotline/engine/uniform_grid.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "fixed_chunks.hpp"

namespace hotline::engine {

namespace {

constexpr std::size_t kSortChunk = 16384;
constexpr unsigned kMaxDigitBits = 11;

struct DigitPlan {
  unsigned passes;
  unsigned digit_bits;
};

DigitPlan plan_digits(std::uint32_t max_key) {
  const unsigned key_bits = std::max(1U, static_cast<unsigned>(std::bit_width(max_key)));
  const unsigned passes = (key_bits + kMaxDigitBits - 1) / kMaxDigitBits;
  return {passes, (key_bits + passes - 1) / passes};
}

// One stable counting-sort pass on bits [shift, shift + digit_bits) of the key.
// `count_key(i)` yields item i's key for the histogram (and may cache it);
// `key(i)` and `id(i)` read it back for the scatter.
template <class CountKey, class Key, class Id>
void counting_pass(std::size_t n, unsigned shift, unsigned digit_bits, std::uint32_t* histograms,
                   const CountKey& count_key, const Key& key, const Id& id, std::uint32_t* out_key,
                   AgentId* out_id) {
  const std::size_t buckets = std::size_t{1} << digit_bits;
  const std::uint32_t mask = static_cast<std::uint32_t>(buckets - 1);
  const std::size_t chunks = detail::chunk_count(n, kSortChunk);

  detail::for_each_chunk(n, kSortChunk, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
    std::uint32_t* h = histograms + chunk * buckets;
    std::fill(h, h + buckets, 0U);
    for (std::size_t i = begin; i < end; ++i) ++h[(count_key(i) >> shift) & mask];
  });

  // Exclusive scan, digit-major then chunk: chunk c's items with digit d go
  // after every item with a smaller digit and after chunks < c with digit d.
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
    for (std::size_t i = begin; i < end; ++i) {
      const std::uint32_t k = key(i);
      const std::uint32_t pos = next[(k >> shift) & mask]++;
      out_key[pos] = k;
      out_id[pos] = id(i);
    }
  });
}

}  // namespace

UniformGrid::UniformGrid(const WorldBounds& bounds, double cell_min_km) : bounds_(bounds) {
  auto finite_positive = [](double v) { return std::isfinite(v) && v > 0.0; };
  if (!finite_positive(bounds.width_km) || !finite_positive(bounds.height_km) ||
      !std::isfinite(bounds.min_x_km) || !std::isfinite(bounds.min_y_km)) {
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

void UniformGrid::ensure_capacity(std::size_t agent_count) {
  if (sorted_ids_.size() >= agent_count) return;
  sorted_ids_.resize(agent_count);
  sorted_x_km_.resize(agent_count);
  sorted_y_km_.resize(agent_count);
  sorted_side_.resize(agent_count);
  sorted_kind_.resize(agent_count);
  key_a_.resize(agent_count);
  key_b_.resize(agent_count);
  id_a_.resize(agent_count);
  const std::size_t chunks = detail::chunk_count(agent_count, kSortChunk);
  histograms_.resize(chunks * (std::size_t{1} << kMaxDigitBits));
  chunk_max_side_.resize(chunks);
  chunk_max_kind_.resize(chunks);
}

void UniformGrid::rebuild(const AgentStore& agents) {
  const std::size_t n = agents.size();
  ensure_capacity(n);
  const std::uint32_t dead_key = cell_count_;
  const DigitPlan plan = plan_digits(dead_key);

  // The last pass must land in (key_a_, sorted_ids_); passes alternate with
  // (key_b_, id_a_). The first pass caches its keys in the buffer it does not
  // write.
  auto writes_final = [&](unsigned pass) { return (plan.passes - 1 - pass) % 2 == 0; };
  std::uint32_t* cached_keys = writes_final(0) ? key_b_.data() : key_a_.data();

  const double* x = agents.x_km.data();
  const double* y = agents.y_km.data();
  const std::uint8_t* alive = agents.alive.data();

  for (unsigned pass = 0; pass < plan.passes; ++pass) {
    std::uint32_t* out_key = writes_final(pass) ? key_a_.data() : key_b_.data();
    AgentId* out_id = writes_final(pass) ? sorted_ids_.data() : id_a_.data();
    const unsigned shift = pass * plan.digit_bits;
    if (pass == 0) {
      counting_pass(
          n, shift, plan.digit_bits, histograms_.data(),
          [&](std::size_t i) {
            const std::uint32_t k = alive[i] != 0 ? cell_of(x[i], y[i]) : dead_key;
            cached_keys[i] = k;
            return k;
          },
          [&](std::size_t i) { return cached_keys[i]; },
          [](std::size_t i) { return static_cast<AgentId>(i); }, out_key, out_id);
    } else {
      const std::uint32_t* in_key = writes_final(pass - 1) ? key_a_.data() : key_b_.data();
      const AgentId* in_id = writes_final(pass - 1) ? sorted_ids_.data() : id_a_.data();
      counting_pass(
          n, shift, plan.digit_bits, histograms_.data(), [&](std::size_t i) { return in_key[i]; },
          [&](std::size_t i) { return in_key[i]; }, [&](std::size_t i) { return in_id[i]; },
          out_key, out_id);
    }
  }

  // cell_start[c] = first sorted position whose key is >= c. Position i owns
  // the cells (key[i-1], key[i]], so each entry is written exactly once.
  const std::uint32_t* key = key_a_.data();
  std::uint32_t* start = cell_start_.data();
  detail::for_each_chunk(n, kSortChunk, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const std::uint32_t first = i == 0 ? 0U : key[i - 1] + 1;
      for (std::uint32_t c = first; c <= key[i]; ++c) start[c] = static_cast<std::uint32_t>(i);
    }
  });
  const std::uint32_t tail_first = n == 0 ? 0U : key[n - 1] + 1;
  for (std::uint32_t c = tail_first; c <= cell_count_; ++c) start[c] = static_cast<std::uint32_t>(n);
  indexed_count_ = start[cell_count_];

  // Copy what pair finding reads into sorted order, so that it streams.
  const std::uint8_t* side = agents.side.data();
  const std::uint8_t* kind = agents.kind.data();
  detail::for_each_chunk(indexed_count_, kSortChunk,
                         [&](std::size_t chunk, std::size_t begin, std::size_t end) {
                           std::uint8_t chunk_max_side = 0;
                           std::uint8_t chunk_max_kind = 0;
                           for (std::size_t i = begin; i < end; ++i) {
                             const AgentId id = sorted_ids_[i];
                             sorted_x_km_[i] = x[id];
                             sorted_y_km_[i] = y[id];
                             sorted_side_[i] = side[id];
                             sorted_kind_[i] = kind[id];
                             chunk_max_side = std::max(chunk_max_side, side[id]);
                             chunk_max_kind = std::max(chunk_max_kind, kind[id]);
                           }
                           chunk_max_side_[chunk] = chunk_max_side;
                           chunk_max_kind_[chunk] = chunk_max_kind;
                         });
  const std::size_t used = detail::chunk_count(indexed_count_, kSortChunk);
  max_side_ = used == 0 ? 0 : *std::max_element(chunk_max_side_.begin(), chunk_max_side_.begin() + static_cast<std::ptrdiff_t>(used));
  max_kind_ = used == 0 ? 0 : *std::max_element(chunk_max_kind_.begin(), chunk_max_kind_.begin() + static_cast<std::ptrdiff_t>(used));
}

}  // namespace hotline::engine
