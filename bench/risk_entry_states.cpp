// Where multilevel splitting's variance comes from (docs/rare-events.md,
// "Validation on a model world"): RUNS runs from the start to the first
// level, and from each state that reaches it, CLONES clones to the clash,
// each valued by the clashes it expected (an unbiased estimate of the
// state's clash probability h). It prints every entry state — its time,
// each dyad's hostility and peak level, h — then the spread of h over the
// entry states and the share of the first stage in the product estimator's
// relative variance: ((1 + CV²(h)) / p₁ − 1) / N for N runs at the start,
// p₁ the fraction that reach the level. With the entry states all alike
// (CV² = 0) that is the binomial (1 − p₁) / (p₁ N); the excess is the cost
// of a level that does not see what makes a state dangerous.
//
// Usage: risk_entry_states SCENARIO DAYS RUNS CLONES FIRST_LEVEL [SEED]
//   e.g. risk_entry_states scenarios/tutorial_tense_rare.yaml 30 200 20 L1
#include <oneapi/tbb/parallel_for.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "hotline/agents/platform_world.hpp"
#include "hotline/agents/world_splitting.hpp"
#include "hotline/engine/counter_rng.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/world_builder.hpp"

namespace {

using hotline::agents::WorldState;
using hotline::engine::CounterRng;

struct EntryState {
  WorldState state;
  bool reached = false;
  double clash_probability = 0.0;  // h: the mean of its clones' values
};

void print_entry(const hotline::agents::WorldSpec& spec, std::uint64_t seed,
                 const EntryState& entry) {
  hotline::agents::PlatformWorld world(spec, seed, 0, 0);
  hotline::engine::SnapshotReader in(entry.state.snapshot);
  world.restore(in);
  std::printf("entry day %6.2f ", world.time_s() / 86400.0);
  for (std::size_t d = 0; d < world.dyads().size(); ++d)
    std::printf(" dyad %zu: hostility %.3f peak L%d", d, world.crisis().hostility(d).hostility(),
                world.crisis().record(d).peak_level);
  std::printf("  h %.5f\n", entry.clash_probability);
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 6) {
    std::fprintf(stderr, "usage: %s SCENARIO DAYS RUNS CLONES FIRST_LEVEL [SEED]\n", argv[0]);
    return 2;
  }
  const auto spec =
      hotline::scenarios::build_world_spec(hotline::scenarios::load_scenario_file(argv[1]));
  const double days = std::atof(argv[2]);
  const auto runs = static_cast<std::uint32_t>(std::atoi(argv[3]));
  const auto clones = static_cast<std::uint32_t>(std::atoi(argv[4]));
  std::string level_list = argv[5];
  level_list.append(",clash");
  const auto levels = hotline::agents::parse_risk_levels(level_list);
  const std::uint64_t seed = argc > 6 ? std::strtoull(argv[6], nullptr, 10) : 1;
  const auto horizon_steps = static_cast<std::uint64_t>(std::llround(days * 86400.0 / spec.dt_s));
  hotline::agents::WorldSplitting splitting(spec, seed, 0, 0, horizon_steps, levels, {}, true);

  std::vector<EntryState> entries(static_cast<std::size_t>(runs));
  tbb::parallel_for(0u, runs, [&](std::uint32_t i) {
    EntryState& entry = entries[i];
    entry.state = splitting.start();
    entry.reached = splitting.run(entry.state, CounterRng::branch_of(1, i), 1).reached;
  });
  double sum_h = 0.0, sum_h2 = 0.0;
  std::uint32_t reached = 0;
  for (std::uint32_t i = 0; i < runs; ++i) {
    EntryState& entry = entries[i];
    if (!entry.reached) continue;
    std::vector<double> values(static_cast<std::size_t>(clones));
    tbb::parallel_for(0u, clones, [&](std::uint32_t j) {
      WorldState clone = entry.state;
      const auto outcome = splitting.run(clone, CounterRng::branch_of(2 + i, j), 2);
      values[j] = outcome.value;
    });
    for (const double v : values)
      entry.clash_probability += v / clones;
    double squares = 0.0;  // the clones' spread, to take out of h's
    for (const double v : values)
      squares += (v - entry.clash_probability) * (v - entry.clash_probability);
    print_entry(spec, seed, entry);
    ++reached;
    sum_h += entry.clash_probability;
    // h² estimated without bias: the mean's square less its variance.
    sum_h2 += entry.clash_probability * entry.clash_probability - squares / (clones - 1.0) / clones;
  }
  if (reached == 0 || sum_h <= 0.0) {
    std::printf("%u of %u runs reached %s; no clash expected from any\n", reached, runs, argv[5]);
    return 0;
  }
  const double p1 = static_cast<double>(reached) / runs;
  const double mean_h = sum_h / reached;
  const double cv2 = sum_h2 / reached / (mean_h * mean_h) - 1.0;
  std::printf("%u of %u runs reached %s (p1 = %.3f); mean h %.3g, CV2(h) %.2f\n", reached, runs,
              argv[5], p1, mean_h, cv2);
  std::printf("P(clash) ~ p1 * mean h = %.3g\n", p1 * mean_h);
  std::printf("first stage's relative variance x N: %.1f (%.1f if the entry states were alike)\n",
              (1.0 + cv2) / p1 - 1.0, (1.0 - p1) / p1);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "risk_entry_states: %s\n", e.what());
  return 2;
}
