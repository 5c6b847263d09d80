// `hotline run`: its options, and the checks that span several of them.

#include "command.hpp"
#include "common/count_parsing.hpp"
#include "common/options.hpp"
#include "run/run_scenario.hpp"

namespace hotline::cli {

namespace {

class RunCommand final : public Command {
 public:
  CLI::App* declare(CLI::App& parent) override {
    app_ = parent.add_subcommand("run", "Run a scenario and print its summary");
    app_->add_option("scenario", options_.scenario, "Scenario file (YAML)")->required();
    run_length_.declare(*app_, "Days to run (default: the scenario's horizon)", options_.seed);
    policy_ = app_->add_option("--policy", options_.policy,
                               "The scenario's policy to run, by id (default: its first)");
    add_count(*app_, "--replication", options_.replication, 0, (1U << 24) - 1,
              "Replication number: its random streams are the same under every policy");
    app_->add_option("--set", options_.settings,
                     "Change one value of the scenario for this run: PATH=VALUE with its unit, "
                     "e.g. 'policies.hotline.hotline.p_answer.l2=0.9' (hotline validate --paths "
                     "lists the paths); repeat it for several; the run is then the run of an "
                     "experiment's design point that sets the same values")
        ->type_name("PATH=VALUE")
        ->allow_extra_args(false);
    posture_ =
        add_optional_count(*app_, "--posture", posture_value_, 0, 3,
                           "Hold every nation's posture at this level (the command layer no longer "
                           "moves it: for calibrating exposure)");
    app_->add_flag("--json", options_.json, "Print JSON instead of tables");
    app_->add_flag("--profile", options_.profile,
                   "Print the time per phase (on stderr with --json)");
    app_->add_option("-o,--output", options_.output,
                     "Write the run's trace to this HDF5 file (docs/trace-format.md)");
    app_->add_flag("--force", options_.force, "Replace the output file if it exists");
    sample_every_ =
        add_optional_count(*app_, "--sample-every", sample_every_value_, 0, 1U << 30,
                           "With -o: sample every agent's state every K steps (default: the "
                           "scenario's output.state_interval; 0: none)");
    events_ = add_choice(*app_, "--events", options_.events,
                         {"none", "command", "incidents", "all"}, "With -o: the events to keep");
    app_->add_option("--save-state", options_.save_state,
                     "Save the run's state when it ends, for --from-state to continue "
                     "(docs/rare-events.md, \"Snapshots\")")
        ->type_name("FILE");
    app_->add_option("--from-state", options_.from_state,
                     "Continue a saved state up to day --days (the same scenario, seed, "
                     "replication and policy; the summary is the whole run's)")
        ->type_name("FILE");
    return app_;
  }

  int run(const Invocation& call) override {
    run_length_.apply(options_);
    if (posture_->count() > 0) options_.posture = posture_value_;
    if (sample_every_->count() > 0) options_.sample_every_steps = sample_every_value_;
    if (policy_->count() > 0 && options_.policy.empty()) {
      throw UsageError("--policy needs a policy id");
    }
    options_.seed_given = app_->count("--seed") > 0;
    options_.replication_given = app_->count("--replication") > 0;
    if (!options_.from_state.empty() && !options_.output.empty()) {
      throw UsageError(
          "--from-state and -o: a continued run's trace would hold only its last part; run it "
          "whole to write a trace");
    }
    if (!options_.from_state.empty() && options_.posture) {
      throw UsageError("--from-state and --posture: the state holds its postures");
    }
    if (options_.output.empty() && (sample_every_->count() > 0 || events_->count() > 0)) {
      throw UsageError("--sample-every and --events need -o FILE");
    }
    options_.command_line = call.command_line;
    return run_scenario(options_, call.out, call.err);
  }

 private:
  CLI::App* app_ = nullptr;
  RunOptions options_;
  RunLengthOptions run_length_;
  int posture_value_ = 0;
  std::uint32_t sample_every_value_ = 0;
  CLI::Option* policy_ = nullptr;
  CLI::Option* posture_ = nullptr;
  CLI::Option* sample_every_ = nullptr;
  CLI::Option* events_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> run_command() {
  return std::make_unique<RunCommand>();
}

}  // namespace hotline::cli
