// `hotline sweep`: every policy × replication of a scenario — or every
// design point × policy × replication of an experiment (an experiment file,
// or --vary) — or one shard of that grid, replications side by side on
// every core, into one HDF5 file that is the same however the work was
// split, interrupted or resumed.
//
// How it survives interruption (docs/trace-format.md, "Resume"): each run,
// the moment it completes, is appended to a journal beside the output
// (OUTPUT.journal) and synced to disk by the writer thread; the journal's
// header holds the sweep's identity (scenario, seed, days, grid, what is
// recorded). `--resume` reopens it, checks that identity against the
// command, drops a torn last record, and runs only the runs not in it. When
// every run is in, the final file is assembled from the journal in
// canonical order under OUTPUT.partial, synced and renamed to OUTPUT, and
// the journal removed. The file's content depends only on the runs, never
// on the order they finished or on which process ran them.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "hotline/agents/clash_risk.hpp"

namespace hotline::cli {

class RunSpreader;

struct SweepOptions {
  std::string scenario;  // a scenario or an experiment file
  std::string output;
  std::uint32_t replications = 10;
  std::vector<std::string> policies;  // ids; empty: every policy of the scenario
  std::optional<double> days;         // default: the scenario's horizon
  std::uint64_t seed = 1;
  // Whether the command line gave them: where it did not, an experiment
  // file's own replications and seed apply.
  bool replications_given = false;
  bool seed_given = false;
  std::vector<std::string> vary;  // --vary PATH=VALUES, one or two
  bool reuse = true;              // copy identical runs across design points (run_reuse.hpp)
  int threads = 0;                // 0: every hardware thread
  std::uint32_t shard_index = 1;
  std::uint32_t shard_count = 1;
  bool resume = false;
  bool force = false;
  bool quiet = false;              // no progress line
  bool profile = false;            // print the per-phase time split
  std::string events = "command";  // trace::EventDetail name
  std::string command_line;
  // `hotline risk` (risk/risk_plan.hpp): every cell a clash-risk estimate
  // over the horizon, the grid's replications its repetitions.
  std::optional<agents::ClashRiskSettings> risk;
  bool json = false;  // risk: print the result as JSON
  // Spreads the runs over other processes (MPI ranks, mpi_sweep.hpp);
  // null: this process's threads run them all.
  RunSpreader* spreader = nullptr;
};

// Returns the exit code: 0 done; 1 a failure to write; 2 bad input (the
// scenario, a policy, an existing output without --force or --resume, a
// journal of another sweep, an unusable path); 128 + the signal after
// Ctrl-C or SIGTERM (completed runs kept in the journal).
int run_sweep(const SweepOptions& options, std::ostream& out, std::ostream& err);

struct Invocation;
// A command's sweep (`hotline sweep`, `hotline risk`; `noun` names its
// work in messages): --resume and --force checked, the command line kept,
// then run here or, started by mpirun or srun, over MPI ranks. Throws
// UsageError for options that do not go together.
int launch_sweep(SweepOptions& options, const Invocation& call, const char* noun);

}  // namespace hotline::cli
