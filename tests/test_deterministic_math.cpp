// sin_cos against glibc over the angles a heading can take and beyond.
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "hotline/engine/deterministic_math.hpp"

using hotline::engine::sin_cos;

TEST_CASE("sin_cos agrees with libm to 1e-15", "[math]") {
  double worst = 0.0;
  double worst_angle = 0.0;
  auto check = [&](double angle) {
    const auto sc = sin_cos(angle);
    const double err =
        std::max(std::abs(sc.sin - std::sin(angle)), std::abs(sc.cos - std::cos(angle)));
    if (err > worst) {
      worst = err;
      worst_angle = angle;
    }
  };
  constexpr int samples = 2000000;
  for (int i = 0; i <= samples; ++i) {
    check(2.0 * std::numbers::pi * i / samples);  // headings: [0, 2 pi]
    check(-50.0 + 100.0 * i / samples);           // both signs
  }
  for (int i = 0; i <= 100000; ++i)
    check(1e5 * i / 100000.0);
  for (int k = -8; k <= 8; ++k) {  // quadrant boundaries exactly
    const double b = k * std::numbers::pi / 4;
    check(b);
    check(std::nextafter(b, 1e9));
    check(std::nextafter(b, -1e9));
  }
  INFO("worst error " << worst << " at " << worst_angle);
  CHECK(worst < 1e-15);
}

TEST_CASE("sin_cos is exact where it must be", "[math]") {
  CHECK(sin_cos(0.0).sin == 0.0);
  CHECK(sin_cos(0.0).cos == 1.0);
  const auto sc = sin_cos(1e-300);
  CHECK(sc.sin == 1e-300);
  CHECK(sc.cos == 1.0);
}
