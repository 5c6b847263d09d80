// The closed set of missions a force can fly or sail (docs/model.md, "Missions"),
// and when a force enters the scenario.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hotline::agents {

// presence: a force that is on station in an area for a while, then away
// for a while (a two-state process), with a few of its ships when on
// station, who now and then enter a second zone for a spell.
enum class MissionType : std::uint8_t { patrol, route, loiter, sortie, alert, respond, presence };
[[nodiscard]] std::string_view mission_type_name(MissionType type);

// A presence mission's process (MissionType::presence): times in s.
struct StationProcess {
  double present_mean_s = 0.0;  // mean of the exponential time on station
  double absent_mean_s = 0.0;   // mean of the exponential time away
  std::uint32_t ships_min = 0;  // ships on station, uniform in [min, max]
  std::uint32_t ships_max = 0;
  // Entries into a second zone (a territorial sea) while on station: every
  // ship on station goes in at once, as one case.
  bool has_entries = false;
  std::size_t entry_zone = 0;
  double entries_per_s = 0.0;         // Poisson rate while on station
  double entry_dwell_median_s = 0.0;  // lognormal time inside
  double entry_dwell_sigma = 0.0;
  bool operator==(const StationProcess&) const = default;
};

// At the start, when an ally enters a crisis (an ally's dyad at L2 or more),
// or only for the exercises that list the force.
enum class Deployment : std::uint8_t { start, ally_crisis, exercise };
[[nodiscard]] std::string_view deployment_name(Deployment deployment);

}  // namespace hotline::agents
