#include "hotline/agents/platform_world.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "encounter_table.hpp"
#include "hotline/engine/fixed_chunks.hpp"
#include "zone_sampling.hpp"

namespace hotline::agents {

namespace {

using engine::Phase;
using engine::RngPurpose;

// Fixed chunks of slots for the parallel phases (determinism: results are
// merged in chunk order, and chunk boundaries do not depend on threads).
constexpr std::size_t kChunk = 4096;
constexpr double kSecondsPerDay = 86400.0;
// Presence is kept per nation for each ship role and for "any ship" (the
// last group), since days with any ship are not a sum over roles.
constexpr std::size_t kGroupsPerNation = kRoleCount + 1;
constexpr std::size_t kAnyShip = kRoleCount;

// The box the spatial index covers: every zone, base and mission point, with
// a margin. Platforms outside it still index correctly (edge cells).
engine::WorldBounds world_bounds(const WorldSpec& spec) {
  double min_x = 0.0;
  double min_y = 0.0;
  double max_x = 0.0;
  double max_y = 0.0;
  auto take = [&](PlanePoint p) {
    min_x = std::min(min_x, p.x_km);
    min_y = std::min(min_y, p.y_km);
    max_x = std::max(max_x, p.x_km);
    max_y = std::max(max_y, p.y_km);
  };
  for (const ZoneSpec& z : spec.zones) {
    take(z.shape.min_corner());
    take(z.shape.max_corner());
  }
  for (const BaseSpec& b : spec.bases)
    take(b.at);
  for (const ForceSpec& f : spec.forces) {
    for (const PlanePoint& p : f.mission.waypoints)
      take(p);
    if (f.mission.type == MissionType::loiter) {
      take({f.mission.around.x_km - f.mission.radius_km,
            f.mission.around.y_km - f.mission.radius_km});
      take({f.mission.around.x_km + f.mission.radius_km,
            f.mission.around.y_km + f.mission.radius_km});
    }
  }
  constexpr double kMarginKm = 100.0;
  return {min_x - kMarginKm, min_y - kMarginKm, max_x - min_x + 2 * kMarginKm,
          max_y - min_y + 2 * kMarginKm, false};
}

// The widest distance a pair query will use: encounters end beyond
// end_factor × range.
double widest_pair_range_km(const WorldSpec& spec) {
  double widest = 1.0;
  for (double r : spec.encounters.range_km)
    widest = std::max(widest, r * spec.encounters.end_factor);
  return widest;
}

std::uint64_t checked_platform_count(const WorldSpec& spec) {
  if (!(spec.dt_s > 0.0)) throw std::invalid_argument("platform world: the time step must be > 0");
  if (spec.nations.size() > engine::PairRule::kMaxSides) {
    throw std::invalid_argument("platform world: at most 64 nations");
  }
  const std::uint64_t n = spec.platform_count();
  if (n == 0) throw std::invalid_argument("platform world: the scenario has no platforms");
  if (n > 0xffffffffULL) throw std::invalid_argument("platform world: too many platforms");
  return n;
}

// Rival platforms within end_factor × the range for their kinds.
engine::PairRule encounter_search_rule(const WorldSpec& spec) {
  const int nations = static_cast<int>(spec.nations.size());
  engine::PairRule rule(static_cast<int>(kPlatformKindCount), nations);
  for (std::size_t a = 0; a < kPlatformKindCount; ++a) {
    for (std::size_t b = 0; b < kPlatformKindCount; ++b) {
      rule.set_range_km(
          static_cast<int>(a), static_cast<int>(b),
          spec.encounters.range_km[a * kPlatformKindCount + b] * spec.encounters.end_factor);
    }
  }
  for (int a = 0; a < nations; ++a) {
    for (int b = 0; b < nations; ++b) {
      rule.set_interacts(a, b,
                         spec.relation(static_cast<std::size_t>(a), static_cast<std::size_t>(b))
                             == Relation::rival);
    }
  }
  return rule;
}

// Encounters in the resolve phase, per parallel task.
constexpr std::size_t kEncounterChunk = 1024;

std::vector<ZoneShape> zone_shapes(const WorldSpec& spec) {
  std::vector<ZoneShape> shapes;
  for (const ZoneSpec& z : spec.zones)
    shapes.push_back(z.shape);
  return shapes;
}

// The circle a loiterer walks in: its own, or the swarm's once its nation's
// posture is high enough.
struct LoiterCircle {
  PlanePoint centre;
  double radius_km;
};

LoiterCircle loiter_circle(const MissionSpec& m, int posture) {
  if (m.swarm && posture >= m.swarm->from_posture) return {m.swarm->towards, m.swarm->radius_km};
  return {m.around, m.radius_km};
}

}  // namespace

PlatformWorld::PlatformWorld(const WorldSpec& spec, std::uint64_t seed, std::uint32_t replication)
    : spec_(spec),
      rng_(seed, replication),
      zone_index_(zone_shapes(spec)),
      agents_(checked_platform_count(spec)),
      grid_(world_bounds(spec), widest_pair_range_km(spec)),
      posture_(spec.nations.size(), 0),
      force_(&agents_.add_column<std::uint32_t>(0)),
      state_(&agents_.add_column<PlatformState>(PlatformState::reserve)),
      target_x_km_(&agents_.add_column<double>(0.0)),
      target_y_km_(&agents_.add_column<double>(0.0)),
      timer_s_(&agents_.add_column<double>(0.0)),
      waypoint_(&agents_.add_column<std::uint32_t>(0)),
      zones_(&agents_.add_column<ZoneMask>(0)),
      rule_(encounter_search_rule(spec)),
      table_(std::make_unique<detail::EncounterTable>()),
      dyads_(spec.dyads()),
      dyad_counts_(dyads_.size()),
      encounter_steps_(dyads_.size(), 0) {
  for (const ForceSpec& f : spec_.forces)
    force_role_.push_back(spec_.classes[f.platform_class].role);
  const std::size_t n = spec_.nations.size();
  dyad_of_nations_.assign(n * n, 0);
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    dyad_of_nations_[dyads_[d].first * n + dyads_[d].second] = static_cast<std::uint32_t>(d);
    dyad_of_nations_[dyads_[d].second * n + dyads_[d].first] = static_cast<std::uint32_t>(d);
  }
  cooldown_steps_ = static_cast<std::uint32_t>(std::ceil(spec_.incidents.cooldown_s / spec_.dt_s));
  const std::size_t groups = spec_.nations.size() * kGroupsPerNation;
  present_now_.assign(groups, 0);
  counted_today_.assign(groups, 0);
  presence_days_.assign(groups * kMaxZones, 0);
  spawn();
  grid_.rebuild(agents_);
}

PlatformWorld::~PlatformWorld() = default;

void PlatformWorld::set_posture(std::size_t nation, int posture) {
  if (posture < 0 || posture > 3) throw std::invalid_argument("posture must be in 0..3");
  postures_changed_ = postures_changed_ || posture_.at(nation) != posture;
  posture_.at(nation) = posture;
}

std::size_t PlatformWorld::active_encounters() const {
  return table_->active().size();
}

// Where each platform starts, and its first target. Ids run in force order,
// and the store's slots equal the ids until the first index rebuild.
void PlatformWorld::spawn() {
  std::uint32_t id = 0;
  for (std::size_t f = 0; f < spec_.forces.size(); ++f) {
    const ForceSpec& force = spec_.forces[f];
    const ClassSpec& platform_class = spec_.classes[force.platform_class];
    const MissionSpec& m = force.mission;
    // Assigned, not built in a conditional expression: GCC 12 warns
    // (falsely) about the latter.
    std::optional<PlanePoint> base;
    if (force.base) base = spec_.bases[*force.base].at;
    for (std::uint32_t k = 0; k < force.count; ++k, ++id) {
      const std::size_t s = id;
      agents_.side[s] = static_cast<std::uint8_t>(force.nation);
      agents_.kind[s] = static_cast<std::uint8_t>(platform_class.kind);
      (*force_)[s] = static_cast<std::uint32_t>(f);
      PlanePoint at{};
      PlanePoint target{};
      PlatformState state = PlatformState::transit;
      switch (m.type) {
        case MissionType::patrol: {
          const ZoneShape& area = spec_.zones[m.area].shape;
          at = base.value_or(
              detail::random_point_in_zone(rng_, 0, id, RngPurpose::platform_spawn, area));
          target = detail::random_point_in_zone(rng_, 0, id, RngPurpose::platform_waypoint, area);
          break;
        }
        case MissionType::route:
          at = base.value_or(m.waypoints.front());
          // Without a base it starts on its first waypoint and heads for the
          // next (or holds there if the route has one point).
          (*waypoint_)[s] =
              base ? 0
                   : std::min<std::uint32_t>(1, static_cast<std::uint32_t>(m.waypoints.size() - 1));
          target = m.waypoints[(*waypoint_)[s]];
          break;
        case MissionType::loiter: {
          const LoiterCircle c = loiter_circle(m, posture_[force.nation]);
          at = base.value_or(detail::random_point_in_circle(rng_, 0, id, RngPurpose::platform_spawn,
                                                            c.centre, c.radius_km));
          target = detail::random_point_in_circle(rng_, 0, id, RngPurpose::platform_waypoint,
                                                  c.centre, c.radius_km);
          break;
        }
        case MissionType::sortie:
        case MissionType::alert:
        case MissionType::respond:
          // On the ground or in port until launched, scrambled or
          // dispatched.
          at = base.value_or(PlanePoint{});
          target = at;
          state = PlatformState::reserve;
          break;
      }
      if (force.deploy_on != Deployment::start) state = PlatformState::reserve;
      agents_.x_km[s] = at.x_km;
      agents_.y_km[s] = at.y_km;
      agents_.heading_rad[s] = 0.0;
      agents_.speed_km_s[s] = 0.0;
      agents_.alive[s] = state == PlatformState::reserve ? 0 : 1;
      (*state_)[s] = state;
      (*target_x_km_)[s] = target.x_km;
      (*target_y_km_)[s] = target.y_km;
      (*zones_)[s] = agents_.alive[s] ? zone_index_.zones_at(at) : 0;
    }
  }
}

void PlatformWorld::step() {
  decide();
  move();
  {
    const auto timer = timers_.measure(Phase::index);
    grid_.rebuild(agents_);
  }
  sense();
  resolve();
  record();
  ++step_;
}

// Each platform's mission state machine, from its own state of the last step
// (it reads nothing another platform writes in this phase).
void PlatformWorld::decide() {
  const auto timer = timers_.measure(Phase::decide);
  const double dt = spec_.dt_s;
  engine::for_each_chunk(
      agents_.size(), kChunk, [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t s = begin; s < end; ++s) {
          if ((*state_)[s] == PlatformState::reserve || (*state_)[s] == PlatformState::done)
            continue;
          const ForceSpec& force = spec_.forces[(*force_)[s]];
          const MissionSpec& m = force.mission;
          const std::uint32_t id = agents_.id[s];
          if (m.type == MissionType::loiter && m.swarm) {
            // A swarm order moves the circle: a target outside it is dropped.
            const LoiterCircle c = loiter_circle(m, posture_[force.nation]);
            const double dx = (*target_x_km_)[s] - c.centre.x_km;
            const double dy = (*target_y_km_)[s] - c.centre.y_km;
            if (dx * dx + dy * dy > c.radius_km * c.radius_km) {
              const PlanePoint t = detail::random_point_in_circle(
                  rng_, step_, id, RngPurpose::platform_waypoint, c.centre, c.radius_km);
              (*target_x_km_)[s] = t.x_km;
              (*target_y_km_)[s] = t.y_km;
              (*state_)[s] = PlatformState::transit;
              continue;
            }
          }
          if ((*state_)[s] != PlatformState::dwell) continue;
          (*timer_s_)[s] -= dt;
          if ((*timer_s_)[s] > 0.0) continue;
          PlanePoint next{};
          switch (m.type) {
            case MissionType::patrol:
              next = detail::random_point_in_zone(rng_, step_, id, RngPurpose::platform_waypoint,
                                                  spec_.zones[m.area].shape);
              break;
            case MissionType::loiter: {
              const LoiterCircle c = loiter_circle(m, posture_[force.nation]);
              next = detail::random_point_in_circle(rng_, step_, id, RngPurpose::platform_waypoint,
                                                    c.centre, c.radius_km);
              break;
            }
            case MissionType::route: {
              std::uint32_t w = (*waypoint_)[s] + 1;
              if (w == m.waypoints.size()) {
                if (!m.loop) {
                  (*state_)[s] = PlatformState::done;
                  continue;
                }
                w = 0;
              }
              (*waypoint_)[s] = w;
              next = m.waypoints[w];
              break;
            }
            case MissionType::sortie:
            case MissionType::alert:
            case MissionType::respond:
              continue;
          }
          (*target_x_km_)[s] = next.x_km;
          (*target_y_km_)[s] = next.y_km;
          (*state_)[s] = PlatformState::transit;
        }
      });
}

// Integrates positions towards each target at cruise speed, and finds the
// zones every platform in play is in.
void PlatformWorld::move() {
  const auto timer = timers_.measure(Phase::move);
  const double dt = spec_.dt_s;
  const std::size_t groups = present_now_.size();
  present_by_chunk_.resize(engine::chunk_count(agents_.size(), kChunk));
  engine::for_each_chunk(
      agents_.size(), kChunk, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        std::vector<ZoneMask>& present = present_by_chunk_[chunk];
        present.assign(groups, 0);
        for (std::size_t s = begin; s < end; ++s) {
          if (!agents_.alive[s]) {
            (*zones_)[s] = 0;
            continue;
          }
          const ForceSpec& force = spec_.forces[(*force_)[s]];
          const ClassSpec& platform_class = spec_.classes[force.platform_class];
          if ((*state_)[s] == PlatformState::transit) {
            const double dx = (*target_x_km_)[s] - agents_.x_km[s];
            const double dy = (*target_y_km_)[s] - agents_.y_km[s];
            const double distance = std::sqrt(dx * dx + dy * dy);
            const double reach = platform_class.cruise_speed_km_s * dt;
            if (distance <= reach) {
              agents_.x_km[s] = (*target_x_km_)[s];
              agents_.y_km[s] = (*target_y_km_)[s];
              (*state_)[s] = PlatformState::dwell;
              (*timer_s_)[s] = force.mission.dwell_s;
            } else {
              agents_.x_km[s] += dx / distance * reach;
              agents_.y_km[s] += dy / distance * reach;
            }
            agents_.speed_km_s[s] = std::min(distance, reach) / dt;
          } else {
            agents_.speed_km_s[s] = 0.0;
          }
          const ZoneMask mask = zone_index_.zones_at({agents_.x_km[s], agents_.y_km[s]});
          (*zones_)[s] = mask;
          if (platform_class.kind == PlatformKind::ship) {
            const std::size_t first = force.nation * kGroupsPerNation;
            present[first + static_cast<std::size_t>(platform_class.role)] |= mask;
            present[first + kAnyShip] |= mask;
          }
        }
      });
}

Event PlatformWorld::pair_event(EventType type, engine::AgentId a, engine::AgentId b) const {
  const std::uint32_t sa = agents_.slot_of(a);
  const std::uint32_t sb = agents_.slot_of(b);
  Event e;
  e.step = step_;
  e.time_s = time_s();
  e.type = type;
  e.agent_a = a;
  e.agent_b = b;
  e.nation_a = agents_.side[sa];
  e.nation_b = agents_.side[sb];
  e.x_km = (agents_.x_km[sa] + agents_.x_km[sb]) / 2;
  e.y_km = (agents_.y_km[sa] + agents_.y_km[sb]) / 2;
  return e;
}

// Rival pairs within their end range, whether they are within the begin
// range, and the encounter table's update.
void PlatformWorld::sense() {
  const auto timer = timers_.measure(Phase::sense);
  finder_.find(grid_, agents_, rule_, pairs_);
  (void)agents_.slots_by_id();  // built once here, read in parallel below
  const std::size_t n = spec_.nations.size();
  const auto& range = spec_.encounters.range_km;
  found_by_chunk_.resize(pairs_.chunk_count());
  tbb::parallel_for(std::size_t{0}, pairs_.chunk_count(), [&](std::size_t chunk) {
    std::vector<detail::Proximity>& out = found_by_chunk_[chunk];
    out.clear();
    for (const engine::AgentPair& pair : pairs_.chunk(chunk)) {
      const std::uint32_t sa = agents_.slot_of(pair.a);
      const std::uint32_t sb = agents_.slot_of(pair.b);
      const double dx = agents_.x_km[sa] - agents_.x_km[sb];
      const double dy = agents_.y_km[sa] - agents_.y_km[sb];
      const double r = range[agents_.kind[sa] * kPlatformKindCount + agents_.kind[sb]];
      out.push_back({pair.a, pair.b, dx * dx + dy * dy < r * r,
                     dyad_of_nations_[agents_.side[sa] * n + agents_.side[sb]]});
    }
  });
  found_.clear();
  for (const auto& chunk : found_by_chunk_)
    found_.insert(found_.end(), chunk.begin(), chunk.end());
  std::sort(found_.begin(), found_.end(),
            [](const detail::Proximity& x, const detail::Proximity& y) {
              return x.a < y.a || (x.a == y.a && x.b < y.b);
            });
  table_->update(found_, step_, begun_, ended_);
  for (const detail::Encounter& e : ended_)
    events_.push_back(pair_event(EventType::encounter_end, e.a, e.b));
  for (const detail::Encounter& e : begun_) {
    events_.push_back(pair_event(EventType::encounter_begin, e.a, e.b));
    ++dyad_counts_[e.dyad].encounters;
  }
}

void PlatformWorld::refresh_incident_probabilities() {
  // λ = λ0(roles) · g(posture_a) · g(posture_b); policy factors arrive with
  // the policy issue. p = 1 − exp(−λ·dt).
  const auto& g = spec_.incidents.posture_multiplier;
  incident_probability_.resize(4 * 4 * kRoleCount * kRoleCount);
  for (std::size_t pa = 0; pa < 4; ++pa) {
    for (std::size_t pb = 0; pb < 4; ++pb) {
      for (std::size_t r = 0; r < kRoleCount * kRoleCount; ++r) {
        const double lambda = spec_.incidents.rate_per_s[r] * g[pa] * g[pb];
        incident_probability_[(pa * 4 + pb) * kRoleCount * kRoleCount + r] =
            -std::expm1(-lambda * spec_.dt_s);
      }
    }
  }
  postures_changed_ = false;
}

// Each encounter's incident draw, in parallel over fixed chunks of the table
// (sorted by pair), merged in chunk order.
void PlatformWorld::resolve() {
  const auto timer = timers_.measure(Phase::resolve);
  if (postures_changed_) refresh_incident_probabilities();
  std::span<detail::Encounter> active = table_->active();
  const std::size_t chunks = engine::chunk_count(active.size(), kEncounterChunk);
  incidents_by_chunk_.resize(chunks);
  const auto& mix = spec_.incidents.severity_mix;
  const auto& g = spec_.incidents.posture_multiplier;
  engine::for_each_chunk(
      active.size(), kEncounterChunk, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        std::vector<Event>& out = incidents_by_chunk_[chunk];
        out.clear();
        for (std::size_t i = begin; i < end; ++i) {
          detail::Encounter& e = active[i];
          if (step_ < e.quiet_until_step) continue;
          const std::uint32_t sa = agents_.slot_of(e.a);
          const std::uint32_t sb = agents_.slot_of(e.b);
          const auto ra = static_cast<std::size_t>(force_role_[(*force_)[sa]]);
          const auto rb = static_cast<std::size_t>(force_role_[(*force_)[sb]]);
          const auto pa = static_cast<std::size_t>(posture_[agents_.side[sa]]);
          const auto pb = static_cast<std::size_t>(posture_[agents_.side[sb]]);
          const std::size_t roles = ra * kRoleCount + rb;
          const double p = incident_probability_[(pa * 4 + pb) * kRoleCount * kRoleCount + roles];
          if (rng_.uniform(step_, e.a, e.b, RngPurpose::platform_incident) >= p) continue;
          e.quiet_until_step = step_ + cooldown_steps_;
          // Severity from the role pair's mix, shifted graver with the higher
          // posture: dangerous × s, grave × s², s = √g(posture) (docs/model.md).
          const double shift = std::sqrt(g[std::max(pa, pb)]);
          const SeverityTriple& m = mix[roles];
          const double w_unsafe = m.unsafe;
          const double w_dangerous = m.dangerous * shift;
          const double w_grave = m.grave * shift * shift;
          const double u = rng_.uniform(step_, e.a, e.b, RngPurpose::platform_severity)
                           * (w_unsafe + w_dangerous + w_grave);
          Event incident = pair_event(EventType::incident, e.a, e.b);
          incident.severity = u < w_unsafe                 ? Severity::unsafe
                              : u < w_unsafe + w_dangerous ? Severity::dangerous
                                                           : Severity::grave;
          out.push_back(incident);
        }
      });
  for (std::size_t c = 0; c < chunks; ++c) {
    for (const Event& incident : incidents_by_chunk_[c]) {
      const std::uint32_t dyad =
          dyad_of_nations_[incident.nation_a * spec_.nations.size() + incident.nation_b];
      ++dyad_counts_[dyad].incidents[static_cast<std::size_t>(incident.severity)];
      events_.push_back(incident);
    }
  }
  // Every encounter in progress adds this step to its dyad's hours (counted
  // in whole steps, so that the hours carry no summed rounding).
  for (const detail::Encounter& e : active)
    ++encounter_steps_[e.dyad];
  for (std::size_t d = 0; d < dyad_counts_.size(); ++d) {
    dyad_counts_[d].encounter_hours =
        static_cast<double>(encounter_steps_[d]) * spec_.dt_s / 3600.0;
  }
}

// Presence days: a zone counts once per day for a (nation, role) with a ship
// in it at the end of any step of that day.
void PlatformWorld::record() {
  const auto timer = timers_.measure(Phase::record);
  const auto day =
      static_cast<std::uint32_t>(static_cast<double>(step_) * spec_.dt_s / kSecondsPerDay);
  if (day != current_day_) {
    std::fill(counted_today_.begin(), counted_today_.end(), 0);
    current_day_ = day;
  }
  std::fill(present_now_.begin(), present_now_.end(), 0);
  for (const std::vector<ZoneMask>& chunk : present_by_chunk_) {
    for (std::size_t g = 0; g < present_now_.size(); ++g)
      present_now_[g] |= chunk[g];
  }
  for (std::size_t g = 0; g < present_now_.size(); ++g) {
    for (ZoneMask fresh = present_now_[g] & ~counted_today_[g]; fresh != 0; fresh &= fresh - 1) {
      ++presence_days_[g * kMaxZones + static_cast<std::size_t>(std::countr_zero(fresh))];
    }
    counted_today_[g] |= present_now_[g];
  }
}

std::uint32_t PlatformWorld::presence_days(std::size_t nation, Role role, std::size_t zone) const {
  const std::size_t group = nation * kGroupsPerNation + static_cast<std::size_t>(role);
  return presence_days_[group * kMaxZones + zone];
}

std::uint32_t PlatformWorld::presence_days(std::size_t nation, std::size_t zone) const {
  return presence_days_[(nation * kGroupsPerNation + kAnyShip) * kMaxZones + zone];
}

}  // namespace hotline::agents
