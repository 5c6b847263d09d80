// `hotline sweep`: its options, the checks that span several of them, and
// whether its runs spread over MPI ranks.
#include <fmt/format.h>

#include <tuple>

#include "command.hpp"
#include "common/count_parsing.hpp"
#include "common/options.hpp"
#include "sweep/sweep.hpp"
#if HOTLINE_WITH_MPI
#include "sweep/mpi_sweep.hpp"
#endif

namespace hotline::cli {

namespace {

// The id without the spaces around it ("none, hotline").
CLI::Validator trimmed() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const auto first = text.find_first_not_of(" \t");
        const auto last = text.find_last_not_of(" \t");
        text = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
        return {};
      },
      "");
}

class SweepCommand final : public Command {
 public:
  CLI::App* declare(CLI::App& parent) override {
    app_ = parent.add_subcommand(
        "sweep",
        "Run every policy × replication of a scenario, or every design point × policy × "
        "replication of an experiment, into one HDF5 file; resumable, shardable");
    app_->add_option("scenario", options_.scenario,
                     "Scenario file, or experiment file (YAML with `experiment:`; "
                     "docs/experiments.md)")
        ->required();
    app_->add_option("-o,--output", options_.output, "The sweep's HDF5 file")->required();
    add_count(*app_, "--replications", options_.replications, 1, 1U << 24,
              "Replications per policy; replication k draws the same random streams under "
              "every policy");
    app_->add_option("--policies", options_.policies,
                     "Comma-separated policy ids, e.g. \"none, hotline\" (default: every policy "
                     "of the scenario)")
        ->delimiter(',')
        ->transform(trimmed())
        ->type_name("ID[,ID...]");
    app_->add_option("--vary", options_.vary,
                     "Vary a scenario value over a full factorial (once or twice): "
                     "PATH=V1,V2,... or PATH=FROM..TO:COUNT, values with their unit, e.g. "
                     "'policies.hotline.hotline.p_answer.l2=0.1..0.9:5' "
                     "(hotline validate --paths lists the paths)")
        ->type_name("PATH=VALUES")
        ->allow_extra_args(false);
    run_length_.declare(*app_,
                        "Days per run (default: the experiment's days:, else the scenario's "
                        "horizon)",
                        options_.seed);
    app_->add_option("--shard", shard_,
                     "Run shard i of n of the policy × replication grid; `hotline merge` joins "
                     "the shards")
        ->check(shard_of_grid())
        ->type_name("I/N")
        ->capture_default_str();
    app_->add_flag("--resume", options_.resume,
                   "Finish an interrupted sweep from its journal (OUTPUT.journal)");
    app_->add_flag("--force", options_.force,
                   "Replace an existing output, or start over from an old journal");
    app_->add_flag("--quiet", options_.quiet, "No progress line on stderr");
    app_->add_flag("!--no-reuse", options_.reuse,
                   "An experiment: simulate every run, also those that are the same as another "
                   "design point's (the file is the same; for checking)");
    app_->add_flag("--profile", options_.profile, "Print the time per phase");
    add_choice(*app_, "--events", options_.events, {"none", "command", "incidents", "all"},
               "The events to keep");
    return app_;
  }

  [[nodiscard]] bool runs_on_ranks() const override { return true; }

  int run(const Invocation& call) override {
    run_length_.apply(options_);
    options_.replications_given = app_->count("--replications") > 0;
    options_.seed_given = app_->count("--seed") > 0;
    std::tie(options_.shard_index, options_.shard_count) = parse_shard(shard_);
    return launch_sweep(options_, call, "sweep");
  }

 private:
  CLI::App* app_ = nullptr;
  SweepOptions options_;
  RunLengthOptions run_length_;
  std::string shard_ = "1/1";
};

}  // namespace

int launch_sweep(SweepOptions& options, const Invocation& call, const char* noun) {
  (void)noun;  // named only in the message of a build without MPI
  if (options.resume && options.force) throw UsageError("--resume and --force: choose one");
  options.command_line = call.command_line;
  if (call.launch && call.launch->size > 1) {
#if HOTLINE_WITH_MPI
    return run_sweep_on_ranks(options, call.argc, call.argv, call.out, call.err);
#else
    throw UsageError(fmt::format(
        "started as {} MPI ranks ({}), but this hotline was built without MPI: build it "
        "with -DHOTLINE_MPI=ON (cmake --preset mpi, docs/hpc.md), or split the {} "
        "with --shard i/n",
        call.launch->size, call.launch->variable, noun));
#endif
  }
  return run_sweep(options, call.out, call.err);
}

std::unique_ptr<Command> sweep_command() {
  return std::make_unique<SweepCommand>();
}

}  // namespace hotline::cli
