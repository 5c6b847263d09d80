// The mission state machines (decide) and movement (move) of PlatformWorld.
//
// Ordering rule: decide and move run in parallel over fixed chunks of slots;
// each writes only its own platform's columns. decide may read another
// platform's position (the target of an intercept) because positions change
// only in move, which runs after it. Zone entries found in move are merged
// in chunk order and sorted by platform id before the command phase uses
// them.
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <optional>

#include "hotline/agents/draw_purposes.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/engine/fixed_chunks.hpp"
#include "intrusion_watch.hpp"
#include "platform_world_internal.hpp"
#include "presence_sampler.hpp"
#include "ship_navigation.hpp"
#include "zone_sampling.hpp"

namespace hotline::agents {

using detail::kAnyShip;
using detail::kChunk;
using detail::kGroupsPerNation;
using engine::Phase;
using engine::RngPurpose;

// Where each platform starts. Ids run in force order, and the store's slots
// equal the ids until the first index rebuild.
void PlatformWorld::spawn() {
  std::uint32_t id = 0;
  for (std::size_t f = 0; f < spec_.forces.size(); ++f) {
    const ForceSpec& force = spec_.forces[f];
    const ForceCache& cache = forces_[f];
    const MissionSpec& m = force.mission;
    for (std::uint32_t k = 0; k < force.count; ++k, ++id) {
      // A big world takes seconds to place; a signal need not wait for it.
      if (id % 4096 == 0) engine::throw_if_stop_requested();
      const std::size_t s = id;
      agents_.side[s] = static_cast<std::uint8_t>(force.nation);
      agents_.kind[s] = cache.search_kind;
      column_.force[s] = static_cast<std::uint32_t>(f);
      // A force in play from the start begins on station: the scenario is
      // an ongoing situation, not every fleet leaving port at once (which
      // would also crowd thousands of boats into a few cells of the index
      // for the first hours). Patrols start somewhere in their area,
      // loiterers in their circle, routes at their first waypoint; the
      // others (sortie, alert, respond) and forces that deploy later start
      // at their base, as does a platform without one.
      PlanePoint at = cache.base;
      const bool on_station = force.deploy_on == Deployment::start && !stood_down(f, 0.0)
                              && (m.type == MissionType::patrol || m.type == MissionType::route
                                  || m.type == MissionType::loiter);
      if (!cache.has_base || on_station) {
        switch (m.type) {
          case MissionType::patrol:
            at = mission_point(s, 0, draw::platform_spawn, spec_.zones[m.area].shape, false);
            break;
          case MissionType::route:
            at = m.waypoints.front();
            break;
          case MissionType::loiter: {
            const detail::LoiterCircle c = detail::loiter_circle(m, posture_[force.nation]);
            at = mission_point(s, 0, draw::platform_spawn, ZoneShape::circle(c.centre, c.radius_km),
                               false);
            break;
          }
          case MissionType::sortie:
          case MissionType::alert:
          case MissionType::respond:
          case MissionType::presence:
            break;  // the loader requires a base for these
        }
      }
      agents_.x_km[s] = at.x_km;
      agents_.y_km[s] = at.y_km;
      agents_.heading_rad[s] = 0.0;
      agents_.speed_km_s[s] = 0.0;
      if (force.deploy_on == Deployment::start && !stood_down(f, 0.0)) {
        start_mission(s);
      } else {
        column_.state[s] = PlatformState::reserve;
        agents_.alive[s] = 0;
      }
      column_.zones[s] = agents_.alive[s] ? zone_index_.zones_at(at) : 0;
    }
  }
}

void PlatformWorld::start_mission(std::size_t s) {
  const std::size_t f = column_.force[s];
  const ForceCache& cache = forces_[f];
  const MissionSpec& m = spec_.forces[f].mission;
  column_.stand_down[s] = 0;
  PlanePoint target{agents_.x_km[s], agents_.y_km[s]};
  PlatformState state = PlatformState::transit;
  switch (m.type) {
    case MissionType::patrol:
      target = mission_point(s, step_, draw::platform_waypoint, spec_.zones[m.area].shape, true);
      break;
    case MissionType::route:
      // From a base it heads for the first waypoint; without one it starts
      // on the first and heads for the next (or holds if there is one).
      column_.waypoint[s] =
          cache.has_base
              ? 0
              : std::min<std::uint32_t>(1, static_cast<std::uint32_t>(m.waypoints.size() - 1));
      target = m.waypoints[column_.waypoint[s]];
      break;
    case MissionType::loiter: {
      const detail::LoiterCircle c = detail::loiter_circle(m, posture_[cache.nation]);
      target = mission_point(s, step_, draw::platform_waypoint,
                             ZoneShape::circle(c.centre, c.radius_km), true);
      break;
    }
    case MissionType::sortie:
    case MissionType::alert:
    case MissionType::respond:
    case MissionType::presence:
      state = PlatformState::ready;  // on the ground or in port until sent
      break;
  }
  column_.state[s] = state;
  column_.target_x_km[s] = target.x_km;
  column_.target_y_km[s] = target.y_km;
  agents_.alive[s] = detail::on_the_ground(state) ? 0 : 1;
}

PlanePoint PlatformWorld::mission_point(std::size_t s, std::uint32_t step, RngPurpose purpose,
                                        const ZoneShape& shape, bool reachable,
                                        const ZoneShape* avoid) const {
  const bool ship = forces_[column_.force[s]].kind == PlatformKind::ship;
  return detail::random_sea_point(rng_, step, agents_.id[s], purpose, shape,
                                  ship ? spec_.land.get() : nullptr,
                                  {agents_.x_km[s], agents_.y_km[s]}, reachable, avoid);
}

PlanePoint PlatformWorld::station_point(std::size_t s, bool reachable) const {
  const MissionSpec& m = spec_.forces[column_.force[s]].mission;
  const std::size_t zone = column_.station_zone[s];
  const bool outside_entry = m.station.has_entries && zone != m.station.entry_zone;
  return mission_point(s, reachable ? step_ : 0,
                       reachable ? draw::platform_waypoint : draw::platform_spawn,
                       spec_.zones[zone].shape, reachable,
                       outside_entry ? &spec_.zones[m.station.entry_zone].shape : nullptr);
}

// The leg tests a ship keeps (Columns::leg_test): none yet for its leg, all at sea,
// meets land.
enum LegTest : std::uint8_t { kLegUntested = 0, kLegAtSea = 1, kLegMeetsLand = 2 };

std::optional<detail::Sailed> PlatformWorld::sail_leg(std::size_t s, PlanePoint here,
                                                      PlanePoint target, double reach_km) {
  const LandMap& land = spec_.sea_router->land();
  const bool same_leg =
      target.x_km == column_.leg_to_x_km[s] && target.y_km == column_.leg_to_y_km[s]
      && here.x_km == column_.leg_at_x_km[s] && here.y_km == column_.leg_at_y_km[s];
  LegTest test = same_leg ? static_cast<LegTest>(column_.leg_test[s]) : kLegUntested;
  if (test == kLegUntested) {
    test = land.segment_crosses_land(here, target) ? kLegMeetsLand : kLegAtSea;
  }
  const std::optional<detail::Sailed> sailed =
      test == kLegAtSea ? detail::sail_at_sea(here, target, reach_km)
                        : detail::sail_straight(land, here, target, reach_km);
  if (sailed) {
    column_.leg_to_x_km[s] = target.x_km;
    column_.leg_to_y_km[s] = target.y_km;
    column_.leg_at_x_km[s] = sailed->at.x_km;
    column_.leg_at_y_km[s] = sailed->at.y_km;
    column_.leg_test[s] = test;
  }
  return sailed;
}

bool PlatformWorld::move_towards_target(std::size_t s, double reach_km) {
  const PlanePoint here{agents_.x_km[s], agents_.y_km[s]};
  const PlanePoint target{column_.target_x_km[s], column_.target_y_km[s]};
  if (spec_.sea_router && forces_[column_.force[s]].kind == PlatformKind::ship) {
    const std::optional<detail::Sailed> straight =
        column_.routed[s] != 0 ? std::nullopt : sail_leg(s, here, target, reach_km);
    detail::Sailed sailed;
    if (straight) {
      sailed = *straight;
    } else {
      detail::Voyage& voyage = voyages_[agents_.id[s]];
      sailed = detail::sail(*spec_.sea_router, voyage, here, target, reach_km);
      if (sailed.arrived) voyage.clear();
      column_.routed[s] = voyage.on_route() ? 1 : 0;
    }
    agents_.x_km[s] = sailed.at.x_km;
    agents_.y_km[s] = sailed.at.y_km;
    agents_.speed_km_s[s] = sailed.km / spec_.dt_s;
    return sailed.arrived;
  }
  const double dx = target.x_km - here.x_km;
  const double dy = target.y_km - here.y_km;
  const double distance = std::sqrt(dx * dx + dy * dy);
  const bool arrives = distance <= reach_km;
  if (arrives) {
    agents_.x_km[s] = target.x_km;
    agents_.y_km[s] = target.y_km;
  } else {
    agents_.x_km[s] += dx / distance * reach_km;
    agents_.y_km[s] += dy / distance * reach_km;
  }
  agents_.speed_km_s[s] = std::min(distance, reach_km) / spec_.dt_s;
  return arrives;
}

double PlatformWorld::phase_altitude_km(std::size_t s) const {
  const ClassSpec& c = spec_.classes[spec_.forces[column_.force[s]].platform_class];
  switch (column_.state[s]) {
    case PlatformState::reserve:
    case PlatformState::ready:
    case PlatformState::turnaround:
      return 0.0;
    case PlatformState::dwell:
    case PlatformState::done:
      return c.patrol_altitude_km;
    case PlatformState::intercept:
    case PlatformState::shadow: {
      // Alongside an aircraft at its altitude; over a ship, a low pass.
      const std::uint32_t t = agents_.slot_of(column_.target_agent[s]);
      if (agents_.kind[t] != static_cast<std::uint8_t>(PlatformKind::aircraft)) {
        return c.low_pass_altitude_km;
      }
      const PlatformState target_state = column_.state[t];
      const bool target_intercepts =
          target_state == PlatformState::intercept || target_state == PlatformState::shadow;
      if (target_intercepts) {
        return spec_.classes[spec_.forces[column_.force[t]].platform_class].cruise_altitude_km;
      }
      return phase_altitude_km(t);
    }
    case PlatformState::transit: {
      // Between points of its patrol area or loiter circle it is on
      // station; on the way there, cruising.
      const MissionSpec& m = spec_.forces[column_.force[s]].mission;
      const PlanePoint here{agents_.x_km[s], agents_.y_km[s]};
      if (m.type == MissionType::patrol && spec_.zones[m.area].shape.contains(here)) {
        return c.patrol_altitude_km;
      }
      if (m.type == MissionType::loiter) {
        const detail::LoiterCircle circle =
            detail::loiter_circle(m, posture_[forces_[column_.force[s]].nation]);
        if (plane_distance_km(here, circle.centre) <= circle.radius_km) {
          return c.patrol_altitude_km;
        }
      }
      return c.cruise_altitude_km;
    }
    case PlatformState::outbound:
    case PlatformState::returning:
      return c.cruise_altitude_km;
  }
  return c.cruise_altitude_km;
}

// After the move phase, when every state is settled: a pure function of
// states and classes, so each chunk writes only its own platforms.
void PlatformWorld::set_altitudes() {
  const auto timer = timers_.measure(Phase::move);
  (void)agents_.slots_by_id();
  const auto aircraft = static_cast<std::uint8_t>(PlatformKind::aircraft);
  engine::for_each_chunk(
      agents_.size(), detail::kLightChunk, [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t s = begin; s < end; ++s) {
          if (agents_.kind[s] == aircraft) {
            column_.altitude_km[s] = agents_.alive[s] ? phase_altitude_km(s) : 0.0;
          }
        }
      });
}

void PlatformWorld::return_to_base(std::size_t s) {
  const ForceCache& cache = forces_[column_.force[s]];
  if (!cache.has_base) {
    // Nowhere to go: it leaves play where it is.
    column_.state[s] = PlatformState::reserve;
    agents_.alive[s] = 0;
    return;
  }
  column_.state[s] = PlatformState::returning;
  column_.target_x_km[s] = cache.base.x_km;
  column_.target_y_km[s] = cache.base.y_km;
}

void PlatformWorld::decide() {
  const auto timer = timers_.measure(Phase::decide);
  (void)agents_.slots_by_id();  // built once here: intercepts look targets up
  watch_->reached.prepare(engine::chunk_count(agents_.size(), kChunk));
  engine::for_each_chunk(agents_.size(), kChunk,
                         [&](std::size_t chunk, std::size_t begin, std::size_t end) {
                           std::vector<engine::AgentId>& reached = watch_->reached.take(chunk);
                           for (std::size_t s = begin; s < end; ++s) {
                             if (nothing_to_decide(s)) continue;
                             decide_platform(s, reached);
                           }
                         });
}

// What most platforms decide in most steps, without the call: nothing in
// port or on the way home, and only the countdown while dwelling (whose end
// decide_platform then handles).
bool PlatformWorld::nothing_to_decide(std::size_t s) {
  switch (column_.state[s]) {
    case PlatformState::reserve:
    case PlatformState::done:
    case PlatformState::returning:
      return true;
    case PlatformState::dwell:
      return (column_.timer_s[s] -= spec_.dt_s) > 0.0;
    default:
      return false;
  }
}

// Shadowing closes in as the nation's posture rises.
double PlatformWorld::standoff_km(std::size_t s) const {
  const ForceCache& cache = forces_[column_.force[s]];
  const auto posture = static_cast<std::size_t>(posture_[cache.nation]);
  return spec_.forces[column_.force[s]].mission.standoff_km
         * spec_.escalation.standoff_multiplier[posture];
}

// Aircraft turn for home when what is left of their endurance just covers
// the way back at cruise speed.
bool PlatformWorld::out_of_endurance(std::size_t s) const {
  const ForceCache& cache = forces_[column_.force[s]];
  if (cache.endurance_s <= 0.0 || !cache.has_base) return false;
  const double home_km = plane_distance_km({agents_.x_km[s], agents_.y_km[s]}, cache.base);
  return column_.airborne_s[s] + home_km / cache.cruise_speed_km_s + spec_.dt_s
         >= cache.endurance_s;
}

// The target platform, if it is still in play.
bool PlatformWorld::target_position(std::size_t s, PlanePoint& out) const {
  const std::uint32_t t = agents_.slot_of(column_.target_agent[s]);
  if (!agents_.alive[t]) return false;
  out = {agents_.x_km[t], agents_.y_km[t]};
  return true;
}

// A sortie aircraft on the ground takes off with its posture's chance.
void PlatformWorld::maybe_launch(std::size_t s) {
  const ForceCache& cache = forces_[column_.force[s]];
  const MissionSpec& m = spec_.forces[column_.force[s]].mission;
  if (m.type != MissionType::sortie
      || rng_.uniform(step_, agents_.id[s], 0, draw::platform_launch)
             >= cache.launch_probability[static_cast<std::size_t>(posture_[cache.nation])]) {
    return;
  }
  column_.state[s] = PlatformState::outbound;
  column_.waypoint[s] = 0;
  column_.target_x_km[s] = m.waypoints.front().x_km;
  column_.target_y_km[s] = m.waypoints.front().y_km;
  column_.airborne_s[s] = 0.0;
  agents_.alive[s] = 1;
}

// Chasing an intruder: home if it is gone or fuel runs short; shadowing
// once within the standoff.
void PlatformWorld::keep_intercepting(std::size_t s, std::vector<engine::AgentId>& reached) {
  PlanePoint target;
  if (!target_position(s, target) || out_of_endurance(s)) {
    return_to_base(s);
    return;
  }
  column_.target_x_km[s] = target.x_km;
  column_.target_y_km[s] = target.y_km;
  if (plane_distance_km({agents_.x_km[s], agents_.y_km[s]}, target) <= standoff_km(s)) {
    column_.state[s] = PlatformState::shadow;
    column_.timer_s[s] = spec_.forces[column_.force[s]].mission.shadow_s;
    reached.push_back(agents_.id[s]);
  }
}

// Shadowing: home when the time is up, the target gone or fuel short; else
// head for the point at the standoff distance from the target on the line
// from it to here.
void PlatformWorld::keep_shadowing(std::size_t s) {
  PlanePoint target;
  column_.timer_s[s] -= spec_.dt_s;
  if (column_.timer_s[s] <= 0.0 || !target_position(s, target) || out_of_endurance(s)) {
    return_to_base(s);
    return;
  }
  const double dx = agents_.x_km[s] - target.x_km;
  const double dy = agents_.y_km[s] - target.y_km;
  const double d = std::sqrt(dx * dx + dy * dy);
  const double k = d > 0.0 ? standoff_km(s) / d : 0.0;
  column_.target_x_km[s] = target.x_km + dx * k;
  column_.target_y_km[s] = target.y_km + dy * k;
}

// A swarm order moves a loiterer's circle: a target outside it is dropped.
void PlatformWorld::follow_swarm_order(std::size_t s) {
  const ForceCache& cache = forces_[column_.force[s]];
  const MissionSpec& m = spec_.forces[column_.force[s]].mission;
  if (m.type != MissionType::loiter || !m.swarm) return;
  const detail::LoiterCircle c = detail::loiter_circle(m, posture_[cache.nation]);
  const double dx = column_.target_x_km[s] - c.centre.x_km;
  const double dy = column_.target_y_km[s] - c.centre.y_km;
  if (dx * dx + dy * dy > c.radius_km * c.radius_km) {
    const PlanePoint t = mission_point(s, step_, draw::platform_waypoint,
                                       ZoneShape::circle(c.centre, c.radius_km), true);
    column_.target_x_km[s] = t.x_km;
    column_.target_y_km[s] = t.y_km;
  }
}

// Dwelling, and the time is up: the next point of a patrol, loiter or
// route.
void PlatformWorld::after_dwell(std::size_t s) {
  const ForceCache& cache = forces_[column_.force[s]];
  const MissionSpec& m = spec_.forces[column_.force[s]].mission;
  PlanePoint next{};
  switch (m.type) {
    case MissionType::patrol:
      next = mission_point(s, step_, draw::platform_waypoint, spec_.zones[m.area].shape, true);
      break;
    case MissionType::loiter: {
      const detail::LoiterCircle c = detail::loiter_circle(m, posture_[cache.nation]);
      next = mission_point(s, step_, draw::platform_waypoint,
                           ZoneShape::circle(c.centre, c.radius_km), true);
      break;
    }
    case MissionType::route: {
      std::uint32_t w = column_.waypoint[s] + 1;
      if (w == m.waypoints.size()) {
        if (!m.loop) {
          column_.state[s] = PlatformState::done;
          return;
        }
        w = 0;
      }
      column_.waypoint[s] = w;
      next = m.waypoints[w];
      break;
    }
    case MissionType::presence:
      // Inside the zone of an entry a ship holds its point until the entry
      // ends (run_stations moves it out): a second point could lie across
      // open water outside the zone (the territorial sea is one belt per
      // island), and each return would count as another case of entry.
      if (m.station.has_entries && column_.station_zone[s] == m.station.entry_zone) {
        column_.timer_s[s] = m.dwell_s;
        return;
      }
      next = station_point(s, true);
      break;
    case MissionType::sortie:
    case MissionType::alert:
    case MissionType::respond:
      return;
  }
  column_.target_x_km[s] = next.x_km;
  column_.target_y_km[s] = next.y_km;
  column_.state[s] = PlatformState::transit;
}

// One platform's mission, from its own state of the last step and the orders
// the command phase gave it. A dwelling platform's timer has been counted
// down already (nothing_to_decide).
void PlatformWorld::decide_platform(std::size_t s, std::vector<engine::AgentId>& reached) {
  switch (column_.state[s]) {
    case PlatformState::reserve:
    case PlatformState::done:
    case PlatformState::returning:
      return;
    case PlatformState::ready:
      maybe_launch(s);
      return;
    case PlatformState::turnaround:
      column_.timer_s[s] -= spec_.dt_s;
      if (column_.timer_s[s] <= 0.0) column_.state[s] = PlatformState::ready;
      return;
    case PlatformState::outbound:
      if (out_of_endurance(s)) return_to_base(s);
      return;
    case PlatformState::intercept:
      keep_intercepting(s, reached);
      return;
    case PlatformState::shadow:
      keep_shadowing(s);
      return;
    case PlatformState::transit:
      follow_swarm_order(s);
      return;
    case PlatformState::dwell:
      after_dwell(s);
      return;
  }
}

ZoneMask PlatformWorld::zones_here(std::size_t s) {
  const double x = agents_.x_km[s];
  const double y = agents_.y_km[s];
  if (x == column_.zoned_x_km[s] && y == column_.zoned_y_km[s]) return column_.zones[s];
  column_.zoned_x_km[s] = x;
  column_.zoned_y_km[s] = y;
  const std::uint32_t cell = zone_index_.cell_at({x, y});
  if (cell == column_.zoned_cell[s]) return column_.zones[s];
  column_.zoned_cell[s] = zone_index_.plain(cell) ? cell : kNoZoneCell;
  return column_.zones[s] = zone_index_.zones_in(cell, {x, y});
}

// Out of play: in no zone, and its next zones to be looked up afresh.
void PlatformWorld::clear_zones(std::size_t s) {
  column_.zones[s] = 0;
  column_.zoned_x_km[s] = std::numeric_limits<double>::quiet_NaN();
  column_.zoned_cell[s] = kNoZoneCell;
}

// A platform that reached its target point this step: a patrol or route
// dwells, a sortie flies to its next waypoint or turns home, a platform
// home leaves play (true: nothing more to do for it this step).
bool PlatformWorld::arrived(std::size_t s, PlatformState state) {
  const ForceCache& cache = forces_[column_.force[s]];
  const MissionSpec& m = spec_.forces[column_.force[s]].mission;
  if (state == PlatformState::transit) {
    column_.state[s] = PlatformState::dwell;
    column_.timer_s[s] = m.dwell_s;
  } else if (state == PlatformState::outbound) {
    const std::uint32_t w = column_.waypoint[s] + 1;
    if (w == m.waypoints.size()) {
      return_to_base(s);
    } else {
      column_.waypoint[s] = w;
      column_.target_x_km[s] = m.waypoints[w].x_km;
      column_.target_y_km[s] = m.waypoints[w].y_km;
    }
  } else if (state == PlatformState::returning && column_.via_exit[s] != 0) {
    // Out of the station by its exit point: now home.
    column_.via_exit[s] = 0;
    column_.target_x_km[s] = cache.base.x_km;
    column_.target_y_km[s] = cache.base.y_km;
  } else if (state == PlatformState::returning) {
    // Home: out of play until sent again (aircraft after turnaround), or
    // for good if its exercise is over.
    agents_.alive[s] = 0;
    agents_.speed_km_s[s] = 0.0;
    clear_zones(s);
    if (column_.stand_down[s]) {
      column_.state[s] = PlatformState::reserve;
    } else if (cache.kind == PlatformKind::aircraft) {
      column_.state[s] = PlatformState::turnaround;
      column_.timer_s[s] = cache.turnaround_s;
    } else {
      column_.state[s] = PlatformState::ready;
    }
    return true;
  }
  return false;
}

// The zones a platform in play is in now: entries into watched zones and
// airspace (for the command phase), and a ship's presence by group and its
// first time in a zone today (for the record phase).
void PlatformWorld::note_zones(std::size_t s, detail::PresenceChunk& presence,
                               std::vector<std::pair<engine::AgentId, ZoneMask>>& entries) {
  const ForceCache& cache = forces_[column_.force[s]];
  const ZoneMask before = column_.zones[s];
  const ZoneMask mask = zones_here(s);
  if (const ZoneMask entered = mask & ~before & watch_->noticed_zones(); entered != 0) {
    entries.emplace_back(agents_.id[s], entered);
  }
  if (cache.kind != PlatformKind::ship) return;
  const std::size_t first = cache.nation * kGroupsPerNation;
  presence_->note_ship(presence, s, first + static_cast<std::size_t>(cache.role), first + kAnyShip,
                       mask);
}

void PlatformWorld::move() {
  const auto timer = timers_.measure(Phase::move);
  const double dt = spec_.dt_s;
  const std::size_t chunks = engine::chunk_count(agents_.size(), kChunk);
  presence_->begin_step(day_of_step(), chunks);
  watch_->entries.prepare(chunks);
  engine::for_each_chunk(
      agents_.size(), kChunk, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        detail::PresenceSampler::Chunk& presence = presence_->chunk(chunk);
        auto& entries = watch_->entries.take(chunk);
        for (std::size_t s = begin; s < end; ++s) {
          if (!agents_.alive[s]) {
            clear_zones(s);
            agents_.speed_km_s[s] = 0.0;
            continue;
          }
          const ForceCache& cache = forces_[column_.force[s]];
          const PlatformState state = column_.state[s];
          const bool fast = state == PlatformState::intercept || state == PlatformState::shadow;
          const bool moving = fast || state == PlatformState::transit
                              || state == PlatformState::outbound
                              || state == PlatformState::returning;
          if (!moving) {
            agents_.speed_km_s[s] = 0.0;
          } else if (move_towards_target(
                         s, (fast ? cache.max_speed_km_s : cache.cruise_speed_km_s) * dt)
                     && arrived(s, state)) {
            continue;
          }
          if (cache.kind == PlatformKind::aircraft) column_.airborne_s[s] += dt;
          note_zones(s, presence, entries);
        }
      });
}

}  // namespace hotline::agents
