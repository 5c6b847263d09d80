#include "hotline/analysis/run_metrics.hpp"

#include <array>
#include <limits>

namespace hotline::analysis {

double incidents_per_100_encounter_hours(std::uint64_t incidents, double encounter_hours) {
  if (!(encounter_hours > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  return 100.0 * static_cast<double>(incidents) / encounter_hours;
}

std::uint64_t total_incidents(const trace::SummaryRow& run) {
  return run.incidents_unsafe + run.incidents_dangerous + run.incidents_grave;
}

double run_years(const trace::SummaryRow& run) {
  return run.days / 365.0;
}

namespace {

double per_year(double x, const trace::SummaryRow& r) {
  return r.days > 0.0 ? x / run_years(r) : std::numeric_limits<double>::quiet_NaN();
}

// A count measure: its count and its value per year, from one expression.
#define HOTLINE_RATE(id, title, short_name, headline, expr)                                \
  RunMetric {                                                                              \
    id, title, short_name, "per year", headline,                                           \
        [](const trace::SummaryRow& r) { return per_year(static_cast<double>(expr), r); }, \
        MetricKind::rate_per_year,                                                         \
        [](const trace::SummaryRow& r) { return static_cast<double>(expr); }               \
  }

constexpr std::array kMetrics{
    HOTLINE_RATE("dangerous_incidents", "Dangerous incidents, all dyads", "dangerous incidents",
                 true, r.incidents_dangerous),
    HOTLINE_RATE("grave_incidents", "Grave incidents, all dyads", "grave incidents", true,
                 r.incidents_grave),
    RunMetric{"crisis_days", "Crisis-days: days at level 2 or above, summed over dyads",
              "crisis-days", "per year", true,
              [](const trace::SummaryRow& r) { return per_year(r.crisis_days, r); }},
    HOTLINE_RATE("clashes", "Armed clashes (skirmishes and wars), all dyads", "clashes", true,
                 r.clashes),
    // The smooth counterparts (their mean over runs is the rare count's
    // mean; their spread far smaller): where the counts are too rare to
    // tell policies apart at the replications run, these can.
    RunMetric{"expected_grave_incidents",
              "Expected grave incidents (the hazard's, summed over encounter-steps)",
              "expected grave incidents", "per year", true,
              [](const trace::SummaryRow& r) { return per_year(r.expected_grave, r); }},
    RunMetric{"expected_clashes", "Expected clashes (P(use force) summed over decision epochs)",
              "expected clashes", "per year", true,
              [](const trace::SummaryRow& r) { return per_year(r.expected_clashes, r); }},
    HOTLINE_RATE("crisis_episodes", "Crisis episodes, all dyads", "crisis episodes", false,
                 r.crisis_episodes),
    HOTLINE_RATE("wars", "Wars", "wars", false, r.wars),
    RunMetric{"runs_with_clash", "Runs with at least one clash", "runs with a clash",
              "share of runs", false,
              [](const trace::SummaryRow& r) { return r.clashes > 0 ? 1.0 : 0.0; },
              MetricKind::share_of_runs},
    RunMetric{"incident_rate", "Incidents per 100 encounter-hours", "incident rate",
              "per 100 encounter-hours", false,
              [](const trace::SummaryRow& r) {
                return incidents_per_100_encounter_hours(total_incidents(r), r.encounter_hours);
              }},
    HOTLINE_RATE("incidents", "Incidents (all severities)", "incidents", false, total_incidents(r)),
    HOTLINE_RATE("encounters", "Encounters", "encounters", false, r.encounters),
    RunMetric{"encounter_hours", "Time in encounter", "encounter time", "h per year", false,
              [](const trace::SummaryRow& r) { return per_year(r.encounter_hours, r); }},
    RunMetric{"peak_level", "Peak escalation level: the highest of any dyad, 0 to 4", "peak level",
              "level", false,
              [](const trace::SummaryRow& r) { return static_cast<double>(r.peak_level); }},
    HOTLINE_RATE("calls_connected", "Hotline calls connected", "calls connected", false,
                 r.calls_connected),
    // Exposure: what the rivals' forces did, which the policies mostly leave
    // alone (their differences show where a posture moved a mission).
    HOTLINE_RATE("scrambles", "Scrambles: intrusions answered by alert aircraft", "scrambles",
                 false, r.scrambles),
    HOTLINE_RATE("intercepts", "Intercepts: responders that reached their intruders", "intercepts",
                 false, r.intercepts),
    HOTLINE_RATE("airspace_violations", "Airspace violations", "airspace violations", false,
                 r.airspace_violations),
};

#undef HOTLINE_RATE

}  // namespace

std::span<const RunMetric> run_metrics() {
  return kMetrics;
}

}  // namespace hotline::analysis
