#include "hotline/agents/platform_world.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>

#include "encounter_sensing.hpp"
#include "encounter_table.hpp"
#include "hotline/agents/draw_purposes.hpp"
#include "hotline/agents/incident_hazard.hpp"
#include "hotline/engine/fixed_chunks.hpp"
#include "intrusion_watch.hpp"
#include "platform_world_internal.hpp"
#include "presence_sampler.hpp"
#include "ship_navigation.hpp"
#include "zone_sampling.hpp"

namespace hotline::agents {

using detail::kAnyShip;
using detail::kGroupsPerNation;

namespace {

using engine::Phase;

constexpr double kSecondsPerDay = 86400.0;

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

// Encounters in the resolve phase, per parallel task.
constexpr std::size_t kEncounterChunk = 1024;

std::vector<ZoneShape> zone_shapes(const WorldSpec& spec) {
  std::vector<ZoneShape> shapes;
  for (const ZoneSpec& z : spec.zones)
    shapes.push_back(z.shape);
  return shapes;
}

}  // namespace

namespace {

const Policy& chosen_policy(const WorldSpec& spec, std::size_t policy) {
  static const Policy kNone = [] {
    Policy none;
    none.id = "none";
    return none;
  }();
  if (spec.policies.empty() && policy == 0) return kNone;
  if (policy >= spec.policies.size()) {
    throw std::invalid_argument("platform world: no policy number " + std::to_string(policy));
  }
  return spec.policies[policy];
}

}  // namespace

// Added in this order, once: the store's column order is no part of any
// output, but one place lists them all.
PlatformWorld::Columns::Columns(engine::AgentStore& store)
    : force(store.add_column<std::uint32_t>(0)),
      state(store.add_column<PlatformState>(PlatformState::reserve)),
      target_x_km(store.add_column<double>(0.0)),
      target_y_km(store.add_column<double>(0.0)),
      timer_s(store.add_column<double>(0.0)),
      waypoint(store.add_column<std::uint32_t>(0)),
      zones(store.add_column<ZoneMask>(0)),
      zoned_x_km(store.add_column<double>(std::numeric_limits<double>::quiet_NaN())),
      zoned_y_km(store.add_column<double>(std::numeric_limits<double>::quiet_NaN())),
      zoned_cell(store.add_column<std::uint32_t>(kNoZoneCell)),
      target_agent(store.add_column<engine::AgentId>(0)),
      airborne_s(store.add_column<double>(0.0)),
      stand_down(store.add_column<std::uint8_t>(0)),
      altitude_km(store.add_column<double>(0.0)),
      station_zone(store.add_column<std::uint16_t>(0)),
      via_exit(store.add_column<std::uint8_t>(0)),
      routed(store.add_column<std::uint8_t>(0)),
      leg_to_x_km(store.add_column<double>(0.0)),
      leg_to_y_km(store.add_column<double>(0.0)),
      leg_at_x_km(store.add_column<double>(0.0)),
      leg_at_y_km(store.add_column<double>(0.0)),
      leg_test(store.add_column<std::uint8_t>(0)) {}

PlatformWorld::PlatformWorld(const WorldSpec& spec, std::uint64_t seed, std::uint32_t replication,
                             std::size_t policy)
    : spec_(spec),
      policy_(chosen_policy(spec, policy)),
      rng_(seed, replication),
      zone_index_(zone_shapes(spec)),
      agents_(checked_platform_count(spec)),
      grid_(world_bounds(spec), widest_pair_range_km(spec), engine::StoreOrder::nearly_sorted),
      posture_(spec.nations.size(), 0),
      pinned_posture_(spec.nations.size(), -1),
      column_(agents_),
      watch_(std::make_unique<detail::IntrusionWatch>(spec)),
      presence_(std::make_unique<detail::PresenceSampler>(spec.nations.size() * kGroupsPerNation,
                                                          spec.zones.size(), spec.dt_s,
                                                          agents_.add_column<ZoneMask>(0))),
      sensing_(std::make_unique<detail::EncounterSensing>(spec)),
      dyads_(spec.dyads()),
      dyad_counts_(dyads_.size()) {
  side_posture_.assign(dyads_.size() * 2, 0);
  engine::AgentId first_id = 0;
  for (const ForceSpec& f : spec_.forces) {
    const ClassSpec& c = spec_.classes[f.platform_class];
    ForceCache cache;
    cache.nation = f.nation;
    cache.kind = c.kind;
    cache.role = c.role;
    cache.search_kind =
        c.role == Role::fishing ? kFishingBoatSearchKind : static_cast<std::uint8_t>(c.kind);
    cache.cruise_speed_km_s = c.cruise_speed_km_s;
    cache.max_speed_km_s = c.max_speed_km_s;
    cache.endurance_s = c.endurance_s;
    cache.turnaround_s = c.turnaround_s;
    cache.has_base = f.base.has_value();
    if (f.base) cache.base = spec_.bases[*f.base].at;
    for (std::size_t posture = 0; posture < 4; ++posture) {
      const double rate =
          f.mission.launches_per_s * spec_.escalation.sortie_rate_multiplier[posture];
      cache.launch_probability[posture] = -std::expm1(-rate * spec_.dt_s);
    }
    cache.first_id = first_id;
    first_id += f.count;
    forces_.push_back(cache);
  }
  const std::size_t n = spec_.nations.size();
  dyad_of_nations_.assign(n * n, 0);
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    dyad_of_nations_[dyads_[d].first * n + dyads_[d].second] = static_cast<std::uint32_t>(d);
    dyad_of_nations_[dyads_[d].second * n + dyads_[d].first] = static_cast<std::uint32_t>(d);
  }
  cooldown_steps_ = static_cast<std::uint32_t>(std::ceil(spec_.incidents.cooldown_s / spec_.dt_s));
  ally_force_deployed_.assign(spec_.forces.size(), 0);
  voyages_.resize(agents_.size());
  crisis_ = std::make_unique<CrisisCommand>(spec_, policy_, rng_);
  spawn();
  start_stations();
  // Platforms that start inside a watched zone are there to be seen too
  // (slots equal ids until the first index rebuild).
  for (std::uint32_t id = 0; id < agents_.size(); ++id) {
    if (agents_.alive[id] && (column_.zones[id] & watch_->watched_zones) != 0) {
      add_unseen(id, column_.zones[id] & watch_->watched_zones);
    }
  }
  grid_.rebuild(agents_);
}

PlatformWorld::~PlatformWorld() = default;

void PlatformWorld::pin_posture(std::size_t nation, int posture) {
  if (posture < 0 || posture > 3) throw std::invalid_argument("posture must be in 0..3");
  pinned_posture_.at(nation) = static_cast<std::int8_t>(posture);
  take_postures();
}

std::size_t PlatformWorld::active_encounters() const {
  return sensing_->table().active().size();
}

// A stop request (a signal) is honoured between phases: the world is then
// half-stepped and is to be discarded (engine/stop_request.hpp).
void PlatformWorld::step() {
  decide();
  engine::throw_if_stop_requested();
  move();
  set_altitudes();
  engine::throw_if_stop_requested();
  {
    const auto timer = timers_.measure(Phase::index);
    grid_.rebuild(agents_);
  }
  engine::throw_if_stop_requested();
  sense();
  engine::throw_if_stop_requested();
  resolve();
  command();
  record();
  ++step_;
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
  (void)agents_.slots_by_id();  // built once here, read in parallel by the sensing
  sensing_->sense(grid_, agents_, column_.altitude_km, dyad_of_nations_, step_);
  for (const detail::Encounter& e : sensing_->ended())
    events_.push_back(pair_event(EventType::encounter_end, e.a, e.b));
  for (const detail::Encounter& e : sensing_->begun())
    events_.push_back(pair_event(EventType::encounter_begin, e.a, e.b));
  draw_encounter_orders();
}

// The draws that fix how a new encounter is conducted: the uniform that
// picks its conduct from the shares for the posture of the moment, and under
// CUES, where it applies, each side's uniform for adherence. Kept with the
// encounter, so that its conduct follows the postures while it lasts and
// every policy sees the same draws (common random numbers).
void PlatformWorld::draw_encounter_orders() {
  std::span<detail::Encounter> active = sensing_->table().active();
  for (const detail::Encounter& begun : sensing_->begun()) {
    const auto at = std::lower_bound(active.begin(), active.end(), begun,
                                     [](const detail::Encounter& x, const detail::Encounter& y) {
                                       return x.a < y.a || (x.a == y.a && x.b < y.b);
                                     });
    at->conduct_draw =
        static_cast<float>(rng_.uniform(step_, begun.a, begun.b, draw::encounter_conduct));
    const std::uint32_t sa = agents_.slot_of(begun.a);
    const std::uint32_t sb = agents_.slot_of(begun.b);
    if (policy_.cues && detail::cues_applies(role_of(sa), role_of(sb))) {
      const auto w = rng_.words(step_, begun.a, begun.b, draw::cues_adherence);
      at->adhere_draw_a = static_cast<float>(engine::CounterRng::to_unit_interval(w[0], w[1]));
      at->adhere_draw_b = static_cast<float>(engine::CounterRng::to_unit_interval(w[2], w[3]));
    }
    const PairOrders orders = pair_orders(sa, sb, *at);
    ++dyad_counts_[begun.dyad].encounters[static_cast<std::size_t>(orders.conduct)];
    if (at->adhere_draw_a < 1.0F) {
      ++cues_encounters_;
      if (orders.cues_kept) ++cues_both_adhered_;
    }
  }
}

// Who the pair are and how they conduct the encounter now: the role pair,
// each side's posture towards the other, the conduct for the higher posture
// (harassment turned routine where both sides keep to CUES).
PlatformWorld::PairOrders PlatformWorld::pair_orders(std::uint32_t sa, std::uint32_t sb,
                                                     const detail::Encounter& e) const {
  PairOrders o;
  o.roles =
      static_cast<std::size_t>(role_of(sa)) * kRoleCount + static_cast<std::size_t>(role_of(sb));
  o.posture_a = side_posture(e.dyad, agents_.side[sa]);
  o.posture_b = side_posture(e.dyad, agents_.side[sb]);
  const auto highest = static_cast<std::size_t>(std::max(o.posture_a, o.posture_b));
  o.conduct = conduct_of(spec_.incidents.conduct_share[o.roles][highest],
                         static_cast<double>(e.conduct_draw));
  if (policy_.cues && e.adhere_draw_a < 1.0F) {
    const auto& q = policy_.cues->adherence;
    o.cues_kept =
        static_cast<double>(e.adhere_draw_a) < q[static_cast<std::size_t>(o.posture_a)]
        && static_cast<double>(e.adhere_draw_b) < q[static_cast<std::size_t>(o.posture_b)];
    if (o.cues_kept && o.conduct == Conduct::harassment) o.conduct = Conduct::routine;
  }
  return o;
}

// Each encounter's incident draw, in parallel over fixed chunks of the table
// (sorted by pair), merged in chunk order.
void PlatformWorld::resolve() {
  const auto timer = timers_.measure(Phase::resolve);
  std::span<detail::Encounter> active = sensing_->table().active();
  const std::size_t chunks = engine::chunk_count(active.size(), kEncounterChunk);
  resolve_chunks_.resize(chunks);
  const IncidentParameters& incidents = spec_.incidents;
  const double link_kept = policy_.direct_link ? 1.0 - policy_.direct_link->reduction : 1.0;
  engine::for_each_chunk(
      active.size(), kEncounterChunk, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        std::vector<Event>& out = resolve_chunks_[chunk].incidents;
        std::vector<std::uint32_t>& steps = resolve_chunks_[chunk].steps;
        std::vector<double>& expected = resolve_chunks_[chunk].expected;
        out.clear();
        steps.assign(dyads_.size() * kConductCount, 0);
        expected.assign(dyads_.size() * kConductCount * 3, 0.0);
        for (std::size_t i = begin; i < end; ++i) {
          detail::Encounter& e = active[i];
          const std::uint32_t sa = agents_.slot_of(e.a);
          const std::uint32_t sb = agents_.slot_of(e.b);
          const PairOrders o = pair_orders(sa, sb, e);
          ++steps[e.dyad * kConductCount + static_cast<std::size_t>(o.conduct)];
          if (step_ < e.quiet_until_step) continue;
          const double lambda = encounter_hazard_per_s(incidents, o.roles, o.conduct,
                                                       static_cast<double>(e.separation_km),
                                                       o.posture_a, o.posture_b);
          const double p = chance_in_step(lambda, spec_.dt_s);
          const bool on_link =
              policy_.direct_link && detail::on_scene_link(role_of(sa), role_of(sb));
          const SeverityOdds& odds =
              incidents.severity[o.roles][static_cast<std::size_t>(o.conduct)];
          const double kept = on_link ? link_kept : 1.0;
          double* expect =
              &expected[(e.dyad * kConductCount + static_cast<std::size_t>(o.conduct)) * 3];
          expect[1] += p * odds.dangerous * kept;
          expect[2] += p * odds.grave * kept;
          expect[0] += p * (1.0 - (odds.dangerous + odds.grave) * kept);
          if (rng_.uniform(step_, e.a, e.b, draw::platform_incident) >= p) continue;
          e.quiet_until_step = step_ + cooldown_steps_;
          Event incident = pair_event(EventType::incident, e.a, e.b);
          incident.severity =
              severity_of(odds, rng_.uniform(step_, e.a, e.b, draw::platform_severity), kept);
          incident.value = detail::incident_value(o.conduct, on_link);
          out.push_back(incident);
        }
      });
  merge_resolved();
}

// The resolve chunks' findings in chunk order: the step's incidents (events
// and per-dyad counts), and every encounter in progress adds this step to
// its dyad by conduct (hours are steps × dt, so they carry no summed
// rounding) with its expected incidents.
void PlatformWorld::merge_resolved() {
  step_incidents_.clear();
  for (const ResolveChunk& chunk : resolve_chunks_) {
    for (const Event& incident : chunk.incidents) {
      const std::uint32_t dyad =
          dyad_of_nations_[incident.nation_a * spec_.nations.size() + incident.nation_b];
      ++dyad_counts_[dyad].incidents[static_cast<std::size_t>(incident.severity)];
      events_.push_back(incident);
      step_incidents_.push_back(incident);
    }
    for (std::size_t d = 0; d < dyads_.size(); ++d) {
      for (std::size_t k = 0; k < kConductCount; ++k) {
        dyad_counts_[d].encounter_steps[k] += chunk.steps[d * kConductCount + k];
        for (std::size_t s = 0; s < 3; ++s) {
          dyad_counts_[d].expected_incidents[k][s] +=
              chunk.expected[(d * kConductCount + k) * 3 + s];
        }
      }
    }
  }
}

const ResponseCounts& PlatformWorld::responses(std::size_t responder, std::size_t intruder) const {
  return watch_->counts(responder, intruder);
}

std::uint32_t PlatformWorld::day_of_step() const {
  return static_cast<std::uint32_t>(static_cast<double>(step_) * spec_.dt_s / kSecondsPerDay);
}

// Presence in zones: what the move phase found at the end of this step, for
// the day the step begins in (ZonePresence).
void PlatformWorld::record() {
  const auto timer = timers_.measure(Phase::record);
  presence_->record(day_of_step());
}

PresenceStats PlatformWorld::presence(std::size_t nation, Role role, std::size_t zone) const {
  return presence_->presence().stats(nation * kGroupsPerNation + static_cast<std::size_t>(role),
                                     zone);
}

PresenceStats PlatformWorld::presence(std::size_t nation, std::size_t zone) const {
  return presence_->presence().stats(nation * kGroupsPerNation + kAnyShip, zone);
}

std::uint32_t PlatformWorld::presence_days(std::size_t nation, Role role, std::size_t zone) const {
  return presence(nation, role, zone).days;
}

std::uint32_t PlatformWorld::presence_days(std::size_t nation, std::size_t zone) const {
  return presence(nation, zone).days;
}

}  // namespace hotline::agents
