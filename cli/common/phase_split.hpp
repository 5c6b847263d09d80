// The per-phase time split that `hotline run --profile` and the `hotline
// bench` commands print: each phase's total time divided by the agent-steps
// (or platform-steps) of the run, as text or as a JSON object.
#pragma once

#include <string>
#include <vector>

#include "hotline/engine/phase_timers.hpp"

namespace hotline::cli {

// ns per item-step for every engine::Phase, in phase order.
[[nodiscard]] std::vector<double> phase_ns_per_item_step(const engine::PhaseTimers& timers,
                                                         double item_steps);
// "  decide 8.20  move 13.95 ..."; phases that took no time are left out when
// `skip_idle` (a model without that phase).
[[nodiscard]] std::string phase_split_text(const std::vector<double>& ns, bool skip_idle);
// "\"decide\": 8.2000, \"move\": 13.9500, ..." (the inside of a JSON object).
[[nodiscard]] std::string phase_split_json(const std::vector<double>& ns);

}  // namespace hotline::cli
