// The registry of random-draw purposes: every purpose id in the project.
//
// A purpose id is one of the five coordinates of a counter-based draw
// (docs/determinism.md). Two features that draw for the same agent in the same
// step must use different purposes, or their draws would be identical. Every
// purpose of every module is listed here, once, so that a collision is visible
// in review. Values are part of the output contract: changing one changes the
// results of every run that uses it, so append, never renumber.
#pragma once

#include <cstdint>

namespace hotline::engine {

enum class RngPurpose : std::uint8_t {
  // Swarm benchmark model (agents/swarm_model, docs/benchmarks.md).
  swarm_initial_state = 1,  // x, y, heading at step 0
  swarm_turn = 2,           // heading perturbation each step
  swarm_incident = 3,       // incident draw per encounter pair

  // Platform model (agents/platform_world): subject_a is the platform's id,
  // subject_b the attempt (for rejection sampling) or 0.
  platform_spawn = 4,     // where a platform starts
  platform_waypoint = 5,  // the next random point of a patrol or loiter
  // subject_a, subject_b: the encounter's two platforms (a < b).
  platform_incident = 6,  // whether an encounter has an incident this step
  platform_severity = 7,  // the incident's severity
  platform_launch = 8,    // whether a sortie aircraft takes off this step

  // Command layer (agents/crisis_command, agents/hotline_exchange).
  // step, subject_a, subject_b: the incident's step and two platforms;
  // words 0-1 are for the side of platform a, words 2-3 for platform b's.
  incident_report_delay = 9,  // the lognormal delay until each side hears of it
  incident_perception = 10,   // whether each side sees it as deliberate
  retaliation = 11,           // retired (model version 1's retaliation): never reused
  // step 0, subject_a: the call's serial number, subject_b: the attempt.
  hotline_answer = 12,        // whether the callee answers
  hotline_answer_delay = 13,  // after how long
  // step, subject_a, subject_b: the encounter's first step and platforms.
  cues_adherence = 14,  // whether each side keeps to CUES in this encounter

  // Presence missions (agents/platform_world): step, subject_a the force.
  station_switch = 15,       // the time until a force goes on or off station
  station_ships = 16,        // how many ships it puts on station
  station_entry = 17,        // whether its ships enter the second zone this step
  station_entry_dwell = 18,  // how long they stay in it

  // Incidents, model version 2 (agents/platform_world): step, subject_a,
  // subject_b: the encounter's first step and platforms.
  encounter_conduct = 19,  // the uniform that picks the encounter's conduct
  // Command layer, model version 2 (agents/crisis_command): words 0-1 for
  // the dyad's first nation, 2-3 for the second.
  decision = 20,         // a side's choice on a grave incident's report: the incident's keys
  daily_decision = 21,   // a side's daily choice at L2+: step the day, subject_a the dyad
  political_shock = 22,  // the time to a dyad's next shock: step the shock's number,
                         // subject_a the dyad
  clash_outcome = 23,    // skirmish or war: step the clash's number, subject_a the dyad
};

}  // namespace hotline::engine
