// A `hotline` command. Each command declares its subcommand and options on
// CLI11 next to its implementation (run/run_command.cpp, sweep/...), and
// runs when the command line chose it; main.cpp only assembles them.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sweep/mpi_launch.hpp"

namespace hotline::cli {

// What a command runs with besides its options.
struct Invocation {
  int& argc;  // MPI's initialisation may consume its own arguments
  char**& argv;
  std::string command_line;  // quoted, as outputs record it
  std::ostream& out;
  std::ostream& err;
  std::optional<MpiLaunch> launch;  // set when started by mpirun or srun
};

class Command {
 public:
  virtual ~Command() = default;
  // Declares the subcommand and its options under `parent`; returns it.
  virtual CLI::App* declare(CLI::App& parent) = 0;
  // Runs the command once the command line chose it: its exit code
  // (exit_codes.hpp). Throws UsageError for options that do not go
  // together (exit 2).
  virtual int run(const Invocation& call) = 0;
  // Whether it may run across MPI ranks (only `sweep` does).
  [[nodiscard]] virtual bool runs_on_ranks() const { return false; }
};

// The commands of `hotline`, in the order --help lists them.
[[nodiscard]] std::vector<std::unique_ptr<Command>> hotline_commands();

}  // namespace hotline::cli
