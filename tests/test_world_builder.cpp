// A Scenario becomes the agents' WorldSpec: projected positions, zones as
// shapes, the same indices and parameters.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "hotline/scenarios/world_builder.hpp"

using namespace hotline;

namespace {

const std::string kScenarios = std::string(HOTLINE_SOURCE_DIR) + "/scenarios/";

}  // namespace

TEST_CASE("east_china_sea_2023 in the plane", "[geography][world]") {
  const scenarios::Scenario s =
      scenarios::load_scenario_file(kScenarios + "east_china_sea_2023.yaml");
  const agents::WorldSpec w = scenarios::build_world_spec(s);
  CHECK(w.nations.size() == 4);
  // Over 3,000 platforms, most of them China's offshore fishing fleet.
  CHECK(w.platform_count() == 3098);
  // Rival dyads: japan–china, china–united_states, china–australia.
  CHECK(w.dyads() == std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}, {1, 2}, {1, 3}});
  REQUIRE(w.zones.size() == s.zones.size());
  // The frame's centre is Uotsuri-jima, inside its territorial sea and
  // contiguous zone, belts drawn 12 and 24 nmi from the islands' coasts.
  CHECK(std::hypot(w.projection.to_plane({25.7333, 123.4667}).x_km,
                   w.projection.to_plane({25.7333, 123.4667}).y_km)
        < 1e-9);
  CHECK(w.zones[0].shape.is_land_belt());
  CHECK(w.zones[0].shape.belt_km() == Approx(22.224).epsilon(1e-15));
  CHECK(w.zones[0].shape.contains({0.0, 0.0}));
  CHECK(w.zones[1].shape.contains({0.0, 44.448}));
  CHECK_FALSE(w.zones[1].shape.contains({0.0, -50.0}));  // 50 km south of Uotsuri-jima
  // Naha air base lies 421.7 km from the islands on a bearing of 82.1°
  // (the geodesic; the azimuthal projection keeps both from the centre).
  const agents::BaseSpec& naha = w.bases[0];
  CHECK(naha.id == "naha");
  CHECK(std::hypot(naha.at.x_km, naha.at.y_km) == Approx(421.65).margin(0.01));
  CHECK(std::atan2(naha.at.x_km, naha.at.y_km) * 180 / M_PI == Approx(82.1).margin(0.05));
  // Japan's ADIZ contains Naha; China's contains Ningbo; not the other way.
  CHECK(w.zones[2].id == "japan_adiz");
  CHECK(w.zones[2].shape.contains(naha.at));
  CHECK(w.zones[3].shape.contains(w.bases[4].at));
  CHECK_FALSE(w.zones[3].shape.contains(naha.at));
  // Forces keep their indices and parameters; waypoints are projected.
  const agents::ForceSpec& flights = w.forces[7];
  CHECK(flights.id == "pla_patrol_flights");
  CHECK(flights.mission.type == agents::MissionType::sortie);
  CHECK(flights.mission.waypoints.size() == 3);
  CHECK(flights.mission.launches_per_s == Approx(0.1472 / 86400).epsilon(1e-15));
  CHECK(w.command_centres[0].watches[0].responders == s.command_centres[0].watches[0].responders);
  CHECK(w.incidents == s.incidents);
  CHECK(w.policies == s.policies);
}
