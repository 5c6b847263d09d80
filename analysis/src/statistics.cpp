#include "hotline/analysis/statistics.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace hotline::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double mean_of(std::span<const double> values) {
  double sum = 0.0;
  for (const double v : values)
    sum += v;
  return sum / static_cast<double>(values.size());
}

// Sample covariance (n - 1) of two equally long spans about their means.
double covariance(std::span<const double> a, double mean_a, std::span<const double> b,
                  double mean_b) {
  double sum = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i)
    sum += (a[i] - mean_a) * (b[i] - mean_b);
  return sum / static_cast<double>(a.size() - 1);
}

void check_confidence(double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("a confidence level must lie strictly between 0 and 1");
  }
}

}  // namespace

std::vector<double> present_values(std::span<const double> values) {
  std::vector<double> out;
  for (const double x : values)
    if (!std::isnan(x)) out.push_back(x);
  return out;
}

double student_t_quantile(double probability, double degrees_of_freedom) {
  if (!(probability > 0.0 && probability < 1.0) || !(degrees_of_freedom > 0.0)) {
    throw std::invalid_argument("student_t_quantile: needs 0 < p < 1 and degrees of freedom > 0");
  }
  if (std::isinf(degrees_of_freedom)) {
    return boost::math::quantile(boost::math::normal_distribution<double>(), probability);
  }
  return boost::math::quantile(boost::math::students_t_distribution<double>(degrees_of_freedom),
                               probability);
}

MeanInterval mean_interval(std::span<const double> values, double confidence) {
  check_confidence(confidence);
  MeanInterval m;
  m.n = values.size();
  if (m.n == 0) {
    m.mean = m.sd = m.low = m.high = kNaN;
    return m;
  }
  m.mean = mean_of(values);
  if (m.n < 2) {
    m.sd = m.low = m.high = kNaN;
    return m;
  }
  m.sd = std::sqrt(covariance(values, m.mean, values, m.mean));
  const double t = student_t_quantile(0.5 + confidence / 2.0, static_cast<double>(m.n - 1));
  const double half_width = t * m.sd / std::sqrt(static_cast<double>(m.n));
  m.low = m.mean - half_width;
  m.high = m.mean + half_width;
  return m;
}

PairedComparison compare_paired(std::span<const double> baseline, std::span<const double> policy,
                                double confidence) {
  check_confidence(confidence);
  if (baseline.size() != policy.size()) {
    throw std::invalid_argument("compare_paired: the baseline has "
                                + std::to_string(baseline.size()) + " replications, the policy "
                                + std::to_string(policy.size()));
  }
  PairedComparison c;
  c.pairs = baseline.size();
  std::vector<double> differences(c.pairs);
  for (std::size_t i = 0; i < c.pairs; ++i)
    differences[i] = policy[i] - baseline[i];
  c.difference = mean_interval(differences, confidence);
  if (c.pairs == 0) {
    c.baseline_mean = c.policy_mean = c.ratio = c.ratio_low = c.ratio_high = kNaN;
    return c;
  }
  c.baseline_mean = mean_of(baseline);
  c.policy_mean = mean_of(policy);
  c.ratio = c.ratio_low = c.ratio_high = kNaN;
  // A ratio of a positive baseline mean; the policy's mean may be 0 (the
  // policy removed the event: −100%).
  if (!(c.baseline_mean > 0.0 && c.policy_mean >= 0.0)) return c;
  c.ratio = c.policy_mean / c.baseline_mean;
  if (c.pairs < 2) return c;
  // Fieller: the ratios rho for which the paired t test of
  // policy − rho·baseline does not reject zero, i.e. a·rho² + b·rho + c ≤ 0.
  // At rho = 1 that is the paired t test of the difference, so the ratio's
  // interval holds 1 exactly when the difference's holds 0.
  const double mp = c.policy_mean;
  const double mb = c.baseline_mean;
  const double t = student_t_quantile(0.5 + confidence / 2.0, static_cast<double>(c.pairs - 1));
  const double q = t * t / static_cast<double>(c.pairs);
  const double s_bb = covariance(baseline, mb, baseline, mb);
  const double s_pp = covariance(policy, mp, policy, mp);
  const double s_pb = covariance(policy, mp, baseline, mb);
  const double qa = mb * mb - q * s_bb;
  const double qb = -2.0 * (mp * mb - q * s_pb);
  const double qc = mp * mp - q * s_pp;
  // qa ≤ 0: the baseline's mean is not told apart from zero, and the set of
  // ratios is unbounded — no interval.
  if (!(qa > 0.0)) return c;
  // The quadratic is ≤ 0 at the estimate itself, so the discriminant is ≥ 0
  // but for rounding.
  const double root = std::sqrt(std::max(qb * qb - 4.0 * qa * qc, 0.0));
  c.ratio_low = std::max((-qb - root) / (2.0 * qa), 0.0);  // means are counts and times: ≥ 0
  c.ratio_high = (-qb + root) / (2.0 * qa);
  return c;
}

bool spans_zero(double low, double high) {
  return !(low > 0.0 || high < 0.0);
}

bool spans_one(double low, double high) {
  return !(low > 1.0 || high < 1.0);
}

}  // namespace hotline::analysis
