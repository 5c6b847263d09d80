// Random points in a zone or a circle, from counter-based draws: the same
// point for the same (seed, replication, step, platform, purpose) whatever
// the thread count.
#pragma once

#include <cstdint>

#include "hotline/agents/land_map.hpp"
#include "hotline/agents/projection.hpp"
#include "hotline/agents/zones.hpp"
#include "hotline/engine/counter_rng.hpp"

namespace hotline::agents::detail {

// Uniform in the disc (centre, radius).
[[nodiscard]] PlanePoint random_point_in_circle(const engine::CounterRng& rng, std::uint32_t step,
                                                std::uint32_t platform, engine::RngPurpose purpose,
                                                PlanePoint centre, double radius_km);

// Uniform in the zone: directly for a circle, by rejection from the bounding
// box for a polygon (up to 256 tries, then the first vertex: only a sliver
// of a polygon would ever get there).
[[nodiscard]] PlanePoint random_point_in_zone(const engine::CounterRng& rng, std::uint32_t step,
                                              std::uint32_t platform, engine::RngPurpose purpose,
                                              const ZoneShape& zone);

// Whether the straight leg a–b, once out of `zone`, stays out (tested every
// 500 m): from outside, it never enters; from inside, it leaves once and
// does not come back (a ship leaving a territorial sea made of one belt per
// island must not cross into the next belt, or it enters again).
[[nodiscard]] bool leg_stays_out(const ZoneShape& zone, PlanePoint a, PlanePoint b);

// For ships: a random point of `shape` at sea, and if possible one that
// `from` reaches in a straight line at sea, so that patrols and loiterers
// pick their next point where they can sail to it. Draw k of up to 64 is
// the draw above for k = 0 (so without land nothing changes) and a fresh
// counter for each k > 0. With no sea found, `from`: the ship stays put.
// `land` null or without land: the plain draw.
// `avoid` (may be null): a zone the point must lie outside, and, when the
// point must be reached, that the straight leg to it must stay out of
// (leg_stays_out): a coast guard on station in a contiguous zone keeps out
// of the territorial sea it surrounds.
[[nodiscard]] PlanePoint random_sea_point(const engine::CounterRng& rng, std::uint32_t step,
                                          std::uint32_t platform, engine::RngPurpose purpose,
                                          const ZoneShape& shape, const LandMap* land,
                                          PlanePoint from, bool must_reach,
                                          const ZoneShape* avoid = nullptr,
                                          const PlanePoint* then = nullptr);
// (`then`, if given: the point must also be left for `then` by a straight
// leg at sea and out of `avoid`; with none such, `from`.)

}  // namespace hotline::agents::detail
