#include "validate/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <ostream>

#include "common/exit_codes.hpp"
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

}  // namespace

int run_validate(const std::vector<std::string>& files, ValidateOutput output, bool strict,
                 std::ostream& out, std::ostream& err) {
  const bool explain = output != ValidateOutput::summary;
  int code = 0;
  for (const std::string& file : files) {
    try {
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
