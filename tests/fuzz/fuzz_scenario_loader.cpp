// libFuzzer target for the scenario loader.
//
// Any input must either load or be rejected with a ScenarioError whose every
// diagnostic has a position; any other exception, a crash, a leak or
// undefined behaviour is a finding. A scenario that loads must also survive
// the --explain round trip: its explanation loads to an equal Scenario.
// The same input is also read as a land file (GeoJSON, read in pieces when
// it is plain JSON: a hand-written scan and coordinates reader), under the
// same rule.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "hotline/scenarios/land_file.hpp"
#include "hotline/scenarios/scenario.hpp"

using hotline::scenarios::explain_scenario;
using hotline::scenarios::load_land_text;
using hotline::scenarios::load_scenario_text;
using hotline::scenarios::Scenario;
using hotline::scenarios::ScenarioError;

namespace {

void check_positions(const ScenarioError& e) {
  if (e.diagnostics().empty()) std::abort();
  for (const auto& d : e.diagnostics()) {
    if (d.where.line < 1 || d.where.column < 1 || d.message.empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)load_land_text(text, "fuzz.geojson");
  } catch (const ScenarioError& e) {
    check_positions(e);
  }
  try {
    const Scenario scenario = load_scenario_text(text, "fuzz.yaml");
    const std::string explained = explain_scenario(scenario);
    const Scenario reloaded = load_scenario_text(explained, "explained.yaml");
    if (!(reloaded == scenario)) std::abort();
  } catch (const ScenarioError& e) {
    check_positions(e);
  }
  return 0;
}
