// Reads the "coordinates" array of a Polygon or MultiPolygon straight from
// the land file's text into rings, checking it as the rest of the file is
// checked (file:line:column and the key path of every problem), without a
// node tree (geojson_layout.hpp says why).
#pragma once

#include <string>
#include <string_view>

#include "geojson_layout.hpp"
#include "hotline/scenarios/land_file.hpp"
#include "yaml_value.hpp"

namespace hotline::scenarios::detail {

struct CoordinatesText {
  std::string_view text;  // the whole file
  TextSpan span;          // the array
  const LineIndex* lines;
};

// Appends the rings of a Polygon (or of every polygon of a MultiPolygon)
// whose coordinates are `coordinates`, reporting problems under `path`
// ("features[3].geometry.coordinates"). Rings with a problem are left out.
void read_polygon_text(const CoordinatesText& coordinates, const std::string& path,
                       ReadContext& context, LandData& land);
void read_multipolygon_text(const CoordinatesText& coordinates, const std::string& path,
                            ReadContext& context, LandData& land);

}  // namespace hotline::scenarios::detail
