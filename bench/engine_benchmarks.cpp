// The engine's pieces in isolation: RNG draws, grid rebuild, pair finding, on
// the swarm's world (uniform positions, density 1, range 1).
#include <benchmark/benchmark.h>

#include <cmath>

#include "hotline/agents/draw_purposes.hpp"
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
      const auto w =
          rng.words(0, static_cast<AgentId>(i), 0, hotline::agents::draw::swarm_initial_state);
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
      sum += rng.uniform(step, i, 0, hotline::agents::draw::swarm_turn);
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

// The full counting sort, forced on every rebuild.
void BM_GridRebuildFull(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  ThreadControl threads(static_cast<int>(state.range(1)));
  UniformWorld world(n);
  UniformGrid grid(world.bounds, 1.0);
  grid.set_incremental_resort(false);
  threads.run([&] {
    for (auto _ : state) {
      grid.rebuild(world.agents);
      benchmark::DoNotOptimize(grid.indexed_count());
    }
  });
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_GridRebuildFull)
    ->ArgNames({"agents", "threads"})
    ->ArgsProduct({{1000, 10000, 100000, 1000000}, {1}})
    ->Unit(benchmark::kMicrosecond);

// The incremental re-sort as the swarm meets it: between rebuilds every agent
// moves 0.05 in a random direction (about 6% change cell); the moving itself
// is not timed.
void BM_GridRebuildIncremental(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  ThreadControl threads(static_cast<int>(state.range(1)));
  UniformWorld world(n);
  UniformGrid grid(world.bounds, 1.0);
  const double side = world.bounds.width_km;
  const CounterRng rng(7, 0);
  std::uint32_t step = 0;
  threads.run([&] {
    grid.rebuild(world.agents);
    for (auto _ : state) {
      state.PauseTiming();
      ++step;
      for (std::size_t s = 0; s < n; ++s) {
        const double angle =
            6.283185307179586
            * rng.uniform(step, world.agents.id[s], 0, hotline::agents::draw::swarm_turn);
        const SinCos d = sin_cos(angle);
        double x = world.agents.x_km[s] + 0.05 * d.cos;
        double y = world.agents.y_km[s] + 0.05 * d.sin;
        x = x < 0.0 ? x + side : (x >= side ? x - side : x);
        y = y < 0.0 ? y + side : (y >= side ? y - side : y);
        world.agents.x_km[s] = x;
        world.agents.y_km[s] = y;
      }
      state.ResumeTiming();
      grid.rebuild(world.agents);
      benchmark::DoNotOptimize(grid.indexed_count());
    }
  });
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_GridRebuildIncremental)
    ->ArgNames({"agents", "threads"})
    ->ArgsProduct({{1000, 5000, 10000, 100000, 1000000}, {1, 2}})
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
