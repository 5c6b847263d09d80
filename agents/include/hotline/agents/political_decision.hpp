// A command centre's choice at a decision epoch (docs/model.md, "Political
// decisions"): de-escalate, hold or use force, by quantal response (logit)
// over the utilities the model gives. Restraint (war cost × c(level)) grows
// with the level, so the stakes weigh more as a crisis deepens; hostility
// and a provocation (a grave incident seen as deliberate) push the other
// way. Pure functions, so that the tests compare choice frequencies with
// the same probabilities the command layer uses.
#pragma once

#include <cstdint>

#include "hotline/agents/mechanics.hpp"

namespace hotline::agents {

enum class Decision : std::uint8_t { hold, deescalate, use_force };

// What a side knows at the epoch.
struct DecisionContext {
  int level = 0;                     // the dyad's, 0..4
  double hostility = 0.0;            // H
  bool provoked = false;             // the epoch is a grave incident seen as deliberate
  double days_in_crisis = 0.0;       // since the crisis episode began; 0 outside one
  bool call_in_window = false;       // a hotline call connected within the clarification window
  double war_cost_multiplier = 1.0;  // dialogue's added restraint
  double force_weight_kept = 1.0;    // the hotline's clarification: use force's weight × this
};

struct DecisionOdds {
  double hold = 1.0;
  double deescalate = 0.0;
  double use_force = 0.0;
};

// The utilities (U(hold) = 0).
[[nodiscard]] double use_force_utility(const DecisionParameters& p, const DecisionContext& c);
[[nodiscard]] double deescalate_utility(const DecisionParameters& p, const DecisionContext& c);

// P(a) = w(a) / Σ w, w(a) = exp(beta·U(a)), use force's weight times
// force_weight_kept. Utilities are clamped so that no weight overflows.
[[nodiscard]] DecisionOdds decision_odds(const DecisionParameters& p, const DecisionContext& c);

// The choice a uniform u in [0, 1) makes: use force below P(use force),
// de-escalate in the next P(de-escalate), hold above.
[[nodiscard]] Decision decide(const DecisionOdds& odds, double u);

}  // namespace hotline::agents
