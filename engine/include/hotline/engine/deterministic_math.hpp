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
//
// atan and atan2 follow fdlibm's s_atan and e_atan2 (reduction to one of
// four breakpoints, an odd polynomial), for the geographic projection,
// whose plane must be the same on every node of a cluster. Error is below
// 1 ulp against glibc for finite arguments (not NaN or infinities: callers
// never pass them).
#pragma once

#include <bit>
#include <cmath>
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

// The arctangent of a finite x, in [-pi/2, pi/2].
[[nodiscard]] inline double atan(double x) {
  constexpr double kAtanHi[4] = {4.63647609000806093515e-01, 7.85398163397448278999e-01,
                                 9.82793723247329054082e-01, 1.57079632679489655800e+00};
  constexpr double kAtanLo[4] = {2.26987774529616870924e-17, 3.06161699786838301793e-17,
                                 1.39033110312309984516e-17, 6.12323399573676603587e-17};
  constexpr double kT[11] = {
      3.33333333333329318027e-01,  -1.99999999998764832476e-01, 1.42857142725034663711e-01,
      -1.11111104054623557880e-01, 9.09088713343650656196e-02,  -7.69187620504482999495e-02,
      6.66107313738753120669e-02,  -5.83357013379057348645e-02, 4.97687799461593236017e-02,
      -3.65315727442169155270e-02, 1.62858201153657823623e-02};
  const bool negative = x < 0.0;
  double t = negative ? -x : x;
  if (t >= 7.3786976294838206464e19) {  // 2^66: atan is pi/2 to double precision
    const double z = kAtanHi[3] + kAtanLo[3];
    return negative ? -z : z;
  }
  int id = -1;
  if (t < 0.4375) {
    if (t < 7.450580596923828125e-9) return x;  // 2^-27: atan(x) = x
  } else if (t < 1.1875) {
    if (t < 0.6875) {
      id = 0;
      t = (2.0 * t - 1.0) / (2.0 + t);
    } else {
      id = 1;
      t = (t - 1.0) / (t + 1.0);
    }
  } else if (t < 2.4375) {
    id = 2;
    t = (t - 1.5) / (1.0 + 1.5 * t);
  } else {
    id = 3;
    t = -1.0 / t;
  }
  const double z = t * t;
  const double w = z * z;
  const double s1 =
      z * (kT[0] + w * (kT[2] + w * (kT[4] + w * (kT[6] + w * (kT[8] + w * kT[10])))));
  const double s2 = w * (kT[1] + w * (kT[3] + w * (kT[5] + w * (kT[7] + w * kT[9]))));
  if (id < 0) return negative ? -(t - t * (s1 + s2)) : t - t * (s1 + s2);
  const double r = kAtanHi[id] - ((t * (s1 + s2) - kAtanLo[id]) - t);
  return negative ? -r : r;
}

// The angle of (x, y) from the +x axis, in [-pi, pi], for finite x and y;
// the signs of zeros are kept as C's atan2 keeps them.
[[nodiscard]] inline double atan2(double y, double x) {
  constexpr double kPi = 3.1415926535897931160e+00;
  constexpr double kPiLo = 1.2246467991473531772e-16;
  constexpr double kHalfPi = 1.5707963267948965580e+00;
  if (x == 1.0) return atan(y);
  const bool y_negative = std::signbit(y);
  const bool x_negative = std::signbit(x);
  if (y == 0.0) {
    if (!x_negative) return y;  // ±0
    return y_negative ? -kPi : kPi;
  }
  if (x == 0.0) return y_negative ? -kHalfPi : kHalfPi;
  // |y/x| beyond 2^60 or below 2^-60: the quotient's exponents say so without
  // an overflowing or underflowing division.
  const int ey = static_cast<int>((std::bit_cast<std::uint64_t>(y) >> 52) & 0x7ff);
  const int ex = static_cast<int>((std::bit_cast<std::uint64_t>(x) >> 52) & 0x7ff);
  double z = 0.0;
  if (ey - ex > 60) {
    z = kHalfPi + 0.5 * kPiLo;
  } else if (x_negative && ey - ex < -60) {
    z = 0.0;
  } else {
    const double q = y / x;
    z = atan(q < 0.0 ? -q : q);
  }
  if (!x_negative) return y_negative ? -z : z;
  return y_negative ? (z - kPiLo) - kPi : kPi - (z - kPiLo);
}

}  // namespace hotline::engine
