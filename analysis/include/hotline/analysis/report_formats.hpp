// A policy comparison as text: the report `hotline report` prints.
//
// Markdown for people (a plain-language summary line per policy, then a
// table per measure, numbers to three significant figures); CSV for
// spreadsheets and pandas (one row per measure and policy, numbers in full,
// an empty cell for "none"); JSON for programs (the plot script reads it,
// so a plot's intervals are the report's).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/analysis/policy_comparison.hpp"

namespace hotline::analysis {

enum class ReportFormat : std::uint8_t { markdown, csv, json };
// "md" (or "markdown"), "csv", "json".
[[nodiscard]] std::optional<ReportFormat> parse_report_format(std::string_view text);

void write_report(const PolicyComparison& comparison, ReportFormat format, std::ostream& out);

// One line per policy but the baseline, on the headline measures, e.g.
// "hotline: crises −31% [−40%, −22%]; clashes −8% [−30%, +20%] (not
// distinguishable) vs none".
[[nodiscard]] std::vector<std::string> summary_lines(const PolicyComparison& comparison);

// A number to three significant figures (whole above 1,000), "-" for NaN.
[[nodiscard]] std::string readable_number(double x);

}  // namespace hotline::analysis
