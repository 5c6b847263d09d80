// Land files are read in pieces (the coordinates straight from the text,
// scenarios/src/geojson_layout.hpp) when the text is plain JSON, and whole
// as YAML otherwise. Both readings must give the same land and the same
// messages: a YAML comment at the end of the last line (which the piecewise
// scan does not follow) forces the whole reading without moving any line or
// column.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "geojson_layout.hpp"
#include "hotline/scenarios/diagnostics.hpp"
#include "hotline/scenarios/land_file.hpp"

using namespace hotline::scenarios;

namespace {

std::string whole(std::string text) {
  while (!text.empty() && text.back() == '\n')
    text.pop_back();
  return text + " # read whole\n";
}

std::string errors_of(const std::string& text) {
  try {
    (void)load_land_text(text, "land.geojson");
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "loaded";
}

const std::string kHead =
    "{\"type\": \"FeatureCollection\", \"bbox\": [120, 20, 130, 30], \"features\": [\n";

std::string collection(const std::string& features) {
  return kHead + features + "\n]}\n";
}

std::string polygon(const std::string& coordinates) {
  return "  {\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Polygon\",\n"
         "   \"coordinates\": "
         + coordinates + "}}";
}

const std::string kSquare =
    "[[[123.4, 25.7], [123.5, 25.7], [123.5, 25.8], [123.4, 25.8], "
    "[123.4, 25.7]]]";

}  // namespace

TEST_CASE("the built-in land reads the same in pieces and whole", "[land][scenario]") {
  const std::string text(builtin_land_text());
  // It is read in pieces: the scan finds all 172 features and their
  // coordinates; with a comment it is not (and so is read whole).
  const auto layout = detail::scan_geojson_layout(text);
  REQUIRE(layout);
  CHECK(layout->items.size() == 172);
  for (const auto& item : layout->items) {
    REQUIRE(item.coordinates);
    CHECK(text[item.coordinates->begin] == '[');
    CHECK(text[item.coordinates->end - 1] == ']');
    CHECK(text[item.feature.begin] == '{');
  }
  CHECK_FALSE(detail::scan_geojson_layout(whole(text)));
  const LandData pieces = load_land_text(text, "east_asia_10m.geojson");
  const LandData all = load_land_text(whole(text), "east_asia_10m.geojson");
  CHECK(pieces.vertex_count() > 10000);
  CHECK(pieces == all);
  CHECK(pieces == builtin_land());
}

TEST_CASE("polygons, multipolygons and holes read the same in pieces and whole",
          "[land][scenario]") {
  const std::string text = collection(
      polygon("[[[121, 21], [122, 21], [122, 22], [121, 21]],\n"
              "    [[121.2, 21.1], [121.5, 21.1], [121.5, 21.4], [121.2, 21.1]]]")
      + ",\n  {\"type\": \"Feature\", \"geometry\": {\"coordinates\": [" + kSquare
      + ", [[[124, 24], [125, 24], [125, 25], [124, 24]]]], \"type\": \"MultiPolygon\"}}");
  const LandData pieces = load_land_text(text, "l.geojson");
  CHECK(pieces.rings.size() == 4);
  CHECK(pieces.vertex_count() == 3 + 3 + 4 + 3);
  CHECK(pieces == load_land_text(whole(text), "l.geojson"));
}

TEST_CASE("mistakes in coordinates are named at their place, read either way", "[land][scenario]") {
  struct Case {
    std::string coordinates;
    std::string expected;  // the start of the message
  };
  const std::vector<Case> cases = {
      {"[[[123.4, 25.7], [123.5, 25.7], [123.5, 25.8], [123.4, 25.8]]]",
       "land.geojson:3:20: features[0].geometry.coordinates[0]: a ring has at least 4 positions "
       "and ends where it starts"},
      {"[[[123.4, 25.7], [123.5, 25.7, 0], [123.5, 25.8], [123.4, 25.7]]]",
       "land.geojson:3:36: features[0].geometry.coordinates[0][1]: a position is [lon, lat], got "
       "3 numbers"},
      {"[[[123.4, 25.7], [123.5, 95.7], [123.5, 25.8], [123.4, 25.7]]]",
       "land.geojson:3:44: features[0].geometry.coordinates[0][1][1]: 95.7 is outside [-90, 90]"},
      {"[[[123.4, 25.7], [123.5, \"x\"], [123.5, 25.8], [123.4, 25.7]]]",
       "land.geojson:3:44: features[0].geometry.coordinates[0][1][1]: expected a plain number, "
       "got"},
      {"[]",
       "land.geojson:3:19: features[0].geometry.coordinates: a polygon has at least one ring"},
      {"[[[123.4, 25.7], 5, [123.5, 25.8], [123.4, 25.7]]]",
       "land.geojson:3:36: features[0].geometry.coordinates[0][1]: expected a list, got a single "
       "value"},
      {"[[[123.4, [25.7]], [123.5, 25.7], [123.5, 25.8], [123.4, 25.7]]]",
       "land.geojson:3:29: features[0].geometry.coordinates[0][0][1]: expected a number, got a "
       "list"},
  };
  for (const Case& c : cases) {
    const std::string text = collection(polygon(c.coordinates));
    INFO(c.coordinates);
    const std::string pieces = errors_of(text);
    CHECK(pieces.rfind(c.expected, 0) == 0);
    CHECK(errors_of(whole(text)).rfind(c.expected, 0) == 0);
  }
}

TEST_CASE("a land file that is not JSON is named at its place", "[land][scenario]") {
  // A missing comma inside the coordinates: the piecewise reader finds it.
  const std::string text =
      collection(polygon("[[[123.4, 25.7] [123.5, 25.7], [123.5, 25.8], [123.4, 25.7]]]"));
  CHECK(errors_of(text).rfind("land.geojson:3:35: not valid JSON", 0) == 0);
  CHECK(errors_of(whole(text)).rfind("land.geojson:3:", 0) == 0);
  // Outside the coordinates the YAML reader finds it, at its place in the file.
  const std::string broken_feature =
      collection(polygon(kSquare) + ",\n  {\"type\": \"Feature\" \"geometry\": {}}");
  CHECK(errors_of(broken_feature).rfind("land.geojson:4:22: not valid JSON", 0) == 0);
  CHECK(errors_of(whole(broken_feature)).rfind("land.geojson:4:22: not valid JSON", 0) == 0);
  // Every feature's own mistakes are reported at its line, after another
  // feature on the same line.
  const std::string two_on_a_line = collection(
      polygon(kSquare) + ", {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
                         "\"coordinates\": [1, 2]}}");
  const std::string expected =
      "land.geojson:3:141: features[1].geometry.type: land is Polygon or MultiPolygon geometry, "
      "not \"Point\"";
  CHECK(errors_of(two_on_a_line).rfind(expected, 0) == 0);
  CHECK(errors_of(whole(two_on_a_line)).rfind(expected, 0) == 0);
}

TEST_CASE("every one-character change of a land file reads the same in pieces and whole",
          "[land][scenario]") {
  const std::string text =
      collection(polygon(kSquare) + ",\n  {\"type\": \"Feature\", \"geometry\": {\"type\": "
                                    "\"MultiPolygon\", \"coordinates\": [[[[121, 21], [122, 21], "
                                    "[122, 22], [121, 21]]]]}}");
  const std::string replacements = "[]{},:\"\\ x1\n-";
  int both_loaded = 0;
  int both_refused = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    for (const char c : replacements) {
      std::string changed = text;
      changed[at] = c;
      INFO("offset " << at << " set to '" << c << "'");
      std::optional<LandData> pieces;
      std::optional<LandData> all;
      try {
        pieces = load_land_text(changed, "l.geojson");
      } catch (const ScenarioError&) {
      }
      try {
        all = load_land_text(whole(changed), "l.geojson");
      } catch (const ScenarioError&) {
      }
      REQUIRE(pieces.has_value() == all.has_value());
      if (pieces) {
        CHECK(*pieces == *all);
        ++both_loaded;
      } else {
        ++both_refused;
      }
    }
  }
  CHECK(both_loaded > 100);
  CHECK(both_refused > 1000);
}
