#include "risk/risk_plan.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <string_view>

#include "common/interrupt.hpp"
#include "hotline/trace/risk_record.hpp"
#include "sweep/sweep_run.hpp"

namespace hotline::cli {

namespace {

const char* final_name(agents::FinalCount count) {
  return count == agents::FinalCount::expected ? "expected" : "indicator";
}

}  // namespace

std::string risk_identity_text(const agents::ClashRiskSettings& settings) {
  if (settings.method == agents::RiskMethod::plain)
    return fmt::format("plain, effort {}, clashes {}", settings.effort,
                       final_name(settings.final_count));
  return fmt::format("splitting, effort {}, clashes {}, levels {}", settings.effort,
                     final_name(settings.final_count), agents::risk_levels_text(settings.levels));
}

agents::ClashRiskSettings risk_settings_from_text(const std::string& text,
                                                  std::uint64_t horizon_steps,
                                                  const std::string& where) {
  agents::ClashRiskSettings settings;
  settings.horizon_steps = horizon_steps;
  unsigned effort = 0;
  char levels[512] = {};
  char count[32] = {};
  try {
    if (std::sscanf(text.c_str(), "plain, effort %u, clashes %31s", &effort, count) == 2) {
      settings.method = agents::RiskMethod::plain;
    } else if (std::sscanf(text.c_str(), "splitting, effort %u, clashes %31[a-z], levels %511s",
                           &effort, count, levels)
               == 3) {
      settings.levels = agents::parse_risk_levels(levels);
    } else {
      throw std::invalid_argument("unknown method");
    }
    settings.final_count = std::string_view(count) == "expected" ? agents::FinalCount::expected
                                                                 : agents::FinalCount::indicator;
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(
        fmt::format("{}: a risk estimate '{}' this build cannot run ({})", where, text, e.what()));
  }
  settings.effort = effort;
  if (risk_identity_text(settings) != text)
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
  const std::size_t levels = agents::levels_climbed(*plan.risk).size();
  const double final_fraction =
      estimate.fractions.size() == levels ? estimate.fractions.back() : 0.0;
  const trace::RiskRecord record{key.policy,       key.replication, plan.risk->effort,
                                 estimate.reached, final_fraction,  estimate.probability,
                                 estimate.work};
  FinishedRun finished{key, trace::encode_risk_record(record), {}};
  finished.timing.platform_steps = estimate.work;
  return finished;
}

}  // namespace hotline::cli
