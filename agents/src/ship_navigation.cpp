#include "ship_navigation.hpp"

#include <cmath>

namespace hotline::agents::detail {

namespace {

// Legs a ship may finish within one step (each turn costs a hop).
constexpr int kHopsPerStep = 8;

}  // namespace

Sailed sail(const SeaRouter& router, Voyage& voyage, PlanePoint at, PlanePoint target,
            double reach_km) {
  Sailed out{at, 0.0, false};
  double left_km = reach_km;
  // A ship that was put somewhere else since (home, a new mission) starts
  // afresh: the route's next leg starts where it was left.
  if (voyage.on_route() && !(voyage.last_at == at)) voyage.clear();
  for (int hop = 0; hop < kHopsPerStep && left_km > 0.0; ++hop) {
    if (voyage.on_route() && router.node_of(target) != voyage.goal_node) voyage.clear();
    const bool on_route = voyage.on_route();
    const PlanePoint steer = on_route ? voyage.legs[voyage.next] : target;
    const double d = plane_distance_km(out.at, steer);
    if (!on_route) {
      // Straight for the target: the stretch sailed this step must be at sea.
      const PlanePoint end = d <= left_km ? target : towards(out.at, target, d, left_km);
      if (router.land().segment_crosses_land(out.at, end)) {
        voyage.legs = router.route(out.at, target);
        voyage.next = 0;
        voyage.goal_node = router.node_of(target);
        if (voyage.legs.empty()) break;  // no way round: hold
        continue;
      }
    }
    if (d <= left_km) {
      out.at = steer;
      out.km += d;
      left_km -= d;
      if (!on_route) {
        out.arrived = true;
        break;
      }
      ++voyage.next;
      continue;
    }
    out.at = towards(out.at, steer, d, left_km);
    out.km += left_km;
    left_km = 0.0;
  }
  voyage.last_at = out.at;
  return out;
}

}  // namespace hotline::agents::detail
