// The geography section and the land checks of the loader, as text: the
// built-in land, a land file of one's own and every way one can be wrong,
// places beyond the land's coverage or the projection's reach, ship bases
// and routes on land, zones drawn from the coast.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "hotline/scenarios/land_file.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/world_builder.hpp"

using namespace hotline::scenarios;
namespace fs = std::filesystem;

namespace {

constexpr const char* kHead =
    "name: geography\n"
    "frame: {centre: {lat: 25.74, lon: 123.47}}\n"
    "nations:\n"
    "  - {id: japan, relations: {china: rival}}\n"
    "  - {id: china, relations: {japan: rival}}\n";

std::string errors_of(const std::string& yaml, const std::string& file = "g.yaml") {
  try {
    (void)load_scenario_text(yaml, file);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "loaded";
}

// A directory of its own with a scenario file's neighbours in it.
fs::path fresh_directory(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("hotline_geography_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

constexpr const char* kSmallLand =
    "{\"type\": \"FeatureCollection\", \"bbox\": [120, 20, 130, 30],\n"
    " \"features\": [{\"type\": \"Feature\", \"properties\": {},\n"
    "   \"geometry\": {\"type\": \"Polygon\",\n"
    "     \"coordinates\": [[[123.4, 25.7], [123.5, 25.7], [123.5, 25.8], [123.4, 25.8], "
    "[123.4, 25.7]]]}}]}\n";

}  // namespace

TEST_CASE("the built-in land is the default, and loads once", "[geography][scenario]") {
  const Scenario s = load_scenario_text(kHead, "g.yaml");
  CHECK(s.geography.land == "east_asia_10m");
  CHECK(s.geography.land_hash == land_text_hash(builtin_land_text()));
  CHECK(s.geography.coverage == GeoBox{114, 18, 136, 36});
  REQUIRE(s.geography.land_map);
  CHECK(s.geography.land_map->has_land());
  CHECK(builtin_land().rings.size() == 172);
  CHECK(&builtin_land() == &builtin_land());
}

TEST_CASE("a land file of one's own, next to the scenario", "[geography][scenario]") {
  const fs::path dir = fresh_directory("own");
  write(dir / "island.geojson", kSmallLand);
  const std::string yaml = std::string(kHead) + "geography: {land: island.geojson}\n";
  const Scenario s = load_scenario_text(yaml, (dir / "s.yaml").string());
  CHECK(s.geography.land == (dir / "island.geojson").string());
  CHECK(s.geography.coverage == GeoBox{120, 20, 130, 30});
  const auto spec = build_world_spec(s);
  CHECK(spec.land->on_land(spec.projection.to_plane({25.75, 123.45})));
  CHECK_FALSE(spec.land->on_land(spec.projection.to_plane({25.9, 123.45})));
  // A resolved scenario pins the land it ran on: a changed file is refused.
  const std::string pinned = std::string(kHead) + "geography: {land: island.geojson, land_hash: '"
                             + s.geography.land_hash + "'}\n";
  CHECK(errors_of(pinned, (dir / "s.yaml").string()) == "loaded");
  write(dir / "island.geojson", std::string(kSmallLand) + " ");
  CHECK(errors_of(pinned, (dir / "s.yaml").string()).find("the land has changed")
        != std::string::npos);
}

TEST_CASE("land files that are missing, broken or too small are named", "[geography][scenario]") {
  const fs::path dir = fresh_directory("bad");
  const std::string scenario = (dir / "s.yaml").string();
  auto with_land = [&](const std::string& name) {
    return std::string(kHead) + "geography: {land: " + name + "}\n";
  };
  CHECK(errors_of(with_land("nowhere.geojson"), scenario)
        == scenario + ":6:19: geography.land: cannot read the land file "
               + (dir / "nowhere.geojson").string()
               + ": no such file (the built-in land is 'east_asia_10m'; 'none' means open sea)");
  // A directory or a device is no land file (and /dev/zero is not read for ever).
  CHECK(errors_of(with_land(dir.string()), scenario).find("is a directory, not a file")
        != std::string::npos);
  CHECK(errors_of(with_land("/dev/zero"), scenario)
            .find("cannot read the land file /dev/zero: is a device; hotline reads only regular "
                  "files")
        != std::string::npos);
  write(dir / "broken.geojson", "{\"type\": \"FeatureCollection\", \"bbox\": [120, 20,\n");
  CHECK(errors_of(with_land("broken.geojson"), scenario)
            .find((dir / "broken.geojson").string()
                  + ":2:1: not valid JSON: end of sequence flow not found")
        == 0);
  write(dir / "points.geojson",
        "{\"type\": \"FeatureCollection\", \"bbox\": [120, 20, 130, 30], \"features\": [\n"
        "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [1, "
        "2]}}]}\n");
  CHECK(errors_of(with_land("points.geojson"), scenario)
            .find((dir / "points.geojson").string()
                  + ":2:44: features[0].geometry.type: land is Polygon or MultiPolygon geometry, "
                    "not \"Point\"")
        == 0);
  // A land that does not reach the frame, or a place of the scenario.
  write(dir / "far.geojson",
        "{\"type\": \"FeatureCollection\", \"bbox\": [100, 0, 110, 10], \"features\": []}\n");
  CHECK(errors_of(with_land("far.geojson"), scenario)
        == scenario + ":2:8: frame: the frame's centre lies outside the land's coverage (longitude 100 "
                      "to 110, latitude 0 to 10)");
  write(dir / "island.geojson", kSmallLand);
  CHECK(errors_of(with_land("island.geojson") + "points:\n  - {id: p, lat: 31, lon: 123}\n", scenario)
        == scenario + ":8:5: points[0]: (31, 123) lies outside the land's coverage (longitude 120 "
                      "to 130, latitude 20 to 30)");
}

TEST_CASE("places beyond the projection's reach are refused", "[geography][scenario]") {
  CHECK(errors_of(std::string(kHead) + "points:\n  - {id: far, lat: 35.9, lon: 123.47}\n")
        == "g.yaml:7:5: points[0]: this place reaches 1130 km from the frame's centre; beyond 1099 km "
           "distances in the plane are off by more than 0.5%: move frame.centre towards the "
           "middle of the scenario, or split it");
}

TEST_CASE("ships keep off land: bases, waypoints, legs, areas", "[geography][scenario]") {
  const std::string head = std::string(kHead)
                           + "bases:\n"
                             "  - {id: naha_airport, nation: japan, lat: 26.196, lon: 127.646}\n"
                             "  - {id: off_naha, nation: japan, lat: 26.22, lon: 127.64}\n"
                             "classes:\n"
                             "  - {id: cutter, kind: ship, role: coast_guard, cruise_speed: 15 kn, "
                             "max_speed: 25 kn, sensor_range: 20 km}\n"
                             "zones:\n"
                             "  - {id: okinawa, kind: patrol_area, polygon: [[26.60, 127.975], "
                             "[26.61, 127.98], [26.60, 127.985]]}\n"
                             "forces:\n";
  CHECK(errors_of(head
                  + "  - {id: a, nation: japan, class: cutter, count: 1, base: naha_airport, "
                    "mission: {type: respond}}\n")
        == "g.yaml:14:59: forces[0].base: base 'naha_airport' is on land: a ship's base is at "
           "sea (its harbour's entrance)");
  CHECK(errors_of(head
                  + "  - {id: a, nation: japan, class: cutter, count: 1, base: off_naha, "
                    "mission: {type: route, loop: false, waypoints: [off_naha, {lat: 26.5, lon: 128.3}]}}\n")
        == "g.yaml:14:127: forces[0].mission.waypoints[1]: the leg from waypoint 0 to waypoint 1 "
           "crosses land: add a waypoint to go round it");
  CHECK(errors_of(head
                  + "  - {id: a, nation: japan, class: cutter, count: 1, mission: {type: route, "
                    "waypoints: [{lat: 25.74, lon: 123.467}]}}\n")
        == "g.yaml:14:88: forces[0].mission.waypoints[0]: this waypoint is on land: a ship cannot "
           "sail to it");
  CHECK(errors_of(head
                  + "  - {id: a, nation: japan, class: cutter, count: 1, mission: {type: patrol, "
                    "area: okinawa}}\n")
        == "g.yaml:14:83: forces[0].mission.area: zone 'okinawa' is all land: ships cannot patrol "
           "it");
}

TEST_CASE("a territorial sea drawn from the Senkaku islands", "[geography][scenario]") {
  const Scenario s = load_scenario_text(
      std::string(kHead)
          + "zones:\n"
            "  - id: senkaku_territorial_sea\n"
            "    kind: territorial_sea\n"
            "    owner: japan\n"
            "    from_land: {near: {circle: {centre: {lat: 25.8, lon: 123.55}, radius: 40 km}}}\n",
      "g.yaml");
  REQUIRE(s.zones[0].from_land);
  // The Uotsuri group's six islands and Kuba-jima (two outlines in Natural
  // Earth); not Taisho-jima, 103 km east.
  CHECK(s.zones[0].from_land->rings.size() == 8);
  CHECK(s.zones[0].from_land->distance_km == Approx(22.224));
  const auto spec = build_world_spec(s);
  const auto& belt = spec.zones[0].shape;
  auto at = [&](double lat, double lon) { return spec.projection.to_plane({lat, lon}); };
  CHECK(belt.contains(at(25 + 44.0 / 60, 123 + 28.0 / 60)));     // Uotsuri-jima
  CHECK(belt.contains(at(25.74 + 20.0 / 111.2, 123.47)));        // 20 km north of it
  CHECK_FALSE(belt.contains(at(25.74, 123.47 - 25.0 / 100.3)));  // 25 km west
  CHECK_FALSE(belt.contains(at(25.92, 124.55)));                 // Taisho-jima
  // Explained and reloaded: the same zone.
  CHECK(load_scenario_text(explain_scenario(s), "explained.yaml") == s);
  // Mistakes.
  CHECK(errors_of(std::string(kHead)
                  + "zones:\n  - {id: z, kind: territorial_sea, from_land: {near: {circle: "
                    "{centre: {lat: 27, lon: 126}, radius: 10 km}}}}\n")
        == "g.yaml:7:54: zones[0].from_land.near: no land lies wholly inside this area (the land "
           "is 'east_asia_10m')");
  CHECK(errors_of(std::string(kHead)
                  + "zones:\n  - {id: z, kind: adiz, from_land: {near: {circle: {centre: {lat: "
                    "25.8, lon: 123.55}, radius: 40 km}}}}\n")
        == "g.yaml:7:36: zones[0].from_land: missing required key 'distance': only territorial "
           "seas (12 nmi) and contiguous zones (24 nmi) have a default, not a adiz");
}
