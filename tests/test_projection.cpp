// The projection against GeographicLib's geodesics on the WGS 84 ellipsoid:
// round trips, exact distances from the centre, and distances across the
// extent within the documented error bound.
#include <GeographicLib/Geodesic.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>

#include "hotline/agents/projection.hpp"
#include "split_mix.hpp"

using hotline::agents::LatLon;
using hotline::agents::PlanePoint;
using hotline::agents::Projection;

namespace {

const GeographicLib::Geodesic& wgs84() {
  return GeographicLib::Geodesic::WGS84();
}

// A point `distance_km` from `from` on `azimuth_deg`, on the ellipsoid.
LatLon geodesic_step(LatLon from, double azimuth_deg, double distance_km) {
  LatLon to;
  wgs84().Direct(from.lat_deg, from.lon_deg, azimuth_deg, distance_km * 1000.0, to.lat_deg,
                 to.lon_deg);
  return to;
}

double geodesic_km(LatLon a, LatLon b) {
  double metres = 0.0;
  wgs84().Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, metres);
  return metres / 1000.0;
}

double plane_km(PlanePoint a, PlanePoint b) {
  return std::hypot(a.x_km - b.x_km, a.y_km - b.y_km);
}

// A fixed stream of uniforms in [0, 1) (splitmix64).
using hotline::test::SplitMix;

// A point uniformly spread over the disc of `radius_km` about the centre.
LatLon random_point(SplitMix& u, LatLon centre, double radius_km) {
  return geodesic_step(centre, 360.0 * u.next(), radius_km * std::sqrt(u.next()));
}

}  // namespace

TEST_CASE("the projection maps back to where it came from", "[geography][projection]") {
  for (const LatLon centre :
       {LatLon{25.74, 123.47}, LatLon{24.0, 120.0}, LatLon{-33.9, 151.2}, LatLon{60.0, 5.0}}) {
    const Projection projection(centre);
    CHECK(std::hypot(projection.to_plane(centre).x_km, projection.to_plane(centre).y_km) < 1e-9);
    SplitMix u{7};
    double worst_deg = 0.0;
    for (int i = 0; i < 20000; ++i) {
      const LatLon p = random_point(u, centre, 1500.0);
      const LatLon back = projection.to_geo(projection.to_plane(p));
      worst_deg = std::max(
          {worst_deg, std::abs(back.lat_deg - p.lat_deg), std::abs(back.lon_deg - p.lon_deg)});
    }
    INFO("centre " << centre.lat_deg << ", " << centre.lon_deg << ": worst " << worst_deg);
    CHECK(worst_deg < 1e-11);  // 1 µm
  }
}

TEST_CASE("distances and bearings from the centre are the ellipsoid's", "[geography][projection]") {
  const LatLon centre{25.74, 123.47};
  const Projection projection(centre);
  for (double azimuth = 0.0; azimuth < 360.0; azimuth += 7.5) {
    for (double km : {1.0, 50.0, 400.0, 1100.0}) {
      const PlanePoint p = projection.to_plane(geodesic_step(centre, azimuth, km));
      INFO("azimuth " << azimuth << " distance " << km);
      // Within 5 ppm (the conformal sphere's scale), bearing within 1e-5 rad.
      CHECK(std::hypot(p.x_km, p.y_km) == Approx(km).epsilon(5e-6));
      const double bearing = std::atan2(p.x_km, p.y_km);
      const double expected = azimuth * M_PI / 180.0;
      CHECK(std::abs(std::remainder(bearing - expected, 2 * M_PI)) < 1e-5);
    }
  }
}

TEST_CASE("distances across the extent are within the documented error",
          "[geography][projection]") {
  for (const LatLon centre :
       {LatLon{25.74, 123.47}, LatLon{27.0, 125.0}, LatLon{24.0, 120.0}, LatLon{50.0, -30.0}}) {
    const Projection projection(centre);
    for (const double radius_km : {100.0, 500.0, 1000.0, projection.radius_for_max_error_km()}) {
      SplitMix u{11};
      double worst = 0.0;
      for (int i = 0; i < 20000; ++i) {
        const LatLon a = random_point(u, centre, radius_km);
        const LatLon b = random_point(u, centre, radius_km);
        const double truth = geodesic_km(a, b);
        if (truth < 1.0) continue;
        const double error = plane_km(projection.to_plane(a), projection.to_plane(b)) / truth - 1.0;
        worst = std::max(worst, std::abs(error));
      }
      INFO("centre " << centre.lat_deg << ", " << centre.lon_deg << ", radius " << radius_km
                     << " km: worst " << worst << ", bound "
                     << projection.max_distance_error(radius_km));
      CHECK(worst <= projection.max_distance_error(radius_km));
      CHECK(worst <= Projection::kMaxDistanceError);
    }
    // The documented figures: 0.41% at 1,000 km, 0.5% at about 1,100 km.
    CHECK(projection.max_distance_error(1000.0) == Approx(0.0041).margin(1e-4));
    CHECK(projection.radius_for_max_error_km() == Approx(1102.0).margin(10.0));
  }
}

TEST_CASE("the projection is the same bits as when it was pinned", "[geography][projection]") {
  // Built from the engine's deterministic math only, so these hold on every
  // machine; a change of formula shows here first.
  const Projection projection({25.74, 123.47});
  const PlanePoint naha = projection.to_plane({26.196, 127.646});
  const PlanePoint ningbo = projection.to_plane({29.87, 121.55});
  CHECK(naha.x_km == 0x1.a1542e23941c4p+8);  // 417.33 km east
  CHECK(naha.y_km == 0x1.c94e630ee7392p+5);  // 57.16 km north
  CHECK(ningbo.x_km == -0x1.734b34ca34d84p+7);
  CHECK(ningbo.y_km == 0x1.cb173f23693f4p+8);
  CHECK(geodesic_km({25.74, 123.47}, {26.196, 127.646})
        == Approx(std::hypot(naha.x_km, naha.y_km)).epsilon(5e-6));
}
