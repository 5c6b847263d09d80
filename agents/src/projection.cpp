#include "hotline/agents/projection.hpp"

#include <numbers>

#include "hotline/engine/deterministic_math.hpp"

namespace hotline::agents {

namespace {

constexpr double kRadPerDeg = std::numbers::pi / 180.0;

// The engine's own cosine, so that the plane is the same bit for bit on any
// machine whatever its libm (docs/determinism.md).
double cos_deg(double deg) {
  return engine::sin_cos(deg * kRadPerDeg).cos;
}

}  // namespace

Projection::Projection(LatLon centre)
    : centre_(centre),
      km_per_deg_lat_(kEarthRadiusKm * kRadPerDeg),
      km_per_deg_lon_(kEarthRadiusKm * kRadPerDeg * cos_deg(centre.lat_deg)) {}

PlanePoint Projection::to_plane(LatLon at) const {
  return {(at.lon_deg - centre_.lon_deg) * km_per_deg_lon_,
          (at.lat_deg - centre_.lat_deg) * km_per_deg_lat_};
}

LatLon Projection::to_geo(PlanePoint at) const {
  return {centre_.lat_deg + at.y_km / km_per_deg_lat_, centre_.lon_deg + at.x_km / km_per_deg_lon_};
}

double Projection::east_west_scale_error(double lat_deg) const {
  return cos_deg(lat_deg) / cos_deg(centre_.lat_deg) - 1.0;
}

}  // namespace hotline::agents
