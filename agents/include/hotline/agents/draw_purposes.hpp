// The random-draw purposes of the platform and swarm models: every purpose
// these models use, each declared once in the table below with the value it
// has always had (the values are part of the output contract: changing one
// changes every run that uses it, so append, never renumber, and keep a
// retired value in the table so that it is never reused).
//
// A purpose constant exists only through its row (purpose() fails to compile
// for a name not in the table), and the table is checked at compile time to
// give no two rows the same value.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "hotline/engine/rng_purpose.hpp"

namespace hotline::agents::draw {

struct PurposeRow {
  std::string_view name;
  std::uint8_t value;
  std::string_view draws;  // what the purpose draws, and its counter's subjects
};

inline constexpr std::array kPurposes{
    // Swarm benchmark model (agents/swarm_model, docs/benchmarks.md).
    PurposeRow{"swarm_initial_state", 1, "x, y, heading at step 0"},
    PurposeRow{"swarm_turn", 2, "heading perturbation each step"},
    PurposeRow{"swarm_incident", 3, "incident draw per encounter pair"},
    // Platform model: subject_a the platform's id, subject_b the attempt
    // (rejection sampling) or 0.
    PurposeRow{"platform_spawn", 4, "where a platform starts"},
    PurposeRow{"platform_waypoint", 5, "the next random point of a patrol or loiter"},
    // subject_a, subject_b: the encounter's two platforms (a < b).
    PurposeRow{"platform_incident", 6, "whether an encounter has an incident this step"},
    PurposeRow{"platform_severity", 7, "the incident's severity"},
    PurposeRow{"platform_launch", 8, "whether a sortie aircraft takes off this step"},
    // Command layer: step, subject_a, subject_b the incident's step and two
    // platforms; words 0-1 for the side of platform a, 2-3 for platform b's.
    PurposeRow{"incident_report_delay", 9, "the lognormal delay until each side hears of it"},
    PurposeRow{"incident_perception", 10, "whether each side sees it as deliberate"},
    PurposeRow{"retired_retaliation", 11, "retired (version 1's retaliation): never reused"},
    // step 0, subject_a the call's serial number, subject_b the attempt.
    PurposeRow{"hotline_answer", 12, "whether the callee answers"},
    PurposeRow{"hotline_answer_delay", 13, "after how long"},
    // step, subject_a, subject_b: the encounter's first step and platforms.
    PurposeRow{"cues_adherence", 14, "whether each side keeps to CUES in this encounter"},
    // Presence missions: step, subject_a the force.
    PurposeRow{"station_switch", 15, "the time until a force goes on or off station"},
    PurposeRow{"station_ships", 16, "how many ships it puts on station"},
    PurposeRow{"station_entry", 17, "whether its ships enter the second zone this step"},
    PurposeRow{"station_entry_dwell", 18, "how long they stay in it"},
    // step, subject_a, subject_b: the encounter's first step and platforms.
    PurposeRow{"encounter_conduct", 19, "the uniform that picks the encounter's conduct"},
    // Command layer: words 0-1 for the dyad's first nation, 2-3 for the second.
    PurposeRow{"decision", 20, "a side's choice on a grave incident's report: its keys"},
    PurposeRow{"daily_decision", 21,
               "a side's daily choice at L2+: step the day, subject_a the dyad"},
    PurposeRow{"political_shock", 22,
               "the time to a dyad's next shock: step the shock's number, subject_a the dyad"},
    PurposeRow{"clash_outcome", 23, "skirmish or war: step the clash's number, subject_a the dyad"},
};

consteval bool values_distinct() {
  std::array<engine::RngPurpose, kPurposes.size()> values{};
  for (std::size_t i = 0; i < kPurposes.size(); ++i)
    values[i] = engine::RngPurpose{kPurposes[i].value};
  return engine::all_distinct(values);
}
static_assert(values_distinct(), "two draw purposes share a value");

// The purpose of the table's row `name`; a name not in the table does not
// compile.
consteval engine::RngPurpose purpose(std::string_view name) {
  for (const PurposeRow& row : kPurposes) {
    if (row.name == name) return engine::RngPurpose{row.value};
  }
  throw "no such draw purpose in kPurposes";
}

inline constexpr engine::RngPurpose swarm_initial_state = purpose("swarm_initial_state");
inline constexpr engine::RngPurpose swarm_turn = purpose("swarm_turn");
inline constexpr engine::RngPurpose swarm_incident = purpose("swarm_incident");
inline constexpr engine::RngPurpose platform_spawn = purpose("platform_spawn");
inline constexpr engine::RngPurpose platform_waypoint = purpose("platform_waypoint");
inline constexpr engine::RngPurpose platform_incident = purpose("platform_incident");
inline constexpr engine::RngPurpose platform_severity = purpose("platform_severity");
inline constexpr engine::RngPurpose platform_launch = purpose("platform_launch");
inline constexpr engine::RngPurpose incident_report_delay = purpose("incident_report_delay");
inline constexpr engine::RngPurpose incident_perception = purpose("incident_perception");
inline constexpr engine::RngPurpose hotline_answer = purpose("hotline_answer");
inline constexpr engine::RngPurpose hotline_answer_delay = purpose("hotline_answer_delay");
inline constexpr engine::RngPurpose cues_adherence = purpose("cues_adherence");
inline constexpr engine::RngPurpose station_switch = purpose("station_switch");
inline constexpr engine::RngPurpose station_ships = purpose("station_ships");
inline constexpr engine::RngPurpose station_entry = purpose("station_entry");
inline constexpr engine::RngPurpose station_entry_dwell = purpose("station_entry_dwell");
inline constexpr engine::RngPurpose encounter_conduct = purpose("encounter_conduct");
inline constexpr engine::RngPurpose decision = purpose("decision");
inline constexpr engine::RngPurpose daily_decision = purpose("daily_decision");
inline constexpr engine::RngPurpose political_shock = purpose("political_shock");
inline constexpr engine::RngPurpose clash_outcome = purpose("clash_outcome");

}  // namespace hotline::agents::draw
