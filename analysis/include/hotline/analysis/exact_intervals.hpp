// Exact intervals for rare counts: a Poisson rate from a count over an
// exposure (Garwood's interval, from chi-square quantiles), a share of
// trials (Clopper–Pearson, from beta quantiles), and the ratio of two
// Poisson rates (conditional on the total: the first count out of both is
// binomial, and its Clopper–Pearson interval maps to the ratio's).
//
// A credible baseline has few grave incidents and fewer clashes: most runs
// count 0 and a t interval over runs says nothing useful (often [0, 0]).
// These intervals are exact (at least the stated coverage) at any count,
// zero included.
#pragma once

namespace hotline::analysis {

struct RateInterval {
  double count = 0.0;
  double exposure = 0.0;  // in the rate's unit of time (years, say)
  double rate = 0.0;      // count / exposure
  double low = 0.0;
  double high = 0.0;
};

// Throws std::invalid_argument for a negative or non-integral count, an
// exposure <= 0, or a confidence outside (0, 1).
[[nodiscard]] RateInterval poisson_rate_interval(double count, double exposure,
                                                 double confidence = 0.95);

struct ShareInterval {
  double share = 0.0;  // successes / trials; NaN with no trials
  double low = 0.0;
  double high = 0.0;
};

[[nodiscard]] ShareInterval clopper_pearson(double successes, double trials,
                                            double confidence = 0.95);

// rate_a / rate_b with its exact conditional interval. With no event in
// either the ratio and its bounds are NaN (nothing to tell); with none in
// b the ratio and the upper bound are +infinity.
struct RateRatio {
  double ratio = 0.0;
  double low = 0.0;
  double high = 0.0;
};

[[nodiscard]] RateRatio poisson_rate_ratio(double count_a, double exposure_a, double count_b,
                                           double exposure_b, double confidence = 0.95);

}  // namespace hotline::analysis
