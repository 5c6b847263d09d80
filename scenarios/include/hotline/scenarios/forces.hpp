// What the platforms do: forces (so many platforms of a class, from a base,
// on a mission) and scheduled exercises.
//
// A mission is one of a closed set of small state machines (docs/model.md,
// "Missions"); a Mission holds the parameters of its type, and the fields of
// the other types keep their zero values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/agents/missions.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/scenarios/geography.hpp"

namespace hotline::scenarios {

using agents::Deployment;
using agents::deployment_name;
using agents::mission_type_name;
using agents::MissionType;

// A force's swarm order, mission and the force itself, with their places on
// the globe (agents/world_spec.hpp declares them once for both kinds of
// point).
using Swarm = agents::BasicSwarm<GeoPoint>;
using Mission = agents::BasicMission<GeoPoint>;
using Force = agents::BasicForce<GeoPoint>;

// A scheduled exercise: forces of a nation (and its allies) in an area for a
// time, announced by the notification policy. No geography: the agents'
// own type.
using Exercise = agents::ExerciseSpec;

}  // namespace hotline::scenarios
