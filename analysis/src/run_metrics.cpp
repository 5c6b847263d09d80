#include "hotline/analysis/run_metrics.hpp"

#include <array>
#include <limits>

namespace hotline::analysis {

double incidents_per_100_encounter_hours(std::uint64_t incidents, double encounter_hours) {
  if (!(encounter_hours > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  return 100.0 * static_cast<double>(incidents) / encounter_hours;
}

std::uint64_t total_incidents(const SummaryRow& run) {
  return run.incidents_unsafe + run.incidents_dangerous + run.incidents_grave;
}

namespace {

double count(std::uint64_t n) {
  return static_cast<double>(n);
}

constexpr std::array kMetrics{
    RunMetric{"incident_rate", "Incidents per 100 encounter-hours", "incident rate",
              "per 100 encounter-hours", true,
              [](const SummaryRow& r) {
                return incidents_per_100_encounter_hours(total_incidents(r), r.encounter_hours);
              }},
    RunMetric{"crises", "Crises: entries into level 2, summed over dyads", "crises", "per run",
              true, [](const SummaryRow& r) { return count(r.crises); }},
    RunMetric{"hours_at_crisis", "Time at level 2 or above, summed over dyads", "time at L2+",
              "dyad-hours per run", true,
              [](const SummaryRow& r) { return r.dyad_hours_at_crisis; }},
    RunMetric{"clashes", "Armed clashes", "clashes", "per run", true,
              [](const SummaryRow& r) { return count(r.clashes); }},
    RunMetric{"runs_with_clash", "Runs with at least one clash", "runs with a clash",
              "share of runs", false,
              [](const SummaryRow& r) { return r.clashes > 0 ? 1.0 : 0.0; }},
    RunMetric{"incidents", "Incidents (all severities)", "incidents", "per run", false,
              [](const SummaryRow& r) { return count(total_incidents(r)); }},
    RunMetric{"grave_incidents", "Grave incidents", "grave incidents", "per run", false,
              [](const SummaryRow& r) { return count(r.incidents_grave); }},
    RunMetric{"encounters", "Encounters", "encounters", "per run", false,
              [](const SummaryRow& r) { return count(r.encounters); }},
    RunMetric{"encounter_hours", "Time in encounter", "encounter time", "h per run", false,
              [](const SummaryRow& r) { return r.encounter_hours; }},
    RunMetric{"peak_level", "Peak escalation level: the highest of any dyad, 0 to 4", "peak level",
              "level", false,
              [](const SummaryRow& r) { return static_cast<double>(r.peak_level); }},
    RunMetric{"calls_connected", "Hotline calls connected", "calls connected", "per run", false,
              [](const SummaryRow& r) { return count(r.calls_connected); }},
    // Exposure: what the rivals' forces did, which the policies mostly leave
    // alone (their differences show where a posture moved a mission).
    RunMetric{"scrambles", "Scrambles: intrusions answered by alert aircraft", "scrambles",
              "per run", false, [](const SummaryRow& r) { return count(r.scrambles); }},
    RunMetric{"intercepts", "Intercepts: responders that reached their intruders", "intercepts",
              "per run", false, [](const SummaryRow& r) { return count(r.intercepts); }},
    RunMetric{"airspace_violations", "Airspace violations", "airspace violations", "per run", false,
              [](const SummaryRow& r) { return count(r.airspace_violations); }},
};

}  // namespace

std::span<const RunMetric> run_metrics() {
  return kMetrics;
}

}  // namespace hotline::analysis
