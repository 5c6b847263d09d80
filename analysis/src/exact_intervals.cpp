#include "hotline/analysis/exact_intervals.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace hotline::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

void check(double count, double confidence) {
  if (!(count >= 0.0) || count != std::floor(count)) {
    throw std::invalid_argument("an exact interval needs a whole count >= 0");
  }
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("a confidence level must lie strictly between 0 and 1");
  }
}

double chi_square_quantile(double p, double dof) {
  return boost::math::quantile(boost::math::chi_squared_distribution<double>(dof), p);
}

double beta_quantile(double p, double a, double b) {
  return boost::math::quantile(boost::math::beta_distribution<double>(a, b), p);
}

}  // namespace

RateInterval poisson_rate_interval(double count, double exposure, double confidence) {
  check(count, confidence);
  if (!(exposure > 0.0)) throw std::invalid_argument("a rate needs an exposure > 0");
  const double alpha = 1.0 - confidence;
  RateInterval r;
  r.count = count;
  r.exposure = exposure;
  r.rate = count / exposure;
  r.low = count == 0.0 ? 0.0 : chi_square_quantile(alpha / 2.0, 2.0 * count) / 2.0 / exposure;
  r.high = chi_square_quantile(1.0 - alpha / 2.0, 2.0 * count + 2.0) / 2.0 / exposure;
  return r;
}

ShareInterval clopper_pearson(double successes, double trials, double confidence) {
  check(successes, confidence);
  check(trials, confidence);
  if (successes > trials) throw std::invalid_argument("more successes than trials");
  if (trials == 0.0) return {kNaN, kNaN, kNaN};
  const double alpha = 1.0 - confidence;
  ShareInterval s;
  s.share = successes / trials;
  s.low = successes == 0.0 ? 0.0 : beta_quantile(alpha / 2.0, successes, trials - successes + 1);
  s.high = successes == trials
               ? 1.0
               : beta_quantile(1.0 - alpha / 2.0, successes + 1, trials - successes);
  return s;
}

// Given n = a + b events, a ~ Binomial(n, p) with p = ρ·E_a / (ρ·E_a + E_b),
// ρ the ratio of rates: ρ = p/(1 − p) · E_b/E_a, monotone in p.
RateRatio poisson_rate_ratio(double count_a, double exposure_a, double count_b, double exposure_b,
                             double confidence) {
  if (!(exposure_a > 0.0) || !(exposure_b > 0.0)) {
    throw std::invalid_argument("a rate needs an exposure > 0");
  }
  const double n = count_a + count_b;
  if (n == 0.0) {
    check(count_a, confidence);
    return {kNaN, kNaN, kNaN};
  }
  const ShareInterval p = clopper_pearson(count_a, n, confidence);
  const double scale = exposure_b / exposure_a;
  const auto odds = [&](double q) { return q >= 1.0 ? kInfinity : q / (1.0 - q) * scale; };
  RateRatio r;
  r.ratio = count_b == 0.0 ? kInfinity : (count_a / exposure_a) / (count_b / exposure_b);
  r.low = odds(p.low);
  r.high = odds(p.high);
  return r;
}

}  // namespace hotline::analysis
