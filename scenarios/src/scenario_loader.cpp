// The top level of a scenario file: which sections there are, the order in
// which they are read, and the small sections (time, output) that need no
// file of their own.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common_readers.hpp"
#include "hotline/scenarios/defaults.hpp"
#include "hotline/scenarios/input_file.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "scenario_root.hpp"
#include "section_readers.hpp"
#include "yaml_text_check.hpp"

namespace hotline::scenarios {

namespace detail {

TimeSettings read_time(const std::optional<Value>& value) {
  TimeSettings time{defaults::kTimeStepS, defaults::kHorizonS};
  if (!value || !value->expect_map({"dt", "horizon"})) return time;
  FieldReader fields(*value);
  fields.optional("dt", time.dt_s, positive_quantity(Dimension::duration, "time step"));
  fields.optional("horizon", time.horizon_s, [dt_s = time.dt_s](const Value& v) {
    auto seconds = v.quantity(Dimension::duration);
    if (seconds && *seconds < dt_s) {
      v.error(fmt::format("the horizon must be at least one time step ({} s)", dt_s));
      return std::optional<double>{};
    }
    return seconds;
  });
  const double steps = std::ceil(time.horizon_s / time.dt_s);
  if (steps > static_cast<double>(defaults::kMaxStepsPerRun)) {
    const auto where =
        value->optional("horizon") ? value->optional("horizon") : value->optional("dt");
    (where ? *where : *value)
        .error(fmt::format("the horizon is {:.0f} time steps of {} s, over the limit of {} steps "
                           "for one run",
                           steps, time.dt_s, defaults::kMaxStepsPerRun));
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
  const auto interval = [dt_s = time.dt_s](const Value& v) { return read_interval(v, dt_s); };
  FieldReader fields(*value);
  fields.optional("state_interval", output.state_interval_s, interval);
  fields.optional("hostility_interval", output.hostility_interval_s, interval);
  return output;
}

}  // namespace detail

using detail::ReadContext;
using detail::Value;
using namespace detail;

namespace {

// The parsed text, or the diagnostics of why it is not a scenario's YAML:
// not UTF-8, not YAML, more than one document, tags, aliases expanding
// without end (yaml_text_check.hpp).
YAML::Node parse(std::string_view yaml, const std::string& file, Diagnostics& diagnostics) {
  if (!check_utf8_text(yaml, file, diagnostics)) throw ScenarioError(diagnostics.sorted());
  std::optional<YAML::Node> document = load_one_yaml_document(std::string(yaml), file, diagnostics);
  // Room for aliases used sensibly; a "billion laughs" is far past it.
  const std::size_t max_nodes = 16 * yaml.size() + 100000;
  if (!document || !check_yaml_document(*document, file, max_nodes, diagnostics)) {
    throw ScenarioError(diagnostics.sorted());
  }
  return *document;
}

std::string read_file_text(const std::string& path) {
  try {
    return read_input_file(path);
  } catch (const InputFileError& e) {
    // Built step by step: GCC 12 warns (falsely) about a braced list here.
    Diagnostics diagnostics;
    diagnostics.add({path, 1, 1}, "", "cannot read the file: " + e.reason());
    throw ScenarioError(diagnostics.sorted());
  }
}

// A scenario file's top-level sections, and where each comes from: the file
// itself, or for a section it does not have, the scenario it is based_on
// (read in that file's own context, so that its positions and relative
// paths are its own).
class Sections {
 public:
  Sections(const Value& top, std::optional<Value> base) : top_(top), base_(std::move(base)) {}

  [[nodiscard]] std::optional<Value> optional(std::string_view key) const {
    if (auto own = top_.optional(key)) return own;
    return base_ ? base_->optional(key) : std::nullopt;
  }
  [[nodiscard]] std::optional<Value> required(std::string_view key) const {
    if (!base_ || top_.optional(key)) return top_.required(key);
    return base_->required(key);
  }

 private:
  const Value& top_;
  std::optional<Value> base_;
};

void read_sections(const Sections& top, ReadContext& context, ReadContext* base_context,
                   Scenario& scenario) {
  {
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
        for (ReadContext* c : {&context, base_context}) {
          if (c == nullptr) continue;
          c->frame = &scenario.frame;
          c->geography = &scenario.geography;
        }
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
}

// based_on: a scenario file (relative to this one) whose sections this one
// takes where it has none of its own. The base must load on its own (its
// own problems are reported as they are); it may not itself be based on
// another, so that what a file means is never more than two files away.
std::optional<YAML::Node> base_of(const Value& top, const std::string& file, std::string& base_path,
                                  Diagnostics& diagnostics) {
  const auto based_on = top.optional("based_on");
  if (!based_on) return std::nullopt;
  const auto text = based_on->text();
  if (!text) return std::nullopt;
  const std::filesystem::path relative(*text);
  base_path =
      relative.is_absolute()
          ? relative.string()
          : (std::filesystem::path(file).parent_path() / relative).lexically_normal().string();
  try {
    (void)load_scenario_file(base_path);
  } catch (const ScenarioError& e) {
    for (const Diagnostic& d : e.diagnostics())
      diagnostics.add(d.where, d.key_path, d.message);
    based_on->error(fmt::format("the base scenario '{}' does not load ({} problem{})", *text,
                                e.diagnostics().size(), e.diagnostics().size() == 1 ? "" : "s"));
    return std::nullopt;
  }
  YAML::Node base = parse(read_file_text(base_path), base_path, diagnostics);
  if (base.IsMap() && base["based_on"].IsDefined()) {
    based_on->error(
        fmt::format("the base scenario '{}' is itself based on another: one level "
                    "only",
                    *text));
    return std::nullopt;
  }
  return base;
}

}  // namespace

Scenario detail::load_scenario_root(const YAML::Node& root, const std::string& file) {
  Diagnostics diagnostics;
  ReadContext context(file, diagnostics);
  if (!root.IsDefined() || root.IsNull()) {
    diagnostics.add({file, 1, 1}, "", "the file is empty");
    throw ScenarioError(diagnostics.sorted());
  }
  Scenario scenario;
  const Value top(root, "", context);
  if (top.expect_map({"based_on", "name", "frame", "geography", "time", "nations", "zones",
                      "points", "bases", "classes", "forces", "exercises", "command_centres",
                      "encounters", "incidents", "escalation", "policies", "output"})) {
    std::string base_path;
    const std::size_t problems_before = diagnostics.size();
    const std::optional<YAML::Node> base = base_of(top, file, base_path, diagnostics);
    ReadContext base_context(base_path, diagnostics);
    std::optional<Value> base_top;
    if (base) base_top.emplace(*base, "", base_context);
    // A base that does not load leaves nothing to read the variant against.
    if (diagnostics.size() == problems_before) {
      read_sections(Sections(top, base_top), context, base ? &base_context : nullptr, scenario);
    }
  }
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.sorted());
  return scenario;
}

YAML::Node detail::parse_scenario_yaml(std::string_view yaml, const std::string& file) {
  Diagnostics diagnostics;
  return parse(yaml, file, diagnostics);
}

Scenario load_scenario_text(std::string_view yaml, const std::string& file) {
  return load_scenario_root(parse_scenario_yaml(yaml, file), file);
}

Scenario load_scenario_file(const std::string& path) {
  return load_scenario_text(read_file_text(path), path);
}

}  // namespace hotline::scenarios
