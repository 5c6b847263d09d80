// The exit codes of every `hotline` command, in one place.
//
//   0   the command did what it was asked
//   1   it failed while running (a write error, a run that threw)
//   2   bad input: a command line, scenario, trace or journal it refuses,
//       always with a message naming the file, line and key or the option,
//       and with no partial output left behind
//   128 + N  stopped by signal N (130 for Ctrl-C, 143 for SIGTERM), as a
//       shell reports a process the signal killed; a sweep keeps its journal
#pragma once

namespace hotline::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRunFailure = 1;
inline constexpr int kExitBadInput = 2;

// The exit code for a command stopped by `signal`.
[[nodiscard]] constexpr int interrupted_exit_code(int signal) {
  return 128 + signal;
}

}  // namespace hotline::cli
