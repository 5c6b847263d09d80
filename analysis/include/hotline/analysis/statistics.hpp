// The statistics of a policy comparison: a metric's mean over replications
// with its Student-t confidence interval, and a policy against a baseline
// paired by replication — the difference of means with a paired-t
// interval, and the ratio of means with Fieller's interval.
//
// Pairing is right because a sweep runs replication k of every policy on
// the same random streams (common random numbers): the noise the two runs
// share cancels in their difference. Every function is a pure function of
// its numbers; nothing is random (no bootstrap), so a report is the same
// every time it is made.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace hotline::analysis {

// The quantile of Student's t distribution: the t with P(T <= t) =
// `probability` at `degrees_of_freedom` (> 0; infinity gives the normal).
[[nodiscard]] double student_t_quantile(double probability, double degrees_of_freedom);

// A mean over n values and its two-sided confidence interval (Student t,
// n - 1 degrees of freedom). sd is the sample standard deviation (n - 1).
// With n < 2 the sd and the bounds are NaN (there is no spread to judge
// by); with n = 0 the mean is NaN too.
struct MeanInterval {
  std::size_t n = 0;
  double mean = 0.0;
  double sd = 0.0;
  double low = 0.0;
  double high = 0.0;
};
[[nodiscard]] MeanInterval mean_interval(std::span<const double> values, double confidence = 0.95);

// A policy against the baseline, pair i being replication i of each.
// `difference` is the paired interval of policy - baseline. `ratio` is
// mean(policy) / mean(baseline); its interval is Fieller's: the ratios r
// for which the paired t test of policy − r·baseline keeps zero, the roots
// of (m_p − r·m_b)² = (t²/n)·(s_p² − 2r·s_pb + r²·s_b²) (lower bound at
// least 0). At r = 1 that is the difference's own test, so the ratio's
// interval holds 1 exactly when the difference's holds 0 — a report never
// calls a change distinguishable by one and not by the other. (The delta
// method on the log scale, tried first, disagreed with the paired t test
// at 3 replications when the policy's mean was small and noisy.) The ratio
// is NaN unless the baseline's mean is positive and the policy's at least
// 0; its bounds are NaN when n < 2, and when the baseline's mean is not
// told apart from zero at this confidence (the set of ratios is then
// unbounded).
struct PairedComparison {
  std::size_t pairs = 0;
  double baseline_mean = 0.0;
  double policy_mean = 0.0;
  MeanInterval difference;
  double ratio = 0.0;
  double ratio_low = 0.0;
  double ratio_high = 0.0;
};
// Throws std::invalid_argument if the spans differ in length.
[[nodiscard]] PairedComparison compare_paired(std::span<const double> baseline,
                                              std::span<const double> policy,
                                              double confidence = 0.95);

// The values that are numbers (NaN marks a run without one), in order.
[[nodiscard]] std::vector<double> present_values(std::span<const double> values);

// Whether an interval holds zero (for a difference) or one (for a ratio):
// the comparison cannot tell the policies apart. NaN bounds count as
// undecided.
[[nodiscard]] bool spans_zero(double low, double high);
[[nodiscard]] bool spans_one(double low, double high);

}  // namespace hotline::analysis
