#include "hotline/agents/political_decision.hpp"

#include <algorithm>
#include <cstddef>

#include "hotline/engine/deterministic_math.hpp"

namespace hotline::agents {

namespace {

// exp(700) is below the largest double; beyond it a weight would be
// infinite and the odds NaN.
constexpr double kLargestExponent = 700.0;

double weight(double beta, double utility) {
  return engine::exp(std::clamp(beta * utility, -kLargestExponent, kLargestExponent));
}

}  // namespace

double use_force_utility(const DecisionParameters& p, const DecisionContext& c) {
  const auto level = static_cast<std::size_t>(std::clamp(c.level, 0, 4));
  return p.resolve + (c.provoked ? p.provocation : 0.0) + p.hostility_weight * c.hostility
         - p.war_cost * c.war_cost_multiplier * p.restraint[level];
}

double deescalate_utility(const DecisionParameters& p, const DecisionContext& c) {
  return p.deescalate_base + p.deescalate_per_crisis_day * c.days_in_crisis
         + (c.call_in_window ? p.deescalate_after_call : 0.0);
}

DecisionOdds decision_odds(const DecisionParameters& p, const DecisionContext& c) {
  const double w_force = weight(p.beta, use_force_utility(p, c)) * c.force_weight_kept;
  const double w_deescalate = weight(p.beta, deescalate_utility(p, c));
  const double total = 1.0 + w_force + w_deescalate;
  return {1.0 / total, w_deescalate / total, w_force / total};
}

Decision decide(const DecisionOdds& odds, double u) {
  if (u < odds.use_force) return Decision::use_force;
  if (u < odds.use_force + odds.deescalate) return Decision::deescalate;
  return Decision::hold;
}

}  // namespace hotline::agents
