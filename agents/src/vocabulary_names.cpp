// Names of the model's closed sets of values, as scenario files and reports
// write them.
#include "hotline/agents/events.hpp"
#include "hotline/agents/mechanics.hpp"
#include "hotline/agents/missions.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/agents/platforms.hpp"
#include "hotline/agents/relations.hpp"
#include "hotline/agents/zone_kinds.hpp"

namespace hotline::agents {

std::string_view platform_kind_name(PlatformKind kind) {
  return kind == PlatformKind::ship ? "ship" : "aircraft";
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::warship:
      return "warship";
    case Role::coast_guard:
      return "coast_guard";
    case Role::militia:
      return "militia";
    case Role::fishing:
      return "fishing";
    case Role::fighter:
      return "fighter";
    case Role::patrol:
      return "patrol";
    case Role::bomber:
      return "bomber";
    case Role::uav:
      return "uav";
    case Role::balloon:
      return "balloon";
  }
  return "warship";
}

PlatformKind kind_of_role(Role role) {
  switch (role) {
    case Role::warship:
    case Role::coast_guard:
    case Role::militia:
    case Role::fishing:
      return PlatformKind::ship;
    default:
      return PlatformKind::aircraft;
  }
}

RoleSet roles_of_kind(PlatformKind kind) {
  RoleSet roles = 0;
  for (std::size_t r = 0; r < kRoleCount; ++r) {
    if (kind_of_role(static_cast<Role>(r)) == kind) roles |= role_bit(static_cast<Role>(r));
  }
  return roles;
}

std::string_view zone_kind_name(ZoneKind kind) {
  switch (kind) {
    case ZoneKind::territorial_sea:
      return "territorial_sea";
    case ZoneKind::contiguous_zone:
      return "contiguous_zone";
    case ZoneKind::adiz:
      return "adiz";
    case ZoneKind::eez:
      return "eez";
    case ZoneKind::patrol_area:
      return "patrol_area";
    case ZoneKind::exercise_area:
      return "exercise_area";
    case ZoneKind::fishing_ground:
      return "fishing_ground";
  }
  return "patrol_area";
}

std::string_view relation_name(Relation relation) {
  switch (relation) {
    case Relation::neutral:
      return "neutral";
    case Relation::ally:
      return "ally";
    case Relation::rival:
      return "rival";
  }
  return "neutral";
}

std::string_view mission_type_name(MissionType type) {
  switch (type) {
    case MissionType::patrol:
      return "patrol";
    case MissionType::route:
      return "route";
    case MissionType::loiter:
      return "loiter";
    case MissionType::presence:
      return "presence";
    case MissionType::sortie:
      return "sortie";
    case MissionType::alert:
      return "alert";
    case MissionType::respond:
      return "respond";
  }
  return "patrol";
}

std::string_view deployment_name(Deployment deployment) {
  switch (deployment) {
    case Deployment::start:
      return "start";
    case Deployment::ally_crisis:
      return "ally_crisis";
    case Deployment::exercise:
      return "exercise";
  }
  return "start";
}

std::string_view event_type_name(EventType type) {
  switch (type) {
    case EventType::encounter_begin:
      return "encounter_begin";
    case EventType::encounter_end:
      return "encounter_end";
    case EventType::incident:
      return "incident";
    case EventType::intrusion:
      return "intrusion";
    case EventType::scramble:
      return "scramble";
    case EventType::dispatch:
      return "dispatch";
    case EventType::level_change:
      return "level_change";
    case EventType::clash:
      return "clash";
    case EventType::call_placed:
      return "call_placed";
    case EventType::call_connected:
      return "call_connected";
    case EventType::intercept:
      return "intercept";
    case EventType::airspace_violation:
      return "airspace_violation";
    case EventType::war:
      return "war";
    case EventType::report_judged:
      return "report_judged";
  }
  return "incident";
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::unsafe:
      return "unsafe";
    case Severity::dangerous:
      return "dangerous";
    case Severity::grave:
      return "grave";
  }
  return "unsafe";
}

std::string_view conduct_name(Conduct conduct) {
  switch (conduct) {
    case Conduct::routine:
      return "routine";
    case Conduct::signalling:
      return "signalling";
    case Conduct::harassment:
      return "harassment";
  }
  return "routine";
}

std::string_view platform_state_name(PlatformState state) {
  switch (state) {
    case PlatformState::reserve:
      return "reserve";
    case PlatformState::transit:
      return "transit";
    case PlatformState::dwell:
      return "dwell";
    case PlatformState::done:
      return "done";
    case PlatformState::ready:
      return "ready";
    case PlatformState::turnaround:
      return "turnaround";
    case PlatformState::outbound:
      return "outbound";
    case PlatformState::returning:
      return "returning";
    case PlatformState::intercept:
      return "intercept";
    case PlatformState::shadow:
      return "shadow";
  }
  return "?";
}

}  // namespace hotline::agents
