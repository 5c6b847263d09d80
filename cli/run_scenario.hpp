// `hotline run SCENARIO --days D [--seed S] [--threads T] [--json]`: runs one
// replication of a scenario's first policy and prints its summary —
// encounters, encounter-hours, incidents by severity and per 100
// encounter-hours, per rival dyad; intrusions and scrambles or dispatches by
// responding and intruding nation; and the days each nation's ships were in
// each zone.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

namespace hotline::cli {

struct RunOptions {
  std::string scenario;
  std::optional<double> days;  // default: the scenario's horizon
  std::uint64_t seed = 1;
  int threads = 0;  // 0: every hardware thread
  bool json = false;
  bool profile = false;  // print the time per phase
};

// Returns the exit code: 0, or 2 for a scenario that does not load (its
// diagnostics on `err`).
int run_scenario(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hotline::cli
