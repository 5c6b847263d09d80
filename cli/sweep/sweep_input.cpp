#include "sweep/sweep_input.hpp"

#include <ostream>
#include <stdexcept>

#include "hotline/scenarios/input_file.hpp"
#include "hotline/scenarios/world_builder.hpp"

namespace hotline::cli {

namespace {

void print(const scenarios::ScenarioError& e, std::ostream& err) {
  for (const scenarios::Diagnostic& d : e.diagnostics())
    err << d.format() << '\n';
}

// The experiment file's policies, replications, days and seed, where the
// command line gave none of its own.
SweepOptions with_experiment_settings(SweepOptions options,
                                      const scenarios::Experiment& experiment) {
  if (options.policies.empty()) options.policies = experiment.policies;
  if (!options.replications_given && experiment.replications)
    options.replications = *experiment.replications;
  if (!options.days && experiment.days) options.days = experiment.days;
  if (!options.seed_given && experiment.seed) options.seed = *experiment.seed;
  return options;
}

std::optional<SweepInput> load_experiment_input(const SweepOptions& options, std::ostream& err) {
  if (!options.vary.empty()) {
    err << "hotline: error: " << options.scenario
        << ": an experiment file names its factors itself: leave out --vary\n";
    return std::nullopt;
  }
  SweepInput input;
  try {
    input.experiment = scenarios::load_experiment_file(options.scenario);
  } catch (const scenarios::ScenarioError& e) {
    print(e, err);
    return std::nullopt;
  }
  LoadedScenario& loaded = input.loaded;
  loaded.path = input.experiment->experiment.scenario_file;
  try {
    loaded.text = scenarios::read_input_file(loaded.path);
  } catch (const scenarios::InputFileError& e) {
    err << "hotline: error: " << e.what() << '\n';
    return std::nullopt;
  }
  loaded.scenario = input.experiment->scenario;
  loaded.spec = scenarios::build_world_spec(loaded.scenario);
  input.options = with_experiment_settings(options, input.experiment->experiment);
  return input;
}

std::optional<SweepInput> load_vary_input(const SweepOptions& options, std::ostream& err) {
  std::optional<LoadedScenario> loaded = load_scenario_input(options.scenario, err);
  if (!loaded) return std::nullopt;
  SweepInput input;
  input.options = options;
  if (!options.vary.empty()) {
    std::vector<scenarios::VaryOption> vary;
    for (const std::string& text : options.vary) {
      try {
        vary.push_back(scenarios::parse_vary_option(text));
      } catch (const std::invalid_argument& e) {
        err << "hotline: error: --vary " << e.what() << '\n';
        return std::nullopt;
      }
    }
    try {
      input.experiment = scenarios::experiment_from_vary(loaded->scenario, loaded->path, vary);
    } catch (const scenarios::ScenarioError& e) {
      print(e, err);
      return std::nullopt;
    }
  }
  input.loaded = std::move(*loaded);
  return input;
}

}  // namespace

std::optional<SweepInput> load_sweep_input(const SweepOptions& options, std::ostream& err) {
  std::string text;
  try {
    text = scenarios::read_input_file(options.scenario);
  } catch (const scenarios::InputFileError&) {
    // The scenario loader says what is wrong with the file, as for a run.
    return load_vary_input(options, err);
  }
  if (scenarios::is_experiment_text(text)) return load_experiment_input(options, err);
  return load_vary_input(options, err);
}

}  // namespace hotline::cli
