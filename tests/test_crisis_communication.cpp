// The crisis-communication mechanisms against their known answers: hotline
// connection fractions (binomial intervals), the answer delay's median,
// CUES's both-adhere fraction, direct_link's incident rate, trilateral
// dialogue's cut at each period, retaliation only at L3 and its contact
// factor, allies' posture and deployments, and the whole layer identical at
// 1, 2 and 3 threads.
//
// Tolerances: counts are checked against 4 binomial (or Poisson) standard
// deviations, so a correct model fails about once in 16,000 runs of a test;
// every test is seeded, so a pass is reproducible.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "held_pair.hpp"
#include "hotline/agents/crisis_command.hpp"
#include "hotline/agents/hotline_exchange.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "test_support.hpp"

using namespace hotline;
using agents::CrisisCommand;
using agents::Event;
using agents::EventType;
using agents::HotlineExchange;
using agents::HotlinePolicy;
using agents::PlatformWorld;
using agents::Severity;

namespace {

constexpr double kHour = 3600.0;
constexpr double kDay = 86400.0;

HotlinePolicy hotline_policy(double p_answer, std::uint32_t retries) {
  HotlinePolicy h;
  h.answer_probability.fill(p_answer);
  h.answer_delay_median_s = 3 * kHour;
  h.answer_delay_sigma = 1.0;
  h.retry_interval_s = 2 * kHour;
  h.max_retries = retries;
  h.effect = 0.4;
  return h;
}

// Places `calls` calls one after another on a single line and runs each to
// its end; returns the exchange's counts.
agents::HotlineCounts place_calls(const HotlinePolicy& policy, int calls, std::uint32_t relays = 0,
                                  int level = 0) {
  HotlineExchange exchange(policy, {0}, {relays}, engine::CounterRng(7, 0));
  const std::vector<int> levels{level};
  double t = 0.0;
  for (int i = 0; i < calls; ++i) {
    REQUIRE(exchange.call(0, t) == 1);
    while (exchange.busy(0)) {
      t = exchange.next_event_s();
      exchange.process_next(levels);
    }
  }
  return exchange.counts(0);
}

// |observed − n p| within 4 binomial standard deviations.
bool within_binomial(double observed, double n, double p) {
  return std::abs(observed - n * p) <= 4.0 * std::sqrt(n * p * (1.0 - p));
}

// Two rival nations, each with a command centre, one ship each (the command
// layer's tests drive it directly), and the given escalation and policies.
agents::WorldSpec two_rivals(const std::string& escalation, const std::string& policies) {
  return scenarios::build_world_spec(
      scenarios::load_scenario_text(std::string(test::kHeldPairHead)
                                        + "nations:\n"
                                          "  - {id: blue, relations: {red: rival, green: ally}}\n"
                                          "  - {id: red, relations: {blue: rival, green: rival}}\n"
                                          "  - {id: green, relations: {blue: ally, red: rival}}\n"
                                          "classes:\n"
                                        + test::kCutterClass + "forces:\n" + test::kHeldCutters
                                        + "command_centres:\n"
                                          "  - {id: blue_hq, nation: blue}\n"
                                          "  - {id: red_hq, nation: red}\n"
                                          "  - {id: green_hq, nation: green}\n"
                                          "escalation:\n"
                                        + escalation + "policies:\n" + policies,
                                    "rivals.yaml"));
}

Event incident(std::uint32_t step, double time_s, Severity severity) {
  Event e;
  e.step = step;
  e.time_s = time_s;
  e.type = EventType::incident;
  e.agent_a = 0;
  e.agent_b = 1;
  e.nation_a = 0;  // blue
  e.nation_b = 1;  // red
  e.severity = severity;
  return e;
}

// Steps the command layer until `until_s`, collecting its events.
void advance(CrisisCommand& c, std::uint32_t& step, double dt, double until_s,
             std::vector<Event>& events) {
  while (static_cast<double>(step) * dt < until_s) {
    c.end_step(step, static_cast<double>(step + 1) * dt, events);
    ++step;
  }
}

}  // namespace

TEST_CASE("a hotline with answer probability p and no retries connects a fraction p of calls",
          "[crisis][hotline]") {
  const int n = 20000;
  for (const double p : {0.2, 0.5, 0.9}) {
    const agents::HotlineCounts c = place_calls(hotline_policy(p, 0), n);
    INFO("p = " << p << ", connected " << c.connected << " of " << n);
    CHECK(c.calls == static_cast<std::uint64_t>(n));
    CHECK(c.attempts == static_cast<std::uint64_t>(n));
    CHECK(c.connected + c.failed == static_cast<std::uint64_t>(n));
    CHECK(within_binomial(static_cast<double>(c.connected), n, p));
  }
}

TEST_CASE("with k retries a call connects with probability 1 - (1 - p)^(k + 1)",
          "[crisis][hotline]") {
  const int n = 20000;
  for (const std::uint32_t k : {1U, 3U}) {
    const double p = 0.3;
    const double expected = 1.0 - std::pow(1.0 - p, k + 1);
    const agents::HotlineCounts c = place_calls(hotline_policy(p, k), n);
    INFO("k = " << k << ": connected " << c.connected << " of " << n << ", expected "
                << expected * n);
    CHECK(within_binomial(static_cast<double>(c.connected), n, expected));
    // Attempts per call: 1 + the retries made, a truncated geometric count
    // with mean (1 − (1 − p)^(k+1)) / p.
    const double mean_attempts = static_cast<double>(c.attempts) / n;
    CHECK(mean_attempts == Approx(expected / p).epsilon(0.02));
  }
  SECTION("a dialogue partner's relay is one more attempt") {
    const agents::HotlineCounts c = place_calls(hotline_policy(0.3, 1), n, 1);
    CHECK(within_binomial(static_cast<double>(c.connected), n, 1.0 - std::pow(0.7, 3)));
    CHECK(within_binomial(static_cast<double>(c.relayed), n, std::pow(0.7, 2) * 0.3));
  }
}

TEST_CASE("the answer probability is the one for the dyad's level", "[crisis][hotline]") {
  HotlinePolicy policy = hotline_policy(0.9, 0);
  policy.answer_probability[3] = 0.1;  // unanswered in a militarised crisis
  const int n = 20000;
  CHECK(within_binomial(static_cast<double>(place_calls(policy, n, 0, 3).connected), n, 0.1));
  CHECK(within_binomial(static_cast<double>(place_calls(policy, n, 0, 2).connected), n, 0.9));
}

TEST_CASE("the connect delay of calls answered at once has the lognormal's median",
          "[crisis][hotline]") {
  // p = 1: every call connects after one lognormal delay, median 3 h. The
  // fraction of delays below the median is binomial(n, 1/2).
  const int n = 20000;
  const agents::HotlineCounts c = place_calls(hotline_policy(1.0, 0), n);
  REQUIRE(c.connect_delays_s.size() == static_cast<std::size_t>(n));
  double below = 0;
  double log_sum = 0.0;
  double log_sq = 0.0;
  for (const double d : c.connect_delays_s) {
    below += d < 3 * kHour ? 1 : 0;
    log_sum += std::log(d / (3 * kHour));
    log_sq += std::log(d / (3 * kHour)) * std::log(d / (3 * kHour));
  }
  CHECK(within_binomial(below, n, 0.5));
  // log(delay / median) is standard normal × sigma = 1: mean 0 (standard
  // error 1/√n), variance 1 (standard error √(2/n)).
  const double mean = log_sum / n;
  CHECK(std::abs(mean) < 4.0 / std::sqrt(n));
  CHECK(std::abs(log_sq / n - mean * mean - 1.0) < 4.0 * std::sqrt(2.0 / n));
}

TEST_CASE("a busy line does not take a second call", "[crisis][hotline]") {
  HotlineExchange exchange(hotline_policy(0.5, 2), {0, 0, 1}, {0, 0}, engine::CounterRng(1, 0));
  CHECK(exchange.call(0, 0.0) == 2);  // both lines of dyad 0
  CHECK(exchange.call(0, 10.0) == 0);
  CHECK(exchange.call(1, 10.0) == 1);
  CHECK(exchange.counts(0).calls == 2);
}

TEST_CASE("trilateral dialogue cuts its participants' tension by its factor each period",
          "[crisis][dialogue]") {
  const agents::WorldSpec spec = two_rivals(
      "  perceived_deliberate: 1\n  report_delay: {median: 1 min, sigma: 0}\n",
      "  - id: talks\n    trilateral_dialogue: {participants: [blue, red], period: 10 d, effect: "
      "0.25}\n");
  CrisisCommand c(spec, spec.policies[0], engine::CounterRng(3, 0));
  std::uint32_t step = 0;
  std::vector<Event> events;
  c.report_incident(incident(0, 0.0, Severity::grave), false);
  // The same between red and green: green takes no part in the dialogue.
  Event red_green = incident(0, 0.0, Severity::grave);
  red_green.nation_a = 1;
  red_green.nation_b = 2;
  c.report_incident(red_green, false);
  advance(c, step, spec.dt_s, 1 * kDay, events);
  REQUIRE(c.dyads().size() == 2);  // blue–red, red–green
  REQUIRE(c.dyad(0).tension() > 0.0);
  REQUIRE(c.dyad(1).tension() > 0.0);
  const double decay = c.dyad(0).step_decay_factor();
  for (int period = 1; period <= 3; ++period) {
    // The round at exactly period × 10 d falls in the step that begins then.
    advance(c, step, spec.dt_s, period * 10 * kDay, events);
    const double before = c.dyad(0).tension();
    const double outside = c.dyad(1).tension();
    advance(c, step, spec.dt_s, period * 10 * kDay + spec.dt_s, events);
    INFO("period " << period);
    CHECK(c.dyad(0).tension() == Approx(before * 0.75 * decay).epsilon(1e-12));
    CHECK(c.dyad(1).tension() == Approx(outside * decay).epsilon(1e-12));
  }
}

TEST_CASE("retaliation happens at L3 and never below", "[crisis][retaliation]") {
  // Every incident is grave and seen as deliberate; r = 1. Each side's
  // report adds 5: the dyad goes L2 (5), L2 (10), L3 (15): the first report
  // that arrives at L3 is answered by a clash, and no earlier one.
  const agents::WorldSpec spec = two_rivals(
      "  perceived_deliberate: 1\n  report_delay: {median: 10 min, sigma: 1}\n"
      "  tension_half_life: 1000 d\n  retaliation: {probability: 1}\n",
      "  - id: none\n");
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    CrisisCommand c(spec, spec.policies[0], engine::CounterRng(seed, 0));
    std::uint32_t step = 0;
    std::vector<Event> events;
    int level = 0;
    for (int k = 0; k < 4; ++k) {
      const double t = k * kDay;
      advance(c, step, spec.dt_s, t, events);
      c.report_incident(incident(step, t, Severity::grave), false);
      advance(c, step, spec.dt_s, t + kDay - spec.dt_s, events);
    }
    int clashes = 0;
    for (const Event& e : events) {
      if (e.type == EventType::level_change && e.nation_a == 0 && e.nation_b == 1) {
        if (static_cast<int>(e.value) != 4) level = static_cast<int>(e.value);
      }
      if (e.type == EventType::clash) {
        ++clashes;
        CHECK(level == 3);
      }
    }
    CHECK(clashes == 1);
    CHECK(c.dyad(0).level() == 4);
    REQUIRE(c.dyad(0).first_clash_s());
    CHECK(*c.dyad(0).first_clash_s() > 1 * kDay);  // the second incident, at L3
    CHECK(*c.dyad(0).first_clash_s() < 2 * kDay);
  }
}

TEST_CASE("a connected call within the clarification window lowers retaliation",
          "[crisis][retaliation]") {
  // r = 1 and contact factor 0: without the hotline the second grave
  // incident brings a clash (above); a hotline answering within minutes
  // connects after the first and clarifies the second, which arrives 1 h
  // later, within the 6 h window: no clash. The call also cuts tension by
  // (1 − effect) = 0.99, so this run never reaches L3 anyway: use effect 0.
  const std::string escalation =
      "  perceived_deliberate: 1\n  report_delay: {median: 1 min, sigma: 0}\n"
      "  tension_half_life: 1000 d\n"
      "  retaliation: {probability: 1, contact_factor: 0, clarification_window: 6 h}\n";
  const agents::WorldSpec spec = two_rivals(
      escalation,
      "  - id: none\n  - id: hotline\n    hotline: {endpoints: [[blue_hq, red_hq]], p_answer: 1, "
      "answer_delay: {median: 5 min, sigma: 0}, effect: 0}\n");
  for (const std::size_t policy : {std::size_t{0}, std::size_t{1}}) {
    CrisisCommand c(spec, spec.policies[policy], engine::CounterRng(5, 0));
    std::uint32_t step = 0;
    std::vector<Event> events;
    c.report_incident(incident(0, 0.0, Severity::grave), false);  // 10: L2, a call
    advance(c, step, spec.dt_s, 3600.0, events);
    c.report_incident(incident(step, 3600.0, Severity::grave), false);  // 20: L3
    advance(c, step, spec.dt_s, 2 * 3600.0, events);
    INFO("policy " << spec.policies[policy].id);
    CHECK(c.dyad(0).peak_level() >= 3);
    CHECK(c.clashes(0) == (policy == 0 ? 1U : 0U));
    if (policy == 1) {
      REQUIRE(c.calls(0) != nullptr);
      CHECK(c.calls(0)->connected >= 1);
    }
  }
}

TEST_CASE("a connected call cuts tension and makes reports in flight accidental",
          "[crisis][hotline]") {
  // The call connects 5 min after the first incident's reports (L2); a
  // second incident 1 min later has its reports in flight for 10 min, so
  // the call explains it: it adds 2 × 0.5 × 0.3 × 10 = 3, not 10.
  const agents::WorldSpec spec = two_rivals(
      "  perceived_deliberate: 1\n  report_delay: {median: 10 min, sigma: 0}\n"
      "  tension_half_life: 100000 d\n",
      "  - id: hotline\n    hotline: {endpoints: [[blue_hq, red_hq]], p_answer: 1, "
      "answer_delay: {median: 5 min, sigma: 0}, effect: 0.5}\n");
  CrisisCommand c(spec, spec.policies[0], engine::CounterRng(5, 0));
  std::uint32_t step = 0;
  std::vector<Event> events;
  c.report_incident(incident(0, 0.0, Severity::grave), false);
  advance(c, step, spec.dt_s, 11 * 60.0, events);  // both reports in: T = 10, a call at 10 min
  CHECK(c.dyad(0).tension() == Approx(10.0).epsilon(1e-6));
  c.report_incident(incident(step, 11 * 60.0, Severity::grave), false);
  advance(c, step, spec.dt_s, 25 * 60.0, events);
  // Connected at 15 min: 10 × 0.5 = 5; then the explained reports at 21 min:
  // + 3.
  CHECK(c.calls(0)->connected == 1);
  CHECK(c.dyad(0).tension() == Approx(8.0).epsilon(1e-6));
  // Those reports are of a grave incident, so they place a call of their
  // own, which connects at 26 min: 8 × 0.5.
  advance(c, step, spec.dt_s, 30 * 60.0, events);
  CHECK(c.calls(0)->connected == 2);
  CHECK(c.dyad(0).tension() == Approx(4.0).epsilon(1e-6));
}

namespace {

// Blue and red are rivals, each with a held cutter, which meet at once;
// green is blue's ally, with a frigate based at `port` ("lat: .., lon: ..")
// that loiters in `circle` while an ally is in crisis. Every incident is grave and seen as
// deliberate, one per `cooldown`; tension halves daily.
agents::WorldSpec allies_world(const std::string& port, const std::string& circle,
                               const std::string& cooldown) {
  return scenarios::build_world_spec(scenarios::load_scenario_text(
      std::string(test::kHeldPairHead)
          + "nations:\n"
            "  - {id: blue, relations: {red: rival, green: ally}}\n"
            "  - {id: red, relations: {blue: rival, green: neutral}}\n"
            "  - {id: green, relations: {blue: ally, red: neutral}}\n"
            "bases:\n"
            "  - {id: port, nation: green, "
          + port
          + "}\n"
            "classes:\n"
          + test::kCutterClass
          + "  - {id: frigate, kind: ship, role: warship, cruise_speed: 15 kn, max_speed: 25 kn,\n"
            "     sensor_range: 20 nmi}\n"
            "forces:\n"
          + test::kHeldCutters
          + "  - {id: g, nation: green, class: frigate, count: 1, base: port, deploy_on: "
            "ally_crisis,\n"
            "     mission: {type: loiter, around: "
          + circle
          + ", radius: 20 km}}\n"
            "incidents:\n"
            "  base_rate: 1000 per h\n"
            "  cooldown: "
          + cooldown
          + "\n"
            "  severity_mix: {unsafe: 0, dangerous: 0, grave: 1}\n"
            "escalation:\n"
            "  perceived_deliberate: 1\n"
            "  tension_half_life: 1 d\n"
            "  retaliation: {probability: 0}\n",
      "allies.yaml"));
}

}  // namespace

TEST_CASE("an ally's crisis raises posture and deploys ally_crisis forces", "[crisis][allies]") {
  // Blue and red are rivals; green is blue's ally with a frigate that
  // deploys on an ally's crisis. A grave incident seen as deliberate by
  // both takes blue–red to L2: blue and red go to posture 2, green to 1,
  // and green's frigate sails; when tension has decayed below L2 it goes
  // home.
  const agents::WorldSpec spec =
      allies_world("lat: 25.5, lon: 125.5", "{lat: 25.0, lon: 125.0}", "1000 d");
  PlatformWorld w(spec, 1, 0);
  const auto frigate_in_play = [&] { return w.agents().alive[w.agents().slot_of(2)] != 0; };
  CHECK_FALSE(frigate_in_play());
  for (int i = 0; i < 60; ++i)
    w.step();  // one grave incident in the first step; both reports in within the hour
  CHECK(w.crisis().dyad(0).level() == 2);
  CHECK(w.posture(0) == 2);
  CHECK(w.posture(1) == 2);
  CHECK(w.posture(2) == 1);
  CHECK(frigate_in_play());
  // Tension 10 halves daily: below 5 (L1) after a day, so the crisis ends
  // and the frigate heads home (out of play once there: 70 km at 15 kn,
  // under 3 h).
  for (int i = 0; i < 2 * 24 * 60; ++i)
    w.step();
  CHECK(w.crisis().dyad(0).level() == 1);
  CHECK(w.posture(2) == 0);
  CHECK_FALSE(frigate_in_play());
}

TEST_CASE("an ally_crisis force recalled on its way home turns round when the crisis returns",
          "[crisis][allies]") {
  // As above, with a grave incident every 1.2 days (the cooldown) and the
  // frigate's port 305 km from its circle (11 h at 15 kn). The first crisis
  // ends after about a day and the frigate is recalled; the second begins
  // about 5 h into its way home. It turns round at once, and is in play while
  // the second crisis lasts (it used to sail on home and stay in port, in
  // `ready`, for the rest of the run).
  const agents::WorldSpec spec =
      allies_world("lat: 22.5, lon: 129.5", "{lat: 24.0, lon: 127.0}", "1.2 d");
  PlatformWorld w(spec, 1, 0);
  const std::uint32_t frigate = 2;
  const auto in_play = [&] { return w.agents().alive[w.agents().slot_of(frigate)] != 0; };
  const auto state = [&] { return w.state_of_slot()[w.agents().slot_of(frigate)]; };
  bool recalled = false;
  bool redeployed_at_sea = false;
  for (int minute = 0; minute < 2 * 24 * 60; ++minute) {
    w.step();
    if (state() == agents::PlatformState::returning) recalled = true;
    if (recalled && in_play() && state() != agents::PlatformState::returning)
      redeployed_at_sea = true;
  }
  CHECK(recalled);
  CHECK(redeployed_at_sea);
  // Two days in: the second crisis is on, and the frigate is out in it.
  CHECK(w.crisis().dyad(0).level() == 2);
  CHECK(in_play());
  CHECK(state() != agents::PlatformState::ready);
}

TEST_CASE("cues: both sides adhere in a fraction q squared of encounters", "[crisis][cues]") {
  // 200 ships of each side mill about in a 3 km circle: encounters begin
  // and end all the time. Aircraft–aircraft encounters are not under CUES;
  // this scenario has none.
  const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_text(
      "name: crowd\n"
      "frame: {centre: {lat: 25.0, lon: 125.0}}\n"
      "time: {dt: 1 min}\n"
      "nations:\n"
      "  - {id: blue, relations: {red: rival}}\n"
      "  - {id: red, relations: {blue: rival}}\n"
      "classes:\n"
      "  - {id: boat, kind: ship, role: militia, cruise_speed: 10 kn, max_speed: 12 kn,\n"
      "     sensor_range: 1 km}\n"
      "forces:\n"
      "  - {id: b, nation: blue, class: boat, count: 200,\n"
      "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 12 km}}\n"
      "  - {id: r, nation: red, class: boat, count: 200,\n"
      "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 12 km}}\n"
      "encounters: {ranges: {ship_ship: 1 km}}\n"
      "policies:\n"
      "  - {id: cues, cues: {adherence: 0.7}}\n",
      "crowd.yaml"));
  PlatformWorld w(spec, 11, 0);
  for (int i = 0; i < 6 * 60; ++i)
    w.step();
  const auto n = static_cast<double>(w.cues_encounters());
  INFO(w.cues_both_adhered() << " of " << n << " encounters");
  REQUIRE(n > 5000);
  CHECK(n == static_cast<double>(w.dyad_counts()[0].encounters));
  CHECK(within_binomial(static_cast<double>(w.cues_both_adhered()), n, 0.49));
}

TEST_CASE("direct_link multiplies the incident rate by 1 - reduction", "[crisis][direct_link]") {
  // The held pair of test_platform_encounters: one encounter for the whole
  // run, λ0 = 1 per h, postures pinned at 0. With direct_link (reduction
  // 0.3), 100 runs of 100 h have a mean count of 100 × 0.7 = 70 per run
  // (exactly 6000 × (1 − e^(−0.7/60)) = 69.6): Poisson, standard error of
  // the mean √(70/100).
  const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_text(
      std::string(test::kHeldPairHead) + "nations:\n" + test::kBlueRedRivals + "classes:\n"
          + test::kCutterClass + "forces:\n" + test::kHeldCutters
          + "incidents: {base_rate: 1 per h, cooldown: 0 s}\n"
            "policies:\n"
            "  - {id: none}\n"
            "  - {id: link, direct_link: {reduction: 0.3}}\n",
      "held.yaml"));
  for (const std::size_t policy : {std::size_t{0}, std::size_t{1}}) {
    double total = 0.0;
    const int runs = 100;
    for (int seed = 1; seed <= runs; ++seed) {
      PlatformWorld w(spec, static_cast<std::uint64_t>(seed), 0, policy);
      w.pin_posture(0, 0);
      w.pin_posture(1, 0);
      for (int i = 0; i < 100 * 60; ++i)
        w.step();
      const agents::DyadCounts& c = w.dyad_counts()[0];
      total += static_cast<double>(c.incidents[0] + c.incidents[1] + c.incidents[2]);
    }
    const double expected = 6000 * -std::expm1(-(policy == 0 ? 1.0 : 0.7) / 60);
    INFO("policy " << spec.policies[policy].id);
    CHECK(std::abs(total / runs - expected) < 4 * std::sqrt(expected / runs));
  }
}

TEST_CASE("the command layer is identical at 1, 2 and 3 threads", "[crisis][determinism]") {
  // 8 days of east_china_sea_2023 (3,098 platforms) under every mechanism
  // at once: the hash covers positions, every event and every dyad's tension
  // and calls, and the run exercises the command layer (calls are placed).
  const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_file(
      std::string(HOTLINE_SOURCE_DIR) + "/scenarios/east_china_sea_2023.yaml"));
  std::size_t all = 0;
  while (spec.policies[all].id != "all")
    ++all;
  std::vector<std::uint64_t> hashes;
  std::uint64_t calls_placed = 0;
  for (const int threads : {1, 2, 3}) {
    engine::ThreadControl control(threads);
    control.run([&] {
      PlatformWorld w(spec, 9, 4, all);
      test::Fnv1a hash;
      for (int i = 0; i < 8 * 1440; ++i) {
        w.step();
        for (const Event& e : w.events()) {
          calls_placed += e.type == EventType::call_placed ? 1 : 0;
          hash.add_u64(e.step);
          hash.add_u64(static_cast<std::uint64_t>(e.type));
          hash.add_u64(e.agent_a);
          hash.add_u64(e.agent_b);
          hash.add_u64(e.value);
          hash.add_double(e.time_s);
        }
        w.clear_events();
      }
      for (std::size_t d = 0; d < w.dyads().size(); ++d) {
        hash.add_double(w.crisis().dyad(d).tension());
        hash.add_u64(static_cast<std::uint64_t>(w.crisis().dyad(d).crises()));
        hash.add_u64(w.crisis().calls(d)->connected);
      }
      hashes.push_back(hash.value());
    });
  }
  CHECK(calls_placed > 0);
  CHECK(hashes[0] == hashes[1]);
  CHECK(hashes[0] == hashes[2]);
}
