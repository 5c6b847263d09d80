// Batch kernels: every ISA build gives exactly the scalar reference's bits.
#include <Random123/philox.h>

#include <bit>
#include <catch2/catch.hpp>
#include <vector>

#include "hotline/engine/batch_kernels.hpp"
#include "hotline/engine/deterministic_math.hpp"

using namespace hotline::engine;

namespace {

// Two purposes of some model (the engine defines none).
constexpr RngPurpose kTurn{2};
constexpr RngPurpose kIncident{3};

}  // namespace

namespace {

// Restores the dispatcher's level when a test ends.
struct ScopedSimdLevel {
  explicit ScopedSimdLevel(SimdLevel level) : previous(force_simd_level(level)) {}
  ~ScopedSimdLevel() { force_simd_level(previous); }
  SimdLevel previous;
};

std::vector<SimdLevel> levels_to_test() {
  std::vector<SimdLevel> levels{SimdLevel::baseline};
  if (detected_simd_level() == SimdLevel::x86_64_v4) levels.push_back(SimdLevel::x86_64_v4);
  return levels;
}

// Random123's Philox, the reference the kernels' own Philox must match.
double reference_uniform(std::uint64_t seed, std::uint32_t replication, std::uint32_t step,
                         std::uint32_t a, std::uint32_t b, RngPurpose purpose) {
  const r123::Philox4x32::key_type key = {
      {static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  const r123::Philox4x32::ctr_type counter = {
      {step, a, b, (replication << 8) | static_cast<std::uint32_t>(purpose)}};
  const auto out = r123::Philox4x32{}(counter, key);
  return CounterRng::to_unit_interval(out[0], out[1]);
}

}  // namespace

TEST_CASE("uniform_batch equals Random123 Philox draw for draw", "[kernels][rng]") {
  const CounterRng rng(0x1234'5678'9ABC'DEF0ULL, 77);
  for (SimdLevel level : levels_to_test()) {
    ScopedSimdLevel scoped(level);
    INFO("level " << simd_level_name(level));
    std::vector<double> out(1000 + 13);  // not a multiple of any vector width
    std::vector<std::uint32_t> subjects(out.size());
    for (std::size_t k = 0; k < out.size(); ++k) {
      subjects[k] = static_cast<std::uint32_t>(5000 + (k * 7919) % 3001);
    }
    uniform_batch(rng, 42, subjects.data(), out.size(), 9, kTurn, out.data());
    for (std::size_t k = 0; k < out.size(); ++k) {
      const std::uint32_t agent = subjects[k];
      REQUIRE(out[k] == reference_uniform(rng.seed(), 77, 42, agent, 9, kTurn));
      REQUIRE(out[k] == rng.uniform(42, agent, 9, kTurn));
    }
  }
}

TEST_CASE("uniform_pair_batch equals Random123 Philox draw for draw", "[kernels][rng]") {
  const CounterRng rng(99, 3);
  std::vector<AgentPair> pairs;
  for (std::uint32_t i = 0; i < 777; ++i)
    pairs.push_back({i * 7, i * 7 + 1 + i % 5});
  for (SimdLevel level : levels_to_test()) {
    ScopedSimdLevel scoped(level);
    std::vector<double> out(pairs.size());
    uniform_pair_batch(rng, 8, pairs.data(), pairs.size(), kIncident, out.data());
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      REQUIRE(out[k] == reference_uniform(99, 3, 8, pairs[k].a, pairs[k].b, kIncident));
    }
  }
}

TEST_CASE("sin_cos_batch equals the scalar sin_cos bit for bit", "[kernels][math]") {
  std::vector<double> angles;
  for (int i = 0; i < 4099; ++i)
    angles.push_back(-20.0 + 40.0 * i / 4099.0);
  angles.push_back(0.0);
  angles.push_back(-0.0);
  for (SimdLevel level : levels_to_test()) {
    ScopedSimdLevel scoped(level);
    std::vector<double> s(angles.size()), c(angles.size());
    sin_cos_batch(angles.data(), angles.size(), s.data(), c.data());
    for (std::size_t k = 0; k < angles.size(); ++k) {
      const SinCos ref = sin_cos(angles[k]);
      REQUIRE(std::bit_cast<std::uint64_t>(s[k]) == std::bit_cast<std::uint64_t>(ref.sin));
      REQUIRE(std::bit_cast<std::uint64_t>(c[k]) == std::bit_cast<std::uint64_t>(ref.cos));
    }
  }
}

TEST_CASE("a forced level is lowered to what the CPU supports", "[kernels]") {
  ScopedSimdLevel scoped(SimdLevel::x86_64_v4);
  CHECK(active_simd_level() == detected_simd_level());
  force_simd_level(SimdLevel::baseline);
  CHECK(active_simd_level() == SimdLevel::baseline);
}
