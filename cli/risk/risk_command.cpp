// `hotline risk`: its options, and the sweep machinery it runs on
// (risk/risk_plan.hpp): the journal, --resume, --shard and MPI ranks.
#include <fmt/format.h>

#include <charconv>
#include <tuple>

#include "command.hpp"
#include "common/count_parsing.hpp"
#include "common/options.hpp"
#include "sweep/sweep.hpp"

namespace hotline::cli {

namespace {

// A horizon in days: a number > 0 (a fraction of a day allowed).
CLI::Validator positive_days() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        double days = 0.0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
        if (error != std::errc() || end != text.data() + text.size() || !(days > 0.0)
            || days > 100000.0)
          return "expects a number of days in (0, 100000]: got '" + text + "'";
        return {};
      },
      "");
}

// The levels as parse_risk_levels reads them.
CLI::Validator risk_levels() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        try {
          (void)agents::parse_risk_levels(text);
        } catch (const std::invalid_argument& e) {
          return std::string(": ") + e.what();
        }
        return {};
      },
      "");
}

class RiskCommand final : public Command {
 public:
  CLI::App* declare(CLI::App& parent) override {
    app_ = parent.add_subcommand(
        "risk",
        "Estimate each policy's probability of an armed clash within the horizon, and its "
        "relative risk against the first policy, by multilevel splitting up the escalation "
        "ladder (docs/rare-events.md); resumable, shardable");
    app_->add_option("scenario", options_.scenario, "Scenario file")->required();
    app_->add_option("-o,--output", options_.output, "The estimate's HDF5 file")->required();
    app_->add_option("--policies", options_.policies,
                     "Comma-separated policy ids; the first in the scenario's order is the "
                     "baseline (default: every policy)")
        ->delimiter(',')
        ->type_name("ID[,ID...]");
    app_->add_option("--days", days_, "Horizon in days (default: the scenario's horizon)")
        ->transform(positive_days())
        ->type_name("DAYS");
    add_count(*app_, "--seed", options_.seed, 0, UINT64_MAX, "Random seed");
    add_optional_count(*app_, "--threads", threads_, 1, 4096,
                       "Threads (default: one per hardware thread)");
    add_count(*app_, "--effort", settings_.effort, 1, 1U << 24,
              "Runs started at each stage (plain: runs per repetition)");
    add_count(*app_, "--repetitions", repetitions_, 2, 1U << 20,
              "Independent repetitions of the whole procedure per policy; their spread gives "
              "the interval");
    app_->add_option("--levels", levels_,
                     "The levels, rising, ending with the clash: L1, L2, L3, clash, a rung "
                     "optionally refined by hostility (L2:0.6)")
        ->transform(risk_levels())
        ->type_name("LEVEL[,LEVEL...]")
        ->capture_default_str();
    add_choice(*app_, "--method", method_, {"splitting", "plain"},
               "splitting up the levels, or plain Monte Carlo (each run to the horizon)");
    add_choice(*app_, "--clashes", clashes_, {"expected", "indicator"},
               "How the last stage counts a run: the clashes it expected (the sum of P(use "
               "force) over its decisions: the same mean, far less variance) or whether it "
               "clashed");
    app_->add_option("--shard", shard_,
                     "Estimate shard i of n of the policy × repetition grid; `hotline merge` "
                     "joins the shards")
        ->check(shard_of_grid())
        ->type_name("I/N")
        ->capture_default_str();
    app_->add_flag("--resume", options_.resume,
                   "Finish an interrupted estimate from its journal (OUTPUT.journal)");
    app_->add_flag("--force", options_.force,
                   "Replace an existing output, or start over from an old journal");
    app_->add_flag("--quiet", options_.quiet, "No progress line on stderr");
    app_->add_flag("--json", options_.json, "Print the estimates as JSON");
    return app_;
  }

  [[nodiscard]] bool runs_on_ranks() const override { return true; }

  int run(const Invocation& call) override {
    options_.replications = repetitions_;
    if (app_->count("--days") > 0) options_.days = std::stod(days_);
    if (app_->count("--threads") > 0) options_.threads = threads_;
    options_.replications_given = true;
    options_.seed_given = true;
    options_.events = "none";
    settings_.method =
        method_ == "plain" ? agents::RiskMethod::plain : agents::RiskMethod::splitting;
    settings_.levels = agents::parse_risk_levels(levels_);
    settings_.final_count =
        clashes_ == "indicator" ? agents::FinalCount::indicator : agents::FinalCount::expected;
    options_.risk = settings_;
    std::tie(options_.shard_index, options_.shard_count) = parse_shard(shard_);
    return launch_sweep(options_, call, "estimate");
  }

 private:
  CLI::App* app_ = nullptr;
  SweepOptions options_;
  agents::ClashRiskSettings settings_;
  std::string days_;
  int threads_ = 0;
  // 20: the intervals' coverage on the exact chain was 93% at 20
  // repetitions, 90.5% at 10 (docs/rare-events.md).
  std::uint32_t repetitions_ = 20;
  std::string levels_ = "L1,L2,L3,clash";
  std::string method_ = "splitting";
  std::string clashes_ = "expected";
  std::string shard_ = "1/1";
};

}  // namespace

std::unique_ptr<Command> risk_command() {
  return std::make_unique<RiskCommand>();
}

}  // namespace hotline::cli
