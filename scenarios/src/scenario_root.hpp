// The scenario loader's two halves, for readers that hold a parsed document
// already (an experiment's design points are the resolved scenario's tree
// with some scalars changed, read without writing and parsing text again).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "hotline/scenarios/scenario.hpp"

namespace hotline::scenarios::detail {

// The text's one YAML document, checked as a scenario's text is (UTF-8, one
// document, core tags, no alias bombs). Throws ScenarioError.
[[nodiscard]] YAML::Node parse_scenario_yaml(std::string_view yaml, const std::string& file);

// Reads and validates a parsed scenario document; `file` names it in
// diagnostics and anchors its relative paths. Throws ScenarioError.
[[nodiscard]] Scenario load_scenario_root(const YAML::Node& root, const std::string& file);

}  // namespace hotline::scenarios::detail
