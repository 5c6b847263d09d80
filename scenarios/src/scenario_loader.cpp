// The top level of a scenario file: which sections there are, the order in
// which they are read, and the small sections (time, output) that need no
// file of their own.
#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "hotline/scenarios/defaults.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios {

namespace detail {

TimeSettings read_time(const std::optional<Value>& value) {
  TimeSettings time{defaults::kTimeStepS, defaults::kHorizonS};
  if (!value || !value->expect_map({"dt", "horizon"})) return time;
  if (auto dt = value->optional("dt")) {
    if (auto seconds = dt->quantity(Dimension::duration)) {
      if (*seconds <= 0.0) {
        dt->error("the time step must be positive");
      } else {
        time.dt_s = *seconds;
      }
    }
  }
  if (auto horizon = value->optional("horizon")) {
    if (auto seconds = horizon->quantity(Dimension::duration)) {
      if (*seconds < time.dt_s) {
        horizon->error(fmt::format("the horizon must be at least one time step ({} s)", time.dt_s));
      } else {
        time.horizon_s = *seconds;
      }
    }
  }
  return time;
}

namespace {

// A sampling interval: 0 s (off) or a whole multiple of the time step.
std::optional<double> read_interval(const Value& value, double dt_s) {
  const auto seconds = value.quantity(Dimension::duration);
  if (!seconds) return std::nullopt;
  if (*seconds < 0.0) {
    value.error("the interval must be zero (off) or positive");
    return std::nullopt;
  }
  const double steps = *seconds / dt_s;
  if (steps != std::round(steps)) {
    value.error(fmt::format("the interval must be a whole number of time steps ({} s)", dt_s));
    return std::nullopt;
  }
  return seconds;
}

}  // namespace

OutputSettings read_output(const std::optional<Value>& value, const TimeSettings& time) {
  // The default hostility interval, rounded up to whole time steps.
  OutputSettings output{defaults::kStateIntervalS,
                        std::ceil(defaults::kHostilityIntervalS / time.dt_s) * time.dt_s};
  if (!value || !value->expect_map({"state_interval", "hostility_interval"})) return output;
  if (auto v = value->optional("state_interval")) {
    output.state_interval_s = read_interval(*v, time.dt_s).value_or(output.state_interval_s);
  }
  if (auto v = value->optional("hostility_interval")) {
    output.hostility_interval_s =
        read_interval(*v, time.dt_s).value_or(output.hostility_interval_s);
  }
  return output;
}

}  // namespace detail

using detail::ReadContext;
using detail::Value;
using namespace detail;

Scenario load_scenario_text(std::string_view yaml, const std::string& file) {
  Diagnostics diagnostics;
  ReadContext context{file, diagnostics, {}};
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    // yaml-cpp counts from 0 and may give -1 where it has no position. Its
    // depth guard reports only "bad file"; say what it means.
    const bool too_deep = dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr;
    diagnostics.add({file, std::max(1, e.mark.line + 1), std::max(1, e.mark.column + 1)}, "",
                    too_deep ? "not valid YAML: nested too deeply (more than 2000 levels)"
                             : fmt::format("not valid YAML: {}", e.msg));
    throw ScenarioError(diagnostics.sorted());
  }
  if (!root.IsDefined() || root.IsNull()) {
    diagnostics.add({file, 1, 1}, "", "the file is empty");
    throw ScenarioError(diagnostics.sorted());
  }

  Scenario scenario;
  const Value top(root, "", context);
  if (top.expect_map({"name", "frame", "geography", "time", "nations", "zones", "points", "bases",
                      "classes", "forces", "exercises", "command_centres", "encounters",
                      "incidents", "escalation", "policies", "output"})) {
    if (auto name = top.required("name")) {
      if (auto text = name->text()) {
        scenario.name = *text;
        if (text->empty()) name->error("the name must not be empty");
      }
    }
    // The frame and the land first: every place read after is checked
    // against them.
    if (auto frame = top.required("frame")) {
      const std::size_t problems_before = context.diagnostics.size();
      scenario.frame = read_frame(*frame);
      if (context.diagnostics.size() == problems_before) {
        scenario.geography = read_geography(top.optional("geography"), *frame, scenario.frame);
        context.frame = &scenario.frame;
        context.geography = &scenario.geography;
      }
    }
    scenario.time = read_time(top.optional("time"));
    // Nations first: the other sections refer to them.
    if (auto nations = top.required("nations")) read_nations(*nations, scenario);
    if (auto zones = top.optional("zones")) read_zones(*zones, scenario);
    if (auto points = top.optional("points")) read_points(*points, scenario);
    if (auto bases = top.optional("bases")) read_bases(*bases, scenario);
    if (auto classes = top.optional("classes")) read_classes(*classes, scenario);
    // Forces name classes and places; exercises and command centres name
    // forces; policies name command centres and need the exercises.
    std::vector<std::optional<Value>> deploy_on_values;
    if (auto forces = top.optional("forces")) read_forces(*forces, scenario, deploy_on_values);
    read_exercises(top.optional("exercises"), scenario, deploy_on_values);
    if (auto centres = top.optional("command_centres")) read_command_centres(*centres, scenario);
    scenario.encounters = read_encounters(top.optional("encounters"));
    scenario.incidents = read_incidents(top.optional("incidents"));
    scenario.escalation = read_escalation(top.optional("escalation"), scenario);
    read_policies(top.optional("policies"), scenario);
    scenario.output = read_output(top.optional("output"), scenario.time);
  }
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.sorted());
  return scenario;
}

Scenario load_scenario_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    // Built step by step: GCC 12 warns (falsely) about a braced list here.
    Diagnostics diagnostics;
    diagnostics.add({path, 1, 1}, "", "cannot read the file");
    throw ScenarioError(diagnostics.sorted());
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_scenario_text(text.str(), path);
}

}  // namespace hotline::scenarios
