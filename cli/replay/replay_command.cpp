// `hotline replay RUN.h5 -o replay.html`: one run of a trace file as a
// self-contained page (replay/replay_page.hpp, docs/replay.md).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "command.hpp"
#include "common/exit_codes.hpp"
#include "common/options.hpp"
#include "common/output_claim.hpp"
#include "hotline/replay/replay_page.hpp"
#include "hotline/trace/output_file.hpp"

namespace hotline::cli {

namespace {

struct ReplayOptions {
  std::string input;
  std::string output;
  bool force = false;
  bool quiet = false;
  replay::RunChoice choice;
};

// The page would replace its own trace: refused even with --force.
bool same_file(const std::string& a, const std::string& b) {
  std::error_code ignored;
  return std::filesystem::equivalent(a, b, ignored);
}

std::string megabytes(std::size_t bytes) {
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

void describe(const replay::ReplayRun& run, const replay::PageSizes& sizes,
              const std::string& output, std::ostream& out) {
  out << fmt::format(
      "{}: {} (positions {}, statuses {} deflated; data {})\n  {}, policy {}, replication {}: "
      "{:.2f} days, {} platforms × {} samples every {:g} min, {} events\n",
      output, megabytes(sizes.page_bytes), megabytes(sizes.positions_bytes),
      megabytes(sizes.status_bytes), megabytes(sizes.data_json_bytes), run.scenario_name,
      run.policy_id, run.replication, run.days, run.states.agents, run.states.steps.size(),
      run.states.interval_s / 60.0, run.events.size());
  if (!run.coastline_note.empty()) out << "  no coastline: " << run.coastline_note << '\n';
}

int write_replay(const ReplayOptions& options, const Invocation& call) {
  if (same_file(options.input, options.output)) {
    call.err << fmt::format("hotline: error: -o {}: that is the trace itself\n", options.output);
    return kExitBadInput;
  }
  replay::ReplayRun run;
  try {
    const trace::TraceReader trace(options.input);
    run = replay::read_replay_run(trace, options.choice);
  } catch (const trace::TraceError& e) {
    call.err << "hotline: error: " << e.what() << '\n';
    return kExitBadInput;
  } catch (const replay::ReplayRefused& e) {
    call.err << "hotline: error: " << e.what() << '\n';
    return kExitBadInput;
  }
  std::optional<OutputClaim> claim =
      claim_output(options.output, options.force, call.command_line, call.err);
  if (!claim) return kExitBadInput;
  replay::PageSizes sizes;
  const std::string page = replay::replay_page(run, &sizes);
  trace::write_whole_file(claim->path, page);
  if (!options.quiet) describe(run, sizes, options.output, call.out);
  return kExitOk;
}

class ReplayCommand final : public Command {
 public:
  CLI::App* declare(CLI::App& parent) override {
    app_ = parent.add_subcommand(
        "replay",
        "Write one run of a trace file (sampled with --sample-every) as an HTML page "
        "that plays it back in a browser, offline");
    app_->add_option("run", options_.input, "A run file (hotline run -o, with sampled states)")
        ->required();
    app_->add_option("-o,--output", options_.output, "The page to write (HTML)")->required();
    app_->add_flag("--force", options_.force, "Replace the page if it exists");
    app_->add_flag("--quiet", options_.quiet, "Print nothing when it succeeds");
    policy_ = app_->add_option(
        "--policy", policy_value_,
        "The run's policy, by id (of a sweep: the run whose hotline run to print)");
    replication_ = add_optional_count(*app_, "--replication", replication_value_, 0, (1U << 24) - 1,
                                      "The run's replication");
    point_ = add_optional_count(*app_, "--point", point_value_, 0, (1U << 24) - 1,
                                "The run's design point, in an experiment's sweep");
    return app_;
  }

  int run(const Invocation& call) override {
    if (policy_->count() > 0) options_.choice.policy_id = policy_value_;
    if (replication_->count() > 0) options_.choice.replication = replication_value_;
    if (point_->count() > 0) options_.choice.point = point_value_;
    return write_replay(options_, call);
  }

 private:
  CLI::App* app_ = nullptr;
  ReplayOptions options_;
  CLI::Option* policy_ = nullptr;
  std::string policy_value_;
  CLI::Option* replication_ = nullptr;
  std::uint32_t replication_value_ = 0;
  CLI::Option* point_ = nullptr;
  std::uint32_t point_value_ = 0;
};

}  // namespace

std::unique_ptr<Command> replay_command() {
  return std::make_unique<ReplayCommand>();
}

}  // namespace hotline::cli
