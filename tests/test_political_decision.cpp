// Political decisions against the logit they are drawn from: the default
// parameters give P(use force | grave incident seen as deliberate, L3,
// H = 0.7) of about 1% and far less below L3; choice frequencies over many
// draws match the odds (binomial, 4 standard deviations); no utility,
// however large, makes a probability NaN.
#include <catch2/catch.hpp>
#include <cmath>

#include "hotline/agents/draw_purposes.hpp"
#include "hotline/agents/political_decision.hpp"
#include "hotline/engine/counter_rng.hpp"
#include "hotline/scenarios/scenario.hpp"

using namespace hotline;
using agents::DecisionContext;
using agents::DecisionOdds;

namespace {

agents::DecisionParameters defaults() {
  return scenarios::load_scenario_text(
             "name: d\nframe: {centre: {lat: 25, lon: 125}}\ngeography: {land: none}\n"
             "nations: [{id: a, relations: {b: rival}}, {id: b, relations: {a: rival}}]\n",
             "d.yaml")
      .escalation.decisions;
}

DecisionContext grave_at(int level, double hostility) {
  DecisionContext c;
  c.level = level;
  c.hostility = hostility;
  c.provoked = true;
  return c;
}

}  // namespace

TEST_CASE("by default a grave incident at L3 brings force about 1% of the time", "[decisions]") {
  const agents::DecisionParameters p = defaults();
  const DecisionOdds l3 = agents::decision_odds(p, grave_at(3, 0.7));
  CHECK(l3.use_force == Approx(0.0105).epsilon(0.05));
  // Far smaller below L3, for the same provocation at the level's typical H.
  CHECK(agents::decision_odds(p, grave_at(2, 0.5)).use_force < 0.2 * l3.use_force);
  CHECK(agents::decision_odds(p, grave_at(1, 0.3)).use_force < 1e-4);
  CHECK(agents::decision_odds(p, grave_at(0, 0.1)).use_force < 1e-5);
  // A daily epoch at L3, no provocation: about 1e-4 per side.
  DecisionContext daily = grave_at(3, 0.7);
  daily.provoked = false;
  CHECK(agents::decision_odds(p, daily).use_force == Approx(1.2e-4).epsilon(0.1));
  // A connected call within the window: force's weight × 0.2, de-escalation
  // likelier.
  DecisionContext called = grave_at(3, 0.7);
  called.call_in_window = true;
  called.force_weight_kept = 0.2;
  const DecisionOdds after_call = agents::decision_odds(p, called);
  CHECK(after_call.use_force < 0.25 * l3.use_force);
  CHECK(after_call.deescalate > 3 * l3.deescalate);
}

TEST_CASE("choice frequencies match the logit probabilities", "[decisions]") {
  agents::DecisionParameters p = defaults();
  p.resolve = -8.0;  // odds of a few percent to tens of percent, to count well
  p.deescalate_base = -1.0;
  const DecisionOdds odds = agents::decision_odds(p, grave_at(3, 0.7));
  CHECK(odds.hold + odds.deescalate + odds.use_force == Approx(1.0).margin(1e-12));
  const engine::CounterRng rng(17, 0);
  const int n = 100000;
  double force = 0;
  double deescalate = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform(static_cast<std::uint32_t>(i), 0, 0, agents::draw::decision);
    const agents::Decision d = agents::decide(odds, u);
    force += d == agents::Decision::use_force ? 1 : 0;
    deescalate += d == agents::Decision::deescalate ? 1 : 0;
  }
  INFO("P(force) " << odds.use_force << ", P(de-escalate) " << odds.deescalate);
  CHECK(std::abs(force - n * odds.use_force)
        <= 4 * std::sqrt(n * odds.use_force * (1 - odds.use_force)));
  CHECK(std::abs(deescalate - n * odds.deescalate)
        <= 4 * std::sqrt(n * odds.deescalate * (1 - odds.deescalate)));
}

TEST_CASE("huge utilities give certain choices, never NaN", "[decisions]") {
  agents::DecisionParameters p = defaults();
  p.resolve = 1e4;
  p.beta = 1e3;
  const DecisionOdds odds = agents::decision_odds(p, grave_at(3, 0.7));
  CHECK(std::isfinite(odds.use_force));
  CHECK(odds.use_force == Approx(1.0));
}
