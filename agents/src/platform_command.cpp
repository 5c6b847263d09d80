// The command phase of PlatformWorld: exercises start and end, intrusions
// are detected, command centres send alert aircraft and respond ships, and
// the step's incidents go to the command layer (CrisisCommand), whose
// postures and allies' crises take effect from the next step.
//
// Ordering rule: this phase is serial. It takes the zone entries of the
// move phase sorted by platform id, the command centres in file order and
// each centre's watch rules in file order, and picks responders in force
// order and, within a force, by id; incidents go to the command layer in
// canonical event order; its orders take effect in the next step's decide
// phase.
#include <algorithm>
#include <bit>
#include <cmath>

#include "hotline/agents/platform_world.hpp"
#include "intrusion_watch.hpp"
#include "platform_world_internal.hpp"

namespace hotline::agents {

using engine::Phase;

void PlatformWorld::command() {
  const auto timer = timers_.measure(Phase::command);
  (void)agents_.slots_by_id();
  run_exercises();
  run_stand_downs();
  run_stations();
  detect_intrusions();
  count_airspace_violations();
  count_intercepts();
  run_crisis_layer();
}

void PlatformWorld::run_crisis_layer() {
  const double now = time_s();
  for (const Event& incident : step_incidents_) {
    bool announced = false;
    if (policy_.notification) {
      for (const ExerciseSpec& exercise : spec_.exercises) {
        if (now >= exercise.start_s && now < exercise.start_s + exercise.duration_s
            && spec_.zones[exercise.area].shape.contains({incident.x_km, incident.y_km})) {
          announced = true;
        }
      }
    }
    crisis_->report_incident(incident, announced);
  }
  crisis_->end_step(step_, now + spec_.dt_s, events_);
  take_postures();
  deploy_for_ally_crisis();
}

// The postures the command layer set, except where a nation's is pinned: a
// nation's towards each rival (incidents) and its highest (missions).
void PlatformWorld::take_postures() {
  for (std::size_t nation = 0; nation < posture_.size(); ++nation) {
    posture_[nation] =
        pinned_posture_[nation] >= 0 ? pinned_posture_[nation] : crisis_->posture(nation);
  }
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    for (std::size_t side = 0; side < 2; ++side) {
      const std::size_t nation = side == 0 ? dyads_[d].first : dyads_[d].second;
      side_posture_[d * 2 + side] =
          pinned_posture_[nation] >= 0 ? pinned_posture_[nation] : crisis_->side_posture(d, side);
    }
  }
}

// Forces marked `deploy_on: ally_crisis` deploy from their bases while an
// ally of their nation has a dyad at L2 or above, and go home (and out of
// play) when none has. A ship recalled and still on its way home when the
// crisis returns turns round (patrol, route and loiter missions); a
// platform whose mission starts from port (sortie, alert, respond,
// presence) goes on home and is ready there, as after any return.
void PlatformWorld::deploy_for_ally_crisis() {
  for (std::size_t f = 0; f < spec_.forces.size(); ++f) {
    const ForceSpec& force = spec_.forces[f];
    if (force.deploy_on != Deployment::ally_crisis) continue;
    const bool wanted = crisis_->ally_in_crisis(force.nation);
    if (wanted == (ally_force_deployed_[f] != 0)) continue;
    ally_force_deployed_[f] = wanted ? 1 : 0;
    const engine::AgentId first = forces_[f].first_id;
    for (engine::AgentId id = first; id < first + force.count; ++id) {
      const std::uint32_t s = agents_.slot_of(id);
      if (wanted) {
        const bool recalled_on_the_way = column_.stand_down[s] != 0
                                         && column_.state[s] == PlatformState::returning
                                         && sails_from_where_it_is(force.mission.type);
        column_.stand_down[s] = 0;
        if (column_.state[s] == PlatformState::reserve || recalled_on_the_way) start_mission(s);
      } else if (column_.state[s] != PlatformState::reserve) {
        stand_down(s);
      }
    }
  }
}

// Missions a platform takes up from wherever it is (start_mission puts it
// in transit); the others wait in port to be sent.
bool PlatformWorld::sails_from_where_it_is(MissionType type) {
  return type == MissionType::patrol || type == MissionType::route || type == MissionType::loiter;
}

void PlatformWorld::stand_down(std::size_t s) {
  column_.stand_down[s] = 1;
  if (detail::on_the_ground(column_.state[s])) {
    column_.state[s] = PlatformState::reserve;
    agents_.alive[s] = 0;
  } else {
    return_to_base(s);
  }
}

// An exercise's forces deploy from their bases when it starts and go home
// (and out of play) when it ends.
void PlatformWorld::run_exercises() {
  const double begin = time_s();
  const double end = begin + spec_.dt_s;
  for (const ExerciseSpec& exercise : spec_.exercises) {
    const double finish = exercise.start_s + exercise.duration_s;
    const bool starts = exercise.start_s >= begin && exercise.start_s < end;
    const bool ends = finish >= begin && finish < end;
    if (!starts && !ends) continue;
    if (starts) crisis_->exercise_started(exercise.nation, exercise.start_s);
    for (std::size_t f : exercise.forces) {
      const engine::AgentId first = forces_[f].first_id;
      for (engine::AgentId id = first; id < first + spec_.forces[f].count; ++id) {
        const std::uint32_t s = agents_.slot_of(id);
        if (starts && column_.state[s] == PlatformState::reserve) {
          start_mission(s);
        } else if (ends && spec_.forces[f].deploy_on == Deployment::exercise
                   && column_.state[s] != PlatformState::reserve) {
          stand_down(s);
        }
      }
    }
  }
}

bool PlatformWorld::stood_down(std::size_t f, double t) const {
  for (const auto& [from, to] : spec_.forces[f].stood_down_s) {
    if (t >= from && t < to) return true;
  }
  return false;
}

void PlatformWorld::run_stand_downs() {
  const double begin = time_s();
  const double end = begin + spec_.dt_s;
  for (std::size_t f = 0; f < spec_.forces.size(); ++f) {
    const ForceSpec& force = spec_.forces[f];
    if (force.deploy_on != Deployment::start) continue;
    for (const auto& [from, to] : force.stood_down_s) {
      const bool starts = from >= begin && from < end;
      const bool ends = to >= begin && to < end;
      if (!starts && !ends) continue;
      for (engine::AgentId id = forces_[f].first_id; id < forces_[f].first_id + force.count; ++id) {
        const std::uint32_t s = agents_.slot_of(id);
        if (starts && column_.state[s] != PlatformState::reserve) stand_down(s);
        if (ends && column_.state[s] == PlatformState::reserve) start_mission(s);
      }
    }
  }
}

// Whether a command centre sees a platform: inside one of its radars, or
// within the sensor range of one of its nation's platforms in play.
bool PlatformWorld::covered(const CommandCentreSpec& centre, std::size_t intruder) const {
  const double x = agents_.x_km[intruder];
  const double y = agents_.y_km[intruder];
  for (const RadarSpec& radar : centre.radars) {
    const double dx = x - radar.at.x_km;
    const double dy = y - radar.at.y_km;
    if (dx * dx + dy * dy <= radar.range_km * radar.range_km) return true;
  }
  for (std::size_t s = 0; s < grid_.indexed_count(); ++s) {
    if (agents_.side[s] != centre.nation) continue;
    const double range =
        spec_.classes[spec_.forces[column_.force[s]].platform_class].sensor_range_km;
    const double dx = x - agents_.x_km[s];
    const double dy = y - agents_.y_km[s];
    if (dx * dx + dy * dy <= range * range) return true;
  }
  return false;
}

std::uint32_t PlatformWorld::send_responders(const WatchSpec& rule, MissionType mission,
                                             engine::AgentId intruder, std::uint32_t wanted) {
  std::uint32_t sent = 0;
  for (std::size_t f : rule.responders) {
    if (spec_.forces[f].mission.type != mission) continue;
    const engine::AgentId first = forces_[f].first_id;
    for (engine::AgentId id = first; id < first + spec_.forces[f].count && sent < wanted; ++id) {
      const std::uint32_t s = agents_.slot_of(id);
      if (column_.state[s] != PlatformState::ready) continue;
      column_.state[s] = PlatformState::intercept;
      column_.target_agent[s] = intruder;
      column_.airborne_s[s] = 0.0;
      const std::uint32_t t = agents_.slot_of(intruder);
      column_.target_x_km[s] = agents_.x_km[t];
      column_.target_y_km[s] = agents_.y_km[t];
      agents_.alive[s] = 1;
      ++sent;
    }
    if (sent == wanted) break;
  }
  return sent;
}

// An intruder is a rival platform in a watched zone; the watching centre
// sees it when it is in the centre's coverage — on entering, or at any later
// step of its stay — and that is an intrusion, counted once a stay. The
// centre's rule for the zone then sends alert aircraft against an aircraft
// and respond ships against a ship. A platform that is itself out on a
// response (an alert fighter or a respond ship, from launch until it is
// home) is counted as an intrusion but not answered: where two sides'
// watched zones overlap (the East China Sea's ADIZs do), answering
// interceptors would have each side's fighters scramble the other's without
// end, and the published scramble figures count answers to aircraft flying
// their own missions.
void PlatformWorld::detect_intrusions() {
  for (const auto& [intruder, entered] : watch_->entries.merge_sorted())
    add_unseen(intruder, entered);
  std::vector<detail::UnseenIntruder>& unseen = watch_->unseen;
  std::vector<detail::UnseenIntruder>& still_unseen = watch_->still_unseen;
  std::sort(unseen.begin(), unseen.end());
  still_unseen.clear();
  for (const detail::UnseenIntruder& u : unseen) {
    const std::uint32_t slot = agents_.slot_of(u.id);
    const ZoneMask inside = agents_.alive[slot] ? u.zones & column_.zones[slot] : 0;
    if (inside == 0) continue;  // it left unseen
    const CommandCentreSpec& centre = spec_.command_centres[u.centre];
    if (!covered(centre, slot)) {
      still_unseen.push_back({u.id, u.centre, inside});
      continue;
    }
    for (const WatchSpec& rule : centre.watches) {
      if ((inside >> rule.zone & 1U) != 0) answer_intrusion(centre, rule, u.id);
    }
  }
  std::swap(unseen, still_unseen);
}

// A response event of this step: the intruder and its nation, the
// responding nation, placed where the platform in `at_slot` is.
Event PlatformWorld::response_event(EventType type, engine::AgentId intruder,
                                    std::size_t responder_nation, std::uint32_t at_slot) const {
  Event e;
  e.step = step_;
  e.time_s = time_s();
  e.type = type;
  e.agent_a = intruder;
  e.nation_a = agents_.side[agents_.slot_of(intruder)];
  e.nation_b = static_cast<std::uint16_t>(responder_nation);
  e.x_km = agents_.x_km[at_slot];
  e.y_km = agents_.y_km[at_slot];
  return e;
}

// A new stay: for each rival centre watching a zone entered, for the
// intruder's role, the zones it has yet to see the intruder in.
void PlatformWorld::add_unseen(engine::AgentId intruder, ZoneMask entered) {
  const std::uint32_t slot = agents_.slot_of(intruder);
  const Role role = forces_[column_.force[slot]].role;
  for (std::size_t c = 0; c < spec_.command_centres.size(); ++c) {
    const CommandCentreSpec& centre = spec_.command_centres[c];
    if (spec_.relation(centre.nation, agents_.side[slot]) != Relation::rival) continue;
    ZoneMask zones = 0;
    for (const WatchSpec& rule : centre.watches) {
      if ((entered >> rule.zone & 1U) != 0 && rule.concerns(role)) {
        zones |= ZoneMask{1} << rule.zone;
      }
    }
    if (zones != 0) watch_->unseen.push_back({intruder, static_cast<std::uint32_t>(c), zones});
  }
}

void PlatformWorld::answer_intrusion(const CommandCentreSpec& centre, const WatchSpec& rule,
                                     engine::AgentId intruder) {
  const std::uint32_t slot = agents_.slot_of(intruder);
  const std::size_t intruder_nation = agents_.side[slot];
  const bool aircraft = agents_.kind[slot] == static_cast<std::uint8_t>(PlatformKind::aircraft);
  const MissionType mission = spec_.forces[column_.force[slot]].mission.type;
  const bool responding = mission == MissionType::alert || mission == MissionType::respond;
  ResponseCounts& counts = watch_->counts(centre.nation, intruder_nation);
  ++counts.intrusions;
  Event e = response_event(EventType::intrusion, intruder, centre.nation, slot);
  e.value = static_cast<std::uint32_t>(rule.zone);
  events_.push_back(e);
  const std::uint32_t wanted = aircraft ? rule.scramble_per_intruder : rule.dispatch_per_intruder;
  if (wanted == 0 || responding) return;
  const std::uint32_t sent =
      send_responders(rule, aircraft ? MissionType::alert : MissionType::respond, intruder, wanted);
  if (sent == 0) {
    ++counts.unanswered;
    return;
  }
  if (aircraft) {
    ++counts.scrambles;
    counts.aircraft_scrambled += sent;
  } else {
    ++counts.dispatches;
    counts.ships_dispatched += sent;
  }
  e.type = aircraft ? EventType::scramble : EventType::dispatch;
  e.value = sent;
  events_.push_back(e);
}

// An aircraft entering a territorial sea's airspace (the land included)
// whose owner is neither its own nation nor an ally.
void PlatformWorld::count_airspace_violations() {
  for (const auto& [id, entered] : watch_->entries.merged()) {
    const std::uint32_t slot = agents_.slot_of(id);
    if (agents_.kind[slot] != static_cast<std::uint8_t>(PlatformKind::aircraft)) continue;
    const std::size_t nation = agents_.side[slot];
    for (ZoneMask zones = entered & watch_->airspace_zones; zones != 0; zones &= zones - 1) {
      const auto z = static_cast<std::size_t>(std::countr_zero(zones));
      const std::size_t owner = *spec_.zones[z].owner;
      if (owner == nation || spec_.relation(owner, nation) == Relation::ally) continue;
      ++watch_->counts(owner, nation).airspace_violations;
      Event e = response_event(EventType::airspace_violation, id, owner, slot);
      e.value = static_cast<std::uint32_t>(z);
      events_.push_back(e);
    }
  }
}

// Responders that came within their standoff of their intruder this step,
// in id order: one intercept each, however long they then shadow.
void PlatformWorld::count_intercepts() {
  for (const engine::AgentId responder : watch_->reached.merge_sorted()) {
    const std::uint32_t slot = agents_.slot_of(responder);
    const engine::AgentId intruder = column_.target_agent[slot];
    const std::uint32_t target = agents_.slot_of(intruder);
    ++watch_->counts(agents_.side[slot], agents_.side[target]).intercepts;
    Event e = response_event(EventType::intercept, intruder, agents_.side[slot], slot);
    e.agent_b = responder;
    events_.push_back(e);
  }
}

}  // namespace hotline::agents
