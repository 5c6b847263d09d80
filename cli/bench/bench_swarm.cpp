#include "bench/bench_swarm.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <string>

#include "common/phase_split.hpp"
#include "common/process_memory.hpp"
#include "hotline/agents/swarm_model.hpp"
#include "hotline/engine/thread_control.hpp"

namespace hotline::cli {

namespace {

struct TimedRun {
  double ns_per_agent_step;
  std::vector<double> phase_ns_per_agent_step;
};

}  // namespace

std::vector<BenchSwarmRow> run_bench_swarm(const BenchSwarmOptions& options) {
  engine::ThreadControl threads(options.threads);
  const engine::SimdLevel previous_simd = engine::force_simd_level(options.simd);
  std::vector<BenchSwarmRow> rows;
  for (const std::uint64_t agents : options.agents) {
    BenchSwarmRow row;
    row.agents = agents;
    row.steps = options.steps != 0 ? options.steps : agents::swarm_spec_steps(agents);
    row.threads = threads.threads();
    row.peak_rss_is_per_row = reset_peak_rss();

    std::vector<TimedRun> runs;
    for (std::uint32_t r = 0; r < options.repeat; ++r) {
      agents::SwarmConfig config;
      config.agents = static_cast<std::uint32_t>(agents);
      config.seed = options.seed;
      config.incremental_resort = options.incremental_resort;
      threads.run([&] {
        agents::SwarmModel model(config);  // setup is outside the timed loop
        const auto start = std::chrono::steady_clock::now();
        for (std::uint32_t s = 0; s < row.steps; ++s)
          model.step();
        const auto elapsed = std::chrono::steady_clock::now() - start;

        const double agent_steps = static_cast<double>(agents) * row.steps;
        TimedRun run;
        run.ns_per_agent_step =
            static_cast<double>(
                std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count())
            / agent_steps;
        run.phase_ns_per_agent_step = phase_ns_per_item_step(model.timers(), agent_steps);
        runs.push_back(std::move(run));
        // Same seed, same model: every repeat gives the same counts.
        row.encounters = model.total_encounters();
        row.incidents = model.total_incidents();
        row.encounters_per_step_over_expected = static_cast<double>(model.total_encounters())
                                                / row.steps / model.expected_encounters_per_step();
      });
    }
    std::sort(runs.begin(), runs.end(), [](const TimedRun& a, const TimedRun& b) {
      return a.ns_per_agent_step < b.ns_per_agent_step;
    });
    const TimedRun& median = runs[runs.size() / 2];
    row.ns_per_agent_step = median.ns_per_agent_step;
    row.ns_per_agent_step_min = runs.front().ns_per_agent_step;
    row.ns_per_agent_step_max = runs.back().ns_per_agent_step;
    row.agent_steps_per_s = 1e9 / median.ns_per_agent_step;
    row.phase_ns_per_agent_step = median.phase_ns_per_agent_step;
    row.peak_rss_bytes = peak_rss_bytes();
    rows.push_back(std::move(row));
  }
  engine::force_simd_level(previous_simd);
  return rows;
}

void print_bench_swarm_table(std::ostream& out, const BenchSwarmOptions& options,
                             const std::vector<BenchSwarmRow>& rows) {
  fmt::print(out,
             "swarm benchmark (docs/benchmarks.md): seed {}, {} thread(s), {} kernels, {} re-sort, "
             "{} of {} "
             "run(s)\n",
             options.seed, rows.empty() ? 0 : rows.front().threads,
             engine::simd_level_name(options.simd),
             options.incremental_resort ? "incremental" : "full",
             options.repeat == 1 ? "time" : "median", options.repeat);
  fmt::print(out, "{:>9} {:>6} {:>7} {:>12} {:>9} {:>10} {:>13} {:>13} {:>10} {:>11}\n", "agents",
             "steps", "threads", "encounters", "incidents", "enc/expect", "ns/agent-step",
             "agent-steps/s", "peak RSS", "bytes/agent");
  for (const BenchSwarmRow& row : rows) {
    fmt::print(
        out,
        "{:>9} {:>6} {:>7} {:>12} {:>9} {:>10.4f} {:>13.2f} {:>13.3e} {:>6.1f} MiB {:>11.1f}\n",
        row.agents, row.steps, row.threads, row.encounters, row.incidents,
        row.encounters_per_step_over_expected, row.ns_per_agent_step, row.agent_steps_per_s,
        static_cast<double>(row.peak_rss_bytes) / (1024.0 * 1024.0),
        static_cast<double>(row.peak_rss_bytes) / static_cast<double>(row.agents));
  }
  out << "phase split, ns per agent-step:\n";
  for (const BenchSwarmRow& row : rows) {
    fmt::print(out, "{:>9}{}\n", row.agents, phase_split_text(row.phase_ns_per_agent_step, true));
  }
  if (options.repeat > 1) {
    out << "spread over repeats, ns per agent-step (min .. max):\n";
    for (const BenchSwarmRow& row : rows) {
      fmt::print(out, "{:>9}  {:.2f} .. {:.2f}\n", row.agents, row.ns_per_agent_step_min,
                 row.ns_per_agent_step_max);
    }
  }
  if (!rows.empty() && !rows.front().peak_rss_is_per_row) {
    out << "note: peak RSS covers the whole process (the kernel refused to reset VmHWM)\n";
  }
}

void print_bench_swarm_json(std::ostream& out, const BenchSwarmOptions& options,
                            const std::vector<BenchSwarmRow>& rows) {
  fmt::print(out,
             "{{\"benchmark\": \"swarm\", \"seed\": {}, \"repeat\": {}, \"simd\": \"{}\", "
             "\"resort\": \"{}\", \"rows\": [",
             options.seed, options.repeat, engine::simd_level_name(options.simd),
             options.incremental_resort ? "incremental" : "full");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const BenchSwarmRow& row = rows[i];
    const std::string phases = phase_split_json(row.phase_ns_per_agent_step);
    fmt::print(out,
               "{}\n  {{\"agents\": {}, \"steps\": {}, \"threads\": {}, \"encounters\": {}, "
               "\"incidents\": {}, \"encounters_per_step_over_expected\": {:.6f}, "
               "\"ns_per_agent_step\": {:.4f}, \"ns_per_agent_step_min\": {:.4f}, "
               "\"ns_per_agent_step_max\": {:.4f}, \"agent_steps_per_s\": {:.6e}, "
               "\"peak_rss_bytes\": {}, \"peak_rss_bytes_per_agent\": {:.2f}, "
               "\"peak_rss_is_per_row\": {}, \"phase_ns_per_agent_step\": {{{}}}}}",
               i == 0 ? "" : ",", row.agents, row.steps, row.threads, row.encounters, row.incidents,
               row.encounters_per_step_over_expected, row.ns_per_agent_step,
               row.ns_per_agent_step_min, row.ns_per_agent_step_max, row.agent_steps_per_s,
               row.peak_rss_bytes,
               static_cast<double>(row.peak_rss_bytes) / static_cast<double>(row.agents),
               row.peak_rss_is_per_row, phases);
  }
  out << "\n]}\n";
}

}  // namespace hotline::cli
