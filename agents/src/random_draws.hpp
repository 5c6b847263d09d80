// Continuous draws for the command layer, from the four 32-bit words of one
// counter-based draw (engine::CounterRng::words).
//
// Everything here uses the engine's deterministic exp, log and sin_cos, so a
// delay is the same bits on every machine (docs/determinism.md).
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <utility>

#include "hotline/engine/counter_rng.hpp"
#include "hotline/engine/deterministic_math.hpp"

namespace hotline::agents::detail {

using Words = std::array<std::uint32_t, 4>;

// Two independent uniforms in [0, 1), from words 0-1 and 2-3.
inline std::pair<double, double> two_uniforms(const Words& w) {
  return {engine::CounterRng::to_unit_interval(w[0], w[1]),
          engine::CounterRng::to_unit_interval(w[2], w[3])};
}

// Two independent standard normals (Box–Muller). u1 is taken in (0, 1] so
// that its log is finite: |z| <= sqrt(-2 ln 2^-53) < 8.6.
inline std::pair<double, double> two_standard_normals(const Words& w) {
  const auto [u0, u1] = two_uniforms(w);
  const double radius = std::sqrt(-2.0 * engine::log(1.0 - u0));
  const engine::SinCos sc = engine::sin_cos(2.0 * std::numbers::pi * u1);
  return {radius * sc.cos, radius * sc.sin};
}

// A lognormal with this median (e^mu) and log-standard deviation, from a
// standard normal z.
inline double lognormal(double median, double sigma, double z) {
  return median * engine::exp(sigma * z);
}

}  // namespace hotline::agents::detail
