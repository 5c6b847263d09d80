#include "hotline/scenarios/land_file.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <fstream>
#include <sstream>

#include "hotline/scenarios/diagnostics.hpp"
#include "yaml_value.hpp"

namespace hotline::scenarios {

namespace {

using detail::ReadContext;
using detail::Value;

// [lon, lat], as GeoJSON orders them.
std::optional<GeoPoint> read_position(const Value& value) {
  const auto pair = value.items();
  if (!pair) return std::nullopt;
  if (pair->size() != 2) {
    value.error(fmt::format("a position is [lon, lat], got {} numbers", pair->size()));
    return std::nullopt;
  }
  const auto lon = (*pair)[0].number(-180.0, 180.0);
  const auto lat = (*pair)[1].number(-90.0, 90.0);
  if (!lon || !lat) return std::nullopt;
  return GeoPoint{*lat, *lon};
}

// A GeoJSON linear ring: at least four positions, the last equal to the
// first (dropped here).
void read_ring(const Value& value, LandData& land) {
  const auto positions = value.items();
  if (!positions) return;
  std::vector<GeoPoint> ring;
  for (const Value& p : *positions) {
    if (auto point = read_position(p)) ring.push_back(*point);
  }
  if (ring.size() != positions->size()) return;
  if (ring.size() < 4 || !(ring.front() == ring.back())) {
    value.error("a ring has at least 4 positions and ends where it starts");
    return;
  }
  ring.pop_back();
  land.rings.push_back(std::move(ring));
}

void read_polygon(const Value& value, LandData& land) {
  if (auto rings = value.items()) {
    if (rings->empty()) value.error("a polygon has at least one ring");
    for (const Value& ring : *rings)
      read_ring(ring, land);
  }
}

void read_feature(const Value& feature, LandData& land) {
  if (!feature.expect_map({"type", "properties", "geometry", "id", "bbox"})) return;
  if (auto type = feature.required("type"); type && type->text() != "Feature") {
    type->error("a feature's type is \"Feature\"");
  }
  const auto geometry = feature.required("geometry");
  if (!geometry || !geometry->expect_map({"type", "coordinates", "bbox"})) return;
  const auto type = geometry->required("type");
  const auto coordinates = geometry->required("coordinates");
  if (!type || !coordinates) return;
  const auto kind = type->text();
  if (kind == "Polygon") {
    read_polygon(*coordinates, land);
  } else if (kind == "MultiPolygon") {
    if (auto polygons = coordinates->items()) {
      for (const Value& polygon : *polygons)
        read_polygon(polygon, land);
    }
  } else if (kind) {
    type->error(fmt::format("land is Polygon or MultiPolygon geometry, not \"{}\"", *kind));
  }
}

std::optional<GeoBox> read_coverage(const Value& value) {
  const auto numbers = value.items();
  if (!numbers) return std::nullopt;
  if (numbers->size() != 4) {
    value.error("bbox is [west, south, east, north]");
    return std::nullopt;
  }
  const auto west = (*numbers)[0].number(-180.0, 180.0);
  const auto south = (*numbers)[1].number(-90.0, 90.0);
  const auto east = (*numbers)[2].number(-180.0, 180.0);
  const auto north = (*numbers)[3].number(-90.0, 90.0);
  if (!west || !south || !east || !north) return std::nullopt;
  if (!(*west < *east && *south < *north)) {
    value.error("bbox is [west, south, east, north] with west < east and south < north");
    return std::nullopt;
  }
  return GeoBox{*west, *south, *east, *north};
}

}  // namespace

std::size_t LandData::vertex_count() const {
  std::size_t n = 0;
  for (const auto& ring : rings)
    n += ring.size();
  return n;
}

LandData load_land_text(std::string_view text, const std::string& file) {
  Diagnostics diagnostics;
  ReadContext context{file, diagnostics, {}};
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    diagnostics.add({file, std::max(1, e.mark.line + 1), std::max(1, e.mark.column + 1)}, "",
                    fmt::format("not valid JSON: {}", e.msg));
    throw ScenarioError(diagnostics.sorted());
  }
  LandData land;
  const Value top(root, "", context);
  if (!root.IsMap()) {
    diagnostics.add({file, 1, 1}, "", "a land file is a GeoJSON FeatureCollection");
  } else if (top.expect_map({"type", "bbox", "features", "hotline", "name", "crs"})) {
    if (auto type = top.required("type"); type && type->text() != "FeatureCollection") {
      type->error("a land file is a GeoJSON FeatureCollection");
    }
    if (auto bbox = top.required("bbox")) {
      if (auto coverage = read_coverage(*bbox)) land.coverage = *coverage;
    }
    if (auto features = top.required("features")) {
      if (auto items = features->items()) {
        for (const Value& feature : *items)
          read_feature(feature, land);
      }
    }
  }
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.sorted());
  return land;
}

LandData load_land_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Diagnostics diagnostics;
    diagnostics.add({path, 1, 1}, "", "cannot read the land file");
    throw ScenarioError(diagnostics.sorted());
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_land_text(text.str(), path);
}

std::string land_text_hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", h);
}

const LandData& builtin_land() {
  static const LandData land =
      load_land_text(builtin_land_text(), "scenarios/land/east_asia_10m.geojson (built in)");
  return land;
}

}  // namespace hotline::scenarios
