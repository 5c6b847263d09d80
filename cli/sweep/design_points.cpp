#include "sweep/design_points.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "hotline/scenarios/world_builder.hpp"

namespace hotline::cli {

DesignPoints::DesignPoints(std::shared_ptr<const scenarios::ResolvedScenario> resolved,
                           std::vector<scenarios::ExperimentFactor> factors,
                           scenarios::DesignTable table, std::size_t kept)
    : resolved_(std::move(resolved)),
      factors_(std::move(factors)),
      table_(std::move(table)),
      kept_(std::max<std::size_t>(kept, 1)) {}

std::string DesignPoints::describe(std::uint32_t point) const {
  std::string text;
  for (std::size_t f = 0; f < factors_.size(); ++f) {
    text += fmt::format("{}{} = {}", f ? ", " : "", factors_[f].name,
                        scenarios::factor_value_text(factors_[f], table_.at(point, f)));
  }
  return text;
}

std::shared_ptr<const agents::WorldSpec> DesignPoints::build(std::uint32_t point) const {
  const auto start = std::chrono::steady_clock::now();
  try {
    auto spec = std::make_shared<const agents::WorldSpec>(scenarios::build_world_spec(
        scenarios::experiment_point_scenario(*resolved_, factors_, table_, point)));
    build_ns_ += std::chrono::duration_cast<std::chrono::nanoseconds>(
                     std::chrono::steady_clock::now() - start)
                     .count();
    ++built_;
    return spec;
  } catch (const scenarios::ScenarioError& e) {
    const scenarios::Diagnostic& first = e.diagnostics().front();
    throw std::runtime_error(
        fmt::format("design point {} ({}): the scenario refuses it: {}{}", point, describe(point),
                    first.key_path.empty() ? "" : first.key_path + ": ", first.message));
  }
}

std::shared_ptr<const agents::WorldSpec> DesignPoints::spec(std::uint32_t point) const {
  std::promise<std::shared_ptr<const agents::WorldSpec>> promise;
  Built built;
  bool ours = false;
  {
    const std::lock_guard lock(mutex_);
    for (auto it = recent_.begin(); it != recent_.end(); ++it) {
      if (it->first != point) continue;
      recent_.splice(recent_.begin(), recent_, it);
      built = it->second;
      break;
    }
    if (!built.valid()) {
      built = promise.get_future().share();
      recent_.emplace_front(point, built);
      if (recent_.size() > kept_) recent_.pop_back();
      ours = true;
    }
  }
  // Built outside the lock: other points go on meanwhile, and a run of this
  // point waits on the future.
  if (ours) {
    try {
      promise.set_value(build(point));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  }
  return built.get();
}

trace::DesignIdentity design_identity(const scenarios::Experiment& experiment) {
  trace::DesignIdentity design;
  design.name = experiment.name;
  design.description = experiment.description;
  design.file = experiment.file;
  design.text = experiment.text;
  design.type = std::string(scenarios::design_type_name(experiment.design.type));
  design.seed = experiment.design.seed;
  design.max_abs_correlation = experiment.table.max_abs_correlation;
  for (const scenarios::ExperimentFactor& f : experiment.factors) {
    design.factors.push_back({f.name, f.paths, f.unit,
                              std::string(scenarios::si_unit_name(f.dimension)), f.si_per_unit,
                              f.whole});
  }
  design.values = experiment.table.values;
  return design;
}

std::shared_ptr<const DesignPoints> points_from_identity(const trace::DesignIdentity& design,
                                                         const scenarios::Scenario& scenario,
                                                         const std::string& where,
                                                         std::size_t kept) {
  auto resolved = std::make_shared<const scenarios::ResolvedScenario>(scenario);
  std::vector<scenarios::ExperimentFactor> factors;
  for (const trace::DesignFactor& d : design.factors) {
    scenarios::ExperimentFactor f;
    f.name = d.name;
    f.paths = d.paths;
    f.unit = d.unit;
    f.si_per_unit = d.si_per_unit;
    f.whole = d.whole;
    for (const std::string& path : d.paths) {
      try {
        f.scalars.push_back(resolved->find(path));
      } catch (const scenarios::ScalarPathError& e) {
        throw std::runtime_error(
            fmt::format("{}: design factor '{}': {}", where, d.name, e.what()));
      }
    }
    f.dimension = resolved->scalars()[f.scalars.front()].dimension;
    factors.push_back(std::move(f));
  }
  scenarios::DesignTable table;
  table.factors = factors.size();
  table.values = design.values;
  table.max_abs_correlation = design.max_abs_correlation;
  return std::make_shared<const DesignPoints>(std::move(resolved), std::move(factors),
                                              std::move(table), kept);
}

}  // namespace hotline::cli
