// Sensitivity measures (analysis/sensitivity.hpp) against known answers:
// a linear response whose slopes are known is recovered within the
// intervals, which cover at their nominal rate; blocks (replications) take
// out shared noise; rank correlations see monotonic effects.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "hotline/analysis/sensitivity.hpp"

using hotline::analysis::average_ranks;
using hotline::analysis::sensitivity;
using hotline::analysis::SensitivityData;

namespace {

// y = 3 x1 - 2 x2 + 0 x3 + block effect + noise, on a 5 × 5 × 2 grid
// repeated in `blocks` blocks; the block effect (sd `block_sd`) is shared
// by every observation of a block, as common random numbers share noise.
SensitivityData linear_case(std::mt19937_64& random, int blocks, double block_sd,
                            bool tell_blocks) {
  std::normal_distribution<double> normal(0.0, 1.0);
  SensitivityData data;
  data.factors.resize(3);
  for (int b = 0; b < blocks; ++b) {
    const double shared = block_sd * normal(random);
    for (int i = 0; i < 5; ++i)
      for (int j = 0; j < 5; ++j)
        for (int k = 0; k < 2; ++k) {
          const double x1 = 0.1 * i;
          const double x2 = 10.0 + j;
          const double x3 = k;
          data.factors[0].push_back(x1);
          data.factors[1].push_back(x2);
          data.factors[2].push_back(x3);
          data.response.push_back(3.0 * x1 - 2.0 * x2 + shared + normal(random));
          data.block.push_back(tell_blocks ? static_cast<std::uint32_t>(b) : 0U);
        }
  }
  return data;
}

}  // namespace

TEST_CASE("known linear slopes are recovered within their intervals") {
  std::mt19937_64 random(11);
  const auto s = sensitivity(linear_case(random, 10, 5.0, true));
  REQUIRE(s.factors.size() == 3);
  CHECK(s.observations == 500);
  CHECK(s.blocks == 10);
  CHECK(s.degrees_of_freedom == 500 - 10 - 3);
  CHECK(s.factors[0].slope_low < 3.0);
  CHECK(s.factors[0].slope_high > 3.0);
  CHECK(s.factors[1].slope_low < -2.0);
  CHECK(s.factors[1].slope_high > -2.0);
  CHECK(s.factors[2].slope_low < 0.0);
  CHECK(s.factors[2].slope_high > 0.0);
  // x2 moves y most per standard deviation: |SRC| ranks it first.
  CHECK(std::abs(s.factors[1].src) > std::abs(s.factors[0].src));
  CHECK(s.factors[1].src < 0.0);
  CHECK(s.factors[1].prcc < -0.8);
  CHECK(s.factors[2].prcc_low < 0.0);
  CHECK(s.factors[2].prcc_high > 0.0);
  CHECK(s.r_squared > 0.8);
}

TEST_CASE("slope intervals cover the true slope at their nominal rate") {
  // 400 repetitions at 95%: the coverage's binomial sd is 1.1 points, so
  // 92% to 98% is a ±3 sd band.
  std::mt19937_64 random(2023);
  int covered = 0;
  const int repetitions = 400;
  for (int r = 0; r < repetitions; ++r) {
    const auto s = sensitivity(linear_case(random, 4, 3.0, true));
    covered += (s.factors[0].slope_low < 3.0 && s.factors[0].slope_high > 3.0) ? 1 : 0;
  }
  const double coverage = static_cast<double>(covered) / repetitions;
  INFO("coverage " << coverage);
  CHECK(coverage > 0.92);
  CHECK(coverage < 0.98);
}

TEST_CASE("blocks take out the noise the runs of a replication share") {
  std::mt19937_64 a(5);
  std::mt19937_64 b(5);
  const auto blocked = sensitivity(linear_case(a, 10, 20.0, true));
  const auto pooled = sensitivity(linear_case(b, 10, 20.0, false));
  const double blocked_width = blocked.factors[0].slope_high - blocked.factors[0].slope_low;
  const double pooled_width = pooled.factors[0].slope_high - pooled.factors[0].slope_low;
  INFO(blocked_width << " vs " << pooled_width);
  CHECK(blocked_width * 5.0 < pooled_width);
}

TEST_CASE("rank correlations see a monotonic effect a line fits badly") {
  std::mt19937_64 random(3);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  SensitivityData data;
  data.factors.resize(2);
  for (int i = 0; i < 200; ++i) {
    const double x = unit(random) * 10.0;
    data.factors[0].push_back(x);
    data.factors[1].push_back(unit(random));
    data.response.push_back(std::exp(x) * (1.0 + 0.3 * unit(random)));
    data.block.push_back(0);
  }
  const auto s = sensitivity(data);
  CHECK(s.factors[0].prcc > 0.95);
  CHECK(s.factors[0].src < s.factors[0].prcc);
  CHECK(s.factors[1].prcc_low < 0.0);
  CHECK(s.factors[1].prcc_high > 0.0);
}

TEST_CASE("a factor that does not vary has no measures and the rest are still fitted") {
  std::mt19937_64 random(8);
  SensitivityData data = linear_case(random, 3, 1.0, true);
  for (double& x : data.factors[2])
    x = 7.0;
  data.response[4] = std::nan("");
  const auto s = sensitivity(data);
  CHECK(s.observations == 149);
  CHECK(std::isnan(s.factors[2].src));
  CHECK(std::isnan(s.factors[2].prcc));
  CHECK(s.factors[0].slope_low < 3.0);
  CHECK(s.factors[0].slope_high > 3.0);
}

TEST_CASE("average ranks give ties the mean of their places") {
  CHECK(average_ranks({10, 20, 20, 5}) == std::vector<double>{2, 3.5, 3.5, 1});
  CHECK(average_ranks({}).empty());
}

TEST_CASE("a response that moves only between blocks shows exactly no effect") {
  // Each block its own level, the same at every point: what a factor that
  // changes nothing gives under common random numbers.
  SensitivityData data;
  data.factors.resize(1);
  for (std::uint32_t b = 0; b < 5; ++b) {
    for (int i = 0; i < 4; ++i) {
      data.factors[0].push_back(0.1 * i);
      data.response.push_back(1.0 / 3.0 + 0.7 * b);
      data.block.push_back(b);
    }
  }
  const auto s = sensitivity(data);
  CHECK(s.factors[0].slope == 0.0);
  CHECK(s.factors[0].slope_low == 0.0);
  CHECK(s.factors[0].slope_high == 0.0);
  CHECK(s.factors[0].src == 0.0);
  CHECK(std::isnan(s.factors[0].prcc));
}
