// Parallel loops over fixed-size chunks.
//
// Determinism rule used throughout the engine: work is cut into chunks whose
// boundaries depend only on the problem size and a constant, never on the
// thread count, and anything a chunk produces is combined in chunk order.
// Threads only decide which chunk runs when, which cannot change a result.
#pragma once

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>

#include <algorithm>
#include <cstddef>

namespace hotline::engine {

[[nodiscard]] constexpr std::size_t chunk_count(std::size_t items, std::size_t chunk_size) {
  return (items + chunk_size - 1) / chunk_size;
}

// Calls body(chunk, begin, end) for every chunk of [0, items), in parallel.
template <class Body>
void for_each_chunk(std::size_t items, std::size_t chunk_size, const Body& body) {
  const std::size_t chunks = chunk_count(items, chunk_size);
  if (chunks == 0) return;
  if (chunks == 1) {
    body(std::size_t{0}, std::size_t{0}, items);
    return;
  }
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, chunks, 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t chunk = range.begin(); chunk != range.end(); ++chunk) {
          const std::size_t begin = chunk * chunk_size;
          body(chunk, begin, std::min(items, begin + chunk_size));
        }
      },
      tbb::simple_partitioner{});
}

}  // namespace hotline::engine
