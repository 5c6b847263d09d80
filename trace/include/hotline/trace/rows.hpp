// The rows of the trace file's tables (format 3, docs/trace-format.md):
// one plain struct per table, and the columns the file gives it.
//
// The same structs carry a run's results everywhere — the printed summary,
// the run file, the sweep journal, the merge, the report — so a number is
// computed once and the file holds exactly what `hotline run` prints. Times are in s,
// hours (…_hours) or days (…_day); distances in km; a missing value (no
// clash, no connected call) is NaN.
#pragma once

#include <cstdint>
#include <vector>

#include "hotline/trace/hdf5_table.hpp"

namespace hotline::trace {

// /summary: one row per (point, policy, replication), totals over the dyads.
struct SummaryRow {
  std::uint32_t point = 0;   // design point (index into /design/points); 0 without one
  std::uint32_t policy = 0;  // index into /policies
  std::uint32_t replication = 0;
  std::uint64_t seed = 0;
  double days = 0.0;  // simulated: less than asked if the run stopped at a clash
  std::uint32_t steps = 0;
  std::uint8_t stopped_at_clash = 0;
  std::uint32_t platforms = 0;
  std::uint64_t encounters = 0;
  double encounter_hours = 0.0;
  std::uint64_t incidents_unsafe = 0;
  std::uint64_t incidents_dangerous = 0;
  std::uint64_t incidents_grave = 0;
  double incidents_per_100_hours = 0.0;
  std::uint64_t intrusions = 0;
  std::uint64_t scrambles = 0;
  std::uint64_t dispatches = 0;
  std::uint64_t unanswered = 0;
  std::uint64_t intercepts = 0;           // responders that reached their intruders
  std::uint64_t airspace_violations = 0;  // aircraft into another nation's territorial airspace
  std::uint32_t crisis_episodes = 0;      // summed over dyads
  double crisis_days = 0.0;               // days at L2 or above, summed over dyads
  std::int32_t peak_level = 0;            // the highest of any dyad
  std::uint32_t clashes = 0;
  std::uint32_t wars = 0;
  double first_crisis_day = 0.0;  // the earliest entry into L2 of any dyad; NaN: none
  double first_clash_day = 0.0;   // the earliest of any dyad; NaN: none
  double first_war_day = 0.0;     // NaN: none
  // Smooth counterparts of the rare counts, summed over dyads: the dangerous
  // and grave incidents the hazard expected, and the clashes the decisions
  // expected (Σ P(use force) over decision epochs).
  double expected_dangerous = 0.0;
  double expected_grave = 0.0;
  double expected_clashes = 0.0;
  std::uint64_t calls = 0;
  std::uint64_t call_attempts = 0;
  std::uint64_t calls_connected = 0;
  std::uint64_t calls_relayed = 0;
  std::uint64_t calls_failed = 0;
  double connect_delay_median_hours = 0.0;  // over every connected call; NaN: none
  double connect_delay_p90_hours = 0.0;
  std::uint64_t cues_encounters = 0;
  std::uint64_t cues_both_adhered = 0;
  // Where the run's rows of /events and /hostility are.
  std::uint64_t events_begin = 0;
  std::uint64_t events_count = 0;
  std::uint64_t hostility_begin = 0;
  std::uint64_t hostility_count = 0;
};

// /dyad_summary: one row per (point, policy, replication, rival dyad).
// Responses: "into_a" counts intrusions of b's platforms into zones a
// watches, and a's answers to them; "into_b" the other way.
struct DyadRow {
  std::uint32_t point = 0;  // design point (index into /design/points); 0 without one
  std::uint32_t policy = 0;
  std::uint32_t replication = 0;
  std::uint32_t dyad = 0;  // index into /dyads
  std::uint64_t encounters = 0;
  double encounter_hours = 0.0;
  // By the conduct an encounter began with, and the hours by each step's.
  std::uint64_t encounters_routine = 0;
  std::uint64_t encounters_signalling = 0;
  std::uint64_t encounters_harassment = 0;
  double encounter_hours_routine = 0.0;
  double encounter_hours_signalling = 0.0;
  double encounter_hours_harassment = 0.0;
  std::uint64_t incidents_unsafe = 0;
  std::uint64_t incidents_dangerous = 0;
  std::uint64_t incidents_grave = 0;
  double incidents_per_100_hours = 0.0;
  std::uint64_t intrusions_into_a = 0;
  std::uint64_t scrambles_by_a = 0;
  std::uint64_t aircraft_scrambled_by_a = 0;
  std::uint64_t dispatches_by_a = 0;
  std::uint64_t ships_dispatched_by_a = 0;
  std::uint64_t unanswered_by_a = 0;
  std::uint64_t intrusions_into_b = 0;
  std::uint64_t scrambles_by_b = 0;
  std::uint64_t aircraft_scrambled_by_b = 0;
  std::uint64_t dispatches_by_b = 0;
  std::uint64_t ships_dispatched_by_b = 0;
  std::uint64_t unanswered_by_b = 0;
  std::uint64_t intercepts_by_a = 0;             // a's responders that reached b's intruders
  std::uint64_t airspace_violations_into_a = 0;  // b's aircraft into a's territorial airspace
  std::uint64_t intercepts_by_b = 0;
  std::uint64_t airspace_violations_into_b = 0;
  std::uint32_t crisis_episodes = 0;  // from entry into L2 until 14 days below L1's exit
  double crisis_days = 0.0;           // days at L2 or above (L4 included)
  std::int32_t peak_level = 0;
  std::uint32_t clashes = 0;  // skirmishes and wars
  std::uint32_t wars = 0;
  double first_crisis_day = 0.0;    // NaN: none
  double first_clash_day = 0.0;     // NaN: none
  double war_day = 0.0;             // NaN: none
  double expected_dangerous = 0.0;  // from the hazard (Σ p × P(dangerous))
  double expected_grave = 0.0;
  double expected_clashes = 0.0;    // Σ P(use force) over decision epochs
  std::uint32_t shocks = 0;         // political shocks
  std::uint32_t deescalations = 0;  // decisions to de-escalate, both sides
  double hostility = 0.0;           // H at the end of the run
  double baseline = 0.0;            // H0 at the end of the run
  std::int32_t level = 0;           // at the end of the run
  std::uint64_t calls = 0;
  std::uint64_t call_attempts = 0;
  std::uint64_t calls_connected = 0;
  std::uint64_t calls_relayed = 0;
  std::uint64_t calls_failed = 0;
  double connect_delay_median_hours = 0.0;  // NaN: no connected call
  double connect_delay_p90_hours = 0.0;
};

// /zone_presence: one row per (point, policy, replication, zone, nation).
struct PresenceRow {
  std::uint32_t point = 0;  // design point (index into /design/points); 0 without one
  std::uint32_t policy = 0;
  std::uint32_t replication = 0;
  std::uint32_t zone = 0;    // index into /zones
  std::uint32_t nation = 0;  // index into /nations
  std::uint32_t days = 0;    // days with a ship of the nation in the zone
  std::uint32_t coast_guard_days = 0;
  std::uint64_t vessel_days = 0;  // ships × days, each ship once a day
  std::uint32_t entries = 0;      // cases: from none of the nation's ships in the zone to some
  double hours = 0.0;             // hours with one or more of its ships in the zone
  std::uint32_t longest_streak_days = 0;      // the longest run of consecutive days with presence
  std::uint64_t coast_guard_vessel_days = 0;  // the same for its coast guard alone
  std::uint32_t coast_guard_entries = 0;
  double coast_guard_hours = 0.0;
  std::uint32_t coast_guard_longest_streak_days = 0;
};

// /events: one row per event, runs in canonical order, each run's in step
// order (agents::Event).
struct EventRow {
  std::uint32_t point = 0;  // design point (index into /design/points); 0 without one
  std::uint32_t policy = 0;
  std::uint32_t replication = 0;
  std::uint32_t step = 0;
  double time_s = 0.0;
  std::uint8_t type = 0;  // code in /event_types
  std::uint32_t agent_a = 0;
  std::uint32_t agent_b = 0;
  std::uint16_t nation_a = 0;
  std::uint16_t nation_b = 0;
  std::uint8_t severity = 0;  // code in /severities (incidents)
  double x_km = 0.0;
  double y_km = 0.0;
  std::uint32_t value = 0;
};

// One run's rows: what a run produces, a journal record holds and a reader
// gives back.
struct RunRecord {
  SummaryRow summary;
  std::vector<DyadRow> dyads;
  std::vector<PresenceRow> presence;  // every (zone, nation), zone-major
  std::vector<EventRow> events;       // kept events, in step order
  std::vector<float> hostility;       // [samples × dyads], row after row
};

[[nodiscard]] const std::vector<trace::hdf5::Field>& summary_fields();
[[nodiscard]] const std::vector<trace::hdf5::Field>& dyad_fields();
[[nodiscard]] const std::vector<trace::hdf5::Field>& presence_fields();
[[nodiscard]] const std::vector<trace::hdf5::Field>& event_fields();

}  // namespace hotline::trace
