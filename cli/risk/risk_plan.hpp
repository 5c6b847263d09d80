// `hotline risk` as a sweep (docs/rare-events.md): its grid is policy ×
// repetition, each cell one clash-risk estimate (agents/clash_risk.hpp)
// instead of one run, so that the sweep's journal, --resume, --shard,
// `hotline merge` and MPI ranks carry it unchanged. This file is what
// differs: the estimate's settings as the file's identity writes them, and
// running one cell.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "hotline/agents/clash_risk.hpp"
#include "hotline/engine/run_grid.hpp"

namespace hotline::cli {

struct SweepPlan;
struct FinishedRun;

// "splitting, effort 100, clashes expected, levels L1,L2,L3,clash" or
// "plain, effort 1000, clashes indicator":
// what the identity's `risk` field holds (the horizon is the identity's
// days).
[[nodiscard]] std::string risk_identity_text(const agents::ClashRiskSettings& settings);
// Its inverse, with the horizon in steps. Throws std::runtime_error naming
// `where` for a text this build did not write.
[[nodiscard]] agents::ClashRiskSettings risk_settings_from_text(const std::string& text,
                                                                std::uint64_t horizon_steps,
                                                                const std::string& where);

// Cell (policy, repetition) `key` of the risk plan: its estimate, encoded as
// a trace::RiskRecord. Checks between steps for a signal (throws
// Interrupted) and for `cancel` (throws RunCancelled).
[[nodiscard]] FinishedRun estimate_risk_cell(const SweepPlan& plan, engine::RunKey key,
                                             const std::atomic<bool>& cancel);

}  // namespace hotline::cli
