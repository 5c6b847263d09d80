// forces: so many platforms of a class, from a base, on a mission.
//
// A mission's keys depend on its type, so the type is read first and the
// other keys are checked against that type's set; a key that belongs to
// another type says so ("'area' is a parameter of patrol missions").
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common_readers.hpp"
#include "hotline/agents/zones.hpp"
#include "hotline/scenarios/defaults.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "sea_check.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

namespace {

struct MissionKeys {
  MissionType type;
  std::vector<std::string_view> keys;  // besides "type"
};

const std::vector<MissionKeys>& mission_keys() {
  static const std::vector<MissionKeys> table = {
      {MissionType::patrol, {"area", "dwell"}},
      {MissionType::route, {"waypoints", "loop", "dwell"}},
      {MissionType::loiter, {"around", "radius", "swarm"}},
      {MissionType::sortie, {"rate", "route"}},
      {MissionType::alert, {"standoff", "shadow"}},
      {MissionType::respond, {"standoff", "shadow"}},
      {MissionType::presence, {"area", "dwell", "present", "absent", "ships", "entries"}},
  };
  return table;
}

// Unknown and misplaced keys of a mission of type `type`.
void check_mission_keys(const Value& mission, const std::vector<MapEntry>& entries,
                        MissionType type) {
  const auto& table = mission_keys();
  const auto& own = std::find_if(table.begin(), table.end(), [&](const MissionKeys& m) {
                      return m.type == type;
                    })->keys;
  std::vector<std::string> candidates = {"type"};
  for (std::string_view k : own)
    candidates.emplace_back(k);
  for (const MapEntry& entry : entries) {
    if (std::find(candidates.begin(), candidates.end(), entry.key) != candidates.end()) continue;
    std::vector<std::string_view> owners;
    for (const MissionKeys& m : table) {
      if (std::find(m.keys.begin(), m.keys.end(), entry.key) != m.keys.end()) {
        owners.push_back(mission_type_name(m.type));
      }
    }
    if (!owners.empty()) {
      mission.error_at(entry.key_location,
                       fmt::format("'{}' is a parameter of {} missions, not of {} missions",
                                   entry.key, fmt::join(owners, " and "), mission_type_name(type)));
      continue;
    }
    std::string message = fmt::format("unknown key '{}'", entry.key);
    if (auto guess = closest_match(entry.key, candidates); !guess.empty()) {
      message += fmt::format(" (did you mean '{}'?)", guess);
    }
    mission.error_at(entry.key_location, std::move(message));
  }
}

// A list of places (point or base ids, or {lat, lon}); at least one.
std::optional<std::vector<GeoPoint>> read_places(const Value& value, const Scenario& scenario) {
  const auto items = value.items();
  if (!items) return std::nullopt;
  if (items->empty()) {
    value.error("the list of waypoints is empty: name at least one place");
    return std::nullopt;
  }
  std::vector<GeoPoint> places;
  for (const Value& item : *items) {
    if (auto at = read_location(item, scenario)) places.push_back(*at);
  }
  if (places.size() != items->size()) return std::nullopt;
  return places;
}

auto places(const Scenario& scenario) {
  return [&scenario](const Value& v) { return read_places(v, scenario); };
}

// ships: [min, max] or one number: how many ships go on station.
std::optional<std::pair<std::uint32_t, std::uint32_t>> read_ship_range(const Value& value) {
  if (value.is_scalar()) {
    const auto n = value.integer(1, 1000);
    if (!n) return std::nullopt;
    return std::pair{static_cast<std::uint32_t>(*n), static_cast<std::uint32_t>(*n)};
  }
  const auto items = value.items();
  if (!items) return std::nullopt;
  if (items->size() != 2) {
    value.error("ships is a number or [fewest, most]");
    return std::nullopt;
  }
  const auto low = (*items)[0].integer(1, 1000);
  const auto high = (*items)[1].integer(1, 1000);
  if (!low || !high) return std::nullopt;
  if (*high < *low) {
    value.error("ships is [fewest, most], the fewest first");
    return std::nullopt;
  }
  return std::pair{static_cast<std::uint32_t>(*low), static_cast<std::uint32_t>(*high)};
}

// entries: {zone, rate, dwell, dwell_sigma}: the ships on station enter
// `zone` at `rate` (a Poisson rate while on station), staying a lognormal
// time of median `dwell`.
bool read_entries(const Value& value, const Scenario& scenario, agents::StationProcess& station) {
  if (!value.expect_map({"zone", "rate", "dwell", "dwell_sigma"})) return false;
  station.has_entries = true;
  station.entry_dwell_sigma = defaults::kEntryDwellSigma;
  FieldReader f(value);
  f.required("zone", station.entry_zone, reference(scenario.zones, "zone"));
  f.required("rate", station.entries_per_s, positive_quantity(Dimension::rate, "entry rate"));
  f.required("dwell", station.entry_dwell_median_s,
             positive_quantity(Dimension::duration, "dwell time"));
  f.optional("dwell_sigma", station.entry_dwell_sigma, plain_number(0.0, 5.0));
  return f.ok();
}

std::optional<Swarm> read_swarm(const Value& value, const Scenario& scenario) {
  if (!value.expect_map({"towards", "radius", "from_posture"})) return std::nullopt;
  Swarm swarm;
  swarm.radius_km = defaults::kSwarmRadiusKm;
  swarm.from_posture = defaults::kSwarmFromPosture;
  FieldReader f(value);
  f.required("towards", swarm.towards, place(scenario));
  f.optional("radius", swarm.radius_km, positive_quantity(Dimension::length, "swarm radius"));
  f.optional("from_posture", swarm.from_posture, whole_number(1, 3));
  if (!f.ok()) return std::nullopt;
  return swarm;
}

// Which kind of platform flies or sails a mission of `type`: false (with
// the reason on the type's key) for a class of the other kind.
bool mission_fits_class(const Value& type_value, MissionType type,
                        const PlatformClass* platform_class) {
  if (platform_class == nullptr) return true;
  const bool needs_aircraft = type == MissionType::sortie || type == MissionType::alert;
  const bool needs_ship = type == MissionType::respond || type == MissionType::presence;
  if ((needs_aircraft && platform_class->kind != PlatformKind::aircraft)
      || (needs_ship && platform_class->kind != PlatformKind::ship)) {
    type_value.error(fmt::format("a {} mission is for {}, but class '{}' is a {}",
                                 mission_type_name(type), needs_ship ? "ships" : "aircraft",
                                 platform_class->id, platform_kind_name(platform_class->kind)));
    return false;
  }
  return true;
}

// The keys of a mission of `type`, with their defaults, into `mission`.
void read_mission_keys(const Value& value, const Scenario& scenario, MissionType type,
                       FieldReader& f, Mission& mission) {
  switch (type) {
    case MissionType::patrol:
      mission.dwell_s = defaults::kPatrolDwellS;
      f.required("area", mission.area, reference(scenario.zones, "zone"));
      f.optional("dwell", mission.dwell_s,
                 quantity_at_least_zero(Dimension::duration, "dwell time"));
      break;
    case MissionType::route:
      mission.loop = defaults::kRouteLoop;
      mission.dwell_s = defaults::kRouteDwellS;
      f.required("waypoints", mission.waypoints, places(scenario));
      f.optional("loop", mission.loop, boolean());
      f.optional("dwell", mission.dwell_s,
                 quantity_at_least_zero(Dimension::duration, "dwell time"));
      break;
    case MissionType::loiter:
      f.required("around", mission.around, place(scenario));
      f.required("radius", mission.radius_km,
                 positive_quantity(Dimension::length, "loiter radius"));
      if (auto swarm = value.optional("swarm")) {
        mission.swarm = read_swarm(*swarm, scenario);
        if (!mission.swarm) f.fail();
      }
      break;
    case MissionType::sortie:
      f.required("rate", mission.launches_per_s, positive_quantity(Dimension::rate, "sortie rate"));
      f.required("route", mission.waypoints, places(scenario));
      break;
    case MissionType::presence: {
      mission.dwell_s = defaults::kPatrolDwellS;
      agents::StationProcess& station = mission.station;
      f.required("area", mission.area, reference(scenario.zones, "zone"));
      f.optional("dwell", mission.dwell_s,
                 quantity_at_least_zero(Dimension::duration, "dwell time"));
      f.required("present", station.present_mean_s,
                 positive_quantity(Dimension::duration, "time on station"));
      f.required("absent", station.absent_mean_s,
                 positive_quantity(Dimension::duration, "time away"));
      std::pair<std::uint32_t, std::uint32_t> ships{0, 0};
      if (f.required("ships", ships, read_ship_range)) {
        station.ships_min = ships.first;
        station.ships_max = ships.second;
      }
      if (auto entry = value.optional("entries")) {
        if (!read_entries(*entry, scenario, station)) f.fail();
      }
      break;
    }
    case MissionType::alert:
    case MissionType::respond: {
      const bool alert = type == MissionType::alert;
      mission.standoff_km = alert ? defaults::kAlertStandoffKm : defaults::kRespondStandoffKm;
      mission.shadow_s = alert ? defaults::kAlertShadowS : defaults::kRespondShadowS;
      f.optional("standoff", mission.standoff_km,
                 positive_quantity(Dimension::length, "standoff distance"));
      f.optional("shadow", mission.shadow_s,
                 positive_quantity(Dimension::duration, "shadowing time"));
      break;
    }
  }
}

// The mission of a force whose class is `platform_class` (if it loaded).
// False if anything is wrong.
bool read_mission(const Value& value, const Scenario& scenario, const PlatformClass* platform_class,
                  Mission& mission) {
  const auto entries = value.entries();  // reports a non-mapping and duplicate keys
  if (!entries) return false;
  const auto type_value = value.required("type");
  if (!type_value) return false;
  const auto type = read_choice(*type_value, "mission type", kMissionTypes, &mission_type_name);
  if (!type) return false;
  check_mission_keys(value, *entries, *type);
  mission.type = *type;
  const bool fits = mission_fits_class(*type_value, *type, platform_class);
  FieldReader f(value);
  read_mission_keys(value, scenario, *type, f, mission);
  return fits && f.ok();
}

// stood_down: a list of {from, to} spans of the run, in order and apart.
std::optional<std::vector<std::pair<double, double>>> read_stood_down(const Value& value) {
  const auto items = value.items();
  if (!items) return std::nullopt;
  std::vector<std::pair<double, double>> spans;
  bool ok = true;
  for (const Value& item : *items) {
    if (!item.expect_map({"from", "to"})) {
      ok = false;
      continue;
    }
    std::pair<double, double> span{0.0, 0.0};
    FieldReader f(item);
    f.required("from", span.first, quantity_at_least_zero(Dimension::duration, "start"));
    f.required("to", span.second, positive_quantity(Dimension::duration, "end"));
    if (!f.ok()) {
      ok = false;
      continue;
    }
    if (span.second <= span.first) {
      item.required("to")->error("a span ends after it starts");
      ok = false;
    } else if (!spans.empty() && span.first < spans.back().second) {
      item.required("from")->error("spans are in order and do not overlap");
      ok = false;
    }
    spans.push_back(span);
  }
  if (!ok) return std::nullopt;
  return spans;
}

bool mission_needs_base(MissionType type) {
  return type == MissionType::sortie || type == MissionType::alert || type == MissionType::respond
         || type == MissionType::presence;
}

// A sortie flies base → route → base at cruise speed and must fit the
// class's endurance.
void check_sortie_endurance(const Value& route, const Force& force, const Scenario& scenario) {
  const PlatformClass& c = scenario.classes[force.platform_class];
  const GeoPoint& base = scenario.bases[*force.base].at;
  double km = 0.0;
  GeoPoint from = base;
  for (const GeoPoint& to : force.mission.waypoints) {
    km += great_circle_km(from, to);
    from = to;
  }
  km += great_circle_km(from, base);
  const double hours = km / c.cruise_speed_km_s / 3600.0;
  if (km / c.cruise_speed_km_s > c.endurance_s) {
    route.error(fmt::format(
        "the sortie flies {:.0f} km from base {} and back, {:.1f} h at the cruise speed of "
        "class '{}', longer than its endurance of {:.1f} h",
        km, scenario.bases[*force.base].id, hours, c.id, c.endurance_s / 3600.0));
  }
}

void check_route_at_sea(const Value& waypoints, const Mission& m, const SeaCheck& sea) {
  const auto items = waypoints.items();
  if (!items || items->size() != m.waypoints.size()) return;
  bool points_at_sea = true;
  for (std::size_t i = 0; i < m.waypoints.size(); ++i) {
    if (sea.on_land(m.waypoints[i])) {
      (*items)[i].error("this waypoint is on land: a ship cannot sail to it");
      points_at_sea = false;
    }
  }
  if (!points_at_sea) return;
  const std::size_t legs = m.loop ? m.waypoints.size() : m.waypoints.size() - 1;
  for (std::size_t i = 0; i < legs; ++i) {
    const std::size_t j = (i + 1) % m.waypoints.size();
    if (m.waypoints.size() > 1 && sea.leg_on_land(m.waypoints[i], m.waypoints[j])) {
      (*items)[j].error(fmt::format(
          "the leg from waypoint {} to waypoint {}{} crosses land: add a waypoint to go round it",
          i, j, j == 0 ? " (closing the loop)" : ""));
    }
  }
}

void check_ship_mission_at_sea(const Value& force_value, const Force& force,
                               const Scenario& scenario) {
  const SeaCheck sea(scenario);
  if (!sea.active()) return;
  if (force.base && sea.on_land(scenario.bases[*force.base].at)) {
    force_value.required("base")->error(
        fmt::format("base '{}' is on land: a ship's base is at sea (its harbour's entrance)",
                    scenario.bases[*force.base].id));
  }
  const Value mission = *force_value.optional("mission");
  const Mission& m = force.mission;
  switch (m.type) {
    case MissionType::route:
      check_route_at_sea(*mission.optional("waypoints"), m, sea);
      break;
    case MissionType::patrol:
    case MissionType::presence: {
      const Zone& zone = scenario.zones[m.area];
      if (!sea.has_sea(sea.shape_of(zone, scenario.geography))) {
        mission.required("area")->error(
            fmt::format("zone '{}' is all land: ships cannot patrol it", zone.id));
      }
      break;
    }
    case MissionType::loiter: {
      if (!sea.has_sea(agents::ZoneShape::circle(sea.plane(m.around), m.radius_km))) {
        mission.required("radius")->error("the loiter circle is all land: widen it or move it");
      }
      if (m.swarm
          && !sea.has_sea(
              agents::ZoneShape::circle(sea.plane(m.swarm->towards), m.swarm->radius_km))) {
        mission.required("swarm")->error("the swarm's circle is all land: widen it or move it");
      }
      break;
    }
    case MissionType::sortie:
    case MissionType::alert:
    case MissionType::respond:
      break;
  }
}

}  // namespace

void read_forces(const Value& value, Scenario& scenario,
                 std::vector<std::optional<Value>>& deploy_on_values) {
  const auto items = value.items();
  if (!items) return;
  std::uint64_t platforms = 0;
  for (const Value& item : *items) {
    if (!item.expect_map(
            {"id", "nation", "class", "count", "base", "deploy_on", "stood_down", "mission"})) {
      continue;
    }
    Force force;
    const auto id = read_unique_id(item, scenario.forces, "force");
    FieldReader f(item);
    const bool nation_ok = f.required("nation", force.nation, nation(scenario));
    const bool class_ok =
        f.required("class", force.platform_class, reference(scenario.classes, "class"));
    if (f.required("count", force.count,
                   whole_number(1, static_cast<std::int64_t>(defaults::kMaxPlatforms)))) {
      platforms += force.count;
      if (platforms > defaults::kMaxPlatforms
          && platforms - force.count <= defaults::kMaxPlatforms) {
        item.required("count")->error(
            fmt::format("the forces so far total {} platforms, over the limit of {} for one run",
                        platforms, defaults::kMaxPlatforms));
        f.fail();
      }
    }
    const bool base_ok = f.optional("base", force.base, reference(scenario.bases, "base"));
    f.optional("deploy_on", force.deploy_on, [](const Value& v) {
      return read_choice(v, "deployment", kDeployments, &deployment_name);
    });
    f.optional("stood_down", force.stood_down_s, read_stood_down);
    if (base_ok && nation_ok) {
      const std::size_t base_nation = scenario.bases[*force.base].nation;
      if (base_nation != force.nation
          && scenario.relation(base_nation, force.nation) != Relation::ally) {
        item.required("base")->error(
            fmt::format("base '{}' belongs to {}, which is neither {} nor its ally",
                        scenario.bases[*force.base].id, scenario.nations[base_nation].id,
                        scenario.nations[force.nation].id));
        f.fail();
      }
    }
    if (auto mission = item.required("mission")) {
      const PlatformClass* platform_class =
          class_ok ? &scenario.classes[force.platform_class] : nullptr;
      if (!read_mission(*mission, scenario, platform_class, force.mission)) {
        f.fail();
      } else if (mission_needs_base(force.mission.type) && !item.optional("base")) {
        item.error(fmt::format("missing required key 'base': {} missions start from a base",
                               mission_type_name(force.mission.type)));
        f.fail();
      }
    } else {
      f.fail();
    }
    if (f.ok() && force.mission.type == MissionType::presence
        && force.count < force.mission.station.ships_max) {
      item.optional("mission")->required("ships")->error(
          fmt::format("the force has {} ships, fewer than the {} it may put on station",
                      force.count, force.mission.station.ships_max));
      f.fail();
    }
    const bool ok = id.has_value() && f.ok();
    if (ok && force.mission.type == MissionType::sortie) {
      check_sortie_endurance(*item.optional("mission")->optional("route"), force, scenario);
    }
    if (ok && scenario.classes[force.platform_class].kind == PlatformKind::ship) {
      check_ship_mission_at_sea(item, force, scenario);
    }
    if (ok) {
      force.id = *id;
      scenario.forces.push_back(std::move(force));
      deploy_on_values.push_back(item.optional("deploy_on"));
    } else if (id) {
      mark_broken(item, "force", *id);
    }
  }
}

}  // namespace hotline::scenarios::detail
