#include "hotline/agents/zone_presence.hpp"

#include <algorithm>
#include <bit>

namespace hotline::agents {

ZonePresence::ZonePresence(std::size_t groups, std::size_t zones, double dt_s)
    : zones_(zones),
      dt_s_(dt_s),
      stats_(groups * zones),
      last_step_(groups, 0),
      counted_today_(groups, 0),
      streak_(groups * zones, 0),
      last_day_present_(groups * zones, 0) {}

void ZonePresence::record_step(
    std::uint32_t day, std::span<const ZoneMask> present,
    std::span<const std::pair<std::uint32_t, std::uint32_t>> fresh_vessels) {
  if (day != day_) {
    std::fill(counted_today_.begin(), counted_today_.end(), 0);
    day_ = day;
  }
  for (const auto& [group, zone] : fresh_vessels)
    ++stats_[group * zones_ + zone].vessel_days;
  for (std::size_t g = 0; g < present.size(); ++g) {
    for (ZoneMask in = present[g]; in != 0; in &= in - 1) {
      const auto z = static_cast<std::size_t>(std::countr_zero(in));
      PresenceStats& s = stats_[g * zones_ + z];
      ++s.steps;
      if ((last_step_[g] >> z & 1U) == 0) ++s.entries;
      if ((counted_today_[g] >> z & 1U) == 0) {
        // The first presence of the day: a day, and the run of days goes on
        // if yesterday had presence too.
        ++s.days;
        const std::size_t k = g * zones_ + z;
        streak_[k] = last_day_present_[k] == day ? streak_[k] + 1 : 1;
        last_day_present_[k] = day + 1;
        s.longest_streak_days = std::max(s.longest_streak_days, streak_[k]);
      }
    }
    counted_today_[g] |= present[g];
    last_step_[g] = present[g];
  }
}

}  // namespace hotline::agents
