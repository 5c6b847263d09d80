// `hotline bench swarm`: times the swarm model (docs/benchmarks.md) on the engine.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <vector>

#include "hotline/engine/batch_kernels.hpp"

namespace hotline::cli {

struct BenchSwarmOptions {
  std::vector<std::uint64_t> agents{10000};
  std::uint32_t steps = 0;  // 0: the spec's count for each size
  int threads = 0;          // 0: one per hardware thread
  std::uint64_t seed = 1;
  std::uint32_t repeat = 1;  // runs per size; timings are their median
  engine::SimdLevel simd = engine::detected_simd_level();
  bool incremental_resort = true;
  bool json = false;
};

struct BenchSwarmRow {
  std::uint64_t agents = 0;
  std::uint32_t steps = 0;
  int threads = 0;
  std::uint64_t encounters = 0;
  std::uint64_t incidents = 0;
  double encounters_per_step_over_expected = 0.0;
  double ns_per_agent_step = 0.0;      // median over the repeats
  double ns_per_agent_step_min = 0.0;  // fastest repeat
  double ns_per_agent_step_max = 0.0;  // slowest repeat
  double agent_steps_per_s = 0.0;      // from the median
  std::uint64_t peak_rss_bytes = 0;
  bool peak_rss_is_per_row = false;             // false: whole-process peak
  std::vector<double> phase_ns_per_agent_step;  // per engine::Phase, median run
};

// Runs every size `repeat` times, timing the stepping loop only.
std::vector<BenchSwarmRow> run_bench_swarm(const BenchSwarmOptions& options);

void print_bench_swarm_table(std::ostream& out, const BenchSwarmOptions& options,
                             const std::vector<BenchSwarmRow>& rows);
void print_bench_swarm_json(std::ostream& out, const BenchSwarmOptions& options,
                            const std::vector<BenchSwarmRow>& rows);

}  // namespace hotline::cli
