// Fixed-effort multilevel splitting: the probability that a process reaches
// its last level, when that is too rare to count by plain Monte Carlo
// (docs/rare-events.md).
//
// Levels 1..L are crossed in order (a run that reaches level k+1 has passed
// level k first). Stage 0 runs `effort` independent runs from the start,
// each until it reaches level 1 or fails (absorbed, or out of time); the
// fraction that reached it is p1. Stage k starts `effort` clones from the
// states that reached level k — spread over them in turn, clone j from
// state j mod hits — each until it reaches level k+1 or fails: p(k+1). The
// estimate of P(reach level L) is the product p1 · p2 · … · pL, unbiased for
// fixed effort. Its interval comes from independent repetitions of the
// whole procedure (split_repeated).
//
// The last stage may count each clone by a value instead of 0 or 1: any
// value whose expectation, given the clone's starting state, is the
// probability of reaching the last level from it (a conditional Monte
// Carlo estimate, such as the compensator of the event's count). The
// product stays unbiased and its variance falls; the last stage keeps no
// states, so nothing else needs the indicator.
//
// Every run and clone draws on its own branch of the random streams
// (CounterRng::branch_of): repetition r, stage k, clone j is the branch
// path (root, r, k, j), the same whatever the process (so two policies
// compared on one tree replay the same branches from their own states). A
// state carries its own elapsed time: a clone continues its source's clock,
// and a horizon is the process's to respect.
//
// Nothing here knows what the process is: it is a State value (copied to
// clone it) and a function that runs a state on a branch up to a level.
// The clones of a stage run side by side on the current task arena, each
// isolated (a thread waiting inside one clone's parallel loop never starts
// another clone), so `run` must be safe to call from several threads at
// once; what a stage gives does not depend on which thread ran what.
#pragma once

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <vector>

#include "hotline/engine/counter_rng.hpp"

namespace hotline::engine {

struct SplittingSettings {
  std::uint32_t effort = 100;  // runs per stage
  std::uint32_t levels = 1;    // the last level is the rare event
};

// What one run or clone did: whether it reached the level it was run to,
// and the work it took (steps, or platform-steps: the caller's unit).
struct RunOutcome {
  bool reached = false;
  double work = 0.0;
  // The last stage only: the run's value, at least 0 (see above); NaN counts
  // the indicator `reached`.
  double value = std::numeric_limits<double>::quiet_NaN();
};

struct SplittingEstimate {
  // p1..pL (fewer if a stage reached nothing); the last by the runs'
  // values where they gave them.
  std::vector<double> fractions;
  std::vector<std::uint32_t> reached;  // the runs of each stage that reached its level
  double probability = 0.0;            // their product; 0 if a stage reached nothing
  double work = 0.0;
};

// One splitting estimate. `run(state, branch, level)` runs `state` (a copy
// it may change) on `branch` until it reaches `level` or fails. Throws
// std::invalid_argument for an effort or a number of levels of 0.
template <class State>
SplittingEstimate split(
    const State& start, std::uint64_t root, const SplittingSettings& settings,
    const std::function<RunOutcome(State&, std::uint64_t, std::uint32_t)>& run) {
  if (settings.effort == 0) throw std::invalid_argument("splitting: an effort of 0 runs");
  if (settings.levels == 0) throw std::invalid_argument("splitting: no levels");
  SplittingEstimate estimate;
  std::vector<State> reached{start};
  estimate.probability = 1.0;
  for (std::uint32_t level = 1; level <= settings.levels; ++level) {
    const std::uint64_t stage = CounterRng::branch_of(root, level);
    std::vector<State> clones(settings.effort);
    std::vector<RunOutcome> outcomes(settings.effort);
    tbb::parallel_for(
        tbb::blocked_range<std::uint32_t>(0, settings.effort, 1),
        [&](const tbb::blocked_range<std::uint32_t>& range) {
          for (std::uint32_t j = range.begin(); j != range.end(); ++j) {
            tbb::this_task_arena::isolate([&] {
              clones[j] = reached[j % reached.size()];
              outcomes[j] = run(clones[j], CounterRng::branch_of(stage, j), level);
            });
          }
        },
        tbb::simple_partitioner());
    // In clone order, whatever order they finished in.
    std::vector<State> next;
    double valued = 0.0;
    for (std::uint32_t j = 0; j < settings.effort; ++j) {
      estimate.work += outcomes[j].work;
      if (outcomes[j].reached) next.push_back(std::move(clones[j]));
      const double value = outcomes[j].value;
      valued += value == value ? value : (outcomes[j].reached ? 1.0 : 0.0);
    }
    const bool last = level == settings.levels;
    const double fraction = (last ? valued : static_cast<double>(next.size())) / settings.effort;
    estimate.fractions.push_back(fraction);
    estimate.reached.push_back(static_cast<std::uint32_t>(next.size()));
    estimate.probability *= fraction;
    if (next.empty()) break;  // the product is 0, or this was the last stage
    reached = std::move(next);
  }
  return estimate;
}

struct RepeatedEstimate {
  std::vector<double> estimates;  // one per repetition
  double probability = 0.0;       // their mean
  double standard_error = 0.0;    // of the mean
  double work = 0.0;              // over every repetition
};

// `repetitions` independent estimates (repetition r on root branch
// branch_of(root, r)), their mean and its standard error.
template <class State>
RepeatedEstimate split_repeated(
    const State& start, std::uint64_t root, const SplittingSettings& settings,
    std::uint32_t repetitions,
    const std::function<RunOutcome(State&, std::uint64_t, std::uint32_t)>& run) {
  if (repetitions < 2) throw std::invalid_argument("splitting: fewer than 2 repetitions");
  RepeatedEstimate out;
  double sum = 0.0;
  for (std::uint32_t r = 0; r < repetitions; ++r) {
    const SplittingEstimate e = split(start, CounterRng::branch_of(root, r), settings, run);
    out.estimates.push_back(e.probability);
    out.work += e.work;
    sum += e.probability;
  }
  const double n = repetitions;
  out.probability = sum / n;
  double squares = 0.0;
  for (const double e : out.estimates)
    squares += (e - out.probability) * (e - out.probability);
  out.standard_error = std::sqrt(squares / (n - 1.0) / n);
  return out;
}

}  // namespace hotline::engine
