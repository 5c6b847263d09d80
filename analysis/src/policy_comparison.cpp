#include "hotline/analysis/policy_comparison.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace hotline::analysis {

Verdict verdict_of(double low, double high, double no_change) {
  if (std::isnan(low) || std::isnan(high)) return Verdict::no_interval;
  if (high < no_change) return Verdict::lower;
  if (low > no_change) return Verdict::higher;
  return Verdict::not_distinguishable;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// values[policy][replication]: the measure of each run, NaN where the file
// has no such run or the run has no value.
using Grid = std::vector<std::vector<double>>;

PolicyMeasure measure(const Grid& grid, std::size_t policy, std::size_t baseline,
                      double confidence) {
  PolicyMeasure m;
  std::vector<double> own;
  for (const double x : grid[policy])
    if (!std::isnan(x)) own.push_back(x);
  m.over_runs = mean_interval(own, confidence);
  if (policy == baseline) return m;
  // Pairs: the replications both policies have a value for.
  std::vector<double> base, pol;
  for (std::size_t k = 0; k < grid[policy].size(); ++k) {
    if (std::isnan(grid[policy][k]) || std::isnan(grid[baseline][k])) continue;
    base.push_back(grid[baseline][k]);
    pol.push_back(grid[policy][k]);
  }
  const PairedComparison c = compare_paired(base, pol, confidence);
  m.against_baseline = c;
  // The verdict is the paired t test's; shown as a relative change where
  // the ratio has an interval (Fieller's agrees with the test at ratio 1)
  // or where there is no interval at all.
  m.verdict = verdict_of(c.difference.low, c.difference.high, 0.0);
  m.relative = std::isfinite(c.ratio)
               && ((std::isfinite(c.ratio_low) && std::isfinite(c.ratio_high))
                   || m.verdict == Verdict::no_interval);
  return m;
}

}  // namespace

PolicyComparison compare_policies(const TraceReader& trace, const ComparisonOptions& options) {
  if (!(options.confidence > 0.0 && options.confidence < 1.0)) {
    throw ComparisonError(
        fmt::format("--confidence must lie between 0 and 1: got {}", options.confidence));
  }
  const TraceIdentity& id = trace.identity();
  PolicyComparison out;
  out.file = trace.path();
  out.scenario_name = id.scenario_name;
  out.scenario_hash = id.scenario_hash;
  out.hotline_version = id.hotline_version;
  out.seed = id.seed;
  out.days = id.days;
  out.replications = id.replications;
  out.policies = id.policy_ids;
  out.confidence = options.confidence;
  out.runs = trace.summary().size();
  bool found = false;
  for (std::size_t p = 0; p < out.policies.size(); ++p) {
    if (out.policies[p] == options.baseline) {
      out.baseline = p;
      found = true;
    }
  }
  if (!found) {
    throw ComparisonError(
        fmt::format("{}: no policy '{}' to compare against; the file has {} "
                    "(--baseline picks one)",
                    trace.path(), options.baseline, fmt::join(out.policies, ", ")));
  }
  // Replication numbers index the grid; a run file's one replication may
  // be any number.
  std::uint32_t width = 0;
  for (const SummaryRow& run : trace.summary()) {
    width = std::max(width, run.replication + 1);
    if (run.stopped_at_clash != 0) ++out.runs_stopped_at_clash;
  }
  for (const RunMetric& metric : run_metrics()) {
    Grid grid(out.policies.size(), std::vector<double>(width, kNaN));
    for (const SummaryRow& run : trace.summary())
      grid[run.policy][run.replication] = metric.of(run);
    MetricComparison mc;
    mc.metric = &metric;
    for (std::size_t p = 0; p < out.policies.size(); ++p)
      mc.policies.push_back(measure(grid, p, out.baseline, options.confidence));
    out.metrics.push_back(std::move(mc));
  }
  return out;
}

}  // namespace hotline::analysis
