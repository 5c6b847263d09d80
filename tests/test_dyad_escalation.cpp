// A dyad's tension and escalation level against their analytic answers:
// exponential decay with the half-life, levels from the thresholds, crises
// counted on entry into L2, time at L2 or above, and L4 absorbing.
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "hotline/agents/dyad_escalation.hpp"

using namespace hotline::agents;

namespace {

constexpr double kMinute = 60.0;
constexpr double kDay = 86400.0;

// the model's defaults: half-life 7 days, levels from tension 1, 5 and 15.
EscalationParameters model_defaults() {
  EscalationParameters p;
  p.tension_half_life_s = 7 * kDay;
  p.level_thresholds = {1.0, 5.0, 15.0};
  return p;
}

}  // namespace

TEST_CASE("tension decays to half in one half-life", "[escalation]") {
  // 7 days of one-minute steps: 10080 multiplications by 2^(-1/10080). The
  // product differs from 1/2 by rounding only (about 10080 ulp at most).
  DyadEscalation dyad(model_defaults(), kMinute);
  dyad.add_tension(12.0);
  for (int step = 0; step < 10080; ++step)
    dyad.end_step();
  CHECK(dyad.tension() == Approx(6.0).epsilon(1e-9));
  for (int step = 0; step < 10080; ++step)
    dyad.end_step();
  CHECK(dyad.tension() == Approx(3.0).epsilon(1e-9));
}

TEST_CASE("levels follow tension by the thresholds, and crises count entries into L2",
          "[escalation]") {
  DyadEscalation dyad(model_defaults(), kMinute);
  CHECK(dyad.level() == 0);
  dyad.add_tension(0.999);
  CHECK(dyad.level() == 0);
  dyad.add_tension(0.001);  // exactly 1: L1 begins at its threshold
  CHECK(dyad.level() == 1);
  dyad.add_tension(4.0);
  CHECK(dyad.level() == 2);
  CHECK(dyad.crises() == 1);
  dyad.add_tension(10.0);  // 15: L3, still the same crisis
  CHECK(dyad.level() == 3);
  CHECK(dyad.crises() == 1);
  dyad.scale_tension(0.5);  // 7.5: back to L2, no new crisis
  CHECK(dyad.level() == 2);
  CHECK(dyad.crises() == 1);
  dyad.scale_tension(0.4);  // 3: L1
  CHECK(dyad.level() == 1);
  dyad.add_tension(20.0);  // 23: straight to L3, a second crisis
  CHECK(dyad.level() == 3);
  CHECK(dyad.crises() == 2);
  CHECK(dyad.peak_level() == 3);
}

TEST_CASE("time at L2 or above is the time tension takes to decay below L2", "[escalation]") {
  // Tension 10 decays below the L2 threshold 5 after exactly one half-life:
  // the dyad must count 7 days at L2 or above, within one step.
  DyadEscalation dyad(model_defaults(), kMinute);
  dyad.add_tension(10.0);
  int steps = 0;
  while (dyad.level() >= 2) {
    dyad.end_step();
    ++steps;
    REQUIRE(steps < 20000);
  }
  CHECK(std::abs(dyad.seconds_at_crisis() - 7 * kDay) <= kMinute);
  CHECK(dyad.crises() == 1);

  SECTION("a contact that halves tension halves the time left") {
    DyadEscalation eased(model_defaults(), kMinute);
    eased.add_tension(20.0);  // two half-lives above the L2 threshold
    eased.scale_tension(0.5);
    while (eased.level() >= 2)
      eased.end_step();
    CHECK(std::abs(eased.seconds_at_crisis() - 7 * kDay) <= kMinute);
  }
}

TEST_CASE("an armed clash is L4 for good", "[escalation]") {
  DyadEscalation dyad(model_defaults(), kMinute);
  dyad.add_tension(16.0);
  dyad.clash(3600.0);
  CHECK(dyad.level() == DyadEscalation::kClashLevel);
  dyad.scale_tension(0.0);
  for (int step = 0; step < 100; ++step)
    dyad.end_step();
  dyad.clash(7200.0);
  CHECK(dyad.level() == DyadEscalation::kClashLevel);
  CHECK(dyad.peak_level() == DyadEscalation::kClashLevel);
  REQUIRE(dyad.first_clash_s().has_value());
  CHECK(*dyad.first_clash_s() == 3600.0);
  CHECK(dyad.seconds_at_crisis() == 100 * kMinute);  // L4 counts as L2 or above
  CHECK(dyad.crises() == 1);
}

TEST_CASE("impossible escalation settings are refused", "[escalation]") {
  EscalationParameters p = model_defaults();
  CHECK_THROWS_AS(DyadEscalation(p, 0.0), std::invalid_argument);
  p.tension_half_life_s = 0.0;
  CHECK_THROWS_AS(DyadEscalation(p, kMinute), std::invalid_argument);
  p = model_defaults();
  p.level_thresholds = {1.0, 5.0, 5.0};
  CHECK_THROWS_AS(DyadEscalation(p, kMinute), std::invalid_argument);
  DyadEscalation dyad(model_defaults(), kMinute);
  CHECK_THROWS_AS(dyad.add_tension(-1.0), std::invalid_argument);
  CHECK_THROWS_AS(dyad.scale_tension(1.5), std::invalid_argument);
}
