#include "hotline/agents/projection.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "hotline/engine/deterministic_math.hpp"

namespace hotline::agents {

namespace {

constexpr double kRadPerDeg = std::numbers::pi / 180.0;

double atanh(double x) {
  return 0.5 * engine::log((1.0 + x) / (1.0 - x));
}

double sinh(double x) {
  const double e = engine::exp(x);
  return 0.5 * (e - 1.0 / e);
}

// The isometric latitude ψ(φ) = atanh(sin φ) − e·atanh(e·sin φ) of the
// ellipsoid.
double isometric_latitude(double lat_rad, double eccentricity) {
  const double s = engine::sin_cos(lat_rad).sin;
  return atanh(s) - eccentricity * atanh(eccentricity * s);
}

// asin(s) for s in [−1, 1].
double arcsine(double s) {
  return engine::atan2(s, std::sqrt(std::max(0.0, 1.0 - s * s)));
}

}  // namespace

Projection::Projection(LatLon centre) {
  ProjectionParameters& p = parameters_;
  p.centre = centre;
  p.ellipsoid_a_km = kWgs84SemiMajorKm;
  p.ellipsoid_flattening = kWgs84Flattening;
  const double e2 = kWgs84Flattening * (2.0 - kWgs84Flattening);
  eccentricity_ = std::sqrt(e2);
  const double phi0 = centre.lat_deg * kRadPerDeg;
  const engine::SinCos sc0 = engine::sin_cos(phi0);
  const double w2 = 1.0 - e2 * sc0.sin * sc0.sin;
  // √(M0·N0) = a·√(1 − e²) / (1 − e² sin² φ0).
  p.sphere_radius_km = kWgs84SemiMajorKm * std::sqrt(1.0 - e2) / w2;
  const double cos2 = sc0.cos * sc0.cos;
  p.longitude_factor = std::sqrt(1.0 + e2 * cos2 * cos2 / (1.0 - e2));
  p.sphere_centre_lat_rad = arcsine(sc0.sin / p.longitude_factor);
  p.isometric_offset = atanh(engine::sin_cos(p.sphere_centre_lat_rad).sin)
                       - p.longitude_factor * isometric_latitude(phi0, eccentricity_);
  const engine::SinCos chi0 = engine::sin_cos(p.sphere_centre_lat_rad);
  sin_chi0_ = chi0.sin;
  cos_chi0_ = chi0.cos;
}

double Projection::sphere_latitude(double lat_rad) const {
  const ProjectionParameters& p = parameters_;
  const double psi =
      p.longitude_factor * isometric_latitude(lat_rad, eccentricity_) + p.isometric_offset;
  return engine::atan(sinh(psi));  // the Gudermannian: atanh(sin χ) = ψ
}

double Projection::geodetic_latitude(double sphere_lat_rad) const {
  const ProjectionParameters& p = parameters_;
  const double psi =
      (atanh(engine::sin_cos(sphere_lat_rad).sin) - p.isometric_offset) / p.longitude_factor;
  // Newton's method on ψ(φ) = psi from the sphere's answer; a fixed number of
  // steps (it converges to the last bit in three from this start).
  const double e2 = eccentricity_ * eccentricity_;
  double phi = engine::atan(sinh(psi));
  for (int i = 0; i < 5; ++i) {
    const engine::SinCos sc = engine::sin_cos(phi);
    const double f = isometric_latitude(phi, eccentricity_) - psi;
    const double slope = (1.0 - e2) / ((1.0 - e2 * sc.sin * sc.sin) * sc.cos);
    phi -= f / slope;
  }
  return phi;
}

PlanePoint Projection::to_plane(LatLon at) const {
  const ProjectionParameters& p = parameters_;
  const engine::SinCos chi = engine::sin_cos(sphere_latitude(at.lat_deg * kRadPerDeg));
  const engine::SinCos lambda =
      engine::sin_cos(p.longitude_factor * (at.lon_deg - p.centre.lon_deg) * kRadPerDeg);
  const double east = chi.cos * lambda.sin;
  const double north = cos_chi0_ * chi.sin - sin_chi0_ * chi.cos * lambda.cos;
  const double cos_c = sin_chi0_ * chi.sin + cos_chi0_ * chi.cos * lambda.cos;
  const double sin_c = std::sqrt(east * east + north * north);
  // c / sin c, the azimuthal equidistant stretch (1 at the centre).
  const double stretch = sin_c > 0.0 ? engine::atan2(sin_c, cos_c) / sin_c : 1.0;
  return {p.sphere_radius_km * stretch * east, p.sphere_radius_km * stretch * north};
}

LatLon Projection::to_geo(PlanePoint at) const {
  const ProjectionParameters& p = parameters_;
  const double rho = std::sqrt(at.x_km * at.x_km + at.y_km * at.y_km);
  if (rho == 0.0) return p.centre;
  const engine::SinCos c = engine::sin_cos(rho / p.sphere_radius_km);
  const double sin_chi = c.cos * sin_chi0_ + at.y_km * c.sin * cos_chi0_ / rho;
  const double chi = arcsine(std::min(1.0, std::max(-1.0, sin_chi)));
  const double lambda =
      engine::atan2(at.x_km * c.sin, rho * cos_chi0_ * c.cos - at.y_km * sin_chi0_ * c.sin);
  return {geodetic_latitude(chi) / kRadPerDeg,
          p.centre.lon_deg + lambda / p.longitude_factor / kRadPerDeg};
}

double Projection::max_distance_error(double radius_km) const {
  // The azimuthal stretch c / sin c − 1 at the radius, plus the conformal
  // sphere's own scale error (growing as the cube of the distance: 2.5e-6 at
  // 1,100 km; 1e-5 bounds it within 1,500 km, as the tests check against
  // GeographicLib).
  constexpr double kSphereScaleBound = 1e-5;
  const double c = radius_km / parameters_.sphere_radius_km;
  if (c <= 0.0) return kSphereScaleBound;
  return c / engine::sin_cos(c).sin - 1.0 + kSphereScaleBound;
}

double Projection::radius_for_max_error_km() const {
  // max_distance_error grows with the radius: bisect on [0, 3,000 km].
  double lo = 0.0;
  double hi = 3000.0;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    (max_distance_error(mid) <= kMaxDistanceError ? lo : hi) = mid;
  }
  return lo;
}

}  // namespace hotline::agents
