// The platform model stepping east_china_sea_2023: as shipped (573
// platforms) and with its fishing and militia fleets scaled tenfold (5,073
// platforms, the performance target: at most 150 ns per platform-step
// on one thread, all phases included). items_per_second is platform-steps
// per second. The run is warmed up for a simulated day first, so that the
// fleets have left port.
#include <benchmark/benchmark.h>

#include <string>

#include "hotline/agents/platform_world.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/world_builder.hpp"

namespace {

hotline::agents::WorldSpec east_china_sea(int fleet_scale) {
  auto spec = hotline::scenarios::build_world_spec(hotline::scenarios::load_scenario_file(
      std::string(HOTLINE_SOURCE_DIR) + "/scenarios/east_china_sea_2023.yaml"));
  using hotline::agents::Role;
  using hotline::agents::role_bit;
  spec.scale_forces(role_bit(Role::fishing) | role_bit(Role::militia),
                    static_cast<std::uint32_t>(fleet_scale));
  return spec;
}

void BM_PlatformStep(benchmark::State& state) {
  const auto spec = east_china_sea(static_cast<int>(state.range(0)));
  hotline::engine::ThreadControl threads(static_cast<int>(state.range(1)));
  threads.run([&] {
    hotline::agents::PlatformWorld world(spec, 1, 0);
    for (int i = 0; i < 24 * 60; ++i)
      world.step();
    for (auto _ : state)
      world.step();
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(world.platform_count()));
    state.counters["platforms"] = static_cast<double>(world.platform_count());
  });
}

}  // namespace

BENCHMARK(BM_PlatformStep)
    ->Args({1, 1})
    ->Args({10, 1})
    ->Args({10, 2})
    ->ArgNames({"fleet_scale", "threads"})
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();
