// Zone presence on a scripted week: days, vessel-days, cases of entry,
// hours and the longest run of days, worked out by hand.
#include <catch2/catch.hpp>
#include <utility>
#include <vector>

#include "hotline/agents/zone_presence.hpp"

using hotline::agents::ZoneMask;
using hotline::agents::ZonePresence;

TEST_CASE("zone presence counts days, vessel-days, entries, hours and streaks", "[presence]") {
  // One group, two zones, a step of 6 hours (4 a day).
  ZonePresence presence(1, 2, 6 * 3600.0);
  using Fresh = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
  auto step = [&](std::uint32_t day, ZoneMask zones, const Fresh& fresh = {}) {
    const std::vector<ZoneMask> present{zones};
    presence.record_step(day, present, fresh);
  };
  // Day 0: in zone 0 for two steps, out, back in (two cases); two ships.
  step(0, 0b01, {{0, 0}, {0, 0}});
  step(0, 0b01);
  step(0, 0b00);
  step(0, 0b01);
  // Day 1: nobody. Days 2, 3, 4: in zone 0 at one step a day; a ship a day.
  for (std::uint32_t d = 1; d <= 4; ++d) {
    step(d, 0b00);
    if (d >= 2) step(d, 0b01, {{0, 0}});
    step(d, 0b00);
    step(d, 0b00);
  }
  // Day 5: zones 0 and 1 all day (one case each, the same ship in both).
  for (int i = 0; i < 4; ++i)
    step(5, 0b11, i == 0 ? Fresh{{0, 0}, {0, 1}} : Fresh{});
  const auto zone0 = presence.stats(0, 0);
  CHECK(zone0.days == 5);           // days 0, 2, 3, 4, 5
  CHECK(zone0.vessel_days == 6);    // 2 + 1 + 1 + 1 + 1
  CHECK(zone0.entries == 6);        // two on day 0, one on each of days 2 to 5
  CHECK(zone0.steps == 3 + 3 + 4);  // 3 steps on day 0, one on days 2–4, 4 on day 5
  CHECK(zone0.hours == Approx(10 * 6.0));
  CHECK(zone0.longest_streak_days == 4);  // days 2 to 5
  const auto zone1 = presence.stats(0, 1);
  CHECK(zone1.days == 1);
  CHECK(zone1.vessel_days == 1);
  CHECK(zone1.entries == 1);
  CHECK(zone1.hours == Approx(24.0));
  CHECK(zone1.longest_streak_days == 1);
}
