// One reader per top-level section of a scenario file. load_scenario_text
// calls them in dependency order (nations before what names a nation,
// forces before the command centres and exercises that name forces, ...);
// each fills its part of the Scenario and reports problems as it goes.
#pragma once

#include <optional>
#include <vector>

#include "hotline/scenarios/scenario.hpp"
#include "yaml_value.hpp"

namespace hotline::scenarios::detail {

[[nodiscard]] Frame read_frame(const Value& value);
// The land (built in or a GeoJSON file, relative to the scenario file) and
// its map in the frame's plane.
[[nodiscard]] Geography read_geography(const std::optional<Value>& value, const Value& frame_value,
                                       const Frame& frame);
// Reports a place outside the land's coverage, or farther from the frame's
// centre (plus `radius_km`, for a circle) than the projection is good for.
void check_place(const Value& value, const GeoPoint& p, double radius_km = 0.0);
[[nodiscard]] TimeSettings read_time(const std::optional<Value>& value);
void read_nations(const Value& value, Scenario& scenario);
void read_zones(const Value& value, Scenario& scenario);
void read_points(const Value& value, Scenario& scenario);
void read_bases(const Value& value, Scenario& scenario);
void read_classes(const Value& value, Scenario& scenario);
// Forces, and for each force read the value of its `deploy_on` key (if
// any), so that read_exercises can point at a force deployed only for
// exercises that no exercise lists.
void read_forces(const Value& value, Scenario& scenario,
                 std::vector<std::optional<Value>>& deploy_on_values);
void read_exercises(const std::optional<Value>& value, Scenario& scenario,
                    const std::vector<std::optional<Value>>& deploy_on_values);
void read_command_centres(const Value& value, Scenario& scenario);
[[nodiscard]] EncounterParameters read_encounters(const std::optional<Value>& value);
// The incident layer's defaults by role pair (incident_defaults.cpp), and
// the shares of conduct at a posture derived from those at posture 0.
[[nodiscard]] IncidentParameters default_incident_parameters();
[[nodiscard]] IncidentParameters::ConductShares conduct_at_posture(
    const IncidentParameters::ConductShares& at_posture_0, std::size_t posture);
[[nodiscard]] IncidentParameters read_incidents(const std::optional<Value>& value);
// The command layer, with one political setting for every rival dyad of the
// scenario's nations (read before).
[[nodiscard]] EscalationParameters read_escalation(const std::optional<Value>& value,
                                                   const Scenario& scenario);
void read_policies(const std::optional<Value>& value, Scenario& scenario);
[[nodiscard]] OutputSettings read_output(const std::optional<Value>& value,
                                         const TimeSettings& time);

}  // namespace hotline::scenarios::detail
