// Presence missions: a force on station in an area for a while, away for a
// while — a two-state process with exponential times in each state, so that
// both absences of days and unbroken runs of months occur (docs/model.md).
// While on station it keeps a few ships there (uniform in [min, max]); at a
// Poisson rate those ships enter a second zone together (one case of entry)
// and stay a lognormal time. Ordering rule: this runs in the serial command
// phase, forces in file order, ships of a force in id order.
#include <cmath>

#include "hotline/agents/draw_purposes.hpp"
#include "hotline/agents/platform_world.hpp"
#include "platform_world_internal.hpp"
#include "random_draws.hpp"
#include "zone_sampling.hpp"

namespace hotline::agents {

using engine::RngPurpose;

double PlatformWorld::exponential_s(std::size_t force, RngPurpose purpose, double mean_s) const {
  const double u = rng_.uniform(step_, static_cast<std::uint32_t>(force), 0, purpose);
  return -mean_s * engine::log(1.0 - u);
}

// The process starts in its stationary state: on station with probability
// present / (present + absent), its time to the next switch exponential
// (memoryless); a force on station starts with its ships there.
void PlatformWorld::start_stations() {
  stations_.assign(spec_.forces.size(), Station{});
  for (std::size_t f = 0; f < spec_.forces.size(); ++f) {
    const ForceSpec& force = spec_.forces[f];
    if (force.mission.type != MissionType::presence || force.deploy_on != Deployment::start) {
      continue;
    }
    const StationProcess& p = force.mission.station;
    Station& st = stations_[f];
    const double u = rng_.uniform(0, static_cast<std::uint32_t>(f), 1, draw::station_switch);
    st.on_station = u < p.present_mean_s / (p.present_mean_s + p.absent_mean_s);
    st.next_switch_s =
        exponential_s(f, draw::station_switch, st.on_station ? p.present_mean_s : p.absent_mean_s);
    for (engine::AgentId id = forces_[f].first_id; id < forces_[f].first_id + force.count; ++id)
      column_.station_zone[agents_.slot_of(id)] = static_cast<std::uint16_t>(force.mission.area);
    if (!st.on_station) continue;
    // On station already: the first ships start somewhere in the area.
    const std::uint32_t ships =
        p.ships_min
        + static_cast<std::uint32_t>(
            rng_.uniform(0, static_cast<std::uint32_t>(f), 0, draw::station_ships)
            * (p.ships_max - p.ships_min + 1));
    for (std::uint32_t k = 0; k < ships; ++k) {
      const std::uint32_t s = agents_.slot_of(forces_[f].first_id + k);
      const PlanePoint at = station_point(s, false);
      agents_.x_km[s] = at.x_km;
      agents_.y_km[s] = at.y_km;
      column_.state[s] = PlatformState::transit;
      column_.target_x_km[s] = at.x_km;
      column_.target_y_km[s] = at.y_km;
      agents_.alive[s] = 1;
    }
  }
}

void PlatformWorld::send_to_station(std::size_t f, std::uint32_t ships) {
  const ForceSpec& force = spec_.forces[f];
  const std::size_t zone =
      stations_[f].entering ? force.mission.station.entry_zone : force.mission.area;
  std::uint32_t sent = 0;
  for (engine::AgentId id = forces_[f].first_id;
       id < forces_[f].first_id + force.count && sent < ships; ++id) {
    const std::uint32_t s = agents_.slot_of(id);
    if (column_.state[s] != PlatformState::ready) continue;
    column_.station_zone[s] = static_cast<std::uint16_t>(zone);
    const PlanePoint target = station_point(s, true);
    column_.state[s] = PlatformState::transit;
    column_.target_x_km[s] = target.x_km;
    column_.target_y_km[s] = target.y_km;
    agents_.alive[s] = 1;
    ++sent;
  }
}

void PlatformWorld::recall_from_station(std::size_t s) {
  const MissionSpec& m = spec_.forces[column_.force[s]].mission;
  const ForceCache& cache = forces_[column_.force[s]];
  return_to_base(s);
  if (!m.station.has_entries || !cache.has_base) return;
  const ZoneShape& entry = spec_.zones[m.station.entry_zone].shape;
  const PlanePoint here{agents_.x_km[s], agents_.y_km[s]};
  if (detail::leg_stays_out(entry, here, cache.base)) return;
  // An exit point of the station, reached and left for home outside the
  // entry zone; with none found, straight home.
  const PlanePoint exit = detail::random_sea_point(
      rng_, step_, agents_.id[s], draw::platform_waypoint, spec_.zones[m.area].shape,
      spec_.land.get(), here, true, &entry, &cache.base);
  if (exit == here) return;
  column_.target_x_km[s] = exit.x_km;
  column_.target_y_km[s] = exit.y_km;
  column_.via_exit[s] = 1;
}

void PlatformWorld::retarget_station(std::size_t f, std::size_t zone) {
  const ForceSpec& force = spec_.forces[f];
  for (engine::AgentId id = forces_[f].first_id; id < forces_[f].first_id + force.count; ++id) {
    const std::uint32_t s = agents_.slot_of(id);
    column_.station_zone[s] = static_cast<std::uint16_t>(zone);
    const PlatformState state = column_.state[s];
    if (state != PlatformState::transit && state != PlatformState::dwell) continue;
    const PlanePoint target = station_point(s, true);
    column_.state[s] = PlatformState::transit;
    column_.target_x_km[s] = target.x_km;
    column_.target_y_km[s] = target.y_km;
  }
}

void PlatformWorld::run_stations() {
  const double now = time_s();
  for (std::size_t f = 0; f < stations_.size(); ++f) {
    const ForceSpec& force = spec_.forces[f];
    if (force.mission.type != MissionType::presence || force.deploy_on != Deployment::start) {
      continue;
    }
    const StationProcess& p = force.mission.station;
    Station& st = stations_[f];
    if (now >= st.next_switch_s) {
      st.on_station = !st.on_station;
      st.next_switch_s = now
                         + exponential_s(f, draw::station_switch,
                                         st.on_station ? p.present_mean_s : p.absent_mean_s);
      if (st.on_station) {
        const double u = rng_.uniform(step_, static_cast<std::uint32_t>(f), 0, draw::station_ships);
        send_to_station(
            f, p.ships_min + static_cast<std::uint32_t>(u * (p.ships_max - p.ships_min + 1)));
      } else {
        st.entering = false;
        for (engine::AgentId id = forces_[f].first_id; id < forces_[f].first_id + force.count;
             ++id) {
          const std::uint32_t s = agents_.slot_of(id);
          if (!detail::on_the_ground(column_.state[s])) recall_from_station(s);
        }
      }
    }
    if (!st.on_station || !p.has_entries) continue;
    if (!st.entering) {
      const double enter = -std::expm1(-p.entries_per_s * spec_.dt_s);
      if (rng_.uniform(step_, static_cast<std::uint32_t>(f), 0, draw::station_entry) < enter) {
        const auto z = detail::two_standard_normals(
            rng_.words(step_, static_cast<std::uint32_t>(f), 0, draw::station_entry_dwell));
        st.entering = true;
        st.entry_until_s =
            now + detail::lognormal(p.entry_dwell_median_s, p.entry_dwell_sigma, z.first);
        retarget_station(f, p.entry_zone);
      }
    } else if (now >= st.entry_until_s) {
      st.entering = false;
      retarget_station(f, force.mission.area);
    }
  }
}

}  // namespace hotline::agents
