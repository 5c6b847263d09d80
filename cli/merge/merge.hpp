// `hotline merge SHARD... -o OUTPUT`: joins the shard files of one sweep
// (`hotline sweep --shard i/n`) into the file the unsharded sweep writes.
//
// It refuses, naming what is wrong: a file that is not a sweep; shards of
// different sweeps (scenario, Hotline version, seed, days, replications,
// policies, what was recorded); a run in two files (overlap); a run in none
// (a hole). Rows are read run by run in canonical order, so memory holds one
// run at a time whatever the sweep's size.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hotline::cli {

struct MergeOptions {
  std::vector<std::string> inputs;
  std::string output;
  bool force = false;
  std::string command_line;
};

// Returns the exit code: 0, 1 (a failure to read or write), 2 (bad input).
int run_merge(const MergeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hotline::cli
