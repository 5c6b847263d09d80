// `hotline report SWEEP.h5 [--baseline none] [--format md|csv|json]
// [--confidence 0.95] [--plots DIR] [--point N]`: the policy comparison of
// a sweep file (analysis/policy_comparison.hpp) — or, for an experiment's
// file, the study of its factors (analysis/experiment_analysis.hpp), or
// with --point the policy comparison at one design point — printed as a
// report, and with --plots the pictures of it drawn by analysis/plots.py.
//
// The file is read and checked whole before anything is printed: a missing,
// foreign or inconsistent file, or a baseline the file does not have, exits
// 2 with nothing written.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

namespace hotline::cli {

struct ReportOptions {
  std::string input;
  std::string baseline = "none";
  std::string format = "md";
  double confidence = 0.95;
  std::string plots_directory;         // empty: no plots
  std::optional<std::uint32_t> point;  // an experiment's design point
};

// Where the plot script and the Python that runs it are: the environment's
// HOTLINE_PLOTS_SCRIPT and HOTLINE_PYTHON if set, else share/hotline/plots.py
// beside the executable's folder (in the build tree and in an installed
// prefix alike) and Debian's /usr/bin/python3 (the one that sees
// python3-matplotlib and python3-h5py).
[[nodiscard]] std::string plots_script_path();
[[nodiscard]] std::string plots_python_path();

// Returns the exit code: 0, 1 (the plots could not be drawn), 2 (bad input).
int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hotline::cli
