#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "common_readers.hpp"
#include "hotline/scenarios/defaults.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

namespace {

defaults::AircraftAltitudes default_altitudes(Role role) {
  switch (role) {
    case Role::fighter:
      return defaults::kFighterAltitudes;
    case Role::bomber:
      return defaults::kBomberAltitudes;
    case Role::uav:
      return defaults::kUavAltitudes;
    case Role::balloon:
      return defaults::kBalloonAltitudes;
    default:
      return defaults::kPatrolAltitudes;
  }
}

// An aircraft class's altitudes, `altitude: {cruise, patrol, low_pass}`, and
// its `ceiling`, each defaulting by role; every altitude at or below the
// ceiling. False if anything is wrong.
bool read_altitudes(const Value& item, Role role, PlatformClass& c) {
  const defaults::AircraftAltitudes d = default_altitudes(role);
  c.cruise_altitude_km = d.cruise_km;
  c.patrol_altitude_km = d.patrol_km;
  c.low_pass_altitude_km = d.low_pass_km;
  c.ceiling_km = d.ceiling_km;
  FieldReader f(item);
  f.optional("ceiling", c.ceiling_km, positive_quantity(Dimension::length, "ceiling"));
  bool ok = f.ok();
  const auto altitude = item.optional("altitude");
  if (altitude && !altitude->expect_map({"cruise", "patrol", "low_pass"})) return false;
  const std::array<std::pair<const char*, double*>, 3> phases = {{
      {"cruise", &c.cruise_altitude_km},
      {"patrol", &c.patrol_altitude_km},
      {"low_pass", &c.low_pass_altitude_km},
  }};
  for (const auto& [key, out] : phases) {
    const auto v = altitude ? altitude->optional(key) : std::nullopt;
    if (!v) {
      // The role's default must fit under a ceiling the class gave.
      if (*out > c.ceiling_km) {
        item.required("ceiling")->error(fmt::format(
            "the {} altitude of a {} defaults to {}, above this ceiling: give altitude.{}", key,
            role_name(role), format_quantity(*out, Dimension::length), key));
        ok = false;
      }
      continue;
    }
    const auto km = v->quantity(Dimension::length);
    if (!km) {
      ok = false;
    } else if (*km < 0.0) {
      v->error("an altitude is zero (the sea) or more");
      ok = false;
    } else if (*km > c.ceiling_km) {
      v->error(fmt::format("{} is above the class's ceiling of {}",
                           format_quantity(*km, Dimension::length),
                           format_quantity(c.ceiling_km, Dimension::length)));
      ok = false;
    } else {
      *out = *km;
    }
  }
  return ok;
}

// The class's kind and role, each one of its names (nullopt where not),
// and whether the role is of that kind.
struct KindAndRole {
  std::optional<PlatformKind> kind;
  std::optional<Role> role;
  bool ok = false;
};

KindAndRole read_kind_and_role(const Value& item) {
  KindAndRole r;
  // Plain assignments: GCC 12 warns (falsely) about optionals built in a
  // conditional expression.
  const auto kind_value = item.required("kind");
  if (kind_value)
    r.kind = read_choice(*kind_value, "platform kind", kPlatformKinds, &platform_kind_name);
  const auto role_value = item.required("role");
  if (role_value) r.role = read_choice(*role_value, "role", kRoles, &role_name);
  r.ok = r.kind && r.role;
  if (r.ok && kind_of_role(*r.role) != *r.kind) {
    auto with_article = [](std::string_view noun) {
      return fmt::format("{} {}", noun.front() == 'a' ? "an" : "a", noun);
    };
    role_value->error(fmt::format("{} is {}, not {}", with_article(role_name(*r.role)),
                                  with_article(platform_kind_name(kind_of_role(*r.role))),
                                  with_article(platform_kind_name(*r.kind))));
    r.ok = false;
  }
  return r;
}

// A ship class must not give what only aircraft have.
bool no_aircraft_keys(const Value& item) {
  bool ok = true;
  for (const char* key : {"endurance", "turnaround", "altitude", "ceiling"}) {
    if (auto v = item.optional(key)) {
      const bool height = std::string_view(key) == "altitude" || std::string_view(key) == "ceiling";
      v->error(height ? fmt::format("'{}' is for aircraft; ships sail at sea level", key)
                      : fmt::format("'{}' is for aircraft; ships stay out as long as their "
                                    "mission lasts",
                                    key));
      ok = false;
    }
  }
  return ok;
}

// One class: speeds and range for every platform, endurance, turnaround
// and altitudes for aircraft. False if anything is wrong (every problem is
// reported, not only the first).
bool read_class(const Value& item, PlatformClass& c) {
  const KindAndRole kr = read_kind_and_role(item);
  FieldReader f(item);
  f.required("cruise_speed", c.cruise_speed_km_s,
             positive_quantity(Dimension::speed, "cruise speed"));
  f.required("max_speed", c.max_speed_km_s, positive_quantity(Dimension::speed, "max speed"));
  f.required("sensor_range", c.sensor_range_km,
             quantity_at_least_zero(Dimension::length, "sensor range"));
  bool ok = kr.ok && f.ok();
  if (ok && c.max_speed_km_s < c.cruise_speed_km_s) {
    item.required("max_speed")->error("the maximum speed must be at least the cruise speed");
    ok = false;
  }
  if (kr.kind == PlatformKind::aircraft) {
    f.required("endurance", c.endurance_s, positive_quantity(Dimension::duration, "endurance"));
    f.required("turnaround", c.turnaround_s,
               quantity_at_least_zero(Dimension::duration, "turnaround"));
    ok = ok && f.ok();
    if (kr.role) ok = read_altitudes(item, *kr.role, c) && ok;
  } else if (kr.kind == PlatformKind::ship) {
    ok = no_aircraft_keys(item) && ok;
  }
  if (ok) {
    c.kind = *kr.kind;
    c.role = *kr.role;
  }
  return ok;
}

}  // namespace

void read_classes(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "kind", "role", "cruise_speed", "max_speed", "sensor_range",
                          "endurance", "turnaround", "altitude", "ceiling"})) {
      continue;
    }
    PlatformClass c;
    const auto id = read_unique_id(item, scenario.classes, "class");
    const bool ok = read_class(item, c) && id.has_value();
    if (ok) {
      c.id = *id;
      scenario.classes.push_back(std::move(c));
    } else if (id) {
      mark_broken(item, "class", *id);
    }
  }
}

}  // namespace hotline::scenarios::detail
