#include "bench_platforms.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ostream>
#include <string>

#include "hotline/agents/platform_world.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "phase_split.hpp"

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

}  // namespace

std::vector<BenchPlatformsRow> run_bench_platforms(const BenchPlatformsOptions& options) {
  agents::WorldSpec spec =
      scenarios::build_world_spec(scenarios::load_scenario_file(options.scenario));
  spec.scale_forces(options.scaled_roles, options.fleet_scale);
  const auto steps = static_cast<std::uint64_t>(std::llround(options.days * 86400.0 / spec.dt_s));

  std::vector<std::vector<TimedRun>> runs(options.threads.size());
  std::vector<BenchPlatformsRow> rows(options.threads.size());
  for (std::uint32_t r = 0; r < options.repeat; ++r) {
    for (std::size_t t = 0; t < options.threads.size(); ++t) {
      engine::ThreadControl control(options.threads[t]);
      control.run([&] {
        agents::PlatformWorld world(spec, options.seed, 0);  // setup is not timed
        const auto start = std::chrono::steady_clock::now();
        for (std::uint64_t s = 0; s < steps; ++s)
          world.step();
        const auto elapsed = std::chrono::steady_clock::now() - start;
        const double platform_steps =
            static_cast<double>(steps) * static_cast<double>(world.platform_count());
        TimedRun run;
        run.ns_per_platform_step =
            std::chrono::duration<double, std::nano>(elapsed).count() / platform_steps;
        run.phase_ns = phase_ns_per_item_step(world.timers(), platform_steps);
        runs[t].push_back(std::move(run));
        BenchPlatformsRow& row = rows[t];
        row.threads = control.threads();
        row.platforms = world.platform_count();
        row.steps = steps;
        row.encounters = 0;
        row.incidents = 0;
        for (const agents::DyadCounts& c : world.dyad_counts()) {
          row.encounters += c.encounters;
          for (std::uint64_t n : c.incidents)
            row.incidents += n;
        }
      });
    }
  }
  for (std::size_t t = 0; t < rows.size(); ++t) {
    auto& timed = runs[t];
    std::sort(timed.begin(), timed.end(), [](const TimedRun& a, const TimedRun& b) {
      return a.ns_per_platform_step < b.ns_per_platform_step;
    });
    const TimedRun& median = timed[timed.size() / 2];
    rows[t].ns_per_platform_step = median.ns_per_platform_step;
    rows[t].ns_per_platform_step_min = timed.front().ns_per_platform_step;
    rows[t].ns_per_platform_step_max = timed.back().ns_per_platform_step;
    rows[t].phase_ns_per_platform_step = median.phase_ns;
    rows[t].speedup = rows.front().ns_per_platform_step / rows[t].ns_per_platform_step;
  }
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
    fmt::print(out,
               "{}\n  {{\"threads\": {}, \"platforms\": {}, \"steps\": {}, \"encounters\": {}, "
               "\"incidents\": {}, \"ns_per_platform_step\": {:.4f}, "
               "\"ns_per_platform_step_min\": {:.4f}, \"ns_per_platform_step_max\": {:.4f}, "
               "\"speedup\": {:.4f}, \"phase_ns_per_platform_step\": {{{}}}}}",
               i == 0 ? "" : ",", row.threads, row.platforms, row.steps, row.encounters,
               row.incidents, row.ns_per_platform_step, row.ns_per_platform_step_min,
               row.ns_per_platform_step_max, row.speedup, phases);
  }
  out << "\n]}\n";
}

}  // namespace hotline::cli
