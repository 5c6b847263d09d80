// A validated Scenario → the agents library's WorldSpec: positions projected
// to the plane about the frame's centre (equirectangular, see
// hotline/agents/projection.hpp), zones as shapes, places as points.
#pragma once

#include "hotline/agents/world_spec.hpp"
#include "hotline/scenarios/scenario.hpp"

namespace hotline::scenarios {

[[nodiscard]] agents::WorldSpec build_world_spec(const Scenario& scenario);

// A zone in the plane of `projection`: its circle or polygon, or its belt
// round the land of `geography` it was drawn from.
[[nodiscard]] agents::ZoneShape zone_shape(const Zone& zone, const agents::Projection& projection,
                                           const Geography& geography);

}  // namespace hotline::scenarios
