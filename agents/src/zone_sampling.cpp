#include "zone_sampling.hpp"

#include <cmath>
#include <numbers>

#include "hotline/engine/deterministic_math.hpp"

namespace hotline::agents::detail {

namespace {

// Draw `draw` of a point in a circle; draw 0 is random_point_in_circle's.
PlanePoint circle_draw(const engine::CounterRng& rng, std::uint32_t step, std::uint32_t platform,
                       engine::RngPurpose purpose, PlanePoint centre, double radius_km,
                       std::uint32_t draw) {
  const auto w = rng.words(step, platform, draw, purpose);
  const double u = engine::CounterRng::to_unit_interval(w[0], w[1]);
  const double v = engine::CounterRng::to_unit_interval(w[2], w[3]);
  // r = R·√u makes the density uniform over the area.
  const double r = radius_km * std::sqrt(u);
  const engine::SinCos sc = engine::sin_cos(2.0 * std::numbers::pi * v);
  return {centre.x_km + r * sc.cos, centre.y_km + r * sc.sin};
}

// Draw `draw` of a point in a zone: draw 0 uses counters 0..255 for its
// rejection sampling (random_point_in_zone's), draw k the next 256.
PlanePoint zone_draw(const engine::CounterRng& rng, std::uint32_t step, std::uint32_t platform,
                     engine::RngPurpose purpose, const ZoneShape& zone, std::uint32_t draw) {
  if (zone.is_circle()) {
    return circle_draw(rng, step, platform, purpose, zone.centre(), zone.radius_km(), draw);
  }
  const PlanePoint lo = zone.min_corner();
  const PlanePoint hi = zone.max_corner();
  for (std::uint32_t attempt = 0; attempt < 256; ++attempt) {
    const auto w = rng.words(step, platform, draw * 256 + attempt, purpose);
    const PlanePoint p{
        lo.x_km + (hi.x_km - lo.x_km) * engine::CounterRng::to_unit_interval(w[0], w[1]),
        lo.y_km + (hi.y_km - lo.y_km) * engine::CounterRng::to_unit_interval(w[2], w[3])};
    if (zone.contains(p)) return p;
  }
  // Only a sliver of a box gets here: a polygon's first vertex, a belt's
  // box centre.
  if (!zone.vertices().empty()) return zone.vertices().front();
  return {(lo.x_km + hi.x_km) / 2, (lo.y_km + hi.y_km) / 2};
}

}  // namespace

PlanePoint random_point_in_circle(const engine::CounterRng& rng, std::uint32_t step,
                                  std::uint32_t platform, engine::RngPurpose purpose,
                                  PlanePoint centre, double radius_km) {
  return circle_draw(rng, step, platform, purpose, centre, radius_km, 0);
}

PlanePoint random_point_in_zone(const engine::CounterRng& rng, std::uint32_t step,
                                std::uint32_t platform, engine::RngPurpose purpose,
                                const ZoneShape& zone) {
  return zone_draw(rng, step, platform, purpose, zone, 0);
}

bool leg_stays_out(const ZoneShape& zone, PlanePoint a, PlanePoint b) {
  const double km = plane_distance_km(a, b);
  const int samples = static_cast<int>(std::ceil(km / 0.5));
  bool out = false;
  for (int i = 0; i <= samples; ++i) {
    const double t = samples == 0 ? 0.0 : static_cast<double>(i) / samples;
    const bool inside =
        zone.contains({a.x_km + t * (b.x_km - a.x_km), a.y_km + t * (b.y_km - a.y_km)});
    if (inside && out) return false;
    out = out || !inside;
  }
  return out;
}

PlanePoint random_sea_point(const engine::CounterRng& rng, std::uint32_t step,
                            std::uint32_t platform, engine::RngPurpose purpose,
                            const ZoneShape& shape, const LandMap* land, PlanePoint from,
                            bool must_reach, const ZoneShape* avoid, const PlanePoint* then) {
  constexpr std::uint32_t kDraws = 64;
  const bool has_land = land != nullptr && land->has_land();
  if (!has_land && avoid == nullptr) return zone_draw(rng, step, platform, purpose, shape, 0);
  bool have_sea = false;
  PlanePoint first_at_sea = from;
  for (std::uint32_t draw = 0; draw < kDraws; ++draw) {
    const PlanePoint p = zone_draw(rng, step, platform, purpose, shape, draw);
    if (has_land && land->on_land(p)) continue;
    if (avoid != nullptr && avoid->contains(p)) continue;
    auto clear = [&](PlanePoint a, PlanePoint b) {
      return (!has_land || !land->segment_crosses_land(a, b))
             && (avoid == nullptr || leg_stays_out(*avoid, a, b));
    };
    if (then != nullptr) {
      if (clear(from, p) && clear(p, *then)) return p;
      continue;
    }
    if (!must_reach || clear(from, p)) return p;
    if (!have_sea) {
      have_sea = true;
      first_at_sea = p;
    }
  }
  return first_at_sea;
}

}  // namespace hotline::agents::detail
