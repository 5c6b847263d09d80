// The exact intervals for rare counts against published values (Garwood's
// Poisson interval, Clopper–Pearson) and against their defining property:
// coverage at least the confidence for every true rate or share, computed
// exactly by summing the Poisson or binomial probabilities of every count.
#include <catch2/catch.hpp>
#include <cmath>

#include "hotline/analysis/exact_intervals.hpp"
#include "hotline/analysis/policy_comparison.hpp"

using namespace hotline::analysis;

TEST_CASE("Garwood's Poisson interval has its published values", "[statistics][exact]") {
  // 95%: k = 0 gives [0, 3.689]; k = 10 gives [4.795, 18.39] (chi-square
  // quantiles / 2).
  const RateInterval zero = poisson_rate_interval(0, 1.0);
  CHECK(zero.low == 0.0);
  CHECK(zero.high == Approx(3.68888).epsilon(1e-5));
  const RateInterval ten = poisson_rate_interval(10, 2.0);
  CHECK(ten.rate == 5.0);
  CHECK(ten.low == Approx(4.79539 / 2.0).epsilon(1e-5));
  CHECK(ten.high == Approx(18.39036 / 2.0).epsilon(1e-5));
  CHECK_THROWS(poisson_rate_interval(1.5, 1.0));
  CHECK_THROWS(poisson_rate_interval(1, 0.0));
}

TEST_CASE("Clopper–Pearson has its published values", "[statistics][exact]") {
  const ShareInterval none = clopper_pearson(0, 10);
  CHECK(none.low == 0.0);
  CHECK(none.high == Approx(1.0 - std::pow(0.025, 0.1)).epsilon(1e-9));
  const ShareInterval half = clopper_pearson(5, 10);
  CHECK(half.low == Approx(0.187086).epsilon(1e-5));
  CHECK(half.high == Approx(0.812914).epsilon(1e-5));
  CHECK(clopper_pearson(10, 10).high == 1.0);
  CHECK(std::isnan(clopper_pearson(0, 0).share));
}

TEST_CASE("the exact intervals cover the truth at least as often as they say",
          "[statistics][exact]") {
  // Coverage of a true Poisson mean mu: the sum of P(k) over the counts k
  // whose interval holds mu; tail beyond 200 is negligible for mu <= 20.
  for (const double mu : {0.05, 0.5, 1.0, 2.5, 7.0, 20.0}) {
    double covered = 0.0;
    double p = std::exp(-mu);  // P(0)
    for (int k = 0; k <= 200; ++k) {
      const RateInterval r = poisson_rate_interval(k, 1.0);
      if (r.low <= mu && mu <= r.high) covered += p;
      p *= mu / (k + 1);
    }
    INFO("mu = " << mu);
    CHECK(covered >= 0.95 - 1e-12);
  }
  // Binomial: n = 20 trials, every true share on a grid.
  for (const double share : {0.01, 0.1, 0.3, 0.5, 0.9}) {
    double covered = 0.0;
    for (int k = 0; k <= 20; ++k) {
      const double pk = std::exp(std::lgamma(21.0) - std::lgamma(k + 1.0) - std::lgamma(21.0 - k)
                                 + k * std::log(share) + (20 - k) * std::log1p(-share));
      const ShareInterval s = clopper_pearson(k, 20);
      if (s.low <= share && share <= s.high) covered += pk;
    }
    INFO("share = " << share);
    CHECK(covered >= 0.95 - 1e-12);
  }
}

TEST_CASE("the exact rate ratio tells a halving from no change", "[statistics][exact]") {
  // Equal counts and exposures: ratio 1, an interval symmetric on the log
  // scale that holds 1.
  const RateRatio same = poisson_rate_ratio(10, 1.0, 10, 1.0);
  CHECK(same.ratio == 1.0);
  CHECK(same.low < 1.0);
  CHECK(same.high > 1.0);
  CHECK(same.low * same.high == Approx(1.0).epsilon(1e-9));
  // 40 against 100 over equal years: clearly lower.
  const RateRatio lower = poisson_rate_ratio(40, 10.0, 100, 10.0);
  CHECK(lower.ratio == Approx(0.4));
  CHECK(lower.high < 1.0);
  // Exposures scale the ratio: the same counts over twice the years.
  CHECK(poisson_rate_ratio(10, 2.0, 10, 1.0).ratio == Approx(0.5));
  // Nothing in either: nothing to tell.
  CHECK(std::isnan(poisson_rate_ratio(0, 1.0, 0, 1.0).ratio));
  // None in the baseline: an infinite ratio and upper bound.
  CHECK(std::isinf(poisson_rate_ratio(3, 1.0, 0, 1.0).high));
}

TEST_CASE("a report warns in its first lines when most baseline runs live in crisis or clash",
          "[report]") {
  PolicyComparison c;
  c.policies = {"none", "hotline"};
  c.baseline = 0;
  c.baseline_runs = 10;
  c.baseline_runs_mostly_in_crisis = 5;  // half: not most
  c.baseline_runs_with_clash = 1;
  CHECK_FALSE(looks_saturated(c));
  CHECK(report_warnings(c).empty());
  c.baseline_runs_mostly_in_crisis = 6;
  REQUIRE(report_warnings(c).size() == 1);
  CHECK(report_warnings(c)[0].find("6 of its 10 runs spend more than half their time at level 2")
        != std::string::npos);
  c.baseline_runs_mostly_in_crisis = 0;
  c.baseline_runs_with_clash = 9;
  CHECK(looks_saturated(c));
}
