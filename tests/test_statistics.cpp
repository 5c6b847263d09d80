// The report's statistics against known values: Student t quantiles from
// the printed tables, a mean interval and a paired comparison worked by
// hand on a small dataset (the arithmetic is in the comments).
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "hotline/analysis/report_formats.hpp"
#include "hotline/analysis/statistics.hpp"

using namespace hotline::analysis;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("Student t quantiles match the tables", "[analysis][statistics]") {
  // Two-sided 95% (p = 0.975), 99% (0.995) and one-sided 95% (0.95) values,
  // to the tables' 9 significant digits.
  CHECK_THAT(student_t_quantile(0.975, 1), WithinRel(12.7062047, 1e-8));
  CHECK_THAT(student_t_quantile(0.975, 2), WithinRel(4.30265273, 1e-8));
  CHECK_THAT(student_t_quantile(0.975, 3), WithinRel(3.18244631, 1e-8));
  CHECK_THAT(student_t_quantile(0.975, 4), WithinRel(2.77644511, 1e-8));
  CHECK_THAT(student_t_quantile(0.975, 10), WithinRel(2.22813885, 1e-8));
  CHECK_THAT(student_t_quantile(0.975, 30), WithinRel(2.04227246, 1e-8));
  CHECK_THAT(student_t_quantile(0.995, 5), WithinRel(4.03214298, 1e-8));
  CHECK_THAT(student_t_quantile(0.95, 20), WithinRel(1.72471824, 1e-8));
  // Symmetric about zero, and the normal's 1.959964 in the limit.
  CHECK_THAT(student_t_quantile(0.025, 7), WithinRel(-student_t_quantile(0.975, 7), 1e-12));
  CHECK_THAT(student_t_quantile(0.975, std::numeric_limits<double>::infinity()),
             WithinRel(1.95996398, 1e-8));
  CHECK_THAT(student_t_quantile(0.975, 1e7), WithinRel(1.95996398, 1e-6));
  CHECK_THROWS_AS(student_t_quantile(1.0, 3), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(0.5, 0), std::invalid_argument);
}

TEST_CASE("a mean's interval, by hand", "[analysis][statistics]") {
  // 1..5: mean 3, sd sqrt(10/4) = 1.5811388, se = sd / sqrt(5) = 0.7071068,
  // t(0.975, 4) = 2.7764451: 3 ± 1.9632432.
  const std::vector<double> v{1, 2, 3, 4, 5};
  const MeanInterval m = mean_interval(v);
  CHECK(m.n == 5);
  CHECK(m.mean == 3.0);
  CHECK_THAT(m.sd, WithinRel(1.58113883, 1e-8));
  CHECK_THAT(m.low, WithinRel(1.03675684, 1e-8));
  CHECK_THAT(m.high, WithinRel(4.96324316, 1e-8));
  // 90% is narrower: t(0.95, 4) = 2.1318468.
  const MeanInterval m90 = mean_interval(v, 0.90);
  CHECK_THAT(m90.high - m90.mean, WithinRel(2.13184679 * 0.70710678, 1e-7));
  // One value: a mean, no spread; none: nothing.
  const std::vector<double> one{7.5};
  const MeanInterval single = mean_interval(one);
  CHECK(single.mean == 7.5);
  CHECK(std::isnan(single.sd));
  CHECK(std::isnan(single.low));
  CHECK(std::isnan(mean_interval({}).mean));
  CHECK_THROWS_AS(mean_interval(v, 1.0), std::invalid_argument);
}

TEST_CASE("a paired comparison, by hand", "[analysis][statistics]") {
  // Four replications. Baseline 10, 12, 9, 11 (mean 10.5, variance 5/3);
  // policy 8, 9, 8, 10 (mean 8.75, variance 11/12); covariance 2.5/3.
  const std::vector<double> baseline{10, 12, 9, 11};
  const std::vector<double> policy{8, 9, 8, 10};
  const PairedComparison c = compare_paired(baseline, policy);
  CHECK(c.pairs == 4);
  CHECK(c.baseline_mean == 10.5);
  CHECK(c.policy_mean == 8.75);
  // Differences -2, -3, -1, -1: mean -1.75, sd sqrt(2.75/3) = 0.9574271,
  // se = 0.4787136, t(0.975, 3) = 3.1824463: -1.75 ± 1.5234802.
  CHECK(c.difference.mean == -1.75);
  CHECK_THAT(c.difference.sd, WithinRel(0.957427108, 1e-8));
  CHECK_THAT(c.difference.low, WithinRel(-3.27348018, 1e-8));
  CHECK_THAT(c.difference.high, WithinRel(-0.226519819, 1e-8));
  CHECK_FALSE(spans_zero(c.difference.low, c.difference.high));
  // Ratio 8.75 / 10.5 = 0.8333333. Fieller, q = t²/n = 3.1824463²/4 =
  // 2.5319912: a = 10.5² − q·5/3 = 106.030015, b = −2·(8.75·10.5 −
  // q·2.5/3) = −179.530015, c = 8.75² − q·11/12 = 74.2415081; the roots of
  // a·r² + b·r + c are 0.717999078 and 0.975200863.
  CHECK_THAT(c.ratio, WithinRel(0.833333333, 1e-9));
  CHECK_THAT(c.ratio_low, WithinRel(0.717999078, 1e-8));
  CHECK_THAT(c.ratio_high, WithinRel(0.975200863, 1e-8));
  CHECK_FALSE(spans_one(c.ratio_low, c.ratio_high));
  // Unpaired, their intervals overlap: the sharpness comes from the
  // pairing, which the common random numbers make valid.
  const MeanInterval b = mean_interval(baseline);
  const MeanInterval p = mean_interval(policy);
  CHECK(b.low < p.high);
}

TEST_CASE("comparisons that cannot be made say so", "[analysis][statistics]") {
  const std::vector<double> zeros{0, 0, 0};
  const std::vector<double> some{0, 1, 2};
  // A baseline that never saw the event: a difference, but no ratio.
  const PairedComparison c = compare_paired(zeros, some);
  CHECK(c.difference.mean == 1.0);
  CHECK(std::isnan(c.ratio));
  CHECK(std::isnan(c.ratio_low));
  // Identical runs: a difference of exactly zero, an interval of one point.
  const PairedComparison same = compare_paired(some, some);
  CHECK(same.difference.mean == 0.0);
  CHECK(same.difference.low == 0.0);
  CHECK(spans_zero(same.difference.low, same.difference.high));
  const std::vector<double> positive{10, 11, 12};
  const PairedComparison unchanged = compare_paired(positive, positive);
  CHECK(unchanged.ratio == 1.0);
  CHECK_THAT(unchanged.ratio_low, WithinAbs(1.0, 1e-12));
  CHECK(spans_one(unchanged.ratio_low, unchanged.ratio_high));
  // A policy that removed the event: ratio 0 (−100%), bounded below by 0.
  const std::vector<double> baseline_counts{3, 4, 5};
  const PairedComparison removed = compare_paired(baseline_counts, zeros);
  CHECK(removed.ratio == 0.0);
  CHECK(removed.ratio_low == 0.0);
  CHECK(removed.ratio_high < 1.0);
  // A baseline whose mean is not told apart from zero: no bounded ratio.
  const std::vector<double> noisy{0, 0, 9};
  const PairedComparison unbounded = compare_paired(noisy, some);
  CHECK(std::isfinite(unbounded.ratio));
  CHECK(std::isnan(unbounded.ratio_low));
  // NaN bounds are undecided, never "different".
  CHECK(spans_zero(std::nan(""), std::nan("")));
  CHECK(spans_one(std::nan(""), std::nan("")));
  const std::vector<double> two{1, 2};
  CHECK_THROWS_AS(compare_paired(two, some), std::invalid_argument);
}

TEST_CASE("report numbers read at three significant figures", "[analysis][report]") {
  using hotline::analysis::readable_number;
  CHECK(readable_number(29.0) == "29.0");
  CHECK(readable_number(3.0) == "3.00");
  CHECK(readable_number(193.96) == "194");
  CHECK(readable_number(9.996) == "10.0");
  CHECK(readable_number(0.012345) == "0.0123");
  CHECK(readable_number(0.0009996) == "1.00e-03");
  CHECK(readable_number(12345.6) == "12346");
  CHECK(readable_number(-2.5) == "\u22122.50");
  CHECK(readable_number(0.0) == "0");
  CHECK(readable_number(std::nan("")) == "-");
}
