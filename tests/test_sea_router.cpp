// Ships round land: routes on the sea grid are at sea leg by leg, near the
// shortest way, the same however often they are asked for; a ship following
// them never stands on land and gets where it is going.
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <vector>

#include "hotline/agents/land_map.hpp"
#include "hotline/agents/sea_router.hpp"
#include "hotline/scenarios/land_file.hpp"
#include "ship_navigation.hpp"

using hotline::agents::LandMap;
using hotline::agents::LandRing;
using hotline::agents::LatLon;
using hotline::agents::PlanePoint;
using hotline::agents::Projection;
using hotline::agents::SeaRouter;

namespace {

double length_km(PlanePoint from, const std::vector<PlanePoint>& legs) {
  double km = 0.0;
  for (const PlanePoint& p : legs) {
    km += std::hypot(p.x_km - from.x_km, p.y_km - from.y_km);
    from = p;
  }
  return km;
}

void check_legs_at_sea(const LandMap& land, PlanePoint from, const std::vector<PlanePoint>& legs) {
  for (const PlanePoint& p : legs) {
    INFO("leg " << from.x_km << ", " << from.y_km << " to " << p.x_km << ", " << p.y_km);
    REQUIRE_FALSE(land.segment_crosses_land(from, p));
    from = p;
  }
}

// A 100 km square island in the middle of [-200, 200]².
std::shared_ptr<const LandMap> square_island() {
  return std::make_shared<const LandMap>(
      std::vector<LandRing>{{{-50, -50}, {50, -50}, {50, 50}, {-50, 50}}}, PlanePoint{-200, -200},
      PlanePoint{200, 200}, 2.0);
}

}  // namespace

TEST_CASE("a route round an island is at sea and near the shortest", "[land][route]") {
  const auto land = square_island();
  const SeaRouter router(land);
  const PlanePoint from{-120, 10};
  const PlanePoint to{120, -10};
  const std::vector<PlanePoint> legs = router.route(from, to);
  REQUIRE(legs.size() >= 2);
  CHECK(legs.back() == to);
  check_legs_at_sea(*land, from, legs);
  // The shortest way round touches two corners: 70 + 100 + 70-odd km.
  const double shortest = std::hypot(70.0, 60.0) + 100.0 + std::hypot(70.0, 40.0);
  INFO("route " << length_km(from, legs) << " km, shortest " << shortest << " km");
  CHECK(length_km(from, legs) <= shortest * 1.06);
  CHECK(length_km(from, legs) >= shortest);
  // The same route again, now from the cache.
  CHECK(router.cached_chains() == 1);
  CHECK(router.route(from, to) == legs);
  // In the open: no route needed.
  CHECK(router.route({-120, 100}, {120, 100}).empty());
}

TEST_CASE("a ship sails round an island and arrives, never on land", "[land][route]") {
  const auto land = square_island();
  const SeaRouter router(land);
  hotline::agents::detail::Voyage voyage;
  PlanePoint at{-120, 0};
  const PlanePoint target{120, 0};
  int steps = 0;
  bool arrived = false;
  double sailed_km = 0.0;
  while (!arrived && steps < 1000) {
    const auto s = hotline::agents::detail::sail(router, voyage, at, target, 1.0);
    REQUIRE_FALSE(land->on_land(s.at));
    CHECK(s.km <= 1.0 + 1e-12);
    sailed_km += s.km;
    at = s.at;
    arrived = s.arrived;
    ++steps;
  }
  CHECK(arrived);
  CHECK(at == target);
  // Straight to the coast (70 km), then round: well under 1.5 × the 240 km
  // crossing, and every step but the last a full kilometre.
  CHECK(sailed_km < 340.0);
  CHECK(steps == static_cast<int>(std::ceil(sailed_km - 1e-9)));
}

TEST_CASE("a ship with no way round holds where it is", "[land][route]") {
  // A lake: land from 50 to 100 km round a square of sea; the ship is
  // inside, its target outside.
  const auto land = std::make_shared<const LandMap>(
      std::vector<LandRing>{{{-100, -100}, {100, -100}, {100, 100}, {-100, 100}},
                            {{-50, -50}, {50, -50}, {50, 50}, {-50, 50}}},
      PlanePoint{-200, -200}, PlanePoint{200, 200}, 2.0);
  const SeaRouter router(land);
  CHECK(router.route({0, 0}, {150, 0}).empty());
  hotline::agents::detail::Voyage voyage;
  PlanePoint at{0, 0};
  for (int step = 0; step < 100; ++step) {
    const auto s = hotline::agents::detail::sail(router, voyage, at, {150, 0}, 1.0);
    REQUIRE_FALSE(land->on_land(s.at));
    at = s.at;
  }
  CHECK(at.x_km < 50.0);
}

TEST_CASE("routes round Taiwan on the built-in land", "[land][route]") {
  const Projection projection({24.0, 121.0});
  std::vector<LandRing> rings;
  for (const auto& ring : hotline::scenarios::builtin_land().rings) {
    LandRing r;
    for (const auto& p : ring)
      r.push_back(projection.to_plane({p.lat_deg, p.lon_deg}));
    rings.push_back(std::move(r));
  }
  const auto land =
      std::make_shared<const LandMap>(rings, PlanePoint{-700, -700}, PlanePoint{700, 700}, 2.0);
  const SeaRouter router(land);
  // From the middle of the strait to the Pacific east of Hualien: round the
  // north or the south of the island.
  const PlanePoint strait = projection.to_plane({24.3, 119.9});
  const PlanePoint pacific = projection.to_plane({24.0, 122.2});
  const std::vector<PlanePoint> legs = router.route(strait, pacific);
  REQUIRE_FALSE(legs.empty());
  check_legs_at_sea(*land, strait, legs);
  const double km = length_km(strait, legs);
  INFO("round Taiwan: " << km << " km in " << legs.size() << " legs");
  CHECK(km > 300.0);
  CHECK(km < 800.0);
  // Into Magong's harbour past the Penghu islands, and out again.
  const PlanePoint magong = projection.to_plane({23.55, 119.52});
  check_legs_at_sea(*land, strait, router.route(strait, magong));
  check_legs_at_sea(*land, magong, router.route(magong, pacific));
}
