// Altitude: aircraft fly each mission phase at their class's altitude; two
// aircraft meet within the range in three dimensions, an aircraft and a ship
// only on a low pass; two fishing boats never make a military encounter.
#include <catch2/catch.hpp>
#include <string>

#include "held_pair.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/world_builder.hpp"

using namespace hotline;
using agents::PlatformWorld;

namespace {

// A blue and a red platform of the given classes, each loitering within 50 m
// of one point for an hour: the number of encounters their dyad had.
std::uint64_t encounters_of(const std::string& blue_class, const std::string& red_class) {
  const std::string text =
      std::string(test::kHeldPairHead) + "nations:\n" + test::kBlueRedRivals + "classes:\n"
      + "  - {id: blue_class, " + blue_class + "}\n" + "  - {id: red_class, " + red_class + "}\n"
      + "forces:\n"
        "  - {id: b, nation: blue, class: blue_class, count: 1,\n"
        "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 50 m}}\n"
        "  - {id: r, nation: red, class: red_class, count: 1,\n"
        "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 50 m}}\n";
  PlatformWorld w(scenarios::build_world_spec(scenarios::load_scenario_text(text, "alt.yaml")), 1,
                  0);
  for (int i = 0; i < 60; ++i)
    w.step();
  const auto& begun = w.dyad_counts()[0].encounters;
  return begun[0] + begun[1] + begun[2];
}

std::string aircraft(double patrol_m, double ceiling_m = 20000) {
  return "kind: aircraft, role: patrol, cruise_speed: 1 kn, max_speed: 2 kn, sensor_range: 1 km, "
         "endurance: 100 h, turnaround: 1 h, altitude: {cruise: 1000 m, patrol: "
         + std::to_string(static_cast<int>(patrol_m))
         + " m, low_pass: 100 m}, ceiling: " + std::to_string(static_cast<int>(ceiling_m)) + " m";
}

const std::string kCutter =
    "kind: ship, role: coast_guard, cruise_speed: 1 kn, max_speed: 2 kn, sensor_range: 1 km";
const std::string kFishing =
    "kind: ship, role: fishing, cruise_speed: 1 kn, max_speed: 2 kn, sensor_range: 1 km";

}  // namespace

TEST_CASE("an aircraft meets a ship only on a low pass", "[altitude][platform]") {
  // The default low-pass altitude is 1,500 m.
  CHECK(encounters_of(kCutter, aircraft(1400)) == 1);
  CHECK(encounters_of(kCutter, aircraft(1600)) == 0);
  CHECK(encounters_of(kCutter, aircraft(9000)) == 0);
}

TEST_CASE("aircraft meet within the range in three dimensions", "[altitude][platform]") {
  // Right above each other: 10 km apart vertically is the range itself.
  CHECK(encounters_of(aircraft(2000), aircraft(11900)) == 1);  // 9.9 km
  CHECK(encounters_of(aircraft(2000), aircraft(12100)) == 0);  // 10.1 km
}

TEST_CASE("two fishing boats are no military encounter", "[altitude][platform]") {
  CHECK(encounters_of(kFishing, kFishing) == 0);
  CHECK(encounters_of(kFishing, kCutter) == 1);
}

TEST_CASE("an aircraft's altitude follows its mission phase", "[altitude][platform]") {
  // A patrol aircraft flies a sortie at cruise altitude; on the ground it is
  // at 0.
  const std::string text =
      std::string(test::kHeldPairHead) + "nations:\n" + test::kBlueRedRivals
      + "bases:\n  - {id: home, nation: blue, lat: 25.0, lon: 125.0}\n"
        "classes:\n  - {id: p3c, kind: aircraft, role: patrol, cruise_speed: 600 km/h,\n"
        "     max_speed: 750 km/h, sensor_range: 200 km, endurance: 12 h, turnaround: 6 h}\n"
        "forces:\n  - {id: p, nation: blue, class: p3c, count: 1, base: home,\n"
        "     mission: {type: sortie, rate: 1000 per d, route: [{lat: 26.0, lon: 125.0}]}}\n";
  const scenarios::Scenario s = scenarios::load_scenario_text(text, "sortie.yaml");
  // The patrol role's defaults: cruise 7,500 m, patrol 2,000 m, low pass
  // 200 m, ceiling 10,000 m.
  CHECK(s.classes[0].cruise_altitude_km == 7.5);
  CHECK(s.classes[0].patrol_altitude_km == 2.0);
  CHECK(s.classes[0].low_pass_altitude_km == 0.2);
  CHECK(s.classes[0].ceiling_km == 10.0);
  PlatformWorld w(scenarios::build_world_spec(s), 1, 0);
  CHECK(w.altitude_km_of_slot()[0] == 0.0);
  bool flew = false;
  for (int i = 0; i < 30; ++i) {
    w.step();
    const std::uint32_t slot = w.agents().slot_of(0);
    if (w.state_of_slot()[slot] == agents::PlatformState::outbound) {
      flew = true;
      CHECK(w.altitude_km_of_slot()[slot] == 7.5);
    }
  }
  CHECK(flew);
}

TEST_CASE("altitudes are checked against the ceiling and the kind", "[altitude][scenario]") {
  auto errors = [](const std::string& class_entry) {
    try {
      (void)scenarios::load_scenario_text(std::string(test::kHeldPairHead) + "nations:\n"
                                              + test::kBlueRedRivals + "classes:\n" + class_entry,
                                          "c.yaml");
    } catch (const scenarios::ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("loaded");
  };
  const std::string head =
      "  - {id: f, kind: aircraft, role: fighter, cruise_speed: 900 km/h, max_speed: 2000 km/h, "
      "sensor_range: 100 km, endurance: 3 h, turnaround: 2 h, ";
  CHECK(errors(head + "altitude: {cruise: 20000 m}}\n")
        == "c.yaml:8:164: classes[0].altitude.cruise: 20 km is above the class's ceiling of 18 km");
  CHECK(errors(head + "altitude: {low_pass: -5 m}}\n")
        == "c.yaml:8:166: classes[0].altitude.low_pass: an altitude is zero (the sea) or more");
  CHECK(errors(head + "ceiling: 5000 m}\n")
            .find("the cruise altitude of a fighter defaults to 9 km, "
                  "above this ceiling: give altitude.cruise")
        != std::string::npos);
  CHECK(errors("  - {id: s, kind: ship, role: warship, cruise_speed: 16 kn, max_speed: 30 kn, "
               "sensor_range: 40 km, altitude: {cruise: 10 m}}\n")
        == "c.yaml:8:110: classes[0].altitude: 'altitude' is for aircraft; ships sail at sea "
           "level");
}
