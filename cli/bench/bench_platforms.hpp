// `hotline bench platforms`: times the platform model on a scenario, all
// phases included, with chosen fleets scaled up (its target:
// east_china_sea_2023 with tenfold fishing and militia fleets, 30 days at
// dt = 60 s, at most 150 ns per platform-step on one thread and at least
// 1.7x faster on two). Repeats are interleaved across thread counts
// (r1: 1, 2 threads; r2: 1, 2 threads; ...) so that a slow spell of a
// shared host falls on both and the speed-up stays honest.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "hotline/agents/platforms.hpp"

namespace hotline::cli {

struct BenchPlatformsOptions {
  std::string scenario = "scenarios/east_china_sea_2023.yaml";
  double days = 30.0;
  agents::RoleSet scaled_roles =
      agents::role_bit(agents::Role::fishing) | agents::role_bit(agents::Role::militia);
  std::uint32_t fleet_scale = 10;
  std::vector<int> threads{1};
  std::uint64_t seed = 1;
  std::uint32_t repeat = 1;
  // >0: also time each run while it writes a trace (every event, hourly
  // hostility, every agent's state every `trace_every` steps) to a temporary
  // file, and report the overhead (target: at most 10% at 10,000 agents
  // sampled every 10 steps).
  std::uint32_t trace_every = 0;
  bool json = false;
};

struct BenchPlatformsRow {
  int threads = 0;
  std::uint64_t platforms = 0;
  std::uint64_t steps = 0;
  double ns_per_platform_step = 0.0;      // median over the repeats
  double ns_per_platform_step_min = 0.0;  // fastest repeat
  double ns_per_platform_step_max = 0.0;  // slowest repeat
  double speedup = 1.0;                   // median time of the first thread count / this row's
  std::vector<double> phase_ns_per_platform_step;  // per engine::Phase, median run
  double ns_per_platform_step_traced = 0.0;        // median, with a trace (trace_every > 0)
  double trace_overhead = 0.0;                     // traced / plain medians − 1
  double writer_waited_s = 0.0;    // the stepping thread waiting on a full queue, worst run
  double writer_busy_share = 0.0;  // writer thread's busy time / the traced run's, median
  std::uint64_t trace_bytes = 0;   // the trace file's size
  std::uint64_t encounters = 0;    // all dyads (the same in every row)
  std::uint64_t incidents = 0;
};

// Loads the scenario (a ScenarioError propagates), scales the fleets and
// runs it `repeat` times at each thread count, timing the stepping loop.
std::vector<BenchPlatformsRow> run_bench_platforms(const BenchPlatformsOptions& options);

void print_bench_platforms_table(std::ostream& out, const BenchPlatformsOptions& options,
                                 const std::vector<BenchPlatformsRow>& rows);
void print_bench_platforms_json(std::ostream& out, const BenchPlatformsOptions& options,
                                const std::vector<BenchPlatformsRow>& rows);

}  // namespace hotline::cli
