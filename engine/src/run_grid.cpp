#include "hotline/engine/run_grid.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <string>

namespace hotline::engine {

std::vector<RunKey> RunGrid::shard(std::uint32_t index, std::uint32_t count) const {
  if (count == 0 || index == 0 || index > count) {
    throw std::invalid_argument("shard " + std::to_string(index) + "/" + std::to_string(count)
                                + ": expected 1 <= i <= n");
  }
  // Work-order positions [begin, end): replication-major, then point,
  // then policy.
  const std::uint64_t n = size();
  const std::uint64_t per_replication = std::uint64_t{points_} * policies_;
  const std::uint64_t begin = n * (index - 1) / count;
  const std::uint64_t end = n * index / count;
  std::vector<RunKey> keys;
  keys.reserve(static_cast<std::size_t>(end - begin));
  for (std::uint64_t w = begin; w < end; ++w) {
    const std::uint64_t cell = w % per_replication;
    keys.push_back({static_cast<std::uint32_t>(cell % policies_),
                    static_cast<std::uint32_t>(w / per_replication),
                    static_cast<std::uint32_t>(cell / policies_)});
  }
  std::sort(keys.begin(), keys.end(),
            [&](RunKey a, RunKey b) { return canonical_index(a) < canonical_index(b); });
  return keys;
}

void run_in_parallel(std::span<const RunKey> keys, const std::function<void(RunKey)>& run) {
  // One run per task (grain 1, simple partitioner): runs are long and
  // uneven, so every free thread should take the next one.
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, keys.size(), 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
          tbb::this_task_arena::isolate([&] { run(keys[i]); });
        }
      },
      tbb::simple_partitioner());
}

}  // namespace hotline::engine
