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
  CHECK(w.platform_count() == 573);
  // Rival dyads: japan–china, china–united_states, china–australia.
  CHECK(w.dyads() == std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}, {1, 2}, {1, 3}});
  REQUIRE(w.zones.size() == s.zones.size());
  // The frame's centre is the origin, inside the territorial sea and the
  // contiguous zone, and both are circles of 12 and 24 nmi about it.
  CHECK(w.projection.to_plane({25.74, 123.47}) == agents::PlanePoint{0.0, 0.0});
  CHECK(w.zones[0].shape.is_circle());
  CHECK(w.zones[0].shape.radius_km() == Approx(22.224).epsilon(1e-15));
  CHECK(w.zones[0].shape.contains({0.0, 0.0}));
  CHECK(w.zones[1].shape.contains({0.0, 44.448}));
  CHECK_FALSE(w.zones[1].shape.contains({0.0, 44.449}));
  // Naha air base lies 421.2 km from the islands on a bearing of 82.2°
  // (the geodesic; the azimuthal projection keeps both from the centre).
  const agents::BaseSpec& naha = w.bases[0];
  CHECK(naha.id == "naha");
  CHECK(std::hypot(naha.at.x_km, naha.at.y_km) == Approx(421.23).margin(0.01));
  CHECK(std::atan2(naha.at.x_km, naha.at.y_km) * 180 / M_PI == Approx(82.2).margin(0.05));
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
  CHECK(flights.mission.launches_per_s == Approx(0.1211 / 86400).epsilon(1e-15));
  CHECK(w.command_centres[0].watches[0].responders == s.command_centres[0].watches[0].responders);
  CHECK(w.incidents == s.incidents);
  CHECK(w.policies == s.policies);
}
