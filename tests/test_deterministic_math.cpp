// sin_cos against glibc over the angles a heading can take and beyond.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
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

// exp and log against glibc: relative error in ulps over the domains the
// command layer uses (lognormal delays: exp of up to ±40; log of uniforms in
// (0, 1]) and beyond.
namespace {

double ulps_apart(double a, double b) {
  if (a == b) return 0.0;
  return std::abs(a - b) / std::abs(std::nextafter(b, 2 * b) - b);
}

}  // namespace

TEST_CASE("exp agrees with libm to 2 ulp over -700..700", "[math]") {
  double worst = 0.0;
  double worst_x = 0.0;
  for (int i = 0; i <= 2000000; ++i) {
    for (const double x : {-700.0 + 1400.0 * i / 2000000, -40.0 + 80.0 * i / 2000000}) {
      const double e = ulps_apart(hotline::engine::exp(x), std::exp(x));
      if (e > worst) {
        worst = e;
        worst_x = x;
      }
    }
  }
  INFO("worst " << worst << " ulp at " << worst_x);
  CHECK(worst <= 2.0);
  CHECK(hotline::engine::exp(0.0) == 1.0);
  CHECK(hotline::engine::exp(1.0) == Approx(std::numbers::e).epsilon(1e-15));
}

TEST_CASE("log agrees with libm to 2 ulp over positive normals", "[math]") {
  double worst = 0.0;
  double worst_x = 0.0;
  auto check = [&](double x) {
    const double expected = std::log(x);
    const double got = hotline::engine::log(x);
    // Near x = 1 the result is tiny: compare absolutely there.
    const double e =
        std::abs(expected) < 1e-3 ? std::abs(got - expected) / 1e-19 : ulps_apart(got, expected);
    if (e > worst) {
      worst = e;
      worst_x = x;
    }
  };
  for (int i = 1; i <= 2000000; ++i) {
    check(static_cast<double>(i) / 2000000);  // uniforms in (0, 1]
    check(std::ldexp(1.0 + static_cast<double>(i) / 2000000, (i % 2000) - 1000));
  }
  check(std::numeric_limits<double>::min());
  check(0x1.0p-53);
  INFO("worst " << worst << " at " << worst_x);
  CHECK(worst <= 2.0);
  CHECK(hotline::engine::log(1.0) == 0.0);
  CHECK(hotline::engine::log(std::numbers::e) == Approx(1.0).epsilon(1e-15));
}

// atan and atan2 against glibc, in ulps, over every scale an angle of the
// projection meets and beyond, both signs, and the quadrant edges.
TEST_CASE("atan and atan2 agree with libm to 1 ulp", "[math]") {
  using hotline::engine::atan;
  using hotline::engine::atan2;
  double worst_atan = 0.0;
  double worst_atan2 = 0.0;
  for (int i = -200000; i <= 200000; ++i) {
    const double x = std::ldexp(static_cast<double>(i) / 200000.0, (i % 41) - 20);
    worst_atan = std::max(worst_atan, ulps_apart(atan(x), std::atan(x)));
  }
  for (int i = 0; i < 400; ++i) {
    for (int j = 0; j < 400; ++j) {
      const double y = std::sin(0.37 * i) * std::ldexp(1.0, i % 13 - 6);
      const double x = std::cos(0.53 * j) * std::ldexp(1.0, j % 11 - 5);
      worst_atan2 = std::max(worst_atan2, ulps_apart(atan2(y, x), std::atan2(y, x)));
    }
  }
  INFO("atan worst " << worst_atan << " ulp, atan2 worst " << worst_atan2 << " ulp");
  CHECK(worst_atan <= 1.0);
  CHECK(worst_atan2 <= 1.0);
  CHECK(atan(1e300) == std::atan(1e300));
  CHECK(atan2(0.0, -1.0) == std::numbers::pi);
  CHECK(atan2(-0.0, -1.0) == -std::numbers::pi);
  CHECK(std::signbit(atan2(-0.0, 1.0)));
  CHECK(atan2(1.0, 0.0) == std::numbers::pi / 2);
  CHECK(atan2(-1.0, -0.0) == -std::numbers::pi / 2);
  CHECK(atan2(1e-300, -1e300) == std::atan2(1e-300, -1e300));
  CHECK(atan2(1e300, 1e-300) == std::atan2(1e300, 1e-300));
}
