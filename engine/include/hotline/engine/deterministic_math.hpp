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
#pragma once

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

}  // namespace hotline::engine
