// What a sweep runs: a scenario file, or an experiment — an experiment file
// (its scenario, factors, design and settings) or a scenario with --vary
// factors. Everything is loaded and checked before any output is touched.
#pragma once

#include <iosfwd>
#include <optional>

#include "common/scenario_input.hpp"
#include "hotline/scenarios/experiment.hpp"
#include "sweep/sweep.hpp"

namespace hotline::cli {

struct SweepInput {
  LoadedScenario loaded;                                  // the scenario swept
  std::optional<scenarios::LoadedExperiment> experiment;  // its design, if any
  SweepOptions options;  // the command's, with an experiment file's settings where it gave none
};

// Prints every problem to `err` and returns nullopt for input that does
// not load: a scenario or experiment with diagnostics, a --vary that does
// not parse or names no scalar, --vary with an experiment file.
[[nodiscard]] std::optional<SweepInput> load_sweep_input(const SweepOptions& options,
                                                         std::ostream& err);

}  // namespace hotline::cli
