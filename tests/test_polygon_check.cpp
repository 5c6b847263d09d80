// Self-intersection of zone polygons, against shapes drawn by hand.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <sstream>

#include "polygon_check.hpp"

using hotline::scenarios::GeoPoint;
using hotline::scenarios::detail::first_crossing;

namespace {
// Vertices given as (x, y) = (lon, lat).
std::vector<GeoPoint> shape(std::initializer_list<std::pair<double, double>> xy) {
  std::vector<GeoPoint> out;
  for (auto [x, y] : xy)
    out.push_back({y, x});
  return out;
}
}  // namespace

TEST_CASE("simple polygons pass", "[geometry]") {
  CHECK_FALSE(first_crossing(shape({{0, 0}, {1, 0}, {1, 1}, {0, 1}})));  // square
  CHECK_FALSE(first_crossing(shape({{0, 0}, {2, 0}, {1, 1}})));          // triangle
  // A concave "C" shape.
  CHECK_FALSE(
      first_crossing(shape({{0, 0}, {3, 0}, {3, 1}, {1, 1}, {1, 2}, {3, 2}, {3, 3}, {0, 3}})));
  // Collinear vertices along a straight side are fine.
  CHECK_FALSE(first_crossing(shape({{0, 0}, {1, 0}, {2, 0}, {2, 2}, {0, 2}})));
}

TEST_CASE("crossing polygons are caught, naming the edges", "[geometry]") {
  const auto bow_tie = first_crossing(shape({{0, 0}, {1, 1}, {1, 0}, {0, 1}}));
  REQUIRE(bow_tie);
  CHECK(*bow_tie == std::pair<std::size_t, std::size_t>{0, 2});
  // A vertex touching a non-neighbouring edge.
  CHECK(first_crossing(shape({{0, 0}, {4, 0}, {2, 0}, {2, 2}})));
  // An edge folding back onto its neighbour.
  CHECK(first_crossing(shape({{0, 0}, {2, 0}, {1, 0}, {1, 1}})));
  // A pentagram.
  CHECK(first_crossing(shape({{0, 3}, {2, -3}, {-3, 1}, {3, 1}, {-2, -3}})));
}

namespace {

// The oracle: every pair of edges, as the check was written before the
// sweep (O(n^2)), on the same predicates.
int sign_of(double v) {
  return v > 0.0 ? 1 : (v < 0.0 ? -1 : 0);
}
int orient(GeoPoint a, GeoPoint b, GeoPoint c) {
  return sign_of((b.lon_deg - a.lon_deg) * (c.lat_deg - a.lat_deg)
                 - (b.lat_deg - a.lat_deg) * (c.lon_deg - a.lon_deg));
}
bool within(GeoPoint a, GeoPoint b, GeoPoint p) {
  return std::min(a.lon_deg, b.lon_deg) <= p.lon_deg && p.lon_deg <= std::max(a.lon_deg, b.lon_deg)
         && std::min(a.lat_deg, b.lat_deg) <= p.lat_deg
         && p.lat_deg <= std::max(a.lat_deg, b.lat_deg);
}
bool meet(GeoPoint a, GeoPoint b, GeoPoint c, GeoPoint d) {
  const int o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (o1 != o2 && o3 != o4) return true;
  return (o1 == 0 && within(a, b, c)) || (o2 == 0 && within(a, b, d))
         || (o3 == 0 && within(c, d, a)) || (o4 == 0 && within(c, d, b));
}
bool crosses_by_every_pair(const std::vector<GeoPoint>& v) {
  const std::size_t n = v.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      if (j == i + 1 || (i == 0 && j == n - 1)) {
        const std::size_t s = (j == i + 1) ? j : i;
        const GeoPoint a = v[j == i + 1 ? i : j];
        const GeoPoint b = v[(j == i + 1 ? j + 1 : i + 1) % n];
        if (orient(a, v[s], b) == 0 && !within(a, b, v[s])) return true;
        continue;
      }
      if (meet(v[i], v[(i + 1) % n], v[j], v[(j + 1) % n])) return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("the sweep agrees with testing every pair on random polygons", "[geometry]") {
  // Small integer grids make touches, collinear edges, vertical edges and
  // repeated points common: the degenerate cases a sweep gets wrong first.
  std::uint64_t state = 12345;
  const auto next = [&state](int range) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(range));
  };
  int simple = 0;
  int crossing = 0;
  for (int trial = 0; trial < 50000; ++trial) {
    const int n = 3 + next(7);
    const int range = 2 + next(5);
    std::vector<GeoPoint> v;
    for (int k = 0; k < n; ++k)
      v.push_back({static_cast<double>(next(range)), static_cast<double>(next(range))});
    // The loader refuses a vertex that repeats the one before (a zero-length
    // edge) before this check; other repeats stay (they touch).
    bool repeats = false;
    for (int k = 0; k < n; ++k) {
      const GeoPoint& a = v[static_cast<std::size_t>(k)];
      const GeoPoint& b = v[static_cast<std::size_t>((k + 1) % n)];
      repeats = repeats || (a.lat_deg == b.lat_deg && a.lon_deg == b.lon_deg);
    }
    if (repeats) continue;
    const bool expected = crosses_by_every_pair(v);
    const auto found = first_crossing(v);
    std::ostringstream drawn;
    for (const GeoPoint& p : v)
      drawn << "(" << p.lat_deg << "," << p.lon_deg << ") ";
    INFO("trial " << trial << ": (lat,lon) " << drawn.str());
    REQUIRE(found.has_value() == expected);
    if (found) {
      const auto [i, j] = *found;
      REQUIRE(i < j);
      REQUIRE(j < v.size());
      ++crossing;
    } else {
      ++simple;
    }
  }
  // Both kinds were drawn often enough to mean something.
  CHECK(simple > 1000);
  CHECK(crossing > 1000);
}

TEST_CASE("a polygon of 100000 vertices is checked and a crossing in it found", "[geometry]") {
  // A star-shaped 100,000-gon (simple), then the same with two vertices
  // swapped far from each other (edges that cross).
  std::vector<GeoPoint> ring;
  const int n = 100000;
  for (int k = 0; k < n; ++k) {
    const double angle = 2.0 * 3.141592653589793 * k / n;
    const double radius = (k % 2 == 0) ? 1.0 : 0.9;
    ring.push_back({25.0 + radius * std::sin(angle), 125.0 + radius * std::cos(angle)});
  }
  CHECK_FALSE(first_crossing(ring));
  std::swap(ring[10], ring[50000]);
  const auto found = first_crossing(ring);
  REQUIRE(found);
  CHECK(found->first < found->second);
}
