// The presence mission's process against its analytic answers: the share of
// time on station is present / (present + absent), cases of entry come at
// their Poisson rate while on station, and the ships on station stay within
// [min, max].
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "held_pair.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/scenarios/world_builder.hpp"

using namespace hotline;
using agents::PlatformState;
using agents::PlatformWorld;

namespace {

// Blue's cutters are based 5 km from a 20 km circle of sea with a 4 km
// circle inside it; on station for 5 days on average, away for 2, three
// or four at a time, entering the inner circle 60 times a year for a
// median of 3 hours.
constexpr const char* kStation =
    "name: station\n"
    "frame: {centre: {lat: 25.0, lon: 125.0}}\n"
    "time: {dt: 10 min}\n"
    "nations:\n"
    "  - {id: blue, relations: {red: rival}}\n"
    "  - {id: red, relations: {blue: rival}}\n"
    "zones:\n"
    "  - {id: area, kind: contiguous_zone, owner: red, circle: {centre: {lat: 25.0, lon: 125.0}, "
    "radius: 20 km}}\n"
    "  - {id: inner, kind: territorial_sea, owner: red, circle: {centre: {lat: 25.0, lon: "
    "125.0}, radius: 4 km}}\n"
    "bases:\n"
    "  - {id: port, nation: blue, lat: 25.0, lon: 125.25}\n"
    "classes:\n"
    "  - {id: cutter, kind: ship, role: coast_guard, cruise_speed: 15 kn, max_speed: 25 kn,\n"
    "     sensor_range: 20 km}\n"
    "forces:\n"
    "  - id: cg\n"
    "    nation: blue\n"
    "    class: cutter\n"
    "    count: 6\n"
    "    base: port\n"
    "    mission:\n"
    "      type: presence\n"
    "      area: area\n"
    "      dwell: 2 h\n"
    "      present: 5 d\n"
    "      absent: 2 d\n"
    "      ships: [3, 4]\n"
    "      entries: {zone: inner, rate: 60 per year, dwell: 3 h}\n";

}  // namespace

TEST_CASE("a presence mission keeps its process's share of time and its entry rate",
          "[presence][platform]") {
  const agents::WorldSpec spec =
      scenarios::build_world_spec(scenarios::load_scenario_text(kStation, "station.yaml"));
  constexpr double kDays = 3 * 365.0;
  PlatformWorld w(spec, 3, 0);
  const auto steps = static_cast<int>(kDays * 144);
  int most_at_sea = 0;
  for (int i = 0; i < steps; ++i) {
    w.step();
    int at_sea = 0;
    for (std::uint32_t s = 0; s < w.agents().size(); ++s)
      at_sea += w.agents().alive[s] ? 1 : 0;
    most_at_sea = std::max(most_at_sea, at_sea);
    w.clear_events();
  }
  const agents::PresenceStats area = w.presence(0, 0);
  const agents::PresenceStats inner = w.presence(0, 1);
  // Share of time with ships in the area: 5 / 7, less the ~20 min each
  // sailing out takes; its standard error over 3 years is about
  // √(2·5²·2²/(7³·1095)) = 0.023 (an alternating renewal process).
  const double share = area.hours / (kDays * 24.0);
  INFO("share on station " << share << ", entries " << inner.entries << ", vessel-days "
                           << area.vessel_days << " over " << area.days << " days");
  CHECK(std::abs(share - 5.0 / 7.0) < 4 * 0.023);
  // Cases of entry: Poisson, 60 a year while on station (and not inside).
  const double expected = 60.0 * 3 * 5.0 / 7.0;
  CHECK(std::abs(inner.entries - expected) < 4 * std::sqrt(expected));
  // Three or four ships on station; a day with a switch may see more.
  CHECK(most_at_sea <= 6);
  const double per_day = static_cast<double>(area.vessel_days) / area.days;
  CHECK(per_day >= 3.0);
  CHECK(per_day <= 4.6);
  // Absences of whole days happen, and so do unbroken runs of weeks.
  CHECK(area.days < kDays - 30);
  CHECK(area.longest_streak_days >= 10);
}
