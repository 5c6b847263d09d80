// Who is in which zone, summed over a run: the figures the coast guards
// publish for disputed waters (days with presence, vessel-days, cases of
// entry, hours, the longest unbroken run of days).
//
// Presence is kept per group (a nation's ships of one role, or of any role)
// and zone, from what the move phase finds at the end of each step: the
// zones each group has a ship in, and the (group, zone) pairs in which a
// ship was present for the first time that day.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "hotline/agents/zones.hpp"
#include "hotline/engine/snapshot_stream.hpp"

namespace hotline::agents {

struct PresenceStats {
  std::uint32_t days = 0;         // days with a ship of the group in the zone
  std::uint64_t vessel_days = 0;  // ships × days, each ship once a day
  std::uint32_t entries = 0;      // cases: the zone going from none of the group's ships to some
  double hours = 0.0;             // hours with at least one ship of the group in the zone
  std::uint64_t steps = 0;        // the same in steps (hours = steps × dt, without sums)
  std::uint32_t longest_streak_days = 0;  // the longest run of consecutive days with presence
};

class ZonePresence {
 public:
  ZonePresence(std::size_t groups, std::size_t zones, double dt_s);

  // One step of day `day`: present[g] is the zones group g has a ship in;
  // fresh_vessels lists (group, zone) once for each ship first seen in the
  // zone that day.
  void record_step(std::uint32_t day, std::span<const ZoneMask> present,
                   std::span<const std::pair<std::uint32_t, std::uint32_t>> fresh_vessels);

  [[nodiscard]] PresenceStats stats(std::size_t group, std::size_t zone) const {
    PresenceStats s = stats_[group * zones_ + zone];
    s.hours = static_cast<double>(s.steps) * dt_s_ / 3600.0;
    return s;
  }

  // The state a snapshot holds (world_snapshot.cpp), and back.
  void save(engine::SnapshotWriter& out) const;
  void restore(engine::SnapshotReader& in);

 private:
  std::size_t zones_;
  double dt_s_;
  std::vector<PresenceStats> stats_;
  std::vector<ZoneMask> last_step_;              // per group
  std::vector<ZoneMask> counted_today_;          // per group
  std::vector<std::uint32_t> streak_;            // per (group, zone): days in the current run
  std::vector<std::uint32_t> last_day_present_;  // per (group, zone), plus one (0: never)
  std::uint32_t day_ = 0;
};

}  // namespace hotline::agents
