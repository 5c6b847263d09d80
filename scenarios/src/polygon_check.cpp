#include "polygon_check.hpp"

#include <algorithm>

namespace hotline::scenarios::detail {

namespace {

struct P {
  double x;
  double y;
};

// Sign of the cross product (b - a) x (c - a): +1, -1 or 0 (collinear).
int orientation(P a, P b, P c) {
  const double cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  return cross > 0.0 ? 1 : (cross < 0.0 ? -1 : 0);
}

bool on_segment(P a, P b, P p) {
  return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y
         && p.y <= std::max(a.y, b.y);
}

bool segments_meet(P a, P b, P c, P d) {
  const int o1 = orientation(a, b, c);
  const int o2 = orientation(a, b, d);
  const int o3 = orientation(c, d, a);
  const int o4 = orientation(c, d, b);
  if (o1 != o2 && o3 != o4) return true;
  return (o1 == 0 && on_segment(a, b, c)) || (o2 == 0 && on_segment(a, b, d))
         || (o3 == 0 && on_segment(c, d, a)) || (o4 == 0 && on_segment(c, d, b));
}

}  // namespace

std::optional<std::pair<std::size_t, std::size_t>> first_crossing(
    const std::vector<GeoPoint>& vertices) {
  const std::size_t n = vertices.size();
  auto point = [&](std::size_t k) { return P{vertices[k % n].lon_deg, vertices[k % n].lat_deg}; };
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const bool neighbours = j == i + 1 || (i == 0 && j == n - 1);
      if (neighbours) {
        // Neighbouring edges share one vertex; they may only meet there,
        // unless they fold back onto each other (collinear and overlapping).
        const std::size_t shared_end = (j == i + 1) ? j : i;
        const P shared = point(shared_end);
        const P a = point(j == i + 1 ? i : j);          // far end of the first edge
        const P b = point(j == i + 1 ? j + 1 : i + 1);  // far end of the second
        if (orientation(a, shared, b) == 0 && on_segment(a, b, shared) == false) return {{i, j}};
        continue;
      }
      if (segments_meet(point(i), point(i + 1), point(j), point(j + 1))) return {{i, j}};
    }
  }
  return std::nullopt;
}

}  // namespace hotline::scenarios::detail
