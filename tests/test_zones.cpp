// Geography: the projection, zone membership (closed zones, exact at the
// border) and the zone index, which must agree with the exact test
// everywhere.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <memory>
#include <numbers>
#include <vector>

#include "hotline/agents/projection.hpp"
#include "hotline/agents/zones.hpp"
#include "split_mix.hpp"

using namespace hotline::agents;

namespace {

ZoneMask brute_force(const std::vector<ZoneShape>& zones, PlanePoint p) {
  ZoneMask mask = 0;
  for (std::size_t z = 0; z < zones.size(); ++z) {
    if (zones[z].contains(p)) mask |= ZoneMask{1} << z;
  }
  return mask;
}

using hotline::test::SplitMix;

}  // namespace

TEST_CASE("circles are closed: the border is inside", "[geography]") {
  const ZoneShape circle = ZoneShape::circle({0.0, 0.0}, 10.0);
  CHECK(circle.contains({0.0, 0.0}));
  CHECK(circle.contains({10.0, 0.0}));
  CHECK(circle.contains({6.0, 8.0}));  // 36 + 64 = 100, exactly on the border
  CHECK(circle.contains({-6.0, -8.0}));
  CHECK_FALSE(circle.contains({10.000001, 0.0}));
  CHECK_FALSE(circle.contains({6.0, 8.000001}));
}

TEST_CASE("polygons: inside, outside, on edges and vertices", "[geography]") {
  const ZoneShape square = ZoneShape::polygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
  for (PlanePoint p : {PlanePoint{5, 5}, PlanePoint{0, 0}, PlanePoint{10, 10}, PlanePoint{5, 0},
                       PlanePoint{10, 5}, PlanePoint{5, 10}, PlanePoint{0, 5}}) {
    INFO(p.x_km << ", " << p.y_km);
    CHECK(square.contains(p));
  }
  for (PlanePoint p : {PlanePoint{-1e-9, 5}, PlanePoint{10 + 1e-9, 5}, PlanePoint{5, -1e-9},
                       PlanePoint{5, 10 + 1e-9}, PlanePoint{20, 5}, PlanePoint{-3, -3}}) {
    INFO(p.x_km << ", " << p.y_km);
    CHECK_FALSE(square.contains(p));
  }
  // A concave L: the notch is outside, its edges inside.
  const ZoneShape ell = ZoneShape::polygon({{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}});
  CHECK(ell.contains({2, 8}));
  CHECK(ell.contains({8, 2}));
  CHECK_FALSE(ell.contains({8, 8}));
  CHECK(ell.contains({4, 7}));  // on the inner edge
  CHECK(ell.contains({7, 4}));  // on the inner edge
  CHECK(ell.contains({4, 4}));  // the reflex vertex
  CHECK_FALSE(ell.contains({4.000001, 7}));
}

TEST_CASE("a polygon across the centre's meridian, built from lat/lon", "[geography]") {
  // A diamond about the frame's centre: its top and bottom vertices lie on
  // the centre's meridian (x = 0), its diagonal edges cross it.
  const Projection projection({25.74, 123.47});
  const auto at = [&](double lat, double lon) { return projection.to_plane({lat, lon}); };
  const ZoneShape diamond = ZoneShape::polygon(
      {at(25.74, 122.47), at(24.74, 123.47), at(25.74, 124.47), at(26.74, 123.47)});
  const PlanePoint top = at(26.74, 123.47);
  CHECK(top.x_km == 0.0);
  CHECK(diamond.contains(top));                                         // a vertex on the meridian
  CHECK(diamond.contains({0.0, 0.0}));                                  // the centre
  CHECK(diamond.contains({-1e-9, top.y_km - 1e-6}));                    // just west of the meridian
  CHECK(diamond.contains({1e-9, top.y_km - 1e-6}));                     // just east
  CHECK_FALSE(diamond.contains({0.0, std::nextafter(top.y_km, 1e9)}));  // just beyond the vertex
  CHECK(diamond.contains(at(25.74, 122.47)));                           // the western vertex
  CHECK_FALSE(diamond.contains(at(25.74, 122.469)));
}

TEST_CASE("the zone index agrees with the exact test everywhere", "[geography]") {
  const Projection projection({25.74, 123.47});
  std::vector<ZoneShape> zones = {
      ZoneShape::circle({0, 0}, 22.224),
      ZoneShape::circle({0, 0}, 44.448),
      ZoneShape::polygon({{-200, -150}, {-180, 120}, {60, 300}, {250, 260}, {300, -200}}),
      ZoneShape::polygon({{0, 0}, {100, 0}, {100, 40}, {40, 40}, {40, 100}, {0, 100}}),
      ZoneShape::polygon(
          {projection.to_plane({25.74, 122.47}), projection.to_plane({24.74, 123.47}),
           projection.to_plane({25.74, 124.47}), projection.to_plane({26.74, 123.47})}),
      // A 22 km belt round two islands (a square and a triangle).
      ZoneShape::land_belt(std::make_shared<const LandMap>(
                               std::vector<LandRing>{{{-110, 50}, {-90, 50}, {-90, 70}, {-110, 70}},
                                                     {{120, -100}, {160, -100}, {140, -60}}},
                               PlanePoint{-140, -130}, PlanePoint{190, 100}, 1.0),
                           22.224),
  };
  for (int cells : {1, 7, 64, 256}) {
    const ZoneIndex index(zones, cells);
    INFO("cells per side " << cells);
    SplitMix random{static_cast<std::uint64_t>(cells)};
    int mismatches = 0;
    for (int i = 0; i < 200000; ++i) {
      const PlanePoint p{random.uniform(-350, 350), random.uniform(-350, 350)};
      mismatches += index.zones_at(p) != brute_force(zones, p) ? 1 : 0;
    }
    // Points on borders: vertices, edge midpoints, circle axis points.
    for (const ZoneShape& z : zones) {
      if (z.is_circle()) {
        const double r = z.radius_km();
        for (PlanePoint p :
             {PlanePoint{r, 0}, PlanePoint{-r, 0}, PlanePoint{0, r}, PlanePoint{0, -r}}) {
          mismatches += index.zones_at(p) != brute_force(zones, p) ? 1 : 0;
        }
        continue;
      }
      if (z.is_land_belt()) {
        // Its border: 22.224 km out from the square's sides and corners.
        for (PlanePoint p :
             {PlanePoint{-90 + 22.224, 60}, PlanePoint{-100, 70 + 22.224},
              PlanePoint{-90 + 22.224 / std::sqrt(2.0), 70 + 22.224 / std::sqrt(2.0)}}) {
          mismatches += index.zones_at(p) != brute_force(zones, p) ? 1 : 0;
        }
        continue;
      }
      const auto v = z.vertices();
      for (std::size_t k = 0; k < v.size(); ++k) {
        const PlanePoint a = v[k];
        const PlanePoint b = v[(k + 1) % v.size()];
        for (PlanePoint p : {a, PlanePoint{(a.x_km + b.x_km) / 2, (a.y_km + b.y_km) / 2}}) {
          mismatches += index.zones_at(p) != brute_force(zones, p) ? 1 : 0;
        }
      }
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("a land belt holds the land and the sea within its distance", "[geography]") {
  const ZoneShape belt = ZoneShape::land_belt(
      std::make_shared<const LandMap>(std::vector<LandRing>{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}},
                                      PlanePoint{-30, -30}, PlanePoint{40, 40}, 1.0),
      22.224);
  CHECK(belt.is_land_belt());
  CHECK(belt.contains({5, 5}));             // the island
  CHECK(belt.contains({10 + 22.2239, 5}));  // just inside 12 nmi off its side
  CHECK_FALSE(belt.contains({10 + 22.2241, 5}));
  CHECK(belt.contains({10 + 15, 10 + 15}));        // 21.2 km off its corner
  CHECK_FALSE(belt.contains({10 + 16, 10 + 16}));  // 22.6 km off it
  CHECK_FALSE(belt.contains({-35, 5}));            // beyond the map
}

TEST_CASE("more than 64 zones are refused", "[geography]") {
  std::vector<ZoneShape> zones(65, ZoneShape::circle({0, 0}, 1));
  CHECK_THROWS_AS(ZoneIndex(zones), std::invalid_argument);
  CHECK(ZoneIndex({}).zones_at({0, 0}) == 0);
  CHECK_THROWS_AS(ZoneIndex({}, 0), std::invalid_argument);
  CHECK_THROWS_AS(ZoneIndex({}, ZoneIndex::kMaxCellsPerSide + 1), std::invalid_argument);
}
