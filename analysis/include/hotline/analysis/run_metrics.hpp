// The measures a policy comparison reports, each a number per run computed
// from the run's /summary row.
//
// Counts are per run (of the file's days: a run stopped at its first clash
// is shorter, and the report says how many were); the incident rate is per
// 100 encounter-hours, which takes out how much the rivals met — a policy
// that keeps ships apart lowers incidents without making an encounter any
// safer, and the rate tells the two apart.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "hotline/analysis/trace_rows.hpp"

namespace hotline::analysis {

// Incidents per 100 hours in encounter; NaN without any encounter time (no
// rate can be told).
[[nodiscard]] double incidents_per_100_encounter_hours(std::uint64_t incidents,
                                                       double encounter_hours);

[[nodiscard]] std::uint64_t total_incidents(const SummaryRow& run);

struct RunMetric {
  std::string_view id;          // csv/json key: "incident_rate"
  std::string_view title;       // a table's heading: "Incidents per 100 encounter-hours"
  std::string_view short_name;  // in a summary line: "incident rate"
  std::string_view unit;        // "per 100 encounter-hours", "per run", "h per run"
  bool headline = false;        // in the summary line of each policy
  double (*of)(const SummaryRow& run) = nullptr;
};

// In report order: the headline measures first (incident rate, crises,
// time at L2 or above, clashes), then the rest.
[[nodiscard]] std::span<const RunMetric> run_metrics();

}  // namespace hotline::analysis
