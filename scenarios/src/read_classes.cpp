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
  bool ok = true;
  if (auto ceiling = item.optional("ceiling")) {
    if (auto km = read_non_negative(*ceiling, Dimension::length, true, "ceiling")) {
      c.ceiling_km = *km;
    } else {
      ok = false;
    }
  }
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
    bool ok = id.has_value();
    // Plain assignments: GCC 12 warns (falsely) about optionals built in a
    // conditional expression.
    const auto kind_value = item.required("kind");
    std::optional<PlatformKind> kind;
    if (kind_value)
      kind = read_choice(*kind_value, "platform kind", kPlatformKinds, &platform_kind_name);
    const auto role_value = item.required("role");
    std::optional<Role> role;
    if (role_value) role = read_choice(*role_value, "role", kRoles, &role_name);
    ok = ok && kind && role;
    if (kind && role && kind_of_role(*role) != *kind) {
      auto with_article = [](std::string_view noun) {
        return fmt::format("{} {}", noun.front() == 'a' ? "an" : "a", noun);
      };
      role_value->error(fmt::format("{} is {}, not {}", with_article(role_name(*role)),
                                    with_article(platform_kind_name(kind_of_role(*role))),
                                    with_article(platform_kind_name(*kind))));
      ok = false;
    }
    auto read = [&](std::string_view key, Dimension dimension, bool positive, double* out) {
      if (auto v = item.required(key)) {
        std::string what(key);
        std::replace(what.begin(), what.end(), '_', ' ');
        if (auto q = read_non_negative(*v, dimension, positive, what)) {
          *out = *q;
          return;
        }
      }
      ok = false;
    };
    read("cruise_speed", Dimension::speed, true, &c.cruise_speed_km_s);
    read("max_speed", Dimension::speed, true, &c.max_speed_km_s);
    read("sensor_range", Dimension::length, false, &c.sensor_range_km);
    if (ok && c.max_speed_km_s < c.cruise_speed_km_s) {
      item.required("max_speed")->error("the maximum speed must be at least the cruise speed");
      ok = false;
    }
    if (kind == PlatformKind::aircraft) {
      read("endurance", Dimension::duration, true, &c.endurance_s);
      read("turnaround", Dimension::duration, false, &c.turnaround_s);
      if (role) ok = read_altitudes(item, *role, c) && ok;
    } else if (kind == PlatformKind::ship) {
      for (const char* key : {"endurance", "turnaround", "altitude", "ceiling"}) {
        if (auto v = item.optional(key)) {
          const bool height =
              std::string_view(key) == "altitude" || std::string_view(key) == "ceiling";
          v->error(height ? fmt::format("'{}' is for aircraft; ships sail at sea level", key)
                          : fmt::format("'{}' is for aircraft; ships stay out as long as their "
                                        "mission lasts",
                                        key));
          ok = false;
        }
      }
    }
    if (ok) {
      c.id = *id;
      c.kind = *kind;
      c.role = *role;
      scenario.classes.push_back(std::move(c));
    } else if (id) {
      mark_broken(item, "class", *id);
    }
  }
}

}  // namespace hotline::scenarios::detail
