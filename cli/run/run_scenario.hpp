// `hotline run SCENARIO [--days D] [--seed S] [--replication K] [--policy P]
// [--threads T] [--json]`: runs one replication of one of the scenario's
// policies (its first by default) and prints its summary — encounters,
// encounter-hours, incidents by severity and per 100 encounter-hours, per
// rival dyad; politics per dyad (crisis episodes, crisis-days, peak level,
// clashes, wars, the first crisis's and clash's times, hostility and its
// baseline, hotline calls placed and connected, connect delay); intrusions and scrambles or
// dispatches by responding and intruding nation; and the days each nation's ships were in each
// zone.
//
// With `-o FILE` it also writes the run's trace (docs/trace-format.md): the
// same numbers, the events, the hostility series and, with --sample-every K
// (or the scenario's output.state_interval), sampled agent states. The file
// is written by a writer thread while the run steps.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace hotline::cli {

struct RunOptions {
  std::string scenario;
  // --set PATH=VALUE: scenario values changed for this run (as an
  // experiment's design point changes them).
  std::vector<std::string> settings;
  std::optional<double> days;  // default: the scenario's horizon
  std::uint64_t seed = 1;
  std::uint32_t replication = 0;  // common random numbers: the same under every policy
  std::string policy;             // empty: the scenario's first
  int threads = 0;                // 0: every hardware thread
  bool json = false;
  bool profile = false;                             // print the time per phase
  std::string output;                               // trace file; empty: none
  bool force = false;                               // replace an existing output
  std::optional<std::uint32_t> sample_every_steps;  // states; default: the scenario's
  std::string events = "all";                       // trace::EventDetail name
  std::string command_line;                         // for the trace's attributes
  // Every nation's posture held at this level (0-3): the command layer no
  // longer moves it (calibrating exposure without escalation).
  std::optional<int> posture;
  // Whether the command line gave them (a continued run takes the state's).
  bool seed_given = false;
  bool replication_given = false;
  // run_state.hpp: the state to write when the run ends, and the state to
  // continue (its steps count towards --days, which is the day the
  // continued run ends).
  std::string save_state;
  std::string from_state;
};

// With --save-state it also writes the run's end state; with --from-state
// it continues a saved state to day --days (the summary is the whole run's,
// from day 0).
//
// Returns the exit code: 0; 1 if the trace or state cannot be written; 2
// for a scenario that does not load (its diagnostics on `err`), a policy it
// does not have, an output that exists (without force) or cannot be
// created, or a state that is not this scenario's, seed's, replication's,
// policy's or build's, or is at or past --days;
// 128 + the signal after Ctrl-C or SIGTERM (no file left behind).
int run_scenario(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hotline::cli
