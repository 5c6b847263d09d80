// `hotline validate`: its options.
#include "command.hpp"
#include "common/count_parsing.hpp"
#include "validate/validate.hpp"

namespace hotline::cli {

namespace {

class ValidateCommand final : public Command {
 public:
  CLI::App* declare(CLI::App& parent) override {
    CLI::App* app = parent.add_subcommand(
        "validate", "Check scenario files: one line per file, every problem with file:line:column");
    app->add_option("scenario", files_, "Scenario files (YAML)")->required();
    app->add_flag("--explain", explain_,
                  "Print the fully resolved scenario (defaults filled in, units normalised) as "
                  "YAML that loads to the same scenario");
    app->add_flag("--paths", paths_,
                  "Print every numeric value of the resolved scenario an experiment can vary: "
                  "its path, value and dimension");
    app->add_flag("--strict", strict_,
                  "Treat warnings (a scenario that breaks the stability rule) as errors: exit 2");
    return app;
  }

  int run(const Invocation& call) override {
    if (explain_ && files_.size() != 1) {
      throw UsageError("--explain takes one scenario file, got " + std::to_string(files_.size()));
    }
    if (paths_ && files_.size() != 1) {
      throw UsageError("--paths takes one scenario file, got " + std::to_string(files_.size()));
    }
    if (paths_ && explain_) throw UsageError("--paths and --explain: choose one");
    const ValidateOutput output = paths_     ? ValidateOutput::paths
                                  : explain_ ? ValidateOutput::explain
                                             : ValidateOutput::summary;
    return run_validate(files_, output, strict_, call.out, call.err);
  }

 private:
  std::vector<std::string> files_;
  bool explain_ = false;
  bool paths_ = false;
  bool strict_ = false;
};

}  // namespace

std::unique_ptr<Command> validate_command() {
  return std::make_unique<ValidateCommand>();
}

}  // namespace hotline::cli
