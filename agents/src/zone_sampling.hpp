// Random points in a zone or a circle, from counter-based draws: the same
// point for the same (seed, replication, step, platform, purpose) whatever
// the thread count.
#pragma once

#include <cstdint>

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

}  // namespace hotline::agents::detail
