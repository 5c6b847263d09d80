// Fixed-effort multilevel splitting (engine/splitting.hpp) against an exact
// answer: a birth-death ladder on 0..M started at 1 that steps up with
// probability p and down with q = 1 - p reaches M before 0 with probability
// (1 - r) / (1 - r^M), r = q / p (gambler's ruin). With p = 0.3 and M = 17
// that is 7.4e-7: plain Monte Carlo would need millions of runs to see it
// once.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>

#include "hotline/analysis/statistics.hpp"
#include "hotline/engine/counter_rng.hpp"
#include "hotline/engine/splitting.hpp"
#include "hotline/engine/thread_control.hpp"

using namespace hotline;

namespace {

constexpr double kUp = 0.3;
constexpr int kTop = 17;

struct Ladder {
  int position = 1;
  std::uint32_t elapsed = 0;  // steps taken: a clone goes on from its source's clock
};

double exact_probability() {
  const double r = (1.0 - kUp) / kUp;
  return (1.0 - r) / (1.0 - std::pow(r, kTop));
}

// Level k is the first entry into position k + 1; level kTop - 1 is the top.
engine::RunOutcome climb(Ladder& ladder, std::uint64_t branch, std::uint32_t level) {
  const engine::CounterRng rng = engine::CounterRng(2026, 0).on_branch(branch);
  engine::RunOutcome outcome;
  const int goal = static_cast<int>(level) + 1;
  while (ladder.position > 0 && ladder.position < goal) {
    const double u = rng.uniform(ladder.elapsed, 0, 0, engine::RngPurpose{1});
    ladder.position += u < kUp ? 1 : -1;
    ++ladder.elapsed;
    outcome.work += 1.0;
  }
  outcome.reached = ladder.position >= goal;
  return outcome;
}

const std::function<engine::RunOutcome(Ladder&, std::uint64_t, std::uint32_t)> kClimb = climb;

engine::SplittingSettings settings(std::uint32_t effort) {
  return {effort, static_cast<std::uint32_t>(kTop - 1)};
}

}  // namespace

TEST_CASE("splitting estimates a 7e-7 absorption probability within its interval", "[splitting]") {
  const double exact = exact_probability();
  CHECK(exact == Approx(7.4e-7).epsilon(0.05));
  const engine::RepeatedEstimate e = engine::split_repeated(Ladder{}, 1, settings(400), 20, kClimb);
  const double t = analysis::student_t_quantile(0.975, 19);
  INFO("estimate " << e.probability << " ± " << t * e.standard_error << ", exact " << exact
                   << ", work " << e.work << " steps");
  CHECK(std::abs(e.probability - exact) <= t * e.standard_error);
  const double relative_error = e.standard_error / e.probability;
  CHECK(relative_error < 0.2);
  // Plain Monte Carlo to the same relative error: (1 - p) / (p RE^2) runs
  // of 1 / (q - p) = 2.5 steps each on average.
  const double plain_work = (1.0 - exact) / (exact * relative_error * relative_error) * 2.5;
  INFO("plain Monte Carlo would take " << plain_work << " steps");
  CHECK(plain_work / e.work > 100.0);
}

TEST_CASE("splitting intervals cover the exact answer at their nominal rate", "[splitting]") {
  // 200 procedures, each 20 repetitions of effort 100, each giving a 95%
  // Student-t interval; the share that holds the exact value is within
  // ±3 points of 95%.
  const double exact = exact_probability();
  const double t = analysis::student_t_quantile(0.975, 19);
  int covered = 0;
  for (std::uint64_t k = 0; k < 200; ++k) {
    const engine::RepeatedEstimate e =
        engine::split_repeated(Ladder{}, 1000 + k, settings(100), 20, kClimb);
    covered += std::abs(e.probability - exact) <= t * e.standard_error ? 1 : 0;
  }
  const double coverage = covered / 200.0;
  INFO("coverage " << coverage);
  CHECK(coverage >= 0.92);
  CHECK(coverage <= 0.98);
}

TEST_CASE("splitting refuses an effort of zero and no levels", "[splitting]") {
  CHECK_THROWS_WITH(engine::split(Ladder{}, 1, {0, 3}, kClimb), Catch::Contains("effort of 0"));
  CHECK_THROWS_WITH(engine::split(Ladder{}, 1, {10, 0}, kClimb), Catch::Contains("no levels"));
}

TEST_CASE("a splitting estimate is the same every time and differs by root", "[splitting]") {
  const auto a = engine::split(Ladder{}, 5, settings(50), kClimb);
  // Clones run side by side: the same at 1 and 3 threads.
  const auto b = engine::ThreadControl(3).run(
      [&] { return engine::split(Ladder{}, 5, settings(50), kClimb); });
  const auto one = engine::ThreadControl(1).run(
      [&] { return engine::split(Ladder{}, 5, settings(50), kClimb); });
  CHECK(one.fractions == a.fractions);
  CHECK(one.work == a.work);
  const auto c = engine::split(Ladder{}, 6, settings(50), kClimb);
  CHECK(a.fractions == b.fractions);
  CHECK(a.fractions != c.fractions);
}
