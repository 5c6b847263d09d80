// Loops over arrays that dominate a step, compiled twice and chosen at run time.
//
// Each kernel is built for baseline x86-64 and for x86-64-v4 (AVX-512), where
// it runs 8 lanes at a time; the wider one is used when the CPU has it. Both
// builds perform the same integer operations and the same correctly rounded
// IEEE additions and multiplications in the same order (-ffp-contract=off, no
// libm), so their results are bit-identical: tests/test_batch_kernels.cpp runs
// both and compares every bit, and the determinism test runs the swarm under
// both. force_simd_level() exists for those tests and for benchmarking.
#pragma once

#include <cstddef>
#include <cstdint>

#include "hotline/engine/agent_store.hpp"
#include "hotline/engine/counter_rng.hpp"
#include "hotline/engine/pair_finder.hpp"

namespace hotline::engine {

enum class SimdLevel : std::uint8_t { baseline, x86_64_v4 };

// The best level this CPU supports.
[[nodiscard]] SimdLevel detected_simd_level();
// The level kernels use now: detected, unless forced.
[[nodiscard]] SimdLevel active_simd_level();
// Forces a level (lowered to what the CPU supports); returns the previous one.
SimdLevel force_simd_level(SimdLevel level);
[[nodiscard]] const char* simd_level_name(SimdLevel level);

// out[k] = rng.uniform(step, subjects[k], subject_b, purpose), k < count.
void uniform_batch(const CounterRng& rng, std::uint32_t step, const std::uint32_t* subjects,
                   std::size_t count, std::uint32_t subject_b, RngPurpose purpose, double* out);

// out[k] = rng.uniform(step, pairs[k].a, pairs[k].b, purpose), k < count.
void uniform_pair_batch(const CounterRng& rng, std::uint32_t step, const AgentPair* pairs,
                        std::size_t count, RngPurpose purpose, double* out);

// sin_out[k], cos_out[k] = sin_cos(angle_rad[k]) (deterministic_math.hpp).
void sin_cos_batch(const double* angle_rad, std::size_t count, double* sin_out, double* cos_out);

}  // namespace hotline::engine
