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
#include "hotline/scenarios/defaults.hpp"
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

std::optional<double> read_or(const std::optional<Value>& value, Dimension dimension, bool positive,
                              std::string_view what, double fallback) {
  if (!value) return fallback;
  return read_non_negative(*value, dimension, positive, what);
}

std::optional<Swarm> read_swarm(const Value& value, const Scenario& scenario) {
  if (!value.expect_map({"towards", "radius", "from_posture"})) return std::nullopt;
  Swarm swarm;
  bool ok = true;
  if (auto towards = value.required("towards")) {
    const auto at = read_location(*towards, scenario);
    ok = ok && at.has_value();
    swarm.towards = at.value_or(GeoPoint{});
  } else {
    ok = false;
  }
  const auto radius = read_or(value.optional("radius"), Dimension::length, true, "swarm radius",
                              defaults::kSwarmRadiusKm);
  ok = ok && radius.has_value();
  swarm.radius_km = radius.value_or(0.0);
  swarm.from_posture = defaults::kSwarmFromPosture;
  if (auto posture = value.optional("from_posture")) {
    const auto p = posture->integer(1, 3);
    ok = ok && p.has_value();
    swarm.from_posture = static_cast<int>(p.value_or(0));
  }
  if (!ok) return std::nullopt;
  return swarm;
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
  bool ok = true;
  auto need = [&](const std::optional<double>& x, double& out) {
    ok = ok && x.has_value();
    out = x.value_or(0.0);
  };

  // Which kind of platform flies or sails it.
  if (platform_class != nullptr) {
    const bool needs_aircraft = *type == MissionType::sortie || *type == MissionType::alert;
    const bool needs_ship = *type == MissionType::respond;
    if ((needs_aircraft && platform_class->kind != PlatformKind::aircraft)
        || (needs_ship && platform_class->kind != PlatformKind::ship)) {
      type_value->error(fmt::format("a {} mission is for {}, but class '{}' is a {}",
                                    mission_type_name(*type), needs_ship ? "ships" : "aircraft",
                                    platform_class->id, platform_kind_name(platform_class->kind)));
      ok = false;
    }
  }

  switch (*type) {
    case MissionType::patrol: {
      if (auto area = value.required("area")) {
        const auto zone = read_reference(*area, scenario.zones, "zone");
        ok = ok && zone.has_value();
        mission.area = zone.value_or(0);
      } else {
        ok = false;
      }
      need(read_or(value.optional("dwell"), Dimension::duration, false, "dwell time",
                   defaults::kPatrolDwellS),
           mission.dwell_s);
      break;
    }
    case MissionType::route: {
      if (auto waypoints = value.required("waypoints")) {
        auto places = read_places(*waypoints, scenario);
        ok = ok && places.has_value();
        if (places) mission.waypoints = std::move(*places);
      } else {
        ok = false;
      }
      mission.loop = defaults::kRouteLoop;
      if (auto loop = value.optional("loop")) {
        const auto b = loop->boolean();
        ok = ok && b.has_value();
        mission.loop = b.value_or(false);
      }
      need(read_or(value.optional("dwell"), Dimension::duration, false, "dwell time",
                   defaults::kRouteDwellS),
           mission.dwell_s);
      break;
    }
    case MissionType::loiter: {
      if (auto around = value.required("around")) {
        const auto at = read_location(*around, scenario);
        ok = ok && at.has_value();
        mission.around = at.value_or(GeoPoint{});
      } else {
        ok = false;
      }
      if (auto radius = value.required("radius")) {
        need(read_non_negative(*radius, Dimension::length, true, "loiter radius"),
             mission.radius_km);
      } else {
        ok = false;
      }
      if (auto swarm = value.optional("swarm")) {
        mission.swarm = read_swarm(*swarm, scenario);
        ok = ok && mission.swarm.has_value();
      }
      break;
    }
    case MissionType::sortie: {
      if (auto rate = value.required("rate")) {
        need(read_non_negative(*rate, Dimension::rate, true, "sortie rate"),
             mission.launches_per_s);
      } else {
        ok = false;
      }
      if (auto route = value.required("route")) {
        auto places = read_places(*route, scenario);
        ok = ok && places.has_value();
        if (places) mission.waypoints = std::move(*places);
      } else {
        ok = false;
      }
      break;
    }
    case MissionType::alert:
    case MissionType::respond: {
      const bool alert = *type == MissionType::alert;
      need(read_or(value.optional("standoff"), Dimension::length, true, "standoff distance",
                   alert ? defaults::kAlertStandoffKm : defaults::kRespondStandoffKm),
           mission.standoff_km);
      need(read_or(value.optional("shadow"), Dimension::duration, true, "shadowing time",
                   alert ? defaults::kAlertShadowS : defaults::kRespondShadowS),
           mission.shadow_s);
      break;
    }
  }
  return ok;
}

bool mission_needs_base(MissionType type) {
  return type == MissionType::sortie || type == MissionType::alert || type == MissionType::respond;
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

}  // namespace

void read_forces(const Value& value, Scenario& scenario,
                 std::vector<std::optional<Value>>& deploy_on_values) {
  const auto items = value.items();
  if (!items) return;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "nation", "class", "count", "base", "deploy_on", "mission"})) {
      continue;
    }
    Force force;
    const auto id = read_unique_id(item, scenario.forces, "force");
    bool ok = id.has_value();
    auto require = [&](std::string_view key, auto&& read) {
      if (auto v = item.required(key)) {
        ok = read(*v) && ok;
      } else {
        ok = false;
      }
    };
    std::optional<std::size_t> nation;
    if (auto v = item.required("nation")) nation = read_nation_ref(*v, scenario);
    ok = ok && nation.has_value();
    force.nation = nation.value_or(0);
    const PlatformClass* platform_class = nullptr;
    require("class", [&](const Value& v) {
      const auto c = read_reference(v, scenario.classes, "class");
      force.platform_class = c.value_or(0);
      if (c) platform_class = &scenario.classes[*c];
      return c.has_value();
    });
    require("count", [&](const Value& v) {
      // Up to 100 million platforms in one force (load tests).
      const auto n = v.integer(1, 100'000'000);
      force.count = static_cast<std::uint32_t>(n.value_or(0));
      return n.has_value();
    });
    const auto base_value = item.optional("base");
    if (base_value) {
      const auto base = read_reference(*base_value, scenario.bases, "base");
      ok = ok && base.has_value();
      force.base = base;
      if (base && nation) {
        const std::size_t base_nation = scenario.bases[*base].nation;
        if (base_nation != force.nation
            && scenario.relation(base_nation, force.nation) != Relation::ally) {
          base_value->error(fmt::format("base '{}' belongs to {}, which is neither {} nor its ally",
                                        scenario.bases[*base].id, scenario.nations[base_nation].id,
                                        scenario.nations[force.nation].id));
          ok = false;
        }
      }
    }
    const auto deploy_on = item.optional("deploy_on");
    if (deploy_on) {
      const auto d = read_choice(*deploy_on, "deployment", kDeployments, &deployment_name);
      ok = ok && d.has_value();
      force.deploy_on = d.value_or(Deployment::start);
    }
    require("mission", [&](const Value& v) {
      if (!read_mission(v, scenario, platform_class, force.mission)) return false;
      if (mission_needs_base(force.mission.type) && !base_value) {
        item.error(fmt::format("missing required key 'base': {} missions start from a base",
                               mission_type_name(force.mission.type)));
        return false;
      }
      return true;
    });
    if (ok && force.mission.type == MissionType::sortie) {
      check_sortie_endurance(*item.optional("mission")->optional("route"), force, scenario);
    }
    if (ok) {
      force.id = *id;
      scenario.forces.push_back(std::move(force));
      deploy_on_values.push_back(deploy_on);
    } else if (id) {
      mark_broken(item, "force", *id);
    }
  }
}

}  // namespace hotline::scenarios::detail
