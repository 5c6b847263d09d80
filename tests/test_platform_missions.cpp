// The platform model's missions so far: patrol, route, loiter and swarming,
// movement at cruise speed, zone presence days, and thread-count
// independence.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "hotline/agents/platform_world.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "platform_hash.hpp"

using namespace hotline;
using agents::PlatformState;
using agents::PlatformWorld;

namespace {

constexpr const char* kHead =
    "name: missions\n"
    "frame: {centre: {lat: 25.74, lon: 123.47}}\n"
    "time: {dt: 1 min}\n"
    "nations:\n"
    "  - {id: japan, relations: {china: rival}}\n"
    "  - {id: china, relations: {japan: rival}}\n"
    "zones:\n"
    "  - {id: cz, kind: contiguous_zone, owner: japan,\n"
    "     circle: {centre: {lat: 25.74, lon: 123.47}, radius: 24 nmi}}\n"
    "points:\n"
    "  - {id: a, lat: 25.74, lon: 123.0}\n"
    "  - {id: b, lat: 26.0, lon: 123.47}\n"
    "bases:\n"
    "  - {id: wenzhou, nation: china, lat: 27.9, lon: 121.2}\n"
    "classes:\n"
    "  - {id: cutter, kind: ship, role: coast_guard, cruise_speed: 15 kn, max_speed: 25 kn,\n"
    "     sensor_range: 24 nmi}\n";

agents::WorldSpec world(const std::string& forces) {
  return scenarios::build_world_spec(
      scenarios::load_scenario_text(std::string(kHead) + "forces:\n" + forces, "test.yaml"));
}

double distance(double ax, double ay, double bx, double by) {
  return std::sqrt((ax - bx) * (ax - bx) + (ay - by) * (ay - by));
}

std::uint64_t state_hash(const PlatformWorld& w) {
  test::Fnv1a hash;
  test::add_platforms(hash, w);
  return hash.value();
}

}  // namespace

TEST_CASE("a patrol sails from its base at cruise speed and stays in its area",
          "[platforms][missions]") {
  PlatformWorld w(world("  - {id: ccg, nation: china, class: cutter, count: 4, base: wenzhou,\n"
                        "     mission: {type: patrol, area: cz, dwell: 2 h}}\n"),
                  7, 0);
  const double reach_km = 15 * 1.852 / 60;  // 15 kn for one minute
  const auto& a = w.agents();
  // The first step moves every cutter exactly one step's reach.
  std::vector<double> x0(a.size()), y0(a.size());
  for (std::uint32_t id = 0; id < a.size(); ++id) {
    x0[id] = a.x_km[a.slot_of(id)];
    y0[id] = a.y_km[a.slot_of(id)];
  }
  w.step();
  for (std::uint32_t id = 0; id < a.size(); ++id) {
    const std::uint32_t s = a.slot_of(id);
    CHECK(distance(x0[id], y0[id], a.x_km[s], a.y_km[s]) == Approx(reach_km).epsilon(1e-12));
  }
  // Wenzhou to the islands is about 380 km: 14 h at 15 kn. After a day every
  // cutter is in the zone and stays there (a circle is convex).
  for (int i = 1; i < 24 * 60; ++i)
    w.step();
  for (int i = 0; i < 2 * 24 * 60; ++i) {
    w.step();
    for (std::size_t s = 0; s < a.size(); ++s)
      REQUIRE(w.zones_of_slot()[s] == 1);
  }
  // Present on day 0 (arrival in the evening), 1 and 2.
  CHECK(w.presence_days(1, agents::Role::coast_guard, 0) == 3);
  CHECK(w.presence_days(1, 0) == 3);
  CHECK(w.presence_days(0, 0) == 0);
  CHECK(w.presence_days(1, agents::Role::militia, 0) == 0);
}

TEST_CASE("a route visits its waypoints in order, and once-through ends at the last",
          "[platforms][missions]") {
  PlatformWorld w(world("  - {id: loop, nation: japan, class: cutter, count: 1,\n"
                        "     mission: {type: route, waypoints: [a, b], loop: true}}\n"
                        "  - {id: once, nation: japan, class: cutter, count: 1,\n"
                        "     mission: {type: route, waypoints: [a, b], loop: false}}\n"),
                  1, 0);
  const auto& spec = w.spec();
  const agents::PlanePoint a = spec.forces[0].mission.waypoints[0];
  const agents::PlanePoint b = spec.forces[0].mission.waypoints[1];
  const double leg_km = distance(a.x_km, a.y_km, b.x_km, b.y_km);
  const double leg_steps = leg_km / (15 * 1.852 / 60);
  // Both start on a and head for b. After one leg (and a step to turn) the
  // loop heads back to a; the once-through route holds at b.
  for (int i = 0; i < static_cast<int>(std::ceil(leg_steps)) + 2; ++i)
    w.step();
  const auto& agents = w.agents();
  const std::uint32_t loop = agents.slot_of(0);
  const std::uint32_t once = agents.slot_of(1);
  CHECK(w.state_of_slot()[once] == PlatformState::done);
  CHECK(agents.x_km[once] == b.x_km);
  CHECK(agents.y_km[once] == b.y_km);
  CHECK(w.state_of_slot()[loop] == PlatformState::transit);
  CHECK(distance(agents.x_km[loop], agents.y_km[loop], b.x_km, b.y_km) > 0.0);
  CHECK(distance(agents.x_km[loop], agents.y_km[loop], b.x_km, b.y_km) < 2 * 15 * 1.852 / 60);
}

TEST_CASE("loiterers walk within their circle, and swarm when posture rises",
          "[platforms][missions]") {
  PlatformWorld w(world("  - id: militia\n"
                        "    nation: china\n"
                        "    class: cutter\n"
                        "    count: 50\n"
                        "    mission:\n"
                        "      type: loiter\n"
                        "      around: {lat: 26.6, lon: 123.6}\n"
                        "      radius: 30 km\n"
                        "      swarm: {towards: {lat: 25.74, lon: 123.47}, radius: 10 km}\n"),
                  3, 0);
  const agents::MissionSpec& m = w.spec().forces[0].mission;
  const auto& a = w.agents();
  for (int i = 0; i < 6 * 60; ++i) {
    w.step();
    for (std::size_t s = 0; s < a.size(); ++s) {
      REQUIRE(distance(a.x_km[s], a.y_km[s], m.around.x_km, m.around.y_km) <= 30.0 + 1e-9);
    }
  }
  CHECK(w.presence_days(1, 0) == 0);  // 96 km away, 30 km radius: never in the zone
  // From posture 2 they close on the islands: 96 km + 30 km at most, 15 kn,
  // is under 5 h; then all stay within 10 km of the swarm point.
  w.pin_posture(1, 2);
  for (int i = 0; i < 5 * 60; ++i)
    w.step();
  for (int i = 0; i < 60; ++i) {
    w.step();
    for (std::size_t s = 0; s < a.size(); ++s) {
      REQUIRE(distance(a.x_km[s], a.y_km[s], m.swarm->towards.x_km, m.swarm->towards.y_km)
              <= 10.0 + 1e-9);
    }
  }
  CHECK(w.presence_days(1, agents::Role::coast_guard, 0) == 1);
}

TEST_CASE("platform runs are identical at 1, 2 and 3 threads", "[platforms][determinism][repeat]") {
  const agents::WorldSpec spec = world(
      "  - {id: ccg, nation: china, class: cutter, count: 300, base: wenzhou,\n"
      "     mission: {type: patrol, area: cz, dwell: 20 min}}\n"
      "  - {id: militia, nation: china, class: cutter, count: 2500,\n"
      "     mission: {type: loiter, around: b, radius: 40 km}}\n"
      "  - {id: loop, nation: japan, class: cutter, count: 200,\n"
      "     mission: {type: route, waypoints: [a, b], loop: true, dwell: 5 min}}\n");
  std::vector<std::uint64_t> hashes;
  for (int threads : {1, 2, 3}) {
    engine::ThreadControl control(threads);
    hashes.push_back(control.run([&] {
      PlatformWorld w(spec, 11, 2);
      for (int i = 0; i < 600; ++i)
        w.step();
      return state_hash(w);
    }));
  }
  CHECK(hashes[0] == hashes[1]);
  CHECK(hashes[0] == hashes[2]);
}

TEST_CASE("a force stood down for a span goes home and comes out again", "[platforms][missions]") {
  // A moratorium from day 1 to day 2: the boats start on station, are all in
  // port (out of play) by the end of the span's first half day, and out
  // again after it.
  PlatformWorld w(world("  - {id: ccg, nation: china, class: cutter, count: 5, base: wenzhou,\n"
                        "     stood_down: [{from: 1 d, to: 2 d}],\n"
                        "     mission: {type: patrol, area: cz, dwell: 2 h}}\n"),
                  7, 0);
  auto in_play = [&] {
    int n = 0;
    for (std::uint32_t s = 0; s < w.agents().size(); ++s)
      n += w.agents().alive[s] ? 1 : 0;
    return n;
  };
  CHECK(in_play() == 5);
  for (int i = 0; i < 47 * 60; ++i)
    w.step();
  // 380 km home at 15 kn is 14 h: all in port before the span ends.
  CHECK(in_play() == 0);
  for (int i = 0; i < 2 * 60; ++i)
    w.step();
  CHECK(in_play() == 5);
  try {
    (void)scenarios::load_scenario_text(
        std::string(kHead)
            + "forces:\n  - {id: ccg, nation: china, class: cutter, count: 5, base: wenzhou,\n"
              "     stood_down: [{from: 3 d, to: 2 d}],\n"
              "     mission: {type: patrol, area: cz}}\n",
        "bad.yaml");
    FAIL("a span that ends before it starts loaded");
  } catch (const scenarios::ScenarioError& e) {
    CHECK(std::string(e.what()).find("forces[0].stood_down[0].to: a span ends after it starts")
          != std::string::npos);
  }
}
