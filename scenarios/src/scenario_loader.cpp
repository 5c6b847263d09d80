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

// Ids are what other sections refer to: lower-case letters, digits and '_',
// starting with a letter, so that they read the same everywhere.
bool is_identifier(std::string_view id) {
  if (id.empty() || id.front() < 'a' || id.front() > 'z') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::optional<std::string> read_identifier(const Value& value) {
  auto id = value.text();
  if (id && !is_identifier(*id)) {
    value.error(fmt::format(
        "'{}' is not a valid id: use lower-case letters, digits and '_', starting with a letter",
        *id));
    return std::nullopt;
  }
  return id;
}

std::optional<Relation> parse_relation(const Value& value) {
  const auto text = value.text();
  if (!text) return std::nullopt;
  for (Relation r : {Relation::ally, Relation::neutral, Relation::rival}) {
    if (*text == relation_name(r)) return r;
  }
  std::string message = fmt::format("unknown relation '{}' (one of: ally, neutral, rival)", *text);
  if (auto guess = closest_match(*text, {"ally", "neutral", "rival"}); !guess.empty()) {
    message = fmt::format("unknown relation '{}' (did you mean '{}'?)", *text, guess);
  }
  value.error(std::move(message));
  return std::nullopt;
}

// Nations first, then each nation's relations, which may name any nation.
// A relation not listed is neutral; both sides must state the same relation.
void read_nations(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  std::vector<std::optional<Value>> relation_maps;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "name", "relations"})) continue;
    Nation nation;
    const auto id_value = item.required("id");
    const auto id = id_value ? read_identifier(*id_value) : std::nullopt;
    if (!id) continue;
    if (scenario.nation_index(*id)) {
      id_value->error(fmt::format("duplicate nation id '{}'", *id));
      continue;
    }
    nation.id = *id;
    if (auto name = item.optional("name")) nation.name = name->text().value_or(*id);
    if (nation.name.empty()) nation.name = nation.id;
    scenario.nations.push_back(std::move(nation));
    relation_maps.push_back(item.optional("relations"));
  }

  const std::size_t n = scenario.nations.size();
  std::vector<std::string> ids;
  for (const Nation& nation : scenario.nations)
    ids.push_back(nation.id);
  scenario.relations.assign(n * n, Relation::neutral);
  // Where each relation was stated, to point at it on a mismatch.
  std::vector<std::optional<Value>> stated(n * n);
  for (std::size_t a = 0; a < n; ++a) {
    if (!relation_maps[a]) continue;
    const auto entries = relation_maps[a]->entries();
    if (!entries) continue;
    for (const auto& entry : *entries) {
      const auto b = scenario.nation_index(entry.key);
      if (!b) {
        std::string message = fmt::format("unknown nation '{}'", entry.key);
        if (auto guess = closest_match(entry.key, ids); !guess.empty()) {
          message += fmt::format(" (did you mean '{}'?)", guess);
        }
        entry.value.error_at(entry.key_location, std::move(message));
        continue;
      }
      if (*b == a) {
        entry.value.error_at(entry.key_location, "a nation has no relation to itself");
        continue;
      }
      if (const auto relation = parse_relation(entry.value)) {
        scenario.relations[a * n + *b] = *relation;
        stated[a * n + *b] = entry.value;
      }
    }
  }
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) {
      const Relation ab = scenario.relations[a * n + b];
      const Relation ba = scenario.relations[b * n + a];
      if (ab == ba) continue;
      const std::string& name_a = scenario.nations[a].id;
      const std::string& name_b = scenario.nations[b].id;
      if (stated[a * n + b] && stated[b * n + a]) {
        stated[b * n + a]->error(
            fmt::format("{} lists {} as {}, but {} lists {} as {}: relations must agree", name_b,
                        name_a, relation_name(ba), name_a, name_b, relation_name(ab)));
      } else {
        // Only one side stated it; the other is neutral by default.
        const std::size_t from = stated[a * n + b] ? a : b;
        const std::size_t to = from == a ? b : a;
        stated[from * n + to]->error(fmt::format(
            "{} lists {} as {}, but {} does not list {}: state the relation on both sides",
            scenario.nations[from].id, scenario.nations[to].id,
            relation_name(scenario.relations[from * n + to]), scenario.nations[to].id,
            scenario.nations[from].id));
      }
    }
  }
}

}  // namespace

std::string_view relation_name(Relation relation) {
  switch (relation) {
    case Relation::neutral:
      return "neutral";
    case Relation::ally:
      return "ally";
    case Relation::rival:
      return "rival";
  }
  return "neutral";
}

std::optional<std::size_t> Scenario::nation_index(std::string_view id) const {
  for (std::size_t i = 0; i < nations.size(); ++i) {
    if (nations[i].id == id) return i;
  }
  return std::nullopt;
}

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
  if (top.expect_map({"name", "frame", "time", "nations"})) {
    if (auto name = top.required("name")) {
      if (auto text = name->text()) {
        scenario.name = *text;
        if (text->empty()) name->error("the name must not be empty");
      }
    }
    if (auto frame = top.required("frame")) scenario.frame = read_frame(*frame);
    scenario.time = read_time(top.optional("time"));
    if (auto nations = top.required("nations")) read_nations(*nations, scenario);
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
