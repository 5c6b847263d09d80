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

// A command centre and its radars, their places on the globe
// (agents/world_spec.hpp declares them once for both kinds of point).
using RadarSite = agents::BasicRadar<GeoPoint>;
using CommandCentre = agents::BasicCommandCentre<GeoPoint>;

}  // namespace hotline::scenarios
