// Ships never touch land: every shipped scenario that has land, run for a
// year (its policy "none"), with every ship in play checked at every step.
// (The stretch between two steps' positions is not checked: a ship that
// turns round a headland within a step sails two legs at sea whose chord
// may cut the land; the legs themselves are tested where they are planned.)
// Long (a year of each scenario), so labelled "year" and left out of the
// sanitizer run; HOTLINE_INVARIANT_DAYS shortens it by hand.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "hotline/agents/platform_world.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/world_builder.hpp"

using namespace hotline;

namespace {

double days_to_run() {
  const char* days = std::getenv("HOTLINE_INVARIANT_DAYS");
  return days != nullptr ? std::atof(days) : 365.0;
}

void check_year_at_sea(const std::string& scenario_file) {
  const scenarios::Scenario scenario =
      scenarios::load_scenario_file(std::string(HOTLINE_SOURCE_DIR) + "/" + scenario_file);
  const agents::WorldSpec spec = scenarios::build_world_spec(scenario);
  REQUIRE(spec.land);
  REQUIRE(spec.land->has_land());
  const agents::LandMap& land = *spec.land;
  agents::PlatformWorld world(spec, 1, 0);
  const auto& a = world.agents();
  // The store's kind column is the search kind: ships and fishing boats sail.
  const auto aircraft = static_cast<std::uint8_t>(agents::PlatformKind::aircraft);
  // Last positions by platform id.
  std::vector<agents::PlanePoint> last(a.size());
  for (std::uint32_t id = 0; id < a.size(); ++id) {
    const std::uint32_t s = a.slot_of(id);
    last[id] = {a.x_km[s], a.y_km[s]};
    if (a.kind[s] != aircraft && a.alive[s] && land.on_land(last[id])) {
      FAIL("ship " << id << " starts on land at " << last[id].x_km << ", " << last[id].y_km);
    }
  }
  const auto steps = static_cast<std::uint32_t>(days_to_run() * 86400.0 / spec.dt_s);
  std::uint64_t ship_steps = 0;
  for (std::uint32_t step = 0; step < steps && !world.stopped(); ++step) {
    world.step();
    for (std::uint32_t id = 0; id < a.size(); ++id) {
      const std::uint32_t s = a.slot_of(id);
      const agents::PlanePoint now{a.x_km[s], a.y_km[s]};
      if (a.kind[s] != aircraft && a.alive[s]) {
        ++ship_steps;
        if (land.on_land(now)) {
          FAIL(scenario_file << ": at step " << step << " ship " << id << " ("
                             << spec.forces[world.force_of_slot()[s]].id << ") is on land at "
                             << now.x_km << ", " << now.y_km << ", coming from " << last[id].x_km
                             << ", " << last[id].y_km);
        }
      }
      last[id] = now;
    }
    world.clear_events();
  }
  INFO(scenario_file << ": " << ship_steps << " ship-steps checked");
  CHECK(ship_steps > 0);
}

}  // namespace

TEST_CASE("no ship touches land in a year of east_china_sea_2023", "[year][land]") {
  check_year_at_sea("scenarios/east_china_sea_2023.yaml");
}

TEST_CASE("no ship touches land in a year of taiwan_strait", "[year][land]") {
  check_year_at_sea("scenarios/taiwan_strait.yaml");
}

TEST_CASE("no ship touches land in a year of tutorial", "[year][land]") {
  check_year_at_sea("scenarios/tutorial.yaml");
}
