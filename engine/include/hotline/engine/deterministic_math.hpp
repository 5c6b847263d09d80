// Sine and cosine that give the same bits on every machine.
//
// glibc chooses its sin/cos implementation per CPU (an FMA variant where the
// processor has FMA), so the same binary can round differently on two nodes of
// one cluster, which would break the determinism contract (docs/determinism.md).
// These use only +, -, * (compiled with -ffp-contract=off, so never fused):
// Cody-Waite reduction by pi/2 in three parts, then the classic minimax
// polynomials on [-pi/4, pi/4] (coefficients from fdlibm's kernels). Error is
// below 1e-15 absolute for |angle| < 1e5 rad (tests/test_deterministic_math.cpp);
// there is no branch, so loops over agents vectorize.
//
// exp and log follow the same rule, for the lognormal delays of the command
// layer: fdlibm's algorithms (argument reduction by ln 2, a rational kernel),
// in +, -, *, / only, with exponents handled on the bits. Error is below
// 2 ulp over their documented domains (tests/test_deterministic_math.cpp).
#pragma once

#include <bit>
#include <cstdint>

namespace hotline::engine {

struct SinCos {
  double sin;
  double cos;
};

[[nodiscard]] inline SinCos sin_cos(double angle_rad) {
  constexpr double kTwoOverPi = 6.36619772367581382433e-01;
  // pi/2 = kPio2Part1 + kPio2Part2 + kPio2Part3: the first two have 33
  // significant bits, so q * part is exact for |q| < 2^20.
  constexpr double kPio2Part1 = 1.57079632673412561417e+00;
  constexpr double kPio2Part2 = 6.07710050630396597660e-11;
  constexpr double kPio2Part3 = 2.02226624879595063154e-21;

  constexpr double kS1 = -1.66666666666666324348e-01;
  constexpr double kS2 = 8.33333333332248946124e-03;
  constexpr double kS3 = -1.98412698298579493134e-04;
  constexpr double kS4 = 2.75573137070700676789e-06;
  constexpr double kS5 = -2.50507602534068634195e-08;
  constexpr double kS6 = 1.58969099521155010221e-10;
  constexpr double kC1 = 4.16666666666666019037e-02;
  constexpr double kC2 = -1.38888888888741095749e-03;
  constexpr double kC3 = 2.48015872894767294178e-05;
  constexpr double kC4 = -2.75573143513906633035e-07;
  constexpr double kC5 = 2.08757232129817482790e-09;
  constexpr double kC6 = -1.13596475577881948265e-11;

  // Round to nearest with the 1.5 * 2^52 trick: exact, branch-free, and
  // independent of the current rounding mode's library support.
  constexpr double kRoundMagic = 6755399441055744.0;
  const double shifted = angle_rad * kTwoOverPi + kRoundMagic;
  const double q = shifted - kRoundMagic;
  const auto quadrant = static_cast<long long>(q) & 3;

  const double r = ((angle_rad - q * kPio2Part1) - q * kPio2Part2) - q * kPio2Part3;
  const double z = r * r;
  const double sin_r = r + r * z * (kS1 + z * (kS2 + z * (kS3 + z * (kS4 + z * (kS5 + z * kS6)))));
  const double half_z = 0.5 * z;
  const double one_minus = 1.0 - half_z;
  const double cos_r =
      one_minus
      + (((1.0 - one_minus) - half_z)
         + z * z * (kC1 + z * (kC2 + z * (kC3 + z * (kC4 + z * (kC5 + z * kC6))))));

  const bool swap = (quadrant & 1) != 0;
  const double s = swap ? cos_r : sin_r;
  const double c = swap ? sin_r : cos_r;
  return {(quadrant & 2) != 0 ? -s : s, (quadrant == 1 || quadrant == 2) ? -c : c};
}

// e^x for |x| <= 700 (the caller keeps to it; beyond, the result is not
// meaningful). fdlibm's e_exp: x = k ln2 + r, |r| <= ln2 / 2, and a rational
// approximation of e^r.
[[nodiscard]] inline double exp(double x) {
  constexpr double kInvLn2 = 1.44269504088896338700e+00;
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  constexpr double kP1 = 1.66666666666666019037e-01;
  constexpr double kP2 = -2.77777777770155933842e-03;
  constexpr double kP3 = 6.61375632143793436117e-05;
  constexpr double kP4 = -1.65339022054652515390e-06;
  constexpr double kP5 = 4.13813679705723846039e-08;
  constexpr double kRoundMagic = 6755399441055744.0;
  const double k = (x * kInvLn2 + kRoundMagic) - kRoundMagic;
  const double hi = x - k * kLn2Hi;  // exact: k has at most 11 bits
  const double lo = k * kLn2Lo;
  const double r = hi - lo;
  const double t = r * r;
  const double c = r - t * (kP1 + t * (kP2 + t * (kP3 + t * (kP4 + t * kP5))));
  const double er = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
  // 2^k as two factors, so that k down to -1022 - 52 and up to 1023 scale
  // without overflow in the exponent field.
  const auto ki = static_cast<std::int64_t>(k);
  const std::int64_t k1 = ki / 2;
  const std::int64_t k2 = ki - k1;
  const double s1 = std::bit_cast<double>(static_cast<std::uint64_t>(k1 + 1023) << 52);
  const double s2 = std::bit_cast<double>(static_cast<std::uint64_t>(k2 + 1023) << 52);
  return er * s1 * s2;
}

// The natural logarithm of a positive normal double (from DBL_MIN up).
// fdlibm's e_log: x = 2^k (1 + f), sqrt(2)/2 < 1 + f < sqrt(2), and
// log(1 + f) from s = f / (2 + f) by a polynomial in s^2.
[[nodiscard]] inline double log(double x) {
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  constexpr double kLg1 = 6.666666666666735130e-01;
  constexpr double kLg2 = 3.999999999940941908e-01;
  constexpr double kLg3 = 2.857142874366239149e-01;
  constexpr double kLg4 = 2.222219843214978396e-01;
  constexpr double kLg5 = 1.818357216161805012e-01;
  constexpr double kLg6 = 1.531383769920937332e-01;
  constexpr double kLg7 = 1.479819860511658591e-01;
  constexpr double kSqrt2 = 1.41421356237309504880;
  const auto bits = std::bit_cast<std::uint64_t>(x);
  auto k = static_cast<std::int64_t>(bits >> 52) - 1023;
  double m = std::bit_cast<double>((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);
  if (m > kSqrt2) {
    m *= 0.5;  // exact
    ++k;
  }
  const double f = m - 1.0;  // exact (Sterbenz)
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double w = z * z;
  const double t1 = w * (kLg2 + w * (kLg4 + w * kLg6));
  const double t2 = z * (kLg1 + w * (kLg3 + w * (kLg5 + w * kLg7)));
  const double r = t2 + t1;
  const double half_f2 = 0.5 * f * f;
  const auto kd = static_cast<double>(k);
  return kd * kLn2Hi - ((half_f2 - (s * (half_f2 + r) + kd * kLn2Lo)) - f);
}

}  // namespace hotline::engine
