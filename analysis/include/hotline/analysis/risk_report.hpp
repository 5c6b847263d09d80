// A risk file's estimates as text (`hotline risk` prints the markdown
// table when it ends; `hotline report` prints any format): markdown for
// people (a line per policy, the table of probabilities, intervals,
// relative errors, relative risks and work, then each stage's fraction),
// CSV with every number in full, JSON for programs.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "hotline/analysis/report_formats.hpp"
#include "hotline/analysis/risk_estimates.hpp"

namespace hotline::analysis {

struct RiskReportHeader {
  std::string file;
  std::string scenario_name;
  std::string scenario_hash;
  std::uint64_t seed = 0;
};

void write_risk_report(const RiskReportHeader& header, const RiskSummary& summary,
                       ReportFormat format, std::ostream& out);

// The markdown tables alone (what `hotline risk` prints when it ends).
void write_risk_tables(const RiskSummary& summary, std::ostream& out);

// One line per policy but the baseline: "hotline: relative risk 0.62
// [0.41, 0.93] vs none (lower)", or why there is none.
[[nodiscard]] std::vector<std::string> risk_summary_lines(const RiskSummary& summary);

}  // namespace hotline::analysis
