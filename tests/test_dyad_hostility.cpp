// Bounded hostility (model version 2) against its analytic answers: exact
// relaxation, the response to a political shock, the bound below 1, the
// stationary mean under a Poisson stream of reports, and the levels'
// hysteresis, dwell and episodes.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "hotline/agents/dyad_hostility.hpp"
#include "hotline/agents/stability_rule.hpp"

using hotline::agents::DyadHostility;
using hotline::agents::HostilityParameters;
using hotline::agents::IncidentRates;
using hotline::agents::PerceptionParameters;
using hotline::agents::stationary_hostility;

namespace {

constexpr double kDay = 86400.0;
constexpr int kGrave = 2;
constexpr int kDangerous = 1;

}  // namespace

TEST_CASE("hostility relaxes exactly towards its baseline", "[hostility]") {
  const HostilityParameters p;
  DyadHostility h(p, 0.1);
  CHECK(h.hostility() == 0.1);
  h.report(kGrave, true);  // half of 0.15 of the way to 1
  const double after = 0.1 + 0.075 * 0.9;
  CHECK(h.hostility() == Approx(after).epsilon(1e-15));
  h.advance(30 * kDay);  // one time constant
  CHECK(h.hostility() == Approx(0.1 + (after - 0.1) * std::exp(-1.0)).epsilon(1e-13));
  // An accidental report moves it 0.3 as far.
  DyadHostility g(p, 0.0);
  g.report(kGrave, false);
  CHECK(g.hostility() == Approx(0.075 * 0.3).epsilon(1e-15));
}

TEST_CASE("a political shock raises hostility through its baseline", "[hostility]") {
  const HostilityParameters p;  // tau 30 d, shock 0.3 relaxing over 90 d
  DyadHostility one_step(p, 0.0);
  DyadHostility minute_steps(p, 0.0);
  one_step.shock();
  minute_steps.shock();
  CHECK(one_step.baseline() == Approx(0.3));
  one_step.advance(30 * kDay);
  for (int i = 0; i < 30 * 1440; ++i)
    minute_steps.advance(60.0);
  // H(t) = K (e^(-t/90 d) - e^(-t/30 d)), K = 0.3 * 90 / (90 - 30) = 0.45.
  const double expected = 0.45 * (std::exp(-1.0 / 3.0) - std::exp(-1.0));
  CHECK(one_step.hostility() == Approx(expected).epsilon(1e-12));
  CHECK(minute_steps.hostility() == Approx(expected).epsilon(1e-9));
  CHECK(one_step.baseline() == Approx(0.3 * std::exp(-1.0 / 3.0)).epsilon(1e-12));
  // Equal time constants: H(t) = S (t / tau) e^(-t/tau).
  HostilityParameters same = p;
  same.shock_relax_time_s = same.relax_time_s;
  DyadHostility s(same, 0.0);
  s.shock();
  s.advance(30 * kDay);
  CHECK(s.hostility() == Approx(0.3 * std::exp(-1.0)).epsilon(1e-12));
}

TEST_CASE("hostility stays below 1 however many incidents come", "[hostility]") {
  DyadHostility h(HostilityParameters{}, 0.0);
  for (int i = 0; i < 100000; ++i)
    h.report(kGrave, true);
  CHECK(h.hostility() < 1.0);
  CHECK(h.level() == 3);
}

TEST_CASE("the stationary mean under a Poisson stream of reports is the stability rule's",
          "[hostility]") {
  // dH/dt = -(H - H0)/tau + Lambda s (1 - H) is linear in H, so the mean of
  // H settles at (H0 + Lambda s tau) / (1 + Lambda s tau) exactly. One
  // dangerous deliberate report a day on average (s = 0.015), H0 = 0.05,
  // tau = 30 d: Lambda s tau = 0.45, H-bar = 0.5 / 1.45 = 0.3448. The time
  // average over 200 years (after a year of settling) is within 2%.
  HostilityParameters p;
  DyadHostility h(p, 0.05);
  std::uint64_t state = 12345;
  auto uniform = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (static_cast<double>(state >> 11) + 0.5) * 0x1.0p-53;
  };
  double t = 0.0;
  double integral = 0.0;
  const double settle = 365 * kDay;
  const double end = settle + 200 * 365 * kDay;
  while (t < end) {
    const double gap = -std::log(uniform()) * kDay;
    // The mean of H over the gap, from the exact relaxation towards 0.05.
    const double h0 = h.hostility();
    if (t >= settle) {
      integral +=
          0.05 * gap + (h0 - 0.05) * p.relax_time_s * (1.0 - std::exp(-gap / p.relax_time_s));
    }
    h.advance(gap);
    t += gap;
    h.report(kDangerous, true);
  }
  const double mean = integral / (t - settle);
  const double expected = (0.05 + 0.45) / (1.0 + 0.45);
  CHECK(mean == Approx(expected).epsilon(0.02));
  // The validator's function gives the same number: one side's report a
  // day is half an incident a day (each incident makes two half-share
  // reports), every one seen as deliberate.
  PerceptionParameters sure;
  sure.base = 100.0;
  IncidentRates rates{};
  rates[0][kDangerous] = 0.5 / kDay;
  CHECK(stationary_hostility(p, sure, 0.05, rates) == Approx(expected).epsilon(1e-9));
}

TEST_CASE("the stability rule's H-bar is a fixed point when perception depends on H",
          "[hostility][stability]") {
  // m = logistic(-1 + 5 H): H-bar must satisfy H = (H0 + x(H)) / (1 + x(H)),
  // x(H) = Lambda s (m(H) + 0.3 (1 - m(H))) tau, and lie above the value with
  // m fixed at m(H0) (m rises with H).
  HostilityParameters p;
  PerceptionParameters perception;
  perception.base = -1.0;
  perception.hostility = 5.0;
  IncidentRates rates{};
  rates[1][kGrave] = 2.0 / (365 * kDay);  // two grave incidents a year, signalling
  const double bar = stationary_hostility(p, perception, 0.1, rates);
  const auto x = [&](double h) {
    const double m = 1.0 / (1.0 + std::exp(1.0 - 5.0 * h));
    return rates[1][kGrave] * 0.15 * (m + 0.3 * (1.0 - m)) * p.relax_time_s;
  };
  CHECK(bar == Approx((0.1 + x(bar)) / (1.0 + x(bar))).epsilon(1e-10));
  CHECK(bar > (0.1 + x(0.1)) / (1.0 + x(0.1)));
  CHECK(bar < 0.25);  // two grave incidents a year keep a dyad below L1
}

TEST_CASE("levels enter and leave with hysteresis and a minimum dwell; episodes", "[hostility]") {
  const HostilityParameters p;  // enter 0.25/0.45/0.65, leave 0.20/0.35/0.55, dwell 3 d
  DyadHostility h(p, 0.0);
  CHECK(h.level() == 0);
  while (h.hostility() < 0.5)
    h.report(kGrave, true);
  CHECK(h.level() == 2);  // up at once, through L1
  CHECK(h.episodes() == 1);
  CHECK(h.in_episode());
  // Relaxing from ~0.5 towards 0 with tau = 30 d: below 0.35 after about
  // 11 days; the level holds until then (hysteresis), then drops to 1.
  const double start = h.hostility();
  const double below_l2_exit = 30 * kDay * std::log(start / 0.35);
  h.advance(below_l2_exit - kDay);
  CHECK(h.level() == 2);
  h.advance(2 * kDay);
  CHECK(h.level() == 1);
  // Back above 0.45 within the episode: still one episode.
  while (h.hostility() < 0.46)
    h.report(kGrave, true);
  CHECK(h.level() == 2);
  CHECK(h.episodes() == 1);
  // The dwell: a level entered just now is not left for 3 days, even below
  // its exit.
  h.scale(0.3);  // H about 0.14, below L1's exit
  CHECK(h.level() == 2);
  h.advance(3 * kDay - 60.0);
  CHECK(h.level() == 2);
  h.advance(120.0);  // 3 days and a minute at L2
  CHECK(h.level() == 1);
  h.advance(3 * kDay - 60.0);
  CHECK(h.level() == 1);
  h.advance(120.0);
  CHECK(h.level() == 0);
  // The episode ends 14 days after H fell below L1's exit (6 days and 2
  // minutes ago), not before.
  CHECK(h.in_episode());
  h.advance(8 * kDay - 180.0);
  CHECK(h.in_episode());
  h.advance(120.0);
  CHECK_FALSE(h.in_episode());
  // A new crisis is a new episode.
  while (h.hostility() < 0.46)
    h.report(kGrave, true);
  CHECK(h.episodes() == 2);
}

TEST_CASE("hostility parameters out of range are refused", "[hostility]") {
  HostilityParameters p;
  CHECK_THROWS_AS(DyadHostility(p, 1.0), std::invalid_argument);
  p.leave[1] = p.enter[1];
  CHECK_THROWS_AS(DyadHostility(p, 0.0), std::invalid_argument);
  p = HostilityParameters{};
  p.enter = {0.3, 0.3, 0.6};
  CHECK_THROWS_AS(DyadHostility(p, 0.0), std::invalid_argument);
  p = HostilityParameters{};
  p.report_share[2] = 1.0;
  CHECK_THROWS_AS(DyadHostility(p, 0.0), std::invalid_argument);
  p = HostilityParameters{};
  p.relax_time_s = 0.0;
  CHECK_THROWS_AS(DyadHostility(p, 0.0), std::invalid_argument);
  DyadHostility h(HostilityParameters{}, 0.0);
  CHECK_THROWS_AS(h.advance(-1.0), std::invalid_argument);
  CHECK_THROWS_AS(h.report(3, true), std::invalid_argument);
  CHECK_THROWS_AS(h.scale(1.5), std::invalid_argument);
}
