// Where the parts of a GeoJSON land file lie in its text.
//
// One scan of the JSON structure (strings, brackets, braces, colons and
// commas), building nothing, finds the top-level "features" array, each
// feature in it, and each feature's geometry "coordinates" array. The land
// reader (land_file.cpp) then reads the parts one at a time, so that the
// coordinates never become a yaml-cpp node tree: at about 370 bytes a node,
// the built-in land's 11,434 positions cost 12.8 MB of peak memory that way,
// several times what a run's 3,098 platforms need.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace hotline::scenarios::detail {

// [begin, end) in the text, brackets or braces included.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct FeatureLayout {
  TextSpan feature;
  std::optional<TextSpan> coordinates;  // when the geometry has an array there
};

struct GeoJsonLayout {
  TextSpan features;  // the array
  std::vector<FeatureLayout> items;
};

// The layout of a text that is a JSON object whose "features" member is an
// array of objects; nullopt for anything the scan cannot follow (YAML
// written otherwise, a comment, a feature that is not an object, unbalanced
// brackets), which the reader then reads whole as before.
[[nodiscard]] std::optional<GeoJsonLayout> scan_geojson_layout(std::string_view text);

// Line and column (both from 1, columns in bytes) of an offset in a text.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  [[nodiscard]] int line_of(std::size_t offset) const;
  [[nodiscard]] int column_of(std::size_t offset) const;

 private:
  std::vector<std::size_t> line_starts_;
};

}  // namespace hotline::scenarios::detail
