// How validating a scenario grows with its size: many points, one polygon
// of many vertices, many references to ids that do not exist (each an
// error, the first hundred with a "did you mean"). Each should grow as
// n log n or slower; Google Benchmark fits the exponent (the "BigO" rows).
#include <benchmark/benchmark.h>

#include <cmath>
#include <string>

#include "hotline/scenarios/scenario.hpp"

namespace {

const std::string kHead =
    "name: big\nframe:\n  centre: {lat: 29.0, lon: 126.0}\ngeography:\n  land: none\n"
    "nations:\n  - id: a\n";

std::string many_points(std::int64_t n) {
  std::string text = kHead + "points:\n";
  for (std::int64_t k = 0; k < n; ++k) {
    text += "  - {id: p" + std::to_string(k)
            + ", lat: " + std::to_string(28.0 + static_cast<double>(k % 1000) * 1e-3)
            + ", lon: " + std::to_string(125.0 + static_cast<double>(k / 1000) * 1e-2) + "}\n";
  }
  return text;
}

std::string one_polygon(std::int64_t n) {
  std::string text = kHead + "zones:\n  - id: z\n    kind: patrol_area\n    polygon:\n";
  for (std::int64_t k = 0; k < n; ++k) {
    const double angle = 2.0 * M_PI * static_cast<double>(k) / static_cast<double>(n);
    const double radius = k % 2 == 0 ? 1.0 : 0.9;
    text += "      - [" + std::to_string(29.0 + radius * std::sin(angle)) + ", "
            + std::to_string(126.0 + radius * std::cos(angle)) + "]\n";
  }
  return text;
}

std::string unknown_classes(std::int64_t n) {
  std::string text = kHead
                     + "zones:\n  - {id: z, kind: patrol_area, polygon: [[28.5, 125.5], [29.5, "
                       "125.5], [29.5, 126.5]]}\nclasses:\n";
  for (std::int64_t k = 0; k < n; ++k) {
    text += "  - {id: cutter_" + std::to_string(k)
            + ", kind: ship, role: coast_guard, cruise_speed: 15 kn, max_speed: 25 kn, "
              "sensor_range: 20 nmi}\n";
  }
  text += "forces:\n";
  for (std::int64_t k = 0; k < n; ++k) {
    text += "  - {id: f" + std::to_string(k) + ", nation: a, class: cuter_" + std::to_string(k)
            + ", count: 1, mission: {type: patrol, area: z}}\n";
  }
  return text;
}

void validate(benchmark::State& state, std::string (*make)(std::int64_t)) {
  const std::string text = make(state.range(0));
  for (auto _ : state) {
    try {
      auto scenario = hotline::scenarios::load_scenario_text(text, "big.yaml");
      benchmark::DoNotOptimize(scenario);
    } catch (const hotline::scenarios::ScenarioError& e) {
      benchmark::DoNotOptimize(e.diagnostics().size());
    }
  }
  state.SetComplexityN(state.range(0));
}

}  // namespace

BENCHMARK_CAPTURE(validate, points, &many_points)
    ->RangeMultiplier(2)
    ->Range(5000, 40000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK_CAPTURE(validate, polygon_vertices, &one_polygon)
    ->RangeMultiplier(2)
    ->Range(12500, 100000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK_CAPTURE(validate, unknown_ids, &unknown_classes)
    ->RangeMultiplier(2)
    ->Range(1250, 10000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
