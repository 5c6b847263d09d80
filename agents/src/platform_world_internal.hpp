// What the files of PlatformWorld share: chunk sizes and small helpers.
#pragma once

#include <cstddef>
#include <cstdint>

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

// CUES is a code for naval units: it applies to encounters with a warship on
// one side and a warship or a military aircraft on the other, not to coast
// guards, militia or fishing boats, nor between aircraft.
inline bool cues_applies(Role a, Role b) {
  const auto naval_partner = [](Role r) {
    return r == Role::warship || r == Role::fighter || r == Role::patrol || r == Role::bomber
           || r == Role::uav;
  };
  return (a == Role::warship && naval_partner(b)) || (b == Role::warship && naval_partner(a));
}

// The on-scene link joins the armed forces' ships and aircraft (the
// sea-and-air communication mechanism is between the two militaries): both
// platforms must be on it.
inline bool on_scene_link(Role a, Role b) {
  const auto military = [](Role r) {
    return r == Role::warship || r == Role::fighter || r == Role::patrol || r == Role::bomber
           || r == Role::uav;
  };
  return military(a) && military(b);
}

// An incident event's value: its conduct, plus 4 when the pair was on the
// on-scene link (the command layer's perception reads both).
inline std::uint32_t incident_value(Conduct conduct, bool on_link) {
  return static_cast<std::uint32_t>(conduct) + (on_link ? 4U : 0U);
}

// Out of play: at base or not deployed.
inline bool on_the_ground(PlatformState state) {
  return state == PlatformState::reserve || state == PlatformState::ready
         || state == PlatformState::turnaround;
}

}  // namespace hotline::agents::detail
