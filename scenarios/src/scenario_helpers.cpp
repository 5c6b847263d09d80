// Small helpers of the scenario types.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "hotline/agents/projection.hpp"
#include "hotline/scenarios/scenario.hpp"

namespace hotline::scenarios {

std::optional<std::size_t> Scenario::nation_index(std::string_view id) const {
  for (std::size_t i = 0; i < nations.size(); ++i) {
    if (nations[i].id == id) return i;
  }
  return std::nullopt;
}

double great_circle_km(const GeoPoint& a, const GeoPoint& b) {
  // Haversine; the checks it serves need a few metres, not millimetres.
  constexpr double kEarthRadiusKm = 6371.0088;  // IUGG mean radius
  constexpr double kRadPerDeg = std::numbers::pi / 180.0;
  const double dlat = (b.lat_deg - a.lat_deg) * kRadPerDeg;
  const double dlon = (b.lon_deg - a.lon_deg) * kRadPerDeg;
  const double s = std::sin(dlat / 2) * std::sin(dlat / 2)
                   + std::cos(a.lat_deg * kRadPerDeg) * std::cos(b.lat_deg * kRadPerDeg)
                         * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(s)));
}

}  // namespace hotline::scenarios
