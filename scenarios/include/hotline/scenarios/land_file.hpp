// Land files: the coastlines a scenario's ships keep off, as GeoJSON.
//
// A land file is a GeoJSON FeatureCollection of Polygon and MultiPolygon
// features in degrees ([lon, lat], WGS 84) with a `bbox` [west, south, east,
// north] that says where it is complete: a scenario must lie inside it.
// Hotline carries the land of its shipped scenarios built in
// (scenarios/land/east_asia_10m.geojson: Natural Earth 1:10m with the small
// islands moved to their surveyed positions; docs/geography.md); a scenario
// may name another file. A problem is reported at its line and column, with
// its key path. Plain JSON is read in pieces: the collection and each
// feature with the scenario loader's YAML reader (JSON is YAML), the
// coordinates straight from the text into rings, so that a big file never
// becomes a node tree; a file written in YAML's own style is read whole. The
// two readings give the same land and the same messages (tests/
// test_land_file.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hotline/scenarios/geography.hpp"

namespace hotline::scenarios {

struct LandData {
  GeoBox coverage;
  // Every ring of every polygon, outlines and holes alike, without the
  // closing repeat of the first position: a point is on land when it is
  // inside an odd number of rings.
  std::vector<std::vector<GeoPoint>> rings;
  std::size_t vertex_count() const;
  bool operator==(const LandData&) const = default;
};

// The name of the built-in land, the default of a scenario's geography.land.
inline constexpr std::string_view kBuiltinLand = "east_asia_10m";
// geography.land: none — no land at all (fictional or synthetic worlds).
inline constexpr std::string_view kNoLand = "none";

// Parses GeoJSON text; `file` names it in diagnostics. Throws ScenarioError
// with every problem found.
[[nodiscard]] LandData load_land_text(std::string_view text, const std::string& file);
// Reads and parses a file; an unreadable file is a ScenarioError too.
[[nodiscard]] LandData load_land_file(const std::string& path);
// The built-in land (parsed once, then shared).
[[nodiscard]] const LandData& builtin_land();
// The built-in file's text, as committed.
[[nodiscard]] std::string_view builtin_land_text();
// FNV-1a 64 of a text as 16 hex digits (the land's fingerprint).
[[nodiscard]] std::string land_text_hash(std::string_view text);

}  // namespace hotline::scenarios
