// Golden-hash determinism of the platform model: a 7-day east_china_sea_2023
// run (its first policy, none) is bit-identical at 1, 2 and 3 threads —
// every event (the command layer's included), every count, every dyad's
// hostility and every final position — and equal to a pinned value, so that an unintended
// change to the model, the RNG or an order is caught. When a change to the
// results is intended (calibration, a new mechanism), update kGoldenHash and
// say why in the commit.
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "hotline/agents/platform_world.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "platform_hash.hpp"

using namespace hotline;

namespace {

constexpr std::uint64_t kGoldenHash = 0x1230677052033ecfULL;

std::uint64_t run_hash(const agents::WorldSpec& spec, int threads) {
  engine::ThreadControl control(threads);
  return control.run([&] {
    agents::PlatformWorld w(spec, 2023, 0);
    for (int i = 0; i < 7 * 24 * 60; ++i)
      w.step();
    test::Fnv1a hash;
    for (const agents::Event& e : w.events()) {
      hash.add_u64(e.step);
      hash.add_u64(static_cast<std::uint64_t>(e.type));
      hash.add_u64(std::uint64_t{e.agent_a} << 32 | e.agent_b);
      hash.add_u64(std::uint64_t{e.nation_a} << 32 | e.nation_b);
      hash.add_u64(static_cast<std::uint64_t>(e.severity) << 32 | e.value);
      hash.add_double(e.x_km);
      hash.add_double(e.y_km);
      hash.add_double(e.time_s);
    }
    for (const agents::DyadCounts& c : w.dyad_counts()) {
      for (std::size_t k = 0; k < agents::kConductCount; ++k) {
        hash.add_u64(c.encounters[k]);
        hash.add_u64(c.encounter_steps[k]);
      }
    }
    for (std::size_t d = 0; d < w.dyads().size(); ++d)
      hash.add_double(w.crisis().hostility(d).hostility());
    test::add_platforms(hash, w);
    return hash.value();
  });
}

}  // namespace

TEST_CASE("a 7-day east_china_sea_2023 run hashes identically at 1, 2 and 3 threads",
          "[platforms][determinism][repeat]") {
  const agents::WorldSpec spec = scenarios::build_world_spec(scenarios::load_scenario_file(
      std::string(HOTLINE_SOURCE_DIR) + "/scenarios/east_china_sea_2023.yaml"));
  const std::uint64_t one = run_hash(spec, 1);
  std::printf("platform golden hash: 0x%016llx\n", static_cast<unsigned long long>(one));
  CHECK(run_hash(spec, 2) == one);
  CHECK(run_hash(spec, 3) == one);
  CHECK(one == kGoldenHash);
}

TEST_CASE("a stop request stops a step between its phases", "[platforms][stop]") {
  const agents::WorldSpec spec = scenarios::build_world_spec(
      scenarios::load_scenario_file(std::string(HOTLINE_SOURCE_DIR) + "/scenarios/tutorial.yaml"));
  agents::PlatformWorld world(spec, 1, 0);
  world.step();
  engine::request_stop();
  CHECK_THROWS_AS(world.step(), engine::StopRequested);
  engine::clear_stop_request();
  CHECK(world.steps_taken() == 1);  // the stopped step never completed
  // A fresh world steps as ever once the request is cleared.
  agents::PlatformWorld again(spec, 1, 0);
  again.step();
  CHECK(again.steps_taken() == 1);
}
