// Encounters and incidents with known answers: a Poisson incident count,
// the severity odds (chi-square), the shared posture gain, the count with a
// cooldown (renewal), the begin/end hysteresis on scripted tracks, the
// hazard integrated over a scripted pass, and the encounter rate of a ship
// crossing a field of patrols (the kinetic formula).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

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

TEST_CASE("the hazard summed over a scripted pass is the integral of lambda(d(t))",
          "[platforms][incidents]") {
  // Red holds a point; blue sails straight past it at 20 kn, again and
  // again, with a closest approach b of about 0.2 km. On a straight pass at
  // speed v, d(t) = √(b² + v²t²) and, beyond the contact distance,
  //   ∫ λ₀·exp(−d(t)/L) dt = λ₀ · 2b·K₁(b/L) / v
  // (K₁ the modified Bessel function of the second kind). With λ₀ = 30 per h
  // and L = 0.5 km that is 0.71 incidents a pass. The incidents the model
  // expects (Σ p over the steps) match it within 1% (the steps of 2 s and
  // p = 1 − e^(−λ·dt) < λ·dt account for under 0.5%); the incidents counted
  // over 100 runs match it within 4 Poisson standard errors.
  const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_text(
      "name: scripted pass\n"
      "frame: {centre: {lat: 25.0, lon: 125.0}}\n"
      "time: {dt: 2 s}\n"
      "nations:\n"
      "  - {id: blue, relations: {red: rival}}\n"
      "  - {id: red, relations: {blue: rival}}\n"
      "points:\n"
      "  - {id: p, lat: 25.0, lon: 125.0}\n"
      "  - {id: west, lat: 25.00167, lon: 124.8}\n"
      "  - {id: east, lat: 25.00167, lon: 125.2}\n"
      "classes:\n"
      "  - {id: ship, kind: ship, role: warship, cruise_speed: 20 kn, max_speed: 30 kn,\n"
      "     sensor_range: 1 km}\n"
      "forces:\n"
      "  - {id: red_ship, nation: red, class: ship, count: 1,\n"
      "     mission: {type: route, waypoints: [p]}}\n"
      "  - {id: blue_ship, nation: blue, class: ship, count: 1,\n"
      "     mission: {type: route, waypoints: [west, east], loop: true}}\n"
      "incidents:\n"
      "  hazard_scale: 1\n"
      "  cooldown: 0 s\n"
      "  role_pairs:\n"
      "    - roles: [warship, warship]\n"
      "      hazard: {routine: 30 per h, signalling: 30 per h, harassment: 30 per h}\n"
      "escalation: {hostility: {shocks: {rate: 0 per year}}}\n",
      "pass.yaml"));
  constexpr int kSteps = 4 * 1800;  // 4 h
  constexpr double kLambda0PerS = 30.0 / 3600.0;
  constexpr double kLengthKm = 0.5;
  constexpr double kDtS = 2.0;

  // One run: the separations at every step, and from them each pass's
  // closest approach (the vertex of the parabola d² = b² + v²(t − t₀)²
  // through the three steps around the least separation) and speed.
  PlatformWorld w(spec, 1, 0);
  w.pin_posture(0, 0);
  w.pin_posture(1, 0);
  std::vector<double> d_sq;
  std::vector<double> blue_x;
  std::vector<double> blue_y;
  for (int i = 0; i < kSteps; ++i) {
    w.step();
    const auto& a = w.agents();
    const std::uint32_t red = a.slot_of(0);
    const std::uint32_t blue = a.slot_of(1);
    const double dx = a.x_km[red] - a.x_km[blue];
    const double dy = a.y_km[red] - a.y_km[blue];
    d_sq.push_back(dx * dx + dy * dy);
    blue_x.push_back(a.x_km[blue]);
    blue_y.push_back(a.y_km[blue]);
  }
  double analytic = 0.0;
  int passes = 0;
  for (std::size_t i = 1; i + 1 < d_sq.size(); ++i) {
    if (!(d_sq[i] < d_sq[i - 1] && d_sq[i] <= d_sq[i + 1] && d_sq[i] < 1.0)) continue;
    REQUIRE(i + 2 < d_sq.size());  // every pass complete: the run ends far from red
    // The parabola through (−1, d²ᵢ₋₁), (0, d²ᵢ), (1, d²ᵢ₊₁) in steps.
    const double curvature = (d_sq[i - 1] + d_sq[i + 1] - 2 * d_sq[i]) / 2;
    const double slope = (d_sq[i + 1] - d_sq[i - 1]) / 2;
    const double b_km = std::sqrt(d_sq[i] - slope * slope / (4 * curvature));
    const double v_km_s = std::sqrt(curvature) / kDtS;
    const double step_km = std::hypot(blue_x[i + 1] - blue_x[i], blue_y[i + 1] - blue_y[i]);
    CHECK(step_km / kDtS == Approx(v_km_s).epsilon(1e-6));  // a straight line at constant speed
    CHECK(b_km == Approx(0.2).epsilon(0.02));
    analytic += kLambda0PerS * 2 * b_km * std::cyl_bessel_k(1.0, b_km / kLengthKm) / v_km_s;
    ++passes;
  }
  REQUIRE(passes >= 3);
  INFO(passes << " passes, integral " << analytic);
  CHECK(analytic / passes == Approx(0.71).epsilon(0.01));
  double expected = 0.0;
  for (const auto& by_severity : w.dyad_counts()[0].expected_incidents)
    expected += by_severity[0] + by_severity[1] + by_severity[2];
  CHECK(expected == Approx(analytic).epsilon(0.01));

  double counted = 0.0;
  const int runs = 100;
  for (int seed = 1; seed <= runs; ++seed) {
    PlatformWorld r(spec, static_cast<std::uint64_t>(seed), 0);
    r.pin_posture(0, 0);
    r.pin_posture(1, 0);
    for (int i = 0; i < kSteps; ++i)
      r.step();
    const auto& c = r.dyad_counts()[0].incidents;
    counted += static_cast<double>(c[0] + c[1] + c[2]);
  }
  CHECK(std::abs(counted - runs * analytic) < 4 * std::sqrt(runs * analytic));
}

TEST_CASE("encounters with a field of patrols come at the kinetic rate",
          "[platforms][encounters]") {
  // 300 red patrol ships, placed uniformly at random in a circle of radius
  // r = 30 km of open sea (the shipped coastline has no land within 100 km
  // of it) and all but still (0.001 kn: 2 m in the run, so their density
  // stays uniform as they head for their waypoints); one blue ship crosses
  // the circle on a diameter at 30 kn. Ship–ship range R = 2 km. The kinetic
  // formula gives encounters at rate rho·2R·v (rho = 300 / (pi r²), relative
  // speed v); over the whole crossing that is rho times the area of the band
  // |y| < R within the circle,
  //   2·(R·√(r² − R²) + r²·asin(R / r)) = 239.8 km²,
  // so 25.4 encounters a crossing. Steps of 15 s (0.23 km) miss under 0.2%
  // of the band. 150 replications (new red positions each): the count
  // within 4 binomial standard deviations (about 6%).
  const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_text(
      "name: field\n"
      "frame: {centre: {lat: 29.0, lon: 126.0}}\n"
      "time: {dt: 15 s}\n"
      "nations:\n"
      "  - {id: blue, relations: {red: rival}}\n"
      "  - {id: red, relations: {blue: rival}}\n"
      "points:\n"
      "  - {id: west, lat: 29.0, lon: 125.6}\n"
      "  - {id: east, lat: 29.0, lon: 126.4}\n"
      "zones:\n"
      "  - {id: field, kind: patrol_area, circle: {centre: {lat: 29.0, lon: 126.0}, radius: 30 "
      "km}}\n"
      "classes:\n"
      "  - {id: slow, kind: ship, role: coast_guard, cruise_speed: 0.001 kn, max_speed: 1 kn,\n"
      "     sensor_range: 1 km}\n"
      "  - {id: fast, kind: ship, role: warship, cruise_speed: 30 kn, max_speed: 32 kn,\n"
      "     sensor_range: 1 km}\n"
      "forces:\n"
      "  - {id: red_field, nation: red, class: slow, count: 300,\n"
      "     mission: {type: patrol, area: field, dwell: 0 s}}\n"
      "  - {id: blue_ship, nation: blue, class: fast, count: 1,\n"
      "     mission: {type: route, waypoints: [west, east], loop: false}}\n"
      "encounters: {ranges: {ship_ship: 2 km}}\n"
      "escalation: {hostility: {shocks: {rate: 0 per year}}}\n",
      "field.yaml"));
  const double r = 30.0;
  const double range = 2.0;
  const double band_km2 =
      2 * (range * std::sqrt(r * r - range * range) + r * r * std::asin(range / r));
  const double p = band_km2 / (M_PI * r * r);  // each red ship's chance to be met
  CHECK(band_km2 == Approx(239.8).epsilon(1e-3));
  const int runs = 150;
  const int steps = 4 * 80;  // 80 min: from 39 km west of the centre to 35 km east
  double begun = 0.0;
  for (int seed = 1; seed <= runs; ++seed) {
    PlatformWorld w(spec, static_cast<std::uint64_t>(seed), 0);
    w.pin_posture(0, 0);
    w.pin_posture(1, 0);
    for (int i = 0; i < steps; ++i)
      w.step();
    const auto& c = w.dyad_counts()[0].encounters;
    begun += static_cast<double>(c[0] + c[1] + c[2]);
  }
  const double n = 300.0 * runs;
  INFO(begun << " encounters in " << runs << " crossings; kinetic " << n * p);
  CHECK(std::abs(begun - n * p) < 4 * std::sqrt(n * p * (1 - p)));
}
