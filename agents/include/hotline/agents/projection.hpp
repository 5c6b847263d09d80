// Latitude and longitude (WGS 84) → a plane in km about the scenario's
// centre, and back.
//
// The simulation works in a flat plane: positions in km east (x) and north
// (y) of the frame's centre. The projection is azimuthal equidistant about
// the centre, taken on Gauss's conformal sphere of the WGS 84 ellipsoid:
//   1. the ellipsoid is mapped conformally onto a sphere of radius
//      R = √(M0·N0) (the geometric mean of the meridional and prime-vertical
//      radii at the centre's latitude) that touches it along the centre's
//      latitude; the scale of this step differs from 1 by 2.5e-6 at 1,100 km
//      from the centre, so distances on the sphere are the ellipsoid's;
//   2. that sphere is projected azimuthal-equidistantly about the centre:
//      distances and bearings from the centre are exact; across, the plane
//      stretches by c / sin(c) at angular distance c (0.1% at 500 km, 0.41%
//      at 1,000 km, 0.50% at 1,100 km).
// So a distance measured in the plane between two points within D km of the
// centre is within max_distance_error(D) of the geodesic on the ellipsoid
// (tested against GeographicLib). The validator refuses a scenario whose
// extent would take the error beyond 0.5% (docs/model.md).
//
// Only +, −, ×, ÷, √ and the engine's deterministic sin_cos, atan2, exp
// and log are used, so the plane is the same bit for bit on every machine
// (docs/determinism.md).
#pragma once

#include <cmath>

namespace hotline::agents {

struct LatLon {
  double lat_deg = 0.0;
  double lon_deg = 0.0;
};

struct PlanePoint {
  double x_km = 0.0;
  double y_km = 0.0;
  friend bool operator==(const PlanePoint&, const PlanePoint&) = default;
};

// The straight-line distance in the plane. A square root of a sum, not
// std::hypot: IEEE 754 rounds sqrt correctly, so every CPU gives the same
// bits (glibc's hypot is only the same on the same glibc), and it is several
// times faster in the step loop. The plane's distances are at most a few
// thousand km, far from hypot's overflow concerns.
[[nodiscard]] inline double plane_distance_km(PlanePoint a, PlanePoint b) {
  const double dx = b.x_km - a.x_km;
  const double dy = b.y_km - a.y_km;
  return std::sqrt(dx * dx + dy * dy);
}

// What a reader needs to map plane km back to latitude and longitude (the
// trace files keep it; docs/trace-format.md gives the formulas).
struct ProjectionParameters {
  LatLon centre;
  double ellipsoid_a_km = 0.0;         // WGS 84 semi-major axis
  double ellipsoid_flattening = 0.0;   // WGS 84 f
  double sphere_radius_km = 0.0;       // R = √(M0·N0)
  double sphere_centre_lat_rad = 0.0;  // χ0, the centre's latitude on the sphere
  double longitude_factor = 0.0;       // c: sphere longitude = c·(λ − λ0)
  double isometric_offset = 0.0;       // K: atanh(sin χ) = c·ψ(φ) + K
};

class Projection {
 public:
  static constexpr double kWgs84SemiMajorKm = 6378.137;
  static constexpr double kWgs84Flattening = 1.0 / 298.257223563;
  // The error the model accepts for distances across a scenario.
  static constexpr double kMaxDistanceError = 0.005;

  explicit Projection(LatLon centre);

  [[nodiscard]] PlanePoint to_plane(LatLon at) const;
  [[nodiscard]] LatLon to_geo(PlanePoint at) const;
  [[nodiscard]] LatLon centre() const { return parameters_.centre; }
  [[nodiscard]] const ProjectionParameters& parameters() const { return parameters_; }

  // The largest relative error of a plane distance between two points at
  // most `radius_km` from the centre, against the geodesic on the ellipsoid.
  [[nodiscard]] double max_distance_error(double radius_km) const;
  // The distance from the centre at which that error reaches
  // kMaxDistanceError (about 1,100 km).
  [[nodiscard]] double radius_for_max_error_km() const;

 private:
  // The latitude on the conformal sphere of a geodetic latitude, and back
  // (both in radians).
  [[nodiscard]] double sphere_latitude(double lat_rad) const;
  [[nodiscard]] double geodetic_latitude(double sphere_lat_rad) const;

  ProjectionParameters parameters_;
  double eccentricity_ = 0.0;
  double sin_chi0_ = 0.0;
  double cos_chi0_ = 0.0;
};

}  // namespace hotline::agents
