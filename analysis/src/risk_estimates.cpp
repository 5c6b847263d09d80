#include "hotline/analysis/risk_estimates.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace hotline::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Each stage's mean fraction over the repetitions that ran it.
std::vector<double> stage_fractions(const std::vector<const trace::RiskRecord*>& runs,
                                    std::size_t levels) {
  std::vector<double> fractions(levels, kNaN);
  for (std::size_t k = 0; k < levels; ++k) {
    double sum = 0.0;
    std::size_t n = 0;
    for (const trace::RiskRecord* r : runs) {
      if (k >= r->reached.size() || r->effort == 0) continue;
      sum += k + 1 == levels ? r->final_fraction : static_cast<double>(r->reached[k]) / r->effort;
      ++n;
    }
    if (n > 0) fractions[k] = sum / static_cast<double>(n);
  }
  return fractions;
}

PolicyRisk policy_risk(const std::string& id, const std::vector<const trace::RiskRecord*>& runs,
                       std::size_t levels, bool plain) {
  PolicyRisk out;
  out.policy = id;
  std::vector<double> estimates;
  double clashes = 0.0;
  double trials = 0.0;
  for (const trace::RiskRecord* r : runs) {
    estimates.push_back(r->probability);
    out.work_platform_steps += r->work_platform_steps;
    trials += r->effort;
    if (r->reached.size() == levels) clashes += r->reached.back();
  }
  out.probability = mean_interval(estimates);
  out.probability.low = std::max(out.probability.low, 0.0);
  const double n = static_cast<double>(estimates.size());
  // Plain Monte Carlo's runs are Bernoulli trials: their variance is known
  // from p, and far steadier than the spread of a few repetitions.
  out.standard_error = plain && trials > 0
                           ? std::sqrt(out.probability.mean * (1.0 - out.probability.mean) / trials)
                       : n >= 2 ? out.probability.sd / std::sqrt(n)
                                : kNaN;
  out.relative_error =
      out.probability.mean > 0.0 ? out.standard_error / out.probability.mean : kNaN;
  out.work_for_20_percent = out.relative_error == out.relative_error
                                ? out.work_platform_steps * std::pow(out.relative_error / 0.2, 2)
                                : kNaN;
  if (plain) out.exact = clopper_pearson(clashes, trials);
  out.stage_fractions = stage_fractions(runs, levels);
  return out;
}

}  // namespace

std::string risk_method_of(const std::string& risk_text) {
  return risk_text.starts_with("plain") ? "plain" : "splitting";
}

bool risk_counts_indicator(const std::string& risk_text) {
  return risk_text.find("clashes indicator") != std::string::npos;
}

RiskSummary summarize_risk(const trace::TraceIdentity& identity,
                           std::span<const trace::RiskRecord> records,
                           const std::vector<std::string>& level_names,
                           const std::string& baseline_id) {
  RiskSummary summary;
  summary.method = risk_method_of(identity.risk);
  summary.indicator = risk_counts_indicator(identity.risk);
  summary.days = identity.days;
  summary.levels = level_names;
  // Runs by policy, in repetition order.
  std::vector<std::map<std::uint32_t, const trace::RiskRecord*>> by_policy(
      identity.policy_ids.size());
  for (const trace::RiskRecord& r : records) {
    by_policy.at(r.policy)[r.repetition] = &r;
    summary.effort = r.effort;
  }
  for (std::size_t p = 0; p < by_policy.size(); ++p) {
    if (by_policy[p].size() != by_policy.front().size()) {
      throw std::invalid_argument(fmt::format(
          "policy {} has {} repetitions, {} has {}: a shard? (hotline merge joins them)",
          identity.policy_ids[p], by_policy[p].size(), identity.policy_ids.front(),
          by_policy.front().size()));
    }
  }
  summary.repetitions = static_cast<std::uint32_t>(by_policy.front().size());
  std::size_t base = 0;
  for (std::size_t p = 0; p < identity.policy_ids.size(); ++p)
    if (identity.policy_ids[p] == baseline_id) base = p;
  std::vector<std::size_t> order{base};
  for (std::size_t p = 0; p < by_policy.size(); ++p)
    if (p != base) order.push_back(p);
  std::vector<double> baseline;
  for (const std::size_t p : order) {
    std::vector<const trace::RiskRecord*> runs;
    std::vector<double> estimates;
    for (const auto& [repetition, record] : by_policy[p]) {
      runs.push_back(record);
      estimates.push_back(record->probability);
    }
    // Plain runs counted by whether they clashed are Bernoulli trials.
    PolicyRisk risk = policy_risk(identity.policy_ids[p], runs, level_names.size(),
                                  summary.method == "plain" && summary.indicator);
    if (p == base) {
      baseline = estimates;
    } else {
      risk.against_baseline = compare_paired(baseline, estimates);
    }
    summary.policies.push_back(std::move(risk));
  }
  return summary;
}

}  // namespace hotline::analysis
