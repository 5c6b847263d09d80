// A sweep file's policies compared against a baseline, measure by measure
// (run_metrics.hpp): each policy's mean over its replications with a
// Student-t interval, and — paired by replication, since replication k of
// every policy ran on the same random streams — the difference and the
// ratio of means against the baseline with their intervals
// (statistics.hpp). Rates of counted events instead get exact intervals:
// the pooled count over the pooled years (Garwood), and against the
// baseline the exact conditional ratio of rates, which then decides the
// verdict; shares of runs get Clopper–Pearson intervals
// (exact_intervals.hpp).
//
// The verdict is the paired t test's: a difference interval that holds 0
// is "not distinguishable". It is shown as a relative change with the
// ratio's Fieller interval — which holds 1 exactly when the difference's
// holds 0 — where the ratio has one, as the difference otherwise (a
// baseline mean of zero, or not told apart from zero).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "hotline/analysis/exact_intervals.hpp"
#include "hotline/analysis/run_metrics.hpp"
#include "hotline/analysis/statistics.hpp"
#include "hotline/trace/reader.hpp"

namespace hotline::analysis {

// A comparison that cannot be made as asked (an unknown baseline, a
// confidence outside (0, 1)); the message says what to ask instead.
class ComparisonError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ComparisonOptions {
  std::string baseline = "none";  // a policy id of the file
  double confidence = 0.95;
  // An experiment's file: the design point whose policies are compared
  // (required for compare_policies on such a file).
  std::optional<std::uint32_t> point;
};

enum class Verdict : std::uint8_t {
  lower,                // the interval lies wholly below no change
  higher,               // wholly above
  not_distinguishable,  // it holds no change
  no_interval,          // fewer than 2 pairs, or no spread to judge by
};

struct PolicyMeasure {
  MeanInterval over_runs;  // the policy's replications (those with a value)
  // Against the baseline (not for the baseline itself).
  std::optional<PairedComparison> against_baseline;
  bool relative = false;  // shown as a ratio (else as the difference)
  bool exact = false;     // the ratio and verdict are the exact rate ratio's
  Verdict verdict = Verdict::no_interval;
};

struct MetricComparison {
  const RunMetric* metric = nullptr;
  std::vector<PolicyMeasure> policies;  // PolicyComparison::policies order
};

// One rival dyad under one policy: the headline rates over every run's
// years, with exact intervals for the counts (a sum over dyads can hide
// that one dyad carries all of it).
struct DyadRates {
  std::string dyad;  // "a-b"
  std::size_t policy = 0;
  double years = 0.0;
  RateInterval dangerous;
  RateInterval grave;
  double crisis_days_per_year = 0.0;
  RateInterval clashes;
  RateInterval wars;
};

struct PolicyComparison {
  std::string file;
  std::optional<std::uint32_t> point;  // an experiment's design point
  std::string point_description;       // "point 3 of 'study': answer_probability = 0.5, ..."
  std::string scenario_name;
  std::string scenario_hash;
  std::string hotline_version;
  std::uint64_t seed = 0;
  double days = 0.0;
  std::uint32_t replications = 0;     // per policy, as the sweep asked
  std::vector<std::string> policies;  // the file's, in its order
  std::size_t baseline = 0;           // index into policies
  double confidence = 0.95;
  std::size_t runs = 0;  // in the file
  std::size_t runs_stopped_at_clash = 0;
  // The baseline's runs, and how many spend more than half their time in
  // crisis (L2 or above, any dyad), or have a clash.
  std::size_t baseline_runs = 0;
  std::size_t baseline_runs_mostly_in_crisis = 0;
  std::size_t baseline_runs_with_clash = 0;
  std::vector<MetricComparison> metrics;  // run_metrics() order
  std::vector<DyadRates> dyads;           // dyad-major, then policy
};

// Throws ComparisonError (unknown baseline, bad confidence, an
// experiment's file without a point or with a point it lacks) or
// TraceError.
[[nodiscard]] PolicyComparison compare_policies(const trace::TraceReader& trace,
                                                const ComparisonOptions& options);

// Whether most of the baseline's runs spend more than half their time in
// crisis, or have a clash (a run that opens in a crisis and comes out of it
// is not saturated).
[[nodiscard]] bool looks_saturated(const PolicyComparison& c);
// Warnings a report gives in its first lines (a saturated baseline).
[[nodiscard]] std::vector<std::string> report_warnings(const PolicyComparison& c);

// The verdict on an interval [low, high] about `no_change` (0 or 1).
[[nodiscard]] Verdict verdict_of(double low, double high, double no_change);

}  // namespace hotline::analysis
