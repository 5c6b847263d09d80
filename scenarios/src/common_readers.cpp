#include "common_readers.hpp"

#include "section_readers.hpp"

namespace hotline::scenarios::detail {

std::string unknown_reference(const Value& at, std::string_view what, std::string_view id,
                              const std::vector<std::string>& ids) {
  std::string message = fmt::format("unknown {} '{}'", what, id);
  if (at.context().suggestions_left <= 0) return message;
  --at.context().suggestions_left;
  if (auto guess = closest_match(id, ids); !guess.empty()) {
    message += fmt::format(" (did you mean '{}'?)", guess);
  }
  return message;
}

void mark_broken(const Value& value, std::string_view what, const std::string& id) {
  value.context().broken.insert(fmt::format("{}:{}", what, id));
}

bool is_broken(const Value& value, std::string_view what, const std::string& id) {
  return value.context().broken.count(fmt::format("{}:{}", what, id)) != 0;
}

bool any_broken(const Value& value, std::string_view what) {
  const std::string prefix = fmt::format("{}:", what);
  const auto& broken = value.context().broken;
  const auto it = broken.lower_bound(prefix);
  return it != broken.end() && it->compare(0, prefix.size(), prefix) == 0;
}

bool is_identifier(std::string_view id) {
  if (id.empty() || id.front() < 'a' || id.front() > 'z') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::optional<std::string> read_identifier(const Value& value) {
  auto id = value.text();
  if (id && !is_identifier(*id)) {
    value.error(fmt::format(
        "'{}' is not a valid id: use lower-case letters, digits and '_', starting with a letter",
        *id));
    return std::nullopt;
  }
  return id;
}

std::optional<std::size_t> read_nation_ref(const Value& value, const Scenario& scenario) {
  return read_reference(value, scenario.nations, "nation");
}

std::optional<GeoPoint> read_lat_lon(const Value& map) {
  const auto lat = map.required("lat");
  const auto lon = map.required("lon");
  std::optional<double> lat_deg;
  std::optional<double> lon_deg;
  if (lat) lat_deg = lat->number(-90.0, 90.0);
  if (lon) lon_deg = lon->number(-180.0, 180.0);
  if (!lat_deg.has_value() || !lon_deg.has_value()) return std::nullopt;
  const GeoPoint at{lat_deg.value(), lon_deg.value()};
  check_place(map, at);
  return at;
}

std::optional<GeoPoint> read_geo_point(const Value& value) {
  if (!value.expect_map({"lat", "lon"})) return std::nullopt;
  return read_lat_lon(value);
}

std::optional<GeoPoint> read_location(const Value& value, const Scenario& scenario) {
  if (!value.is_scalar()) return read_geo_point(value);
  const auto id = value.text();
  if (!id || is_broken(value, "place", *id)) return std::nullopt;
  IdIndexes& index = value.context().ids;
  if (const auto point = index.find(scenario.points, *id)) return scenario.points[*point].at;
  if (const auto base = index.find(scenario.bases, *id)) return scenario.bases[*base].at;
  std::vector<std::string> ids;
  if (value.context().suggestions_left > 0) {
    ids = ids_of(scenario.points);
    for (std::string& base : ids_of(scenario.bases))
      ids.push_back(std::move(base));
  }
  value.error(unknown_reference(value, "point or base", *id, ids)
              + "; a place is a point or base id, or {lat: ..., lon: ...}");
  return std::nullopt;
}

std::optional<double> read_non_negative(const Value& value, Dimension dimension, bool positive,
                                        std::string_view what) {
  auto q = value.quantity(dimension);
  if (!q) return std::nullopt;
  if (positive ? *q <= 0.0 : *q < 0.0) {
    value.error(fmt::format("the {} must be {}", what, positive ? "positive" : "zero or more"));
    return std::nullopt;
  }
  return q;
}

}  // namespace hotline::scenarios::detail
