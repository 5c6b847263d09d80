// The sections that describe forces, command centres, exercises, policies
// and output: values as loaded, defaults, resolved references and
// composition.
#include <catch2/catch.hpp>
#include <string>

#include "hotline/scenarios/defaults.hpp"
#include "hotline/scenarios/scenario.hpp"

using namespace hotline::scenarios;

namespace {

constexpr const char* kBase =
    "name: sections\n"
    "frame: {centre: {lat: 25.74, lon: 123.47}}\n"
    "nations:\n"
    "  - {id: japan, relations: {china: rival}}\n"
    "  - {id: china, relations: {japan: rival}}\n"
    "zones:\n"
    "  - {id: cz, kind: contiguous_zone, owner: japan,\n"
    "     circle: {centre: {lat: 25.74, lon: 123.47}, radius: 24 nmi}}\n"
    "  - {id: drill_area, kind: exercise_area, circle: {centre: {lat: 27, lon: 124}, radius: 50 "
    "km}}\n"
    "points:\n"
    "  - {id: island, lat: 25.74, lon: 123.47}\n"
    "bases:\n"
    "  - {id: naha, nation: japan, lat: 26.2, lon: 127.65}\n"
    "  - {id: ningbo, nation: china, lat: 29.93, lon: 121.85}\n"
    "classes:\n"
    "  - {id: cutter, kind: ship, role: coast_guard, cruise_speed: 15 kn, max_speed: 25 kn,\n"
    "     sensor_range: 20 nmi}\n"
    "  - {id: f15, kind: aircraft, role: fighter, cruise_speed: 900 km/h, max_speed: 2000 km/h,\n"
    "     sensor_range: 150 km, endurance: 3 h, turnaround: 2 h}\n";

// The sections, not the land, are under test: open sea.
Scenario load(const std::string& extra) {
  return load_scenario_text(std::string(kBase) + extra + "geography: {land: none}\n", "s.yaml");
}

}  // namespace

TEST_CASE("forces: missions with their parameters and defaults", "[scenario][forces]") {
  const Scenario s = load(
      "forces:\n"
      "  - {id: ccg, nation: china, class: cutter, count: 3, base: ningbo,\n"
      "     mission: {type: patrol, area: cz}}\n"
      "  - {id: jcg, nation: japan, class: cutter, count: 2, base: naha, mission: {type: "
      "respond}}\n"
      "  - {id: alert, nation: japan, class: f15, count: 4, base: naha,\n"
      "     mission: {type: alert, standoff: 1 nmi, shadow: 20 min}}\n"
      "  - {id: militia, nation: china, class: cutter, count: 50,\n"
      "     mission: {type: loiter, around: island, radius: 20 km, swarm: {towards: island}}}\n"
      "  - {id: transit, nation: china, class: cutter, count: 1,\n"
      "     mission: {type: route, waypoints: [ningbo, {lat: 26, lon: 124}], loop: false}}\n");
  REQUIRE(s.forces.size() == 5);
  const Force& ccg = s.forces[0];
  CHECK(ccg.nation == 1);
  CHECK(ccg.count == 3);
  CHECK(ccg.base == std::optional<std::size_t>(1));
  CHECK(ccg.deploy_on == Deployment::start);
  CHECK(ccg.mission.type == MissionType::patrol);
  CHECK(ccg.mission.area == 0);
  CHECK(ccg.mission.dwell_s == defaults::kPatrolDwellS);
  CHECK(s.forces[1].mission.standoff_km == defaults::kRespondStandoffKm);
  CHECK(s.forces[1].mission.shadow_s == defaults::kRespondShadowS);
  CHECK(s.forces[2].mission.standoff_km == Approx(1.852).epsilon(1e-15));
  CHECK(s.forces[2].mission.shadow_s == 1200.0);
  const Mission& loiter = s.forces[3].mission;
  CHECK(loiter.around == GeoPoint{25.74, 123.47});
  CHECK(loiter.radius_km == 20.0);
  REQUIRE(loiter.swarm.has_value());
  CHECK(loiter.swarm->radius_km == defaults::kSwarmRadiusKm);
  CHECK(loiter.swarm->from_posture == defaults::kSwarmFromPosture);
  const Mission& route = s.forces[4].mission;
  REQUIRE(route.waypoints.size() == 2);
  CHECK(route.waypoints[0] == GeoPoint{29.93, 121.85});  // the base's position
  CHECK_FALSE(route.loop);
}

TEST_CASE("a sortie that fits its endurance loads, its rate per platform", "[scenario][forces]") {
  const Scenario s = load(
      "forces:\n"
      "  - {id: flights, nation: china, class: f15, count: 2, base: ningbo,\n"
      "     mission: {type: sortie, rate: 2 per d, route: [{lat: 28, lon: 124}, island]}}\n");
  CHECK(s.forces[0].mission.launches_per_s == Approx(2.0 / 86400.0).epsilon(1e-15));
  CHECK(s.forces[0].mission.waypoints.size() == 2);
}

TEST_CASE("command centres: radars, watches and responders resolved at load time",
          "[scenario][command]") {
  const Scenario s = load(
      "forces:\n"
      "  - {id: alert_a, nation: japan, class: f15, count: 4, base: naha, mission: {type: "
      "alert}}\n"
      "  - {id: jcg, nation: japan, class: cutter, count: 2, base: naha, mission: {type: "
      "respond}}\n"
      "  - {id: alert_b, nation: japan, class: f15, count: 2, base: naha, mission: {type: "
      "alert}}\n"
      "command_centres:\n"
      "  - id: joint_staff\n"
      "    nation: japan\n"
      "    radars: [{at: naha, range: 400 km}, {at: {lat: 24.8, lon: 125.3}, range: 200 nmi}]\n"
      "    watches:\n"
      "      - {zone: cz, scramble: 2, dispatch: 1}\n"
      "      - {zone: drill_area, scramble: 1, intruders: [bomber, uav], responders: [alert_b]}\n");
  REQUIRE(s.command_centres.size() == 1);
  const CommandCentre& c = s.command_centres[0];
  CHECK(c.name == "joint_staff");
  REQUIRE(c.radars.size() == 2);
  CHECK(c.radars[0].at == GeoPoint{26.2, 127.65});
  CHECK(c.radars[1].range_km == Approx(370.4).epsilon(1e-15));
  REQUIRE(c.watches.size() == 2);
  // By default every alert and respond force of the nation, in file order.
  CHECK(c.watches[0].responders == std::vector<std::size_t>{0, 1, 2});
  CHECK(c.watches[0].scramble_per_intruder == 2);
  CHECK(c.watches[0].dispatch_per_intruder == 1);
  CHECK(c.watches[1].responders == std::vector<std::size_t>{2});
  // By default every role of the kinds a rule answers.
  using hotline::agents::role_bit;
  using hotline::agents::roles_of_kind;
  CHECK(c.watches[0].intruder_roles
        == (roles_of_kind(PlatformKind::ship) | roles_of_kind(PlatformKind::aircraft)));
  CHECK(c.watches[1].intruder_roles == (role_bit(Role::bomber) | role_bit(Role::uav)));
  CHECK(c.watches[1].concerns(Role::uav));
  CHECK_FALSE(c.watches[1].concerns(Role::fighter));
}

TEST_CASE("exercises name an area, a time and forces", "[scenario][exercises]") {
  const Scenario s = load(
      "forces:\n"
      "  - {id: group, nation: china, class: cutter, count: 4, base: ningbo, deploy_on: exercise,\n"
      "     mission: {type: patrol, area: drill_area}}\n"
      "exercises:\n"
      "  - {id: drill, nation: china, area: drill_area, start: 12 h, duration: 2 d, forces: "
      "[group]}\n");
  REQUIRE(s.exercises.size() == 1);
  CHECK(s.exercises[0].start_s == 43200.0);
  CHECK(s.exercises[0].duration_s == 172800.0);
  CHECK(s.exercises[0].forces == std::vector<std::size_t>{0});
  CHECK(s.forces[0].deploy_on == Deployment::exercise);
}

TEST_CASE("policies: defaults, composition and overrides", "[scenario][policies]") {
  const Scenario s = load(
      "command_centres:\n"
      "  - {id: joint_staff, nation: japan}\n"
      "  - {id: cmc, nation: china}\n"
      "policies:\n"
      "  - {id: none}\n"
      "  - {id: hotline, hotline: {}}\n"
      "  - {id: link, direct_link: {deliberate_shift: 0.25}}\n"
      "  - id: both\n"
      "    include: [hotline, link]\n"
      "    hotline: {p_answer: {l2: 0.2}, max_retries: 5, answer_delay: {median: 1 d, sigma: "
      "0.5}}\n"
      "  - {id: talk, trilateral_dialogue: {period: 14 d}}\n");
  REQUIRE(s.policies.size() == 5);
  CHECK(s.policies[0].id == "none");
  CHECK_FALSE(s.policies[0].hotline.has_value());
  const HotlinePolicy& h = *s.policies[1].hotline;
  // Default endpoints: the first command centre of each side of each rival dyad.
  CHECK(h.endpoints == std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}});
  CHECK(h.answer_probability[1] == defaults::kHotlineAnswerProbability[1]);
  CHECK(h.answer_probability[2] == defaults::kHotlineAnswerProbability[2]);
  REQUIRE(h.answer_delay.size() == 1);
  CHECK(h.answer_delay[0].median_s == defaults::kHotlineAnswerDelayMedianS);
  CHECK(h.max_retries == defaults::kHotlineMaxRetries);
  CHECK(s.policies[2].direct_link->deliberate_shift == 0.25);
  CHECK(s.policies[2].direct_link->reduction == defaults::kDirectLinkReduction);
  const Policy& both = s.policies[3];
  REQUIRE(both.hotline.has_value());
  REQUIRE(both.direct_link.has_value());
  CHECK(both.direct_link == s.policies[2].direct_link);
  CHECK(both.hotline->answer_probability[2] == 0.2);  // overridden
  CHECK(both.hotline->answer_probability[3] == defaults::kHotlineAnswerProbability[3]);
  CHECK(both.hotline->max_retries == 5);
  // A policy-wide answer delay applies to every line.
  CHECK(both.hotline->answer_delay[0].median_s == 86400.0);
  CHECK(both.hotline->answer_delay[0].sigma == 0.5);
  const TrilateralDialoguePolicy& talk = *s.policies[4].trilateral_dialogue;
  CHECK(talk.participants == std::vector<std::size_t>{0, 1});  // every nation by default
  CHECK(talk.period_s == 14 * 86400.0);
  CHECK(talk.baseline_cut == defaults::kDialogueBaselineCut);
  CHECK(talk.restraint_gain == defaults::kDialogueRestraintGain);
}

TEST_CASE("each hotline line keeps its own answer delay, through the resolved text too",
          "[scenario][policies]") {
  // Reading a line written {between, answer_delay} once replaced the item by
  // its `between` list (yaml-cpp's Node assignment aliases), so every line
  // got the policy-wide delay.
  const Scenario s = load(
      "command_centres:\n"
      "  - {id: joint_staff, nation: japan}\n"
      "  - {id: cmc, nation: china}\n"
      "  - {id: eastern, nation: china}\n"
      "policies:\n"
      "  - id: lines\n"
      "    hotline:\n"
      "      answer_delay: {median: 2 h, sigma: 0.3}\n"
      "      endpoints:\n"
      "        - {between: [joint_staff, cmc], answer_delay: {median: 24 h, sigma: 0.4}}\n"
      "        - {between: [joint_staff, eastern]}\n");
  const auto check = [](const Scenario& loaded) {
    const HotlinePolicy& h = *loaded.policies.at(0).hotline;
    REQUIRE(h.answer_delay.size() == 2);
    CHECK(h.answer_delay[0].median_s == 86400.0);
    CHECK(h.answer_delay[0].sigma == 0.4);
    CHECK(h.answer_delay[1].median_s == 7200.0);  // the policy-wide delay
    CHECK(h.answer_delay[1].sigma == 0.3);
  };
  check(s);
  check(load_scenario_text(explain_scenario(s), "resolved.yaml"));
}

TEST_CASE("a file without policies compares nothing: one policy, none", "[scenario][policies]") {
  const Scenario s = load("");
  REQUIRE(s.policies.size() == 1);
  CHECK(s.policies[0].id == "none");
  CHECK(s.output.state_interval_s == 0.0);
  CHECK(s.output.hostility_interval_s == defaults::kHostilityIntervalS);
}

TEST_CASE("output intervals are whole time steps, and the default rounds up to one",
          "[scenario][output]") {
  const Scenario s = load("time: {dt: 7 min}\noutput: {state_interval: 70 min}\n");
  CHECK(s.output.state_interval_s == 4200.0);
  CHECK(s.output.hostility_interval_s == 9 * 420.0);  // 1 h rounded up to whole 7-min steps
}

TEST_CASE("a broken item is reported once, not again where it is named", "[scenario]") {
  try {
    (void)load(
        "forces:\n"
        "  - {id: ccg, nation: china, class: cutter, count: -1, base: ningbo,\n"
        "     mission: {type: respond}}\n"
        "command_centres:\n"
        "  - {id: c, nation: china, watches: [{zone: cz, dispatch: 1, responders: [ccg]}]}\n");
    FAIL("loaded");
  } catch (const ScenarioError& e) {
    CHECK(e.diagnostics().size() == 1);
    CHECK(std::string(e.what()) == "s.yaml:21:52: forces[0].count: -1 is outside [1, 20000000]");
  }
}

TEST_CASE("YAML aliases stand for whole values", "[scenario]") {
  const Scenario s = load_scenario_text(
      "name: aliases\n"
      "frame: {centre: &island {lat: 25.74, lon: 123.47}}\n"
      "nations: [{id: japan}]\n"
      "zones:\n"
      "  - {id: ts, kind: territorial_sea, circle: {centre: *island, radius: 12 nmi}}\n",
      "s.yaml");
  CHECK(s.zones[0].centre == GeoPoint{25.74, 123.47});
}
