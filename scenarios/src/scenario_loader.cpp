#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "hotline/scenarios/defaults.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "yaml_value.hpp"

namespace hotline::scenarios {

namespace {

using detail::ReadContext;
using detail::Value;

GeoPoint read_geo_point(const Value& value) {
  GeoPoint point;
  if (!value.expect_map({"lat", "lon"})) return point;
  if (auto lat = value.required("lat")) point.lat_deg = lat->number(-90.0, 90.0).value_or(0.0);
  if (auto lon = value.required("lon")) point.lon_deg = lon->number(-180.0, 180.0).value_or(0.0);
  return point;
}

Frame read_frame(const Value& value) {
  Frame frame;
  if (!value.expect_map({"centre"})) return frame;
  if (auto centre = value.required("centre")) frame.centre = read_geo_point(*centre);
  return frame;
}

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

}  // namespace

Scenario load_scenario_text(std::string_view yaml, const std::string& file) {
  Diagnostics diagnostics;
  ReadContext context{file, diagnostics};
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    diagnostics.add({file, e.mark.line + 1, e.mark.column + 1}, "",
                    fmt::format("not valid YAML: {}", e.msg));
    throw ScenarioError(diagnostics.sorted());
  }
  if (!root.IsDefined() || root.IsNull()) {
    diagnostics.add({file, 1, 1}, "", "the file is empty");
    throw ScenarioError(diagnostics.sorted());
  }

  Scenario scenario;
  const Value top(root, "", context);
  if (top.expect_map({"name", "frame", "time"})) {
    if (auto name = top.required("name")) {
      if (auto text = name->text()) {
        scenario.name = *text;
        if (text->empty()) name->error("the name must not be empty");
      }
    }
    if (auto frame = top.required("frame")) scenario.frame = read_frame(*frame);
    scenario.time = read_time(top.optional("time"));
  }
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.sorted());
  return scenario;
}

Scenario load_scenario_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ScenarioError({Diagnostic{{path, 1, 1}, "", "cannot read the file"}});
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_scenario_text(text.str(), path);
}

}  // namespace hotline::scenarios
