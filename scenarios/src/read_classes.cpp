#include <fmt/format.h>

#include <algorithm>

#include "common_readers.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

void read_classes(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "kind", "role", "cruise_speed", "max_speed", "sensor_range",
                          "endurance", "turnaround"})) {
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
    } else if (kind == PlatformKind::ship) {
      for (const char* key : {"endurance", "turnaround"}) {
        if (auto v = item.optional(key)) {
          v->error(
              fmt::format("'{}' is for aircraft; ships stay out as long as their mission "
                          "lasts",
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
