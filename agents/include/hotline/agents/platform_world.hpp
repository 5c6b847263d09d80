// The platform model: a scenario's ships and aircraft stepping through the
// named phases of the engine's pipeline.
//
// One agent per platform (ids in force order: force 0's platforms first).
// Each platform's mission is a small state machine over SoA columns
// (PlatformState); the decide phase runs it in parallel over all platforms
// from the last step's state and orders, the move phase integrates positions
// and finds the zones each platform is in. Platforms that are not in play —
// not yet deployed, on the ground, in port — are not alive for the engine
// and take no part in the spatial index.
//
// The sense phase finds rival pairs within range and keeps the encounter
// table (begin within range, end beyond end_factor × range); the resolve
// phase draws each encounter's incident and its severity.
//
// The command phase detects intrusions and orders responses, and hands the
// step's incidents to the command layer (CrisisCommand), which runs one
// policy's crisis communication; the postures it sets feed back into the
// next step's incident hazard and missions.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "hotline/agents/crisis_command.hpp"
#include "hotline/agents/events.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/agents/zone_presence.hpp"
#include "hotline/agents/zones.hpp"
#include "hotline/engine/engine.hpp"
#include "hotline/engine/snapshot_stream.hpp"

namespace hotline::agents {

namespace detail {
class EncounterTable;
class EncounterSensing;
struct IntrusionWatch;
class PresenceSampler;
struct PresenceChunk;
struct Encounter;
struct Proximity;
struct Voyage;
struct Sailed;
}  // namespace detail

// Counts for one rival dyad (WorldSpec::dyads() order).
struct DyadCounts {
  std::array<std::uint64_t, kConductCount> encounters{};       // begun, by conduct then
  std::array<std::uint64_t, kConductCount> encounter_steps{};  // steps in progress, by conduct
  std::array<std::uint64_t, 3> incidents{};                    // by Severity
  // The incidents expected from the hazard, the sum of p over encounter-steps
  // out of their cooldown, by [conduct][severity]: a smooth measure of
  // exposure to incidents (the stability rule's rate) that needs no rare
  // event to happen.
  std::array<std::array<double, 3>, kConductCount> expected_incidents{};
};

// Where a platform is in its mission. Platforms ready, in turnaround or in
// reserve are at their base (or not deployed) and out of play.
enum class PlatformState : std::uint8_t {
  reserve,     // not deployed
  transit,     // patrol, route, loiter: moving towards its target point
  dwell,       // holding at its target point until its timer runs out
  done,        // finished a once-through route: holds where it is
  ready,       // at base, available: a sortie waiting to launch, an alert
               // aircraft on quick-reaction alert, a respond ship in port
  turnaround,  // at base after a flight, until its turnaround time is over
  outbound,    // sortie: flying its route
  returning,   // heading home to its base
  intercept,   // closing on its target platform at maximum speed
  shadow,      // holding the standoff distance from its target platform
};
inline constexpr std::size_t kPlatformStateCount = 10;
[[nodiscard]] std::string_view platform_state_name(PlatformState state);

// Detection and responses, for one (responding nation, intruding nation).
struct ResponseCounts {
  // Rival platforms in a watched zone, seen by the watching centre (once a
  // stay: when they enter in coverage, or later when coverage finds them).
  std::uint64_t intrusions = 0;
  std::uint64_t scrambles = 0;           // intrusions answered by alert aircraft
  std::uint64_t aircraft_scrambled = 0;  // aircraft sent
  std::uint64_t dispatches = 0;          // intrusions answered by respond ships
  std::uint64_t ships_dispatched = 0;
  std::uint64_t unanswered = 0;  // a response was due but no responder was available
  std::uint64_t intercepts = 0;  // responders that reached their intruder (one each)
  // The intruding nation's aircraft entering the responder's territorial
  // airspace (its territorial-sea zones, the land they hold included).
  std::uint64_t airspace_violations = 0;
};

// The pair search's class of a fishing boat: a ship that the search keeps
// quiet (engine::PairRule::set_quiet), since two fishing boats are no
// military encounter. Thousands of boats on a fishing ground then cost the
// search a test per state platform nearby, not one per boat nearby. Other
// platforms' class is their PlatformKind.
inline constexpr std::uint8_t kFishingBoatSearchKind = 2;
inline constexpr std::size_t kSearchKindCount = 3;

class PlatformWorld {
 public:
  // Runs policy number `policy` of the spec (none if the spec lists no
  // policies). Throws std::invalid_argument for a spec the model cannot run
  // (no platforms, more than 64 nations, a zero time step) or a policy index
  // out of range.
  PlatformWorld(const WorldSpec& spec, std::uint64_t seed, std::uint32_t replication,
                std::size_t policy = 0);
  ~PlatformWorld();
  PlatformWorld(const PlatformWorld&) = delete;
  PlatformWorld& operator=(const PlatformWorld&) = delete;

  // Advances one step: decide, move, index, sense, resolve, command, record.
  void step();

  // The replication's state between two steps — the agent store with every
  // model column, stations, voyages, the encounter table, intrusions,
  // presence, the command layer with its pending reports and calls, the
  // clock and every accumulated measure — as a snapshot's bytes
  // (world_snapshot.cpp); and back, into a world built from the same
  // description, seed, replication and policy. A restored world continues
  // bit for bit as the one saved. The events of the last step must have
  // been taken (clear_events). Throws engine::SnapshotError for bytes that
  // do not fit this world.
  void save(engine::SnapshotWriter& out) const;
  void restore(engine::SnapshotReader& in);
  // From now on, draws on branch `branch` of the random streams
  // (engine::CounterRng, "Branches"): a clone restored from a snapshot is
  // put on its own branch so that it goes on differently from its siblings.
  // The branch is part of the state a snapshot holds.
  void set_branch(std::uint64_t branch);
  [[nodiscard]] std::uint64_t branch() const { return rng_.branch(); }
  // Whether the replication is over before its horizon: the scenario stops
  // at the first armed clash and one happened.
  [[nodiscard]] bool stopped() const {
    return spec_.escalation.stop_at_first_clash && crisis_->any_clash();
  }

  [[nodiscard]] const WorldSpec& spec() const { return spec_; }
  [[nodiscard]] std::uint32_t steps_taken() const { return step_; }
  [[nodiscard]] double time_s() const { return static_cast<double>(step_) * spec_.dt_s; }
  // The store's kind column holds each platform's class in the pair search:
  // its PlatformKind (ship, aircraft) or kFishingBoatSearchKind.
  [[nodiscard]] const engine::AgentStore& agents() const { return agents_; }
  [[nodiscard]] std::size_t platform_count() const { return agents_.size(); }

  // Detection and responses by [responding nation][intruding nation].
  [[nodiscard]] const ResponseCounts& responses(std::size_t responder, std::size_t intruder) const;

  // Per slot: the platform's force, state, and the zones it is in.
  [[nodiscard]] const std::vector<std::uint32_t>& force_of_slot() const { return column_.force; }
  [[nodiscard]] const std::vector<PlatformState>& state_of_slot() const { return column_.state; }
  [[nodiscard]] const std::vector<ZoneMask>& zones_of_slot() const { return column_.zones; }
  [[nodiscard]] const std::vector<double>& altitude_km_of_slot() const {
    return column_.altitude_km;
  }

  // A nation's posture (0..3), as the command layer set it at the end of the
  // last step. Loiterers swarm when their nation's posture reaches the
  // mission's from_posture.
  [[nodiscard]] int posture(std::size_t nation) const { return posture_[nation]; }
  // Pins a nation's posture: the command layer no longer changes it
  // (controlled experiments and tests of the posture's effects).
  void pin_posture(std::size_t nation, int posture);
  // The command layer: hostility, levels, clashes and calls per dyad.
  [[nodiscard]] const CrisisCommand& crisis() const { return *crisis_; }
  [[nodiscard]] const Policy& policy() const { return policy_; }
  // Encounters begun under CUES (ship–ship and aircraft–ship, with the
  // policy) and those in which both sides adhered.
  [[nodiscard]] std::uint64_t cues_encounters() const { return cues_encounters_; }
  [[nodiscard]] std::uint64_t cues_both_adhered() const { return cues_both_adhered_; }

  // Days of the run (day d = [d, d + 1) × 86400 s) on which at least one ship
  // of `nation` with `role` was in `zone` at the end of a step.
  [[nodiscard]] std::uint32_t presence_days(std::size_t nation, Role role, std::size_t zone) const;
  // Presence of `nation`'s ships of `role` in `zone`: days, vessel-days,
  // cases of entry, hours, the longest run of days (ZonePresence).
  [[nodiscard]] PresenceStats presence(std::size_t nation, Role role, std::size_t zone) const;
  // The same for ships of any role.
  [[nodiscard]] PresenceStats presence(std::size_t nation, std::size_t zone) const;
  // The same for ships of any role.
  [[nodiscard]] std::uint32_t presence_days(std::size_t nation, std::size_t zone) const;

  // The rival dyads (nation pairs a < b) and their counts so far.
  [[nodiscard]] const std::vector<std::pair<std::size_t, std::size_t>>& dyads() const {
    return dyads_;
  }
  [[nodiscard]] const std::vector<DyadCounts>& dyad_counts() const { return dyad_counts_; }
  // Hours of encounters in progress, summed over encounters: all, or by the
  // conduct of each step.
  [[nodiscard]] double encounter_hours(std::size_t dyad) const {
    const auto& steps = dyad_counts_[dyad].encounter_steps;
    return static_cast<double>(steps[0] + steps[1] + steps[2]) * spec_.dt_s / 3600.0;
  }
  [[nodiscard]] double encounter_hours(std::size_t dyad, Conduct conduct) const {
    return static_cast<double>(
               dyad_counts_[dyad].encounter_steps[static_cast<std::size_t>(conduct)])
           * spec_.dt_s / 3600.0;
  }
  // Encounters in progress.
  [[nodiscard]] std::size_t active_encounters() const;
  // Every event so far, in step order and, within a step, in canonical order
  // (encounter ends, begins, then incidents, each sorted by agent pair).
  [[nodiscard]] const std::vector<Event>& events() const { return events_; }
  void clear_events() { events_.clear(); }

  [[nodiscard]] const engine::PhaseTimers& timers() const { return timers_; }
  void reset_timers() { timers_.reset(); }

 private:
  // What the model needs of each force, looked up once.
  struct ForceCache {
    std::size_t nation = 0;
    PlatformKind kind = PlatformKind::ship;
    Role role = Role::warship;
    std::uint8_t search_kind = 0;  // the store's kind column (see agents())
    double cruise_speed_km_s = 0.0;
    double max_speed_km_s = 0.0;
    double endurance_s = 0.0;  // 0: unlimited
    double turnaround_s = 0.0;
    bool has_base = false;
    PlanePoint base;
    std::array<double, 4> launch_probability{};  // sortie: per step and platform, by posture
    engine::AgentId first_id = 0;
  };

  void spawn();
  // Puts a platform at the start of its mission from where it is.
  void start_mission(std::size_t slot);
  void decide();
  // One platform's decision; an intercept completed is added to `reached`.
  void decide_platform(std::size_t slot, std::vector<engine::AgentId>& reached);
  // The decide phase's cases (platform_missions.cpp).
  void maybe_launch(std::size_t slot);
  void keep_intercepting(std::size_t slot, std::vector<engine::AgentId>& reached);
  void keep_shadowing(std::size_t slot);
  void follow_swarm_order(std::size_t slot);
  void after_dwell(std::size_t slot);
  [[nodiscard]] double standoff_km(std::size_t slot) const;
  [[nodiscard]] bool out_of_endurance(std::size_t slot) const;
  [[nodiscard]] bool target_position(std::size_t slot, PlanePoint& out) const;
  // The move phase's cases: a platform that reached its target point (true:
  // it went home and out of play), and the zones a platform in play is in.
  bool arrived(std::size_t slot, PlatformState state);
  void note_zones(std::size_t slot, detail::PresenceChunk& presence,
                  std::vector<std::pair<engine::AgentId, ZoneMask>>& entries);
  bool nothing_to_decide(std::size_t slot);
  void move();
  ZoneMask zones_here(std::size_t slot);
  void clear_zones(std::size_t slot);
  // Each aircraft's altitude for its mission phase, after the move phase.
  void set_altitudes();
  [[nodiscard]] double phase_altitude_km(std::size_t slot) const;
  void command();
  void run_exercises();
  // Forces stood down for a span (stood_down): home when it begins, out
  // again when it ends.
  void run_stand_downs();
  [[nodiscard]] bool stood_down(std::size_t force, double time_s) const;
  // The crisis layer's step: this step's incidents reported, its events,
  // postures set, ally_crisis forces deployed or stood down.
  void run_crisis_layer();
  void take_postures();
  void deploy_for_ally_crisis();
  [[nodiscard]] static bool sails_from_where_it_is(MissionType type);
  // Presence forces: the on/off process, ships sent and recalled, entries
  // begun and ended (platform_stations.cpp).
  void start_stations();
  void run_stations();
  void send_to_station(std::size_t force, std::uint32_t ships);
  // Sends a ship on station home, by a point of its station from which the
  // way home keeps out of the entry zone if the straight way would not.
  void recall_from_station(std::size_t slot);
  // Points the force's ships on station at `zone`.
  void retarget_station(std::size_t force, std::size_t zone);
  [[nodiscard]] double exponential_s(std::size_t force, engine::RngPurpose purpose,
                                     double mean_s) const;
  // Back to base and out of play (or at once, if on the ground).
  void stand_down(std::size_t slot);
  void detect_intrusions();
  void add_unseen(engine::AgentId intruder, ZoneMask entered);
  [[nodiscard]] Event response_event(EventType type, engine::AgentId intruder,
                                     std::size_t responder_nation, std::uint32_t at_slot) const;
  // An intrusion seen by `centre` under `rule`: counted, and answered.
  void answer_intrusion(const CommandCentreSpec& centre, const WatchSpec& rule,
                        engine::AgentId intruder);
  // Responders that reached their intruders this step: intercept events.
  void count_intercepts();
  void count_airspace_violations();
  // Sends up to `wanted` available responders from the rule's forces against
  // `intruder`; returns how many went.
  std::uint32_t send_responders(const WatchSpec& rule, MissionType mission,
                                engine::AgentId intruder, std::uint32_t wanted);
  [[nodiscard]] bool covered(const CommandCentreSpec& centre, std::size_t intruder_slot) const;
  void return_to_base(std::size_t slot);
  // A random point of `shape` for the platform in `slot`'s mission: for a
  // ship, at sea, and unless it is spawning there, one it can sail to in a
  // straight line if there is such (zone_sampling.hpp).
  [[nodiscard]] PlanePoint mission_point(std::size_t slot, std::uint32_t step,
                                         engine::RngPurpose purpose, const ZoneShape& shape,
                                         bool reachable, const ZoneShape* avoid = nullptr) const;
  // The next point of a ship on station: in its station zone, and out of the
  // entry zone unless it is there.
  [[nodiscard]] PlanePoint station_point(std::size_t slot, bool reachable) const;
  // Moves the platform in `slot` towards its target for one step; true when
  // it got there. Ships go round land (ship_navigation.hpp).
  bool move_towards_target(std::size_t slot, double reach_km);
  // A ship not on a route: its straight step, if at sea (Columns::leg_test).
  std::optional<detail::Sailed> sail_leg(std::size_t slot, PlanePoint here, PlanePoint target,
                                         double reach_km);
  void sense();
  // How a pair conducts its encounter now (see pair_orders).
  struct PairOrders {
    std::size_t roles = 0;  // role_a * kRoleCount + role_b
    int posture_a = 0;      // a's nation towards b's
    int posture_b = 0;
    Conduct conduct = Conduct::routine;
    bool cues_kept = false;  // under CUES, both sides adhere now
  };
  void draw_encounter_orders();
  [[nodiscard]] PairOrders pair_orders(std::uint32_t slot_a, std::uint32_t slot_b,
                                       const detail::Encounter& e) const;
  [[nodiscard]] Role role_of(std::uint32_t slot) const { return forces_[column_.force[slot]].role; }
  // A side's posture towards the other nation of dyad d.
  [[nodiscard]] int side_posture(std::uint32_t d, std::uint16_t nation) const {
    return side_posture_[d * 2 + (nation == dyads_[d].first ? 0 : 1)];
  }
  void resolve();
  void merge_resolved();
  void record();
  [[nodiscard]] Event pair_event(EventType type, engine::AgentId a, engine::AgentId b) const;

  WorldSpec spec_;
  Policy policy_;
  engine::CounterRng rng_;
  ZoneIndex zone_index_;
  engine::AgentStore agents_;
  engine::UniformGrid grid_;
  engine::PhaseTimers timers_;
  std::uint32_t step_ = 0;
  std::vector<int> posture_;
  std::vector<std::int8_t> pinned_posture_;  // -1: set by the command layer

  // The model's per-platform columns, added to the store (which keeps them in
  // slot order as it reorders agents) and named once here.
  struct Columns {
    explicit Columns(engine::AgentStore& store);
    std::vector<std::uint32_t>& force;
    std::vector<PlatformState>& state;
    std::vector<double>& target_x_km;
    std::vector<double>& target_y_km;
    std::vector<double>& timer_s;
    std::vector<std::uint32_t>& waypoint;
    std::vector<ZoneMask>& zones;
    std::vector<double>& zoned_x_km;  // where zones was looked up (NaN: to look up)
    std::vector<double>& zoned_y_km;
    // The zone index's cell of that point when it is plain, else kNoZoneCell.
    std::vector<std::uint32_t>& zoned_cell;
    std::vector<engine::AgentId>& target_agent;  // intercept, shadow
    std::vector<double>& airborne_s;             // aircraft: time since take-off
    std::vector<std::uint8_t>& stand_down;       // back to reserve on reaching base
    std::vector<double>& altitude_km;            // aircraft; 0 for ships and on the ground
    std::vector<std::uint16_t>& station_zone;    // presence: the zone it patrols now
    std::vector<std::uint8_t>& via_exit;         // presence: going home by an exit point
    // Ships: 1 while its voyage (voyages_) may hold a route round land. A
    // ship without one steers straight and its voyage, kept by id and so
    // scattered in memory, is not touched (a cache miss a ship a step
    // otherwise).
    std::vector<std::uint8_t>& routed;
    // Ships steering straight: the leg last tested whole against the land
    // (its end, the target then, and where the ship was left on it) and what
    // the test said (LegTest). While the target and the ship's position are
    // still those, a leg found at sea needs no test this step (a stretch of a
    // leg at sea is at sea), and a leg that meets land is not tested whole
    // again.
    std::vector<double>& leg_to_x_km;
    std::vector<double>& leg_to_y_km;
    std::vector<double>& leg_at_x_km;
    std::vector<double>& leg_at_y_km;
    std::vector<std::uint8_t>& leg_test;
  };
  static constexpr std::uint32_t kNoZoneCell = 0xffffffffU;
  Columns column_;

  std::vector<ForceCache> forces_;
  // Presence missions: per force, whether it is on station, until when, and
  // whether its ships are inside the entry zone, until when.
  struct Station {
    bool on_station = false;
    double next_switch_s = 0.0;
    bool entering = false;
    double entry_until_s = 0.0;
  };
  std::vector<Station> stations_;
  // Per platform id: a ship's route round land, if it is on one.
  std::vector<detail::Voyage> voyages_;
  std::vector<std::uint8_t> ally_force_deployed_;  // per force (deploy_on: ally_crisis)

  // Intrusions: the zones watched, this step's entries and arrivals, the
  // intruders not seen yet, the response counts (intrusion_watch.hpp).
  std::unique_ptr<detail::IntrusionWatch> watch_;

  // Presence: per (nation, role) group the zones with such a ship, day by
  // day (presence_sampler.hpp).
  std::unique_ptr<detail::PresenceSampler> presence_;
  [[nodiscard]] std::uint32_t day_of_step() const;

  // Encounters: the pair search (radius end_factor × range, rivals only),
  // what it found, the table, and this step's changes.
  std::unique_ptr<detail::EncounterSensing> sensing_;
  std::vector<std::uint32_t> dyad_of_nations_;  // [a * nations + b]
  // What one resolve chunk found: its incidents, encounter steps by
  // [dyad][conduct], and expected incidents by [dyad][conduct][severity].
  struct ResolveChunk {
    std::vector<Event> incidents;
    std::vector<std::uint32_t> steps;
    std::vector<double> expected;
  };
  std::vector<ResolveChunk> resolve_chunks_;
  std::vector<Event> step_incidents_;
  // Per dyad, each side's posture towards the other ([d * 2 + 0] the first
  // nation's), as the command layer set it at the end of the last step.
  std::vector<int> side_posture_;
  std::uint64_t cues_encounters_ = 0;
  std::uint64_t cues_both_adhered_ = 0;
  std::uint32_t cooldown_steps_ = 0;

  std::vector<std::pair<std::size_t, std::size_t>> dyads_;
  std::vector<DyadCounts> dyad_counts_;
  std::vector<Event> events_;
  std::unique_ptr<CrisisCommand> crisis_;
};

}  // namespace hotline::agents
