// Where things are: the frame, zones, named points and bases of a scenario.
//
// Positions are kept as written, in degrees of latitude and longitude; the
// agents project them to a plane in km about the frame's centre.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/agents/zone_kinds.hpp"

namespace hotline::scenarios {

using agents::zone_kind_name;
using agents::ZoneKind;

struct GeoPoint {
  double lat_deg = 0.0;
  double lon_deg = 0.0;
  bool operator==(const GeoPoint&) const = default;
};

// Great-circle distance on a sphere of the mean Earth radius (6371.0088 km);
// used by checks such as "can this sortie route be flown on the class's
// endurance", not by the simulation, which works in the projected plane.
[[nodiscard]] double great_circle_km(const GeoPoint& a, const GeoPoint& b);

// Positions are projected to a plane in km about the centre.
struct Frame {
  GeoPoint centre;
  bool operator==(const Frame&) const = default;
};

// A zone is a circle (centre and radius) or a polygon of lat/lon vertices,
// at least three, not crossing itself; `owner` is a nation index or none.
struct Zone {
  std::string id;
  ZoneKind kind = ZoneKind::patrol_area;
  std::optional<std::size_t> owner;
  bool is_circle = true;
  GeoPoint centre;                 // circle
  double radius_km = 0.0;          // circle
  std::vector<GeoPoint> vertices;  // polygon, in the order written
  bool operator==(const Zone&) const = default;
};

struct NamedPoint {
  std::string id;
  GeoPoint at;
  bool operator==(const NamedPoint&) const = default;
};

// An airfield or port; forces start and end their missions at their base.
struct Base {
  std::string id;
  std::size_t nation = 0;
  GeoPoint at;
  bool operator==(const Base&) const = default;
};

}  // namespace hotline::scenarios
