// `hotline bench swarm` and `hotline bench platforms`: their options.
#include <limits>

#include "bench/bench_platforms.hpp"
#include "bench/bench_swarm.hpp"
#include "command.hpp"
#include "common/count_parsing.hpp"
#include "common/exit_codes.hpp"
#include "common/options.hpp"
#include "hotline/agents/platforms.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/scenario.hpp"

namespace hotline::cli {

namespace {

constexpr std::uint64_t kU32Max = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint64_t kU64Max = std::numeric_limits<std::uint64_t>::max();

// The set of roles a comma-separated list of role names gives.
agents::RoleSet role_set(const std::vector<std::string>& names) {
  agents::RoleSet roles = 0;
  for (const std::string& name : names) {
    for (std::size_t r = 0; r < agents::kRoleCount; ++r) {
      const auto role = static_cast<agents::Role>(r);
      if (agents::role_name(role) == name) roles |= agents::role_bit(role);
    }
  }
  return roles;
}

std::vector<std::string> role_names() {
  std::vector<std::string> names;
  for (std::size_t r = 0; r < agents::kRoleCount; ++r)
    names.emplace_back(agents::role_name(static_cast<agents::Role>(r)));
  return names;
}

// A role's name, or the message the project has always given.
CLI::Validator known_role() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        for (const std::string& name : role_names()) {
          if (name == text) return {};
        }
        std::string known;
        for (const std::string& name : role_names())
          known += (known.empty() ? "" : ", ") + name;
        return ": unknown role '" + text + "' (one of: " + known + ")";
      },
      "");
}

class BenchCommand final : public Command {
 public:
  CLI::App* declare(CLI::App& parent) override {
    CLI::App* bench = parent.add_subcommand("bench", "Measure the engine's speed");
    bench->require_subcommand(1);
    declare_swarm(*bench);
    declare_platforms(*bench);
    return bench;
  }

  int run(const Invocation& call) override {
    return swarm_->parsed() ? run_swarm(call) : run_platforms(call);
  }

 private:
  void declare_swarm(CLI::App& bench) {
    swarm_ = bench.add_subcommand(
        "swarm", "The canonical swarm benchmark (docs/benchmarks.md): random walkers on a torus");
    add_count_list(*swarm_, "--agents", swarm_options_.agents, 1, kU32Max,
                   "Agents, or a comma-separated list of sizes, e.g. 1e4,1e5");
    add_optional_count(
        *swarm_, "--steps", swarm_options_.steps, 1, kU32Max,
        "Steps per run (default: the benchmark's, 1000 up to 1e4 agents, 100 up to 1e5, "
        "else 20)");
    add_optional_count(*swarm_, "--threads", swarm_options_.threads, 1, 4096,
                       "Threads (default: one per hardware thread)");
    add_count(*swarm_, "--seed", swarm_options_.seed, 0, kU64Max, "Random seed");
    add_count(*swarm_, "--repeat", swarm_options_.repeat, 1, 1000,
              "Runs per size; timings report their median");
    add_choice(*swarm_, "--simd", simd_, {"auto", "baseline"},
               "Vector kernels: auto (the widest this CPU has) or baseline");
    add_choice(*swarm_, "--resort", resort_, {"incremental", "full"},
               "Spatial index: incremental (re-sort the agents that changed cell) or full "
               "(counting sort every step); same results");
    swarm_->add_flag("--json", swarm_options_.json, "Print JSON instead of a table");
  }

  void declare_platforms(CLI::App& bench) {
    platforms_ = bench.add_subcommand(
        "platforms", "The platform model on a scenario with bigger fleets, all phases timed");
    platforms_->add_option("scenario", platforms_options_.scenario, "Scenario file")
        ->capture_default_str();
    add_count(*platforms_, "--days", platforms_days_, 1, 100000, "Days per run");
    add_count(*platforms_, "--fleet-scale", platforms_options_.fleet_scale, 1, 10000,
              "Multiply the forces of the --roles by this");
    platforms_->add_option("--roles", roles_, "Comma-separated roles whose forces are scaled")
        ->delimiter(',')
        ->check(known_role())
        ->type_name("ROLE[,ROLE...]")
        ->capture_default_str();
    threads_ = add_count_list(*platforms_, "--threads", platforms_options_.threads, 1, 4096,
                              "Thread counts, comma-separated (default: 1 and one per hardware "
                              "thread)");
    threads_->default_str("");
    add_count(*platforms_, "--seed", platforms_options_.seed, 0, kU64Max, "Random seed");
    add_count(*platforms_, "--repeat", platforms_options_.repeat, 1, 1000,
              "Runs per thread count, interleaved; timings report their median");
    add_count(*platforms_, "--trace-every", platforms_options_.trace_every, 0, 1U << 30,
              "Also time each run writing a trace with every agent's state every K steps, and "
              "report the overhead (0: no trace)");
    platforms_->add_flag("--json", platforms_options_.json, "Print JSON instead of a table");
  }

  int run_swarm(const Invocation& call) {
    swarm_options_.simd =
        simd_ == "baseline" ? engine::SimdLevel::baseline : engine::detected_simd_level();
    swarm_options_.incremental_resort = resort_ == "incremental";
    const auto rows = run_bench_swarm(swarm_options_);
    if (swarm_options_.json) {
      print_bench_swarm_json(call.out, swarm_options_, rows);
    } else {
      print_bench_swarm_table(call.out, swarm_options_, rows);
    }
    return kExitOk;
  }

  int run_platforms(const Invocation& call) {
    platforms_options_.days = static_cast<double>(platforms_days_);
    platforms_options_.scaled_roles = role_set(roles_);
    if (threads_->count() == 0) {
      const int hardware = engine::ThreadControl::hardware_threads();
      platforms_options_.threads =
          hardware > 1 ? std::vector<int>{1, hardware} : std::vector<int>{1};
    }
    std::vector<BenchPlatformsRow> rows;
    try {
      rows = run_bench_platforms(platforms_options_);
    } catch (const scenarios::ScenarioError& e) {
      for (const auto& d : e.diagnostics())
        call.err << d.format() << '\n';
      return kExitBadInput;
    }
    if (platforms_options_.json) {
      print_bench_platforms_json(call.out, platforms_options_, rows);
    } else {
      print_bench_platforms_table(call.out, platforms_options_, rows);
    }
    return kExitOk;
  }

  CLI::App* swarm_ = nullptr;
  CLI::App* platforms_ = nullptr;
  CLI::Option* threads_ = nullptr;
  BenchSwarmOptions swarm_options_;
  std::string simd_ = "auto";
  std::string resort_ = "incremental";
  BenchPlatformsOptions platforms_options_;
  std::uint64_t platforms_days_ = 30;
  std::vector<std::string> roles_{"fishing", "militia"};
};

}  // namespace

std::unique_ptr<Command> bench_command() {
  return std::make_unique<BenchCommand>();
}

}  // namespace hotline::cli
