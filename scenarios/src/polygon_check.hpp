// Whether a polygon's edges cross: a zone drawn as a figure eight, or with a
// vertex out of order, would make "inside" meaningless.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "hotline/scenarios/scenario.hpp"

namespace hotline::scenarios::detail {

// A pair of edges (i, j), i < j, that cross or touch other than at the
// vertex two neighbouring edges share, or nullopt for a simple polygon; in
// O(n log n) for n vertices (a sweep, polygon_check.cpp).
// Edge k runs from vertex k to vertex k + 1 (the last back to the first).
// Computed on (lon, lat) as plane coordinates, which is exact for deciding
// crossings of zones that do not straddle the antimeridian.
[[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> first_crossing(
    const std::vector<GeoPoint>& vertices);

}  // namespace hotline::scenarios::detail
