// What happened, when and where: the events a run records (docs/model.md, "What
// a run measures"; the trace's /events table).
#pragma once

#include <cstdint>
#include <string_view>

#include "hotline/engine/agent_store.hpp"

namespace hotline::agents {

enum class EventType : std::uint8_t {
  encounter_begin,
  encounter_end,
  incident,
  intrusion,  // agent_a entered a watched zone (value: the zone); agent_b unused
  scramble,   // alert aircraft sent against agent_a (value: how many)
  dispatch,   // respond ships sent against agent_a (value: how many)
  // Command layer: nation_a < nation_b are the dyad; agents and place unused
  // unless said.
  level_change,    // the dyad's escalation level changed (value: the new level)
  clash,           // an armed clash (value: the side that used force, 0 for
                   // nation_a, 1 for nation_b)
  call_placed,     // hotline calls placed (value: how many lines)
  call_connected,  // a hotline call connected (value: seconds since it was placed)
  // Responses, continued: agent_a the intruder, agent_b the responder
  // (intercept) or unused.
  intercept,           // a responder reached its intruder (value: 0)
  airspace_violation,  // an aircraft entered another nation's territorial airspace
                       // (value: the zone)
  war,                 // a clash became war: the dyad's run ends (command layer)
  // Command layer: a side's report of an incident arrived and was judged.
  // agent_a < agent_b the incident's platforms, severity the incident's,
  // nation_a < nation_b the dyad; value: the judgement (ReportJudgement)
  // + 4 × the side that judged (0: nation_a, 1: nation_b).
  report_judged,
};
inline constexpr EventType kLastEventType = EventType::report_judged;

// How a side read a report of an incident (report_judged's value).
enum class ReportJudgement : std::uint8_t {
  accident,    // judged an accident
  deliberate,  // judged deliberate
  explained,   // a hotline call connected after the incident: read as an accident
};
[[nodiscard]] std::string_view event_type_name(EventType type);

enum class Severity : std::uint8_t { unsafe, dangerous, grave };
[[nodiscard]] std::string_view severity_name(Severity severity);

// Pair events (encounters, incidents): agents a < b by id, their nations,
// the midpoint of the two platforms; `severity` for incidents. Response
// events (intrusion, scramble, dispatch): agent_a is the intruder and
// nation_a its nation, nation_b the responding nation, the place the
// intruder's.
struct Event {
  std::uint32_t step = 0;
  double time_s = 0.0;
  EventType type = EventType::encounter_begin;
  engine::AgentId agent_a = 0;
  engine::AgentId agent_b = 0;
  std::uint16_t nation_a = 0;
  std::uint16_t nation_b = 0;
  Severity severity = Severity::unsafe;
  double x_km = 0.0;
  double y_km = 0.0;
  std::uint32_t value = 0;  // intrusion, airspace_violation: zone index; scramble, dispatch:
                            // platforms sent
};

}  // namespace hotline::agents
