// The state of a replication between two steps, as a snapshot's bytes, and
// back (PlatformWorld::save, restore).
//
// What is written is what evolved since the world was built: everything
// derived from the description (zones, land, routes, force constants, the
// pair rules) is rebuilt by constructing the world from the same
// description, seed, replication and policy, and is not written. Scratch
// that a step fills and empties within itself (chunk lists, this step's
// proximities and incidents) is not written either: a snapshot is taken
// between steps. Each component writes its part in a fixed order under a
// tag; restore reads in the same order, so a reader out of step fails at
// the part where it happened.
#include <algorithm>
#include <optional>
#include <string>

#include "encounter_sensing.hpp"
#include "encounter_table.hpp"
#include "hotline/agents/crisis_command.hpp"
#include "hotline/agents/dyad_hostility.hpp"
#include "hotline/agents/hotline_exchange.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/agents/zone_presence.hpp"
#include "intrusion_watch.hpp"
#include "presence_sampler.hpp"
#include "ship_navigation.hpp"

namespace hotline::agents {

using engine::SnapshotError;
using engine::SnapshotReader;
using engine::SnapshotWriter;

namespace {

// Structs with padding are written field by field: their padding bytes
// hold whatever was there, and a snapshot's bytes must be the same for the
// same state (tests and hashes compare them). `fields(visit, item)` calls
// visit on each field of an item, in a fixed order.
template <class T, class Fields>
void put_items(SnapshotWriter& out, const std::vector<T>& items, Fields fields) {
  out.value(static_cast<std::uint64_t>(items.size()));
  for (const T& item : items)
    fields([&out](const auto& field) { out.value(field); }, item);
}

template <class T, class Fields>
void get_items(SnapshotReader& in, std::vector<T>& items, Fields fields) {
  const auto n = in.value<std::uint64_t>();
  // Each item holds at least a byte: a count past the bytes left is damage.
  if (n > in.remaining()) throw SnapshotError("snapshot: a count runs past the end");
  items.resize(static_cast<std::size_t>(n));
  for (T& item : items)
    fields([&in](auto& field) { in.value(field); }, item);
}

template <class T, class Fields>
void get_items(SnapshotReader& in, std::vector<T>& items, std::size_t expected, Fields fields) {
  get_items(in, items, fields);
  if (items.size() != expected)
    throw SnapshotError("snapshot: " + std::to_string(items.size()) + " items where the world has "
                        + std::to_string(expected));
}

// An optional number as a flag and the number (0 when absent).
struct OptionalNumber {
  static void put(SnapshotWriter& out, const std::optional<double>& v) {
    out.value(v.has_value());
    out.value(v.value_or(0.0));
  }
  static void get(SnapshotReader& in, std::optional<double>& v) {
    const bool has = in.value<bool>();
    const double x = in.value<double>();
    v = has ? std::optional<double>(x) : std::nullopt;
  }
};

// The fields of the structs with padding, for put_items and get_items
// (generic: the same list writes and reads).
constexpr auto line_fields = [](auto&& visit, auto& l) {
  visit(l.dyad);
  visit(l.state);
  visit(l.serial);
  visit(l.attempt);
  visit(l.placed_s);
  visit(l.event_s);
  visit(l.delay.median_s);
  visit(l.delay.sigma);
};
constexpr auto report_fields = [](auto&& visit, auto& r) {
  visit(r.arrival_s);
  visit(r.incident_s);
  visit(r.order);
  visit(r.dyad);
  visit(r.severity);
  visit(r.conduct);
  visit(r.on_link);
  visit(r.announced);
  visit(r.exercise);
  visit(r.side);
  visit(r.step);
  visit(r.a);
  visit(r.b);
};
constexpr auto presence_fields = [](auto&& visit, auto& p) {
  visit(p.days);
  visit(p.vessel_days);
  visit(p.entries);
  visit(p.hours);
  visit(p.steps);
  visit(p.longest_streak_days);
};
constexpr auto station_fields = [](auto&& visit, auto& s) {
  visit(s.on_station);
  visit(s.next_switch_s);
  visit(s.entering);
  visit(s.entry_until_s);
};

// The padding-free structs written whole: a new field with padding must
// come off this list and get its fields() instead.
static_assert(sizeof(detail::Encounter) == 9 * 4);
static_assert(sizeof(detail::UnseenIntruder) == 16);
static_assert(sizeof(ResponseCounts) % 8 == 0 && alignof(ResponseCounts) == 8);
static_assert(sizeof(PlanePoint) == 16);

}  // namespace

namespace {

void save_record(SnapshotWriter& out, const DyadRecord& r) {
  out.value(r.crisis_s);
  out.value(r.peak_level);
  out.value(r.clashes);
  out.value(r.wars);
  out.value(r.shocks);
  out.value(r.decisions);
  out.value(r.expected_clashes);
  OptionalNumber::put(out, r.first_crisis_s);
  OptionalNumber::put(out, r.first_clash_s);
  OptionalNumber::put(out, r.war_s);
}

void restore_record(SnapshotReader& in, DyadRecord& r) {
  in.value(r.crisis_s);
  in.value(r.peak_level);
  in.value(r.clashes);
  in.value(r.wars);
  in.value(r.shocks);
  in.value(r.decisions);
  in.value(r.expected_clashes);
  OptionalNumber::get(in, r.first_crisis_s);
  OptionalNumber::get(in, r.first_clash_s);
  OptionalNumber::get(in, r.war_s);
}

}  // namespace

void DyadHostility::save(SnapshotWriter& out) const {
  out.part("hostility");
  for (const double v :
       {base_, h_, shock_, now_s_, level_since_s_, quiet_since_s_, episode_start_s_})
    out.value(v);
  out.value(level_);
  out.value(episodes_);
  out.value(in_episode_);
}

void DyadHostility::restore(SnapshotReader& in) {
  in.part("hostility");
  for (double* v :
       {&base_, &h_, &shock_, &now_s_, &level_since_s_, &quiet_since_s_, &episode_start_s_})
    in.value(*v);
  in.value(level_);
  in.value(episodes_);
  in.value(in_episode_);
}

void HotlineExchange::save(SnapshotWriter& out) const {
  out.part("hotline exchange");
  put_items(out, lines_, line_fields);
  out.value(next_serial_);
  for (const HotlineCounts& c : counts_) {
    for (const std::uint64_t n : {c.calls, c.attempts, c.connected, c.relayed, c.failed})
      out.value(n);
    out.values(c.connect_delays_s);
  }
}

void HotlineExchange::restore(SnapshotReader& in) {
  in.part("hotline exchange");
  get_items(in, lines_, lines_.size(), line_fields);
  in.value(next_serial_);
  for (HotlineCounts& c : counts_) {
    for (std::uint64_t* n : {&c.calls, &c.attempts, &c.connected, &c.relayed, &c.failed})
      in.value(*n);
    in.values(c.connect_delays_s);
  }
}

void CrisisCommand::save(SnapshotWriter& out) const {
  out.part("command");
  for (const DyadHostility& h : hostility_)
    h.save(out);
  out.values(levels_);
  for (const DyadRecord& r : records_)
    save_record(out, r);
  for (const std::optional<double>& t : last_contact_s_)
    OptionalNumber::put(out, t);
  out.values(skirmish_until_s_);
  out.values(next_shock_s_);
  out.values(shocks_drawn_);
  out.values(next_epoch_s_);
  out.values(deescalated_);
  out.values(war_cost_multiplier_);
  out.values(baseline_cut_);
  out.value(any_clash_);
  put_items(out, reports_, report_fields);
  out.value(incidents_reported_);
  out.value(hotline_.has_value());
  if (hotline_) hotline_->save(out);
  out.value(next_dialogue_s_);
  out.values(posture_);
  out.values(side_posture_);
  out.values(ally_in_crisis_);
  out.value(step_);
}

void CrisisCommand::restore(SnapshotReader& in) {
  in.part("command");
  for (DyadHostility& h : hostility_)
    h.restore(in);
  const std::size_t dyads = dyads_.size();
  in.values(levels_, dyads);
  for (DyadRecord& r : records_)
    restore_record(in, r);
  for (std::optional<double>& t : last_contact_s_)
    OptionalNumber::get(in, t);
  in.values(skirmish_until_s_, dyads);
  in.values(next_shock_s_, dyads);
  in.values(shocks_drawn_, dyads);
  in.values(next_epoch_s_, dyads);
  in.values(deescalated_, dyads * 2);
  in.values(war_cost_multiplier_, war_cost_multiplier_.size());
  in.values(baseline_cut_, baseline_cut_.size());
  in.value(any_clash_);
  get_items(in, reports_, report_fields);
  in.value(incidents_reported_);
  if (in.value<bool>() != hotline_.has_value())
    throw SnapshotError(
        "snapshot: command: a hotline where the world has none, or none where "
        "it has one");
  if (hotline_) hotline_->restore(in);
  in.value(next_dialogue_s_);
  in.values(posture_, posture_.size());
  in.values(side_posture_, side_posture_.size());
  in.values(ally_in_crisis_, ally_in_crisis_.size());
  in.value(step_);
}

void ZonePresence::save(SnapshotWriter& out) const {
  out.part("zone presence");
  put_items(out, stats_, presence_fields);
  out.values(last_step_);
  out.values(counted_today_);
  out.values(streak_);
  out.values(last_day_present_);
  out.value(day_);
}

void ZonePresence::restore(SnapshotReader& in) {
  in.part("zone presence");
  get_items(in, stats_, stats_.size(), presence_fields);
  in.values(last_step_, last_step_.size());
  in.values(counted_today_, counted_today_.size());
  in.values(streak_, streak_.size());
  in.values(last_day_present_, last_day_present_.size());
  in.value(day_);
}

namespace detail {

void PresenceSampler::save(SnapshotWriter& out) const {
  out.part("presence sampler");
  presence_.save(out);
  out.value(current_day_);
}

void PresenceSampler::restore(SnapshotReader& in) {
  in.part("presence sampler");
  presence_.restore(in);
  in.value(current_day_);
}

void EncounterTable::save(SnapshotWriter& out) const {
  out.part("encounters");
  out.values(active_);
}

void EncounterTable::restore(SnapshotReader& in) {
  in.part("encounters");
  in.values(active_);
}

void EncounterSensing::save(SnapshotWriter& out) const {
  table_.save(out);
}

void EncounterSensing::restore(SnapshotReader& in) {
  table_.restore(in);
}

void IntrusionWatch::save(SnapshotWriter& out) const {
  out.part("intrusions");
  out.values(unseen);
  out.values(responses);
}

void IntrusionWatch::restore(SnapshotReader& in) {
  in.part("intrusions");
  in.values(unseen);
  in.values(responses, responses.size());
}

}  // namespace detail

namespace {

void save_voyages(const std::vector<detail::Voyage>& voyages, SnapshotWriter& out) {
  out.part("voyages");
  out.value(static_cast<std::uint64_t>(voyages.size()));
  for (const detail::Voyage& v : voyages) {
    out.values(v.legs);
    out.value(v.next);
    out.value(v.goal_node);
    out.value(v.last_at);
  }
}

void restore_voyages(std::vector<detail::Voyage>& voyages, SnapshotReader& in) {
  in.part("voyages");
  if (in.value<std::uint64_t>() != voyages.size())
    throw SnapshotError("snapshot: voyages: another number of platforms");
  for (detail::Voyage& v : voyages) {
    in.values(v.legs);
    in.value(v.next);
    in.value(v.goal_node);
    in.value(v.last_at);
  }
}

}  // namespace

void CrisisCommand::set_rng(const engine::CounterRng& rng) {
  rng_ = rng;
  if (hotline_) hotline_->set_rng(rng);
}

void PlatformWorld::set_branch(std::uint64_t branch) {
  rng_ = rng_.on_branch(branch);
  crisis_->set_rng(rng_);
}

void PlatformWorld::save(SnapshotWriter& out) const {
  if (!events_.empty())
    throw std::logic_error("PlatformWorld::save: the last step's events were not taken");
  out.part("world");
  out.value(step_);
  out.value(rng_.branch());
  out.values(posture_);
  out.values(pinned_posture_);
  agents_.save(out);
  put_items(out, stations_, station_fields);
  save_voyages(voyages_, out);
  out.values(ally_force_deployed_);
  out.values(side_posture_);
  out.value(cues_encounters_);
  out.value(cues_both_adhered_);
  out.values(dyad_counts_);
  watch_->save(out);
  presence_->save(out);
  sensing_->save(out);
  crisis_->save(out);
}

void PlatformWorld::restore(SnapshotReader& in) {
  in.part("world");
  in.value(step_);
  set_branch(in.value<std::uint64_t>());
  in.values(posture_, posture_.size());
  in.values(pinned_posture_, pinned_posture_.size());
  agents_.restore(in);
  get_items(in, stations_, stations_.size(), station_fields);
  restore_voyages(voyages_, in);
  in.values(ally_force_deployed_, ally_force_deployed_.size());
  in.values(side_posture_, side_posture_.size());
  in.value(cues_encounters_);
  in.value(cues_both_adhered_);
  in.values(dyad_counts_, dyad_counts_.size());
  watch_->restore(in);
  presence_->restore(in);
  sensing_->restore(in);
  crisis_->restore(in);
  events_.clear();
}

}  // namespace hotline::agents
