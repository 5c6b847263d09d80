// The `hotline` command: assembles the commands (each declares its own
// options, command.hpp), parses, runs the one chosen, and turns what escapes
// it into one line and an exit code (common/exit_codes.hpp).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "command.hpp"
#include "common/count_parsing.hpp"
#include "common/exit_codes.hpp"
#include "common/options.hpp"
#include "common/scenario_input.hpp"
#include "hotline/trace/writer.hpp"

namespace hotline::cli {

std::unique_ptr<Command> run_command();
std::unique_ptr<Command> sweep_command();
std::unique_ptr<Command> risk_command();
std::unique_ptr<Command> merge_command();
std::unique_ptr<Command> report_command();
std::unique_ptr<Command> replay_command();
std::unique_ptr<Command> validate_command();
std::unique_ptr<Command> bench_command();

std::vector<std::unique_ptr<Command>> hotline_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(run_command());
  commands.push_back(sweep_command());
  commands.push_back(risk_command());
  commands.push_back(merge_command());
  commands.push_back(report_command());
  commands.push_back(replay_command());
  commands.push_back(validate_command());
  commands.push_back(bench_command());
  return commands;
}

namespace {

// Ranks other than 0 of an MPI job print nothing: rank 0 speaks for the
// job. A stream in a failed state drops what is written to it.
void silence_other_ranks(const std::optional<MpiLaunch>& launch) {
  if (launch && launch->rank != 0) {
    std::cout.setstate(std::ios::badbit);
    std::cerr.setstate(std::ios::badbit);
  }
}

// Runs the chosen command, mapping what escapes it to an exit code.
int run_chosen(Command& command, const Invocation& call) {
  try {
    if (call.launch && call.launch->size > 1 && !command.runs_on_ranks()) {
      throw UsageError(fmt::format(
          "started as {} MPI ranks ({}); only `hotline sweep` runs across ranks: start this "
          "command without mpirun",
          call.launch->size, call.launch->variable));
    }
    return command.run(call);
  } catch (const UsageError& e) {
    call.err << "hotline: error: " << e.what() << '\n';
    return kExitBadInput;
  } catch (const std::exception& e) {
    call.err << "hotline: failed: " << e.what() << '\n';
    return kExitRunFailure;
  }
}

}  // namespace

}  // namespace hotline::cli

int main(int argc, char** argv) {
  using namespace hotline::cli;
  const std::optional<MpiLaunch> launch = mpi_launch_from_environment();
  silence_other_ranks(launch);

  CLI::App app{"Hotline: agent-based simulation of military encounters and crisis communication",
               "hotline"};
  app.set_version_flag("--version", "hotline " + std::string(hotline::trace::hotline_version()));
  app.require_subcommand(1);
  const std::vector<std::unique_ptr<Command>> commands = hotline_commands();
  std::vector<CLI::App*> declared;
  for (const auto& command : commands)
    declared.push_back(command->declare(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "hotline: error: " << usage_error_text(e, app) << '\n';
    return kExitBadInput;
  }
  const Invocation call{argc, argv, quoted_command_line(argc, argv), std::cout, std::cerr, launch};
  for (std::size_t i = 0; i < commands.size(); ++i) {
    if (declared[i]->parsed()) return run_chosen(*commands[i], call);
  }
  return kExitBadInput;  // require_subcommand(1) makes this unreachable
}
