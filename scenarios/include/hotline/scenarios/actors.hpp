// Who acts: nations and their relations, platform classes, and the command
// centres that watch zones and order responses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/agents/platforms.hpp"
#include "hotline/agents/relations.hpp"
#include "hotline/scenarios/geography.hpp"

namespace hotline::scenarios {

using agents::kind_of_role;
using agents::kPlatformKindCount;
using agents::kRoleCount;
using agents::platform_kind_name;
using agents::PlatformKind;
using agents::Relation;
using agents::relation_name;
using agents::Role;
using agents::role_name;

struct Nation {
  std::string id;    // lower-case identifier, unique: "japan"
  std::string name;  // for people: "Japan"
  bool operator==(const Nation&) const = default;
};

// A type of ship or aircraft. Speeds in km/s, ranges in km, times in s.
// Endurance and turnaround are for aircraft (0 for ships: unlimited, none).
struct PlatformClass {
  std::string id;
  PlatformKind kind = PlatformKind::ship;
  Role role = Role::warship;
  double cruise_speed_km_s = 0.0;
  double max_speed_km_s = 0.0;
  double sensor_range_km = 0.0;
  double endurance_s = 0.0;
  double turnaround_s = 0.0;
  bool operator==(const PlatformClass&) const = default;
};

// A radar of a command centre: it sees every platform within range.
struct RadarSite {
  GeoPoint at;
  double range_km = 0.0;
  bool operator==(const RadarSite&) const = default;
};

// What a command centre does when a rival platform enters a zone it
// watches (inside its coverage): scramble alert aircraft against an aircraft,
// dispatch respond ships against a ship, taken from `responders` (force
// indices, resolved at load time) as far as they are available.
struct WatchRule {
  std::size_t zone = 0;
  std::uint32_t scramble_per_intruder = 0;  // alert aircraft per intruding aircraft
  std::uint32_t dispatch_per_intruder = 0;  // respond ships per intruding ship
  std::vector<std::size_t> responders;      // forces with mission alert or respond
  bool operator==(const WatchRule&) const = default;
};

// A nation's military joint staff or coast-guard headquarters: owns radar
// coverage, hears reports, orders responses, and ends hotlines.
struct CommandCentre {
  std::string id;
  std::string name;
  std::size_t nation = 0;
  std::vector<RadarSite> radars;
  std::vector<WatchRule> watches;
  bool operator==(const CommandCentre&) const = default;
};

}  // namespace hotline::scenarios
