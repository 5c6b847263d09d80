#include "hotline/scenarios/land_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>

#include "geojson_coordinates.hpp"
#include "geojson_layout.hpp"
#include "hotline/scenarios/diagnostics.hpp"
#include "hotline/scenarios/input_file.hpp"
#include "yaml_value.hpp"

namespace hotline::scenarios {

namespace {

using detail::CoordinatesText;
using detail::FeatureLayout;
using detail::GeoJsonLayout;
using detail::LineIndex;
using detail::read_multipolygon_text;
using detail::read_polygon_text;
using detail::ReadContext;
using detail::scan_geojson_layout;
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

// `coordinates`: where the geometry's coordinates lie in the file, when
// they were left out of the feature's nodes (load_land_text).
void read_feature(const Value& feature, LandData& land,
                  const std::optional<CoordinatesText>& coordinates_text = std::nullopt) {
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
  if (coordinates_text && (kind == "Polygon" || kind == "MultiPolygon")) {
    if (kind == "Polygon") {
      read_polygon_text(*coordinates_text, coordinates->path(), coordinates->context(), land);
    } else {
      read_multipolygon_text(*coordinates_text, coordinates->path(), coordinates->context(), land);
    }
  } else if (kind == "Polygon") {
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

namespace {

// Parses YAML (JSON) text, reporting a syntax error at its place in the file
// (the text starts at the context's origin).
std::optional<YAML::Node> parse(const std::string& text, const ReadContext& context) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    const int line = context.line_origin + std::max(0, e.mark.line);
    const int column = (e.mark.line <= 0 ? context.column_origin : 0) + std::max(0, e.mark.column);
    context.diagnostics.add({context.file, line + 1, column + 1}, "",
                            fmt::format("not valid JSON: {}", e.msg));
    return std::nullopt;
  }
}

// The text with [begin, end) turned to spaces, its line breaks kept, so that
// everything after stays at its line and column.
void blank(std::string& text, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
  }
}

// The collection's own members; its features through read_features.
void read_collection(const YAML::Node& root, ReadContext& context, LandData& land,
                     const std::function<void(const Value&)>& read_features) {
  const Value top(root, "", context);
  if (!root.IsMap()) {
    context.diagnostics.add({context.file, 1, 1}, "", "a land file is a GeoJSON FeatureCollection");
    return;
  }
  if (!top.expect_map({"type", "bbox", "features", "hotline", "name", "crs"})) return;
  if (auto type = top.required("type"); type && type->text() != "FeatureCollection") {
    type->error("a land file is a GeoJSON FeatureCollection");
  }
  if (auto bbox = top.required("bbox")) {
    if (auto coverage = read_coverage(*bbox)) land.coverage = *coverage;
  }
  if (auto features = top.required("features")) read_features(*features);
}

// The whole text as one node tree (a file the layout scan cannot follow).
void read_whole(std::string_view text, ReadContext& context, LandData& land) {
  const auto root = parse(std::string(text), context);
  if (!root) return;
  read_collection(*root, context, land, [&](const Value& features) {
    if (auto items = features.items()) {
      for (const Value& feature : *items)
        read_feature(feature, land);
    }
  });
}

// The collection without its features, then each feature without its
// coordinates, then the coordinates from the text (geojson_layout.hpp).
void read_in_pieces(std::string_view text, const GeoJsonLayout& layout, ReadContext& context,
                    LandData& land) {
  std::string top(text);
  blank(top, layout.features.begin + 1, layout.features.end - 1);
  const auto root = parse(top, context);
  top = std::string();
  if (!root) return;
  const LineIndex lines(text);
  read_collection(*root, context, land, [&](const Value& features) {
    if (!features.items()) return;
    for (std::size_t i = 0; i < layout.items.size(); ++i) {
      const FeatureLayout& item = layout.items[i];
      std::string piece(text.substr(item.feature.begin, item.feature.end - item.feature.begin));
      if (item.coordinates) {
        blank(piece, item.coordinates->begin + 1 - item.feature.begin,
              item.coordinates->end - 1 - item.feature.begin);
      }
      ReadContext piece_context(context.file, context.diagnostics);
      piece_context.line_origin = lines.line_of(item.feature.begin) - 1;
      piece_context.column_origin = lines.column_of(item.feature.begin) - 1;
      const auto node = parse(piece, piece_context);
      if (!node) continue;
      std::optional<CoordinatesText> coordinates;
      if (item.coordinates) coordinates = CoordinatesText{text, *item.coordinates, &lines};
      read_feature(Value(*node, fmt::format("{}[{}]", features.path(), i), piece_context), land,
                   coordinates);
    }
  });
}

}  // namespace

LandData load_land_text(std::string_view text, const std::string& file) {
  Diagnostics diagnostics;
  ReadContext context(file, diagnostics);
  LandData land;
  if (const auto layout = scan_geojson_layout(text)) {
    read_in_pieces(text, *layout, context, land);
  } else {
    read_whole(text, context, land);
  }
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.sorted());
  return land;
}

LandData load_land_file(const std::string& path) {
  std::string text;
  try {
    text = read_input_file(path);
  } catch (const InputFileError& e) {
    Diagnostics diagnostics;
    diagnostics.add({path, 1, 1}, "", "cannot read the land file: " + e.reason());
    throw ScenarioError(diagnostics.sorted());
  }
  return load_land_text(text, path);
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
