#include "validate/validate.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>
#include <ostream>

#include "common/exit_codes.hpp"
#include "hotline/scenarios/experiment.hpp"
#include "hotline/scenarios/input_file.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/scenario_paths.hpp"
#include "hotline/scenarios/text_safety.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "validate/stability_check.hpp"

namespace hotline::cli {

namespace {

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string summary(const scenarios::Scenario& s) {
  std::uint64_t platforms = 0;
  for (const scenarios::Force& force : s.forces)
    platforms += force.count;
  std::string policies;
  for (const scenarios::Policy& policy : s.policies)
    policies += (policies.empty() ? "" : ", ") + policy.id;
  return fmt::format(
      "ok: \"{}\", {}, {}, {} ({}), {}, {} ({})", scenarios::printable(s.name),
      plural(s.nations.size(), "nation", "nations"), plural(s.zones.size(), "zone", "zones"),
      plural(s.forces.size(), "force", "forces"), plural(platforms, "platform", "platforms"),
      plural(s.command_centres.size(), "command centre", "command centres"),
      plural(s.policies.size(), "policy", "policies"), policies);
}

// Every numeric scalar a factor can vary: path, value, dimension.
void print_paths(const scenarios::Scenario& scenario, std::ostream& out) {
  const scenarios::ResolvedScenario resolved(scenario);
  std::size_t width = 0;
  for (const scenarios::ScenarioScalar& scalar : resolved.scalars())
    width = std::max(width, scalar.path.size());
  for (const scenarios::ScenarioScalar& scalar : resolved.scalars()) {
    out << fmt::format("{:<{}}  {:<24}  {}\n", scalar.path, width, scalar.text,
                       scalar.dimension ? scenarios::dimension_name(*scalar.dimension)
                                        : std::string_view("number"));
  }
}

std::string experiment_summary(const scenarios::LoadedExperiment& loaded) {
  const scenarios::Experiment& e = loaded.experiment;
  std::vector<std::string> names;
  for (const scenarios::ExperimentFactor& f : e.factors)
    names.push_back(f.name);
  std::string design(scenarios::design_type_name(e.design.type));
  if (e.factors.size() > 1)
    design += fmt::format(", largest |correlation| {:.3f}", e.table.max_abs_correlation);
  return fmt::format("ok: experiment \"{}\", {} ({}), {} ({}), on {}", scenarios::printable(e.name),
                     plural(e.factors.size(), "factor", "factors"), fmt::join(names, ", "),
                     plural(e.points(), "design point", "design points"), design,
                     summary(loaded.scenario).substr(4));  // without its "ok: "
}

// The design's points, one line each: the point, then each factor's value
// as the scenario gets it.
void print_design(const scenarios::Experiment& e, std::ostream& out) {
  out << "point";
  for (const scenarios::ExperimentFactor& f : e.factors)
    out << '\t' << f.name;
  out << '\n';
  for (std::size_t p = 0; p < e.points(); ++p) {
    out << p;
    for (std::size_t f = 0; f < e.factors.size(); ++f)
      out << '\t' << scenarios::factor_value_text(e.factors[f], e.table.at(p, f));
    out << '\n';
  }
}

// An experiment file: its summary; --explain the design's points, --paths
// its scenario's factor paths.
void validate_experiment(const std::string& file, ValidateOutput output, std::ostream& out,
                         std::ostream& err) {
  const scenarios::LoadedExperiment loaded = scenarios::load_experiment_file(file);
  if (output == ValidateOutput::summary) {
    out << file << ": " << experiment_summary(loaded) << '\n';
    return;
  }
  if (output == ValidateOutput::paths) {
    print_paths(loaded.scenario, out);
  } else {
    print_design(loaded.experiment, out);
  }
  err << file << ": " << experiment_summary(loaded) << '\n';
}

bool is_experiment_file(const std::string& file) {
  try {
    return scenarios::is_experiment_text(scenarios::read_input_file(file));
  } catch (const scenarios::InputFileError&) {
    return false;  // the scenario loader says what is wrong with it
  }
}

}  // namespace

int run_validate(const std::vector<std::string>& files, ValidateOutput output, bool strict,
                 std::ostream& out, std::ostream& err) {
  const bool explain = output != ValidateOutput::summary;
  int code = 0;
  for (const std::string& file : files) {
    try {
      if (is_experiment_file(file)) {
        validate_experiment(file, output, out, err);
        continue;
      }
      const scenarios::Scenario scenario = scenarios::load_scenario_file(file);
      const std::vector<StabilityRow> rows = check_stability(scenarios::build_world_spec(scenario));
      if (output == ValidateOutput::paths) {
        print_paths(scenario, out);
        err << file << ": " << summary(scenario) << '\n';
      } else if (explain) {
        out << scenarios::explain_scenario(scenario) << stability_comments(rows);
        err << file << ": " << summary(scenario) << '\n';
      } else {
        out << file << ": " << summary(scenario) << '\n';
      }
      for (const StabilityRow& row : rows) {
        if (!row.breaks()) continue;
        err << file << ": " << (strict ? "error" : "warning") << ": " << stability_warning(row)
            << '\n';
        if (strict) code = kExitBadInput;
      }
    } catch (const scenarios::ScenarioError& e) {
      for (const scenarios::Diagnostic& d : e.diagnostics())
        err << d.format() << '\n';
      (explain ? err : out) << file << ": " << plural(e.diagnostics().size(), "error", "errors")
                            << '\n';
      code = kExitBadInput;
    }
  }
  return code;
}

}  // namespace hotline::cli
