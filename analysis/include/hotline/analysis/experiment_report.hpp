// An experiment's study (experiment_analysis.hpp) as text: the report
// `hotline report` prints for an experiment's sweep file.
//
// Markdown for people: the design, a summary line per policy and headline
// measure (where the policy differs from the baseline, level by level, and
// which factors matter most), then per headline measure the response and
// the difference by factor level, the factors' effects, and for small
// designs every point. CSV (one row per number, every measure) and JSON
// (everything, the plot script's input) for the user's own tools.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "hotline/analysis/experiment_analysis.hpp"
#include "hotline/analysis/report_formats.hpp"

namespace hotline::analysis {

// The per-point tables appear in Markdown for designs of at most this many
// points (CSV and JSON always hold them).
inline constexpr std::size_t kMaxPointsInMarkdown = 30;

void write_experiment_report(const ExperimentStudy& study, ReportFormat format, std::ostream& out);

// For each policy but the baseline and each headline measure: where the
// difference is distinguishable from zero, factor level by factor level,
// and the factors ranked by |SRC| on the difference. With one policy, the
// ranking on the response.
[[nodiscard]] std::vector<std::string> experiment_summary_lines(const ExperimentStudy& study);

}  // namespace hotline::analysis
