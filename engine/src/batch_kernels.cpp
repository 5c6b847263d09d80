// One source per kernel (the *_loop templates), instantiated in a baseline
// function and in a function compiled for x86-64-v4; the dispatcher picks one.
// Philox4x32-10 is written out here as plain 32-bit lane arithmetic (the
// compiler vectorizes it across agents); tests/test_batch_kernels.cpp checks
// it against Random123's implementation, which remains the reference.
#include "hotline/engine/batch_kernels.hpp"

#include <atomic>

#include "hotline/engine/deterministic_math.hpp"
#include "simd_dispatch.hpp"

namespace hotline::engine {

namespace {

struct PhiloxKey {
  std::uint32_t k0;
  std::uint32_t k1;
};

// Philox4x32-10 on one counter; returns the top 53 bits of words 0 and 1 as a
// double in [0, 1), exactly as CounterRng::uniform does.
inline double philox_uniform(std::uint32_t c0, std::uint32_t c1, std::uint32_t c2, std::uint32_t c3,
                             PhiloxKey key) {
  std::uint32_t k0 = key.k0;
  std::uint32_t k1 = key.k1;
  for (int round = 0; round < 10; ++round) {
    const std::uint64_t p0 = std::uint64_t{0xD2511F53U} * c0;
    const std::uint64_t p1 = std::uint64_t{0xCD9E8D57U} * c2;
    const auto n0 = static_cast<std::uint32_t>(p1 >> 32) ^ c1 ^ k0;
    const auto n1 = static_cast<std::uint32_t>(p1);
    const auto n2 = static_cast<std::uint32_t>(p0 >> 32) ^ c3 ^ k1;
    const auto n3 = static_cast<std::uint32_t>(p0);
    c0 = n0;
    c1 = n1;
    c2 = n2;
    c3 = n3;
    k0 += 0x9E3779B9U;
    k1 += 0xBB67AE85U;
  }
  return CounterRng::to_unit_interval(c0, c1);
}

PhiloxKey key_of(const CounterRng& rng) {
  return {static_cast<std::uint32_t>(rng.seed()), static_cast<std::uint32_t>(rng.seed() >> 32)};
}

std::uint32_t word3(const CounterRng& rng, RngPurpose purpose) {
  return (rng.replication() << 8) | static_cast<std::uint32_t>(purpose);
}

inline void uniform_loop(PhiloxKey key, std::uint32_t step,
                         const std::uint32_t* __restrict subjects, std::size_t count,
                         std::uint32_t subject_b, std::uint32_t w3, double* __restrict out) {
  for (std::size_t k = 0; k < count; ++k) {
    out[k] = philox_uniform(step, subjects[k], subject_b, w3, key);
  }
}

inline void uniform_pair_loop(PhiloxKey key, std::uint32_t step, const AgentPair* __restrict pairs,
                              std::size_t count, std::uint32_t w3, double* __restrict out) {
  for (std::size_t k = 0; k < count; ++k) {
    out[k] = philox_uniform(step, pairs[k].a, pairs[k].b, w3, key);
  }
}

inline void sin_cos_loop(const double* __restrict angle, std::size_t count,
                         double* __restrict sin_out, double* __restrict cos_out) {
  for (std::size_t k = 0; k < count; ++k) {
    const SinCos sc = sin_cos(angle[k]);
    sin_out[k] = sc.sin;
    cos_out[k] = sc.cos;
  }
}

#if HOTLINE_HAVE_V4
HOTLINE_TARGET_V4 void uniform_v4(PhiloxKey key, std::uint32_t step, const std::uint32_t* subjects,
                                  std::size_t count, std::uint32_t subject_b, std::uint32_t w3,
                                  double* out) {
  uniform_loop(key, step, subjects, count, subject_b, w3, out);
}
HOTLINE_TARGET_V4 void uniform_pair_v4(PhiloxKey key, std::uint32_t step, const AgentPair* pairs,
                                       std::size_t count, std::uint32_t w3, double* out) {
  uniform_pair_loop(key, step, pairs, count, w3, out);
}
HOTLINE_TARGET_V4 void sin_cos_v4(const double* angle, std::size_t count, double* sin_out,
                                  double* cos_out) {
  sin_cos_loop(angle, count, sin_out, cos_out);
}
#endif

SimdLevel detect() {
#if HOTLINE_HAVE_V4
  __builtin_cpu_init();
  // x86-64-v4 = AVX-512 F, BW, CD, DQ, VL on top of v3 (AVX2, BMI2, FMA, ...).
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
      && __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512dq")
      && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx2")
      && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("fma")) {
    return SimdLevel::x86_64_v4;
  }
#endif
  return SimdLevel::baseline;
}

std::atomic<SimdLevel>& active() {
  static std::atomic<SimdLevel> level{detect()};
  return level;
}

bool use_v4() {
  return detail::use_simd_v4();
}

}  // namespace

bool detail::use_simd_v4() {
#if HOTLINE_HAVE_V4
  return active().load(std::memory_order_relaxed) == SimdLevel::x86_64_v4;
#else
  return false;
#endif
}

SimdLevel detected_simd_level() {
  static const SimdLevel level = detect();
  return level;
}

SimdLevel active_simd_level() {
  return active().load();
}

SimdLevel force_simd_level(SimdLevel level) {
  if (level == SimdLevel::x86_64_v4 && detected_simd_level() != SimdLevel::x86_64_v4) {
    level = SimdLevel::baseline;
  }
  return active().exchange(level);
}

const char* simd_level_name(SimdLevel level) {
  return level == SimdLevel::x86_64_v4 ? "x86-64-v4" : "baseline";
}

void uniform_batch(const CounterRng& rng, std::uint32_t step, const std::uint32_t* subjects,
                   std::size_t count, std::uint32_t subject_b, RngPurpose purpose, double* out) {
#if HOTLINE_HAVE_V4
  if (use_v4()) {
    uniform_v4(key_of(rng), step, subjects, count, subject_b, word3(rng, purpose), out);
    return;
  }
#endif
  uniform_loop(key_of(rng), step, subjects, count, subject_b, word3(rng, purpose), out);
}

void uniform_pair_batch(const CounterRng& rng, std::uint32_t step, const AgentPair* pairs,
                        std::size_t count, RngPurpose purpose, double* out) {
#if HOTLINE_HAVE_V4
  if (use_v4()) {
    uniform_pair_v4(key_of(rng), step, pairs, count, word3(rng, purpose), out);
    return;
  }
#endif
  uniform_pair_loop(key_of(rng), step, pairs, count, word3(rng, purpose), out);
}

void sin_cos_batch(const double* angle_rad, std::size_t count, double* sin_out, double* cos_out) {
#if HOTLINE_HAVE_V4
  if (use_v4()) {
    sin_cos_v4(angle_rad, count, sin_out, cos_out);
    return;
  }
#endif
  sin_cos_loop(angle_rad, count, sin_out, cos_out);
}

}  // namespace hotline::engine
