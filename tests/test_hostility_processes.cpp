// Bounded hostility driven by a Poisson stream of reports, against answers
// computed independently of the simulation: the stationary variance (the
// process is linear in 1 − H, so its first two moments are exact; Campbell's
// theorem is their small-jump limit), the mean first-passage time to L2 (the
// renewal equation between reports, solved on a grid), and the rate of
// crisis episodes with hysteresis and a quiet period (a renewal calculation
// of the episode's length).
//
// Tolerances: simulated means are checked within 4 standard errors of the
// mean (a correct model fails about once in 16,000 runs), plus any bias the
// simulation's discretisation brings, stated at each test. Every test is
// seeded, so a pass is reproducible.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

#include "hotline/agents/dyad_hostility.hpp"

using hotline::agents::DyadHostility;
using hotline::agents::HostilityParameters;

namespace {

constexpr double kDay = 86400.0;
constexpr int kDangerous = 1;
constexpr int kGrave = 2;

// A 64-bit LCG's uniforms in (0, 1): the tests' own stream, independent of
// the engine's generator.
class Uniforms {
 public:
  explicit Uniforms(std::uint64_t seed) : state_(seed) {}
  double operator()() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return (static_cast<double>(state_ >> 11) + 0.5) * 0x1.0p-53;
  }
  double exponential(double mean) { return -std::log((*this)()) * mean; }

 private:
  std::uint64_t state_;
};

// Linear interpolation of values on an even grid over [lo, hi].
double interpolate(const std::vector<double>& values, double lo, double hi, double x) {
  const double at = (x - lo) / (hi - lo) * static_cast<double>(values.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(std::max(at, 0.0)), values.size() - 2);
  const double f = at - static_cast<double>(i);
  return values[i] * (1.0 - f) + values[i + 1] * f;
}

// Solves (I − A) x = b by Gaussian elimination; I − A is strictly diagonally
// dominant here (each row of A sums to a probability below 1), so no pivoting.
std::vector<double> solve(std::vector<std::vector<double>> a, std::vector<double> b) {
  const std::size_t n = b.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j)
      a[i][j] = (i == j ? 1.0 : 0.0) - a[i][j];
  }
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t i = k + 1; i < n; ++i) {
      const double f = a[i][k] / a[k][k];
      for (std::size_t j = k; j < n; ++j)
        a[i][j] -= f * a[k][j];
      b[i] -= f * b[k];
    }
  }
  std::vector<double> x(n);
  for (std::size_t i = n; i-- > 0;) {
    double s = b[i];
    for (std::size_t j = i + 1; j < n; ++j)
      s -= a[i][j] * x[j];
    x[i] = s / a[i][i];
  }
  return x;
}

}  // namespace

TEST_CASE("the stationary variance of hostility under a Poisson stream of reports",
          "[hostility][processes]") {
  // Y = 1 − H relaxes towards Y0 = 1 − H0 with time constant tau and each
  // report multiplies it by (1 − s). Its moments settle at
  //   E[Y] = Y0 / (1 + x),   x = Lambda·s·tau,
  //   E[Y²] = 2·Y0·E[Y] / (2 + Lambda·tau·s·(2 − s)),
  // so Var H = E[Y]² · x·s / (2 + x·(2 − s)) exactly; Campbell's theorem for
  // shot noise gives E[Y]²·x·s / (2·(1 + x)), its limit for small s. One
  // dangerous deliberate report a day (s = 0.015), H0 = 0.05, tau = 30 d:
  // x = 0.45, Var H = 1.0015e-3 (standard deviation 0.0316). The time
  // average over 2,000 years (integrated exactly between reports) is within
  // 5% (about 4 standard errors: H forgets in about 21 days).
  const HostilityParameters p;
  const double h0 = 0.05;
  const double tau = p.relax_time_s;
  DyadHostility h(p, h0);
  Uniforms uniform(2024);
  double t = 0.0;
  double sum = 0.0;
  double sum_sq = 0.0;
  const double settle = 365 * kDay;
  const double end = settle + 2000 * 365 * kDay;
  while (t < end) {
    const double gap = uniform.exponential(kDay);
    if (t >= settle) {
      // H(u) = h0 + c·e^(−u/tau) over the gap, c = H(0) − h0.
      const double c = h.hostility() - h0;
      const double e1 = -std::expm1(-gap / tau);
      const double e2 = -std::expm1(-2 * gap / tau);
      sum += h0 * gap + c * tau * e1;
      sum_sq += h0 * h0 * gap + 2 * h0 * c * tau * e1 + c * c * tau / 2 * e2;
    }
    h.advance(gap);
    t += gap;
    h.report(kDangerous, true);
  }
  const double span = t - settle;
  const double mean = sum / span;
  const double variance = sum_sq / span - mean * mean;
  const double s = 0.015;
  const double x = s * tau / kDay;
  const double mean_y = (1 - h0) / (1 + x);
  const double exact = mean_y * mean_y * x * s / (2 + x * (2 - s));
  INFO("mean " << mean << ", variance " << variance << ", exact " << exact);
  CHECK(exact == Approx(1.0015e-3).epsilon(1e-3));
  CHECK(mean == Approx(1 - mean_y).epsilon(0.02));
  CHECK(variance == Approx(exact).epsilon(0.05));
  // Campbell's small-jump form is within 1% of the exact value here.
  CHECK(mean_y * mean_y * x * s / (2 * (1 + x)) == Approx(exact).epsilon(0.01));
}

TEST_CASE("the mean first-passage time to L2 solves the renewal equation between reports",
          "[hostility][processes]") {
  // Grave reports seen as deliberate (each moves H 0.075 of the way to 1)
  // arrive at rate Lambda = 1 per 6 days; H0 = 0.1, tau = 30 d; L2 is entered
  // the moment H reaches 0.45. Just after a report at H = h, the mean time
  // still to wait is
  //   T(h) = 1/Lambda + E[ T(j(H0 + (h − H0)·U)) ; j(·) < 0.45 ],
  // j(y) = y + 0.075·(1 − y), where U = e^(−G/tau) for the exponential gap
  // G, so U = V^(1/kappa) with V uniform and kappa = Lambda·tau = 5. Solved
  // on a grid of 400 values of h (linear interpolation, 20,000 quadrature
  // nodes: discretisation error well under 0.5%), T(H0) is the mean passage
  // from the baseline. 20,000 simulated passages match it within 4 standard
  // errors (about 3%).
  const HostilityParameters p;
  const double h0 = 0.1;
  const double entry = p.enter[1];
  const double s = p.report_share[kGrave] / 2;
  const double kappa = 5.0;
  const double gap_mean_s = 6 * kDay;

  const std::size_t n = 400;
  const std::size_t nodes = 20000;
  std::vector<std::vector<double>> a(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    const double h = h0 + (entry - h0) * static_cast<double>(i) / static_cast<double>(n - 1);
    for (std::size_t m = 0; m < nodes; ++m) {
      const double v = (static_cast<double>(m) + 0.5) / static_cast<double>(nodes);
      const double y = h0 + (h - h0) * std::pow(v, 1.0 / kappa);
      const double next = y + s * (1.0 - y);
      if (next >= entry) continue;  // passage: nothing more to wait
      const double at = (next - h0) / (entry - h0) * static_cast<double>(n - 1);
      const auto j = std::min(static_cast<std::size_t>(at), n - 2);
      const double f = at - static_cast<double>(j);
      a[i][j] += (1.0 - f) / static_cast<double>(nodes);
      a[i][j + 1] += f / static_cast<double>(nodes);
    }
  }
  const std::vector<double> mean_wait = solve(a, std::vector<double>(n, gap_mean_s));
  const double computed = mean_wait[0];

  Uniforms uniform(7);
  const int passages = 20000;
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int k = 0; k < passages; ++k) {
    DyadHostility h(p, h0);
    double t = 0.0;
    while (h.level() < 2) {
      const double gap = uniform.exponential(gap_mean_s);
      h.advance(gap);
      t += gap;
      h.report(kGrave, true);
    }
    REQUIRE(h.hostility() >= entry);
    sum += t;
    sum_sq += t * t;
  }
  const double mean = sum / passages;
  const double standard_error = std::sqrt((sum_sq / passages - mean * mean) / (passages - 1));
  INFO("simulated " << mean / kDay << " d (standard error " << standard_error / kDay
                    << " d), renewal equation " << computed / kDay << " d");
  CHECK(computed > 30 * kDay);  // many reports, not a handful: a real passage problem
  CHECK(std::abs(mean - computed) < 4 * standard_error);
}

TEST_CASE("crisis episodes with hysteresis come at the rate of a renewal calculation",
          "[hostility][processes]") {
  // Each grave report moves H 0.48 of the way to 1 (share 0.96, half per
  // side), so every report enters L2; tau = 1 d, H0 = 0, reports at rate
  // Lambda = 1 per 20 days. An episode begins with the report that finds no
  // episode, and ends 14 days after H fell below L1's exit (0.20) unless a
  // report comes first: from a report leaving H = h its end is
  // e(h) = tau·ln(h/0.20) + 14 d away, and the mean remaining length V(h)
  // solves
  //   V(h) = (1 − e^(−Lambda·e(h)))/Lambda
  //          + ∫₀^e(h) Lambda·e^(−Lambda·g) · V(0.48 + 0.52·h·e^(−g/tau)) dg.
  // After an episode H is below 10^-6, so the next begins at h = 0.48: the
  // episodes are a renewal process with mean cycle V(0.48) + 1/Lambda.
  // Without the quiet period and hysteresis every report would be an
  // episode (18.25 a year); here there are about half as many.
  //
  // The simulation advances between reports in steps of at most an hour
  // (as the world's steps), so an episode ends up to 2 h late: under 0.5%
  // of the rate. 40 runs of 100 years: the mean rate within 4 standard
  // errors (about 1.5%) plus that 0.5%.
  HostilityParameters p;
  p.relax_time_s = kDay;
  p.report_share[kGrave] = 0.96;
  const double a = 0.48;
  const double leave = p.leave[0];
  const double quiet_s = p.episode_quiet_s;
  const double rate_per_s = 1.0 / (20 * kDay);
  const double tau = p.relax_time_s;
  const auto end_after = [&](double h) { return tau * std::log(h / leave) + quiet_s; };

  // V on [a, 1] by fixed-point iteration (a contraction: a report comes
  // before the end with probability below 0.6), Simpson's rule over g.
  const std::size_t n = 200;
  const int intervals = 2000;
  std::vector<double> v(n, 0.0);
  for (int iteration = 0; iteration < 100; ++iteration) {
    std::vector<double> next(n);
    for (std::size_t i = 0; i < n; ++i) {
      const double h = a + (1.0 - a) * static_cast<double>(i) / static_cast<double>(n - 1);
      const double e = end_after(h);
      double integral = 0.0;
      for (int k = 0; k <= intervals; ++k) {
        const double g = e * k / intervals;
        const double weight = k == 0 || k == intervals ? 1.0 : (k % 2 == 1 ? 4.0 : 2.0);
        const double f = rate_per_s * std::exp(-rate_per_s * g)
                         * interpolate(v, a, 1.0, a + (1.0 - a) * h * std::exp(-g / tau));
        integral += weight * f;
      }
      integral *= e / intervals / 3.0;
      next[i] = -std::expm1(-rate_per_s * e) / rate_per_s + integral;
    }
    v = next;
  }
  const double cycle_s = v[0] + 1.0 / rate_per_s;
  const double computed_per_year = 365 * kDay / cycle_s;

  Uniforms uniform(99);
  const int runs = 40;
  const double years = 100;
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int r = 0; r < runs; ++r) {
    DyadHostility h(p, 0.0);
    const double end = years * 365 * kDay;
    double t = 0.0;
    while (true) {
      double gap = uniform.exponential(1.0 / rate_per_s);
      if (t + gap > end) break;
      t += gap;
      if (!h.in_episode()) {
        h.advance(gap);  // nothing about episodes changes between reports
      } else {
        while (gap > 0.0) {
          const double dt = std::min(gap, 3600.0);
          h.advance(dt);
          gap -= dt;
        }
      }
      h.report(kGrave, true);
      REQUIRE(h.level() >= 2);
    }
    const double per_year = h.episodes() / years;
    sum += per_year;
    sum_sq += per_year * per_year;
  }
  const double mean = sum / runs;
  const double standard_error = std::sqrt((sum_sq / runs - mean * mean) / (runs - 1));
  INFO("simulated " << mean << " episodes a year (standard error " << standard_error
                    << "), renewal " << computed_per_year << "; mean episode " << v[0] / kDay
                    << " d");
  CHECK(computed_per_year < 0.6 * 365.0 / 20.0);  // hysteresis merges reports
  CHECK(std::abs(mean - computed_per_year) < 4 * standard_error + 0.005 * computed_per_year);
}
