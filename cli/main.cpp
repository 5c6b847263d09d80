// The `hotline` command. Exit codes: 0 ok, 1 run failure, 2 bad input.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <exception>
#include <iostream>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "bench/bench_platforms.hpp"
#include "bench/bench_swarm.hpp"
#include "common/count_parsing.hpp"
#include "exit_codes.hpp"
#include "hotline/engine/batch_kernels.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "merge/merge.hpp"
#include "sweep/mpi_launch.hpp"
#if HOTLINE_WITH_MPI
#include "sweep/mpi_sweep.hpp"
#endif
#include "common/scenario_input.hpp"
#include "report/report.hpp"
#include "run/run_scenario.hpp"
#include "sweep/sweep.hpp"
#include "validate/validate.hpp"

namespace {

using hotline::cli::kExitBadInput;
using hotline::cli::kExitRunFailure;

// --days, --seed and --threads, shared by run and sweep: taken as text and
// range-checked by parse_count, so that a bad value gets the project's
// message and exit code 2.
struct DaysSeedThreadsText {
  std::string days;
  std::string seed = "1";
  std::string threads;

  void add_to(CLI::App* command, const char* days_help) {
    command->add_option("--days", days, days_help);
    command->add_option("--seed", seed, "Random seed (default 1)");
    command->add_option("--threads", threads, "Threads (default: one per hardware thread)");
  }
  // Throws UsageError naming the option.
  template <class Options>
  void parse_into(Options& options) const {
    using hotline::cli::parse_count;
    if (!days.empty()) options.days = static_cast<double>(parse_count(days, "--days", 1, 100000));
    options.seed = parse_count(seed, "--seed", 0, std::numeric_limits<std::uint64_t>::max());
    if (!threads.empty())
      options.threads = static_cast<int>(parse_count(threads, "--threads", 1, 4096));
  }
};

struct BenchSwarmText {
  std::string agents = "10000";
  std::string steps;
  std::string threads;
  std::string seed = "1";
  std::string repeat = "1";
  std::string simd = "auto";
  std::string resort = "incremental";
  bool json = false;
};

hotline::cli::BenchSwarmOptions parse_bench_swarm(const BenchSwarmText& text) {
  using hotline::cli::parse_count;
  constexpr std::uint64_t kU32Max = std::numeric_limits<std::uint32_t>::max();
  hotline::cli::BenchSwarmOptions options;
  options.agents = hotline::cli::parse_count_list(text.agents, "--agents", 1, kU32Max);
  if (!text.steps.empty()) {
    options.steps = static_cast<std::uint32_t>(parse_count(text.steps, "--steps", 1, kU32Max));
  }
  if (!text.threads.empty()) {
    options.threads = static_cast<int>(parse_count(text.threads, "--threads", 1, 4096));
  }
  options.seed = parse_count(text.seed, "--seed", 0, std::numeric_limits<std::uint64_t>::max());
  options.repeat = static_cast<std::uint32_t>(parse_count(text.repeat, "--repeat", 1, 1000));
  if (text.simd == "baseline") {
    options.simd = hotline::engine::SimdLevel::baseline;
  } else if (text.simd == "auto") {
    options.simd = hotline::engine::detected_simd_level();
  } else {
    throw hotline::cli::UsageError("--simd expects 'auto' or 'baseline': got '" + text.simd + "'");
  }
  if (text.resort == "incremental" || text.resort == "full") {
    options.incremental_resort = text.resort == "incremental";
  } else {
    throw hotline::cli::UsageError("--resort expects 'incremental' or 'full': got '" + text.resort
                                   + "'");
  }
  options.json = text.json;
  return options;
}

struct BenchPlatformsText {
  std::string scenario = "scenarios/east_china_sea_2023.yaml";
  std::string days = "30";
  std::string fleet_scale = "10";
  std::string roles = "fishing,militia";
  std::string threads;
  std::string seed = "1";
  std::string repeat = "1";
  std::string trace_every = "0";
  bool json = false;
};

hotline::cli::BenchPlatformsOptions parse_bench_platforms(const BenchPlatformsText& text) {
  using hotline::cli::parse_count;
  using hotline::cli::UsageError;
  namespace agents = hotline::agents;
  hotline::cli::BenchPlatformsOptions options;
  options.scenario = text.scenario;
  options.days = static_cast<double>(parse_count(text.days, "--days", 1, 100000));
  options.fleet_scale =
      static_cast<std::uint32_t>(parse_count(text.fleet_scale, "--fleet-scale", 1, 10000));
  options.scaled_roles = 0;
  std::string_view rest = text.roles;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view name = rest.substr(0, comma);
    bool found = false;
    for (std::size_t r = 0; r < agents::kRoleCount; ++r) {
      const auto role = static_cast<agents::Role>(r);
      if (agents::role_name(role) == name) {
        options.scaled_roles |= agents::role_bit(role);
        found = true;
      }
    }
    if (!found) {
      throw UsageError("--roles: unknown role '" + std::string(name)
                       + "' (one of: warship, coast_guard, militia, fishing, fighter, patrol, "
                         "bomber, uav, balloon)");
    }
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  if (text.threads.empty()) {
    const int hardware = hotline::engine::ThreadControl::hardware_threads();
    options.threads = hardware > 1 ? std::vector<int>{1, hardware} : std::vector<int>{1};
  } else {
    options.threads.clear();
    for (std::uint64_t t : hotline::cli::parse_count_list(text.threads, "--threads", 1, 4096))
      options.threads.push_back(static_cast<int>(t));
  }
  options.seed = parse_count(text.seed, "--seed", 0, std::numeric_limits<std::uint64_t>::max());
  options.repeat = static_cast<std::uint32_t>(parse_count(text.repeat, "--repeat", 1, 1000));
  options.trace_every =
      static_cast<std::uint32_t>(parse_count(text.trace_every, "--trace-every", 0, 1U << 30));
  options.json = text.json;
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<hotline::cli::MpiLaunch> launch = hotline::cli::mpi_launch_from_environment();
  if (launch && launch->rank != 0) {
    // Ranks other than 0 of an MPI job print nothing: rank 0 speaks for the
    // job. A stream in a failed state drops what is written to it (and,
    // unlike a swapped buffer, has nothing to outlive at exit).
    std::cout.setstate(std::ios::badbit);
    std::cerr.setstate(std::ios::badbit);
  }

  CLI::App app{"Hotline: agent-based simulation of military encounters and crisis communication",
               "hotline"};
  app.require_subcommand(1);

  CLI::App* bench = app.add_subcommand("bench", "Measure the engine's speed");
  bench->require_subcommand(1);
  BenchSwarmText swarm_text;
  CLI::App* swarm = bench->add_subcommand(
      "swarm", "The canonical swarm benchmark (docs/benchmarks.md): random walkers on a torus");
  swarm->add_option("--agents", swarm_text.agents,
                    "Agents, or a comma-separated list of sizes, e.g. 1e4,1e5 (default 10000)");
  swarm->add_option("--steps", swarm_text.steps,
                    "Steps per run (default: the spec's, 1000 up to 1e4 agents, 100 up to 1e5, "
                    "else 20)");
  swarm->add_option("--threads", swarm_text.threads, "Threads (default: one per hardware thread)");
  swarm->add_option("--seed", swarm_text.seed, "Random seed (default 1)");
  swarm->add_option("--repeat", swarm_text.repeat,
                    "Runs per size; timings report their median (default 1)");
  swarm->add_option("--simd", swarm_text.simd,
                    "Vector kernels: auto (the widest this CPU has) or baseline (default auto)");
  swarm->add_option("--resort", swarm_text.resort,
                    "Spatial index: incremental (re-sort the agents that changed cell) or full "
                    "(counting sort every step); same results (default incremental)");
  swarm->add_flag("--json", swarm_text.json, "Print JSON instead of a table");

  BenchPlatformsText platforms_text;
  CLI::App* platforms = bench->add_subcommand(
      "platforms", "The platform model on a scenario with bigger fleets, all phases timed");
  platforms->add_option("scenario", platforms_text.scenario,
                        "Scenario file (default scenarios/east_china_sea_2023.yaml)");
  platforms->add_option("--days", platforms_text.days, "Days per run (default 30)");
  platforms->add_option("--fleet-scale", platforms_text.fleet_scale,
                        "Multiply the forces of the --roles by this (default 10)");
  platforms->add_option("--roles", platforms_text.roles,
                        "Comma-separated roles whose forces are scaled (default fishing,militia)");
  platforms->add_option("--threads", platforms_text.threads,
                        "Thread counts, comma-separated (default: 1 and one per hardware thread)");
  platforms->add_option("--seed", platforms_text.seed, "Random seed (default 1)");
  platforms->add_option("--repeat", platforms_text.repeat,
                        "Runs per thread count, interleaved; timings report their median "
                        "(default 1)");
  platforms->add_option("--trace-every", platforms_text.trace_every,
                        "Also time each run writing a trace with every agent's state every K "
                        "steps, and report the overhead (default 0: no trace)");
  platforms->add_flag("--json", platforms_text.json, "Print JSON instead of a table");

  std::vector<std::string> validate_files;
  bool explain = false;
  bool strict = false;
  CLI::App* validate = app.add_subcommand(
      "validate", "Check scenario files: one line per file, every problem with file:line:column");
  validate->add_option("scenario", validate_files, "Scenario files (YAML)")->required();
  validate->add_flag("--explain", explain,
                     "Print the fully resolved scenario (defaults filled in, units normalised) "
                     "as YAML that loads to the same scenario");
  validate->add_flag("--strict", strict,
                     "Treat warnings (a scenario that breaks the stability rule) as errors: "
                     "exit 2");

  hotline::cli::RunOptions run_options;
  DaysSeedThreadsText run_basics;
  std::string run_replication = "0";
  CLI::App* run = app.add_subcommand("run", "Run a scenario and print its summary");
  run->add_option("scenario", run_options.scenario, "Scenario file (YAML)")->required();
  run_basics.add_to(run, "Days to run (default: the scenario's horizon)");
  run->add_option("--policy", run_options.policy,
                  "The scenario's policy to run, by id (default: its first)");
  run->add_option("--replication", run_replication,
                  "Replication number: its random streams are the same under every policy "
                  "(default 0)");
  std::string run_posture;
  run->add_option("--posture", run_posture,
                  "Hold every nation's posture at this level, 0-3 (the command layer no longer "
                  "moves it: for calibrating exposure)");
  run->add_flag("--json", run_options.json, "Print JSON instead of tables");
  run->add_flag("--profile", run_options.profile,
                "Print the time per phase (on stderr with --json)");
  std::string run_sample_every;
  run->add_option("-o,--output", run_options.output,
                  "Write the run's trace to this HDF5 file (docs/trace-format.md)");
  run->add_flag("--force", run_options.force, "Replace the output file if it exists");
  run->add_option("--sample-every", run_sample_every,
                  "With -o: sample every agent's state every K steps (default: the scenario's "
                  "output.state_interval; 0: none)");
  run->add_option("--events", run_options.events,
                  "With -o: the events to keep: none, command, incidents or all (default all)");

  hotline::cli::SweepOptions sweep_options;
  std::string sweep_replications = "10";
  DaysSeedThreadsText sweep_basics;
  std::string sweep_shard = "1/1";
  CLI::App* sweep = app.add_subcommand(
      "sweep",
      "Run every policy × replication of a scenario into one HDF5 file; resumable, shardable");
  sweep->add_option("scenario", sweep_options.scenario, "Scenario file (YAML)")->required();
  sweep->add_option("-o,--output", sweep_options.output, "The sweep's HDF5 file")->required();
  sweep->add_option("--replications", sweep_replications,
                    "Replications per policy; replication k draws the same random streams under "
                    "every policy (default 10)");
  sweep->add_option("--policies", sweep_options.policies,
                    "Comma-separated policy ids (default: every policy of the scenario)");
  sweep_basics.add_to(sweep, "Days per run (default: the scenario's horizon)");
  sweep->add_option("--shard", sweep_shard,
                    "Run shard i of n of the policy × replication grid (default 1/1); "
                    "`hotline merge` joins the shards");
  sweep->add_flag("--resume", sweep_options.resume,
                  "Finish an interrupted sweep from its journal (OUTPUT.journal)");
  sweep->add_flag("--force", sweep_options.force,
                  "Replace an existing output, or start over from an old journal");
  sweep->add_flag("--quiet", sweep_options.quiet, "No progress line on stderr");
  sweep->add_flag("--profile", sweep_options.profile, "Print the time per phase");
  sweep->add_option("--events", sweep_options.events,
                    "The events to keep: none, command, incidents or all (default command)");

  hotline::cli::MergeOptions merge_options;
  CLI::App* merge = app.add_subcommand(
      "merge", "Join the shard files of one sweep into the file the unsharded sweep writes");
  merge->add_option("shards", merge_options.inputs, "Shard files (hotline sweep --shard i/n)")
      ->required();
  merge->add_option("-o,--output", merge_options.output, "The merged HDF5 file")->required();
  merge->add_flag("--force", merge_options.force, "Replace the output if it exists");

  hotline::cli::ReportOptions report_options;
  CLI::App* report = app.add_subcommand(
      "report", "Compare a sweep's policies against a baseline: tables, summary lines, plots");
  report->add_option("sweep", report_options.input, "A sweep file (hotline sweep or merge)")
      ->required();
  report->add_option("--baseline", report_options.baseline,
                     "The policy to compare against (default none)");
  report->add_option("--format", report_options.format, "md, csv or json (default md)");
  report->add_option("--confidence", report_options.confidence,
                     "The intervals' confidence level (default 0.95)");
  report->add_option("--plots", report_options.plots_directory,
                     "Draw the plots into this folder (PNG; analysis/plots.py)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "hotline: error: " << e.what() << '\n';
    return kExitBadInput;
  }

  try {
    if (launch && launch->size > 1 && !sweep->parsed()) {
      throw hotline::cli::UsageError(fmt::format(
          "started as {} MPI ranks ({}); only `hotline sweep` runs across ranks: start this "
          "command without mpirun",
          launch->size, launch->variable));
    }
    if (run->parsed()) {
      using hotline::cli::parse_count;
      run_basics.parse_into(run_options);
      if (run->count("--policy") > 0 && run_options.policy.empty()) {
        std::cerr << "hotline: error: --policy needs a policy id\n";
        return kExitBadInput;
      }
      run_options.replication = static_cast<std::uint32_t>(
          parse_count(run_replication, "--replication", 0, (1U << 24) - 1));
      if (!run_posture.empty()) {
        run_options.posture = static_cast<int>(parse_count(run_posture, "--posture", 0, 3));
      }
      if (!run_sample_every.empty()) {
        run_options.sample_every_steps = static_cast<std::uint32_t>(
            parse_count(run_sample_every, "--sample-every", 0, 1U << 30));
      }
      if (run_options.output.empty()
          && (run->count("--sample-every") > 0 || run->count("--events") > 0)) {
        std::cerr << "hotline: error: --sample-every and --events need -o FILE\n";
        return kExitBadInput;
      }
      run_options.command_line = hotline::cli::quoted_command_line(argc, argv);
      return hotline::cli::run_scenario(run_options, std::cout, std::cerr);
    }
    if (sweep->parsed()) {
      using hotline::cli::parse_count;
      sweep_options.replications = static_cast<std::uint32_t>(
          parse_count(sweep_replications, "--replications", 1, (1U << 24)));
      sweep_basics.parse_into(sweep_options);
      const auto slash = sweep_shard.find('/');
      if (slash == std::string::npos) {
        throw hotline::cli::UsageError("--shard expects i/n, e.g. 2/8: got '" + sweep_shard + "'");
      }
      sweep_options.shard_count = static_cast<std::uint32_t>(
          parse_count(sweep_shard.substr(slash + 1), "--shard (n of i/n)", 1, 1U << 24));
      sweep_options.shard_index = static_cast<std::uint32_t>(parse_count(
          sweep_shard.substr(0, slash), "--shard (i of i/n)", 1, sweep_options.shard_count));
      if (sweep_options.resume && sweep_options.force) {
        throw hotline::cli::UsageError("--resume and --force: choose one");
      }
      sweep_options.command_line = hotline::cli::quoted_command_line(argc, argv);
      if (launch && launch->size > 1) {
#if HOTLINE_WITH_MPI
        return hotline::cli::run_sweep_on_ranks(sweep_options, argc, argv, std::cout, std::cerr);
#else
        throw hotline::cli::UsageError(fmt::format(
            "started as {} MPI ranks ({}), but this hotline was built without MPI: build it "
            "with -DHOTLINE_MPI=ON (cmake --preset mpi, docs/hpc.md), or split the sweep "
            "with --shard i/n",
            launch->size, launch->variable));
#endif
      }
      return hotline::cli::run_sweep(sweep_options, std::cout, std::cerr);
    }
    if (merge->parsed()) {
      merge_options.command_line = hotline::cli::quoted_command_line(argc, argv);
      return hotline::cli::run_merge(merge_options, std::cout, std::cerr);
    }
    if (report->parsed()) return hotline::cli::run_report(report_options, std::cout, std::cerr);
    if (validate->parsed()) {
      return hotline::cli::run_validate(validate_files, explain, strict, std::cout, std::cerr);
    }
    if (platforms->parsed()) {
      const auto options = parse_bench_platforms(platforms_text);
      std::vector<hotline::cli::BenchPlatformsRow> rows;
      try {
        rows = hotline::cli::run_bench_platforms(options);
      } catch (const hotline::scenarios::ScenarioError& e) {
        for (const auto& d : e.diagnostics())
          std::cerr << d.format() << '\n';
        return kExitBadInput;
      }
      if (options.json) {
        hotline::cli::print_bench_platforms_json(std::cout, options, rows);
      } else {
        hotline::cli::print_bench_platforms_table(std::cout, options, rows);
      }
    }
    if (swarm->parsed()) {
      const auto options = parse_bench_swarm(swarm_text);
      const auto rows = hotline::cli::run_bench_swarm(options);
      if (options.json) {
        hotline::cli::print_bench_swarm_json(std::cout, options, rows);
      } else {
        hotline::cli::print_bench_swarm_table(std::cout, options, rows);
      }
    }
  } catch (const hotline::cli::UsageError& e) {
    std::cerr << "hotline: error: " << e.what() << '\n';
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "hotline: failed: " << e.what() << '\n';
    return kExitRunFailure;
  }
  return 0;
}
