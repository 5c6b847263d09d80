// Loading scenario files: values, defaults, and every diagnostic as exact
// text with file, line, column and key path.
#include <catch2/catch.hpp>
#include <numbers>
#include <string>

#include "hotline/scenarios/defaults.hpp"
#include "hotline/scenarios/scenario.hpp"

using namespace hotline::scenarios;

namespace {

// Two rival nations, for texts that test other sections.
constexpr const char* kNations =
    "nations:\n"
    "  - {id: japan, name: Japan, relations: {china: rival}}\n"
    "  - {id: china, name: China, relations: {japan: rival}}\n";

// These texts use made-up coordinates: they load on open sea
// (geography.land: none), said last so that the texts' line numbers stay.
constexpr const char* kOpenSea = "geography: {land: none}\n";

Scenario load_open_sea(const std::string& yaml, const std::string& file) {
  return load_scenario_text(yaml + kOpenSea, file);
}

// Every diagnostic of a text that must fail, joined as ScenarioError prints.
std::string errors_of(const std::string& yaml) {
  try {
    // Texts without a frame test what comes before any place.
    if (yaml.find("frame:") == std::string::npos) {
      (void)load_scenario_text(yaml, "s.yaml");
    } else {
      (void)load_open_sea(yaml, "s.yaml");
    }
  } catch (const ScenarioError& e) {
    return e.what();
  }
  FAIL("the scenario loaded without error");
  return {};
}

}  // namespace

TEST_CASE("a minimal scenario loads, with defaults filled in", "[scenario]") {
  const Scenario s = load_open_sea(std::string("name: Senkaku patrols\n"
                                               "frame:\n"
                                               "  centre: {lat: 25.74, lon: 123.47}\n")
                                       + kNations,
                                   "s.yaml");
  CHECK(s.name == "Senkaku patrols");
  CHECK(s.frame.centre.lat_deg == 25.74);
  CHECK(s.frame.centre.lon_deg == 123.47);
  CHECK(s.time.dt_s == defaults::kTimeStepS);
  CHECK(s.time.horizon_s == defaults::kHorizonS);
}

TEST_CASE("time takes durations with units", "[scenario]") {
  const Scenario s = load_open_sea(
      std::string("name: x\nframe: {centre: {lat: 0, lon: 0}}\ntime: {dt: 2 min, horizon: 7 d}\n")
          + kNations,
      "s.yaml");
  CHECK(s.time.dt_s == 120.0);
  CHECK(s.time.horizon_s == 7 * 86400.0);
}

TEST_CASE("every problem is reported at once, in file order", "[scenario]") {
  CHECK(errors_of("name: x\n"
                  "frame:\n"
                  "  centre: {lat: 95, lon: 123.47}\n"
                  "time:\n"
                  "  dt: 60\n"
                  "  horizn: 30 d\n" +
                  std::string(kNations)) ==
        "s.yaml:3:17: frame.centre.lat: 95 is outside [-90, 90]\n"
        "s.yaml:5:7: time.dt: '60' needs a unit: a duration in s, min, h, d (for example '90 "
        "min')\n"
        "s.yaml:6:3: time: unknown key 'horizn' (did you mean 'horizon'?)");
}

TEST_CASE("structural mistakes are named", "[scenario]") {
  CHECK(errors_of(std::string("frame: {centre: {lat: 1, lon: 2}}\n") + kNations)
        == "s.yaml:1:1: missing required key 'name'");
  CHECK(errors_of("name: x\nframe: {centre: {lat: 1, lon: 2}}\n")
        == "s.yaml:1:1: missing required key 'nations'");
  CHECK(errors_of("frame: {centre: {lat: 1, lon: 2}}\n")
        == "s.yaml:1:1: missing required key 'name'\ns.yaml:1:1: missing required key 'nations'");
  CHECK(errors_of(std::string("name: x\nname: y\nframe: {centre: {lat: 1, lon: 2}}\n") + kNations)
        == "s.yaml:2:1: name: duplicate key");
  CHECK(errors_of(std::string("name: x\nframe: [1, 2]\n") + kNations)
        == "s.yaml:2:8: frame: expected a mapping of keys to values, got a list");
  CHECK(errors_of(std::string("name: x\nframe: {centre: {lat: 1}}\n") + kNations)
        == "s.yaml:2:17: frame.centre: missing required key 'lon'");
  CHECK(errors_of(std::string("name: [a, b]\nframe: {centre: {lat: 1, lon: 2}}\n") + kNations)
        == "s.yaml:1:7: name: expected a text value, got a list");
  CHECK(errors_of(std::string("name: x\nframe: {centre: {lat: north, lon: 2}}\n") + kNations)
        == "s.yaml:2:23: frame.centre.lat: expected a plain number, got 'north'");
  CHECK(errors_of(std::string("name: ''\nframe: {centre: {lat: 1, lon: 2}}\n") + kNations)
        == "s.yaml:1:7: name: the name must not be empty");
  CHECK(errors_of("- just\n- a list\n")
        == "s.yaml:1:1: expected a mapping of keys to values, got a list");
}

TEST_CASE("out-of-range times are refused", "[scenario]") {
  CHECK(errors_of(std::string("name: x\nframe: {centre: {lat: 1, lon: 2}}\ntime: {dt: -5 s}\n")
                  + kNations)
        == "s.yaml:3:12: time.dt: the time step must be positive");
  CHECK(errors_of(std::string(
                      "name: x\nframe: {centre: {lat: 1, lon: 2}}\ntime: {dt: 2 h, horizon: 1 h}\n")
                  + kNations)
        == "s.yaml:3:26: time.horizon: the horizon must be at least one time step (7200 s)");
  CHECK(errors_of(std::string("name: x\nframe: {centre: {lat: 1, lon: 2}}\ntime: {dt: 5 kn}\n") + kNations) ==
        "s.yaml:3:12: time.dt: '5 kn' is a speed, but a duration is needed here (units: s, min, "
        "h, d)");
}

TEST_CASE("files that are not YAML, empty or unreadable", "[scenario]") {
  CHECK(errors_of("name: [unclosed\n")
        == "s.yaml:2:1: not valid YAML: end of sequence flow not found");
  CHECK(errors_of("") == "s.yaml:1:1: the file is empty");
  CHECK(errors_of("# only a comment\n") == "s.yaml:1:1: the file is empty");
  try {
    (void)load_scenario_file("/nonexistent/scenario.yaml");
    FAIL("no error");
  } catch (const ScenarioError& e) {
    CHECK(std::string(e.what())
          == "/nonexistent/scenario.yaml:1:1: cannot read the file: no such file");
  }
}

TEST_CASE("nations and their relations", "[scenario]") {
  const Scenario s = load_open_sea(
      "name: x\n"
      "frame: {centre: {lat: 1, lon: 2}}\n"
      "nations:\n"
      "  - {id: japan, name: Japan, relations: {china: rival, united_states: ally}}\n"
      "  - {id: china, relations: {japan: rival, united_states: rival}}\n"
      "  - {id: united_states, name: United States,\n"
      "     relations: {japan: ally, china: rival}}\n"
      "  - {id: korea}\n",
      "s.yaml");
  REQUIRE(s.nations.size() == 4);
  CHECK(s.nations[1].name == "china");  // the id stands in for a missing name
  const auto japan = *s.nation_index("japan");
  const auto china = *s.nation_index("china");
  const auto us = *s.nation_index("united_states");
  const auto korea = *s.nation_index("korea");
  CHECK(s.relation(japan, china) == Relation::rival);
  CHECK(s.relation(china, japan) == Relation::rival);
  CHECK(s.relation(japan, us) == Relation::ally);
  CHECK(s.relation(us, china) == Relation::rival);
  CHECK(s.relation(korea, japan) == Relation::neutral);  // unstated: neutral
  CHECK(s.relation(japan, japan) == Relation::neutral);
  CHECK_FALSE(s.nation_index("taiwan").has_value());
}

TEST_CASE("nation mistakes are named", "[scenario]") {
  const std::string head = "name: x\nframe: {centre: {lat: 1, lon: 2}}\nnations:\n";
  CHECK(errors_of(head + "  - {id: japan}\n  - {id: japan}\n")
        == "s.yaml:5:10: nations[1].id: duplicate nation id 'japan'");
  CHECK(errors_of(head + "  - {id: Japan}\n") ==
        "s.yaml:4:10: nations[0].id: 'Japan' is not a valid id: use lower-case letters, digits "
        "and '_', starting with a letter");
  CHECK(errors_of(head + "  - {id: japan, relations: {chna: rival}}\n  - {id: china}\n")
        == "s.yaml:4:29: nations[0].relations.chna: unknown nation 'chna' (did you mean 'china'?)");
  CHECK(errors_of(head + "  - {id: japan, relations: {japan: ally}}\n")
        == "s.yaml:4:29: nations[0].relations.japan: a nation has no relation to itself");
  CHECK(errors_of(head +
                  "  - {id: japan, relations: {china: rivl}}\n"
                  "  - {id: china, relations: {japan: rival}}\n") ==
        "s.yaml:4:36: nations[0].relations.china: unknown relation 'rivl' (did you mean "
        "'rival'?)\n"
        "s.yaml:5:36: nations[1].relations.japan: china lists japan as rival, but japan does not "
        "list china: state the relation on both sides");
  CHECK(errors_of(head +
                  "  - {id: japan, relations: {china: rival}}\n"
                  "  - {id: china, relations: {japan: ally}}\n") ==
        "s.yaml:5:36: nations[1].relations.japan: china lists japan as ally, but japan lists "
        "china as rival: relations must agree");
  CHECK(errors_of(head + "  - {id: japan, relations: {china: rival}}\n  - {id: china}\n") ==
        "s.yaml:4:36: nations[0].relations.china: japan lists china as rival, but china does not "
        "list japan: state the relation on both sides");
  CHECK(errors_of(head + "  - {id: japan, flag: red}\n")
        == "s.yaml:4:17: nations[0]: unknown key 'flag'");
  CHECK(errors_of("name: x\nframe: {centre: {lat: 1, lon: 2}}\nnations: {japan: 1}\n")
        == "s.yaml:3:10: nations: expected a list, got a mapping");
}

namespace {
const std::string kZoneHead =
    std::string("name: x\nframe: {centre: {lat: 25.7, lon: 123.5}}\n") + kNations + "zones:\n";
// For the mistakes, zones about a made-up centre.
const std::string kMadeUpZoneHead =
    std::string("name: x\nframe: {centre: {lat: 1.0, lon: 2.0}}\n") + kNations + "zones:\n";
}  // namespace

TEST_CASE("zones: circles and polygons with owners", "[scenario]") {
  const Scenario s = load_open_sea(
      kZoneHead +
          "  - id: senkaku_ts\n"
          "    kind: territorial_sea\n"
          "    owner: japan\n"
          "    circle: {centre: {lat: 25.74, lon: 123.47}, radius: 12 nmi}\n"
          "  - id: exercise_box\n"
          "    kind: exercise_area\n"
          "    polygon: [[25, 124], [25, 125], [26, 125], [26, 124]]\n"
          "points:\n"
          "  - {id: uotsuri, lat: 25.74, lon: 123.47}\n"
          "bases:\n"
          "  - {id: naha, nation: japan, lat: 26.20, lon: 127.65}\n",
      "s.yaml");
  REQUIRE(s.zones.size() == 2);
  CHECK(s.zones[0].kind == ZoneKind::territorial_sea);
  CHECK(s.zones[0].owner == s.nation_index("japan"));
  CHECK(s.zones[0].is_circle);
  CHECK(s.zones[0].radius_km == Approx(22.224));
  CHECK_FALSE(s.zones[1].owner.has_value());
  CHECK_FALSE(s.zones[1].is_circle);
  CHECK(s.zones[1].vertices.size() == 4);
  REQUIRE(s.points.size() == 1);
  CHECK(s.points[0].at.lat_deg == 25.74);
  REQUIRE(s.bases.size() == 1);
  CHECK(s.bases[0].nation == *s.nation_index("japan"));
}

TEST_CASE("zone mistakes are named", "[scenario]") {
  auto zone_errors = [](const std::string& zones) { return errors_of(kMadeUpZoneHead + zones); };
  CHECK(zone_errors("  - {id: a, kind: adiz, owner: japn, circle: {centre: {lat: 1, lon: 2}, "
                    "radius: 5 km}}\n")
        == "s.yaml:7:32: zones[0].owner: unknown nation 'japn' (did you mean 'japan'?)");
  CHECK(zone_errors("  - {id: a, kind: aidz, circle: {centre: {lat: 1, lon: 2}, radius: 5 km}}\n")
        == "s.yaml:7:19: zones[0].kind: unknown zone kind 'aidz' (did you mean 'adiz'?)");
  CHECK(zone_errors("  - {id: a, kind: adiz, circle: {centre: {lat: 1, lon: 2}, radius: 12}}\n") ==
        "s.yaml:7:68: zones[0].circle.radius: '12' needs a unit: a length in m, km, nmi (for "
        "example '12 nmi')");
  CHECK(zone_errors("  - {id: a, kind: adiz, circle: {centre: {lat: 1, lon: 2}, radius: -3 km}}\n")
        == "s.yaml:7:68: zones[0].circle.radius: the radius must be positive");
  CHECK(zone_errors("  - {id: a, kind: adiz}\n")
        == "s.yaml:7:5: zones[0]: a zone needs a shape: 'circle', 'polygon' or 'from_land'");
  CHECK(zone_errors("  - {id: a, kind: adiz, polygon: [[1, 2], [2, 3]]}\n")
        == "s.yaml:7:34: zones[0].polygon: a polygon needs at least 3 vertices, got 2");
  CHECK(zone_errors("  - {id: a, kind: adiz, polygon: [[0, 0], [0, 1], [1, 0], [1, 1]]}\n") ==
        "s.yaml:7:34: zones[0].polygon: the polygon crosses itself: edge 1 (vertex 1 to 2) meets "
        "edge 3 (vertex 3 to 0)");
  CHECK(zone_errors("  - {id: a, kind: adiz, polygon: [[0, 0], [0, 1], [1]]}\n")
        == "s.yaml:7:51: zones[0].polygon[2]: a vertex is [lat, lon], got 1 numbers");
  CHECK(zone_errors("  - {id: a, kind: eez, circle: {centre: {lat: 1, lon: 2}, radius: 1 km}}\n"
                    "  - {id: a, kind: eez, circle: {centre: {lat: 1, lon: 2}, radius: 1 km}}\n")
        == "s.yaml:8:10: zones[1].id: duplicate zone id 'a'");
  CHECK(zone_errors("  - {id: a, kind: eez, circle: {centre: {lat: 1, lon: 2}, radius: 1 km},\n"
                    "     polygon: [[0, 0], [0, 1], [1, 1]]}\n")
        == "s.yaml:7:5: zones[0]: a zone is a circle, a polygon or from_land: one of them");
}

TEST_CASE("bases name their nation", "[scenario]") {
  CHECK(errors_of(std::string("name: x\nframe: {centre: {lat: 1, lon: 2}}\n") + kNations
                  + "bases:\n  - {id: ningbo, nation: prc, lat: 1.9, lon: 2.6}\n")
        == "s.yaml:7:26: bases[0].nation: unknown nation 'prc'");
}

namespace {
const std::string kClassHead =
    std::string("name: x\nframe: {centre: {lat: 25.7, lon: 123.5}}\n") + kNations + "classes:\n";
}  // namespace

TEST_CASE("platform classes", "[scenario]") {
  const Scenario s = load_open_sea(
      kClassHead +
          "  - {id: type054a, kind: ship, role: warship, cruise_speed: 18 kn, max_speed: 27 kn,\n"
          "     sensor_range: 40 km}\n"
          "  - {id: f15j, kind: aircraft, role: fighter, cruise_speed: 900 km/h,\n"
          "     max_speed: 2650 km/h, sensor_range: 150 km, endurance: 3 h, turnaround: 90 min}\n",
      "s.yaml");
  REQUIRE(s.classes.size() == 2);
  CHECK(s.classes[0].kind == PlatformKind::ship);
  CHECK(s.classes[0].role == Role::warship);
  CHECK(s.classes[0].cruise_speed_km_s == Approx(18 * 1.852 / 3600));
  CHECK(s.classes[0].endurance_s == 0.0);
  CHECK(s.classes[1].kind == PlatformKind::aircraft);
  CHECK(s.classes[1].max_speed_km_s == Approx(2650.0 / 3600));
  CHECK(s.classes[1].endurance_s == 3 * 3600.0);
  CHECK(s.classes[1].turnaround_s == 90 * 60.0);
}

TEST_CASE("class mistakes are named", "[scenario]") {
  auto class_errors = [](const std::string& classes) { return errors_of(kClassHead + classes); };
  const std::string ship = "  - {id: a, kind: ship, role: coast_guard, cruise_speed: 10 kn, ";
  CHECK(
      class_errors(ship + "max_speed: 5 kn, sensor_range: 20 km}\n")
      == "s.yaml:7:76: classes[0].max_speed: the maximum speed must be at least the cruise speed");
  CHECK(class_errors(ship + "max_speed: 20 kn, sensor_range: -1 km}\n")
        == "s.yaml:7:97: classes[0].sensor_range: the sensor range must be zero or more");
  CHECK(class_errors(ship + "max_speed: 20 kn, sensor_range: 20 km, endurance: 5 h}\n") ==
        "s.yaml:7:115: classes[0].endurance: 'endurance' is for aircraft; ships stay out as long "
        "as their mission lasts");
  CHECK(class_errors("  - {id: a, kind: ship, role: fighter, cruise_speed: 10 kn, max_speed: 20 "
                     "kn, sensor_range: 1 km}\n")
        == "s.yaml:7:31: classes[0].role: a fighter is an aircraft, not a ship");
  CHECK(class_errors("  - {id: a, kind: boat, role: warship, cruise_speed: 10 kn, max_speed: 20 "
                     "kn, sensor_range: 1 km}\n")
        == "s.yaml:7:19: classes[0].kind: unknown platform kind 'boat' (one of: ship, aircraft)");
  CHECK(class_errors("  - {id: a, kind: ship, role: coastguard, cruise_speed: 10 kn, max_speed: "
                     "20 kn, sensor_range: 1 km}\n")
        == "s.yaml:7:31: classes[0].role: unknown role 'coastguard' (did you mean 'coast_guard'?)");
  CHECK(class_errors("  - {id: a, kind: aircraft, role: uav, cruise_speed: 200 km/h, max_speed: "
                     "300 km/h, sensor_range: 50 km, turnaround: 1 h}\n")
        == "s.yaml:7:5: classes[0]: missing required key 'endurance'");
  CHECK(class_errors("  - {id: a, kind: ship, role: fishing, cruise_speed: 0 kn, max_speed: 8 kn, "
                     "sensor_range: 5 km}\n")
        == "s.yaml:7:54: classes[0].cruise_speed: the cruise speed must be positive");
}

namespace {
const std::string kParamHead =
    std::string("name: x\nframe: {centre: {lat: 25.7, lon: 123.5}}\n") + kNations;
std::size_t pair_index(Role a, Role b) {
  return static_cast<std::size_t>(a) * kRoleCount + static_cast<std::size_t>(b);
}
}  // namespace

TEST_CASE("encounter and incident parameters default to the model's values", "[scenario]") {
  const Scenario s = load_open_sea(kParamHead, "s.yaml");
  CHECK(s.encounters.range_km[0] == 5.0);   // ship-ship
  CHECK(s.encounters.range_km[1] == 5.0);   // ship-aircraft
  CHECK(s.encounters.range_km[3] == 10.0);  // aircraft-aircraft
  CHECK(s.encounters.end_factor == 1.2);
  const auto& inc = s.incidents;
  CHECK(inc.hazard_scale == 0.016);
  CHECK(inc.hazard_length_km == 0.5);
  CHECK(inc.contact_km == 0.1);
  CHECK(inc.posture_gain_max == 3.0);
  CHECK(inc.cooldown_s == 1800.0);
  // Coast guards: routine or signalling, harassment rare.
  const auto cg = pair_index(Role::coast_guard, Role::coast_guard);
  CHECK(inc.conduct_share[cg][0] == std::array<double, 3>{0.55, 0.44, 0.01});
  // At posture 3 harassment falls to a quarter and signalling rises.
  CHECK(inc.conduct_share[cg][3][2] == Approx(0.0025));
  CHECK(inc.conduct_share[cg][3][1] > 0.44);
  for (std::size_t p = 0; p < 4; ++p) {
    const auto& shares = inc.conduct_share[pair_index(Role::fighter, Role::patrol)][p];
    CHECK(shares[0] + shares[1] + shares[2] == Approx(1.0).margin(1e-12));
  }
  CHECK(inc.hazard_per_s[cg][2] == Approx(5.0 / 3600.0));
  CHECK(inc.severity[pair_index(Role::warship, Role::warship)][2].grave == 0.2);
  CHECK(inc.severity[pair_index(Role::fighter, Role::fighter)][2].grave == 0.25);
}

TEST_CASE("role pairs override the incident tables in both orders", "[scenario]") {
  const Scenario s = load_open_sea(
      kParamHead +
          "encounters: {ranges: {ship_ship: 3 nmi}, end_factor: 1.5}\n"
          "incidents:\n"
          "  hazard_scale: 0.25\n"
          "  cooldown: 1 h\n"
          "  role_pairs:\n"
          "    - roles: [coast_guard, militia]\n"
          "      hazard: {harassment: 9 per h}\n"
          "      conduct: {routine: 0.5, signalling: 0.3, harassment: 0.2}\n"
          "    - roles: [fighter, bomber]\n"
          "      severity: {signalling: {dangerous: 0.3, grave: 0.2}}\n"
          "      conduct:\n"
          "        - {routine: 1, signalling: 0, harassment: 0}\n"
          "        - {routine: 0.9, signalling: 0.1, harassment: 0}\n"
          "        - {routine: 0.8, signalling: 0.2, harassment: 0}\n"
          "        - {routine: 0.7, signalling: 0.3, harassment: 0}\n",
      "s.yaml");
  CHECK(s.encounters.range_km[0] == Approx(3 * 1.852));
  CHECK(s.encounters.end_factor == 1.5);
  const auto& inc = s.incidents;
  CHECK(inc.hazard_scale == 0.25);
  CHECK(inc.cooldown_s == 3600.0);
  for (const std::size_t pair : {pair_index(Role::militia, Role::coast_guard),
                                 pair_index(Role::coast_guard, Role::militia)}) {
    CHECK(inc.hazard_per_s[pair][2] == Approx(9.0 / 3600.0));
    CHECK(inc.hazard_per_s[pair][0] == Approx(0.05 / 3600.0));  // the default kept
    CHECK(inc.conduct_share[pair][0] == std::array<double, 3>{0.5, 0.3, 0.2});
    CHECK(inc.conduct_share[pair][3][2] == Approx(0.05));
  }
  const auto fb = pair_index(Role::bomber, Role::fighter);
  CHECK(inc.severity[fb][1].grave == 0.2);
  CHECK(inc.severity[fb][2].grave == 0.1);  // the default kept
  CHECK(inc.conduct_share[fb][2] == std::array<double, 3>{0.8, 0.2, 0.0});
}

TEST_CASE("incident parameter mistakes are named", "[scenario]") {
  CHECK(
      errors_of(kParamHead
                + "incidents:\n  role_pairs:\n    - roles: [fighter, patrol]\n"
                  "      conduct: {routine: 0.7, signalling: 0.2, harassment: 0.2}\n")
      == "s.yaml:9:16: incidents.role_pairs[0].conduct: the conduct shares must sum to 1, got 1.1");
  CHECK(errors_of(kParamHead
                  + "incidents:\n  role_pairs:\n    - roles: [fighter, patrol]\n"
                    "      severity: {harassment: {dangerous: 0.7, grave: 0.5}}\n")
        == "s.yaml:9:30: incidents.role_pairs[0].severity.harassment: the chances of a dangerous and a "
           "grave incident sum to 1.2, more than 1 (the rest is unsafe)");
  CHECK(errors_of(kParamHead
                  + "incidents:\n  role_pairs:\n    - roles: [fighter, patrol]\n"
                    "      severity: {routine: {dangerous: 1.5, grave: 0}}\n")
        == "s.yaml:9:39: incidents.role_pairs[0].severity.routine.dangerous: a probability must lie in "
           "[0, 1], got 1.5");
  CHECK(errors_of(kParamHead
                  + "incidents:\n  role_pairs:\n    - roles: [fighter, patrol]\n"
                    "      hazard: {routine: 0.02}\n")
        == "s.yaml:9:25: incidents.role_pairs[0].hazard.routine: '0.02' needs a unit: a rate in per s, "
           "per min, per h, per d, per year (for example '2 per d')");
  CHECK(errors_of(kParamHead
                  + "incidents:\n  role_pairs:\n    - roles: [fighter, patrol]\n"
                    "      conduct: [{routine: 1, signalling: 0, harassment: 0}]\n")
        == "s.yaml:9:16: incidents.role_pairs[0].conduct: conduct lists the shares for postures 0, 1, 2 "
           "and 3: 4 maps, got 1");
  CHECK(errors_of(kParamHead
                  + "incidents:\n  role_pairs:\n    - {roles: [fighter], hazard: {routine: 1 per "
                    "h}}\n")
        == "s.yaml:8:15: incidents.role_pairs[0].roles: 'roles' names two roles, got 1");
  CHECK(errors_of(kParamHead + "incidents:\n  role_pairs:\n    - {roles: [fighter, bomber], "
                               "hazard: {routine: 1 per h}}\n    - {roles: [bomber, fighter], "
                               "hazard: {routine: 2 per h}}\n")
        == "s.yaml:9:15: incidents.role_pairs[1].roles: the role pair bomber / fighter is listed twice");
  CHECK(errors_of(kParamHead + "incidents:\n  role_pairs:\n    - {roles: [fighter, bomber]}\n")
        == "s.yaml:8:7: incidents.role_pairs[0]: a role pair sets 'conduct', 'hazard', 'severity' or "
           "several of them");
  CHECK(errors_of(kParamHead + "encounters: {ranges: {ship_ship: 0 km}, end_factor: 0.5}\n") ==
        "s.yaml:6:34: encounters.ranges.ship_ship: the encounter range must be positive\n"
        "s.yaml:6:53: encounters.end_factor: 0.5 is outside [1, 10]");
}

TEST_CASE("escalation parameters: docs/model.md defaults and overrides", "[scenario]") {
  const Scenario defaults_only = load_open_sea(kParamHead, "s.yaml");
  const EscalationParameters& d = defaults_only.escalation;
  CHECK(d.perception.report_delay_median_s == 600.0);
  CHECK(d.perception.base == -1.0);
  CHECK(d.hostility.relax_time_s == 30 * 86400.0);
  CHECK(d.hostility.enter == std::array<double, 3>{0.25, 0.45, 0.65});
  CHECK(d.hostility.leave == std::array<double, 3>{0.20, 0.35, 0.55});
  CHECK(d.decisions.restraint == std::array<double, 5>{0.5, 1.0, 1.5, 3.5, 6.0});
  CHECK(d.outcomes.war_probability == 0.1);
  CHECK(d.clarification_window_s == 24 * 3600.0);
  CHECK_FALSE(d.stop_at_first_clash);
  CHECK(d.standoff_multiplier == std::array<double, 4>{1.0, 1.25, 1.5, 2.0});
  CHECK(d.sortie_rate_multiplier == std::array<double, 4>{1.0, 1.25, 1.5, 2.0});
  // One political setting per rival dyad (kNations: see its definition).
  CHECK_FALSE(d.dyads.empty());
  for (const hotline::agents::DyadSetting& dyad : d.dyads) {
    CHECK(dyad.baseline == 0.1);
    CHECK(dyad.initial_hostility == 0.1);
    CHECK(dyad.shock_rate_per_s == Approx(0.15 / (365 * 86400.0)));
  }

  const Scenario s = load_open_sea(
      kParamHead +
          "escalation:\n"
          "  report_delay: {median: 20 min, sigma: 0.5}\n"
          "  perception: {base: -2, harassment: 3}\n"
          "  hostility:\n"
          "    relax_time: 60 d\n"
          "    baseline: 0.2\n"
          "    shocks: {rate: 0.3 per year, size: 0.2, relax_time: 120 d}\n"
          "    levels: {enter: [0.3, 0.5, 0.7], leave: [0.25, 0.4, 0.6], min_dwell: 1 d}\n"
          "  decisions: {resolve: -15, restraint: [1, 1, 2, 3, 4], deescalate: {factor: 0.2}}\n"
          "  outcomes: {skirmish_duration: 3 d, war_probability: 0.05}\n"
          "  clarification_window: 12 h\n"
          "  stop_at_first_clash: true\n"
          "  posture_effects: {standoff: [1, 1, 0.5, 0.5], sortie_rate: [1, 2, 3, 4]}\n",
      "s.yaml");
  const EscalationParameters& e = s.escalation;
  CHECK(e.perception.report_delay_median_s == 1200.0);
  CHECK(e.perception.report_delay_sigma == 0.5);
  CHECK(e.perception.base == -2.0);
  CHECK(e.perception.harassment == 3.0);
  CHECK(e.hostility.relax_time_s == 60 * 86400.0);
  CHECK(e.hostility.shock_size == 0.2);
  CHECK(e.hostility.enter[2] == 0.7);
  CHECK(e.hostility.min_dwell_s == 86400.0);
  for (const hotline::agents::DyadSetting& dyad : e.dyads) {
    CHECK(dyad.baseline == 0.2);
    CHECK(dyad.shock_rate_per_s == Approx(0.3 / (365 * 86400.0)));
  }
  CHECK(e.decisions.resolve == -15.0);
  CHECK(e.decisions.restraint[2] == 2.0);
  CHECK(e.decisions.deescalate_factor == 0.2);
  CHECK(e.outcomes.skirmish_duration_s == 3 * 86400.0);
  CHECK(e.clarification_window_s == 12 * 3600.0);
  CHECK(e.stop_at_first_clash);
  CHECK(e.standoff_multiplier == std::array<double, 4>{1.0, 1.0, 0.5, 0.5});
  CHECK(e.sortie_rate_multiplier[3] == 4.0);
}

TEST_CASE("escalation mistakes are named", "[scenario]") {
  CHECK(errors_of(kParamHead + "escalation: {hostility: {levels: {enter: [0.25, 0.65, 0.45]}}}\n")
        == "s.yaml:6:42: escalation.hostility.levels.enter: level entries must increase within (0, 1): "
           "L1 < L2 < L3");
  CHECK(errors_of(kParamHead + "escalation: {hostility: {levels: {leave: [0.2, 0.5, 0.5]}}}\n")
        == "s.yaml:6:42: escalation.hostility.levels.leave: L2 is left at 0.5 and entered at 0.45: a "
           "level must be left below its entry (hysteresis)");
  CHECK(errors_of(kParamHead + "escalation: {decisions: {resolve: .inf}}\n")
        == "s.yaml:6:35: escalation.decisions.resolve: expected a plain number, got '.inf'");
  CHECK(errors_of(kParamHead + "escalation: {decisions: {restraint: [3, 2, 1, 1, 1]}}\n")
        == "s.yaml:6:37: escalation.decisions.restraint: restraint must not fall as the level rises "
           "(c(L0) <= ... <= c(L4))");
  CHECK(errors_of(kParamHead + "escalation: {stop_at_first_clash: maybe}\n")
        == "s.yaml:6:35: escalation.stop_at_first_clash: expected true or false, got 'maybe'");
  CHECK(errors_of(kParamHead
                  + "escalation: {report_delay: {median: 0 min}, outcomes: {war_probabilty: "
                    "0.5}}\n")
        == "s.yaml:6:37: escalation.report_delay.median: the median report delay must be positive\n"
           "s.yaml:6:56: escalation.outcomes: unknown key 'war_probabilty' (did you mean "
           "'war_probability'?)");
  CHECK(errors_of(kParamHead
                  + "escalation: {posture_effects: {standoff: [1, 0.5], sortie_rate: [1, 1, 1, "
                    "-2]}}\n")
        == "s.yaml:6:42: escalation.posture_effects.standoff: standoff lists the shadowing standoff's "
           "multiplier for postures 0, 1, 2 and 3: 4 numbers, got 2\n"
           "s.yaml:6:65: escalation.posture_effects.sortie_rate: the sortie rate's multiplier must be "
           "> 0, got -2");
  CHECK(errors_of(kParamHead
                  + "escalation: {hostility: {dyads: [{between: [japan, japan], baseline: 0.2}]}}\n")
        == "s.yaml:6:44: escalation.hostility.dyads[0].between: 'between' names two different nations");
}
