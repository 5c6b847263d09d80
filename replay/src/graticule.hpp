// Parallels and meridians over a rectangle of the plane, traced through the
// scenario's projection (agents/projection.hpp), so the replay's plane-km
// map reads in latitude and longitude.
#pragma once

#include <vector>

#include "hotline/agents/projection.hpp"
#include "hotline/replay/replay_run.hpp"

namespace hotline::replay {

// Lines at 5°, 1° and 0.25° whose latitude or longitude falls within the
// rectangle's geographic range, each traced in 201 points across it (the
// range's ends included), each under the coarsest spacing it lies on. A
// spacing that would give more than 400 lines is left out.
[[nodiscard]] std::vector<GraticuleLine> graticule_over(const agents::Projection& projection,
                                                        agents::PlanePoint lo,
                                                        agents::PlanePoint hi);

}  // namespace hotline::replay
