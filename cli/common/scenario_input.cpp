#include "common/scenario_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "hotline/scenarios/experiment.hpp"
#include "hotline/scenarios/input_file.hpp"
#include "hotline/scenarios/scenario_paths.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "hotline/trace/command_line.hpp"

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

namespace {

// One --set: the scalar it names and its new text; nullopt (said on
// `err`) for a malformed one or a path the scenario lacks.
std::optional<scenarios::ScalarSetting> parse_setting(const scenarios::ResolvedScenario& resolved,
                                                      const std::string& setting,
                                                      std::ostream& err) {
  const std::size_t equals = setting.find('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == setting.size()) {
    err << fmt::format(
        "hotline: error: --set {}: write PATH=VALUE, e.g. "
        "'policies.hotline.hotline.p_answer.l2=0.9'\n",
        setting);
    return std::nullopt;
  }
  const std::string path = setting.substr(0, equals);
  const std::string value = setting.substr(equals + 1);
  if (!scenarios::split_written_number(value)) {
    err << fmt::format(
        "hotline: error: --set {}: '{}' is not a number (with its unit, "
        "e.g. '6 h')\n",
        setting, value);
    return std::nullopt;
  }
  try {
    return scenarios::ScalarSetting{resolved.find(path), value};
  } catch (const scenarios::ScalarPathError& e) {
    err << fmt::format("hotline: error: --set {}: {}\n", setting, e.what());
    return std::nullopt;
  }
}

}  // namespace

bool apply_settings(LoadedScenario& loaded, const std::vector<std::string>& settings,
                    std::ostream& err) {
  if (settings.empty()) return true;
  const scenarios::ResolvedScenario resolved(loaded.scenario);
  std::vector<scenarios::ScalarSetting> parsed;
  for (const std::string& setting : settings) {
    const auto one = parse_setting(resolved, setting, err);
    if (!one) return false;
    for (const auto& earlier : parsed) {
      if (earlier.scalar == one->scalar) {
        err << fmt::format("hotline: error: --set {}: that value is set twice\n", setting);
        return false;
      }
    }
    parsed.push_back(*one);
  }
  try {
    loaded.scenario = resolved.with(parsed, loaded.path + " with --set");
  } catch (const scenarios::ScenarioError& e) {
    // Positions in the resolved text would point nowhere the user wrote.
    for (const scenarios::Diagnostic& d : e.diagnostics())
      err << fmt::format("hotline: error: --set: {}: {}: {}\n", loaded.path, d.key_path, d.message);
    return false;
  }
  loaded.spec = scenarios::build_world_spec(loaded.scenario);
  return true;
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
    if (i > 0) line += ' ';
    line += trace::shell_word(argv[i]);
  }
  return line;
}

}  // namespace hotline::cli
