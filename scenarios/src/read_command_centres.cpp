// command_centres: a nation's radar coverage, the zones it watches, and
// what it sends when a rival platform enters one.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "common_readers.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

namespace {

std::optional<RadarSite> read_radar(const Value& item, const Scenario& scenario) {
  if (!item.expect_map({"at", "range"})) return std::nullopt;
  RadarSite radar;
  FieldReader f(item);
  f.required("at", radar.at, place(scenario));
  f.required("range", radar.range_km, positive_quantity(Dimension::length, "radar range"));
  if (!f.ok()) return std::nullopt;
  return radar;
}

std::string_view needed_mission_text(MissionType type) {
  return type == MissionType::alert ? "an alert mission (aircraft to scramble)"
                                    : "a respond mission (ships to dispatch)";
}

// The roles a watch rule concerns: those listed in `intruders`, or else
// every role of the kinds it answers (aircraft if it scrambles, ships if it
// dispatches); a rule that only counts concerns both kinds, except in an
// ADIZ, which is about aircraft. A listed role must be of a kind the rule
// answers.
bool read_intruder_roles(const Value& item, const Scenario& scenario, WatchRule& rule) {
  using agents::RoleSet;
  RoleSet answered = 0;
  if (rule.scramble_per_intruder > 0) answered |= agents::roles_of_kind(PlatformKind::aircraft);
  if (rule.dispatch_per_intruder > 0) answered |= agents::roles_of_kind(PlatformKind::ship);
  const bool counts_only = answered == 0;
  if (counts_only) {
    answered = agents::roles_of_kind(PlatformKind::aircraft);
    if (scenario.zones[rule.zone].kind != ZoneKind::adiz) {
      answered |= agents::roles_of_kind(PlatformKind::ship);
    }
  }
  const auto listed = item.optional("intruders");
  if (!listed) {
    rule.intruder_roles = answered;
    return true;
  }
  const auto roles = listed->items();
  if (!roles) return false;
  if (roles->empty()) {
    listed->error("'intruders' lists at least one role (leave it out to mean every role)");
    return false;
  }
  bool ok = true;
  for (const Value& r : *roles) {
    const auto role = read_choice(r, "role", kRoles, &role_name);
    if (!role) {
      ok = false;
    } else if ((rule.intruder_roles & agents::role_bit(*role)) != 0) {
      r.error(fmt::format("role '{}' is listed twice", role_name(*role)));
      ok = false;
    } else if (!counts_only && (answered & agents::role_bit(*role)) == 0) {
      const bool ship = agents::kind_of_role(*role) == PlatformKind::ship;
      r.error(fmt::format("'{}' is {} role, but this watch sets no '{}'", role_name(*role),
                          ship ? "a ship" : "an aircraft", ship ? "dispatch" : "scramble"));
      ok = false;
    } else {
      rule.intruder_roles |= agents::role_bit(*role);
    }
  }
  return ok;
}

// Whether the rule sends responders of a mission of `type`.
bool rule_wants(const WatchRule& rule, MissionType type) {
  return type == MissionType::alert ? rule.scramble_per_intruder > 0
                                    : rule.dispatch_per_intruder > 0;
}

// The forces named in `responders`: each of the centre's nation, with an
// alert or respond mission the rule asks for, named once. False if any is
// not (each said where it is written).
bool read_named_responders(const Value& responders, std::size_t nation, const Scenario& scenario,
                           WatchRule& rule) {
  const auto refs = responders.items();
  if (!refs) return false;
  bool ok = true;
  for (const Value& ref : *refs) {
    const auto f = read_reference(ref, scenario.forces, "force");
    if (!f) {
      ok = false;
      continue;
    }
    const Force& force = scenario.forces[*f];
    if (force.nation != nation) {
      ref.error(fmt::format("force '{}' belongs to {}, not to this centre's nation {}", force.id,
                            scenario.nations[force.nation].id, scenario.nations[nation].id));
      ok = false;
    } else if (force.mission.type != MissionType::alert
               && force.mission.type != MissionType::respond) {
      ref.error(
          fmt::format("force '{}' has a {} mission; responders have an alert or a respond mission",
                      force.id, mission_type_name(force.mission.type)));
      ok = false;
    } else if (!rule_wants(rule, force.mission.type)) {
      ref.error(fmt::format("force '{}' has {}, but this watch sets no '{}'", force.id,
                            needed_mission_text(force.mission.type),
                            force.mission.type == MissionType::alert ? "scramble" : "dispatch"));
      ok = false;
    } else if (std::find(rule.responders.begin(), rule.responders.end(), *f)
               != rule.responders.end()) {
      ref.error(fmt::format("force '{}' is listed twice", force.id));
      ok = false;
    } else {
      rule.responders.push_back(*f);
    }
  }
  return ok;
}

// Without `responders`: every force of the centre's nation with the
// mission a response the rule asks for needs.
void default_responders(std::size_t nation, const Scenario& scenario, WatchRule& rule) {
  for (std::size_t f = 0; f < scenario.forces.size(); ++f) {
    const Force& force = scenario.forces[f];
    if (force.nation == nation
        && (force.mission.type == MissionType::alert || force.mission.type == MissionType::respond)
        && rule_wants(rule, force.mission.type)) {
      rule.responders.push_back(f);
    }
  }
}

// The forces a watch rule draws on: those named in `responders`, or else
// every force of the centre's nation with the mission its response needs.
std::optional<WatchRule> read_watch(const Value& item, std::size_t nation,
                                    const Scenario& scenario) {
  if (!item.expect_map({"zone", "scramble", "dispatch", "intruders", "responders"})) {
    return std::nullopt;
  }
  WatchRule rule;
  FieldReader fields(item);
  fields.required("zone", rule.zone, reference(scenario.zones, "zone"));
  fields.optional("scramble", rule.scramble_per_intruder, whole_number(0, 1000));
  fields.optional("dispatch", rule.dispatch_per_intruder, whole_number(0, 1000));
  const auto scramble = item.optional("scramble");
  const auto dispatch = item.optional("dispatch");
  if (!fields.ok()) return std::nullopt;
  if (!read_intruder_roles(item, scenario, rule)) return std::nullopt;
  bool ok = true;
  if (auto responders = item.optional("responders")) {
    ok = read_named_responders(*responders, nation, scenario, rule);
  } else {
    default_responders(nation, scenario, rule);
  }
  // Each response needs at least one force that can give it.
  for (const auto& [needed, value] :
       {std::pair{MissionType::alert, scramble}, std::pair{MissionType::respond, dispatch}}) {
    const MissionType type = needed;  // a plain variable: lambdas capture it portably
    if (!ok || !rule_wants(rule, type)) continue;
    const bool any =
        std::any_of(rule.responders.begin(), rule.responders.end(),
                    [&](std::size_t f) { return scenario.forces[f].mission.type == type; });
    if (!any) {
      ok = false;
      if (any_broken(item, "force")) continue;  // the missing force may be the broken one
      value->error(fmt::format("no force of {} with {} to send", scenario.nations[nation].id,
                               needed_mission_text(type)));
    }
  }
  if (!ok) return std::nullopt;
  return rule;
}

}  // namespace

void read_command_centres(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "name", "nation", "radars", "watches"})) continue;
    CommandCentre centre;
    const auto id = read_unique_id(item, scenario.command_centres, "command centre");
    bool ok = id.has_value();
    if (auto name = item.optional("name")) centre.name = name->text().value_or("");
    FieldReader f(item);
    const bool nation_ok = f.required("nation", centre.nation, nation(scenario));
    ok = ok && f.ok();
    if (auto radars = item.optional("radars")) {
      if (const auto list = radars->items()) {
        for (const Value& radar_item : *list) {
          const auto radar = read_radar(radar_item, scenario);
          ok = ok && radar.has_value();
          if (radar) centre.radars.push_back(*radar);
        }
      } else {
        ok = false;
      }
    }
    if (auto watches = item.optional("watches")) {
      if (const auto list = watches->items(); list && nation_ok) {
        for (const Value& watch_item : *list) {
          const auto rule = read_watch(watch_item, centre.nation, scenario);
          ok = ok && rule.has_value();
          if (!rule) continue;
          const bool repeated =
              std::any_of(centre.watches.begin(), centre.watches.end(),
                          [&](const WatchRule& w) { return w.zone == rule->zone; });
          if (repeated) {
            watch_item.required("zone")->error(
                fmt::format("zone '{}' is watched twice by this centre: give one rule per zone",
                            scenario.zones[rule->zone].id));
            ok = false;
            continue;
          }
          centre.watches.push_back(*rule);
        }
      } else {
        ok = false;
      }
    }
    if (ok) {
      centre.id = *id;
      if (centre.name.empty()) centre.name = centre.id;
      scenario.command_centres.push_back(std::move(centre));
    } else if (id) {
      mark_broken(item, "command centre", *id);
    }
  }
}

}  // namespace hotline::scenarios::detail
