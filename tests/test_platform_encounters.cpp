// Encounters and incidents with known answers: a Poisson incident count,
// the severity odds (chi-square), the shared posture gain, the count with a
// cooldown (renewal), and the begin/end hysteresis on scripted tracks.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "held_pair.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/scenarios/world_builder.hpp"

using namespace hotline;
using agents::EventType;
using agents::PlatformWorld;
using agents::Severity;

namespace {

// Two rival ships loitering within 50 m of one point: always within range
// and within contact distance (h = 1), one encounter for the whole run.
// Hazard 1 per hour whatever the conduct, severity 0.64 / 0.28 / 0.08,
// cooldown as given.
agents::WorldSpec held_pair(const std::string& cooldown = "0 s") {
  return scenarios::build_world_spec(scenarios::load_scenario_text(
      std::string(test::kHeldPairHead) + "nations:\n" + test::kBlueRedRivals + "classes:\n"
          + test::kCutterClass + "forces:\n" + test::kHeldCutters
          + "incidents:\n  hazard_scale: 1\n  cooldown: " + cooldown
          + "\n  role_pairs:\n    - roles: [coast_guard, coast_guard]\n"
            "      hazard: {routine: 1 per h, signalling: 1 per h, harassment: 1 per h}\n"
            "      severity:\n"
            "        routine: {dangerous: 0.28, grave: 0.08}\n"
            "        signalling: {dangerous: 0.28, grave: 0.08}\n"
            "        harassment: {dangerous: 0.28, grave: 0.08}\n"
            "escalation: {hostility: {shocks: {rate: 0 per year}}}\n",
      "held.yaml"));
}

struct Tally {
  double sum = 0.0;
  double sum_sq = 0.0;
  int runs = 0;
  std::array<double, 3> severities{};
};

Tally run_held_pairs(int runs, int hours, int posture, const std::string& cooldown = "0 s") {
  const agents::WorldSpec spec = held_pair(cooldown);
  Tally t;
  for (int seed = 1; seed <= runs; ++seed) {
    PlatformWorld w(spec, static_cast<std::uint64_t>(seed), 0);
    w.pin_posture(0, posture);
    w.pin_posture(1, posture);
    for (int i = 0; i < hours * 60; ++i)
      w.step();
    const auto& begun = w.dyad_counts()[0].encounters;
    REQUIRE(begun[0] + begun[1] + begun[2] == 1);
    REQUIRE(w.encounter_hours(0) == Approx(hours).epsilon(1e-12));
    double count = 0;
    for (const agents::Event& e : w.events()) {
      if (e.type != EventType::incident) continue;
      ++count;
      ++t.severities[static_cast<std::size_t>(e.severity)];
    }
    t.sum += count;
    t.sum_sq += count * count;
    ++t.runs;
  }
  return t;
}

// Pearson's chi-square of observed counts against expected probabilities.
double chi_square(const std::array<double, 3>& observed, const std::array<double, 3>& p) {
  const double n = observed[0] + observed[1] + observed[2];
  double x2 = 0.0;
  for (std::size_t k = 0; k < 3; ++k) {
    const double e = n * p[k];
    x2 += (observed[k] - e) * (observed[k] - e) / e;
  }
  return x2;
}

// 99.9th percentile of chi-square with 2 degrees of freedom: −2·ln(0.001).
constexpr double kChiSquare2Dof999 = 13.8155;

}  // namespace

TEST_CASE("a pair held within range has a Poisson incident count of mean lambda T",
          "[platforms][incidents]") {
  // 100 runs of T = 100 h at λ = 1 per h: mean λT = 100 per run. The draw is
  // per step, p = 1 − exp(−λ·dt), so the exact mean is 6000·p = 99.17; both
  // lie well within the tolerance of 4 standard errors of the mean
  // (√(100/100) = 1 incident).
  const Tally t = run_held_pairs(100, 100, 0);
  const double mean = t.sum / t.runs;
  const double variance = (t.sum_sq - t.sum * t.sum / t.runs) / (t.runs - 1);
  const double standard_error = std::sqrt(100.0 / t.runs);
  CHECK(std::abs(mean - 100.0) < 4 * standard_error);
  CHECK(std::abs(mean - 6000 * -std::expm1(-1.0 / 60)) < 4 * standard_error);
  // Poisson: the variance equals the mean (its standard error is about
  // mean·√(2/(runs−1)) = 14).
  CHECK(std::abs(variance - mean) < 4 * mean * std::sqrt(2.0 / (t.runs - 1)));

  SECTION("severities follow the mix 0.64 / 0.28 / 0.08 (chi-square, 2 dof, p = 0.001)") {
    CHECK(chi_square(t.severities, {0.64, 0.28, 0.08}) < kChiSquare2Dof999);
  }
}

TEST_CASE("posture multiplies the hazard by the shared gain, not the severity",
          "[platforms][incidents]") {
  // At posture 3 on both sides G = 1 + (3 − 1)·3/3 = 3 (capped and shared,
  // not a product of two gains): λ = 3 per h; the severity odds are the
  // role pair's and the conduct's, whatever the posture.
  const Tally t = run_held_pairs(20, 10, 3);
  const double mean = t.sum / t.runs;
  const double expected = 600 * -std::expm1(-3.0 / 60);  // 29.3 per run
  CHECK(std::abs(mean - expected) < 4 * std::sqrt(expected / t.runs));
  CHECK(chi_square(t.severities, {0.64, 0.28, 0.08}) < kChiSquare2Dof999);
  SECTION("posture 1 on one side only: G = 1 + 2/3") {
    const agents::WorldSpec spec = held_pair();
    double sum = 0.0;
    for (int seed = 1; seed <= 40; ++seed) {
      PlatformWorld w(spec, static_cast<std::uint64_t>(seed), 0);
      w.pin_posture(0, 1);
      w.pin_posture(1, 0);
      for (int i = 0; i < 10 * 60; ++i)
        w.step();
      const auto& c = w.dyad_counts()[0].incidents;
      sum += static_cast<double>(c[0] + c[1] + c[2]);
    }
    const double per_run = 600 * -std::expm1(-(5.0 / 3.0) / 60);
    CHECK(std::abs(sum / 40 - per_run) < 4 * std::sqrt(per_run / 40));
  }
}

TEST_CASE("incidents at constant hazard with a cooldown c average lambda T / (1 + lambda c)",
          "[platforms][incidents]") {
  // λ = 1 per h, c = 1 h, T = 100 h: λT/(1 + λc) = 50. In steps of a minute
  // the renewal cycle is 60 quiet steps plus a geometric wait of mean
  // 1/p = 60.5 steps, so the exact mean is 6000 / 120.5 = 49.8. The count of
  // a renewal process varies less than a Poisson count: 4 Poisson standard
  // errors is a safe bound.
  const Tally t = run_held_pairs(100, 100, 0, "1 h");
  const double mean = t.sum / t.runs;
  const double p = -std::expm1(-1.0 / 60);
  const double exact = 6000.0 / (60.0 + 1.0 / p);
  CHECK(std::abs(mean - exact) < 4 * std::sqrt(exact / t.runs));
  CHECK(mean == Approx(50.0).epsilon(0.05));
}

TEST_CASE("encounters begin within range and end beyond 1.2 times it", "[platforms][encounters]") {
  // Red holds a point; blue sails back and forth past it at 20 kn with a
  // closest approach of 3 km. Ship–ship range 5 km: an encounter must begin
  // the first step the two are closer than 5 km and last until they are 6 km
  // or more apart.
  const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_text(
      "name: scripted\n"
      "frame: {centre: {lat: 25.0, lon: 125.0}}\n"
      "time: {dt: 30 s}\n"
      "nations:\n"
      "  - {id: blue, relations: {red: rival}}\n"
      "  - {id: red, relations: {blue: rival}}\n"
      "points:\n"
      "  - {id: p, lat: 25.0, lon: 125.0}\n"
      "  - {id: west, lat: 25.027, lon: 124.8}\n"
      "  - {id: east, lat: 25.027, lon: 125.2}\n"
      "classes:\n"
      "  - {id: ship, kind: ship, role: warship, cruise_speed: 20 kn, max_speed: 30 kn,\n"
      "     sensor_range: 1 km}\n"
      "forces:\n"
      "  - {id: red_ship, nation: red, class: ship, count: 1,\n"
      "     mission: {type: route, waypoints: [p]}}\n"
      "  - {id: blue_ship, nation: blue, class: ship, count: 1,\n"
      "     mission: {type: route, waypoints: [west, east], loop: true}}\n",
      "scripted.yaml"));
  PlatformWorld w(spec, 1, 0);
  bool active = false;
  int begins = 0;
  int ends = 0;
  double closest = 1e9;
  for (int i = 0; i < 4 * 120; ++i) {  // 4 h: several passes
    w.step();
    const auto& a = w.agents();
    const std::uint32_t red = a.slot_of(0);
    const std::uint32_t blue = a.slot_of(1);
    const double d = std::hypot(a.x_km[red] - a.x_km[blue], a.y_km[red] - a.y_km[blue]);
    closest = std::min(closest, d);
    const bool expected = d < 5.0 || (active && d < 6.0);
    REQUIRE(w.active_encounters() == (expected ? 1U : 0U));
    begins += !active && expected ? 1 : 0;
    ends += active && !expected ? 1 : 0;
    active = expected;
  }
  CHECK(closest == Approx(3.0).margin(0.05));
  CHECK(begins >= 3);
  CHECK(ends >= 3);
  std::size_t begin_events = 0;
  std::size_t end_events = 0;
  for (const agents::Event& e : w.events()) {
    begin_events += e.type == EventType::encounter_begin ? 1 : 0;
    end_events += e.type == EventType::encounter_end ? 1 : 0;
  }
  CHECK(begin_events == static_cast<std::size_t>(begins));
  CHECK(end_events == static_cast<std::size_t>(ends));
  const auto& begun = w.dyad_counts()[0].encounters;
  CHECK(begun[0] + begun[1] + begun[2] == static_cast<std::uint64_t>(begins));
}

TEST_CASE("the incidents the hazard expects have the mean of the incidents counted",
          "[platforms][incidents]") {
  // The held pair, λ = 1 per h, a 30-min cooldown, 40 runs of 50 h: the sum
  // of p over the steps out of cooldown, by severity, against the count
  // (4 Poisson standard deviations of the total).
  const agents::WorldSpec spec = held_pair("30 min");
  std::array<double, 3> counted{};
  std::array<double, 3> expected{};
  for (int seed = 1; seed <= 40; ++seed) {
    PlatformWorld w(spec, static_cast<std::uint64_t>(seed), 0);
    w.pin_posture(0, 0);
    w.pin_posture(1, 0);
    for (int i = 0; i < 50 * 60; ++i)
      w.step();
    const agents::DyadCounts& c = w.dyad_counts()[0];
    for (std::size_t s = 0; s < 3; ++s) {
      counted[s] += static_cast<double>(c.incidents[s]);
      for (std::size_t k = 0; k < agents::kConductCount; ++k)
        expected[s] += c.expected_incidents[k][s];
    }
  }
  for (std::size_t s = 0; s < 3; ++s) {
    INFO("severity " << s << ": counted " << counted[s] << ", expected " << expected[s]);
    CHECK(expected[s] > 50.0);
    CHECK(std::abs(counted[s] - expected[s]) < 4.0 * std::sqrt(expected[s]));
  }
}
