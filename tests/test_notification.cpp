// Advance notification acts only inside its exercise's area and only during
// its window: a replay of every report of a run, with the rule applied by
// the test's own geometry and clock, gives the dyad's hostility exactly,
// while the same replay with the rule widened to the whole window or to the
// area at any time does not.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "hotline/agents/crisis_command.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/scenarios/world_builder.hpp"

using namespace hotline;
using agents::DyadHostility;
using agents::EventType;
using agents::PlatformWorld;

namespace {

constexpr double kDay = 86400.0;
constexpr double kAreaRadiusKm = 20.0;  // the exercise area, round the frame's centre
constexpr double kReportDelayS = 60.0;  // every report arrives a minute after its incident

// Two held pairs of rival cutters, one at the centre of a red exercise area
// (radius 20 km) and one 60 km east of it; an incident an hour in each pair,
// all of them unsafe; the exercise runs on the second of three days. Every
// incident is seen as deliberate, except that an announced one is seen as
// an accident (perceived-deliberate logit 50, shifted by 100); nothing relaxes, nothing
// escalates by decision.
agents::WorldSpec notified_world() {
  return scenarios::build_world_spec(scenarios::load_scenario_text(
      "name: notified\n"
      "frame: {centre: {lat: 25.0, lon: 125.0}}\n"
      "time: {dt: 1 min}\n"
      "nations:\n"
      "  - {id: blue, relations: {red: rival}}\n"
      "  - {id: red, relations: {blue: rival}}\n"
      "zones:\n"
      "  - {id: area, kind: exercise_area, circle: {centre: {lat: 25.0, lon: 125.0}, radius: 20 "
      "km}}\n"
      "bases:\n"
      "  - {id: port, nation: red, lat: 25.0, lon: 126.5}\n"
      "classes:\n"
      "  - {id: cutter, kind: ship, role: coast_guard, cruise_speed: 1 kn, max_speed: 2 kn,\n"
      "     sensor_range: 1 km}\n"
      "forces:\n"
      "  - {id: b_in, nation: blue, class: cutter, count: 1,\n"
      "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 50 m}}\n"
      "  - {id: r_in, nation: red, class: cutter, count: 1,\n"
      "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 50 m}}\n"
      "  - {id: b_out, nation: blue, class: cutter, count: 1,\n"
      "     mission: {type: loiter, around: {lat: 25.0, lon: 125.6}, radius: 50 m}}\n"
      "  - {id: r_out, nation: red, class: cutter, count: 1,\n"
      "     mission: {type: loiter, around: {lat: 25.0, lon: 125.6}, radius: 50 m}}\n"
      "  - {id: drill_group, nation: red, class: cutter, count: 1, base: port,\n"
      "     deploy_on: exercise, mission: {type: patrol, area: area, dwell: 10 min}}\n"
      "exercises:\n"
      "  - {id: drill, nation: red, area: area, start: 1 d, duration: 1 d, forces: "
      "[drill_group]}\n"
      "incidents:\n"
      "  hazard_scale: 1\n"
      "  cooldown: 0 s\n"
      "  role_pairs:\n"
      "    - roles: [coast_guard, coast_guard]\n"
      "      hazard: {routine: 1 per h, signalling: 1 per h, harassment: 1 per h}\n"
      "      severity:\n"
      "        routine: {dangerous: 0, grave: 0}\n"
      "        signalling: {dangerous: 0, grave: 0}\n"
      "        harassment: {dangerous: 0, grave: 0}\n"
      "escalation:\n"
      "  report_delay: {median: 1 min, sigma: 0}\n"
      "  perception: {base: 50}\n"
      "  hostility:\n"
      "    shocks: {rate: 0 per year}\n"
      "    report_shares: {unsafe: 0.002, dangerous: 0.03, grave: 0.6}\n"
      "  decisions:\n"
      "    resolve: -1000\n"
      "    deescalate: {base: -1000}\n"
      "policies:\n"
      "  - {id: none}\n"
      "  - {id: notification, notification: {deliberate_shift: 100, response_damping: 0.5}}\n",
      "notified.yaml"));
}

// One report as the command layer receives it.
struct Report {
  double arrival_s;
  int severity;
  bool deliberate;
  double weight;
};

// Which incidents a replay treats as announced.
enum class Rule { area_and_window, window_only, area_only };

// The dyad's hostility at end_s from the run's incidents (two reports each,
// a minute later) and the exercise's own report at its start, with
// `announced` incidents seen as accidents and the exercise's report damped
// when notification is on.
double replay(const agents::WorldSpec& spec, const std::vector<agents::Event>& events,
              double initial_baseline, double initial_hostility, bool notification, Rule rule,
              double end_s) {
  const double start = spec.exercises[0].start_s;
  const double stop = start + spec.exercises[0].duration_s;
  std::vector<Report> reports;
  reports.push_back({start, 1, true, notification ? 0.5 : 1.0});
  for (const agents::Event& e : events) {
    if (e.type != EventType::incident) continue;
    const bool in_area = std::hypot(e.x_km, e.y_km) < kAreaRadiusKm;
    const bool in_window = e.time_s >= start && e.time_s < stop;
    const bool announced = notification
                           && (rule == Rule::area_and_window ? in_area && in_window
                               : rule == Rule::window_only   ? in_window
                                                             : in_area);
    const auto severity = static_cast<int>(e.severity);
    reports.push_back({e.time_s + kReportDelayS, severity, !announced, 1.0});
    reports.push_back({e.time_s + kReportDelayS, severity, !announced, 1.0});
  }
  std::stable_sort(reports.begin(), reports.end(),
                   [](const Report& a, const Report& b) { return a.arrival_s < b.arrival_s; });
  DyadHostility h(spec.escalation.hostility, initial_baseline, initial_hostility, 0.0);
  for (const Report& r : reports) {
    if (r.arrival_s >= end_s) break;
    h.advance(r.arrival_s - h.time_s());
    h.report(r.severity, r.deliberate, r.weight);
  }
  h.advance(end_s - h.time_s());
  return h.hostility();
}

}  // namespace

TEST_CASE("notification acts only inside its exercise's area and window",
          "[crisis][notification]") {
  const agents::WorldSpec spec = notified_world();
  const int steps = 3 * 1440;
  const double end_s = 3 * kDay;
  for (const std::size_t policy : {std::size_t{0}, std::size_t{1}}) {
    PlatformWorld w(spec, 5, 0, policy);
    w.pin_posture(0, 0);
    w.pin_posture(1, 0);
    const double baseline = w.crisis().hostility(0).base();
    const double initial = w.crisis().hostility(0).hostility();
    for (int i = 0; i < steps; ++i)
      w.step();
    // Enough incidents of every kind for the rule to show.
    int in_area_in_window = 0;
    int in_area_outside_window = 0;
    int outside_area_in_window = 0;
    for (const agents::Event& e : w.events()) {
      if (e.type != EventType::incident) continue;
      const bool in_area = std::hypot(e.x_km, e.y_km) < kAreaRadiusKm;
      const bool in_window = e.time_s >= kDay && e.time_s < 2 * kDay;
      in_area_in_window += in_area && in_window ? 1 : 0;
      in_area_outside_window += in_area && !in_window ? 1 : 0;
      outside_area_in_window += !in_area && in_window ? 1 : 0;
    }
    REQUIRE(in_area_in_window >= 10);
    REQUIRE(in_area_outside_window >= 10);
    REQUIRE(outside_area_in_window >= 10);

    const double actual = w.crisis().hostility(0).hostility();
    const bool notification = policy == 1;
    INFO("policy " << spec.policies[policy].id << ": hostility " << actual);
    CHECK(actual
          == Approx(replay(spec, w.events(), baseline, initial, notification, Rule::area_and_window,
                           end_s))
                 .margin(1e-9));
    if (notification) {
      // The rule widened either way moves hostility by far more than that.
      CHECK(std::abs(actual
                     - replay(spec, w.events(), baseline, initial, true, Rule::window_only, end_s))
            > 1e-3);
      CHECK(std::abs(actual
                     - replay(spec, w.events(), baseline, initial, true, Rule::area_only, end_s))
            > 1e-3);
    }
  }
}
