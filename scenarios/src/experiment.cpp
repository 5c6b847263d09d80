// Experiments from the command line (--vary) and the scenario of a design
// point (experiment.hpp).
#include "hotline/scenarios/experiment.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <stdexcept>

#include "experiment_checks.hpp"

namespace hotline::scenarios {

std::string factor_value_text(const ExperimentFactor& factor, double value) {
  // fmt's "{}" is the shortest text that reads back as the same double.
  if (factor.unit.empty()) return fmt::format("{}", value);
  return fmt::format("{} {}", value, factor.unit);
}

Scenario experiment_point_scenario(const ResolvedScenario& resolved,
                                   const std::vector<ExperimentFactor>& factors,
                                   const DesignTable& table, std::size_t point) {
  std::vector<ScalarSetting> settings;
  for (std::size_t f = 0; f < factors.size(); ++f)
    for (const std::size_t scalar : factors[f].scalars)
      settings.push_back({scalar, factor_value_text(factors[f], table.at(point, f))});
  return resolved.with(settings, fmt::format("design point {}", point));
}

namespace {

// One written number of a --vary, its unit the same as the others'.
double vary_number(std::string_view text, std::optional<std::string>& unit) {
  const std::optional<WrittenNumber> number = split_written_number(text);
  if (!number) throw std::invalid_argument(fmt::format("'{}' is not a number", text));
  if (unit && *unit != number->unit)
    throw std::invalid_argument(fmt::format(
        "write every value of a factor in one unit ('{}' before, '{}' here)", *unit, number->unit));
  unit = number->unit;
  return number->value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t at = text.find(separator); at != std::string_view::npos;
       at = text.find(separator, start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  return text;
}

// "FROM..TO:COUNT"
EvenRange vary_range(std::string_view values, std::optional<std::string>& unit) {
  const std::size_t dots = values.find("..");
  const std::size_t colon = values.rfind(':');
  if (colon == std::string_view::npos || colon < dots)
    throw std::invalid_argument("a range is written FROM..TO:COUNT, as in '0.1..0.9:5'");
  EvenRange range;
  range.from = vary_number(trim(values.substr(0, dots)), unit);
  range.to = vary_number(trim(values.substr(dots + 2, colon - dots - 2)), unit);
  const std::string count(trim(values.substr(colon + 1)));
  char* end = nullptr;
  const long parsed = std::strtol(count.c_str(), &end, 10);
  if (count.empty() || *end != '\0' || parsed < 2 || parsed > static_cast<long>(kMaxDesignPoints))
    throw std::invalid_argument(
        fmt::format("the count '{}' must be a whole number from 2 to {}", count, kMaxDesignPoints));
  range.count = static_cast<std::uint32_t>(parsed);
  if (!(range.from < range.to))
    throw std::invalid_argument("the range is empty: FROM must be below TO");
  return range;
}

}  // namespace

VaryOption parse_vary_option(std::string_view text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0 || equals + 1 == text.size())
    throw std::invalid_argument(fmt::format(
        "'{}' is not PATH=VALUES (as in 'policies.hotline.hotline.p_answer.l2=0.1,0.5,0.9' or "
        "'forces.ccg_senkaku.count=2..10:5')",
        text));
  VaryOption option;
  option.path = std::string(trim(text.substr(0, equals)));
  const std::string_view values = trim(text.substr(equals + 1));
  std::optional<std::string> unit;
  if (values.find("..") != std::string_view::npos) {
    option.values = vary_range(values, unit);
  } else {
    ValueList list;
    for (const std::string_view part : split(values, ','))
      list.values.push_back(vary_number(trim(part), unit));
    option.values = std::move(list);
  }
  option.unit = unit.value_or("");
  return option;
}

namespace {

// The factor `option` makes, or nullopt after reporting at `where`.
std::optional<ExperimentFactor> vary_factor(const VaryOption& option,
                                            const ResolvedScenario& resolved,
                                            Diagnostics& diagnostics, const SourceLocation& where) {
  const auto refuse = [&](std::string message) {
    diagnostics.add(where, option.path, std::move(message));
    return std::nullopt;
  };
  if (std::string why = refused_factor_path(option.path); !why.empty()) return refuse(why);
  ExperimentFactor factor;
  try {
    factor.scalars.push_back(resolved.find(option.path));
  } catch (const ScalarPathError& e) {
    return refuse(e.what());
  }
  factor.name = option.path;
  factor.paths.push_back(option.path);
  factor.dimension = resolved.scalars()[factor.scalars.front()].dimension;
  if (std::string why = factor_unit_problem(factor.dimension, option.unit); !why.empty())
    return refuse(why);
  factor.unit = option.unit;
  if (factor.dimension) factor.si_per_unit = si_per_unit(*factor.dimension, factor.unit);
  factor.values = option.values;
  factor.where = where;
  factor.key_path = option.path;
  return factor;
}

}  // namespace

LoadedExperiment experiment_from_vary(Scenario scenario, std::string scenario_file,
                                      const std::vector<VaryOption>& vary) {
  LoadedExperiment loaded;
  loaded.resolved = std::make_shared<const ResolvedScenario>(scenario);
  Experiment& experiment = loaded.experiment;
  experiment.file = "--vary";
  experiment.scenario_file = std::move(scenario_file);
  Diagnostics diagnostics;
  if (vary.empty() || vary.size() > 2)
    diagnostics.add({"--vary", 1, 1}, "",
                    "give one or two --vary factors (an experiment file takes more)");
  for (std::size_t i = 0; i < vary.size() && diagnostics.empty(); ++i) {
    const SourceLocation where{"--vary", static_cast<int>(i) + 1, 1};
    if (auto factor = vary_factor(vary[i], *loaded.resolved, diagnostics, where))
      experiment.factors.push_back(std::move(*factor));
  }
  std::vector<std::string> paths;
  for (const VaryOption& option : vary)
    paths.push_back(option.path);
  experiment.name = fmt::format("--vary {}", fmt::join(paths, " × "));
  if (diagnostics.empty())
    design_and_check(experiment, *loaded.resolved, diagnostics, {"--vary", 1, 1});
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.sorted());
  loaded.scenario = std::move(scenario);
  return loaded;
}

}  // namespace hotline::scenarios
