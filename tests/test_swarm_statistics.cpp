// The swarm model against its analytic answers (docs/benchmarks.md).
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <vector>

#include "hotline/agents/swarm_model.hpp"

using hotline::agents::SwarmConfig;
using hotline::agents::SwarmModel;

namespace {

// Standard error of the mean of a correlated series: sigma^2 tau_int / n, with
// the integrated autocorrelation time tau_int = 1 + 2 sum_k rho_k summed over
// a window W grown until W >= 5 tau_int (Sokal's automatic windowing).
struct SeriesStats {
  double mean;
  double standard_error;
  double tau_int;
};

SeriesStats correlated_mean(const std::vector<double>& series) {
  const auto n = static_cast<double>(series.size());
  const double mean = std::accumulate(series.begin(), series.end(), 0.0) / n;
  std::vector<double> centred(series.size());
  for (std::size_t i = 0; i < series.size(); ++i)
    centred[i] = series[i] - mean;
  auto autocovariance = [&](std::size_t lag) {
    double sum = 0.0;
    for (std::size_t i = 0; i + lag < centred.size(); ++i)
      sum += centred[i] * centred[i + lag];
    return sum / n;
  };
  const double variance = autocovariance(0);
  double tau = 1.0;
  for (std::size_t lag = 1; lag < series.size() / 2; ++lag) {
    tau += 2.0 * autocovariance(lag) / variance;
    if (static_cast<double>(lag) >= 5.0 * tau) break;
  }
  return {mean, std::sqrt(variance * tau / n), tau};
}

}  // namespace

TEST_CASE("mean encounters per step match 0.7854 N within 4 standard errors", "[swarm][stats]") {
  SwarmConfig config;
  config.agents = 10000;
  config.seed = 20261122;
  SwarmModel model(config);
  const double expected = model.expected_encounters_per_step();
  REQUIRE(expected == Approx(0.785398 * 10000).epsilon(1e-6));

  std::vector<double> per_step;
  for (int s = 0; s < 1000; ++s) {
    model.step();
    per_step.push_back(static_cast<double>(model.encounters().size()));
  }
  const SeriesStats stats = correlated_mean(per_step);
  INFO("mean " << stats.mean << ", expected " << expected << ", standard error "
               << stats.standard_error << ", tau_int " << stats.tau_int << " steps");
  // Successive steps are strongly correlated (agents move 0.05 per step):
  // an error that ignored this would be several times too small.
  CHECK(stats.tau_int > 5.0);
  CHECK(std::abs(stats.mean - expected) < 4.0 * stats.standard_error);
  // And the error is small enough for the check to mean something (< 0.5%).
  CHECK(stats.standard_error < 0.005 * expected);
}

TEST_CASE("incidents are a binomial thinning of encounters with p = 0.001", "[swarm][stats]") {
  SwarmConfig config;
  config.agents = 20000;
  config.seed = 5;
  SwarmModel model(config);
  for (int s = 0; s < 300; ++s)
    model.step();
  const auto encounters = static_cast<double>(model.total_encounters());
  const auto incidents = static_cast<double>(model.total_incidents());
  const double p = config.incident_probability;
  // Each encounter draws independently, so incidents ~ Binomial(encounters, p).
  const double sigma = std::sqrt(encounters * p * (1.0 - p));
  INFO("encounters " << encounters << ", incidents " << incidents);
  CHECK(std::abs(incidents - encounters * p) < 4.0 * sigma);
}

TEST_CASE("walkers keep the spec's speed and stay on the torus", "[swarm]") {
  SwarmConfig config;
  config.agents = 2000;
  SwarmModel model(config);
  model.step();
  const auto before = model.agents();
  model.step();
  const auto& after = model.agents();
  const double side = model.world_side();
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    REQUIRE(after.x_km[i] >= 0.0);
    REQUIRE(after.x_km[i] < side);
    REQUIRE(after.y_km[i] >= 0.0);
    REQUIRE(after.y_km[i] < side);
    // The store is reordered every step: compare each agent with itself.
    const std::uint32_t j = before.slot_of(after.id[i]);
    double dx = std::abs(after.x_km[i] - before.x_km[j]);
    double dy = std::abs(after.y_km[i] - before.y_km[j]);
    dx = std::min(dx, side - dx);
    dy = std::min(dy, side - dy);
    REQUIRE(std::hypot(dx, dy) == Approx(0.05).epsilon(1e-9));
    double turn = std::abs(after.heading_rad[i] - before.heading_rad[j]);
    turn = std::min(turn, 2.0 * M_PI - turn);
    REQUIRE(turn <= 0.2 + 1e-12);
  }
}

TEST_CASE("sides follow the swarm rules: agent i is on side i % 2", "[swarm]") {
  SwarmConfig config;
  config.agents = 3001;
  SwarmModel model(config);
  for (int s = 0; s < 3; ++s)
    model.step();
  const auto& agents = model.agents();
  for (std::size_t i = 0; i < agents.size(); ++i)
    REQUIRE(agents.side[i] == agents.id[i] % 2);
}

TEST_CASE("a swarm outside the model's domain is refused", "[swarm]") {
  SwarmConfig config;
  config.agents = 0;
  CHECK_THROWS_AS(SwarmModel(config), std::invalid_argument);
  config.agents = 100;
  config.incident_probability = 1.5;
  CHECK_THROWS_AS(SwarmModel(config), std::invalid_argument);
}
