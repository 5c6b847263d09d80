// The engine's pieces in isolation: RNG draws, grid rebuild, pair finding, on
// the swarm's world (uniform positions, density 1, range 1).
#include <benchmark/benchmark.h>

#include <cmath>

#include "hotline/engine/engine.hpp"

namespace {

using namespace hotline::engine;

struct UniformWorld {
  AgentStore agents;
  WorldBounds bounds;
  PairRule rule{1, 2};

  explicit UniformWorld(std::size_t n) : agents(n) {
    const double side = std::sqrt(static_cast<double>(n));
    bounds = WorldBounds{0.0, 0.0, side, side, true};
    const CounterRng rng(1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const auto w = rng.words(0, static_cast<AgentId>(i), 0, RngPurpose::swarm_initial_state);
      agents.x_km[i] = CounterRng::to_unit_interval(w[0], w[1]) * side;
      agents.y_km[i] = CounterRng::to_unit_interval(w[2], w[3]) * side;
      agents.side[i] = static_cast<std::uint8_t>(i % 2);
    }
    rule.set_range_km(0, 0, 1.0);
    rule.set_interacts(0, 1, true);
  }
};

void BM_RngUniform(benchmark::State& state) {
  const CounterRng rng(42, 3);
  std::uint32_t step = 0;
  constexpr std::uint32_t kDraws = 4096;
  for (auto _ : state) {
    double sum = 0.0;
    for (std::uint32_t i = 0; i < kDraws; ++i)
      sum += rng.uniform(step, i, 0, RngPurpose::swarm_turn);
    benchmark::DoNotOptimize(sum);
    ++step;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * kDraws);
}
BENCHMARK(BM_RngUniform);

void BM_SinCos(benchmark::State& state) {
  constexpr int kAngles = 4096;
  double offset = 0.0;
  for (auto _ : state) {
    double sum = 0.0;
    for (int i = 0; i < kAngles; ++i) {
      const SinCos sc = sin_cos(offset + i * 1.5e-3);
      sum += sc.sin + sc.cos;
    }
    benchmark::DoNotOptimize(sum);
    offset += 1e-7;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * kAngles);
}
BENCHMARK(BM_SinCos);

// Each rebuild reorders the store; after the first, the store is sorted, as in
// a run where agents move a little between steps.
void BM_GridRebuild(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  ThreadControl threads(static_cast<int>(state.range(1)));
  UniformWorld world(n);
  UniformGrid grid(world.bounds, 1.0);
  threads.run([&] {
    for (auto _ : state) {
      grid.rebuild(world.agents);
      benchmark::DoNotOptimize(grid.indexed_count());
    }
  });
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_GridRebuild)
    ->ArgNames({"agents", "threads"})
    ->ArgsProduct({{1000, 10000, 100000, 1000000}, {1}})
    ->Unit(benchmark::kMicrosecond);

void BM_PairFinding(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  ThreadControl threads(static_cast<int>(state.range(1)));
  UniformWorld world(n);
  UniformGrid grid(world.bounds, 1.0);
  PairList pairs;
  threads.run([&] {
    grid.rebuild(world.agents);
    for (auto _ : state) {
      PairFinder{}.find(grid, world.agents, world.rule, pairs);
      benchmark::DoNotOptimize(pairs.chunk_count());
    }
  });
  state.counters["pairs_per_agent"] = static_cast<double>(pairs.size()) / static_cast<double>(n);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_PairFinding)
    ->ArgNames({"agents", "threads"})
    ->ArgsProduct({{1000, 10000, 100000, 1000000}, {1}})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
