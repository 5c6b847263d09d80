// The land map: exact answers on shapes with known answers, the built-in
// land at known places, and Boost.Geometry as the oracle on 100,000 random
// points and segments of the real coastline.
#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/linestring.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <vector>

#include "hotline/agents/land_map.hpp"
#include "hotline/agents/projection.hpp"
#include "hotline/scenarios/land_file.hpp"
#include "split_mix.hpp"

using hotline::agents::LandMap;
using hotline::agents::LandRing;
using hotline::agents::LatLon;
using hotline::agents::PlanePoint;
using hotline::agents::Projection;

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using hotline::test::SplitMix;

// A square of side 10 with a square hole of side 4 in its middle, and a
// triangle beside it.
std::vector<LandRing> square_with_hole_and_triangle() {
  return {{{0, 0}, {10, 0}, {10, 10}, {0, 10}},
          {{3, 3}, {3, 7}, {7, 7}, {7, 3}},
          {{20, 0}, {30, 0}, {25, 8}}};
}

// The built-in land about a frame near Taiwan, with the region of the tests.
struct RealLand {
  Projection projection{LatLon{25.0, 122.0}};
  std::vector<LandRing> rings;
  PlanePoint lo;
  PlanePoint hi;
  RealLand() {
    for (const auto& ring : hotline::scenarios::builtin_land().rings) {
      LandRing r;
      for (const auto& p : ring)
        r.push_back(projection.to_plane({p.lat_deg, p.lon_deg}));
      rings.push_back(std::move(r));
    }
    lo = {-800.0, -600.0};
    hi = {800.0, 700.0};
  }
  [[nodiscard]] PlanePoint at(double lat, double lon) const {
    return projection.to_plane({lat, lon});
  }
};

const RealLand& real_land() {
  static const RealLand land;
  return land;
}

// The oracle: each ring as a Boost polygon; a point is on land when an odd
// number of them cover it (the land map's definition), and a segment crosses
// land when an end is on land or it meets a ring's outline. For speed the
// rings are cut by Boost into 25 km tiles (bg::intersection with each tile's
// box; within a tile the parity is the same) and the outlines into pieces of
// at most 32 edges, each found through an R-tree of boxes.
class Oracle {
 public:
  using Point = bg::model::d2::point_xy<double>;
  using Polygon = bg::model::polygon<Point>;
  using Line = bg::model::linestring<Point>;
  using Box = bg::model::box<Point>;
  static constexpr double kTileKm = 25.0;

  Oracle(const std::vector<LandRing>& rings, PlanePoint lo, PlanePoint hi) : lo_(lo) {
    cols_ = static_cast<int>(std::ceil((hi.x_km - lo.x_km) / kTileKm));
    rows_ = static_cast<int>(std::ceil((hi.y_km - lo.y_km) / kTileKm));
    tiles_.resize(static_cast<std::size_t>(cols_ * rows_));
    std::vector<std::pair<Box, std::size_t>> boxes;
    for (const LandRing& ring : rings) {
      Polygon polygon;
      for (const PlanePoint& p : ring)
        polygon.outer().emplace_back(p.x_km, p.y_km);
      bg::correct(polygon);
      const Box envelope = bg::return_envelope<Box>(polygon);
      for (int r = 0; r < rows_; ++r) {
        for (int c = 0; c < cols_; ++c) {
          const Box tile = tile_box(c, r);
          if (!bg::intersects(envelope, tile)) continue;
          std::vector<Polygon> pieces;
          bg::intersection(polygon, tile, pieces);
          if (!pieces.empty())
            tiles_[static_cast<std::size_t>(r * cols_ + c)].push_back(std::move(pieces));
        }
      }
      for (std::size_t i = 0; i < ring.size(); i += 32) {
        Line piece;
        for (std::size_t k = i; k <= std::min(i + 32, ring.size()); ++k)
          piece.emplace_back(ring[k % ring.size()].x_km, ring[k % ring.size()].y_km);
        boxes.emplace_back(bg::return_envelope<Box>(piece), outlines_.size());
        outlines_.push_back(std::move(piece));
      }
    }
    index_ =
        bgi::rtree<std::pair<Box, std::size_t>, bgi::quadratic<16>>(boxes.begin(), boxes.end());
  }

  [[nodiscard]] bool on_land(PlanePoint p) const {
    const int c = static_cast<int>(std::floor((p.x_km - lo_.x_km) / kTileKm));
    const int r = static_cast<int>(std::floor((p.y_km - lo_.y_km) / kTileKm));
    if (c < 0 || r < 0 || c >= cols_ || r >= rows_) return false;
    const Point q(p.x_km, p.y_km);
    bool odd = false;
    for (const auto& ring_pieces : tiles_[static_cast<std::size_t>(r * cols_ + c)]) {
      for (const Polygon& piece : ring_pieces) {
        if (bg::covered_by(q, piece)) {
          odd = !odd;
          break;
        }
      }
    }
    return odd;
  }

  [[nodiscard]] bool segment_crosses_land(PlanePoint a, PlanePoint b) const {
    if (on_land(a) || on_land(b)) return true;
    const Line segment{Point(a.x_km, a.y_km), Point(b.x_km, b.y_km)};
    const Box box = bg::return_envelope<Box>(segment);
    for (auto it = index_.qbegin(bgi::intersects(box)); it != index_.qend(); ++it) {
      if (bg::intersects(segment, outlines_[it->second])) return true;
    }
    return false;
  }

 private:
  [[nodiscard]] Box tile_box(int c, int r) const {
    return {Point(lo_.x_km + c * kTileKm, lo_.y_km + r * kTileKm),
            Point(lo_.x_km + (c + 1) * kTileKm, lo_.y_km + (r + 1) * kTileKm)};
  }

  PlanePoint lo_;
  int cols_ = 0;
  int rows_ = 0;
  // Per tile, per ring that reaches it, the ring's pieces in the tile.
  std::vector<std::vector<std::vector<Polygon>>> tiles_;
  std::vector<Line> outlines_;
  bgi::rtree<std::pair<Box, std::size_t>, bgi::quadratic<16>> index_;
};

// Half the points anywhere in the box, half within 3 km of a coastline
// vertex, where the exact tests run.
PlanePoint random_point(SplitMix& u, const std::vector<LandRing>& rings, PlanePoint lo,
                        PlanePoint hi) {
  if (u.next() < 0.5) return {u.uniform(lo.x_km, hi.x_km), u.uniform(lo.y_km, hi.y_km)};
  for (;;) {
    const LandRing& ring =
        rings[static_cast<std::size_t>(u.next() * static_cast<double>(rings.size()))];
    const PlanePoint v =
        ring[static_cast<std::size_t>(u.next() * static_cast<double>(ring.size()))];
    const PlanePoint p{v.x_km + u.uniform(-3.0, 3.0), v.y_km + u.uniform(-3.0, 3.0)};
    if (p.x_km > lo.x_km && p.x_km < hi.x_km && p.y_km > lo.y_km && p.y_km < hi.y_km) return p;
  }
}

}  // namespace

TEST_CASE("land map: inside, outside, holes and the coastline itself", "[land]") {
  for (const double cell_km : {0.7, 2.0, 5.0, 50.0}) {
    const LandMap land(square_with_hole_and_triangle(), {-5, -5}, {40, 20}, cell_km);
    INFO("cell " << cell_km << " km");
    CHECK(land.on_land({1, 1}));
    CHECK(land.on_land({9.5, 5}));
    CHECK_FALSE(land.on_land({5, 5}));  // in the hole
    CHECK_FALSE(land.on_land({-1, 5}));
    CHECK_FALSE(land.on_land({15, 5}));
    CHECK(land.on_land({25, 4}));
    // Edges and vertices are land, the hole's outline too.
    CHECK(land.on_land({0, 5}));
    CHECK(land.on_land({10, 10}));
    CHECK(land.on_land({3, 5}));
    CHECK(land.on_land({7, 7}));
    CHECK(land.on_land({30, 0}));
    // A ray through vertices counts once (y = 0, 3, 7, 10 pass through them).
    CHECK_FALSE(land.on_land({-1, 0}));
    CHECK(land.on_land({1, 3}));
    CHECK_FALSE(land.on_land({5, 3.5}));
    CHECK(land.on_land({1, 7}));
    CHECK_FALSE(land.on_land({15, 0}));
    // Outside the bounds is sea.
    CHECK_FALSE(land.on_land({-50, 5}));
    // Segments.
    CHECK(land.segment_crosses_land({-2, 5}, {15, 5}));      // through the square
    CHECK_FALSE(land.segment_crosses_land({4, 4}, {6, 6}));  // inside the hole
    CHECK(land.segment_crosses_land({4, 4}, {6, 8}));        // out of the hole
    CHECK_FALSE(land.segment_crosses_land({11, -1}, {19, 9}));
    CHECK(land.segment_crosses_land({-1, 10}, {11, 10}));  // along an edge
    CHECK(land.segment_crosses_land({-1, 11}, {1, 9}));    // clips a corner
    CHECK_FALSE(land.segment_crosses_land({-1, 11.001}, {1.001, 11}));
    CHECK(land.segment_crosses_land({15, 20}, {31, -1}));  // across the triangle
    // Distances.
    CHECK(land.distance_to_coast_km({-3, 5}) == Approx(3.0));
    CHECK(land.distance_to_coast_km({5, 5}) == Approx(2.0));
    CHECK(land.distance_to_coast_km({1, 5}) == Approx(1.0));
    CHECK(land.distance_to_coast_km({25, 10}) == Approx(2.0));
    CHECK(land.distance_to_coast_km({10, 10}) == 0.0);
  }
}

TEST_CASE("land map: rings beyond the bounds are clipped, not coast", "[land]") {
  // A square from -100 to 100 seen through bounds [-10, 10]²: everything
  // inside is land, the bounds' sides are not coastline.
  const LandMap land({{{-100, -100}, {100, -100}, {100, 100}, {-100, 100}}}, {-10, -10}, {10, 10},
                     2.0);
  CHECK(land.on_land({0, 0}));
  CHECK(land.on_land({9.9, -9.9}));
  CHECK_FALSE(land.on_land({11, 0}));
  CHECK(land.distance_to_coast_km({0, 0}) == std::numeric_limits<double>::infinity());
  const LandMap none;
  CHECK_FALSE(none.on_land({0, 0}));
  CHECK_FALSE(none.segment_crosses_land({-1e3, 0}, {1e3, 0}));
}

TEST_CASE("the built-in land at known places", "[land]") {
  const RealLand& real = real_land();
  const LandMap land(real.rings, real.lo, real.hi, 2.0);
  const double minute = 1.0 / 60.0;
  CHECK(land.on_land(real.at(25 + 44 * minute, 123 + 28 * minute)));  // Uotsuri-jima, surveyed
  CHECK(land.on_land(real.at(25 + 55 * minute, 123 + 40 * minute)));  // Kuba-jima
  CHECK(land.on_land(real.at(25 + 55 * minute, 124 + 33 * minute)));  // Taisho-jima
  // 2 km off Uotsuri-jima, north and south: sea.
  const PlanePoint uotsuri = real.at(25 + 44 * minute, 123 + 28 * minute);
  CHECK_FALSE(land.on_land({uotsuri.x_km, uotsuri.y_km + 2.0}));
  CHECK_FALSE(land.on_land({uotsuri.x_km, uotsuri.y_km - 2.0}));
  // Natural Earth's own Uotsuri, 6.5 km east-north-east, is sea now.
  CHECK_FALSE(land.on_land(real.at(25.766, 123.528)));
  CHECK(land.on_land(real.at(25.033, 121.565)));      // Taipei
  CHECK(land.on_land(real.at(23.566, 119.586)));      // Magong, Penghu
  CHECK(land.on_land(real.at(24.432, 118.372)));      // Kinmen
  CHECK(land.on_land(real.at(24.455, 123.000)));      // Yonaguni-jima
  CHECK(land.on_land(real.at(26.1511, 119.9272)));    // Nangan, Matsu
  CHECK_FALSE(land.on_land(real.at(24.30, 119.90)));  // middle of the Taiwan Strait
  CHECK_FALSE(land.on_land(real.at(25.20, 126.00)));  // Miyako Strait
  // Across Taiwan is over land; along the strait is not.
  CHECK(land.segment_crosses_land(real.at(23.5, 119.9), real.at(23.5, 122.0)));
  CHECK_FALSE(land.segment_crosses_land(real.at(24.3, 119.9), real.at(25.3, 120.6)));
  // The coast is about 150 km from Uotsuri-jima's nearest neighbour of size
  // (Taiwan's north-east tip, Keelung, 170 km): Uotsuri itself is nearer.
  CHECK(land.distance_to_coast_km(uotsuri) < 1.5);
  CHECK(land.distance_to_coast_km(real.at(24.30, 119.90)) > 30.0);
}

TEST_CASE("land map agrees with Boost.Geometry on 100,000 points and segments", "[land]") {
  const RealLand& real = real_land();
  // Away from the bounds, where the clipped sides would differ.
  const PlanePoint lo{real.lo.x_km + 50, real.lo.y_km + 50};
  const PlanePoint hi{real.hi.x_km - 50, real.hi.y_km - 50};
  const Oracle oracle(real.rings, real.lo, real.hi);
  const LandMap land(real.rings, real.lo, real.hi, 2.0);
  SplitMix u{2024};
  // A segment of random direction and length up to max_km from p, against
  // the oracle; whether it crosses land.
  const auto check_segment = [&](PlanePoint p, double max_km, const char* what) {
    const double angle = u.uniform(0.0, 2.0 * std::numbers::pi);
    const double length = u.uniform(0.0, max_km);
    const PlanePoint q{p.x_km + length * std::cos(angle), p.y_km + length * std::sin(angle)};
    const bool crosses = oracle.segment_crosses_land(p, q);
    if (land.segment_crosses_land(p, q) != crosses) {
      FAIL(what << " " << p.x_km << ", " << p.y_km << " to " << q.x_km << ", " << q.y_km
                << ": oracle " << crosses);
    }
    return crosses;
  };
  int land_points = 0;
  int coast_cells = 0;
  int crossing = 0;
  for (int i = 0; i < 100000; ++i) {
    const PlanePoint p = random_point(u, real.rings, lo, hi);
    const bool expected = oracle.on_land(p);
    land_points += expected ? 1 : 0;
    coast_cells += land.cell_kind(p) == LandMap::CellKind::coast ? 1 : 0;
    if (land.on_land(p) != expected)
      FAIL("point " << p.x_km << ", " << p.y_km << ": oracle " << expected);
    crossing += check_segment(p, 40.0, "segment") ? 1 : 0;
  }
  // A ship's step: legs of up to 2 km, mostly answered by the clearance
  // rings round the start's cell.
  int short_crossing = 0;
  for (int i = 0; i < 100000; ++i)
    short_crossing += check_segment(random_point(u, real.rings, lo, hi), 2.0, "short leg") ? 1 : 0;
  INFO(land_points << " on land, " << coast_cells << " in coast cells, " << crossing
                   << " crossing, " << short_crossing << " short legs crossing");
  CHECK(short_crossing > 5000);
  // The sample exercises every case.
  CHECK(land_points > 10000);
  CHECK(coast_cells > 20000);
  CHECK(crossing > 20000);
  CHECK(crossing < 90000);
}

TEST_CASE("land map answers do not depend on the cell size", "[land]") {
  const RealLand& real = real_land();
  const LandMap fine(real.rings, real.lo, real.hi, 0.5);
  const LandMap coarse(real.rings, real.lo, real.hi, 7.3);
  SplitMix u{99};
  for (int i = 0; i < 20000; ++i) {
    const PlanePoint p = random_point(u, real.rings, real.lo, real.hi);
    REQUIRE(fine.on_land(p) == coarse.on_land(p));
    REQUIRE(fine.distance_to_coast_km(p) == coarse.distance_to_coast_km(p));
  }
  // A 2,000 × 1,300 km region at 2 km: a few hundred kB.
  const LandMap map(real.rings, real.lo, real.hi, 2.0);
  INFO(map.memory_bytes() << " bytes, " << map.coast_cell_count() << " coast cells");
  CHECK(map.memory_bytes() < 2'000'000);
}

TEST_CASE("distance to the coast is the nearest edge's", "[land]") {
  const RealLand& real = real_land();
  const LandMap land(real.rings, real.lo, real.hi, 2.0);
  SplitMix u{5};
  for (int i = 0; i < 300; ++i) {
    const PlanePoint p = random_point(u, real.rings, {-500, -400}, {500, 500});
    double best = std::numeric_limits<double>::infinity();
    for (const LandRing& ring : real.rings) {
      for (std::size_t k = 0, j = ring.size() - 1; k < ring.size(); j = k++) {
        const PlanePoint a = ring[j];
        const PlanePoint b = ring[k];
        const double dx = b.x_km - a.x_km;
        const double dy = b.y_km - a.y_km;
        const double t = std::clamp(
            ((p.x_km - a.x_km) * dx + (p.y_km - a.y_km) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
        best = std::min(best, std::hypot(p.x_km - a.x_km - t * dx, p.y_km - a.y_km - t * dy));
      }
    }
    REQUIRE(land.distance_to_coast_km(p) == Approx(best).epsilon(1e-12).margin(1e-12));
  }
}
