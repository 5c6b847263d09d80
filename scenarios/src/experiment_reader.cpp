// Reads an experiment file (experiment.hpp): its sections, its factors'
// paths and values, its design.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include "common_readers.hpp"
#include "experiment_checks.hpp"
#include "hotline/scenarios/experiment.hpp"
#include "hotline/scenarios/input_file.hpp"
#include "scenario_root.hpp"
#include "yaml_text_check.hpp"
#include "yaml_value.hpp"

namespace hotline::scenarios {

using detail::FieldReader;
using detail::ReadContext;
using detail::Value;

namespace {

// The values of one factor must all be written in one unit, the unit of a
// dimension its scalars have (or none for plain numbers).
class FactorUnit {
 public:
  explicit FactorUnit(std::optional<Dimension> dimension) : dimension_(dimension) {}

  // The number `value` holds, its unit checked; nullopt after reporting.
  std::optional<double> read(const Value& value) {
    const std::optional<std::string> text = value.text();
    if (!text) return std::nullopt;
    const std::optional<WrittenNumber> number = split_written_number(*text);
    if (!number) {
      value.error(fmt::format("'{}' is not a number{}", *text, unit_hint()));
      return std::nullopt;
    }
    if (!accepts(value, number->unit)) return std::nullopt;
    if (!unit_) unit_ = number->unit;
    if (*unit_ != number->unit) {
      value.error(fmt::format("write every value of a factor in one unit ('{}' before, '{}' here)",
                              *unit_, number->unit));
      return std::nullopt;
    }
    return number->value;
  }
  [[nodiscard]] std::string unit() const { return unit_.value_or(""); }

 private:
  bool accepts(const Value& value, const std::string& unit) const {
    const std::string why = factor_unit_problem(dimension_, unit);
    if (!why.empty()) value.error(why);
    return why.empty();
  }
  [[nodiscard]] std::string unit_hint() const {
    return dimension_ ? fmt::format(" with a unit of {}", dimension_name(*dimension_)) : "";
  }

  std::optional<Dimension> dimension_;
  std::optional<std::string> unit_;
};

// The scalars a factor's `path:` (one path or a list) names, all of one
// dimension; false after reporting.
bool read_factor_paths(const Value& value, const ResolvedScenario& resolved,
                       ExperimentFactor& factor) {
  std::vector<Value> paths;
  if (value.is_sequence()) {
    if (auto items = value.items()) paths = std::move(*items);
  } else {
    paths.push_back(value);
  }
  if (paths.empty()) value.error("a factor needs at least one path");
  bool ok = !paths.empty();
  for (const Value& path : paths) {
    const std::optional<std::string> text = path.text();
    if (!text) {
      ok = false;
      continue;
    }
    if (const std::string why = refused_factor_path(*text); !why.empty()) {
      path.error(why);
      ok = false;
      continue;
    }
    try {
      const std::size_t scalar = resolved.find(*text);
      const std::optional<Dimension> dimension = resolved.scalars()[scalar].dimension;
      if (!factor.scalars.empty() && dimension != factor.dimension) {
        path.error(
            fmt::format("'{}' measures {}, the factor's first path {}: a factor's paths "
                        "share one dimension",
                        *text, dimension ? dimension_name(*dimension) : "a plain number",
                        factor.dimension ? dimension_name(*factor.dimension) : "a plain number"));
        ok = false;
        continue;
      }
      factor.dimension = dimension;
      factor.scalars.push_back(scalar);
      factor.paths.push_back(*text);
    } catch (const ScalarPathError& e) {
      path.error(e.what());
      ok = false;
    }
  }
  return ok;
}

std::optional<FactorValues> read_value_list(const Value& value, FactorUnit& unit) {
  const auto items = value.items();
  if (!items) return std::nullopt;
  if (items->empty()) {
    value.error("the list of values is empty");
    return std::nullopt;
  }
  ValueList list;
  for (const Value& item : *items) {
    const std::optional<double> v = unit.read(item);
    if (!v) return std::nullopt;
    list.values.push_back(*v);
  }
  return list;
}

// from < to, or an error at the mapping.
bool check_bounds(const Value& value, double from, double to, std::string_view low,
                  std::string_view high) {
  if (from < to) return true;
  value.error(fmt::format("the range is empty: '{}' must be below '{}'", low, high));
  return false;
}

std::optional<FactorValues> read_range(const Value& value, FactorUnit& unit) {
  if (!value.expect_map({"from", "to", "count"})) return std::nullopt;
  double from = 0.0;
  double to = 0.0;
  std::int64_t count = 0;
  FieldReader fields(value);
  const auto number = [&unit](const Value& v) { return unit.read(v); };
  fields.required("from", from, number);
  fields.required("to", to, number);
  fields.optional("count", count, [](const Value& v) { return v.integer(2, kMaxDesignPoints); });
  if (!fields.ok() || !check_bounds(value, from, to, "from", "to")) return std::nullopt;
  if (count == 0) return UniformDistribution{from, to};
  return EvenRange{from, to, static_cast<std::uint32_t>(count)};
}

// The one distribution `value` names, its parameters in the factor's unit.
std::optional<FactorValues> read_distribution(const Value& value, FactorUnit& unit) {
  if (!value.expect_map({"uniform", "loguniform", "normal", "triangular"})) return std::nullopt;
  const auto entries = value.entries();
  if (!entries || entries->size() != 1) {
    value.error("name one distribution: uniform, loguniform, normal or triangular");
    return std::nullopt;
  }
  return read_distribution_parameters(entries->front().key, entries->front().value,
                                      [&unit](const Value& v) { return unit.read(v); });
}

std::optional<ExperimentFactor> read_factor(const Value& item, const ResolvedScenario& resolved) {
  if (!item.expect_map({"path", "name", "values", "range", "distribution", "whole"}))
    return std::nullopt;
  ExperimentFactor factor;
  factor.where = item.location();
  factor.key_path = item.path();
  const std::optional<Value> path = item.required("path");
  if (!path || !read_factor_paths(*path, resolved, factor)) return std::nullopt;
  factor.name = factor.paths.front();
  if (auto name = item.optional("name")) factor.name = name->text().value_or(factor.name);
  if (auto whole = item.optional("whole")) factor.whole = whole->boolean().value_or(false);
  FactorUnit unit(factor.dimension);
  const std::optional<Value> values = item.optional("values");
  const std::optional<Value> range = item.optional("range");
  const std::optional<Value> distribution = item.optional("distribution");
  if ((values ? 1 : 0) + (range ? 1 : 0) + (distribution ? 1 : 0) != 1) {
    item.error("give the factor's values one way: 'values', 'range' or 'distribution'");
    return std::nullopt;
  }
  std::optional<FactorValues> read = values  ? read_value_list(*values, unit)
                                     : range ? read_range(*range, unit)
                                             : read_distribution(*distribution, unit);
  if (!read) return std::nullopt;
  factor.values = std::move(*read);
  factor.unit = unit.unit();
  if (factor.dimension) factor.si_per_unit = si_per_unit(*factor.dimension, factor.unit);
  return factor;
}

std::vector<ExperimentFactor> read_factors(const Value& value, const ResolvedScenario& resolved) {
  std::vector<ExperimentFactor> factors;
  const auto items = value.items();
  if (!items) return factors;
  if (items->empty()) value.error("an experiment needs at least one factor");
  bool ok = true;
  for (const Value& item : *items) {
    std::optional<ExperimentFactor> factor = read_factor(item, resolved);
    ok = ok && factor.has_value();
    if (factor) factors.push_back(std::move(*factor));
  }
  if (!ok) factors.clear();
  return factors;
}

std::optional<DesignSettings> read_design(const std::optional<Value>& value, std::uint64_t seed) {
  DesignSettings design;
  design.seed = seed;
  if (!value) return design;
  if (!value->expect_map({"type", "points", "seed"})) return std::nullopt;
  FieldReader fields(*value);
  std::string type = "full_factorial";
  fields.optional("type", type, [](const Value& v) { return v.text(); });
  fields.optional("points", design.points,
                  [](const Value& v) { return v.integer(2, kMaxDesignPoints); });
  fields.optional("seed", design.seed, [](const Value& v) {
    return v.integer(0, std::numeric_limits<std::int64_t>::max());
  });
  if (!fields.ok()) return std::nullopt;
  const std::optional<DesignType> parsed = parse_design_type(type);
  if (!parsed) {
    value->required("type")->error(
        fmt::format("unknown design '{}': full_factorial, latin_hypercube or nolh", type));
    return std::nullopt;
  }
  design.type = *parsed;
  return design;
}

// The scenario the experiment names, relative to the experiment file.
std::optional<Scenario> read_scenario(const Value& value, const std::string& file,
                                      std::string& scenario_file) {
  const std::optional<std::string> text = value.text();
  if (!text) return std::nullopt;
  const std::filesystem::path relative(*text);
  scenario_file =
      relative.is_absolute()
          ? relative.string()
          : (std::filesystem::path(file).parent_path() / relative).lexically_normal().string();
  try {
    return load_scenario_file(scenario_file);
  } catch (const ScenarioError& e) {
    for (const Diagnostic& d : e.diagnostics())
      value.context().diagnostics.add(d.where, d.key_path, d.message);
    value.error(fmt::format("the scenario '{}' does not load ({} problem{})", *text,
                            e.diagnostics().size(), e.diagnostics().size() == 1 ? "" : "s"));
    return std::nullopt;
  }
}

void read_run_settings(const Value& top, const Scenario& scenario, Experiment& experiment) {
  if (auto policies = top.optional("policies")) {
    experiment.policies = read_policy_ids(*policies, scenario);
  }
  FieldReader fields(top);
  fields.optional("replications", experiment.replications,
                  [](const Value& v) { return v.integer(1, 1000000); });
  fields.optional("days", experiment.days, [](const Value& v) { return v.number(1e-9, 1e6); });
  fields.optional("seed", experiment.seed, [](const Value& v) {
    return v.integer(0, std::numeric_limits<std::int64_t>::max());
  });
}

void read_header(const Value& header, Experiment& experiment) {
  if (!header.expect_map({"name", "description"})) return;
  FieldReader fields(header);
  fields.required("name", experiment.name, [](const Value& v) { return v.text(); });
  fields.optional("description", experiment.description, [](const Value& v) { return v.text(); });
}

}  // namespace

LoadedExperiment load_experiment_file(const std::string& path) {
  std::string text;
  try {
    text = read_input_file(path);
  } catch (const InputFileError& e) {
    Diagnostics diagnostics;
    diagnostics.add({path, 1, 1}, "", "cannot read the file: " + e.reason());
    throw ScenarioError(diagnostics.sorted());
  }
  const YAML::Node root = detail::parse_scenario_yaml(text, path);
  Diagnostics diagnostics;
  ReadContext context(path, diagnostics);
  const Value top(root, "", context);
  LoadedExperiment loaded;
  Experiment& experiment = loaded.experiment;
  experiment.file = path;
  experiment.text = text;
  if (top.expect_map({"experiment", "scenario", "factors", "design", "policies", "replications",
                      "days", "seed"})) {
    if (auto header = top.required("experiment")) read_header(*header, experiment);
    std::optional<Scenario> scenario;
    if (auto file = top.required("scenario"))
      scenario = read_scenario(*file, path, experiment.scenario_file);
    const std::optional<Value> factors = top.required("factors");
    if (scenario && factors) {
      read_run_settings(top, *scenario, experiment);
      auto resolved = std::make_shared<const ResolvedScenario>(*scenario);
      experiment.factors = read_factors(*factors, *resolved);
      const std::optional<DesignSettings> design =
          read_design(top.optional("design"), experiment.seed.value_or(1));
      if (design && !experiment.factors.empty() && diagnostics.empty()) {
        experiment.design = *design;
        design_and_check(experiment, *resolved, diagnostics,
                         top.optional("design").value_or(top).location());
      }
      loaded.scenario = std::move(*scenario);
      loaded.resolved = std::move(resolved);
    }
  }
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.sorted());
  return loaded;
}

bool is_experiment_text(std::string_view text) {
  Diagnostics ignored;
  const std::optional<YAML::Node> document =
      detail::load_one_yaml_document(std::string(text), "", ignored);
  if (!document || !document->IsMap()) return false;
  const YAML::Node& map = *document;  // const: a lookup must not add the key
  return map["experiment"].IsDefined();
}

}  // namespace hotline::scenarios
