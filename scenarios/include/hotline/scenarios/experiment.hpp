// Experiments: a scenario, the factors to vary in it, the design that
// combines their values into points, the policies and the replications
// (docs/experiments.md).
//
// An experiment file is YAML read as strictly as a scenario (file:line:
// column for every problem); `hotline sweep SCENARIO --vary PATH=VALUES`
// makes the same Experiment from the command line. Loading one checks every
// factor's path against the resolved scenario and every value a factor
// takes (each listed or range level, the extremes of a sampled one) with
// the scenario loader, so that a wrong unit or an out-of-range value is
// refused before anything runs. A design point's scenario is the resolved
// scenario with its factors' values written in, read by the loader
// (ResolvedScenario::with).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/scenarios/designs.hpp"
#include "hotline/scenarios/diagnostics.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/scenario_paths.hpp"
#include "hotline/scenarios/units.hpp"

namespace hotline::scenarios {

struct ExperimentFactor {
  std::string name;                  // a column name: `name:`, else the (first) path
  std::vector<std::string> paths;    // one or more scalars set to the same value
  std::vector<std::size_t> scalars;  // their indices in the ResolvedScenario
  std::string unit;                  // as the values are written; "" for plain numbers
  std::optional<Dimension> dimension;
  double si_per_unit = 1.0;
  bool whole = false;  // values rounded to whole numbers (counts)
  FactorValues values;
  SourceLocation where;  // the factor's entry, for messages
  std::string key_path;  // and its key path: "factors[2]", or the --vary path
};

struct Experiment {
  std::string name;
  std::string description;
  std::string file;           // the experiment file, or "--vary"
  std::string text;           // its text ("" from the command line)
  std::string scenario_file;  // as written, relative to the experiment file resolved
  std::vector<ExperimentFactor> factors;
  DesignSettings design;
  DesignTable table;                  // values in each factor's unit, whole ones rounded
  std::vector<std::string> policies;  // ids; empty: every policy
  std::optional<std::uint32_t> replications;
  std::optional<double> days;
  std::optional<std::uint64_t> seed;

  [[nodiscard]] std::size_t points() const { return table.points(); }
};

// An experiment with its scenario loaded and resolved.
struct LoadedExperiment {
  Experiment experiment;
  Scenario scenario;
  std::shared_ptr<const ResolvedScenario> resolved;
};

// True when YAML text is an experiment (its top level has `experiment:`)
// rather than a scenario. Text that is not YAML is not an experiment.
[[nodiscard]] bool is_experiment_text(std::string_view text);

// Reads, checks and designs an experiment file. Throws ScenarioError with
// every problem found, in the experiment file or in its scenario.
[[nodiscard]] LoadedExperiment load_experiment_file(const std::string& path);

// A factor given on the command line: "PATH=V1,V2,..." or
// "PATH=FROM..TO:COUNT" (values with their units: "answer_delay.median=1 h,6 h").
struct VaryOption {
  std::string path;
  FactorValues values;
  std::string unit;
};
// Parses one --vary; throws std::invalid_argument saying what is wrong.
[[nodiscard]] VaryOption parse_vary_option(std::string_view text);

// The full factorial of up to two --vary factors on a loaded scenario.
// Throws ScenarioError (file "--vary") for a path or value it refuses.
[[nodiscard]] LoadedExperiment experiment_from_vary(Scenario scenario, std::string scenario_file,
                                                    const std::vector<VaryOption>& vary);

// The text a factor's value is written as in the scenario ("6 h", "0.3").
[[nodiscard]] std::string factor_value_text(const ExperimentFactor& factor, double value);

// Design point `point`'s scenario. Throws ScenarioError, its diagnostics
// naming the point and the factors' values, when the loader refuses it.
[[nodiscard]] Scenario experiment_point_scenario(const ResolvedScenario& resolved,
                                                 const std::vector<ExperimentFactor>& factors,
                                                 const DesignTable& table, std::size_t point);

}  // namespace hotline::scenarios
