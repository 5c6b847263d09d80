#include "hotline/analysis/risk_report.hpp"

#include <fmt/format.h>

#include <cmath>

#include "hotline/analysis/json_text.hpp"
#include "hotline/scenarios/text_safety.hpp"
#include "report_text.hpp"

namespace hotline::analysis {

namespace {

std::string percent_text(double x) {
  return std::isnan(x) ? std::string("-") : fmt::format("{:.0f}%", 100.0 * x);
}

// Why a relative risk has no value, or its value and interval.
std::string relative_risk_text(const PolicyRisk& risk) {
  if (!risk.against_baseline) return "(baseline)";
  const PairedComparison& c = *risk.against_baseline;
  if (!(c.baseline_mean > 0.0)) return "- (no clash under the baseline)";
  return readable_number(c.ratio) + " " + interval_text(c.ratio_low, c.ratio_high);
}

std::string probability_interval(const PolicyRisk& risk) {
  if (risk.exact) return interval_text(risk.exact->low, risk.exact->high) + " exact";
  return interval_text(risk.probability.low, risk.probability.high);
}

void write_csv(const RiskSummary& s, std::ostream& out) {
  out << "policy,repetitions,probability,low,high,standard_error,relative_error,exact_low,"
         "exact_high,relative_risk,rr_low,rr_high,work_platform_steps,work_for_20_percent";
  for (const std::string& level : s.levels)
    out << ",fraction_" << csv_text(level);
  out << '\n';
  for (const PolicyRisk& r : s.policies) {
    const PairedComparison* c = r.against_baseline ? &*r.against_baseline : nullptr;
    out << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}", csv_text(r.policy),
                       r.probability.n, csv_number(r.probability.mean),
                       csv_number(r.probability.low), csv_number(r.probability.high),
                       csv_number(r.standard_error), csv_number(r.relative_error),
                       r.exact ? csv_number(r.exact->low) : "",
                       r.exact ? csv_number(r.exact->high) : "", c ? csv_number(c->ratio) : "",
                       c ? csv_number(c->ratio_low) : "", c ? csv_number(c->ratio_high) : "",
                       csv_number(r.work_platform_steps), csv_number(r.work_for_20_percent));
    for (const double f : r.stage_fractions)
      out << ',' << csv_number(f);
    out << '\n';
  }
}

void write_json(const RiskReportHeader& h, const RiskSummary& s, std::ostream& out) {
  out << fmt::format(
      "{{\"file\": \"{}\", \"scenario\": \"{}\", \"scenario_hash\": \"{}\", \"seed\": {}, "
      "\"method\": \"{}\", \"clashes\": \"{}\", \"effort\": {}, \"repetitions\": {}, "
      "\"days\": {}, \"levels\": [",
      json_escaped(h.file), json_escaped(h.scenario_name), json_escaped(h.scenario_hash), h.seed,
      s.method, s.indicator ? "indicator" : "expected", s.effort, s.repetitions,
      json_number(s.days));
  for (std::size_t k = 0; k < s.levels.size(); ++k)
    out << (k ? ", " : "") << '"' << json_escaped(s.levels[k]) << '"';
  out << "], \"policies\": [";
  for (std::size_t p = 0; p < s.policies.size(); ++p) {
    const PolicyRisk& r = s.policies[p];
    out << fmt::format(
        "{}\n  {{\"policy\": \"{}\", \"probability\": {}, \"low\": {}, \"high\": {}, "
        "\"standard_error\": {}, \"relative_error\": {}, \"work_platform_steps\": {}, "
        "\"work_for_20_percent\": {}",
        p ? "," : "", json_escaped(r.policy), json_number(r.probability.mean),
        json_number(r.probability.low), json_number(r.probability.high),
        json_number(r.standard_error), json_number(r.relative_error),
        json_number(r.work_platform_steps), json_number(r.work_for_20_percent));
    if (r.exact)
      out << fmt::format(", \"exact_low\": {}, \"exact_high\": {}", json_number(r.exact->low),
                         json_number(r.exact->high));
    if (r.against_baseline) {
      const PairedComparison& c = *r.against_baseline;
      out << fmt::format(", \"relative_risk\": {}, \"rr_low\": {}, \"rr_high\": {}",
                         json_number(c.ratio), json_number(c.ratio_low), json_number(c.ratio_high));
    }
    out << ", \"stage_fractions\": [";
    for (std::size_t k = 0; k < r.stage_fractions.size(); ++k)
      out << (k ? ", " : "") << json_number(r.stage_fractions[k]);
    out << "]}";
  }
  out << "\n]}\n";
}

}  // namespace

std::vector<std::string> risk_summary_lines(const RiskSummary& summary) {
  std::vector<std::string> lines;
  const std::string& baseline = summary.policies.front().policy;
  for (const PolicyRisk& r : summary.policies) {
    if (!r.against_baseline) continue;
    const PairedComparison& c = *r.against_baseline;
    if (!(c.baseline_mean > 0.0)) {
      lines.push_back(
          fmt::format("{}: no relative risk: no clash was estimated under {}", r.policy, baseline));
      continue;
    }
    const char* verdict = spans_one(c.ratio_low, c.ratio_high) ? "not distinguishable"
                          : c.ratio_high < 1.0                 ? "lower"
                                                               : "higher";
    lines.push_back(fmt::format("{}: relative risk of a clash {} {} vs {} ({})", r.policy,
                                readable_number(c.ratio), interval_text(c.ratio_low, c.ratio_high),
                                baseline, verdict));
  }
  return lines;
}

void write_risk_tables(const RiskSummary& s, std::ostream& out) {
  const std::string& baseline = s.policies.front().policy;
  out << fmt::format(
      "| policy | P(clash in {:g} days) | 95% interval | relative error | relative risk vs {} "
      "[95%] | work (platform-steps) | work for 20% rel. error |\n|---|---|---|---|---|---|---|\n",
      s.days, baseline);
  for (const PolicyRisk& r : s.policies) {
    out << fmt::format("| {} | {} | {} | {} | {} | {:.3g} | {} |\n", r.policy,
                       readable_number(r.probability.mean), probability_interval(r),
                       percent_text(r.relative_error), relative_risk_text(r), r.work_platform_steps,
                       std::isnan(r.work_for_20_percent)
                           ? std::string("-")
                           : fmt::format("{:.3g}", r.work_for_20_percent));
  }
  out << "\nEach stage's fraction (the conditional probability of its level, mean over the "
         "repetitions that ran it):\n\n| policy |";
  for (const std::string& level : s.levels)
    out << ' ' << level << " |";
  out << "\n|---|";
  for (std::size_t k = 0; k < s.levels.size(); ++k)
    out << "---|";
  out << '\n';
  for (const PolicyRisk& r : s.policies) {
    out << "| " << r.policy << " |";
    for (const double f : r.stage_fractions)
      out << ' ' << readable_number(f) << " |";
    out << '\n';
  }
}

void write_risk_report(const RiskReportHeader& h, const RiskSummary& s, ReportFormat format,
                       std::ostream& out) {
  if (format == ReportFormat::csv) return write_csv(s, out);
  if (format == ReportFormat::json) return write_json(h, s, out);
  out << fmt::format("# Clash risk: {}\n\n", scenarios::printable(h.scenario_name));
  out << fmt::format(
      "File `{}`: scenario hash {}, seed {}; {}, {} runs per stage, levels {}; {} repetitions "
      "of {:g} days; the last stage counts {}.\n\n",
      h.file, h.scenario_hash, h.seed,
      s.method == "plain" ? "plain Monte Carlo" : "fixed-effort multilevel splitting", s.effort,
      fmt::join(s.levels, ", "), s.repetitions, s.days,
      s.indicator ? "the runs that clashed"
                  : "each run's expected clashes (the sum of P(use force) over its decisions)");
  out << "The probability is the mean of the repetitions' estimates with its Student-t "
         "interval over them; the relative risk is paired by repetition (the same starting runs "
         "and branch keys under every policy) with Fieller's interval.\n\n";
  for (const std::string& line : risk_summary_lines(s))
    out << "- " << line << '\n';
  out << '\n';
  write_risk_tables(s, out);
}

}  // namespace hotline::analysis
