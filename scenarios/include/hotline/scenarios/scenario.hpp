// Scenario files → a validated, immutable Scenario.
//
// A Scenario is everything a run needs to know about a region, its forces and
// the policies to compare, with every default filled in and every quantity in
// the engine's units (km, km/s, s, rad, 1/s). It is built only by loading and
// validating a file; a file with any problem is rejected whole with a
// ScenarioError listing every problem with its file, line, column and key
// path. The engine never sees YAML.
//
// Being built under issue 3: so far the name, the geographic frame and time.
#pragma once

#include <string>
#include <string_view>

#include "hotline/scenarios/diagnostics.hpp"

namespace hotline::scenarios {

struct GeoPoint {
  double lat_deg = 0.0;
  double lon_deg = 0.0;
};

// Positions are projected to a plane in km about the centre.
struct Frame {
  GeoPoint centre;
};

struct TimeSettings {
  double dt_s = 0.0;       // the fixed time step
  double horizon_s = 0.0;  // how long a replication runs
};

struct Scenario {
  std::string name;
  Frame frame;
  TimeSettings time;
};

// Loads and validates YAML text; `file` names it in diagnostics. Throws
// ScenarioError with every problem found.
[[nodiscard]] Scenario load_scenario_text(std::string_view yaml, const std::string& file);
// Reads and loads a file; an unreadable file is a ScenarioError too.
[[nodiscard]] Scenario load_scenario_file(const std::string& path);

}  // namespace hotline::scenarios
