// Pieces of report text shared by the policy comparison's and the
// experiment's reports: verdicts, signed numbers, intervals.
#pragma once

#include <string>
#include <string_view>

#include "hotline/analysis/policy_comparison.hpp"

namespace hotline::analysis {

// A typographic minus, as in print.
inline constexpr std::string_view kMinus = "\u2212";

[[nodiscard]] std::string_view verdict_name(Verdict v);
// A signed number with a typographic minus: "+0.25", "−1.3"; "-" for NaN.
[[nodiscard]] std::string signed_readable(double x);
// A ratio as a relative change: 0.69 -> "−31%".
[[nodiscard]] std::string percent_change(double ratio);
// "[low, high]"
[[nodiscard]] std::string bracket(const std::string& low, const std::string& high);
// "[0.1, 0.3]", or "-" when either bound is NaN.
[[nodiscard]] std::string interval_text(double low, double high);
// A number in full for CSV; an empty cell for NaN.
[[nodiscard]] std::string csv_number(double x);
// Quoted when it holds a comma, a quote or a line break.
[[nodiscard]] std::string csv_text(std::string_view text);

}  // namespace hotline::analysis
