// What happened, when and where: the events a run records (MODEL.md, "What
// a run measures"; the trace's /events table).
#pragma once

#include <cstdint>
#include <string_view>

#include "hotline/engine/agent_store.hpp"

namespace hotline::agents {

enum class EventType : std::uint8_t { encounter_begin, encounter_end, incident };
[[nodiscard]] std::string_view event_type_name(EventType type);

enum class Severity : std::uint8_t { unsafe, dangerous, grave };
[[nodiscard]] std::string_view severity_name(Severity severity);

// Agents a < b by id; nations are theirs; the place is the midpoint of the
// two platforms; `severity` is meaningful for incidents only.
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
};

}  // namespace hotline::agents
