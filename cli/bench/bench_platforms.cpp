#include "bench/bench_platforms.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <ostream>
#include <string>

#include "common/phase_split.hpp"
#include "common/replication.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "hotline/trace/background_writer.hpp"
#include "hotline/trace/writer.hpp"
#include "run/traced_run.hpp"

namespace hotline::cli {

namespace {

struct TimedRun {
  double ns_per_platform_step = 0.0;
  std::vector<double> phase_ns;
};

std::string role_list(agents::RoleSet roles) {
  std::string out;
  for (std::size_t r = 0; r < agents::kRoleCount; ++r) {
    const auto role = static_cast<agents::Role>(r);
    if ((roles & agents::role_bit(role)) == 0) continue;
    if (!out.empty()) out += ",";
    out += agents::role_name(role);
  }
  return out;
}

// What the traced runs of one thread count measured.
struct TracedRuns {
  std::vector<double> ns_per_platform_step;
  std::vector<double> writer_busy_share;
};

// One untimed-setup run of `steps` on the current threads: its speed and
// phase split; fills the row's counts.
TimedRun timed_run(const agents::WorldSpec& spec, const BenchPlatformsOptions& options,
                   std::uint64_t steps, int threads, BenchPlatformsRow& row) {
  agents::PlatformWorld world(spec, options.seed, 0);  // setup is not timed
  trace::RunRecord record;
  const auto start = std::chrono::steady_clock::now();
  step_replication(world, steps, {trace::EventDetail::none, 0}, record);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  const double platform_steps =
      static_cast<double>(steps) * static_cast<double>(world.platform_count());
  TimedRun run;
  run.ns_per_platform_step =
      std::chrono::duration<double, std::nano>(elapsed).count() / platform_steps;
  run.phase_ns = phase_ns_per_item_step(world.timers(), platform_steps);
  row.threads = threads;
  row.platforms = world.platform_count();
  row.steps = steps;
  row.encounters = 0;
  row.incidents = 0;
  for (const agents::DyadCounts& c : world.dyad_counts()) {
    for (std::uint64_t n : c.encounters)
      row.encounters += n;
    for (std::uint64_t n : c.incidents)
      row.incidents += n;
  }
  return run;
}

// The same run writing its trace to `trace_path`, timed until the file is
// complete; the file's size goes into the row and the file is removed.
void traced_run(const agents::WorldSpec& spec, const scenarios::Scenario& scenario,
                const BenchPlatformsOptions& options, std::uint64_t steps,
                const std::string& trace_path, BenchPlatformsRow& row, TracedRuns& traced) {
  agents::PlatformWorld world(spec, options.seed, 0);
  trace::TraceIdentity identity = trace::scenario_identity(options.scenario, "", scenario);
  identity.kind = "run";
  identity.policies = {0};
  identity.policy_ids = {world.policy().id};
  identity.replications = 1;
  identity.state_interval_s = options.trace_every * spec.dt_s;
  trace::TraceFile trace(trace_path, identity, "hotline bench platforms", scenario, spec);
  const TraceSettings settings{recording_for(spec, trace::EventDetail::all), options.trace_every};
  trace::RunRecord record;
  const auto start = std::chrono::steady_clock::now();
  trace::BackgroundWriter writer;
  step_with_trace(world, steps, options.seed, settings, trace, writer, record, false);
  writer.finish();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  traced.ns_per_platform_step.push_back(
      std::chrono::duration<double, std::nano>(elapsed).count()
      / (static_cast<double>(steps) * static_cast<double>(world.platform_count())));
  row.writer_waited_s = std::max(row.writer_waited_s, writer.seconds_waited());
  traced.writer_busy_share.push_back(writer.seconds_busy()
                                     / std::chrono::duration<double>(elapsed).count());
  trace.commit();
  std::error_code ignored;
  row.trace_bytes = std::filesystem::file_size(trace_path, ignored);
  std::filesystem::remove(trace_path, ignored);
}

// The row's medians and spreads from its runs.
void summarize_row(std::vector<TimedRun>& timed, TracedRuns& traced, BenchPlatformsRow& row) {
  std::sort(timed.begin(), timed.end(), [](const TimedRun& a, const TimedRun& b) {
    return a.ns_per_platform_step < b.ns_per_platform_step;
  });
  const TimedRun& median = timed[timed.size() / 2];
  row.ns_per_platform_step = median.ns_per_platform_step;
  row.ns_per_platform_step_min = timed.front().ns_per_platform_step;
  row.ns_per_platform_step_max = timed.back().ns_per_platform_step;
  row.phase_ns_per_platform_step = median.phase_ns;
  if (traced.ns_per_platform_step.empty()) return;
  std::sort(traced.ns_per_platform_step.begin(), traced.ns_per_platform_step.end());
  row.ns_per_platform_step_traced =
      traced.ns_per_platform_step[traced.ns_per_platform_step.size() / 2];
  row.trace_overhead = row.ns_per_platform_step_traced / row.ns_per_platform_step - 1.0;
  std::sort(traced.writer_busy_share.begin(), traced.writer_busy_share.end());
  row.writer_busy_share = traced.writer_busy_share[traced.writer_busy_share.size() / 2];
}

}  // namespace

// Thread counts interleaved within each repetition, so that a slow spell of
// a shared machine falls on every count alike.
std::vector<BenchPlatformsRow> run_bench_platforms(const BenchPlatformsOptions& options) {
  const scenarios::Scenario scenario = scenarios::load_scenario_file(options.scenario);
  agents::WorldSpec spec = scenarios::build_world_spec(scenario);
  spec.scale_forces(options.scaled_roles, options.fleet_scale);
  const std::uint64_t steps = steps_for_days(spec, options.days);
  const std::string trace_path = (std::filesystem::temp_directory_path()
                                  / fmt::format("hotline-bench-trace-{}.h5", ::getpid()))
                                     .string();
  std::vector<std::vector<TimedRun>> runs(options.threads.size());
  std::vector<TracedRuns> traced(options.threads.size());
  std::vector<BenchPlatformsRow> rows(options.threads.size());
  for (std::uint32_t r = 0; r < options.repeat; ++r) {
    for (std::size_t t = 0; t < options.threads.size(); ++t) {
      engine::ThreadControl control(options.threads[t]);
      control.run(
          [&] { runs[t].push_back(timed_run(spec, options, steps, control.threads(), rows[t])); });
      if (options.trace_every == 0) continue;
      control.run(
          [&] { traced_run(spec, scenario, options, steps, trace_path, rows[t], traced[t]); });
    }
  }
  for (std::size_t t = 0; t < rows.size(); ++t)
    summarize_row(runs[t], traced[t], rows[t]);
  for (BenchPlatformsRow& row : rows)
    row.speedup = rows.front().ns_per_platform_step / row.ns_per_platform_step;
  return rows;
}

void print_bench_platforms_table(std::ostream& out, const BenchPlatformsOptions& options,
                                 const std::vector<BenchPlatformsRow>& rows) {
  fmt::print(out, "platform benchmark: {}, {} x {}, {:g} days, seed {}, {} of {} run(s)\n",
             options.scenario, role_list(options.scaled_roles), options.fleet_scale, options.days,
             options.seed, options.repeat == 1 ? "time" : "median", options.repeat);
  fmt::print(out, "{:>7} {:>9} {:>7} {:>11} {:>9} {:>17} {:>20} {:>8}\n", "threads", "platforms",
             "steps", "encounters", "incidents", "ns/platform-step", "min .. max", "speed-up");
  for (const BenchPlatformsRow& row : rows) {
    fmt::print(
        out, "{:>7} {:>9} {:>7} {:>11} {:>9} {:>17.2f} {:>20} {:>7.2f}x\n", row.threads,
        row.platforms, row.steps, row.encounters, row.incidents, row.ns_per_platform_step,
        fmt::format("{:.2f} .. {:.2f}", row.ns_per_platform_step_min, row.ns_per_platform_step_max),
        row.speedup);
  }
  if (options.trace_every > 0) {
    fmt::print(out,
               "with a trace (every event, hourly hostility, states every {} steps), median:\n",
               options.trace_every);
    fmt::print(out, "{:>7} {:>17} {:>17} {:>9} {:>12} {:>13} {:>11}\n", "threads",
               "ns/platform-step", "traced", "overhead", "writer busy", "writer wait", "trace MB");
    for (const BenchPlatformsRow& row : rows) {
      fmt::print(out, "{:>7} {:>17.2f} {:>17.2f} {:>8.1f}% {:>11.1f}% {:>12.3f}s {:>11.1f}\n",
                 row.threads, row.ns_per_platform_step, row.ns_per_platform_step_traced,
                 100.0 * row.trace_overhead, 100.0 * row.writer_busy_share, row.writer_waited_s,
                 static_cast<double>(row.trace_bytes) / 1e6);
    }
  }
  out << "phase split, ns per platform-step (median run):\n";
  for (const BenchPlatformsRow& row : rows) {
    fmt::print(out, "{:>7}{}\n", row.threads,
               phase_split_text(row.phase_ns_per_platform_step, true));
  }
}

void print_bench_platforms_json(std::ostream& out, const BenchPlatformsOptions& options,
                                const std::vector<BenchPlatformsRow>& rows) {
  fmt::print(out,
             "{{\"benchmark\": \"platforms\", \"scenario\": \"{}\", \"scaled_roles\": \"{}\", "
             "\"fleet_scale\": {}, \"days\": {}, \"seed\": {}, \"repeat\": {}, \"rows\": [",
             options.scenario, role_list(options.scaled_roles), options.fleet_scale, options.days,
             options.seed, options.repeat);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const BenchPlatformsRow& row = rows[i];
    const std::string phases = phase_split_json(row.phase_ns_per_platform_step);
    fmt::print(
        out,
        "{}\n  {{\"threads\": {}, \"platforms\": {}, \"steps\": {}, \"encounters\": {}, "
        "\"incidents\": {}, \"ns_per_platform_step\": {:.4f}, "
        "\"ns_per_platform_step_min\": {:.4f}, \"ns_per_platform_step_max\": {:.4f}, "
        "\"speedup\": {:.4f}, \"ns_per_platform_step_traced\": {:.4f}, "
        "\"trace_overhead\": {:.4f}, \"writer_busy_share\": {:.4f}, \"writer_waited_s\": {:.4f}, "
        "\"trace_bytes\": {}, "
        "\"phase_ns_per_platform_step\": {{{}}}}}",
        i == 0 ? "" : ",", row.threads, row.platforms, row.steps, row.encounters, row.incidents,
        row.ns_per_platform_step, row.ns_per_platform_step_min, row.ns_per_platform_step_max,
        row.speedup, row.ns_per_platform_step_traced, row.trace_overhead, row.writer_busy_share,
        row.writer_waited_s, row.trace_bytes, phases);
  }
  out << "\n]}\n";
}

}  // namespace hotline::cli
