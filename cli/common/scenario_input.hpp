// What `hotline run` and `hotline sweep` share before they simulate: the
// scenario loaded (its diagnostics printed, exit 2 on any), policies found
// by id — all before any work or output, so bad input never leaves
// anything behind (outputs are claimed by common/output_claim.hpp).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "hotline/agents/world_spec.hpp"
#include "hotline/scenarios/scenario.hpp"

namespace hotline::cli {

struct LoadedScenario {
  std::string path;
  std::string text;  // the file as read
  scenarios::Scenario scenario;
  agents::WorldSpec spec;
};

// Prints the diagnostics to `err` and returns nullopt for a scenario that
// does not load.
[[nodiscard]] std::optional<LoadedScenario> load_scenario_input(const std::string& path,
                                                                std::ostream& err);

// The scenario with the `--set PATH=VALUE` settings written into it: each
// value checked by the scenario loader exactly as the same value written
// in the file (unit, range, consistency), so that a run with the settings
// is the run of a design point that sets them (docs/experiments.md). False
// (said on `err`, the scenario untouched) for a malformed setting, a path
// the scenario lacks, a value set twice or one the loader refuses.
[[nodiscard]] bool apply_settings(LoadedScenario& loaded, const std::vector<std::string>& settings,
                                  std::ostream& err);

// The index of the policy `id`; nullopt (with a message naming the
// scenario's policies on `err`) if it has none such.
[[nodiscard]] std::optional<std::size_t> find_policy(const LoadedScenario& loaded,
                                                     const std::string& id, std::ostream& err);

// The command line, each argument shell-quoted where needed.
[[nodiscard]] std::string quoted_command_line(int argc, const char* const* argv);

}  // namespace hotline::cli
