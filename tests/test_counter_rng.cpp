// RNG: reproducible draws, independent purposes, uniform output.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

#include "hotline/engine/counter_rng.hpp"

using hotline::engine::CounterRng;
using hotline::engine::RngPurpose;

namespace {

// Two purposes of some model (the engine defines none).
constexpr RngPurpose kTurn{2};
constexpr RngPurpose kIncident{3};

}  // namespace

TEST_CASE("the same coordinates give the same draw", "[rng]") {
  const CounterRng a(12345, 7);
  const CounterRng b(12345, 7);
  for (std::uint32_t step = 0; step < 50; ++step) {
    for (std::uint32_t agent = 0; agent < 50; ++agent) {
      REQUIRE(a.words(step, agent, 3, kTurn) == b.words(step, agent, 3, kTurn));
    }
  }
}

TEST_CASE("every coordinate of a draw changes it", "[rng]") {
  const CounterRng rng(99, 4);
  const auto base = rng.words(10, 20, 30, kTurn);
  CHECK(rng.words(11, 20, 30, kTurn) != base);
  CHECK(rng.words(10, 21, 30, kTurn) != base);
  CHECK(rng.words(10, 20, 31, kTurn) != base);
  CHECK(rng.words(10, 20, 30, kIncident) != base);
  CHECK(CounterRng(99, 5).words(10, 20, 30, kTurn) != base);
  CHECK(CounterRng(100, 4).words(10, 20, 30, kTurn) != base);
  CHECK(CounterRng(99 + (std::uint64_t{1} << 32), 4).words(10, 20, 30, kTurn) != base);
}

TEST_CASE("replications beyond the counter's 24 bits are refused", "[rng]") {
  CHECK_NOTHROW(CounterRng(1, CounterRng::kMaxReplications - 1));
  CHECK_THROWS_AS(CounterRng(1, CounterRng::kMaxReplications), std::out_of_range);
}

TEST_CASE("draws for different purposes are uncorrelated", "[rng]") {
  // Pearson correlation of n pairs of independent uniforms has standard
  // deviation 1/sqrt(n); |r| < 4/sqrt(n) fails by chance with p ~ 6e-5.
  const CounterRng rng(2024, 0);
  constexpr std::uint32_t n = 200000;
  double sum_a = 0, sum_b = 0, sum_ab = 0, sum_aa = 0, sum_bb = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const double a = rng.uniform(1, i, 0, kTurn);
    const double b = rng.uniform(1, i, 0, kIncident);
    sum_a += a;
    sum_b += b;
    sum_ab += a * b;
    sum_aa += a * a;
    sum_bb += b * b;
  }
  const double cov = sum_ab / n - (sum_a / n) * (sum_b / n);
  const double var_a = sum_aa / n - (sum_a / n) * (sum_a / n);
  const double var_b = sum_bb / n - (sum_b / n) * (sum_b / n);
  const double r = cov / std::sqrt(var_a * var_b);
  CHECK(std::abs(r) < 4.0 / std::sqrt(double{n}));
}

TEST_CASE("uniform draws pass a chi-square test", "[rng]") {
  // 100 equal bins, 1e6 draws over many agents and steps; the 99.99th
  // percentile of chi-square with 99 degrees of freedom is 156.2.
  const CounterRng rng(7, 1);
  constexpr int bins = 100;
  constexpr std::uint32_t agents = 10000;
  constexpr std::uint32_t steps = 100;
  std::vector<double> counts(bins, 0.0);
  for (std::uint32_t step = 0; step < steps; ++step) {
    for (std::uint32_t agent = 0; agent < agents; ++agent) {
      const double u = rng.uniform(step, agent, 0, kTurn);
      REQUIRE(u >= 0.0);
      REQUIRE(u < 1.0);
      counts[static_cast<std::size_t>(u * bins)] += 1.0;
    }
  }
  const double expected = double{agents} * steps / bins;
  double chi2 = 0.0;
  for (double c : counts)
    chi2 += (c - expected) * (c - expected) / expected;
  CHECK(chi2 < 156.2);
  // Also not suspiciously perfect (0.01st percentile: 56.0).
  CHECK(chi2 > 56.0);
}

TEST_CASE("unit interval conversion covers 0 up to but excluding 1", "[rng]") {
  CHECK(CounterRng::to_unit_interval(0, 0) == 0.0);
  CHECK(CounterRng::to_unit_interval(0xFFFFFFFFU, 0xFFFFFFFFU) < 1.0);
  CHECK(CounterRng::to_unit_interval(0x80000000U, 0) == 0.5);
}
