#include "graticule.hpp"

#include <algorithm>
#include <cmath>

namespace hotline::replay {

namespace {

struct GeoRange {
  double lat_min = 90.0;
  double lat_max = -90.0;
  double lon_min = 180.0;
  double lon_max = -180.0;
};

// The rectangle's geographic range, from points along its sides and across
// it (a parallel bulges towards the pole between the sides' ends).
GeoRange range_of(const agents::Projection& projection, agents::PlanePoint lo,
                  agents::PlanePoint hi) {
  GeoRange range;
  constexpr int kSteps = 32;
  for (int i = 0; i <= kSteps; ++i) {
    for (int j = 0; j <= kSteps; ++j) {
      const agents::PlanePoint p{lo.x_km + (hi.x_km - lo.x_km) * i / kSteps,
                                 lo.y_km + (hi.y_km - lo.y_km) * j / kSteps};
      const agents::LatLon g = projection.to_geo(p);
      range.lat_min = std::min(range.lat_min, g.lat_deg);
      range.lat_max = std::max(range.lat_max, g.lat_deg);
      range.lon_min = std::min(range.lon_min, g.lon_deg);
      range.lon_max = std::max(range.lon_max, g.lon_deg);
    }
  }
  return range;
}

// One line: latitude `value` from lon_min to lon_max, or longitude `value`
// from lat_min to lat_max.
GraticuleLine trace_line(const agents::Projection& projection, const GeoRange& range, double value,
                         double spacing, bool is_latitude) {
  constexpr int kPoints = 200;
  GraticuleLine line{value, spacing, is_latitude, {}};
  line.points_km.reserve(2 * (kPoints + 1));
  for (int k = 0; k <= kPoints; ++k) {
    const double f = static_cast<double>(k) / kPoints;
    const agents::LatLon at =
        is_latitude ? agents::LatLon{value, range.lon_min + f * (range.lon_max - range.lon_min)}
                    : agents::LatLon{range.lat_min + f * (range.lat_max - range.lat_min), value};
    const agents::PlanePoint p = projection.to_plane(at);
    line.points_km.insert(line.points_km.end(), {p.x_km, p.y_km});
  }
  return line;
}

// Lines `spacing` apart, except those a coarser spacing already has: each
// line belongs to the coarsest spacing it lies on.
void add_lines(const agents::Projection& projection, const GeoRange& range, double spacing,
               double coarser, bool is_latitude, std::vector<GraticuleLine>& lines) {
  const double from = is_latitude ? range.lat_min : range.lon_min;
  const double to = is_latitude ? range.lat_max : range.lon_max;
  const double first = std::ceil(from / spacing);
  const double last = std::floor(to / spacing);
  if (last - first > 400.0) return;              // too fine to draw over this range
  const double per_coarser = coarser / spacing;  // a whole number
  for (double k = first; k <= last; k += 1.0) {
    if (coarser > 0.0 && std::fmod(std::abs(k), per_coarser) == 0.0) continue;
    lines.push_back(trace_line(projection, range, k * spacing, spacing, is_latitude));
  }
}

}  // namespace

std::vector<GraticuleLine> graticule_over(const agents::Projection& projection,
                                          agents::PlanePoint lo, agents::PlanePoint hi) {
  const GeoRange range = range_of(projection, lo, hi);
  std::vector<GraticuleLine> lines;
  double coarser = 0.0;
  for (const double spacing : {5.0, 1.0, 0.25}) {
    add_lines(projection, range, spacing, coarser, true, lines);
    add_lines(projection, range, spacing, coarser, false, lines);
    coarser = spacing;
  }
  return lines;
}

}  // namespace hotline::replay
