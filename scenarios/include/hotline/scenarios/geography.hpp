// Where things are: the frame, zones, named points and bases of a scenario.
//
// Positions are kept as written, in degrees of latitude and longitude; the
// agents project them to a plane in km about the frame's centre.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/agents/land_map.hpp"
#include "hotline/agents/world_spec.hpp"
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

// Degrees; west < east, south < north.
struct GeoBox {
  double west = 0.0;
  double south = 0.0;
  double east = 0.0;
  double north = 0.0;
  [[nodiscard]] bool contains(const GeoPoint& p) const {
    return p.lat_deg >= south && p.lat_deg <= north && p.lon_deg >= west && p.lon_deg <= east;
  }
  bool operator==(const GeoBox&) const = default;
};

// The land a scenario stands on (`geography`): the built-in land or a
// GeoJSON file, and its land map in the frame's plane, built once at load
// and shared by every run of the scenario.
struct Geography {
  // The built-in land's name (kBuiltinLand), or the land file's absolute path.
  std::string land;
  // FNV-1a 64 of the land's text, 16 hex digits: a resolved scenario names
  // the exact land it ran on.
  std::string land_hash;
  double land_cell_km = 0.0;  // the land map's grid
  GeoBox coverage;            // where the land is complete
  std::shared_ptr<const agents::LandMap> land_map;
  // How far from the frame's centre a place may lie: beyond, distances in
  // the plane are off by more than 0.5% (agents::Projection).
  double max_radius_km = 0.0;
  // The land's rings in degrees (for zones drawn from the coast).
  std::shared_ptr<const std::vector<std::vector<GeoPoint>>> land_rings;
  // The map is derived from the rest, so equality leaves it out.
  bool operator==(const Geography& other) const {
    return land == other.land && land_hash == other.land_hash && land_cell_km == other.land_cell_km
           && coverage == other.coverage;
  }
};

// A circle (centre and radius) or a polygon of lat/lon vertices, at least
// three, not crossing itself.
struct Area {
  bool is_circle = true;
  GeoPoint centre;                 // circle
  double radius_km = 0.0;          // circle
  std::vector<GeoPoint> vertices;  // polygon, in the order written
  bool operator==(const Area&) const = default;
};

// A zone drawn from the coast: every point within distance_km of the land
// lying wholly inside `near`, and that land (a territorial sea, 12 nmi; a
// contiguous zone, 24 nmi).
struct LandBelt {
  Area near;
  double distance_km = 0.0;
  std::vector<std::size_t> rings;  // those rings of the scenario's land, found at load
  bool operator==(const LandBelt&) const = default;
};

// A zone is an area, or a belt drawn from the coast; `owner` is a nation
// index or none.
struct Zone : agents::ZoneParameters {
  bool is_circle = true;
  GeoPoint centre;                    // circle
  double radius_km = 0.0;             // circle
  std::vector<GeoPoint> vertices;     // polygon, in the order written
  std::optional<LandBelt> from_land;  // set: the zone is this belt, not the area above
  bool operator==(const Zone&) const = default;
};

struct NamedPoint {
  std::string id;
  GeoPoint at;
  bool operator==(const NamedPoint&) const = default;
};

// An airfield or port on the globe (agents/world_spec.hpp declares it once
// for both kinds of point).
using Base = agents::BasicBase<GeoPoint>;

}  // namespace hotline::scenarios
