#include "common/scenario_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "hotline/scenarios/experiment.hpp"
#include "hotline/scenarios/input_file.hpp"
#include "hotline/scenarios/world_builder.hpp"

namespace hotline::cli {

std::optional<LoadedScenario> load_scenario_input(const std::string& path, std::ostream& err) {
  LoadedScenario loaded;
  loaded.path = path;
  try {
    if (scenarios::is_experiment_text(scenarios::read_input_file(path))) {
      err << fmt::format(
          "hotline: error: {}: an experiment file, not a scenario: `hotline sweep {}` runs it\n",
          path, path);
      return std::nullopt;
    }
  } catch (const scenarios::InputFileError&) {
    // The loader says what is wrong with the file.
  }
  try {
    loaded.scenario = scenarios::load_scenario_file(path);
  } catch (const scenarios::ScenarioError& e) {
    for (const scenarios::Diagnostic& d : e.diagnostics())
      err << d.format() << '\n';
    return std::nullopt;
  }
  try {
    loaded.text = scenarios::read_input_file(path);  // as the loader read it
  } catch (const scenarios::InputFileError& e) {
    err << "hotline: error: " << e.what() << '\n';
    return std::nullopt;
  }
  loaded.spec = scenarios::build_world_spec(loaded.scenario);
  return loaded;
}

std::optional<std::size_t> find_policy(const LoadedScenario& loaded, const std::string& id,
                                       std::ostream& err) {
  const auto& policies = loaded.spec.policies;
  const auto found = std::find_if(policies.begin(), policies.end(),
                                  [&](const agents::Policy& p) { return p.id == id; });
  if (found != policies.end()) return static_cast<std::size_t>(found - policies.begin());
  std::string known;
  for (const agents::Policy& p : policies)
    known += (known.empty() ? "" : ", ") + p.id;
  err << fmt::format("{}: error: no policy '{}' (the scenario's policies: {})\n", loaded.path, id,
                     known);
  return std::nullopt;
}

std::string quoted_command_line(int argc, const char* const* argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool plain = !arg.empty()
                       && arg.find_first_not_of(
                              "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                              "0123456789-_./=:,+@%")
                              == std::string_view::npos;
    if (i > 0) line += ' ';
    if (plain) {
      line += arg;
    } else {
      line += '\'';
      for (const char c : arg) {
        if (c == '\'') {
          line += "'\\''";
        } else {
          line += c;
        }
      }
      line += '\'';
    }
  }
  return line;
}

}  // namespace hotline::cli
