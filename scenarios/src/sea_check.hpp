// Where a scenario's places meet the land (docs/geography.md): the checks
// that keep ships' bases, routes and areas, and exercises' areas, at sea.
#pragma once

#include "hotline/agents/land_map.hpp"
#include "hotline/agents/projection.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/world_builder.hpp"

namespace hotline::scenarios::detail {

// Ships keep to the sea (docs/geography.md): a ship force's base, route
// waypoints and legs must be at sea, and its patrol area or loiter circle
// must hold some sea to sample. Aircraft fly over land as they please.
class SeaCheck {
 public:
  explicit SeaCheck(const Scenario& scenario)
      : land_(scenario.geography.land_map.get()),
        projection_({scenario.frame.centre.lat_deg, scenario.frame.centre.lon_deg}) {}

  [[nodiscard]] bool active() const { return land_ != nullptr && land_->has_land(); }

  [[nodiscard]] agents::PlanePoint plane(const GeoPoint& p) const {
    return projection_.to_plane({p.lat_deg, p.lon_deg});
  }
  [[nodiscard]] bool on_land(const GeoPoint& p) const { return land_->on_land(plane(p)); }
  [[nodiscard]] bool leg_on_land(const GeoPoint& a, const GeoPoint& b) const {
    return land_->segment_crosses_land(plane(a), plane(b));
  }
  // Whether a 33 × 33 lattice over the shape's box has a point in the shape
  // at sea.
  [[nodiscard]] bool has_sea(const agents::ZoneShape& shape) const {
    const agents::PlanePoint lo = shape.min_corner();
    const agents::PlanePoint hi = shape.max_corner();
    for (int i = 0; i <= 32; ++i) {
      for (int j = 0; j <= 32; ++j) {
        const agents::PlanePoint p{lo.x_km + (hi.x_km - lo.x_km) * i / 32.0,
                                   lo.y_km + (hi.y_km - lo.y_km) * j / 32.0};
        if (shape.contains(p) && !land_->on_land(p)) return true;
      }
    }
    return false;
  }
  [[nodiscard]] agents::ZoneShape shape_of(const Zone& z, const Geography& geography) const {
    return zone_shape(z, projection_, geography);
  }

 private:
  const agents::LandMap* land_;
  agents::Projection projection_;
};

}  // namespace hotline::scenarios::detail
