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
    CHECK(std::string(e.what()) == "/nonexistent/scenario.yaml:1:1: cannot read the file");
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
  CHECK(s.incidents.rate_per_s[pair_index(Role::militia, Role::fighter)] == Approx(0.02 / 3600.0));
  CHECK(s.incidents.severity_mix[pair_index(Role::warship, Role::warship)].grave == 0.08);
  CHECK(s.incidents.cooldown_s == 1800.0);
  CHECK(s.incidents.severity_weight.grave == 10.0);
  CHECK(s.incidents.posture_multiplier == std::array<double, 4>{1.0, 1.5, 2.5, 4.0});
}

TEST_CASE("role pairs override the scenario-wide incident values", "[scenario]") {
  const Scenario s = load_open_sea(
      kParamHead +
          "encounters: {ranges: {ship_ship: 3 nmi}, end_factor: 1.5}\n"
          "incidents:\n"
          "  base_rate: 0.01 per h\n"
          "  severity_mix: {unsafe: 0.7, dangerous: 0.2, grave: 0.1}\n"
          "  role_pairs:\n"
          "    - {roles: [coast_guard, militia], rate: 0.05 per h}\n"
          "    - roles: [fighter, bomber]\n"
          "      severity_mix: {unsafe: 0.5, dangerous: 0.3, grave: 0.2}\n"
          "  cooldown: 1 h\n"
          "  posture_multipliers: [1, 2, 3, 5]\n",
      "s.yaml");
  CHECK(s.encounters.range_km[0] == Approx(3 * 1.852));
  CHECK(s.encounters.end_factor == 1.5);
  CHECK(s.incidents.rate_per_s[pair_index(Role::militia, Role::coast_guard)]
        == Approx(0.05 / 3600.0));
  CHECK(s.incidents.rate_per_s[pair_index(Role::coast_guard, Role::militia)]
        == Approx(0.05 / 3600.0));
  CHECK(s.incidents.rate_per_s[pair_index(Role::warship, Role::warship)] == Approx(0.01 / 3600.0));
  CHECK(s.incidents.severity_mix[pair_index(Role::bomber, Role::fighter)].grave == 0.2);
  CHECK(s.incidents.severity_mix[pair_index(Role::uav, Role::uav)].grave == 0.1);
  CHECK(s.incidents.cooldown_s == 3600.0);
  CHECK(s.incidents.posture_multiplier[3] == 5.0);
}

TEST_CASE("incident parameter mistakes are named", "[scenario]") {
  CHECK(errors_of(kParamHead
                  + "incidents: {severity_mix: {unsafe: 0.7, dangerous: 0.2, grave: "
                    "0.2}}\n")
        == "s.yaml:6:27: incidents.severity_mix: the severity mix must sum to 1, got 1.1");
  CHECK(errors_of(kParamHead + "incidents: {base_rate: 0.02}\n") ==
        "s.yaml:6:24: incidents.base_rate: '0.02' needs a unit: a rate in per s, per min, per h, "
        "per d, per year (for example '2 per d')");
  CHECK(errors_of(kParamHead + "incidents: {posture_multipliers: [1, 2]}\n") ==
        "s.yaml:6:34: incidents.posture_multipliers: posture_multipliers lists g(posture) for "
        "postures 0, 1, 2 and 3: 4 numbers, got 2");
  CHECK(errors_of(kParamHead
                  + "incidents:\n  role_pairs:\n    - {roles: [fighter], rate: 1 per "
                    "h}\n")
        == "s.yaml:8:15: incidents.role_pairs[0].roles: 'roles' names two roles, got 1");
  CHECK(errors_of(kParamHead + "incidents:\n  role_pairs:\n    - {roles: [fighter, bomber], rate: "
                               "1 per h}\n    - {roles: [bomber, fighter], rate: 2 per h}\n") ==
        "s.yaml:9:15: incidents.role_pairs[1].roles: the role pair bomber / fighter is listed "
        "twice");
  CHECK(errors_of(kParamHead + "incidents:\n  role_pairs:\n    - {roles: [fighter, bomber]}\n")
        == "s.yaml:8:7: incidents.role_pairs[0]: a role pair sets 'rate', 'severity_mix' or both");
  CHECK(errors_of(kParamHead + "encounters: {ranges: {ship_ship: 0 km}, end_factor: 0.5}\n") ==
        "s.yaml:6:34: encounters.ranges.ship_ship: the encounter range must be positive\n"
        "s.yaml:6:53: encounters.end_factor: 0.5 is outside [1, 10]");
}

TEST_CASE("escalation parameters: docs/model.md defaults and overrides", "[scenario]") {
  const Scenario defaults_only = load_open_sea(kParamHead, "s.yaml");
  const EscalationParameters& d = defaults_only.escalation;
  CHECK(d.report_delay_median_s == 600.0);
  CHECK(d.perceived_deliberate == 0.5);
  CHECK(d.accidental_factor == 0.3);
  CHECK(d.tension_half_life_s == 7 * 86400.0);
  CHECK(d.level_thresholds == std::array<double, 3>{1.0, 5.0, 15.0});
  CHECK(d.retaliation_probability == 0.3);
  CHECK(d.retaliation_contact_factor == 0.2);
  CHECK(d.clarification_window_s == 6 * 3600.0);
  CHECK_FALSE(d.stop_at_first_clash);
  CHECK(d.standoff_multiplier == std::array<double, 4>{1.0, 0.75, 0.5, 0.25});
  CHECK(d.sortie_rate_multiplier == std::array<double, 4>{1.0, 1.25, 1.5, 2.0});

  const Scenario s = load_open_sea(
      kParamHead +
          "escalation:\n"
          "  report_delay: {median: 20 min, sigma: 0.5}\n"
          "  perceived_deliberate: 0.7\n"
          "  tension_half_life: 3 d\n"
          "  level_thresholds: [2, 6, 20]\n"
          "  retaliation: {probability: 0.4, contact_factor: 0.1, clarification_window: 12 h}\n"
          "  stop_at_first_clash: true\n"
          "  posture_effects: {standoff: [1, 1, 0.5, 0.5], sortie_rate: [1, 2, 3, 4]}\n",
      "s.yaml");
  CHECK(s.escalation.report_delay_median_s == 1200.0);
  CHECK(s.escalation.report_delay_sigma == 0.5);
  CHECK(s.escalation.perceived_deliberate == 0.7);
  CHECK(s.escalation.tension_half_life_s == 3 * 86400.0);
  CHECK(s.escalation.level_thresholds[2] == 20.0);
  CHECK(s.escalation.retaliation_probability == 0.4);
  CHECK(s.escalation.clarification_window_s == 12 * 3600.0);
  CHECK(s.escalation.stop_at_first_clash);
  CHECK(s.escalation.standoff_multiplier == std::array<double, 4>{1.0, 1.0, 0.5, 0.5});
  CHECK(s.escalation.sortie_rate_multiplier[3] == 4.0);
}

TEST_CASE("escalation mistakes are named", "[scenario]") {
  CHECK(
      errors_of(kParamHead + "escalation: {level_thresholds: [1, 15, 5]}\n")
      == "s.yaml:6:32: escalation.level_thresholds: level thresholds must increase: L1 < L2 < L3");
  CHECK(errors_of(kParamHead +
                  "escalation: {perceived_deliberate: 1.2, stop_at_first_clash: maybe}\n") ==
        "s.yaml:6:36: escalation.perceived_deliberate: a probability must lie in [0, 1], got 1.2\n"
        "s.yaml:6:62: escalation.stop_at_first_clash: expected true or false, got 'maybe'");
  CHECK(errors_of(kParamHead +
                  "escalation: {report_delay: {median: 0 min}, retaliation: {probabilty: 0.5}}\n") ==
        "s.yaml:6:37: escalation.report_delay.median: the median report delay must be positive\n"
        "s.yaml:6:59: escalation.retaliation: unknown key 'probabilty' (did you mean "
        "'probability'?)");
  CHECK(errors_of(kParamHead
                  + "escalation: {posture_effects: {standoff: [1, 0.5], sortie_rate: [1, 1, 1, "
                    "-2]}}\n")
        == "s.yaml:6:42: escalation.posture_effects.standoff: standoff lists the shadowing "
           "standoff's multiplier for postures 0, 1, 2 and 3: 4 numbers, got 2\n"
           "s.yaml:6:75: escalation.posture_effects.sortie_rate[3]: the sortie rate's "
           "multiplier must be > 0, got -2");
  CHECK(errors_of(kParamHead + "incidents: {posture_multipliers: [1, 0, 2, 3]}\n")
        == "s.yaml:6:38: incidents.posture_multipliers[1]: g(posture) must be > 0, got 0");
}
