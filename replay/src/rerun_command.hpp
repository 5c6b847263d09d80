// How to watch a run that a file holds without its sampled states: the
// `hotline run` command that runs it again with them. Determinism makes it
// the same run (docs/determinism.md): the same scenario, seed, policy and
// replication — and, for an experiment's design point, the point's factor
// values written into the scenario with `--set`, exactly as the sweep wrote
// them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "hotline/trace/identity.hpp"

namespace hotline::replay {

struct RerunChoice {
  std::uint32_t point = 0;  // design point; 0 for a file without a design
  std::string policy_id;
  std::uint32_t replication = 0;
};

// "hotline run SCENARIO [--set PATH=VALUE ...] --seed S --policy P
// --replication R --days D --sample-every 10 -o run.h5", each word quoted
// for a POSIX shell where it needs to be. The scenario path is as the file
// recorded it (relative to the directory the sweep ran in).
[[nodiscard]] std::string rerun_command(const trace::TraceIdentity& identity,
                                        const RerunChoice& choice);

// A run file's recorded command line with its states asked for: the words
// that name an output or its sampling (-o, --output, --sample-every,
// --save-state, --force) replaced by "--sample-every 10 -o run.h5" (so that
// no file of the user's is written over), the program by
// "hotline". Empty if `recorded` is not a `hotline run` command line.
[[nodiscard]] std::string resampled_command(std::string_view recorded);

}  // namespace hotline::replay
