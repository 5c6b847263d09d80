// Encounters and incidents with known answers: a Poisson incident count,
// the severity mix (chi-square), its shift with posture, and the begin/end
// hysteresis on scripted tracks.
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

// Two rival ships loitering within 50 m of one point: always within range,
// one encounter for the whole run. Incident rate 1 per hour, no cooldown.
agents::WorldSpec held_pair() {
  return scenarios::build_world_spec(scenarios::load_scenario_text(
      std::string(test::kHeldPairHead) + "nations:\n" + test::kBlueRedRivals + "classes:\n"
          + test::kCutterClass + "forces:\n" + test::kHeldCutters
          + "incidents: {base_rate: 1 per h, cooldown: 0 s}\n",
      "held.yaml"));
}

struct Tally {
  double sum = 0.0;
  double sum_sq = 0.0;
  int runs = 0;
  std::array<double, 3> severities{};
};

Tally run_held_pairs(int runs, int hours, int posture) {
  const agents::WorldSpec spec = held_pair();
  Tally t;
  for (int seed = 1; seed <= runs; ++seed) {
    PlatformWorld w(spec, static_cast<std::uint64_t>(seed), 0);
    w.pin_posture(0, posture);
    w.pin_posture(1, posture);
    for (int i = 0; i < hours * 60; ++i)
      w.step();
    REQUIRE(w.dyad_counts()[0].encounters == 1);
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

TEST_CASE("higher posture makes incidents likelier and graver", "[platforms][incidents]") {
  // At posture 3 both sides' g = 4: λ = 16 per h; the mix shifts by s = 2:
  // weights 0.64, 0.56, 0.32, that is 0.42 / 0.37 / 0.21.
  const Tally t = run_held_pairs(20, 10, 3);
  const double mean = t.sum / t.runs;
  const double expected = 600 * -std::expm1(-16.0 / 60);  // 140.6 per run
  CHECK(std::abs(mean - expected) < 4 * std::sqrt(expected / t.runs));
  const double total = 0.64 + 0.56 + 0.32;
  CHECK(chi_square(t.severities, {0.64 / total, 0.56 / total, 0.32 / total}) < kChiSquare2Dof999);
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
  CHECK(w.dyad_counts()[0].encounters == static_cast<std::uint64_t>(begins));
}
