// Scenario files → a validated, immutable Scenario.
//
// A Scenario is everything a run needs to know about a region, its forces and
// the policies to compare, with every default filled in, every reference
// resolved to an index, and every quantity in the engine's units (km, km/s,
// s, rad, 1/s). It is built only by loading and validating a file; a file
// with any problem is rejected whole with a ScenarioError listing every
// problem with its file, line, column and key path. The engine never sees
// YAML. `explain_scenario` writes a Scenario back as YAML that loads to an
// identical Scenario (`hotline validate --explain`).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/scenarios/actors.hpp"
#include "hotline/scenarios/diagnostics.hpp"
#include "hotline/scenarios/forces.hpp"
#include "hotline/scenarios/geography.hpp"
#include "hotline/scenarios/mechanics.hpp"
#include "hotline/scenarios/policies.hpp"

namespace hotline::scenarios {

struct TimeSettings {
  double dt_s = 0.0;       // the fixed time step
  double horizon_s = 0.0;  // how long a replication runs
  bool operator==(const TimeSettings&) const = default;
};

// What a run writes besides events and the summary. An interval of 0 writes
// no samples; others are whole multiples of the time step.
struct OutputSettings {
  double state_interval_s = 0.0;      // sampled agent states (/states)
  double hostility_interval_s = 0.0;  // dyad hostilities (/hostility)
  bool operator==(const OutputSettings&) const = default;
};

struct Scenario {
  std::string name;
  Frame frame;
  Geography geography;
  TimeSettings time;
  std::vector<Nation> nations;
  // relations[a * nations.size() + b]; symmetric; neutral on the diagonal.
  std::vector<Relation> relations;
  std::vector<Zone> zones;
  std::vector<NamedPoint> points;
  std::vector<Base> bases;
  std::vector<PlatformClass> classes;
  std::vector<CommandCentre> command_centres;
  std::vector<Force> forces;
  std::vector<Exercise> exercises;
  EncounterParameters encounters;
  IncidentParameters incidents;
  EscalationParameters escalation;
  std::vector<Policy> policies;  // at least one; "none" when the file lists none
  OutputSettings output;

  [[nodiscard]] std::optional<std::size_t> nation_index(std::string_view id) const;
  [[nodiscard]] Relation relation(std::size_t a, std::size_t b) const {
    return relations[a * nations.size() + b];
  }
  bool operator==(const Scenario&) const = default;
};

// Loads and validates YAML text; `file` names it in diagnostics. Throws
// ScenarioError with every problem found.
[[nodiscard]] Scenario load_scenario_text(std::string_view yaml, const std::string& file);
// Reads and loads a file; an unreadable file is a ScenarioError too.
[[nodiscard]] Scenario load_scenario_file(const std::string& path);

// The scenario fully resolved, as YAML: every default written out, every
// quantity in one unit per dimension, every policy expanded. Loading the
// text gives a Scenario equal to `scenario`.
[[nodiscard]] std::string explain_scenario(const Scenario& scenario);
// One policy, fully resolved, as the YAML list item `explain_scenario`
// writes under `policies:` (for the trace's /policies table).
[[nodiscard]] std::string explain_policy(const Scenario& scenario, std::size_t policy);

}  // namespace hotline::scenarios
