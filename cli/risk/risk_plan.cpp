#include "risk/risk_plan.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "common/interrupt.hpp"
#include "hotline/trace/risk_record.hpp"
#include "sweep/sweep_run.hpp"

namespace hotline::cli {

std::string risk_identity_text(const agents::ClashRiskSettings& settings) {
  if (settings.method == agents::RiskMethod::plain)
    return fmt::format("plain, effort {}", settings.effort);
  return fmt::format("splitting, effort {}, levels {}", settings.effort,
                     agents::risk_levels_text(settings.levels));
}

agents::ClashRiskSettings risk_settings_from_text(const std::string& text,
                                                  std::uint64_t horizon_steps,
                                                  const std::string& where) {
  agents::ClashRiskSettings settings;
  settings.horizon_steps = horizon_steps;
  unsigned effort = 0;
  char levels[512] = {};
  try {
    if (std::sscanf(text.c_str(), "plain, effort %u", &effort) == 1) {
      settings.method = agents::RiskMethod::plain;
    } else if (std::sscanf(text.c_str(), "splitting, effort %u, levels %511s", &effort, levels)
               == 2) {
      settings.levels = agents::parse_risk_levels(levels);
    } else {
      throw std::invalid_argument("unknown method");
    }
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(
        fmt::format("{}: a risk estimate '{}' this build cannot run ({})", where, text, e.what()));
  }
  settings.effort = effort;
  if (settings.method == agents::RiskMethod::splitting && risk_identity_text(settings) != text)
    throw std::runtime_error(
        fmt::format("{}: a risk estimate '{}' this build cannot run", where, text));
  return settings;
}

FinishedRun estimate_risk_cell(const SweepPlan& plan, engine::RunKey key,
                               const std::atomic<bool>& cancel) {
  const std::size_t policy = plan.spec.policies.empty() ? 0 : plan.policies.at(key.policy);
  const engine::SplittingEstimate estimate = agents::estimate_clash_risk(
      plan.spec, plan.seed, key.replication, policy, *plan.risk, [&cancel] {
        if (const int signal = interrupt_signal()) throw Interrupted{signal};
        if (cancel.load(std::memory_order_relaxed)) throw RunCancelled{};
      });
  trace::RiskRecord record{key.policy,       key.replication,      plan.risk->effort,
                           estimate.reached, estimate.probability, estimate.work};
  FinishedRun finished{key, trace::encode_risk_record(record), {}};
  finished.timing.platform_steps = estimate.work;
  return finished;
}

}  // namespace hotline::cli
