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
#include "hotline/agents/world_spec.hpp"
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

// These need no geography, so the scenario keeps the agents' own types: a
// nation; a platform class (speeds in km/s, ranges in km, times in s;
// endurance and turnaround 0 for ships); a watch rule (what a centre sends
// against a rival platform entering a zone it watches, from which forces).
using Nation = agents::NationSpec;
using PlatformClass = agents::ClassSpec;
using WatchRule = agents::WatchSpec;

// A radar of a command centre: it sees every platform within range.
struct RadarSite {
  GeoPoint at;
  double range_km = 0.0;
  bool operator==(const RadarSite&) const = default;
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
