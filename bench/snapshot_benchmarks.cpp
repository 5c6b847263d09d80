// Snapshots of a run (PlatformWorld::save, restore) of east_china_sea_2023
// a day in: how long each takes and how many bytes the snapshot holds (the
// issue's targets: under 50 ms and 10 MB each).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "hotline/agents/platform_world.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/world_builder.hpp"

namespace {

using namespace hotline;

const agents::WorldSpec& east_china_sea() {
  static const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_file(
      std::string(HOTLINE_SOURCE_DIR) + "/scenarios/east_china_sea_2023.yaml"));
  return spec;
}

// A world a day into its run, its events taken.
agents::PlatformWorld& a_day_in() {
  static const std::unique_ptr<agents::PlatformWorld> world = [] {
    auto w = std::make_unique<agents::PlatformWorld>(east_china_sea(), 1, 0);
    for (int s = 0; s < 24 * 60; ++s) {
      w->step();
      w->clear_events();
    }
    return w;
  }();
  return *world;
}

void BM_SnapshotSave(benchmark::State& state) {
  const agents::PlatformWorld& world = a_day_in();
  std::size_t bytes = 0;
  for (auto _ : state) {
    engine::SnapshotWriter out;
    world.save(out);
    bytes = out.bytes().size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

void BM_SnapshotRestore(benchmark::State& state) {
  engine::SnapshotWriter out;
  a_day_in().save(out);
  agents::PlatformWorld world(east_china_sea(), 1, 0);  // built once: restore reuses it
  for (auto _ : state) {
    engine::SnapshotReader in(out.bytes());
    world.restore(in);
    benchmark::ClobberMemory();
  }
  state.counters["MB"] = static_cast<double>(out.bytes().size()) / 1e6;
}

}  // namespace

BENCHMARK(BM_SnapshotSave)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SnapshotRestore)->Unit(benchmark::kMillisecond);
