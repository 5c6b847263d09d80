// How a ship sails towards a point without touching land.
//
// A ship steers straight for its target. Each step, the stretch it is about
// to sail is tested against the land; only if that stretch touches land
// does it ask the SeaRouter for a route, whose legs it then follows (every
// leg is at sea). A route is dropped when the target moves to another of the
// router's nodes (a pursued ship), and the ship steers straight again. So a
// ship in open water pays one short land test a step, and only ships that
// meet land plan (docs/geography.md).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "hotline/agents/land_map.hpp"
#include "hotline/agents/projection.hpp"
#include "hotline/agents/sea_router.hpp"

namespace hotline::agents::detail {

// A ship's route in progress (kept per platform id).
struct Voyage {
  std::vector<PlanePoint> legs;  // the points to sail through
  std::uint32_t next = 0;        // the next of them
  std::uint32_t goal_node = 0;   // the router's node of the target it was planned for
  PlanePoint last_at;            // where the ship was left on it: the next leg starts there
  [[nodiscard]] bool on_route() const { return next < legs.size(); }
  void clear() {
    legs.clear();
    next = 0;
  }
};

struct Sailed {
  PlanePoint at;         // where the ship is after the step
  double km = 0.0;       // how far it sailed
  bool arrived = false;  // it is at the target
};

// Sails from `at` up to `reach_km` towards `target`. A ship with no way
// round the land (the sea cut in two) holds where it is.
//
// sail_straight is the common case alone, for a ship not on a route: the
// straight stretch towards the target, if it is at sea (else nullopt, and
// the ship needs sail). It gives exactly what sail gives then, without
// touching the voyage.
[[nodiscard]] Sailed sail(const SeaRouter& router, Voyage& voyage, PlanePoint at, PlanePoint target,
                          double reach_km);

// The point `km` along the way from `from` to `to`, `distance` apart.
[[nodiscard]] inline PlanePoint towards(PlanePoint from, PlanePoint to, double distance,
                                        double km) {
  const double k = km / distance;
  return {from.x_km + (to.x_km - from.x_km) * k, from.y_km + (to.y_km - from.y_km) * k};
}

// Inline: it runs for every ship every step, and out of line its points go
// through the stack in a way that stalls the CPU's store forwarding.
//
// sail_at_sea is the same step on a leg already known to be at sea as far as
// the target: no test.
[[nodiscard]] inline Sailed sail_at_sea(PlanePoint at, PlanePoint target, double reach_km) {
  const double d = plane_distance_km(at, target);
  const bool arrives = d <= reach_km;
  const PlanePoint end = arrives ? target : towards(at, target, d, reach_km);
  return Sailed{end, arrives ? d : reach_km, arrives};
}

[[nodiscard]] inline std::optional<Sailed> sail_straight(const LandMap& land, PlanePoint at,
                                                         PlanePoint target, double reach_km) {
  const Sailed sailed = sail_at_sea(at, target, reach_km);
  if (land.segment_crosses_land(at, sailed.at)) return std::nullopt;
  return sailed;
}

}  // namespace hotline::agents::detail
