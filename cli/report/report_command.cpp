// `hotline report`: its options.
#include <fmt/format.h>

#include <cstdlib>

#include "command.hpp"
#include "common/options.hpp"
#include "report/report.hpp"

namespace hotline::cli {

namespace {

// A confidence level strictly between 0 and 1.
CLI::Validator open_unit_interval() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !(value > 0.0 && value < 1.0)) {
          return fmt::format("must lie between 0 and 1: got {}", text);
        }
        return {};
      },
      "in (0, 1)");
}

class ReportCommand final : public Command {
 public:
  CLI::App* declare(CLI::App& parent) override {
    CLI::App* app = parent.add_subcommand(
        "report",
        "Compare a sweep's policies against a baseline, or study an experiment's factors: "
        "tables, summary lines, plots");
    app->add_option("sweep", options_.input, "A sweep file (hotline sweep or merge)")->required();
    app->add_option("--baseline", options_.baseline, "The policy to compare against")
        ->capture_default_str();
    add_choice(*app, "--format", options_.format, {"md", "csv", "json"}, "The report's format");
    app->add_option("--confidence", options_.confidence, "The intervals' confidence level")
        ->check(open_unit_interval())
        ->capture_default_str();
    app->add_option("--plots", options_.plots_directory, "Draw the plots into this folder (PNG)");
    point_ = app->add_option("--point", point_value_,
                             "An experiment's file: compare the policies at this design point "
                             "alone (default: the experiment's report)");
    return app;
  }

  int run(const Invocation& call) override {
    if (point_->count() > 0) options_.point = point_value_;
    return run_report(options_, call.out, call.err);
  }

 private:
  ReportOptions options_;
  CLI::Option* point_ = nullptr;
  std::uint32_t point_value_ = 0;
};

}  // namespace

std::unique_ptr<Command> report_command() {
  return std::make_unique<ReportCommand>();
}

}  // namespace hotline::cli
