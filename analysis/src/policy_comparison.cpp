#include "hotline/analysis/policy_comparison.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "hotline/analysis/exact_intervals.hpp"

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

// A measure's grids: the runs' values and, for a rate, their counts and
// years (which the exact intervals pool).
struct Grids {
  Grid values;
  Grid counts;
  Grid years;
};

double sum_present(const std::vector<double>& row) {
  double sum = 0.0;
  for (const double x : row)
    if (!std::isnan(x)) sum += x;
  return sum;
}

// Rates: the pooled count over the pooled years with Garwood's interval;
// shares: Clopper–Pearson. The mean-over-runs fields keep the runs' spread.
void exact_own(const RunMetric& metric, const Grids& g, std::size_t policy, double confidence,
               MeanInterval& own) {
  if (own.n == 0) return;
  if (metric.kind == MetricKind::rate_per_year) {
    const RateInterval r = poisson_rate_interval(sum_present(g.counts[policy]),
                                                 sum_present(g.years[policy]), confidence);
    own.mean = r.rate;
    own.low = r.low;
    own.high = r.high;
  } else if (metric.kind == MetricKind::share_of_runs) {
    const ShareInterval s =
        clopper_pearson(sum_present(g.values[policy]), static_cast<double>(own.n), confidence);
    own.low = s.low;
    own.high = s.high;
  }
}

PolicyMeasure measure(const RunMetric& metric, const Grids& g, std::size_t policy,
                      std::size_t baseline, double confidence) {
  PolicyMeasure m;
  m.over_runs = mean_interval(present_values(g.values[policy]), confidence);
  exact_own(metric, g, policy, confidence, m.over_runs);
  if (policy == baseline) return m;
  // Pairs: the replications both policies have a value for.
  std::vector<double> base, pol;
  double count_b = 0.0, count_p = 0.0, years_b = 0.0, years_p = 0.0;
  for (std::size_t k = 0; k < g.values[policy].size(); ++k) {
    if (std::isnan(g.values[policy][k]) || std::isnan(g.values[baseline][k])) continue;
    base.push_back(g.values[baseline][k]);
    pol.push_back(g.values[policy][k]);
    if (metric.kind != MetricKind::rate_per_year) continue;
    count_b += g.counts[baseline][k];
    count_p += g.counts[policy][k];
    years_b += g.years[baseline][k];
    years_p += g.years[policy][k];
  }
  PairedComparison c = compare_paired(base, pol, confidence);
  m.verdict = verdict_of(c.difference.low, c.difference.high, 0.0);
  if (metric.kind == MetricKind::rate_per_year && !base.empty()) {
    // The exact ratio of rates decides: counts of rare events are mostly
    // zeros, where a paired t interval is degenerate.
    const RateRatio r = poisson_rate_ratio(count_p, years_p, count_b, years_b, confidence);
    c.ratio = r.ratio;
    c.ratio_low = r.low;
    c.ratio_high = r.high;
    m.exact = true;
    m.verdict = verdict_of(r.low, r.high, 1.0);
  }
  m.against_baseline = c;
  // Shown as a relative change where the ratio has an interval (Fieller's
  // agrees with the t test at ratio 1; the exact one is the test) or where
  // there is no interval at all.
  m.relative = std::isfinite(c.ratio)
               && ((std::isfinite(c.ratio_low) && std::isfinite(c.ratio_high))
                   || m.verdict == Verdict::no_interval);
  return m;
}

}  // namespace

namespace {

// How many of the baseline's runs stay in crisis most of the time, or clash:
// a baseline where most do is saturated, and policy differences on it are
// artefacts.
void count_saturation(const trace::TraceReader& trace, PolicyComparison& out) {
  for (const trace::SummaryRow& run : trace.summary()) {
    if (run.policy != out.baseline || run.point != out.point.value_or(0)) continue;
    ++out.baseline_runs;
    if (run.crisis_days > 0.5 * run.days) ++out.baseline_runs_mostly_in_crisis;
    if (run.clashes > 0) ++out.baseline_runs_with_clash;
  }
}

}  // namespace

namespace {

// Every run's dyad rows, pooled by (dyad, policy).
std::vector<DyadRates> dyad_rates(const trace::TraceReader& trace, std::size_t policies,
                                  std::uint32_t point, double confidence) {
  const std::size_t dyads = trace.dyads();
  struct Totals {
    double years = 0, dangerous = 0, grave = 0, crisis_days = 0, clashes = 0, wars = 0;
  };
  std::vector<Totals> totals(dyads * policies);
  for (std::size_t position = 0; position < trace.summary().size(); ++position) {
    if (trace.summary()[position].point != point) continue;
    const trace::RunRecord run = trace.read_run(position);
    for (const trace::DyadRow& d : run.dyads) {
      Totals& t = totals[d.dyad * policies + d.policy];
      t.years += run_years(run.summary);
      t.dangerous += static_cast<double>(d.incidents_dangerous);
      t.grave += static_cast<double>(d.incidents_grave);
      t.crisis_days += d.crisis_days;
      t.clashes += d.clashes;
      t.wars += d.wars;
    }
  }
  std::vector<DyadRates> out;
  for (std::size_t d = 0; d < dyads; ++d) {
    for (std::size_t p = 0; p < policies; ++p) {
      const Totals& t = totals[d * policies + p];
      if (!(t.years > 0.0)) continue;
      DyadRates r;
      r.dyad = trace.dyad_names()[d];
      r.policy = p;
      r.years = t.years;
      r.dangerous = poisson_rate_interval(t.dangerous, t.years, confidence);
      r.grave = poisson_rate_interval(t.grave, t.years, confidence);
      r.crisis_days_per_year = t.crisis_days / t.years;
      r.clashes = poisson_rate_interval(t.clashes, t.years, confidence);
      r.wars = poisson_rate_interval(t.wars, t.years, confidence);
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> report_warnings(const PolicyComparison& c) {
  std::vector<std::string> out;
  if (!looks_saturated(c)) return out;
  out.push_back(fmt::format(
      "Warning: the baseline `{}` looks saturated: {} of its {} runs spend more than half their "
      "time at level 2 or above and {} have an armed clash. Differences between policies on a "
      "baseline that lives in crisis or clashes say little about the real world: check the "
      "scenario against docs/validation.md first.",
      c.policies[c.baseline], c.baseline_runs_mostly_in_crisis, c.baseline_runs,
      c.baseline_runs_with_clash));
  return out;
}

bool looks_saturated(const PolicyComparison& c) {
  return c.baseline_runs > 0
         && (2 * c.baseline_runs_mostly_in_crisis > c.baseline_runs
             || 2 * c.baseline_runs_with_clash > c.baseline_runs);
}

namespace {

// An experiment's file is compared at one design point, which it must have.
void check_point(const trace::TraceReader& trace, const ComparisonOptions& options) {
  const trace::TraceIdentity& id = trace.identity();
  if (id.design && !options.point) {
    throw ComparisonError(fmt::format(
        "{}: an experiment's file ({} design points): its report is the experiment's, or "
        "--point N compares the policies at one point",
        trace.path(), id.points()));
  }
  if (options.point && *options.point >= id.points()) {
    throw ComparisonError(fmt::format("{}: --point {}: the file has {} design point{} (0 to {})",
                                      trace.path(), *options.point, id.points(),
                                      id.points() == 1 ? "" : "s", id.points() - 1));
  }
}

// "design point 3 of the experiment 'x': a = 0.5, b = 6 h"
std::string point_description(const trace::DesignIdentity& d, std::uint32_t point) {
  std::vector<std::string> values;
  for (std::size_t f = 0; f < d.factors.size(); ++f) {
    values.push_back(fmt::format("{} = {:.6g}{}{}", d.factors[f].name, d.value(point, f),
                                 d.factors[f].unit.empty() ? "" : " ", d.factors[f].unit));
  }
  return fmt::format("design point {} of the experiment '{}': {}", point, d.name,
                     fmt::join(values, ", "));
}

}  // namespace

PolicyComparison compare_policies(const trace::TraceReader& trace,
                                  const ComparisonOptions& options) {
  if (!(options.confidence > 0.0 && options.confidence < 1.0)) {
    throw ComparisonError(
        fmt::format("--confidence must lie between 0 and 1: got {}", options.confidence));
  }
  const trace::TraceIdentity& id = trace.identity();
  check_point(trace, options);
  PolicyComparison out;
  out.file = trace.path();
  out.point = options.point;
  if (id.design && options.point)
    out.point_description = point_description(*id.design, *options.point);
  out.scenario_name = id.scenario_name;
  out.scenario_hash = id.scenario_hash;
  out.hotline_version = id.hotline_version;
  out.seed = id.seed;
  out.days = id.days;
  out.replications = id.replications;
  out.policies = id.policy_ids;
  out.confidence = options.confidence;
  out.runs = static_cast<std::size_t>(std::count_if(
      trace.summary().begin(), trace.summary().end(),
      [&](const trace::SummaryRow& r) { return r.point == options.point.value_or(0); }));
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
  const std::uint32_t point = options.point.value_or(0);
  std::uint32_t width = 0;
  for (const trace::SummaryRow& run : trace.summary()) {
    if (run.point != point) continue;
    width = std::max(width, run.replication + 1);
    if (run.stopped_at_clash != 0) ++out.runs_stopped_at_clash;
  }
  for (const RunMetric& metric : run_metrics()) {
    const Grid empty(out.policies.size(), std::vector<double>(width, kNaN));
    Grids g{empty, empty, empty};
    for (const trace::SummaryRow& run : trace.summary()) {
      if (run.point != point) continue;
      g.values[run.policy][run.replication] = metric.of(run);
      if (metric.count == nullptr) continue;
      g.counts[run.policy][run.replication] = metric.count(run);
      g.years[run.policy][run.replication] = run_years(run);
    }
    MetricComparison mc;
    mc.metric = &metric;
    for (std::size_t p = 0; p < out.policies.size(); ++p)
      mc.policies.push_back(measure(metric, g, p, out.baseline, options.confidence));
    out.metrics.push_back(std::move(mc));
  }
  count_saturation(trace, out);
  out.dyads = dyad_rates(trace, out.policies.size(), point, options.confidence);
  return out;
}

}  // namespace hotline::analysis
