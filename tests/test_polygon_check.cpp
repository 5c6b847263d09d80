// Self-intersection of zone polygons, against shapes drawn by hand.
#include <catch2/catch.hpp>

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
