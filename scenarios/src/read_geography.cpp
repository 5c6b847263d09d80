#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "common_readers.hpp"
#include "hotline/agents/zones.hpp"
#include "hotline/scenarios/defaults.hpp"
#include "hotline/scenarios/input_file.hpp"
#include "hotline/scenarios/land_file.hpp"
#include "polygon_check.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

namespace {

// The first vertex equal to the one before it (the last wraps to the first).
std::optional<std::size_t> repeated_vertex(const std::vector<GeoPoint>& vertices) {
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    if (vertices[i] == vertices[(i + vertices.size() - 1) % vertices.size()]) return i;
  }
  return std::nullopt;
}

std::optional<ZoneKind> read_zone_kind(const Value& value) {
  return read_choice(value, "zone kind", kZoneKinds, &zone_kind_name);
}

// A polygon vertex written as [lat, lon].
std::optional<GeoPoint> read_vertex(const Value& value) {
  const auto pair = value.items();
  if (!pair) return std::nullopt;
  if (pair->size() != 2) {
    value.error(fmt::format("a vertex is [lat, lon], got {} numbers", pair->size()));
    return std::nullopt;
  }
  const auto lat = (*pair)[0].number(-90.0, 90.0);
  const auto lon = (*pair)[1].number(-180.0, 180.0);
  if (!lat || !lon) return std::nullopt;
  check_place(value, GeoPoint{*lat, *lon});
  return GeoPoint{*lat, *lon};
}

}  // namespace

Frame read_frame(const Value& value) {
  Frame frame;
  if (!value.expect_map({"centre"})) return frame;
  if (auto centre = value.required("centre"))
    frame.centre = read_geo_point(*centre).value_or(GeoPoint{});
  return frame;
}

namespace {

// A circle or a polygon, under the keys 'circle' and 'polygon' of `item`
// (exactly one of them, or `from_land` where the caller allows it). False
// if anything is wrong.
bool read_circle(const Value& circle, Area& area) {
  area.is_circle = true;
  if (!circle.expect_map({"centre", "radius"})) return false;
  FieldReader fields(circle);
  fields.required("centre", area.centre, geo_point());
  fields.required("radius", area.radius_km, positive_quantity(Dimension::length, "radius"));
  // The centre alone was checked as it was read; now its reach.
  if (fields.ok()) check_place(*circle.optional("radius"), area.centre, area.radius_km);
  return fields.ok();
}

bool read_polygon(const Value& polygon, Area& area) {
  area.is_circle = false;
  const auto vertices = polygon.items();
  if (!vertices) return false;
  for (const Value& vertex : *vertices) {
    if (auto point = read_vertex(vertex)) area.vertices.push_back(*point);
  }
  if (area.vertices.size() != vertices->size()) return false;
  if (area.vertices.size() < 3) {
    polygon.error(fmt::format("a polygon needs at least 3 vertices, got {}", area.vertices.size()));
    return false;
  }
  if (auto repeat = repeated_vertex(area.vertices); repeat && *repeat == 0) {
    vertices->back().error(
        "the last vertex repeats the first: leave it out, the polygon closes itself");
    return false;
  } else if (repeat) {
    (*vertices)[*repeat].error(
        fmt::format("vertex {} repeats vertex {}: a polygon's vertices are distinct points",
                    *repeat, *repeat - 1));
    return false;
  }
  if (auto crossing = detail::first_crossing(area.vertices)) {
    polygon.error(fmt::format(
        "the polygon crosses itself: edge {} (vertex {} to {}) meets edge {} (vertex {} to {})",
        crossing->first, crossing->first, (crossing->first + 1) % area.vertices.size(),
        crossing->second, crossing->second, (crossing->second + 1) % area.vertices.size()));
    return false;
  }
  return true;
}

bool read_area(const Value& item, Area& area, bool belt_allowed) {
  const auto circle = item.optional("circle");
  const auto polygon = item.optional("polygon");
  const auto belt = belt_allowed ? item.optional("from_land") : std::nullopt;
  const int shapes = (circle ? 1 : 0) + (polygon ? 1 : 0) + (belt ? 1 : 0);
  if (shapes > 1) {
    item.error(belt_allowed ? "a zone is a circle, a polygon or from_land: one of them"
                            : "a zone is a circle or a polygon, not both");
    return false;
  }
  if (shapes == 0) {
    item.error(belt_allowed ? "a zone needs a shape: 'circle', 'polygon' or 'from_land'"
                            : "an area needs a shape: 'circle' or 'polygon'");
    return false;
  }
  if (belt) return true;
  return circle ? read_circle(*circle, area) : read_polygon(*polygon, area);
}

// Whether every vertex of a land ring lies inside the area (in degrees: a
// circle by great-circle distance, a polygon in longitude and latitude).
bool ring_inside(const std::vector<GeoPoint>& ring, const Area& area) {
  if (area.is_circle) {
    return std::all_of(ring.begin(), ring.end(), [&](const GeoPoint& v) {
      return great_circle_km(area.centre, v) <= area.radius_km;
    });
  }
  std::vector<agents::PlanePoint> outline;
  for (const GeoPoint& v : area.vertices)
    outline.push_back({v.lon_deg, v.lat_deg});
  const agents::ZoneShape polygon = agents::ZoneShape::polygon(std::move(outline));
  return std::all_of(ring.begin(), ring.end(), [&](const GeoPoint& v) {
    return polygon.contains({v.lon_deg, v.lat_deg});
  });
}

// from_land: {near: {circle | polygon}, distance}; the distance defaults to
// 12 nmi for a territorial sea and 24 nmi for a contiguous zone.
std::optional<LandBelt> read_land_belt(const Value& value, ZoneKind kind) {
  if (!value.expect_map({"near", "distance"})) return std::nullopt;
  LandBelt belt;
  if (kind == ZoneKind::territorial_sea) belt.distance_km = defaults::kTerritorialSeaKm;
  if (kind == ZoneKind::contiguous_zone) belt.distance_km = defaults::kContiguousZoneKm;
  FieldReader fields(value);
  const bool distance_given = value.optional("distance").has_value();
  fields.optional("distance", belt.distance_km, positive_quantity(Dimension::length, "distance"));
  if (!distance_given && belt.distance_km == 0.0) {
    value.error(
        fmt::format("missing required key 'distance': only territorial seas (12 nmi) and "
                    "contiguous zones (24 nmi) have a default, not a {}",
                    zone_kind_name(kind)));
    fields.fail();
  }
  const auto near = value.required("near");
  if (!near || !near->expect_map({"circle", "polygon"}) || !read_area(*near, belt.near, false)) {
    return std::nullopt;
  }
  const Geography* g = value.context().geography;
  if (g != nullptr && g->land_rings) {
    const auto& rings = *g->land_rings;
    for (std::size_t r = 0; r < rings.size(); ++r) {
      if (ring_inside(rings[r], belt.near)) belt.rings.push_back(r);
    }
    if (belt.rings.empty()) {
      near->error(fmt::format("no land lies wholly inside this area (the land is '{}')", g->land));
      fields.fail();
    }
  }
  if (!fields.ok()) return std::nullopt;
  return belt;
}

}  // namespace

void read_zones(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Value& item = (*items)[i];
    if (i == agents::kMaxZones) {
      item.error(
          fmt::format("a scenario has at most {} zones (the zone index keeps a bit per "
                      "zone); this is zone {}",
                      agents::kMaxZones, i + 1));
    }
    if (!item.expect_map({"id", "kind", "owner", "circle", "polygon", "from_land"})) continue;
    auto id = read_unique_id(item, scenario.zones, "zone");
    Zone zone;
    FieldReader fields(item);
    fields.required("kind", zone.kind, [](const Value& v) { return read_zone_kind(v); });
    fields.optional("owner", zone.owner, nation(scenario));
    bool ok = id.has_value() && fields.ok();
    Area area;
    if (!read_area(item, area, true)) {
      ok = false;
    } else if (auto belt = item.optional("from_land")) {
      zone.from_land = read_land_belt(*belt, zone.kind);
      ok = ok && zone.from_land.has_value();
    } else {
      zone.is_circle = area.is_circle;
      zone.centre = area.centre;
      zone.radius_km = area.radius_km;
      zone.vertices = std::move(area.vertices);
    }
    if (ok) {
      zone.id = *id;
      scenario.zones.push_back(std::move(zone));
    } else if (id) {
      mark_broken(item, "zone", *id);
    }
  }
}

void read_points(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "lat", "lon"})) continue;
    auto id = read_unique_id(item, scenario.points, "point");
    const auto at = read_lat_lon(item);
    if (id && at) {
      scenario.points.push_back({*id, *at});
    } else if (id) {
      mark_broken(item, "place", *id);
    }
  }
}

void read_bases(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "nation", "lat", "lon"})) continue;
    auto id = read_unique_id(item, scenario.bases, "base");
    if (id) {
      // Missions name places by point or base id alike, so the two share
      // one namespace.
      if (item.context().ids.find(scenario.points, *id)) {
        item.required("id")->error(
            fmt::format("'{}' is already a point id: points and bases share one namespace", *id));
        id.reset();
      }
    }
    Base base;
    FieldReader fields(item);
    fields.required("nation", base.nation, nation(scenario));
    const auto at = read_lat_lon(item);
    if (id && fields.ok() && at) {
      base.id = *id;
      base.at = *at;
      scenario.bases.push_back(std::move(base));
    } else if (id) {
      mark_broken(item, "base", *id);
      mark_broken(item, "place", *id);
    }
  }
}

}  // namespace hotline::scenarios::detail

namespace hotline::scenarios::detail {

namespace {

// The land's rings in the frame's plane, and the box of the plane the map
// covers: the land's coverage, as far as the projection is good for
// (the places of a scenario lie within max_radius of the centre; ships may
// stray a little beyond).
agents::LandMap build_land_map(const LandData& land, const agents::Projection& projection,
                               double max_radius_km, double cell_km) {
  std::vector<agents::LandRing> rings;
  rings.reserve(land.rings.size());
  for (const auto& ring : land.rings) {
    agents::LandRing r;
    r.reserve(ring.size());
    for (const GeoPoint& p : ring)
      r.push_back(projection.to_plane({p.lat_deg, p.lon_deg}));
    rings.push_back(std::move(r));
  }
  // The coverage's outline, sampled densely enough that its curved image in
  // the plane is boxed.
  const GeoBox& c = land.coverage;
  agents::PlanePoint lo{1e300, 1e300};
  agents::PlanePoint hi{-1e300, -1e300};
  constexpr int kSamples = 256;
  for (int i = 0; i <= kSamples; ++i) {
    const double t = static_cast<double>(i) / kSamples;
    const double lat = c.south + t * (c.north - c.south);
    const double lon = c.west + t * (c.east - c.west);
    for (const agents::LatLon at : {agents::LatLon{lat, c.west}, agents::LatLon{lat, c.east},
                                    agents::LatLon{c.south, lon}, agents::LatLon{c.north, lon}}) {
      const agents::PlanePoint p = projection.to_plane(at);
      lo = {std::min(lo.x_km, p.x_km), std::min(lo.y_km, p.y_km)};
      hi = {std::max(hi.x_km, p.x_km), std::max(hi.y_km, p.y_km)};
    }
  }
  const double reach = max_radius_km + 300.0;
  lo = {std::max(lo.x_km, -reach), std::max(lo.y_km, -reach)};
  hi = {std::min(hi.x_km, reach), std::min(hi.y_km, reach)};
  return agents::LandMap(rings, lo, hi, cell_km);
}

// The last few land maps built, by what they are a pure function of: the
// land's text (its hash), the frame's centre and the cell size. Loading the
// same scenario again (a sweep's workers, a test suite, the fuzzer) then
// costs no rebuild: about 0.1 s for the built-in land. A handful of maps is
// kept, a few MB each; the map is immutable, so sharing it is safe.
std::shared_ptr<const agents::LandMap> cached_land_map(const LandData& land,
                                                       const std::string& land_hash,
                                                       const GeoPoint& centre,
                                                       const agents::Projection& projection,
                                                       double max_radius_km, double cell_km) {
  struct Entry {
    std::string land_hash;
    double lat_deg;
    double lon_deg;
    double cell_km;
    std::shared_ptr<const agents::LandMap> map;
  };
  constexpr std::size_t kKept = 4;
  static std::mutex mutex;
  static std::deque<Entry> recent;  // most recent first
  const auto same = [&](const Entry& e) {
    return e.land_hash == land_hash && e.lat_deg == centre.lat_deg && e.lon_deg == centre.lon_deg
           && e.cell_km == cell_km;
  };
  {
    const std::scoped_lock lock(mutex);
    if (const auto hit = std::find_if(recent.begin(), recent.end(), same); hit != recent.end()) {
      return hit->map;
    }
  }
  auto map = std::make_shared<const agents::LandMap>(
      build_land_map(land, projection, max_radius_km, cell_km));
  const std::scoped_lock lock(mutex);
  recent.push_front({land_hash, centre.lat_deg, centre.lon_deg, cell_km, map});
  if (recent.size() > kKept) recent.pop_back();
  return map;
}

std::string scenario_directory(const std::string& file) {
  const std::filesystem::path parent = std::filesystem::path(file).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace

namespace {

// A land file's text and content, read from `path` (relative to the
// scenario's folder), or nothing (said at `at`): a regular file of a sane
// size that loads as land.
std::optional<std::pair<std::string, LandData>> read_land_file(std::string& path, const Value& at) {
  std::filesystem::path file(path);
  if (file.is_relative())
    file = std::filesystem::path(scenario_directory(at.context().file)) / file;
  path = std::filesystem::absolute(file).lexically_normal().string();
  std::string text;
  try {
    text = read_input_file(path);
  } catch (const InputFileError& e) {
    at.error(
        fmt::format("cannot read the land file {}: {} (the built-in land is '{}'; '{}' means "
                    "open sea)",
                    path, e.reason(), kBuiltinLand, kNoLand));
    return std::nullopt;
  }
  try {
    LandData land = load_land_text(text, path);
    return std::make_pair(std::move(text), std::move(land));
  } catch (const ScenarioError& e) {
    for (const Diagnostic& d : e.diagnostics())
      at.context().diagnostics.add(d.where, d.key_path, d.message);
    at.error(fmt::format("the land file {} is not valid (its problems are listed under its name)",
                         path));
    return std::nullopt;
  }
}

// The `geography` keys: which land, its expected hash, the land map's cell.
void read_geography_keys(const std::optional<Value>& value, Geography& g,
                         std::optional<Value>& land_value, std::optional<Value>& hash_value) {
  if (!value || !value->expect_map({"land", "land_hash", "land_cell"})) return;
  if (auto land = value->optional("land")) {
    land_value.emplace(*land);
    if (auto text = land->text()) g.land = *text;
  }
  if (auto hash = value->optional("land_hash")) hash_value.emplace(*hash);
  FieldReader fields(*value);
  fields.optional("land_cell", g.land_cell_km, [](const Value& cell) {
    auto km = cell.quantity(Dimension::length);
    if (km && (*km < 0.1 || *km > 50.0)) {
      cell.error("the land map's cell is between 100 m and 50 km");
      return std::optional<double>{};
    }
    return km;
  });
}

}  // namespace

Geography read_geography(const std::optional<Value>& value, const Value& frame_value,
                         const Frame& frame) {
  Geography g;
  g.land = std::string(kBuiltinLand);
  g.land_cell_km = defaults::kLandCellKm;
  std::optional<Value> land_value;
  std::optional<Value> hash_value;
  read_geography_keys(value, g, land_value, hash_value);
  const Value& at = land_value ? *land_value : frame_value;
  const agents::Projection projection({frame.centre.lat_deg, frame.centre.lon_deg});
  g.max_radius_km = projection.radius_for_max_error_km();
  if (g.land == kNoLand) {
    // Open sea everywhere: synthetic worlds and tests.
    g.coverage = GeoBox{-180.0, -90.0, 180.0, 90.0};
    g.land_map = std::make_shared<const agents::LandMap>();
    g.land_rings = std::make_shared<const std::vector<std::vector<GeoPoint>>>();
    return g;
  }
  LandData land;
  if (g.land == kBuiltinLand) {
    // Hashed once: every load of a scenario on the built-in land (each
    // design point of an experiment) would hash its 2 MB again.
    static const std::string builtin_hash = land_text_hash(builtin_land_text());
    g.land_hash = builtin_hash;
    land = builtin_land();
  } else {
    auto read = read_land_file(g.land, at);
    if (!read) return g;
    g.land_hash = land_text_hash(read->first);
    land = std::move(read->second);
  }
  if (hash_value) {
    if (auto expected = hash_value->text(); expected && *expected != g.land_hash) {
      hash_value->error(fmt::format(
          "the land has changed: its text hashes to {}, the scenario was resolved with {}",
          g.land_hash, *expected));
    }
  }
  g.coverage = land.coverage;
  if (!g.coverage.contains(frame.centre)) {
    frame_value.error(fmt::format(
        "the frame's centre lies outside the land's coverage (longitude {} to {}, latitude {} "
        "to {})",
        g.coverage.west, g.coverage.east, g.coverage.south, g.coverage.north));
    return g;
  }
  g.land_rings = std::make_shared<const std::vector<std::vector<GeoPoint>>>(land.rings);
  g.land_map =
      cached_land_map(land, g.land_hash, frame.centre, projection, g.max_radius_km, g.land_cell_km);
  return g;
}

void check_place(const Value& value, const GeoPoint& p, double radius_km) {
  const ReadContext& context = value.context();
  if (context.geography == nullptr || context.frame == nullptr) return;
  const Geography& g = *context.geography;
  if (!g.land_map) return;
  if (!g.coverage.contains(p)) {
    value.error(fmt::format(
        "({}, {}) lies outside the land's coverage (longitude {} to {}, latitude {} to {})",
        p.lat_deg, p.lon_deg, g.coverage.west, g.coverage.east, g.coverage.south,
        g.coverage.north));
    return;
  }
  const double km = great_circle_km(context.frame->centre, p) + radius_km;
  if (km > g.max_radius_km) {
    value.error(fmt::format(
        "this place reaches {:.0f} km from the frame's centre; beyond {:.0f} km distances in "
        "the plane are off by more than 0.5%: move frame.centre towards the middle of the "
        "scenario, or split it",
        km, g.max_radius_km));
  }
}

}  // namespace hotline::scenarios::detail
