// Snapshots of a run (PlatformWorld::save, restore): a world restored from a
// snapshot taken at a random step continues bit for bit as the original —
// every event of every later step, and every byte of the state at the end —
// in every shipped scenario, at 1, 2 and 3 threads; bytes that do not fit
// the world are refused.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "hotline/agents/clash_risk.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/agents/world_splitting.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "test_support.hpp"

using namespace hotline;

namespace {

const std::string kSource = HOTLINE_SOURCE_DIR;

std::vector<std::byte> snapshot_of(const agents::PlatformWorld& world) {
  engine::SnapshotWriter out;
  world.save(out);
  return out.take();
}

// A step's events, hashed in order.
std::uint64_t step_and_hash(agents::PlatformWorld& world) {
  world.step();
  test::Fnv1a hash;
  for (const agents::Event& e : world.events()) {
    hash.add_u64(e.step);
    hash.add_u64(static_cast<std::uint64_t>(e.type));
    hash.add_u64(std::uint64_t{e.agent_a} << 32 | e.agent_b);
    hash.add_u64(static_cast<std::uint64_t>(e.severity) << 32 | e.value);
    hash.add_double(e.x_km);
    hash.add_double(e.y_km);
  }
  world.clear_events();
  return hash.value();
}

// Runs `steps` steps, snapshots at step `at`, and restores a new world from
// it: the two then go on `after` steps side by side, step for step.
void check_restored_run(const agents::WorldSpec& spec, std::size_t policy, std::uint32_t at,
                        std::uint32_t after, int threads) {
  engine::ThreadControl control(threads);
  control.run([&] {
    agents::PlatformWorld original(spec, 7, 3, policy);
    for (std::uint32_t s = 0; s < at; ++s) {
      original.step();
      original.clear_events();
    }
    const std::vector<std::byte> bytes = snapshot_of(original);
    agents::PlatformWorld restored(spec, 7, 3, policy);
    engine::SnapshotReader in(bytes);
    restored.restore(in);
    REQUIRE(in.at_end());
    REQUIRE(restored.steps_taken() == at);
    REQUIRE(snapshot_of(restored) == bytes);
    for (std::uint32_t s = 0; s < after; ++s) {
      INFO("step " << at + s);
      REQUIRE(step_and_hash(restored) == step_and_hash(original));
    }
    CHECK(snapshot_of(restored) == snapshot_of(original));
  });
}

}  // namespace

TEST_CASE("a world restored at a random step continues bit for bit in every shipped scenario",
          "[snapshot]") {
  std::mt19937 random(2026);
  for (const char* name :
       {"tutorial", "east_china_sea_2023", "east_china_sea_crisis", "taiwan_strait"}) {
    const agents::WorldSpec spec = scenarios::build_world_spec(
        scenarios::load_scenario_file(kSource + "/scenarios/" + name + ".yaml"));
    // Days into the run, so that missions have switched, routes been
    // planned, encounters cooled down and reports and calls been in flight
    // (the tutorial's world is small: weeks).
    const bool small = std::string(name) == "tutorial";
    for (const int threads : {1, 2, 3}) {
      const auto at = std::uniform_int_distribution<std::uint32_t>(1, small ? 30000 : 4000)(random);
      const std::size_t policy = spec.policies.empty() ? 0 : spec.policies.size() - 1;
      INFO(name << " at step " << at << ", " << threads << " threads, policy " << policy);
      check_restored_run(spec, policy, at, small ? 3000 : 1500, threads);
    }
  }
}

TEST_CASE("a restored world keeps its presence missions' stations and their entries",
          "[snapshot]") {
  // east_china_sea_2023 with its presence missions switching every few
  // hours, so that a snapshot falls among switches, entries and ships on
  // their way.
  agents::WorldSpec spec = scenarios::build_world_spec(
      scenarios::load_scenario_file(kSource + "/scenarios/east_china_sea_2023.yaml"));
  int presence = 0;
  for (agents::ForceSpec& force : spec.forces) {
    if (force.mission.type != agents::MissionType::presence) continue;
    force.mission.station.present_mean_s = 3 * 3600.0;
    force.mission.station.absent_mean_s = 2 * 3600.0;
    ++presence;
  }
  REQUIRE(presence > 0);
  for (const std::uint32_t at : {700U, 2900U})
    check_restored_run(spec, 0, at, 1500, 2);
}

TEST_CASE("a snapshot does not restore into another world", "[snapshot]") {
  const agents::WorldSpec tutorial = scenarios::build_world_spec(
      scenarios::load_scenario_file(kSource + "/scenarios/tutorial.yaml"));
  const agents::WorldSpec ecs = scenarios::build_world_spec(
      scenarios::load_scenario_file(kSource + "/scenarios/east_china_sea_2023.yaml"));
  agents::PlatformWorld small(tutorial, 1, 0);
  small.step();
  small.clear_events();
  const std::vector<std::byte> bytes = snapshot_of(small);
  agents::PlatformWorld big(ecs, 1, 0);
  engine::SnapshotReader in(bytes);
  CHECK_THROWS_AS(big.restore(in), engine::SnapshotError);
  // Every cut of the bytes is refused, never read past.
  for (std::size_t cut = 0; cut < bytes.size(); cut += 997) {
    agents::PlatformWorld again(tutorial, 1, 0);
    engine::SnapshotReader part(std::span<const std::byte>(bytes).first(cut));
    CHECK_THROWS_AS(again.restore(part), engine::SnapshotError);
  }
}

TEST_CASE("branches of the random streams: the trunk is unchanged and branches differ",
          "[snapshot][rng]") {
  const engine::CounterRng trunk(42, 3);
  const engine::RngPurpose purpose{7};
  CHECK(trunk.on_branch(0).uniform(5, 6, 7, purpose) == trunk.uniform(5, 6, 7, purpose));
  const std::uint64_t b1 = engine::CounterRng::branch_of(0, 0);
  const std::uint64_t b2 = engine::CounterRng::branch_of(0, 1);
  const std::uint64_t b11 = engine::CounterRng::branch_of(b1, 0);
  CHECK(b1 != 0);
  CHECK(b1 != b2);
  CHECK(b11 != b1);
  CHECK(b11 != b2);
  CHECK(trunk.on_branch(b1).uniform(5, 6, 7, purpose) != trunk.uniform(5, 6, 7, purpose));
  CHECK(trunk.on_branch(b1).uniform(5, 6, 7, purpose)
        != trunk.on_branch(b2).uniform(5, 6, 7, purpose));
  CHECK(trunk.on_branch(b1).uniform(5, 6, 7, purpose)
        == engine::CounterRng(42, 3).on_branch(b1).uniform(5, 6, 7, purpose));
}

namespace {

// The events of `steps` steps of a world restored from `bytes` and put on
// `branch`, hashed step by step.
std::vector<std::uint64_t> clone_run(const agents::WorldSpec& spec, std::size_t policy,
                                     const std::vector<std::byte>& bytes, std::uint64_t branch,
                                     std::uint32_t steps) {
  agents::PlatformWorld clone(spec, 7, 3, policy);
  engine::SnapshotReader in(bytes);
  clone.restore(in);
  clone.set_branch(branch);
  std::vector<std::uint64_t> hashes;
  for (std::uint32_t s = 0; s < steps; ++s)
    hashes.push_back(step_and_hash(clone));
  return hashes;
}

}  // namespace

TEST_CASE("clones on different branches differ, on the same branch agree, under every policy",
          "[snapshot][rng]") {
  // east_china_sea_2023 with a twin of `none` under another id: a policy's
  // index must not enter the streams.
  agents::WorldSpec spec = scenarios::build_world_spec(
      scenarios::load_scenario_file(kSource + "/scenarios/east_china_sea_2023.yaml"));
  agents::Policy twin = spec.policies.at(0);
  twin.id = "none_again";
  spec.policies.push_back(twin);
  const std::size_t twin_index = spec.policies.size() - 1;
  std::vector<std::vector<std::byte>> snapshots;
  for (const std::size_t policy : {std::size_t{0}, twin_index}) {
    agents::PlatformWorld world(spec, 7, 3, policy);
    for (int s = 0; s < 600; ++s) {
      world.step();
      world.clear_events();
    }
    snapshots.push_back(snapshot_of(world));
  }
  CHECK(snapshots[0] == snapshots[1]);
  const std::uint64_t b1 = engine::CounterRng::branch_of(0, 0);
  const std::uint64_t b2 = engine::CounterRng::branch_of(0, 1);
  const auto first = clone_run(spec, 0, snapshots[0], b1, 600);
  CHECK(first == clone_run(spec, 0, snapshots[0], b1, 600));
  CHECK(first == clone_run(spec, twin_index, snapshots[1], b1, 600));
  CHECK(first != clone_run(spec, 0, snapshots[0], b2, 600));
  CHECK(first != clone_run(spec, 0, snapshots[0], 0, 600));
}

TEST_CASE("a clone's snapshot holds its branch", "[snapshot][rng]") {
  const agents::WorldSpec spec = scenarios::build_world_spec(
      scenarios::load_scenario_file(kSource + "/scenarios/tutorial.yaml"));
  agents::PlatformWorld clone(spec, 7, 3, 0);
  clone.set_branch(engine::CounterRng::branch_of(0, 4));
  for (int s = 0; s < 2000; ++s) {
    clone.step();
    clone.clear_events();
  }
  const std::vector<std::byte> bytes = snapshot_of(clone);
  agents::PlatformWorld again(spec, 7, 3, 0);
  engine::SnapshotReader in(bytes);
  again.restore(in);
  CHECK(again.branch() == clone.branch());
  for (int s = 0; s < 3000; ++s)
    REQUIRE(step_and_hash(again) == step_and_hash(clone));
}

TEST_CASE("a world as a splitting process: its levels, its horizon and its clones", "[splitting]") {
  // The crisis variant opens with the Japan-China dyad at L2: levels 1 and 2
  // are reached at once, by every run, with no work.
  const agents::WorldSpec crisis = scenarios::build_world_spec(
      scenarios::load_scenario_file(kSource + "/scenarios/east_china_sea_crisis.yaml"));
  agents::WorldSplitting process(crisis, 7, 0, 0, 60);
  agents::WorldState state = process.start();
  const engine::RunOutcome at_two = process.run(state, 5, 2);
  CHECK(at_two.reached);
  CHECK(at_two.work == 0.0);
  // A clash within 60 steps (an hour) does not happen: the run ends at the
  // horizon, having done 60 steps of every platform.
  agents::WorldState again = process.start();
  const engine::RunOutcome clash = process.run(again, 5, 4);
  CHECK_FALSE(clash.reached);
  CHECK(clash.work == 60.0 * 3098.0);
  // The whole procedure: stages of level 1 and 2 reached by all.
  const std::function<engine::RunOutcome(agents::WorldState&, std::uint64_t, std::uint32_t)> run =
      [&](agents::WorldState& s, std::uint64_t b, std::uint32_t l) { return process.run(s, b, l); };
  const engine::SplittingEstimate e = engine::split(process.start(), 9, {4, 2}, run);
  CHECK(e.fractions == std::vector<double>{1.0, 1.0});
  CHECK(e.probability == 1.0);
  CHECK(std::isnan(clash.value));  // counted by whether it clashed
}

TEST_CASE("a run to the clash can be valued by the clashes it expected", "[splitting]") {
  // The crisis variant opens at L3 with a grave report in flight: within a
  // day there are decision epochs, each adding P(use force) > 0.
  const agents::WorldSpec crisis = scenarios::build_world_spec(
      scenarios::load_scenario_file(kSource + "/scenarios/east_china_sea_crisis.yaml"));
  agents::WorldSplitting valued(crisis, 7, 0, 0, 1440, agents::default_risk_levels(), {}, true);
  agents::WorldState state = valued.start();
  const engine::RunOutcome day = valued.run(state, 5, 4);
  INFO(day.value);
  CHECK(day.value > 0.0);
  CHECK(day.value < 0.5);
  // The same through the estimate: its last stage's fraction is the mean of
  // such values, not a count of clashes out of the effort.
  agents::ClashRiskSettings settings;
  settings.method = agents::RiskMethod::plain;
  settings.effort = 3;
  settings.horizon_steps = 1440;
  const engine::SplittingEstimate e = agents::estimate_clash_risk(crisis, 7, 0, 0, settings);
  REQUIRE(e.fractions.size() == 1);
  CHECK(e.fractions[0] > 0.0);
  CHECK(e.fractions[0] * 3.0 != std::round(e.fractions[0] * 3.0));
  CHECK(e.probability == e.fractions[0]);
  settings.final_count = agents::FinalCount::indicator;
  const engine::SplittingEstimate counted = agents::estimate_clash_risk(crisis, 7, 0, 0, settings);
  CHECK(counted.fractions[0] * 3.0 == std::round(counted.fractions[0] * 3.0));
}
