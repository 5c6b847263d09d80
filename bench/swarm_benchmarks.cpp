// One whole swarm step (docs/benchmarks.md): items_per_second = agent-steps/s.
#include <benchmark/benchmark.h>

#include <thread>

#include "hotline/agents/swarm_model.hpp"

namespace {

using hotline::agents::SwarmConfig;
using hotline::agents::SwarmModel;
using hotline::engine::ThreadControl;

void BM_SwarmStep(benchmark::State& state) {
  const auto n = static_cast<std::uint32_t>(state.range(0));
  ThreadControl threads(static_cast<int>(state.range(1)));
  SwarmConfig config;
  config.agents = n;
  config.incremental_resort = state.range(2) == 0;
  threads.run([&] {
    SwarmModel model(config);
    model.step();  // warm-up: buffers reach their working size
    for (auto _ : state)
      model.step();
  });
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * n);
}

// The swarm benchmark's sizes (docs/benchmarks.md) on one thread.
BENCHMARK(BM_SwarmStep)
    ->ArgNames({"agents", "threads", "full_resort"})
    ->ArgsProduct({{1000, 10000, 100000, 1000000}, {1}, {0, 1}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Thread scaling from 1 to the hardware thread count, at 1e5 and 1e6.
void ThreadScalingArgs(benchmark::internal::Benchmark* b) {
  const int hardware = ThreadControl::hardware_threads();
  for (int n : {100000, 1000000}) {
    for (int t = 1; t <= hardware; t = t < hardware && t * 2 > hardware ? hardware : t * 2) {
      b->Args({n, t, 0});
      if (t == hardware) break;
    }
  }
}
BENCHMARK(BM_SwarmStep)
    ->Name("BM_SwarmStepThreadScaling")
    ->ArgNames({"agents", "threads", "full_resort"})
    ->Apply(ThreadScalingArgs)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
