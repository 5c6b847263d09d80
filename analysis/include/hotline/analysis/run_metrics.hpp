// The measures a policy comparison reports, each a number per run computed
// from the run's /summary row.
//
// Counts are per year of simulated time (a run stopped at its first clash
// is shorter, and counts for its own days); the incident rate is per 100
// encounter-hours, which takes out how much the rivals met — a policy that
// keeps ships apart lowers incidents without making an encounter any
// safer, and the rate tells the two apart. Rare counts get exact Poisson
// intervals and shares of runs exact binomial ones (exact_intervals.hpp).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "hotline/trace/rows.hpp"

namespace hotline::analysis {

// Incidents per 100 hours in encounter; NaN without any encounter time (no
// rate can be told).
[[nodiscard]] double incidents_per_100_encounter_hours(std::uint64_t incidents,
                                                       double encounter_hours);

[[nodiscard]] std::uint64_t total_incidents(const trace::SummaryRow& run);

// How a measure's interval is made (policy_comparison.hpp).
enum class MetricKind : std::uint8_t {
  mean_over_runs,  // Student t over the runs, paired t against the baseline
  rate_per_year,   // a count: exact Poisson on the total over the runs' years
  share_of_runs,   // yes or no per run: Clopper–Pearson
};

struct RunMetric {
  std::string_view id;          // csv/json key: "grave_incidents"
  std::string_view title;       // a table's heading: "Grave incidents"
  std::string_view short_name;  // in a summary line: "grave incidents"
  std::string_view unit;        // "per year", "per 100 encounter-hours", "share of runs"
  bool headline = false;        // in the summary line of each policy
  // The run's value: per year for a rate, 0 or 1 for a share.
  double (*of)(const trace::SummaryRow& run) = nullptr;
  MetricKind kind = MetricKind::mean_over_runs;
  // rate_per_year: the run's count (its value is count / years).
  double (*count)(const trace::SummaryRow& run) = nullptr;
};

// The years a run covers.
[[nodiscard]] double run_years(const trace::SummaryRow& run);

// In report order: the headline measures first (dangerous and grave
// incidents, crisis-days and clashes, all per year, and the smooth expected
// grave incidents and clashes that can tell policies apart where those
// counts cannot), then the rest.
[[nodiscard]] std::span<const RunMetric> run_metrics();

}  // namespace hotline::analysis
