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
#include <cmath>

#include "hotline/agents/platform_world.hpp"
#include "platform_world_internal.hpp"

namespace hotline::agents {

using engine::Phase;

void PlatformWorld::command() {
  const auto timer = timers_.measure(Phase::command);
  (void)agents_.slots_by_id();
  run_exercises();
  detect_intrusions();
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
  for (std::size_t nation = 0; nation < posture_.size(); ++nation) {
    const int posture =
        pinned_posture_[nation] >= 0 ? pinned_posture_[nation] : crisis_->posture(nation);
    if (posture != posture_[nation]) {
      posture_[nation] = posture;
      postures_changed_ = true;
    }
  }
  deploy_for_ally_crisis();
}

// Forces marked `deploy_on: ally_crisis` deploy from their bases while an
// ally of their nation has a dyad at L2 or above, and go home (and out of
// play) when none has.
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
        (*stand_down_)[s] = 0;
        if ((*state_)[s] == PlatformState::reserve) start_mission(s);
      } else if ((*state_)[s] != PlatformState::reserve) {
        stand_down(s);
      }
    }
  }
}

void PlatformWorld::stand_down(std::size_t s) {
  (*stand_down_)[s] = 1;
  if (detail::on_the_ground((*state_)[s])) {
    (*state_)[s] = PlatformState::reserve;
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
    for (std::size_t f : exercise.forces) {
      const engine::AgentId first = forces_[f].first_id;
      for (engine::AgentId id = first; id < first + spec_.forces[f].count; ++id) {
        const std::uint32_t s = agents_.slot_of(id);
        if (starts && (*state_)[s] == PlatformState::reserve) {
          start_mission(s);
        } else if (ends && spec_.forces[f].deploy_on == Deployment::exercise
                   && (*state_)[s] != PlatformState::reserve) {
          stand_down(s);
        }
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
    const double range = spec_.classes[spec_.forces[(*force_)[s]].platform_class].sensor_range_km;
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
      if ((*state_)[s] != PlatformState::ready) continue;
      (*state_)[s] = PlatformState::intercept;
      (*target_agent_)[s] = intruder;
      (*airborne_s_)[s] = 0.0;
      const std::uint32_t t = agents_.slot_of(intruder);
      (*target_x_km_)[s] = agents_.x_km[t];
      (*target_y_km_)[s] = agents_.y_km[t];
      agents_.alive[s] = 1;
      ++sent;
    }
    if (sent == wanted) break;
  }
  return sent;
}

// Every rival platform that entered a watched zone this step, seen by the
// watching centre, is an intrusion; the centre's rule for the zone then
// sends alert aircraft against an aircraft and respond ships against a ship.
// A platform that is itself out on a response (an alert fighter or a
// respond ship, from launch until it is home) is counted as an intrusion
// but not answered: where two sides' watched zones overlap (the East China
// Sea's ADIZs do), answering interceptors would have each side's fighters
// scramble the other's without end, and the published scramble figures
// count answers to aircraft flying their own missions.
void PlatformWorld::detect_intrusions() {
  entries_.clear();
  for (const auto& chunk : entries_by_chunk_)
    entries_.insert(entries_.end(), chunk.begin(), chunk.end());
  std::sort(entries_.begin(), entries_.end());
  const std::size_t n = spec_.nations.size();
  for (const auto& [intruder, entered] : entries_) {
    const std::uint32_t slot = agents_.slot_of(intruder);
    const std::size_t intruder_nation = agents_.side[slot];
    const bool aircraft = agents_.kind[slot] == static_cast<std::uint8_t>(PlatformKind::aircraft);
    const ForceSpec& force = spec_.forces[(*force_)[slot]];
    const Role role = spec_.classes[force.platform_class].role;
    const MissionType mission = force.mission.type;
    const bool responding = mission == MissionType::alert || mission == MissionType::respond;
    for (const CommandCentreSpec& centre : spec_.command_centres) {
      if (spec_.relation(centre.nation, intruder_nation) != Relation::rival) continue;
      for (const WatchSpec& rule : centre.watches) {
        if ((entered >> rule.zone & 1U) == 0 || !rule.concerns(role) || !covered(centre, slot)) {
          continue;
        }
        ResponseCounts& counts = responses_[centre.nation * n + intruder_nation];
        ++counts.intrusions;
        Event e;
        e.step = step_;
        e.time_s = time_s();
        e.type = EventType::intrusion;
        e.agent_a = intruder;
        e.nation_a = static_cast<std::uint16_t>(intruder_nation);
        e.nation_b = static_cast<std::uint16_t>(centre.nation);
        e.x_km = agents_.x_km[slot];
        e.y_km = agents_.y_km[slot];
        e.value = static_cast<std::uint32_t>(rule.zone);
        events_.push_back(e);
        const std::uint32_t wanted =
            aircraft ? rule.scramble_per_intruder : rule.dispatch_per_intruder;
        if (wanted == 0 || responding) continue;
        const std::uint32_t sent = send_responders(
            rule, aircraft ? MissionType::alert : MissionType::respond, intruder, wanted);
        if (sent == 0) {
          ++counts.unanswered;
          continue;
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
    }
  }
}

}  // namespace hotline::agents
