// What the files of PlatformWorld share: chunk sizes and small helpers.
#pragma once

#include <cstddef>

#include "hotline/agents/platform_world.hpp"
#include "hotline/agents/platforms.hpp"
#include "hotline/agents/world_spec.hpp"

namespace hotline::agents::detail {

// Fixed chunks of slots for the parallel phases (determinism: results are
// merged in chunk order, and chunk boundaries do not depend on threads).
// Small, so that a few thousand platforms make a few dozen chunks: the work
// of a platform varies a lot (one on the ground costs nothing, one planning
// a route round land a great deal), and a handful of chunks left one of two
// threads waiting on the other.
inline constexpr std::size_t kChunk = 128;
// Chunks for work that is trivial per platform (altitudes): one chunk, no
// parallel region, below this many platforms.
inline constexpr std::size_t kLightChunk = 16384;

// Presence is kept per nation for each ship role and for "any ship" (the
// last group), since days with any ship are not a sum over roles.
inline constexpr std::size_t kGroupsPerNation = kRoleCount + 1;
inline constexpr std::size_t kAnyShip = kRoleCount;

// The circle a loiterer walks in: its own, or the swarm's once its nation's
// posture is high enough.
struct LoiterCircle {
  PlanePoint centre;
  double radius_km;
};

inline LoiterCircle loiter_circle(const MissionSpec& m, int posture) {
  if (m.swarm && posture >= m.swarm->from_posture) return {m.swarm->towards, m.swarm->radius_km};
  return {m.around, m.radius_km};
}

// Out of play: at base or not deployed.
inline bool on_the_ground(PlatformState state) {
  return state == PlatformState::reserve || state == PlatformState::ready
         || state == PlatformState::turnaround;
}

}  // namespace hotline::agents::detail
