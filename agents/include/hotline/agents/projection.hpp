// Latitude and longitude → a plane in km about the scenario's centre.
//
// The simulation works in a flat plane: positions in km east (x) and north
// (y) of the frame's centre. The projection is equirectangular about the
// centre: x = R·cos(φ0)·(λ − λ0), y = R·(φ − φ0), with R the mean Earth
// radius. North–south distances are exact along meridians; east–west
// distances carry the relative error cos(φ)/cos(φ0) − 1 at latitude φ, about
// −(φ − φ0)·tan(φ0) in radians: at 25°N, 1° of latitude away from the centre
// is −0.8%, 3° is −2.5%, 5° is −4.3% (docs/model.md has the table for the
// shipped scenarios). Zones, bases and waypoints are projected the same way,
// so what is inside what does not depend on the error; only distances do.
#pragma once

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

class Projection {
 public:
  static constexpr double kEarthRadiusKm = 6371.0088;  // IUGG mean radius

  explicit Projection(LatLon centre);

  [[nodiscard]] PlanePoint to_plane(LatLon at) const;
  [[nodiscard]] LatLon to_geo(PlanePoint at) const;
  // cos(φ)/cos(φ0) − 1: a plane km east–west at latitude φ is (1 + this) km
  // on the Earth (negative poleward of the centre: the plane stretches).
  [[nodiscard]] double east_west_scale_error(double lat_deg) const;
  [[nodiscard]] LatLon centre() const { return centre_; }

 private:
  LatLon centre_;
  double km_per_deg_lat_;
  double km_per_deg_lon_;
};

}  // namespace hotline::agents
