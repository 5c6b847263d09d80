// The grid of a Monte Carlo sweep — every (point, policy, replication),
// where a point is a design point of an experiment (one point, 0, for a
// plain sweep) — its shards, and the driver that runs a set of its cells
// side by side.
//
// Canonical order (the order of rows in every output file) is point-major,
// then policy, then replication: (0, 0, 0), (0, 0, 1), ... Shards cut the
// grid in work order, which is replication-major — (replication 0, point 0,
// policy 0), (0, 0, 1), ... — into n contiguous blocks, so that a shard
// holds whole replications (every point and policy of each, a complete
// paired comparison) wherever the sizes allow. Which runs a shard holds
// depends only on (points, policies, replications, i, n). Within a shard
// the runs are listed in canonical order, so runs of one point follow each
// other (a sweep builds each point's world description once).
//
// The driver runs runs in parallel on the caller's task arena; each run may
// itself use parallel loops (nested oneTBB). Each run executes in an
// isolated region, so a thread waiting inside one run's parallel loop never
// picks up the start of another run: at most one run per thread is in
// memory at a time, whatever the number of replications.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <vector>

namespace hotline::engine {

struct RunKey {
  std::uint32_t policy = 0;
  std::uint32_t replication = 0;
  std::uint32_t point = 0;
  friend bool operator==(const RunKey&, const RunKey&) = default;
};

class RunGrid {
 public:
  RunGrid(std::uint32_t points, std::uint32_t policies, std::uint32_t replications)
      : points_(points), policies_(policies), replications_(replications) {}

  [[nodiscard]] std::uint32_t points() const { return points_; }
  [[nodiscard]] std::uint32_t policies() const { return policies_; }
  [[nodiscard]] std::uint32_t replications() const { return replications_; }
  [[nodiscard]] std::uint64_t size() const {
    return std::uint64_t{points_} * policies_ * replications_;
  }
  // Position in canonical (point-major) order, and back.
  [[nodiscard]] std::uint64_t canonical_index(RunKey key) const {
    return (std::uint64_t{key.point} * policies_ + key.policy) * replications_ + key.replication;
  }
  [[nodiscard]] RunKey canonical_key(std::uint64_t index) const {
    const std::uint64_t runs_per_point = std::uint64_t{policies_} * replications_;
    const std::uint64_t within = index % runs_per_point;
    return {static_cast<std::uint32_t>(within / replications_),
            static_cast<std::uint32_t>(within % replications_),
            static_cast<std::uint32_t>(index / runs_per_point)};
  }
  // Shard `index` of `count` (1-based, as on the command line): its runs in
  // canonical order. Throws std::invalid_argument unless 1 <= index <= count.
  [[nodiscard]] std::vector<RunKey> shard(std::uint32_t index, std::uint32_t count) const;

 private:
  std::uint32_t points_;
  std::uint32_t policies_;
  std::uint32_t replications_;
};

// Runs `run(key)` for every key, in parallel on the current task arena,
// each run isolated (see above). Exceptions propagate (the first one; the
// others' runs are cancelled).
void run_in_parallel(std::span<const RunKey> keys, const std::function<void(RunKey)>& run);

}  // namespace hotline::engine
