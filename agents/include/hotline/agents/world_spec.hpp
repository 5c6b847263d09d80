// The region, its actors and their parameters, in the plane: everything the
// platform model needs to build and step a world.
//
// A WorldSpec is what a scenario becomes once validated and projected
// (scenarios::build_world_spec): positions in km about the frame's centre,
// zones as shapes, every reference an index. It is immutable input to the
// model, which never sees YAML or latitudes (agents/ knows nothing of
// scenario files; dependencies run scenarios → agents → engine).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hotline/agents/land_map.hpp"
#include "hotline/agents/mechanics.hpp"
#include "hotline/agents/missions.hpp"
#include "hotline/agents/platforms.hpp"
#include "hotline/agents/policies.hpp"
#include "hotline/agents/projection.hpp"
#include "hotline/agents/relations.hpp"
#include "hotline/agents/sea_router.hpp"
#include "hotline/agents/zone_kinds.hpp"
#include "hotline/agents/zones.hpp"

namespace hotline::agents {

struct NationSpec {
  std::string id;    // lower-case identifier, unique: "japan"
  std::string name;  // for people: "Japan"
  bool operator==(const NationSpec&) const = default;
};

// The parts of a world that carry places are declared once, for any kind of
// point: a scenario's hold latitude and longitude as the user wrote them
// (scenarios::Base is BasicBase<GeoPoint>), the world's hold km on the
// projection's plane (BaseSpec is BasicBase<PlanePoint>). Each part's other
// parameters are a plain base struct that both share, so the world builder
// copies them whole and converts only the points.

// What a zone is, wherever it lies; its shape is the scenario's outline or
// the world's plane shape.
struct ZoneParameters {
  std::string id;
  ZoneKind kind = ZoneKind::patrol_area;
  std::optional<std::size_t> owner;  // nation index
  bool operator==(const ZoneParameters&) const = default;
};
struct ZoneSpec : ZoneParameters {
  ZoneShape shape;
};

// An airfield or port; forces start and end their missions at their base.
struct BaseParameters {
  std::string id;
  std::size_t nation = 0;
  bool operator==(const BaseParameters&) const = default;
};
template <class Point>
struct BasicBase : BaseParameters {
  Point at;
  bool operator==(const BasicBase&) const = default;
};
using BaseSpec = BasicBase<PlanePoint>;

// Speeds in km/s, ranges in km, times in s; endurance and turnaround are 0
// for ships.
struct ClassSpec {
  std::string id;
  PlatformKind kind = PlatformKind::ship;
  Role role = Role::warship;
  double cruise_speed_km_s = 0.0;
  double max_speed_km_s = 0.0;
  double sensor_range_km = 0.0;
  double endurance_s = 0.0;
  double turnaround_s = 0.0;
  // Aircraft: the altitude flown in each mission phase (cruise: transit and
  // routes; patrol: on station; low pass: shadowing a ship) and the highest
  // it can fly, km; 0 for ships (docs/geography.md).
  double cruise_altitude_km = 0.0;
  double patrol_altitude_km = 0.0;
  double low_pass_altitude_km = 0.0;
  double ceiling_km = 0.0;
  bool operator==(const ClassSpec&) const = default;
};

// A loitering force's swarm order: when its nation's posture reaches
// `from_posture` it loiters within radius_km of `towards` instead (fishing
// and militia fleets swarming an island).
struct SwarmParameters {
  double radius_km = 0.0;
  int from_posture = 0;  // 1..3
  bool operator==(const SwarmParameters&) const = default;
};
template <class Point>
struct BasicSwarm : SwarmParameters {
  Point towards;
  bool operator==(const BasicSwarm&) const = default;
};
using SwarmSpec = BasicSwarm<PlanePoint>;

// The parameters of one mission type; the fields of other types stay zero.
struct MissionParameters {
  MissionType type = MissionType::patrol;
  std::size_t area = 0;         // patrol, presence: zone index
  double dwell_s = 0.0;         // patrol, route, presence: pause at each point
  bool loop = false;            // route: start over after the last waypoint
  double radius_km = 0.0;       // loiter
  double launches_per_s = 0.0;  // sortie: Poisson rate of launches per platform
  double standoff_km = 0.0;     // alert, respond: shadowing distance
  double shadow_s = 0.0;        // alert, respond: how long to shadow
  StationProcess station;       // presence (with area and dwell)
  bool operator==(const MissionParameters&) const = default;
};
template <class Point>
struct BasicMission : MissionParameters {
  std::vector<Point> waypoints;            // route; sortie: the flight out
  Point around;                            // loiter: centre of the random walk
  std::optional<BasicSwarm<Point>> swarm;  // loiter
  bool operator==(const BasicMission&) const = default;
};
using MissionSpec = BasicMission<PlanePoint>;

struct ForceParameters {
  std::string id;
  std::size_t nation = 0;
  std::size_t platform_class = 0;
  std::uint32_t count = 0;
  std::optional<std::size_t> base;  // required for sortie, alert, respond and presence
  Deployment deploy_on = Deployment::start;
  // Spans of the run [from, to) s in which the force is stood down, in port
  // or on the ground (a fishing moratorium), sorted and apart.
  std::vector<std::pair<double, double>> stood_down_s;
  bool operator==(const ForceParameters&) const = default;
};
template <class Point>
struct BasicForce : ForceParameters {
  BasicMission<Point> mission;
  bool operator==(const BasicForce&) const = default;
};
using ForceSpec = BasicForce<PlanePoint>;

// A radar of a command centre: it sees every platform within range.
struct RadarParameters {
  double range_km = 0.0;
  bool operator==(const RadarParameters&) const = default;
};
template <class Point>
struct BasicRadar : RadarParameters {
  Point at;
  bool operator==(const BasicRadar&) const = default;
};
using RadarSpec = BasicRadar<PlanePoint>;

// Against an intruding aircraft, scramble this many alert aircraft; against
// a ship, dispatch this many respond ships; drawn from `responders` (force
// indices) while any are available. The rule concerns intruders whose role
// is in `intruder_roles` (the scenario loader fills in the default: the
// roles of the kinds the rule answers).
struct WatchSpec {
  std::size_t zone = 0;
  std::uint32_t scramble_per_intruder = 0;
  std::uint32_t dispatch_per_intruder = 0;
  std::vector<std::size_t> responders;
  RoleSet intruder_roles = 0;
  [[nodiscard]] bool concerns(Role role) const { return (intruder_roles & role_bit(role)) != 0; }
  bool operator==(const WatchSpec&) const = default;
};

// A nation's military joint staff or coast-guard headquarters: owns radar
// coverage, hears reports, orders responses, and ends hotlines.
struct CommandCentreParameters {
  std::string id;
  std::string name;
  std::size_t nation = 0;
  std::vector<WatchSpec> watches;
  bool operator==(const CommandCentreParameters&) const = default;
};
template <class Point>
struct BasicCommandCentre : CommandCentreParameters {
  std::vector<BasicRadar<Point>> radars;
  bool operator==(const BasicCommandCentre&) const = default;
};
using CommandCentreSpec = BasicCommandCentre<PlanePoint>;

struct ExerciseSpec {
  std::string id;
  std::size_t nation = 0;
  std::size_t area = 0;
  double start_s = 0.0;
  double duration_s = 0.0;
  std::vector<std::size_t> forces;
  bool operator==(const ExerciseSpec&) const = default;
};

struct WorldSpec {
  std::string name;
  Projection projection{LatLon{}};
  // The land in the plane, shared by every run of the scenario; null or
  // empty: all sea.
  std::shared_ptr<const LandMap> land;
  // Routes round that land for ships (null when there is none).
  std::shared_ptr<const SeaRouter> sea_router;
  double dt_s = 60.0;
  double horizon_s = 0.0;
  std::vector<NationSpec> nations;
  std::vector<Relation> relations;  // [a * nations + b], symmetric
  std::vector<ZoneSpec> zones;      // at most kMaxZones
  std::vector<BaseSpec> bases;
  std::vector<ClassSpec> classes;
  std::vector<ForceSpec> forces;
  std::vector<CommandCentreSpec> command_centres;
  std::vector<ExerciseSpec> exercises;
  EncounterParameters encounters;
  IncidentParameters incidents;
  EscalationParameters escalation;
  std::vector<Policy> policies;
  double state_interval_s = 0.0;
  double hostility_interval_s = 0.0;

  [[nodiscard]] Relation relation(std::size_t a, std::size_t b) const {
    return relations[a * nations.size() + b];
  }
  // Every rival pair (a < b), in order: the dyads.
  [[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> dyads() const;
  [[nodiscard]] std::uint64_t platform_count() const;
  // Multiplies the count of every force whose platforms have one of
  // `roles` by `factor`: the same scenario with bigger fleets, for
  // benchmarks (the platform benchmark scales fishing and militia tenfold).
  void scale_forces(RoleSet roles, std::uint32_t factor);
};

}  // namespace hotline::agents
