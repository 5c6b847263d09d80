// Designs of experiments (scenarios/designs.hpp): the full factorial's
// order, the Latin hypercube's strata, the NOLH's column correlations, the
// quantiles that place values, and the cap.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "hotline/scenarios/designs.hpp"

using namespace hotline::scenarios;

namespace {

std::vector<double> column(const DesignTable& table, std::size_t f) {
  std::vector<double> values;
  for (std::size_t p = 0; p < table.points(); ++p)
    values.push_back(table.at(p, f));
  return values;
}

// True when every one of the n strata of [0, 1) holds exactly one of the
// probabilities.
bool one_per_stratum(const std::vector<double>& probabilities) {
  const std::size_t n = probabilities.size();
  std::vector<int> hits(n, 0);
  for (double u : probabilities) {
    const auto stratum = static_cast<std::size_t>(std::floor(u * static_cast<double>(n)));
    if (stratum >= n) return false;
    ++hits[stratum];
  }
  return std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; });
}

}  // namespace

TEST_CASE("a full factorial holds every combination with the last factor fastest") {
  const std::vector<FactorValues> factors = {ValueList{{0.1, 0.5, 0.9}}, EvenRange{1.0, 48.0, 2}};
  const DesignTable table = make_design(factors, {DesignType::full_factorial, 0, 1});
  REQUIRE(table.points() == 6);
  const std::vector<double> expected = {0.1, 1.0,  0.1, 48.0, 0.5, 1.0,
                                        0.5, 48.0, 0.9, 1.0,  0.9, 48.0};
  CHECK(table.values == expected);
  CHECK(design_point_count(factors, {DesignType::full_factorial, 0, 1}) == 6);
}

TEST_CASE("an even range's levels are evenly spaced and end exactly at its end") {
  const EvenRange range{0.1, 0.9, 9};
  CHECK(level_value(range, 0) == 0.1);
  CHECK(level_value(range, 4) == Approx(0.5).epsilon(1e-15));
  CHECK(level_value(range, 8) == 0.9);
}

TEST_CASE("a Latin hypercube uses every stratum of every factor exactly once") {
  const std::vector<FactorValues> factors = {
      UniformDistribution{0.0, 1.0}, UniformDistribution{10.0, 20.0}, NormalDistribution{5.0, 2.0},
      LogUniformDistribution{1.0, 100.0}};
  const DesignTable table = make_design(factors, {DesignType::latin_hypercube, 50, 7});
  REQUIRE(table.points() == 50);
  std::vector<double> u0 = column(table, 0);
  CHECK(one_per_stratum(u0));
  std::vector<double> u1 = column(table, 1);
  for (double& v : u1)
    v = (v - 10.0) / 10.0;
  CHECK(one_per_stratum(u1));
  std::vector<double> u2 = column(table, 2);
  for (double& v : u2)
    v = 0.5 * std::erfc(-(v - 5.0) / (2.0 * std::sqrt(2.0)));
  CHECK(one_per_stratum(u2));
  std::vector<double> u3 = column(table, 3);
  for (double& v : u3)
    v = std::log(v) / std::log(100.0);
  CHECK(one_per_stratum(u3));
}

TEST_CASE("a Latin hypercube is the same for one seed and differs for another") {
  const std::vector<FactorValues> factors = {UniformDistribution{0.0, 1.0},
                                             UniformDistribution{0.0, 1.0}};
  const DesignTable a = make_design(factors, {DesignType::latin_hypercube, 20, 3});
  const DesignTable b = make_design(factors, {DesignType::latin_hypercube, 20, 3});
  const DesignTable c = make_design(factors, {DesignType::latin_hypercube, 20, 4});
  CHECK(a.values == b.values);
  CHECK(a.values != c.values);
}

TEST_CASE("a NOLH is a Latin hypercube whose columns are nearly orthogonal") {
  // Cioppa and Lucas's sizes: up to 7 factors in 17 points, 11 in 33, 16 in 65.
  for (const auto& [k, n] :
       std::vector<std::pair<std::size_t, std::size_t>>{{2, 17}, {7, 17}, {11, 33}, {16, 65}}) {
    const std::vector<FactorValues> factors(k, UniformDistribution{0.0, 1.0});
    const DesignTable table = make_design(factors, {DesignType::nolh, 0, 1});
    INFO(k << " factors");
    REQUIRE(table.points() == n);
    for (std::size_t f = 0; f < k; ++f)
      CHECK(one_per_stratum(column(table, f)));
    CHECK(table.max_abs_correlation <= kNolhCorrelationTarget);
    CHECK(table.max_abs_correlation == max_abs_column_correlation(table));
  }
}

TEST_CASE("the column correlation of a design is Pearson's") {
  DesignTable table;
  table.factors = 3;
  // x, 2x + 1 (correlation 1) and a column orthogonal to x.
  table.values = {-1, -1, 1, 0, 1, -2, 1, 3, 1};
  CHECK(max_abs_column_correlation(table) == Approx(1.0).epsilon(1e-12));
  table.values = {-1, 1, 1, 0, 1, -2, 1, 1, 1};
  CHECK(max_abs_column_correlation(table) == Approx(0.0).margin(1e-12));
}

TEST_CASE("factor quantiles invert each distribution") {
  CHECK(factor_quantile(TriangularDistribution{0.0, 1.0, 2.0}, 0.5) == Approx(1.0));
  CHECK(factor_quantile(TriangularDistribution{0.0, 0.0, 1.0}, 0.75) == Approx(0.5));
  CHECK(factor_quantile(LogUniformDistribution{1.0, 100.0}, 0.5) == Approx(10.0));
  CHECK(factor_quantile(NormalDistribution{10.0, 2.0}, 0.975) == Approx(13.919928).epsilon(1e-6));
  CHECK(factor_quantile(ValueList{{1.0, 2.0, 3.0}}, 0.34) == 2.0);
  CHECK(factor_quantile(EvenRange{0.0, 1.0, 5}, 0.99) == 1.0);
}

TEST_CASE("a design past the cap or of the wrong kind is refused with its reason") {
  const std::vector<FactorValues> big(3, EvenRange{0.0, 1.0, 100});
  CHECK_THROWS_WITH(make_design(big, {DesignType::full_factorial, 0, 1}),
                    Catch::Contains("1000000 points, more than the 100000"));
  const std::vector<FactorValues> sampled = {NormalDistribution{0.0, 1.0}};
  CHECK_THROWS_WITH(make_design(sampled, {DesignType::full_factorial, 0, 1}),
                    Catch::Contains("not distributions"));
  CHECK_THROWS_WITH(make_design(sampled, {DesignType::latin_hypercube, 0, 1}),
                    Catch::Contains("needs 'points'"));
}
