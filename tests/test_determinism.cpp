// Golden-hash determinism: the same run is bit-identical at 1, 2, 3 and 8
// threads, and equal to a pinned value so that an unintended change to the
// model, the RNG or the pair order is caught. When a change to the results is
// intended, update kGoldenHash and say why in the commit.
#include <catch2/catch.hpp>
#include <cstdio>

#include "hotline/agents/swarm_model.hpp"
#include "test_support.hpp"

using hotline::agents::SwarmConfig;
using hotline::agents::SwarmModel;

namespace {

constexpr std::uint64_t kGoldenHash = 0xd1c3e8ee2b69b9d6ULL;

std::uint64_t run_hash(int threads, bool incremental_resort = true) {
  hotline::engine::ThreadControl control(threads);
  return control.run([incremental_resort] {
    SwarmConfig config;
    config.incremental_resort = incremental_resort;
    config.agents = 20000;
    config.seed = 77;
    config.incident_probability = 0.01;  // enough incidents to matter in the hash
    SwarmModel model(config);
    hotline::test::Fnv1a hash;
    for (int s = 0; s < 200; ++s) {
      model.step();
      const auto& encounters = model.encounters();
      for (std::size_t k = 0; k < encounters.chunk_count(); ++k) {
        for (const auto& pair : encounters.chunk(k))
          hash.add_u64(std::uint64_t{pair.a} << 32 | pair.b);
      }
      for (const auto& pair : model.incidents())
        hash.add_u64(std::uint64_t{pair.a} << 32 | pair.b);
    }
    // All x, then all y, then all headings, each in id order (slots are an
    // implementation detail: the store is kept sorted by cell).
    const auto& agents = model.agents();
    for (const auto* column : {&agents.x_km, &agents.y_km, &agents.heading_rad}) {
      for (hotline::engine::AgentId id = 0; id < agents.size(); ++id) {
        hash.add_double((*column)[agents.slot_of(id)]);
      }
    }
    hash.add_u64(model.total_encounters());
    hash.add_u64(model.total_incidents());
    return hash.value();
  });
}

}  // namespace

TEST_CASE("200 swarm steps hash identically at 1, 2, 3 and 8 threads", "[determinism]") {
  const std::uint64_t one = run_hash(1);
  // The baseline build of the batch kernels must agree with the widest one.
  const auto widest = hotline::engine::force_simd_level(hotline::engine::SimdLevel::baseline);
  CHECK(run_hash(2) == one);
  hotline::engine::force_simd_level(widest);
  // The full counting sort every step must give what the incremental one does.
  CHECK(run_hash(3, false) == one);
  CHECK(run_hash(2) == one);
  CHECK(run_hash(3) == one);
  CHECK(run_hash(8) == one);
  char printed[32];
  std::snprintf(printed, sizeof printed, "0x%016llx", static_cast<unsigned long long>(one));
  INFO("hash " << printed);
  CHECK(one == kGoldenHash);
}
