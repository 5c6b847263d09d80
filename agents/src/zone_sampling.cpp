#include "zone_sampling.hpp"

#include <cmath>
#include <numbers>

#include "hotline/engine/deterministic_math.hpp"

namespace hotline::agents::detail {

PlanePoint random_point_in_circle(const engine::CounterRng& rng, std::uint32_t step,
                                  std::uint32_t platform, engine::RngPurpose purpose,
                                  PlanePoint centre, double radius_km) {
  const auto w = rng.words(step, platform, 0, purpose);
  const double u = engine::CounterRng::to_unit_interval(w[0], w[1]);
  const double v = engine::CounterRng::to_unit_interval(w[2], w[3]);
  // r = R·√u makes the density uniform over the area.
  const double r = radius_km * std::sqrt(u);
  const engine::SinCos sc = engine::sin_cos(2.0 * std::numbers::pi * v);
  return {centre.x_km + r * sc.cos, centre.y_km + r * sc.sin};
}

PlanePoint random_point_in_zone(const engine::CounterRng& rng, std::uint32_t step,
                                std::uint32_t platform, engine::RngPurpose purpose,
                                const ZoneShape& zone) {
  if (zone.is_circle()) {
    return random_point_in_circle(rng, step, platform, purpose, zone.centre(), zone.radius_km());
  }
  const PlanePoint lo = zone.min_corner();
  const PlanePoint hi = zone.max_corner();
  for (std::uint32_t attempt = 0; attempt < 256; ++attempt) {
    const auto w = rng.words(step, platform, attempt, purpose);
    const PlanePoint p{
        lo.x_km + (hi.x_km - lo.x_km) * engine::CounterRng::to_unit_interval(w[0], w[1]),
        lo.y_km + (hi.y_km - lo.y_km) * engine::CounterRng::to_unit_interval(w[2], w[3])};
    if (zone.contains(p)) return p;
  }
  return zone.vertices().front();
}

}  // namespace hotline::agents::detail
