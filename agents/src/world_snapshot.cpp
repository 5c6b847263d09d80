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
  out.values(lines_);
  out.value(next_serial_);
  for (const HotlineCounts& c : counts_) {
    for (const std::uint64_t n : {c.calls, c.attempts, c.connected, c.relayed, c.failed})
      out.value(n);
    out.values(c.connect_delays_s);
  }
}

void HotlineExchange::restore(SnapshotReader& in) {
  in.part("hotline exchange");
  in.values(lines_, lines_.size());
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
  out.values(records_);
  out.values(last_contact_s_);
  out.values(skirmish_until_s_);
  out.values(next_shock_s_);
  out.values(shocks_drawn_);
  out.values(next_epoch_s_);
  out.values(deescalated_);
  out.values(war_cost_multiplier_);
  out.values(baseline_cut_);
  out.value(any_clash_);
  out.values(reports_);
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
  in.values(records_, dyads);
  in.values(last_contact_s_, dyads);
  in.values(skirmish_until_s_, dyads);
  in.values(next_shock_s_, dyads);
  in.values(shocks_drawn_, dyads);
  in.values(next_epoch_s_, dyads);
  in.values(deescalated_, dyads * 2);
  in.values(war_cost_multiplier_, war_cost_multiplier_.size());
  in.values(baseline_cut_, baseline_cut_.size());
  in.value(any_clash_);
  in.values(reports_);
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
  out.values(stats_);
  out.values(last_step_);
  out.values(counted_today_);
  out.values(streak_);
  out.values(last_day_present_);
  out.value(day_);
}

void ZonePresence::restore(SnapshotReader& in) {
  in.part("zone presence");
  in.values(stats_, stats_.size());
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

void PlatformWorld::save(SnapshotWriter& out) const {
  if (!events_.empty())
    throw std::logic_error("PlatformWorld::save: the last step's events were not taken");
  out.part("world");
  out.value(step_);
  out.values(posture_);
  out.values(pinned_posture_);
  agents_.save(out);
  out.values(stations_);
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
  in.values(posture_, posture_.size());
  in.values(pinned_posture_, pinned_posture_.size());
  agents_.restore(in);
  in.values(stations_, stations_.size());
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
