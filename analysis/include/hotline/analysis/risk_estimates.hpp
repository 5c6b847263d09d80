// What a risk file says (docs/rare-events.md, "Reading the output"): per
// policy, the probability of a clash within the horizon — the mean of the
// repetitions' estimates, with its Student-t interval over them — its
// relative error, the mean fraction of each stage, the work done, and the
// relative risk against the baseline, paired by
// repetition with Fieller's interval (statistics.hpp): repetition r of
// every policy replays the same starting runs and branch keys.
//
// Plain Monte Carlo counting clashes adds the exact Clopper-Pearson
// interval over all its runs, which holds also when no run clashed (the t
// interval then collapses to [0, 0] and says nothing), and takes its
// standard error from the binomial variance.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hotline/analysis/exact_intervals.hpp"
#include "hotline/analysis/statistics.hpp"
#include "hotline/trace/identity.hpp"
#include "hotline/trace/risk_record.hpp"

namespace hotline::analysis {

struct PolicyRisk {
  std::string policy;
  MeanInterval probability;  // over repetitions; the low bound at least 0
  // Of the mean: over the repetitions (splitting), or binomial over every
  // run (plain: sqrt(p(1 − p)/runs)).
  double standard_error = 0.0;
  double relative_error = 0.0;         // standard_error / mean; NaN when the mean is 0
  std::optional<ShareInterval> exact;  // plain Monte Carlo: over every run
  // Of each stage, the mean fraction over the repetitions that ran it
  // (NaN for a stage none ran).
  std::vector<double> stage_fractions;
  double work_platform_steps = 0.0;  // every repetition
  // The work a 20% relative error would take at this method's variance:
  // work × (relative error / 0.2)²; NaN when the mean is 0.
  double work_for_20_percent = 0.0;
  std::optional<PairedComparison> against_baseline;  // none for the baseline
};

struct RiskSummary {
  std::string method;      // "splitting" or "plain"
  bool indicator = false;  // the last stage counted clashes, not expected clashes
  std::uint32_t effort = 0;
  std::uint32_t repetitions = 0;
  double days = 0.0;
  std::vector<std::string> levels;   // as the file names them
  std::vector<PolicyRisk> policies;  // the baseline first, then the others in the file's order
};

// The method a risk identity text names ("splitting, effort 100, ..."),
// and whether its last stage counted clashes (not expected clashes).
[[nodiscard]] std::string risk_method_of(const std::string& risk_text);
[[nodiscard]] bool risk_counts_indicator(const std::string& risk_text);

// The baseline is policy `baseline` when the file has it, else the first
// policy (a file without "none"). Throws std::invalid_argument when a
// policy lacks a repetition another has (a shard's file: merge the shards
// first).
[[nodiscard]] RiskSummary summarize_risk(const trace::TraceIdentity& identity,
                                         std::span<const trace::RiskRecord> records,
                                         const std::vector<std::string>& level_names,
                                         const std::string& baseline = "none");

}  // namespace hotline::analysis
