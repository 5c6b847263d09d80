#include "hotline/analysis/experiment_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <ostream>

#include "hotline/analysis/json_text.hpp"
#include "hotline/scenarios/text_safety.hpp"
#include "report_text.hpp"

namespace hotline::analysis {

namespace {

int confidence_percent(const ExperimentStudy& s) {
  return static_cast<int>(std::lround(s.confidence * 100.0));
}

// A factor's value as written: "0.5", "6 h" (six significant figures: a
// level is a setting, not an estimate).
std::string value_text(const trace::DesignFactor& f, double value) {
  const std::string number = fmt::format("{:.6g}", value);
  return f.unit.empty() ? number : number + " " + f.unit;
}

std::string mean_text(const MeanInterval& m) {
  if (m.n == 0) return "-";
  return readable_number(m.mean) + " " + interval_text(m.low, m.high);
}

std::string difference_text(const MeanInterval& m) {
  if (m.n == 0) return "-";
  return signed_readable(m.mean) + " "
         + (std::isnan(m.low) ? "-" : bracket(signed_readable(m.low), signed_readable(m.high)));
}

std::string effect_text(double estimate, double low, double high) {
  if (std::isnan(estimate)) return "-";
  // Rounding residue (1e-18 beside an interval of ±0.1) is shown as 0.
  if (std::fabs(estimate) < 1e-9 * (high - low)) estimate = 0.0;
  return signed_readable(estimate) + " "
         + (std::isnan(low) ? "-" : bracket(signed_readable(low), signed_readable(high)));
}

// A Markdown table's rule under its heading of `columns` columns.
std::string table_rule(std::size_t columns) {
  std::string rule = "|";
  for (std::size_t c = 0; c < columns; ++c)
    rule += "---|";
  return rule;
}

// The factors in order of |SRC|, largest first (NaN last).
std::vector<std::size_t> ranked(const Sensitivity& s) {
  std::vector<std::size_t> order(s.factors.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto size = [&](std::size_t f) {
    const double x = std::fabs(s.factors[f].src);
    return std::isnan(x) ? -1.0 : x;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return size(a) > size(b); });
  return order;
}

std::string ranking_text(const ExperimentStudy& study, const Sensitivity& s) {
  std::vector<std::string> parts;
  for (const std::size_t f : ranked(s)) {
    const FactorSensitivity& e = s.factors[f];
    if (std::isnan(e.src) || (e.src == 0.0 && e.src_low == 0.0 && e.src_high == 0.0)) continue;
    parts.push_back(fmt::format("{} (SRC {})", study.design.factors[f].name,
                                effect_text(e.src, e.src_low, e.src_high)));
  }
  if (parts.empty()) return "none (it is the same at every design point)";
  return fmt::format("{}", fmt::join(parts, ", "));
}

// "lower at answer_probability = 0.5, 0.9; not distinguishable at 0.1"
std::string levels_text(const ExperimentStudy& study, const MeasureStudy& m, std::size_t policy) {
  std::vector<std::string> parts;
  for (std::size_t f = 0; f < study.design.factors.size(); ++f) {
    const trace::DesignFactor& factor = study.design.factors[f];
    std::vector<std::pair<Verdict, std::vector<std::string>>> groups;
    for (const LevelResponse& r : m.levels) {
      if (r.factor != f || r.policy != policy) continue;
      if (groups.empty() || groups.back().first != r.verdict) groups.push_back({r.verdict, {}});
      groups.back().second.push_back(value_text(factor, r.level));
    }
    if (groups.size() == 1) {
      parts.push_back(
          fmt::format("{} at every level of {}", verdict_name(groups[0].first), factor.name));
      continue;
    }
    for (const auto& [verdict, values] : groups)
      parts.push_back(fmt::format("{} at {} = {}", verdict_name(verdict), factor.name,
                                  fmt::join(values, ", ")));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

// "lower at 3 of 17 design points, not distinguishable at 14"
std::string points_text(const MeasureStudy& m, std::size_t policy) {
  std::map<Verdict, std::size_t> counts;
  std::size_t total = 0;
  for (const PointResponse& r : m.points) {
    if (r.policy != policy) continue;
    ++counts[r.verdict];
    ++total;
  }
  std::vector<std::string> parts;
  for (const auto& [verdict, n] : counts)
    parts.push_back(fmt::format("{} at {} of {} design points", verdict_name(verdict), n, total));
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

std::vector<std::string> experiment_summary_lines(const ExperimentStudy& study) {
  std::vector<std::string> lines;
  const std::string& baseline = study.policies[study.baseline];
  for (const MeasureStudy& m : study.measures) {
    if (!m.metric->headline) continue;
    if (study.policies.size() == 1) {
      lines.push_back(fmt::format("{}: factors by effect: {}", m.metric->short_name,
                                  ranking_text(study, m.on_response[0])));
      continue;
    }
    for (std::size_t p = 0; p < study.policies.size(); ++p) {
      if (p == study.baseline) continue;
      std::string line =
          fmt::format("{} vs {}, {}: ", study.policies[p], baseline, m.metric->short_name);
      const std::string levels = levels_text(study, m, p);
      line += levels.empty() ? points_text(m, p) : levels;
      line += fmt::format("; factors by effect on the difference: {}",
                          ranking_text(study, m.on_difference[p]));
      lines.push_back(line);
    }
  }
  return lines;
}

namespace {

void write_header(const ExperimentStudy& s, std::ostream& out) {
  const trace::DesignIdentity& d = s.design;
  out << fmt::format("# Experiment: {}\n\n", scenarios::printable(d.name));
  if (!d.description.empty()) out << scenarios::printable(d.description) << "\n\n";
  std::string design = fmt::format("{} design points ({}", d.points(), d.type);
  if (d.type != "full_factorial") design += fmt::format(", design seed {}", d.seed);
  if (d.factors.size() > 1)
    design += fmt::format(", largest |correlation| between factors {:.3f}", d.max_abs_correlation);
  design += ")";
  out << fmt::format(
      "File `{}`: scenario \"{}\" (hash {}), Hotline {}, seed {}, {:g} days per run; {} × {} "
      "policies × {} replications ({} runs in the file).\n\n",
      s.file, scenarios::printable(s.scenario_name), s.scenario_hash, s.hotline_version, s.seed,
      s.days, design, s.policies.size(), s.replications, s.runs);
  out << fmt::format(
      "Replication k ran on the same random streams at every design point and under every "
      "policy (common random numbers), so differences between points and policies are paired. "
      "Intervals are {}% Student-t over replications; factor effects are standardized regression "
      "coefficients (SRC) and partial rank correlations (PRCC) with replications as blocks.\n",
      confidence_percent(s));
}

void write_factors(const ExperimentStudy& s, std::ostream& out) {
  out << "\n## Factors\n\n| factor | sets | unit | values |\n|---|---|---|---|\n";
  for (std::size_t f = 0; f < s.design.factors.size(); ++f) {
    const trace::DesignFactor& factor = s.design.factors[f];
    const std::vector<double> levels = factor_levels(s.design, f);
    std::string values;
    if (!levels.empty()) {
      for (const double v : levels)
        values += (values.empty() ? "" : ", ") + fmt::format("{:.6g}", v);
    } else {
      double low = s.design.value(0, f);
      double high = low;
      for (std::size_t p = 0; p < s.design.points(); ++p) {
        low = std::min(low, s.design.value(p, f));
        high = std::max(high, s.design.value(p, f));
      }
      values = fmt::format("{} values from {} to {}", s.design.points(), readable_number(low),
                           readable_number(high));
    }
    out << fmt::format("| {} | `{}` | {} | {} |\n", factor.name, fmt::join(factor.paths, "`, `"),
                       factor.unit.empty() ? "-" : factor.unit, values);
  }
}

void write_level_tables(const ExperimentStudy& s, const MeasureStudy& m, std::ostream& out) {
  if (m.levels.empty()) return;
  out << "\n| factor | level |";
  for (const std::string& p : s.policies)
    out << " " << p << " |";
  for (std::size_t p = 0; p < s.policies.size(); ++p)
    if (p != s.baseline) out << fmt::format(" {} − {} |", s.policies[p], s.policies[s.baseline]);
  out << "\n" << table_rule(2 + 2 * s.policies.size() - 1) << "\n";
  for (std::size_t i = 0; i < m.levels.size(); i += s.policies.size()) {
    const LevelResponse& first = m.levels[i];
    const trace::DesignFactor& factor = s.design.factors[first.factor];
    out << fmt::format("| {} | {} |", factor.name, value_text(factor, first.level));
    for (std::size_t p = 0; p < s.policies.size(); ++p)
      out << " " << mean_text(m.levels[i + p].value) << " |";
    for (std::size_t p = 0; p < s.policies.size(); ++p) {
      if (p == s.baseline) continue;
      const LevelResponse& r = m.levels[i + p];
      out << " " << difference_text(r.difference)
          << (r.verdict == Verdict::lower || r.verdict == Verdict::higher ? " **" : " ")
          << verdict_name(r.verdict)
          << (r.verdict == Verdict::lower || r.verdict == Verdict::higher ? "**" : "") << " |";
    }
    out << "\n";
  }
}

void write_effects_table(const ExperimentStudy& s, const MeasureStudy& m, std::ostream& out) {
  out << "\n| on | factor | SRC | PRCC | slope per unit | R² |\n|---|---|---|---|---|--:|\n";
  const auto rows = [&](const std::string& on, const Sensitivity& e) {
    for (const std::size_t f : ranked(e)) {
      const FactorSensitivity& x = e.factors[f];
      out << fmt::format(
          "| {} | {} | {} | {} | {} | {} |\n", on, s.design.factors[f].name,
          effect_text(x.src, x.src_low, x.src_high), effect_text(x.prcc, x.prcc_low, x.prcc_high),
          effect_text(x.slope, x.slope_low, x.slope_high), readable_number(e.r_squared));
    }
  };
  for (std::size_t p = 0; p < s.policies.size(); ++p)
    rows(s.policies[p], m.on_response[p]);
  for (std::size_t p = 0; p < s.policies.size(); ++p)
    if (p != s.baseline)
      rows(fmt::format("{} − {}", s.policies[p], s.policies[s.baseline]), m.on_difference[p]);
}

void write_point_table(const ExperimentStudy& s, const MeasureStudy& m, std::ostream& out) {
  if (s.design.points() > kMaxPointsInMarkdown) return;
  out << "\n| point |";
  for (const trace::DesignFactor& f : s.design.factors)
    out << " " << f.name << " |";
  for (const std::string& p : s.policies)
    out << " " << p << " |";
  out << "\n" << table_rule(1 + s.design.factors.size() + s.policies.size()) << "\n";
  for (std::size_t i = 0; i < m.points.size(); i += s.policies.size()) {
    const std::size_t point = m.points[i].point;
    out << "| " << point << " |";
    for (std::size_t f = 0; f < s.design.factors.size(); ++f)
      out << " " << value_text(s.design.factors[f], s.design.value(point, f)) << " |";
    for (std::size_t p = 0; p < s.policies.size(); ++p)
      out << " " << mean_text(m.points[i + p].value) << " |";
    out << "\n";
  }
}

void write_markdown(const ExperimentStudy& s, std::ostream& out) {
  write_header(s, out);
  write_factors(s, out);
  out << "\n## Summary\n\n";
  for (const std::string& line : experiment_summary_lines(s))
    out << "- " << line << "\n";
  for (const MeasureStudy& m : s.measures) {
    if (!m.metric->headline) continue;
    out << fmt::format("\n## {} ({})\n", m.metric->title, m.metric->unit);
    if (!m.levels.empty()) out << "\nBy factor level (the mean over the level's points):\n";
    write_level_tables(s, m, out);
    out << "\nFactor effects, largest |SRC| first:\n";
    write_effects_table(s, m, out);
    if (s.design.points() <= kMaxPointsInMarkdown) out << "\nBy design point:\n";
    write_point_table(s, m, out);
  }
  out << "\nEvery measure, point and level is in `--format csv` and `--format json`.\n";
}

}  // namespace

namespace {

void csv_row(std::ostream& out, std::string_view table, const RunMetric& metric,
             const std::string& policy, const std::string& point, const std::string& factor,
             const std::string& level, const MeanInterval& m, std::string_view verdict) {
  out << fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", table, metric.id, csv_text(policy),
                     point, csv_text(factor), level, csv_number(m.mean), csv_number(m.low),
                     csv_number(m.high), m.n, verdict);
}

void csv_effects(std::ostream& out, const ExperimentStudy& s, const MeasureStudy& m,
                 std::string_view on, const std::string& policy, const Sensitivity& e) {
  for (std::size_t f = 0; f < e.factors.size(); ++f) {
    const FactorSensitivity& x = e.factors[f];
    const std::string& name = s.design.factors[f].name;
    for (const auto& [kind, est, low, high] :
         {std::tuple{"src", x.src, x.src_low, x.src_high},
          std::tuple{"prcc", x.prcc, x.prcc_low, x.prcc_high},
          std::tuple{"slope", x.slope, x.slope_low, x.slope_high}}) {
      out << fmt::format("{}_{},{},{},,{},,{},{},{},{},\n", kind, on, m.metric->id,
                         csv_text(policy), csv_text(name), csv_number(est), csv_number(low),
                         csv_number(high), e.observations);
    }
  }
}

void write_csv(const ExperimentStudy& s, std::ostream& out) {
  out << "table,measure,policy,point,factor,level,estimate,low,high,n,verdict\n";
  for (std::size_t p = 0; p < s.design.points(); ++p)
    for (std::size_t f = 0; f < s.design.factors.size(); ++f)
      out << fmt::format("design,,,{},{},{},,,,,\n", p, csv_text(s.design.factors[f].name),
                         csv_number(s.design.value(p, f)));
  for (const MeasureStudy& m : s.measures) {
    for (const PointResponse& r : m.points) {
      const std::string point = std::to_string(r.point);
      csv_row(out, "point", *m.metric, s.policies[r.policy], point, "", "", r.value, "");
      if (r.policy != s.baseline)
        csv_row(out, "point_difference", *m.metric, s.policies[r.policy], point, "", "",
                r.difference, verdict_name(r.verdict));
    }
    for (const LevelResponse& r : m.levels) {
      const std::string& factor = s.design.factors[r.factor].name;
      const std::string level = csv_number(r.level);
      csv_row(out, "level", *m.metric, s.policies[r.policy], "", factor, level, r.value, "");
      if (r.policy != s.baseline)
        csv_row(out, "level_difference", *m.metric, s.policies[r.policy], "", factor, level,
                r.difference, verdict_name(r.verdict));
    }
    for (std::size_t p = 0; p < s.policies.size(); ++p) {
      csv_effects(out, s, m, "response", s.policies[p], m.on_response[p]);
      if (p != s.baseline) csv_effects(out, s, m, "difference", s.policies[p], m.on_difference[p]);
    }
  }
}

}  // namespace

namespace {

std::string json_text(std::string_view s) {
  return fmt::format("\"{}\"", json_escaped(s));
}

std::string json_interval(const MeanInterval& m) {
  return fmt::format(R"({{"n": {}, "mean": {}, "low": {}, "high": {}}})", m.n, json_number(m.mean),
                     json_number(m.low), json_number(m.high));
}

std::string json_design(const trace::DesignIdentity& d) {
  std::vector<std::string> factors;
  for (std::size_t f = 0; f < d.factors.size(); ++f) {
    const trace::DesignFactor& x = d.factors[f];
    std::vector<std::string> paths;
    for (const std::string& p : x.paths)
      paths.push_back(json_text(p));
    std::vector<std::string> levels;
    for (const double v : factor_levels(d, f))
      levels.push_back(json_number(v));
    factors.push_back(fmt::format(
        R"({{"name": {}, "paths": [{}], "unit": {}, "si_unit": {}, "si_per_unit": {}, )"
        R"("whole": {}, "levels": [{}]}})",
        json_text(x.name), fmt::join(paths, ", "), json_text(x.unit), json_text(x.si_unit),
        json_number(x.si_per_unit), x.whole ? "true" : "false", fmt::join(levels, ", ")));
  }
  std::vector<std::string> rows;
  for (std::size_t p = 0; p < d.points(); ++p) {
    std::vector<std::string> row;
    for (std::size_t f = 0; f < d.factors.size(); ++f)
      row.push_back(json_number(d.value(p, f)));
    rows.push_back(fmt::format("[{}]", fmt::join(row, ", ")));
  }
  return fmt::format(
      R"({{"name": {}, "description": {}, "type": {}, "seed": {}, "max_abs_correlation": {}, )"
      R"("points": {}, "factors": [{}], "values": [{}]}})",
      json_text(d.name), json_text(d.description), json_text(d.type), d.seed,
      json_number(d.max_abs_correlation), d.points(), fmt::join(factors, ", "),
      fmt::join(rows, ", "));
}

std::string json_effects(const std::string& policy, std::string_view on, const Sensitivity& e) {
  std::vector<std::string> factors;
  for (std::size_t f = 0; f < e.factors.size(); ++f) {
    const FactorSensitivity& x = e.factors[f];
    factors.push_back(fmt::format(
        R"({{"factor": {}, "slope": {}, "slope_low": {}, "slope_high": {}, "src": {}, )"
        R"("src_low": {}, "src_high": {}, "prcc": {}, "prcc_low": {}, "prcc_high": {}}})",
        f, json_number(x.slope), json_number(x.slope_low), json_number(x.slope_high),
        json_number(x.src), json_number(x.src_low), json_number(x.src_high), json_number(x.prcc),
        json_number(x.prcc_low), json_number(x.prcc_high)));
  }
  return fmt::format(
      R"({{"policy": {}, "on": "{}", "observations": {}, "blocks": {}, "r_squared": {}, )"
      R"("factors": [{}]}})",
      json_text(policy), on, e.observations, e.blocks, json_number(e.r_squared),
      fmt::join(factors, ", "));
}

std::string json_measure(const ExperimentStudy& s, const MeasureStudy& m) {
  std::vector<std::string> points;
  for (const PointResponse& r : m.points) {
    points.push_back(fmt::format(
        R"({{"point": {}, "policy": {}, "value": {}, "difference": {}, "verdict": "{}"}})", r.point,
        json_text(s.policies[r.policy]), json_interval(r.value),
        r.policy == s.baseline ? "null" : json_interval(r.difference), verdict_name(r.verdict)));
  }
  std::vector<std::string> levels;
  for (const LevelResponse& r : m.levels) {
    levels.push_back(fmt::format(
        R"({{"factor": {}, "level": {}, "points": {}, "policy": {}, "value": {}, )"
        R"("difference": {}, "verdict": "{}"}})",
        r.factor, json_number(r.level), r.points, json_text(s.policies[r.policy]),
        json_interval(r.value), r.policy == s.baseline ? "null" : json_interval(r.difference),
        verdict_name(r.verdict)));
  }
  std::vector<std::string> effects;
  for (std::size_t p = 0; p < s.policies.size(); ++p) {
    effects.push_back(json_effects(s.policies[p], "response", m.on_response[p]));
    if (p != s.baseline)
      effects.push_back(json_effects(s.policies[p], "difference", m.on_difference[p]));
  }
  return fmt::format(
      R"({{"id": {}, "title": {}, "unit": {}, "headline": {}, "points": [{}], "levels": [{}], )"
      R"("effects": [{}]}})",
      json_text(m.metric->id), json_text(m.metric->title), json_text(m.metric->unit),
      m.metric->headline ? "true" : "false", fmt::join(points, ", "), fmt::join(levels, ", "),
      fmt::join(effects, ", "));
}

void write_json(const ExperimentStudy& s, std::ostream& out) {
  std::vector<std::string> policies;
  for (const std::string& p : s.policies)
    policies.push_back(json_text(p));
  std::vector<std::string> measures;
  for (const MeasureStudy& m : s.measures)
    measures.push_back(json_measure(s, m));
  std::vector<std::string> summary;
  for (const std::string& line : experiment_summary_lines(s))
    summary.push_back(json_text(line));
  out << fmt::format(
      R"({{"kind": "experiment", "file": {}, "scenario": {}, "scenario_hash": {}, )"
      R"("hotline_version": {}, "seed": {}, "days": {}, "replications": {}, "confidence": {}, )"
      R"("policies": [{}], "baseline": {}, "runs": {}, "design": {}, "summary": [{}], )"
      R"("measures": [{}]}})"
      "\n",
      json_text(s.file), json_text(s.scenario_name), json_text(s.scenario_hash),
      json_text(s.hotline_version), s.seed, json_number(s.days), s.replications,
      json_number(s.confidence), fmt::join(policies, ", "), json_text(s.policies[s.baseline]),
      s.runs, json_design(s.design), fmt::join(summary, ", "), fmt::join(measures, ", "));
}

}  // namespace

void write_experiment_report(const ExperimentStudy& study, ReportFormat format, std::ostream& out) {
  switch (format) {
    case ReportFormat::markdown:
      write_markdown(study, out);
      return;
    case ReportFormat::csv:
      write_csv(study, out);
      return;
    case ReportFormat::json:
      write_json(study, out);
      return;
  }
}

}  // namespace hotline::analysis
