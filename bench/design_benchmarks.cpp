// The cost of an experiment's design points outside their runs: the
// scenario of a point (the resolved scenario with the point's values
// written in, read by the loader) and its world description. A sweep pays
// this once per design point, against the runs of the point's policies and
// replications; docs/experiments.md compares it with a one-day run.
#include <benchmark/benchmark.h>

#include <string>

#include "hotline/scenarios/experiment.hpp"
#include "hotline/scenarios/world_builder.hpp"

namespace {

using namespace hotline::scenarios;

const LoadedExperiment& hotline_study() {
  static const LoadedExperiment loaded = load_experiment_file(
      std::string(HOTLINE_SOURCE_DIR) + "/experiments/hotline_answer_study.yaml");
  return loaded;
}

void BM_DesignPointScenario(benchmark::State& state) {
  const LoadedExperiment& loaded = hotline_study();
  const Experiment& e = loaded.experiment;
  std::size_t point = 0;
  for (auto _ : state) {
    Scenario scenario = experiment_point_scenario(*loaded.resolved, e.factors, e.table, point);
    benchmark::DoNotOptimize(scenario);
    point = (point + 1) % e.points();
  }
}

// As in a sweep, which holds the scenario's own world description
// throughout, so the points share its routes round the land.
void BM_DesignPointWorld(benchmark::State& state) {
  const LoadedExperiment& loaded = hotline_study();
  const Experiment& e = loaded.experiment;
  const auto base = build_world_spec(loaded.scenario);
  std::size_t point = 0;
  for (auto _ : state) {
    auto spec =
        build_world_spec(experiment_point_scenario(*loaded.resolved, e.factors, e.table, point));
    benchmark::DoNotOptimize(spec);
    point = (point + 1) % e.points();
  }
}

// The first world description of a land: its routes made.
void BM_BuildWorldSpec(benchmark::State& state) {
  const Scenario& scenario = hotline_study().scenario;
  for (auto _ : state) {
    auto spec = build_world_spec(scenario);
    benchmark::DoNotOptimize(spec);
  }
}

}  // namespace

BENCHMARK(BM_DesignPointScenario)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DesignPointWorld)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildWorldSpec)->Unit(benchmark::kMillisecond);
