// The crisis-communication mechanisms against their known answers: hotline
// connection fractions (binomial intervals), the answer delay's median, the
// race of retries and answer delays against a deadline, CUES's both-adhere
// fraction and its conduct change (naval pairs only), direct_link's
// severity shares, trilateral dialogue's baseline cut at each round, reports
// moving hostility, clashes becoming skirmishes or war, a connected call's
// clarification and joint de-escalation, allies' posture and deployments,
// and the whole layer identical at 1, 2 and 3 threads.
//
// Tolerances: counts are checked against 4 binomial (or Poisson) standard
// deviations, so a correct model fails about once in 16,000 runs of a test;
// every test is seeded, so a pass is reproducible.
#include <array>
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
  h.answer_delay.assign(3, agents::LognormalDelay{3 * kHour, 1.0});
  h.retry_interval_s = 2 * kHour;
  h.max_retries = retries;
  return h;
}

// Places `calls` calls one after another on a single line and runs each to
// its end; returns the exchange's counts.
agents::HotlineCounts place_calls(const HotlinePolicy& policy, int calls, std::uint32_t relays = 0,
                                  int level = 0) {
  HotlinePolicy one_line = policy;
  one_line.answer_delay.resize(1);
  HotlineExchange exchange(one_line, {0}, {relays}, engine::CounterRng(7, 0));
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

TEST_CASE("a call connects before D with probability sum_k (1 - p)^k p F_LN(D - k Delta)",
          "[crisis][hotline]") {
  // Attempt k (k = 0 … K retries) is made at k·Delta and answered with
  // probability p, after a lognormal delay (median 3 h, sigma 1), so
  //   P(connected within D) = Σ_k (1 − p)^k · p · F_LN(D − k·Delta),
  // F_LN(x) = Φ(ln(x / 3 h) / sigma) for x > 0, else 0. p = 0.3, K = 3,
  // Delta = 2 h; the fraction of 20,000 calls connected within D, for D from
  // 1 h to 2 days, within 4 binomial standard deviations.
  const int n = 20000;
  const double p = 0.3;
  const std::uint32_t retries = 3;
  const agents::HotlineCounts c = place_calls(hotline_policy(p, retries), n);
  const auto lognormal_cdf = [](double x) {
    return x <= 0.0 ? 0.0 : 0.5 * std::erfc(-std::log(x / (3 * kHour)) / std::sqrt(2.0));
  };
  for (const double d_hours : {1.0, 3.0, 6.0, 12.0, 48.0}) {
    const double d = d_hours * kHour;
    double expected = 0.0;
    for (std::uint32_t k = 0; k <= retries; ++k)
      expected += std::pow(1.0 - p, k) * p * lognormal_cdf(d - k * 2 * kHour);
    double within = 0;
    for (const double delay : c.connect_delays_s)
      within += delay <= d ? 1 : 0;
    INFO("D = " << d_hours << " h: " << within << " of " << n << ", expected " << expected * n);
    CHECK(within_binomial(within, n, expected));
  }
}

TEST_CASE("a busy line does not take a second call", "[crisis][hotline]") {
  HotlineExchange exchange(hotline_policy(0.5, 2), {0, 0, 1}, {0, 0}, engine::CounterRng(1, 0));
  CHECK(exchange.call(0, 0.0) == 2);  // both lines of dyad 0
  CHECK(exchange.call(0, 10.0) == 0);
  CHECK(exchange.call(1, 10.0) == 1);
  CHECK(exchange.counts(0).calls == 2);
}

namespace {

// The political settings of the tests below: no shocks, hostility that
// stays where reports put it (a relaxation time of 10^5 days), every
// incident seen as deliberate, no de-escalation by choice, and force used
// only as `force` says ("never": resolve −10^3; "always": resolve 10^3).
std::string quiet_escalation(const std::string& force, const std::string& extra = "") {
  return "  report_delay: {median: 1 min, sigma: 0}\n"
         "  perception: {base: 100}\n"
         "  hostility:\n"
         "    relax_time: 100000 d\n"
         "    shocks: {rate: 0 per year}\n"
         "    report_shares: {unsafe: 0.005, dangerous: 0.03, grave: 0.6}\n"
         "    levels: {min_dwell: 0 s}\n"
         "  decisions:\n"
         "    resolve: "
         + std::string(force == "always" ? "1000" : "-1000")
         + "\n"
           "    deescalate: {base: -1000}\n"
         + extra;
}

}  // namespace

TEST_CASE("trilateral dialogue lowers its participants' baseline each round, up to its cap",
          "[crisis][dialogue]") {
  const agents::WorldSpec spec = two_rivals(
      quiet_escalation("never"),
      "  - id: talks\n    trilateral_dialogue: {participants: [blue, red], period: 10 d, "
      "baseline_cut: 0.02, baseline_cut_max: 0.05, restraint_gain: 0.1, restraint_gain_max: "
      "0.25}\n");
  CrisisCommand c(spec, spec.policies[0], engine::CounterRng(3, 0));
  std::uint32_t step = 0;
  std::vector<Event> events;
  REQUIRE(c.dyads().size() == 2);  // blue–red, red–green (green takes no part)
  // Rounds at 0, 10, 20, ... days: 0.1 − 0.02 per round, down to 0.1 − 0.05.
  const double expected[] = {0.08, 0.06, 0.05, 0.05, 0.05};
  for (int round = 0; round <= 4; ++round) {
    advance(c, step, spec.dt_s, round * 10 * kDay + spec.dt_s, events);
    INFO("after round " << round);
    CHECK(c.hostility(0).base() == Approx(expected[round]).margin(1e-12));
    CHECK(c.hostility(1).base() == 0.1);
  }
}

TEST_CASE("a grave incident seen as deliberate raises hostility by its share from each side",
          "[crisis][hostility]") {
  // Both sides' reports: H moves 0.3 of the way to 1 twice, from 0.1.
  const agents::WorldSpec spec = two_rivals(quiet_escalation("never"), "  - id: none\n");
  CrisisCommand c(spec, spec.policies[0], engine::CounterRng(3, 0));
  std::uint32_t step = 0;
  std::vector<Event> events;
  c.report_incident(incident(0, 0.0, Severity::grave), false);
  advance(c, step, spec.dt_s, 10 * 60.0, events);
  const double h1 = 0.1 + 0.3 * 0.9;
  const double h2 = h1 + 0.3 * (1.0 - h1);
  CHECK(c.hostility(0).hostility() == Approx(h2).epsilon(1e-6));
  CHECK(c.level(0) == 2);  // 0.559: L2 (0.45), not L3 (0.65)
  CHECK(c.record(0).first_crisis_s.has_value());
}

TEST_CASE("a clash is a skirmish (L4 for its duration, then L3) or war, which ends the dyad",
          "[crisis][outcomes]") {
  for (const bool war : {false, true}) {
    const agents::WorldSpec spec =
        two_rivals(quiet_escalation("always", std::string("  outcomes: {skirmish_duration: 7 d, "
                                                          "war_probability: ")
                                                  + (war ? "1" : "0") + "}\n"),
                   "  - id: none\n");
    CrisisCommand c(spec, spec.policies[0], engine::CounterRng(3, 0));
    std::uint32_t step = 0;
    std::vector<Event> events;
    c.report_incident(incident(0, 0.0, Severity::grave), false);
    advance(c, step, spec.dt_s, 10 * 60.0, events);
    INFO((war ? "war" : "skirmish"));
    REQUIRE(c.record(0).clashes >= 1);
    CHECK(c.level(0) == 4);
    CHECK(c.at_war(0) == war);
    CHECK(c.record(0).wars == (war ? 1U : 0U));
    if (war) {
      // Nothing more happens to a dyad at war: a new incident is not heard.
      const std::uint32_t clashes = c.record(0).clashes;
      c.report_incident(incident(step, static_cast<double>(step) * spec.dt_s, Severity::grave),
                        false);
      CHECK(c.reports_in_flight() == 0);
      advance(c, step, spec.dt_s, 30 * kDay, events);
      CHECK(c.level(0) == 4);
      CHECK(c.record(0).clashes == clashes);
    } else {
      // Force is always chosen, so the daily epochs at L4 clash again and
      // again; with force never chosen after the first, the skirmish ends.
      CHECK(c.record(0).first_clash_s.value() < 10 * 60.0);
    }
  }
}

TEST_CASE("after a skirmish the dyad is back at L3 and can de-escalate", "[crisis][outcomes]") {
  // One clash on the first grave report (provocation 2000 outweighs resolve
  // −1000 only then), then no force: L4 for 7 days, then L3.
  const agents::WorldSpec spec = two_rivals(
      quiet_escalation("never", "  outcomes: {skirmish_duration: 7 d, war_probability: 0}\n") + "",
      "  - id: none\n");
  agents::WorldSpec provoked = spec;
  provoked.escalation.decisions.provocation = 2000.0;
  CrisisCommand c(provoked, provoked.policies[0], engine::CounterRng(3, 0));
  std::uint32_t step = 0;
  std::vector<Event> events;
  c.report_incident(incident(0, 0.0, Severity::grave), false);
  advance(c, step, spec.dt_s, 6 * kDay, events);
  CHECK(c.record(0).clashes == 2);  // each side's grave report is an epoch
  CHECK(c.level(0) == 4);
  advance(c, step, spec.dt_s, 8 * kDay, events);
  CHECK(c.level(0) == 3);
  CHECK(c.record(0).peak_level == 4);
}

TEST_CASE("a connected call makes reports in flight accidental and both sides de-escalate",
          "[crisis][hotline]") {
  // Reports take 10 min. The first grave incident's reports arrive at
  // 10 min (H 0.559, L2) and place a call, which connects 5 min later: both
  // sides de-escalate (H × 0.85²). A second grave incident at 11 min has its
  // reports in flight when the call connects: they are read as accidental
  // (share × 0.3).
  const agents::WorldSpec spec =
      two_rivals(quiet_escalation("never") + "",
                 "  - id: hotline\n    hotline: {endpoints: [[blue_hq, red_hq]], p_answer: 1, "
                 "answer_delay: {median: 5 min, sigma: 0}}\n");
  agents::WorldSpec slow = spec;
  slow.escalation.perception.report_delay_median_s = 600.0;
  CrisisCommand c(slow, slow.policies[0], engine::CounterRng(5, 0));
  std::uint32_t step = 0;
  std::vector<Event> events;
  c.report_incident(incident(0, 0.0, Severity::grave), false);
  advance(c, step, spec.dt_s, 11 * 60.0, events);
  const double h1 = 0.1 + 0.3 * 0.9;
  const double h2 = h1 + 0.3 * (1.0 - h1);
  CHECK(c.hostility(0).hostility() == Approx(h2).epsilon(1e-6));
  c.report_incident(incident(step, 11 * 60.0, Severity::grave), false);
  advance(c, step, spec.dt_s, 16 * 60.0, events);
  REQUIRE(c.calls(0)->connected == 1);
  const double h3 = h2 * 0.85 * 0.85;
  CHECK(c.hostility(0).hostility() == Approx(h3).epsilon(1e-6));
  advance(c, step, spec.dt_s, 22 * 60.0, events);
  const double h4 = h3 + 0.3 * 0.3 * (1.0 - h3);
  const double h5 = h4 + 0.3 * 0.3 * (1.0 - h4);
  CHECK(c.hostility(0).hostility() == Approx(h5).epsilon(1e-6));
}

namespace {

// Blue and red are rivals, each with a held cutter, which meet at once;
// green is blue's ally, with a frigate based at `port` ("lat: .., lon: ..")
// that loiters in `circle` while an ally is in crisis. Every incident is grave and seen as
// deliberate, one per `cooldown`.
agents::WorldSpec allies_world(const std::string& port, const std::string& circle,
                               const std::string& cooldown) {
  // Hostility relaxes over 1.65 days: 0.559 after a grave incident, below
  // L2's exit (0.35) after a day, below L1's (0.20) after 2.5 days.
  std::string escalation = quiet_escalation("never");
  escalation.replace(escalation.find("100000 d"), 8, "1.65 d");
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
            "  hazard_scale: 1\n"
            "  hazard_length: 1000 km\n"
            "  cooldown: "
          + cooldown
          + "\n"
            "  role_pairs:\n"
            "    - roles: [coast_guard, coast_guard]\n"
            "      conduct: {routine: 1, signalling: 0, harassment: 0}\n"
            "      hazard: {routine: 1000 per h}\n"
            "      severity: {routine: {dangerous: 0, grave: 1}}\n"
            "escalation:\n"
          + escalation,
      "allies.yaml"));
}

}  // namespace

TEST_CASE("an ally's crisis raises posture and deploys ally_crisis forces", "[crisis][allies]") {
  // Blue and red are rivals; green is blue's ally with a frigate that
  // deploys on an ally's crisis. A grave incident seen as deliberate by
  // both takes blue–red to L2: blue and red go to posture 2, green to 1,
  // and green's frigate sails; when hostility has relaxed below L2 it goes
  // home.
  const agents::WorldSpec spec =
      allies_world("lat: 25.5, lon: 125.5", "{lat: 25.0, lon: 125.0}", "1000 d");
  PlatformWorld w(spec, 1, 0);
  const auto frigate_in_play = [&] { return w.agents().alive[w.agents().slot_of(2)] != 0; };
  CHECK_FALSE(frigate_in_play());
  for (int i = 0; i < 60; ++i)
    w.step();  // one grave incident in the first step; both reports in within the hour
  CHECK(w.crisis().level(0) == 2);
  CHECK(w.posture(0) == 2);
  CHECK(w.posture(1) == 2);
  CHECK(w.posture(2) == 1);
  CHECK(frigate_in_play());
  // Below L2's exit after a day, so the crisis ends and the frigate heads
  // home (out of play once there: 70 km at 15 kn, under 3 h).
  for (int i = 0; i < 2 * 24 * 60; ++i)
    w.step();
  CHECK(w.crisis().level(0) == 1);
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
  CHECK(w.crisis().level(0) == 2);
  CHECK(in_play());
  CHECK(state() != agents::PlatformState::ready);
}

TEST_CASE("cues: both sides adhere in a fraction q squared of encounters", "[crisis][cues]") {
  // 200 warships of each side mill about in a 12 km circle: encounters
  // begin and end all the time. The postures stay at 0 (no incident
  // reaches L2 here: q is 0.7 throughout).
  const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_text(
      "name: crowd\n"
      "frame: {centre: {lat: 25.0, lon: 125.0}}\n"
      "time: {dt: 1 min}\n"
      "nations:\n"
      "  - {id: blue, relations: {red: rival}}\n"
      "  - {id: red, relations: {blue: rival}}\n"
      "classes:\n"
      "  - {id: boat, kind: ship, role: warship, cruise_speed: 10 kn, max_speed: 12 kn,\n"
      "     sensor_range: 1 km}\n"
      "forces:\n"
      "  - {id: b, nation: blue, class: boat, count: 200,\n"
      "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 12 km}}\n"
      "  - {id: r, nation: red, class: boat, count: 200,\n"
      "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 12 km}}\n"
      "encounters: {ranges: {ship_ship: 1 km}}\n"
      "policies:\n"
      "  - {id: cues, cues: {adherence: 0.7}}\n"
      "escalation: {hostility: {shocks: {rate: 0 per year}}}\n",
      "crowd.yaml"));
  PlatformWorld w(spec, 11, 0);
  w.pin_posture(0, 0);
  w.pin_posture(1, 0);
  for (int i = 0; i < 6 * 60; ++i)
    w.step();
  const auto n = static_cast<double>(w.cues_encounters());
  INFO(w.cues_both_adhered() << " of " << n << " encounters");
  REQUIRE(n > 5000);
  const auto& begun = w.dyad_counts()[0].encounters;
  CHECK(n == static_cast<double>(begun[0] + begun[1] + begun[2]));
  CHECK(within_binomial(static_cast<double>(w.cues_both_adhered()), n, 0.49));
}

TEST_CASE("cues turns harassment into routine conduct when both adhere, for naval pairs only",
          "[crisis][cues]") {
  // The crowd of the test above, its pairs conducting encounters as routine
  // 0.2, signalling 0.3, harassment 0.5, with and without CUES (adherence
  // 0.7) on the same replication: the same encounters begin (common random
  // numbers). Between warships a harassing encounter turns routine when both
  // adhere, a fraction q² = 0.49 (binomial, 4 standard deviations), and
  // signalling is untouched; between coast-guard cutters nothing changes.
  for (const std::string role : {"warship", "coast_guard"}) {
    const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_text(
        "name: crowd\n"
        "frame: {centre: {lat: 25.0, lon: 125.0}}\n"
        "time: {dt: 1 min}\n"
        "nations:\n"
        "  - {id: blue, relations: {red: rival}}\n"
        "  - {id: red, relations: {blue: rival}}\n"
        "classes:\n"
        "  - {id: boat, kind: ship, role: "
            + role
            + ", cruise_speed: 10 kn, max_speed: 12 kn,\n"
              "     sensor_range: 1 km}\n"
              "forces:\n"
              "  - {id: b, nation: blue, class: boat, count: 200,\n"
              "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 12 km}}\n"
              "  - {id: r, nation: red, class: boat, count: 200,\n"
              "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 12 km}}\n"
              "encounters: {ranges: {ship_ship: 1 km}}\n"
              "incidents:\n"
              "  role_pairs:\n"
              "    - roles: ["
            + role + ", " + role
            + "]\n"
              "      conduct: {routine: 0.2, signalling: 0.3, harassment: 0.5}\n"
              "policies:\n"
              "  - {id: none}\n"
              "  - {id: cues, cues: {adherence: 0.7}}\n"
              "escalation: {hostility: {shocks: {rate: 0 per year}}}\n",
        "crowd.yaml"));
    std::array<std::array<double, agents::kConductCount>, 2> begun{};
    for (const std::size_t policy : {std::size_t{0}, std::size_t{1}}) {
      PlatformWorld w(spec, 11, 0, policy);
      w.pin_posture(0, 0);
      w.pin_posture(1, 0);
      for (int i = 0; i < 6 * 60; ++i)
        w.step();
      for (std::size_t k = 0; k < agents::kConductCount; ++k)
        begun[policy][k] = static_cast<double>(w.dyad_counts()[0].encounters[k]);
      if (policy == 1 && role == "coast_guard") CHECK(w.cues_encounters() == 0);
    }
    const auto [routine, signalling, harassment] = begun[0];
    INFO(role << ": without CUES " << routine << " / " << signalling << " / " << harassment
              << ", with " << begun[1][0] << " / " << begun[1][1] << " / " << begun[1][2]);
    REQUIRE(harassment > 2000);
    CHECK(within_binomial(harassment, routine + signalling + harassment, 0.5));
    CHECK(begun[1][1] == signalling);
    CHECK(begun[1][0] + begun[1][2] == routine + harassment);
    if (role == "warship") {
      CHECK(within_binomial(begun[1][0] - routine, harassment, 0.49));
    } else {
      CHECK(begun[1] == begun[0]);
    }
  }
}

TEST_CASE("direct_link halves the dangerous and grave share between units on the link",
          "[crisis][direct_link]") {
  // Two held warships (both on the military link) with an incident an hour:
  // without the link 70% of incidents are dangerous or grave, with it
  // (reduction 0.5) 35%. Held coast-guard cutters are not on the link: no
  // change. Binomial within 4 standard deviations.
  for (const std::string role : {"warship", "coast_guard"}) {
    std::string cls = test::kCutterClass;
    cls.replace(cls.find("coast_guard"), 11, role);
    const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_text(
        std::string(test::kHeldPairHead) + "nations:\n" + test::kBlueRedRivals + "classes:\n" + cls
            + "forces:\n" + test::kHeldCutters
            + "incidents:\n  hazard_scale: 1\n  cooldown: 0 s\n  role_pairs:\n    - roles: [" + role
            + ", " + role
            + "]\n      conduct: {routine: 1, signalling: 0, harassment: 0}\n"
              "      hazard: {routine: 1 per h}\n"
              "      severity: {routine: {dangerous: 0.5, grave: 0.2}}\n"
              "escalation: {hostility: {shocks: {rate: 0 per year}}}\n"
              "policies:\n"
              "  - {id: none}\n"
              "  - {id: link, direct_link: {reduction: 0.5}}\n",
        "held.yaml"));
    for (const std::size_t policy : {std::size_t{0}, std::size_t{1}}) {
      double incidents = 0.0;
      double graver = 0.0;
      for (int seed = 1; seed <= 20; ++seed) {
        PlatformWorld w(spec, static_cast<std::uint64_t>(seed), 0, policy);
        w.pin_posture(0, 0);
        w.pin_posture(1, 0);
        for (int i = 0; i < 100 * 60; ++i)
          w.step();
        const agents::DyadCounts& c = w.dyad_counts()[0];
        incidents += static_cast<double>(c.incidents[0] + c.incidents[1] + c.incidents[2]);
        graver += static_cast<double>(c.incidents[1] + c.incidents[2]);
      }
      const double share = policy == 1 && role == "warship" ? 0.35 : 0.7;
      INFO(role << ", policy " << spec.policies[policy].id << ": " << graver << " of "
                << incidents);
      REQUIRE(incidents > 1000);
      CHECK(within_binomial(graver, incidents, share));
    }
  }
}

TEST_CASE("the command layer is identical at 1, 2 and 3 threads", "[crisis][determinism][repeat]") {
  // 8 days of east_china_sea_2023 (3,098 platforms) under every mechanism
  // at once: the hash covers positions, every event and every dyad's hostility
  // and calls, and the run exercises the command layer (calls are placed).
  agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_file(
      std::string(HOTLINE_SOURCE_DIR) + "/scenarios/east_china_sea_2023.yaml"));
  // Opened in a crisis between Japan and China, so that decisions, calls
  // and de-escalation all happen within the 8 days.
  spec.escalation.dyads[0].initial_hostility = 0.5;
  spec.escalation.dyads[0].opening_grave_incident = true;
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
        hash.add_double(w.crisis().hostility(d).hostility());
        hash.add_u64(static_cast<std::uint64_t>(w.crisis().hostility(d).episodes()));
        hash.add_u64(w.crisis().calls(d)->connected);
      }
      hashes.push_back(hash.value());
    });
  }
  CHECK(calls_placed > 0);
  CHECK(hashes[0] == hashes[1]);
  CHECK(hashes[0] == hashes[2]);
}

TEST_CASE("expected clashes have the mean of the clash count", "[crisis][outcomes]") {
  // Each side's report of one grave incident is an epoch whose P(use force)
  // is about 0.27 (U(force) = resolve + 20·H − c(L2) ≈ −1 at H ≈ 0.56, hold
  // 0, de-escalation never): the clash count and the sum of P(use force)
  // have the same mean over runs (the tower property). 2,000 runs of 2 hours (no daily
  // epoch yet); 4 standard errors of the count's mean.
  agents::WorldSpec spec = two_rivals(quiet_escalation("never"), "  - id: none\n");
  spec.escalation.decisions.resolve = -1.0 - 20.0 * 0.56 + 1.5;
  spec.escalation.decisions.provocation = 0.0;
  spec.escalation.outcomes.war_probability = 0.0;
  double clashes = 0.0;
  double clashes_sq = 0.0;
  double expected = 0.0;
  const int runs = 2000;
  for (int seed = 1; seed <= runs; ++seed) {
    CrisisCommand c(spec, spec.policies[0],
                    engine::CounterRng(static_cast<std::uint64_t>(seed), 0));
    std::uint32_t step = 0;
    std::vector<Event> events;
    c.report_incident(incident(0, 0.0, Severity::grave), false);
    advance(c, step, spec.dt_s, 2 * kHour, events);
    const double n = c.record(0).clashes;
    clashes += n;
    clashes_sq += n * n;
    expected += c.record(0).expected_clashes;
  }
  const double mean = clashes / runs;
  const double se = std::sqrt((clashes_sq / runs - mean * mean) / runs);
  INFO("clashes " << mean << ", expected " << expected / runs);
  CHECK(expected / runs > 0.1);
  CHECK(std::abs(mean - expected / runs) < 4 * se);
}
