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

// Loiterers close in on a point when their nation's posture reaches
// `from_posture` (fishing and militia fleets swarming an island).
struct Swarm {
  GeoPoint towards;
  double radius_km = 0.0;  // they then loiter within this distance of it
  int from_posture = 0;    // 1..3
  bool operator==(const Swarm&) const = default;
};

struct Mission {
  MissionType type = MissionType::patrol;
  std::size_t area = 0;             // patrol: zone index
  double dwell_s = 0.0;             // patrol, route: pause at each waypoint
  std::vector<GeoPoint> waypoints;  // route; sortie: the flight out
  bool loop = false;                // route: start over after the last waypoint
  GeoPoint around;                  // loiter: centre of the random walk
  double radius_km = 0.0;           // loiter
  std::optional<Swarm> swarm;       // loiter
  double launches_per_s = 0.0;      // sortie: Poisson rate of launches per platform
  double standoff_km = 0.0;         // alert, respond: shadowing distance
  double shadow_s = 0.0;            // alert, respond: how long to shadow
  agents::StationProcess station;   // presence (with area and dwell)
  bool operator==(const Mission&) const = default;
};

struct Force {
  std::string id;
  std::size_t nation = 0;
  std::size_t platform_class = 0;
  std::uint32_t count = 0;
  std::optional<std::size_t> base;  // required for sortie, alert and respond
  Deployment deploy_on = Deployment::start;
  Mission mission;
  std::vector<std::pair<double, double>> stood_down_s;  // [from, to) s, sorted, apart
  bool operator==(const Force&) const = default;
};

// A scheduled exercise: forces of a nation (and its allies) in an area for a
// time, announced by the notification policy. No geography: the agents'
// own type.
using Exercise = agents::ExerciseSpec;

}  // namespace hotline::scenarios
