// Detection and responses: an intrusion into a watched zone in radar
// coverage is answered by a scramble; the interceptor reaches its target in
// the time distance / max speed predicts; it shadows, returns and turns
// around; exercises deploy and stand down forces.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "hotline/agents/platform_world.hpp"
#include "hotline/scenarios/world_builder.hpp"

using namespace hotline;
using agents::EventType;
using agents::PlatformState;
using agents::PlatformWorld;

namespace {

// Red flies a balloon (1 km/h, nearly still) into Blue's ADIZ; Blue keeps
// two fighters on alert 300 km away, with a radar over the zone.
constexpr const char* kIntrusion =
    "name: intrusion\n"
    "frame: {centre: {lat: 25.0, lon: 125.0}}\n"
    "time: {dt: 1 min}\n"
    "nations:\n"
    "  - {id: blue, relations: {red: rival}}\n"
    "  - {id: red, relations: {blue: rival}}\n"
    "zones:\n"
    "  - {id: blue_adiz, kind: adiz, owner: blue, polygon: [[24, 124], [26, 124], [26, 126], [24, "
    "126]]}\n"
    "bases:\n"
    "  - {id: blue_field, nation: blue, lat: 25.0, lon: 128.0}\n"
    "  - {id: red_field, nation: red, lat: 25.0, lon: 123.96}\n"
    "classes:\n"
    "  - {id: fighter, kind: aircraft, role: fighter, cruise_speed: 900 km/h,\n"
    "     max_speed: 1800 km/h, sensor_range: 100 km, endurance: 3 h, turnaround: 2 h}\n"
    "  - {id: balloon, kind: aircraft, role: balloon, cruise_speed: 1 km/h, max_speed: 1 km/h,\n"
    "     sensor_range: 10 km, endurance: 30 d, turnaround: 1 d}\n"
    "forces:\n"
    "  - {id: alert, nation: blue, class: fighter, count: 2, base: blue_field,\n"
    "     mission: {type: alert, standoff: 2 km, shadow: 30 min}}\n"
    "  - {id: balloons, nation: red, class: balloon, count: 1, base: red_field,\n"
    "     mission: {type: sortie, rate: 100 per d, route: [{lat: 25.0, lon: 124.5}]}}\n"
    "command_centres:\n"
    "  - id: blue_command\n"
    "    nation: blue\n"
    "    radars: [{at: {lat: 25.0, lon: 125.0}, range: 500 km}]\n"
    "    watches: [{zone: blue_adiz, scramble: 2}]\n"
    "  - {id: red_command, nation: red}\n";

}  // namespace

TEST_CASE("a scramble reaches its target in distance / max speed, within one step",
          "[platforms][responses]") {
  const agents::WorldSpec spec =
      scenarios::build_world_spec(scenarios::load_scenario_text(kIntrusion, "intrusion.yaml"));
  PlatformWorld w(spec, 5, 0);
  const auto& a = w.agents();
  // The balloon launches (rate 100 per day: within the first hour) and
  // crosses into the ADIZ 4 km east of its base after about 4 h.
  std::uint32_t scramble_step = 0;
  for (int i = 0; i < 8 * 60 && scramble_step == 0; ++i) {
    w.step();
    for (const agents::Event& e : w.events()) {
      if (e.type == EventType::scramble) scramble_step = e.step;
    }
  }
  REQUIRE(scramble_step > 0);
  CHECK(w.responses(0, 1).intrusions == 1);
  CHECK(w.responses(0, 1).scrambles == 1);
  CHECK(w.responses(0, 1).aircraft_scrambled == 2);
  // The interceptors take off at the next step from 300+ km away.
  const std::uint32_t fighter = a.slot_of(0);
  const std::uint32_t balloon = a.slot_of(2);
  const double start_km =
      std::hypot(a.x_km[fighter] - a.x_km[balloon], a.y_km[fighter] - a.y_km[balloon]);
  CHECK(start_km > 300.0);
  const double reach_km = 1800.0 / 60.0;
  const double predicted_steps = (start_km - 2.0) / reach_km;
  int steps = 0;
  while (true) {
    w.step();
    ++steps;
    const std::uint32_t f = a.slot_of(0);
    const std::uint32_t b = a.slot_of(2);
    if (std::hypot(a.x_km[f] - a.x_km[b], a.y_km[f] - a.y_km[b]) <= 2.0 + 1e-9) break;
    REQUIRE(steps < 100);
  }
  // The first step only launches (decide), so the flight takes steps − 1.
  CHECK(std::abs((steps - 1) - predicted_steps) <= 1.0);
  // Then it shadows for 30 min, returns at cruise speed and turns around.
  for (int i = 0; i < 40; ++i)
    w.step();
  CHECK(w.state_of_slot()[a.slot_of(0)] == PlatformState::returning);
  for (int i = 0; i < 60; ++i)
    w.step();
  CHECK(w.state_of_slot()[a.slot_of(0)] == PlatformState::turnaround);
  CHECK(a.alive[a.slot_of(0)] == 0);
}

TEST_CASE("an exercise deploys its forces at its start and stands them down at its end",
          "[platforms][exercises]") {
  const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_text(
      "name: exercise\n"
      "frame: {centre: {lat: 25.0, lon: 125.0}}\n"
      "time: {dt: 1 min}\n"
      "nations:\n"
      "  - {id: blue, relations: {red: rival}}\n"
      "  - {id: red, relations: {blue: rival}}\n"
      "zones:\n"
      "  - {id: area, kind: exercise_area, circle: {centre: {lat: 25.0, lon: 125.0}, radius: 20 "
      "km}}\n"
      "bases:\n"
      "  - {id: port, nation: red, lat: 25.0, lon: 125.1}\n"
      "classes:\n"
      "  - {id: frigate, kind: ship, role: warship, cruise_speed: 20 kn, max_speed: 30 kn,\n"
      "     sensor_range: 30 km}\n"
      "forces:\n"
      "  - {id: group, nation: red, class: frigate, count: 3, base: port, deploy_on: exercise,\n"
      "     mission: {type: patrol, area: area, dwell: 10 min}}\n"
      "exercises:\n"
      "  - {id: drill, nation: red, area: area, start: 1 h, duration: 2 h, forces: [group]}\n",
      "exercise.yaml"));
  PlatformWorld w(spec, 3, 0);
  const auto& a = w.agents();
  auto in_play = [&] {
    int n = 0;
    for (std::size_t s = 0; s < a.size(); ++s)
      n += a.alive[s];
    return n;
  };
  for (int i = 0; i < 60; ++i) {
    w.step();
    REQUIRE(in_play() == 0);  // not before the start
  }
  w.step();
  CHECK(in_play() == 3);
  for (int i = 0; i < 110; ++i) {
    w.step();
    REQUIRE(in_play() == 3);
  }
  // After the end they sail home (at most 30 km at 20 kn: under 50 min) and
  // leave play.
  for (int i = 0; i < 60; ++i)
    w.step();
  CHECK(in_play() == 0);
  for (std::size_t s = 0; s < a.size(); ++s)
    CHECK(w.state_of_slot()[s] == PlatformState::reserve);
}

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a watch rule concerns only the intruder roles it lists", "[platforms][responses]") {
  const std::string text = replaced(kIntrusion, "watches: [{zone: blue_adiz, scramble: 2}]",
                                    "watches: [{zone: blue_adiz, scramble: 2, intruders: "
                                    "[fighter, bomber]}]");
  PlatformWorld w(scenarios::build_world_spec(scenarios::load_scenario_text(text, "roles.yaml")), 5,
                  0);
  for (int i = 0; i < 8 * 60; ++i)
    w.step();
  // The balloon is in the ADIZ by now (see above) but is not a role the
  // rule concerns: no intrusion, no scramble, nothing unanswered.
  CHECK((w.zones_of_slot()[w.agents().slot_of(2)] & 1U) == 1U);
  CHECK(w.responses(0, 1).intrusions == 0);
  CHECK(w.responses(0, 1).scrambles == 0);
  CHECK(w.responses(0, 1).unanswered == 0);
}

TEST_CASE("an interceptor entering the rival's watched zone is counted but not answered",
          "[platforms][responses]") {
  // Red watches its own ADIZ, which overlaps Blue's west of 125°E, and keeps
  // fighters on alert: Blue's interceptors, chasing the balloon, enter it.
  std::string text = replaced(
      kIntrusion, "bases:\n",
      "  - {id: red_adiz, kind: adiz, owner: red, polygon: [[24, 122], [26, 122], [26, 125], [24, "
      "125]]}\nbases:\n");
  text = replaced(text, "  - {id: red_command, nation: red}\n",
                  "  - id: red_command\n"
                  "    nation: red\n"
                  "    radars: [{at: {lat: 25.0, lon: 124.0}, range: 500 km}]\n"
                  "    watches: [{zone: red_adiz, scramble: 2}]\n");
  text = replaced(text, "forces:\n",
                  "forces:\n"
                  "  - {id: red_alert, nation: red, class: fighter, count: 2, base: red_field,\n"
                  "     mission: {type: alert, standoff: 2 km, shadow: 30 min}}\n");
  PlatformWorld w(scenarios::build_world_spec(scenarios::load_scenario_text(text, "chain.yaml")), 5,
                  0);
  for (int i = 0; i < 8 * 60; ++i)
    w.step();
  CHECK(w.responses(0, 1).scrambles == 1);   // Blue answers the balloon
  CHECK(w.responses(1, 0).intrusions == 2);  // both Blue interceptors enter Red's ADIZ
  CHECK(w.responses(1, 0).scrambles == 0);   // and Red sends nobody after them
  CHECK(w.responses(1, 0).unanswered == 0);
}

namespace {

// Red's balloon drifts east at 20 km/h from its field at 123.96°E through
// Blue's territorial sea (a 12 nmi circle at 124.3°E) and on into the ADIZ,
// whose only radar sees 40 km round 125.0°E: the centre first sees it 60 km
// after it entered the zone. Blue's own patrol aircraft crosses the same
// territorial sea.
constexpr const char* kLateSighting =
    "name: late sighting\n"
    "frame: {centre: {lat: 25.0, lon: 125.0}}\n"
    "time: {dt: 1 min}\n"
    "nations:\n"
    "  - {id: blue, relations: {red: rival}}\n"
    "  - {id: red, relations: {blue: rival}}\n"
    "zones:\n"
    "  - {id: blue_adiz, kind: adiz, owner: blue, polygon: [[24, 124.4], [26, 124.4], [26, 126], "
    "[24, 126]]}\n"
    "  - {id: blue_sea, kind: territorial_sea, owner: blue, circle: {centre: {lat: 25.0, lon: "
    "124.3}, radius: 12 nmi}}\n"
    "bases:\n"
    "  - {id: blue_field, nation: blue, lat: 25.0, lon: 128.0}\n"
    "  - {id: red_field, nation: red, lat: 25.0, lon: 123.96}\n"
    "classes:\n"
    "  - {id: fighter, kind: aircraft, role: fighter, cruise_speed: 900 km/h,\n"
    "     max_speed: 1800 km/h, sensor_range: 10 km, endurance: 3 h, turnaround: 2 h}\n"
    "  - {id: balloon, kind: aircraft, role: balloon, cruise_speed: 20 km/h, max_speed: 20 km/h,\n"
    "     sensor_range: 10 km, endurance: 30 d, turnaround: 1 d}\n"
    "forces:\n"
    "  - {id: alert, nation: blue, class: fighter, count: 2, base: blue_field,\n"
    "     mission: {type: alert, standoff: 2 km, shadow: 30 min}}\n"
    "  - {id: balloons, nation: red, class: balloon, count: 1, base: red_field,\n"
    "     mission: {type: sortie, rate: 1000 per d, route: [{lat: 25.0, lon: 125.0}]}}\n"
    "  - {id: patrol, nation: blue, class: fighter, count: 1, base: blue_field,\n"
    "     mission: {type: sortie, rate: 1000 per d, route: [{lat: 25.0, lon: 124.0}]}}\n"
    "command_centres:\n"
    "  - id: blue_command\n"
    "    nation: blue\n"
    "    radars: [{at: {lat: 25.0, lon: 125.0}, range: 40 km}]\n"
    "    watches: [{zone: blue_adiz, scramble: 2}]\n"
    "  - {id: red_command, nation: red}\n";

}  // namespace

TEST_CASE("an intruder is seen when coverage finds it, and intercepted once per responder",
          "[platforms][responses]") {
  const agents::WorldSpec spec =
      scenarios::build_world_spec(scenarios::load_scenario_text(kLateSighting, "late.yaml"));
  PlatformWorld w(spec, 5, 0);
  const agents::Projection& projection = spec.projection;
  const double coverage_west_km = projection.to_plane({25.0, 125.0}).x_km - 40.0;
  // Six hours: out through the territorial sea and into coverage (its way
  // home through the territorial sea again comes later).
  std::vector<agents::Event> events;
  for (int i = 0; i < 6 * 60; ++i) {
    w.step();
    events.insert(events.end(), w.events().begin(), w.events().end());
    w.clear_events();
  }
  int intrusions = 0;
  int intercepts = 0;
  int violations = 0;
  for (const agents::Event& e : events) {
    if (e.type == EventType::intrusion) {
      ++intrusions;
      // Seen where the radar reaches, not where it entered (124.4°E).
      CHECK(e.x_km >= coverage_west_km - 1.0);
      CHECK(e.x_km <= coverage_west_km + 1.0);
    }
    if (e.type == EventType::intercept) {
      ++intercepts;
      CHECK(e.agent_a == 2);  // the balloon
      CHECK(e.nation_b == 0);
    }
    if (e.type == EventType::airspace_violation) {
      ++violations;
      CHECK(e.agent_a == 2);  // red's balloon; blue's own fighter is at home there
      CHECK(e.value == 1);
    }
  }
  CHECK(intrusions == 1);
  CHECK(w.responses(0, 1).intrusions == 1);
  // Both fighters reach it, each counted once however long it shadows.
  CHECK(intercepts == 2);
  CHECK(w.responses(0, 1).intercepts == 2);
  CHECK(violations == 1);
  CHECK(w.responses(0, 1).airspace_violations == 1);
  CHECK(w.responses(1, 0).airspace_violations == 0);
}
