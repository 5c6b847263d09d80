// The checks of an experiment against its scenario (experiment_checks.hpp).
#include "experiment_checks.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hotline::scenarios {

using detail::Value;

std::string refused_factor_path(const std::string& path) {
  const auto starts = [&path](std::string_view prefix) { return path.rfind(prefix, 0) == 0; };
  if (starts("time."))
    return fmt::format(
        "'{}' cannot be a factor: the time step and horizon are the same at every design point "
        "of a sweep (set the horizon with 'days:')",
        path);
  if (starts("output."))
    return fmt::format(
        "'{}' cannot be a factor: what a run records is the same at every design point of a "
        "sweep",
        path);
  return "";
}

std::string factor_unit_problem(std::optional<Dimension> dimension, const std::string& unit) {
  if (!dimension) {
    if (unit.empty()) return "";
    return fmt::format("the value varied is a plain number: write it without '{}'", unit);
  }
  if (!unit.empty() && parse_quantity(fmt::format("1 {}", unit), *dimension).value) return "";
  return fmt::format("the value varied is a {}: give it a unit ({}), as in '{}'",
                     dimension_name(*dimension), accepted_units(*dimension),
                     example_value(*dimension));
}

std::vector<std::string> read_policy_ids(const Value& value, const Scenario& scenario) {
  std::vector<std::string> ids;
  const auto items = value.items();
  if (!items) return ids;
  if (items->empty()) value.error("the list of policies is empty (leave it out for every policy)");
  std::vector<std::string> known;
  for (const Policy& policy : scenario.policies)
    known.push_back(policy.id);
  for (const Value& item : *items) {
    const std::optional<std::string> id = item.text();
    if (!id) continue;
    if (std::find(known.begin(), known.end(), *id) == known.end()) {
      const std::string close = closest_match(*id, known);
      item.error(fmt::format("the scenario has no policy '{}'{}", *id,
                             close.empty() ? "" : fmt::format(" (did you mean '{}'?)", close)));
      continue;
    }
    if (std::find(ids.begin(), ids.end(), *id) != ids.end()) {
      item.error(fmt::format("policy '{}' is listed twice", *id));
      continue;
    }
    ids.push_back(*id);
  }
  return ids;
}

namespace {

using ReadNumber = std::function<std::optional<double>(const Value&)>;

// The parameters `keys` of a distribution, in order; nullopt after reporting.
std::optional<std::vector<double>> read_parameters(const Value& value,
                                                   std::initializer_list<std::string_view> keys,
                                                   const ReadNumber& read_number) {
  if (!value.expect_map(keys)) return std::nullopt;
  std::vector<double> parameters;
  bool ok = true;
  for (const std::string_view key : keys) {
    const std::optional<Value> v = value.required(key);
    const std::optional<double> number = v ? read_number(*v) : std::nullopt;
    ok = ok && number.has_value();
    parameters.push_back(number.value_or(0.0));
  }
  if (!ok) return std::nullopt;
  return parameters;
}

}  // namespace

std::optional<FactorValues> read_distribution_parameters(const std::string& name,
                                                         const Value& value,
                                                         const ReadNumber& read_number) {
  if (name == "uniform" || name == "loguniform") {
    const auto p = read_parameters(value, {"from", "to"}, read_number);
    if (!p) return std::nullopt;
    if ((*p)[0] >= (*p)[1]) {
      value.error("the range is empty: 'from' must be below 'to'");
      return std::nullopt;
    }
    if (name == "uniform") return UniformDistribution{(*p)[0], (*p)[1]};
    if ((*p)[0] <= 0.0) {
      value.error("a log-uniform distribution needs 'from' above 0");
      return std::nullopt;
    }
    return LogUniformDistribution{(*p)[0], (*p)[1]};
  }
  if (name == "normal") {
    const auto p = read_parameters(value, {"mean", "sd"}, read_number);
    if (!p) return std::nullopt;
    if (!((*p)[1] > 0.0)) {
      value.error("a normal distribution needs 'sd' above 0");
      return std::nullopt;
    }
    return NormalDistribution{(*p)[0], (*p)[1]};
  }
  const auto p = read_parameters(value, {"min", "mode", "max"}, read_number);
  if (!p) return std::nullopt;
  const auto [min, mode, max] = std::tuple((*p)[0], (*p)[1], (*p)[2]);
  if (!(min <= mode && mode <= max && min < max)) {
    value.error("a triangular distribution needs min <= mode <= max and min < max");
    return std::nullopt;
  }
  return TriangularDistribution{min, mode, max};
}

namespace {

// Every value factor `f` takes in the table (whole factors rounded first).
std::vector<double> values_taken(const DesignTable& table, std::size_t f) {
  std::vector<double> values;
  for (std::size_t p = 0; p < table.points(); ++p)
    values.push_back(table.at(p, f));
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

// The values of factor `f` worth trying on the scenario: every level of a
// list or range, the extremes of a sampled factor.
std::vector<double> values_to_try(const ExperimentFactor& factor, const DesignTable& table,
                                  std::size_t f) {
  std::vector<double> taken = values_taken(table, f);
  if (level_count(factor.values) > 0 || taken.size() <= 2) return taken;
  return {taken.front(), taken.back()};
}

// The scenario with factor `factor` at `value`, every other scalar as
// resolved: the message of the loader's first complaint, or "".
std::string refusal(const ResolvedScenario& resolved, const ExperimentFactor& factor,
                    double value) {
  std::vector<ScalarSetting> settings;
  for (const std::size_t scalar : factor.scalars)
    settings.push_back({scalar, factor_value_text(factor, value)});
  try {
    (void)resolved.with(settings, "experiment");
    return "";
  } catch (const ScenarioError& e) {
    const Diagnostic& first = e.diagnostics().front();
    return first.key_path.empty() ? first.message
                                  : fmt::format("{}: {}", first.key_path, first.message);
  }
}

}  // namespace

void design_and_check(Experiment& experiment, const ResolvedScenario& resolved,
                      Diagnostics& diagnostics, const SourceLocation& design_at) {
  std::vector<FactorValues> values;
  for (const ExperimentFactor& factor : experiment.factors)
    values.push_back(factor.values);
  try {
    experiment.table = make_design(values, experiment.design);
  } catch (const std::invalid_argument& e) {
    diagnostics.add(design_at, "design", e.what());
    return;
  }
  for (std::size_t f = 0; f < experiment.factors.size(); ++f) {
    if (!experiment.factors[f].whole) continue;
    for (std::size_t p = 0; p < experiment.table.points(); ++p)
      experiment.table.values[p * experiment.table.factors + f] =
          std::round(experiment.table.at(p, f));
  }
  if (experiment.factors.size() > 1)
    experiment.table.max_abs_correlation = max_abs_column_correlation(experiment.table);
  for (std::size_t f = 0; f < experiment.factors.size(); ++f) {
    const ExperimentFactor& factor = experiment.factors[f];
    const std::vector<double> values_tried = values_to_try(factor, experiment.table, f);
    // Each value is a load of the scenario (milliseconds): a factor of a
    // thousand levels is tried on every core. The first refused value in
    // order is reported, whichever thread found it.
    std::vector<std::string> why(values_tried.size());
    tbb::parallel_for(std::size_t{0}, values_tried.size(),
                      [&](std::size_t i) { why[i] = refusal(resolved, factor, values_tried[i]); });
    for (std::size_t i = 0; i < values_tried.size(); ++i) {
      if (why[i].empty()) continue;
      diagnostics.add(factor.where, factor.key_path,
                      fmt::format("the scenario refuses {} = {}: {}", factor.name,
                                  factor_value_text(factor, values_tried[i]), why[i]));
      break;
    }
  }
}

}  // namespace hotline::scenarios
