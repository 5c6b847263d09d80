#include "hotline/analysis/report_formats.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "hotline/analysis/json_text.hpp"
#include "hotline/scenarios/text_safety.hpp"
#include "report_text.hpp"

namespace hotline::analysis {

std::optional<ReportFormat> parse_report_format(std::string_view text) {
  if (text == "md" || text == "markdown") return ReportFormat::markdown;
  if (text == "csv") return ReportFormat::csv;
  if (text == "json") return ReportFormat::json;
  return std::nullopt;
}

namespace {

// "−31% [−40%, −22%]", or "+0.25 [−0.1, +0.6]" where there is no ratio.
std::string change_text(const PolicyMeasure& m) {
  const PairedComparison& c = *m.against_baseline;
  const bool interval = m.verdict != Verdict::no_interval;
  if (m.relative) {
    if (!interval) return percent_change(c.ratio);
    return fmt::format("{} {}", percent_change(c.ratio),
                       bracket(percent_change(c.ratio_low), percent_change(c.ratio_high)));
  }
  if (!interval) return signed_readable(c.difference.mean);
  return fmt::format(
      "{} {}", signed_readable(c.difference.mean),
      bracket(signed_readable(c.difference.low), signed_readable(c.difference.high)));
}

int confidence_percent(const PolicyComparison& c) {
  return static_cast<int>(std::lround(c.confidence * 100.0));
}

// The headline rates per rival dyad and policy, with exact intervals.
void write_dyad_tables(const PolicyComparison& c, std::ostream& out) {
  if (c.dyads.empty()) return;
  const int level = confidence_percent(c);
  out << fmt::format(
      "\n## By rival dyad (per year, exact {}% intervals)\n\n| dyad | policy | years | dangerous "
      "| grave | crisis-days | clashes | wars |\n|---|---|--:|---|---|--:|---|---|\n",
      level);
  const auto rate = [](const RateInterval& r) {
    return readable_number(r.rate) + " " + interval_text(r.low, r.high);
  };
  for (const DyadRates& d : c.dyads) {
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", d.dyad, c.policies[d.policy],
                       readable_number(d.years), rate(d.dangerous), rate(d.grave),
                       readable_number(d.crisis_days_per_year), rate(d.clashes), rate(d.wars));
  }
}

void write_markdown(const PolicyComparison& c, std::ostream& out) {
  const std::string& baseline = c.policies[c.baseline];
  const int level = confidence_percent(c);
  out << fmt::format("# Policy comparison: {}\n\n", scenarios::printable(c.scenario_name));
  for (const std::string& warning : report_warnings(c))
    out << "**" << warning << "**\n\n";
  if (!c.point_description.empty()) out << "At " << c.point_description << ".\n\n";
  out << fmt::format(
      "File `{}`: scenario hash {}, Hotline {}, seed {}, {} days per run, {} policies × {} "
      "replications ({} runs in the file).\n",
      c.file, c.scenario_hash, c.hotline_version, c.seed, fmt::format("{:g}", c.days),
      c.policies.size(), c.replications, c.runs);
  if (c.runs_stopped_at_clash > 0) {
    out << fmt::format(
        "{} runs stopped at their first clash (stop_at_first_clash), so are "
        "shorter.\n",
        c.runs_stopped_at_clash);
  }
  out << fmt::format(
      "\nIntervals are {}%. Counts of events (incidents, clashes, wars, crisis episodes, ...) are "
      "rates per simulated year: a policy's rate is its total count over its total years, with "
      "the exact Poisson (Garwood) interval, and its change against `{}` is the ratio of rates "
      "with the exact conditional interval (Clopper–Pearson on one policy's share of the "
      "events), which decides the verdict — rare counts are mostly zeros per run, where t "
      "intervals say nothing. A share of runs has the Clopper–Pearson interval. Other measures: "
      "a policy's mean by Student t over its replications, and its change paired by replication "
      "(every policy's replication k ran on the same random streams) — the difference of means "
      "by a paired t interval, the ratio by Fieller's interval, which holds no change exactly "
      "when the difference's does. Changes are shown relative where the ratio has an interval, "
      "else as differences; *not distinguishable*: the interval holds no change.\n",
      level, baseline);

  out << fmt::format("\n## Summary against {}\n\n", baseline);
  const auto lines = summary_lines(c);
  for (const std::string& line : lines)
    out << "- " << line << '\n';
  if (lines.empty()) out << "(the file holds no other policy)\n";

  for (const MetricComparison& mc : c.metrics) {
    const RunMetric& metric = *mc.metric;
    out << fmt::format("\n## {} ({})\n\n", metric.title, metric.unit);
    out << fmt::format(
        "| policy | runs | mean | {0}% interval | sd | change vs {1} | {0}% interval | "
        "difference | {0}% interval | verdict |\n",
        level, baseline);
    out << "|---|--:|--:|---|--:|--:|---|--:|---|---|\n";
    for (std::size_t p = 0; p < c.policies.size(); ++p) {
      const PolicyMeasure& m = mc.policies[p];
      const MeanInterval& own = m.over_runs;
      std::string row =
          fmt::format("| {}{} | {} | {} | {} | {} |", c.policies[p],
                      p == c.baseline ? " (baseline)" : "", own.n, readable_number(own.mean),
                      interval_text(own.low, own.high), readable_number(own.sd));
      if (!m.against_baseline) {
        row += " | | | | |";
      } else {
        const PairedComparison& pc = *m.against_baseline;
        const bool interval = m.verdict != Verdict::no_interval;
        row += fmt::format(
            " {} | {} | {} | {} | {} |", m.relative ? percent_change(pc.ratio) : "-",
            m.relative && interval
                ? bracket(percent_change(pc.ratio_low), percent_change(pc.ratio_high))
                : "-",
            signed_readable(pc.difference.mean),
            interval
                ? bracket(signed_readable(pc.difference.low), signed_readable(pc.difference.high))
                : "-",
            verdict_name(m.verdict));
      }
      out << row << '\n';
    }
  }
  write_dyad_tables(c, out);
}

void write_csv(const PolicyComparison& c, std::ostream& out) {
  out << "metric,unit,policy,baseline,runs,mean,sd,low,high,pairs,difference,difference_low,"
         "difference_high,ratio,ratio_low,ratio_high,verdict\n";
  for (const MetricComparison& mc : c.metrics) {
    for (std::size_t p = 0; p < c.policies.size(); ++p) {
      const PolicyMeasure& m = mc.policies[p];
      const MeanInterval& own = m.over_runs;
      out << fmt::format("{},{},{},{},{},{},{},{},{}", mc.metric->id, csv_text(mc.metric->unit),
                         csv_text(c.policies[p]), csv_text(c.policies[c.baseline]), own.n,
                         csv_number(own.mean), csv_number(own.sd), csv_number(own.low),
                         csv_number(own.high));
      if (m.against_baseline) {
        const PairedComparison& pc = *m.against_baseline;
        out << fmt::format(",{},{},{},{},{},{},{},{}\n", pc.pairs, csv_number(pc.difference.mean),
                           csv_number(pc.difference.low), csv_number(pc.difference.high),
                           csv_number(pc.ratio), csv_number(pc.ratio_low),
                           csv_number(pc.ratio_high), verdict_name(m.verdict));
      } else {
        out << ",,,,,,,,baseline\n";
      }
    }
  }
}

void write_json(const PolicyComparison& c, std::ostream& out) {
  const auto text = [](std::string_view s) { return fmt::format("\"{}\"", json_escaped(s)); };
  const auto num = [](double x) { return json_number(x); };
  out << "{\n";
  out << fmt::format(
      "  \"file\": {},\n  \"scenario\": {},\n  \"scenario_hash\": {},\n  \"hotline_version\": "
      "{},\n  \"seed\": {},\n  \"days\": {},\n  \"replications\": {},\n  \"runs\": {},\n  "
      "\"runs_stopped_at_clash\": {},\n  \"confidence\": {},\n  \"baseline\": {},\n",
      text(c.file), text(c.scenario_name), text(c.scenario_hash), text(c.hotline_version), c.seed,
      num(c.days), c.replications, c.runs, c.runs_stopped_at_clash, num(c.confidence),
      text(c.policies[c.baseline]));
  out << fmt::format("  \"point\": {},\n",
                     c.point ? std::to_string(*c.point) : std::string("null"));
  out << "  \"policies\": [";
  for (std::size_t p = 0; p < c.policies.size(); ++p)
    out << (p ? ", " : "") << text(c.policies[p]);
  out << "],\n  \"warnings\": [";
  const auto warnings = report_warnings(c);
  for (std::size_t i = 0; i < warnings.size(); ++i)
    out << (i ? ", " : "") << text(warnings[i]);
  out << "],\n  \"summary\": [";
  const auto lines = summary_lines(c);
  for (std::size_t i = 0; i < lines.size(); ++i)
    out << (i ? ",\n    " : "\n    ") << text(lines[i]);
  out << (lines.empty() ? "],\n" : "\n  ],\n");
  out << "  \"metrics\": [";
  for (std::size_t k = 0; k < c.metrics.size(); ++k) {
    const MetricComparison& mc = c.metrics[k];
    out << (k ? ",\n" : "\n");
    out << fmt::format(
        "    {{\n      \"id\": {},\n      \"title\": {},\n      \"unit\": {},\n      "
        "\"headline\": {},\n      \"policies\": [",
        text(mc.metric->id), text(mc.metric->title), text(mc.metric->unit),
        mc.metric->headline ? "true" : "false");
    for (std::size_t p = 0; p < c.policies.size(); ++p) {
      const PolicyMeasure& m = mc.policies[p];
      const MeanInterval& own = m.over_runs;
      out << (p ? ",\n" : "\n");
      out << fmt::format(
          "        {{\"policy\": {}, \"runs\": {}, \"mean\": {}, \"sd\": {}, \"low\": {}, "
          "\"high\": {}",
          text(c.policies[p]), own.n, num(own.mean), num(own.sd), num(own.low), num(own.high));
      if (m.against_baseline) {
        const PairedComparison& pc = *m.against_baseline;
        out << fmt::format(
            ",\n         \"against_baseline\": {{\"pairs\": {}, \"difference\": {}, "
            "\"difference_low\": {}, \"difference_high\": {}, \"ratio\": {}, \"ratio_low\": {}, "
            "\"ratio_high\": {}, \"relative\": {}, \"verdict\": {}}}",
            pc.pairs, num(pc.difference.mean), num(pc.difference.low), num(pc.difference.high),
            num(pc.ratio), num(pc.ratio_low), num(pc.ratio_high), m.relative ? "true" : "false",
            text(verdict_name(m.verdict)));
      }
      out << "}";
    }
    out << "\n      ]\n    }";
  }
  out << "\n  ],\n  \"dyads\": [";
  for (std::size_t k = 0; k < c.dyads.size(); ++k) {
    const DyadRates& d = c.dyads[k];
    const auto rate = [&](const RateInterval& r) {
      return fmt::format("{{\"rate\": {}, \"count\": {}, \"low\": {}, \"high\": {}}}", num(r.rate),
                         num(r.count), num(r.low), num(r.high));
    };
    out << (k ? ",\n    " : "\n    ")
        << fmt::format(
               "{{\"dyad\": {}, \"policy\": {}, \"years\": {}, \"dangerous\": {}, \"grave\": {}, "
               "\"crisis_days_per_year\": {}, \"clashes\": {}, \"wars\": {}}}",
               text(d.dyad), text(c.policies[d.policy]), num(d.years), rate(d.dangerous),
               rate(d.grave), num(d.crisis_days_per_year), rate(d.clashes), rate(d.wars));
  }
  out << (c.dyads.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace

std::string readable_number(double x) {
  if (std::isnan(x)) return "-";
  if (std::isinf(x)) return x < 0 ? std::string(kMinus) + "inf" : "inf";
  if (x == 0.0) return "0";
  if (std::fabs(x) >= 999.5)
    return (x < 0 ? std::string(kMinus) : std::string()) + fmt::format("{:.0f}", std::fabs(x));
  // Three significant figures, trailing zeros kept ("3.00", "29.0"): a
  // column reads at the same precision throughout.
  const double size = std::fabs(x);
  std::string text;
  if (size < 1e-3) {
    text = fmt::format("{:.2e}", size);
  } else {
    const int exponent = static_cast<int>(std::floor(std::log10(size)));
    int decimals = std::max(0, 2 - exponent);
    // Rounding up across a power of ten (9.996 -> "10.0", not "10.00").
    if (std::stod(fmt::format("{:.{}f}", size, decimals)) >= std::pow(10.0, exponent + 1))
      decimals = std::max(0, decimals - 1);
    text = fmt::format("{:.{}f}", size, decimals);
  }
  return x < 0 ? std::string(kMinus) + text : text;
}

std::vector<std::string> summary_lines(const PolicyComparison& c) {
  std::vector<std::string> lines;
  for (std::size_t p = 0; p < c.policies.size(); ++p) {
    if (p == c.baseline) continue;
    std::string line = c.policies[p] + ":";
    bool first = true;
    for (const MetricComparison& mc : c.metrics) {
      if (!mc.metric->headline) continue;
      const PolicyMeasure& m = mc.policies[p];
      line += first ? " " : "; ";
      first = false;
      line += std::string(mc.metric->short_name) + " " + change_text(m);
      if (m.verdict == Verdict::not_distinguishable) line += " (not distinguishable)";
      if (m.verdict == Verdict::no_interval && m.exact) {
        line += " (no events in either: nothing to tell)";
      } else if (m.verdict == Verdict::no_interval) {
        line += fmt::format(" (no interval: {} pair{})", m.against_baseline->pairs,
                            m.against_baseline->pairs == 1 ? "" : "s");
      }
    }
    lines.push_back(line + " vs " + c.policies[c.baseline]);
  }
  return lines;
}

void write_report(const PolicyComparison& comparison, ReportFormat format, std::ostream& out) {
  switch (format) {
    case ReportFormat::markdown:
      write_markdown(comparison, out);
      break;
    case ReportFormat::csv:
      write_csv(comparison, out);
      break;
    case ReportFormat::json:
      write_json(comparison, out);
      break;
  }
}

}  // namespace hotline::analysis
