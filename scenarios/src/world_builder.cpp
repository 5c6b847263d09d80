#include "hotline/scenarios/world_builder.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace hotline::scenarios {

namespace {

agents::LatLon lat_lon(const GeoPoint& p) {
  return {p.lat_deg, p.lon_deg};
}

// The land a belt is drawn from, alone on a small map of its own that
// reaches past the belt.
std::shared_ptr<const agents::LandMap> belt_land(const LandBelt& belt,
                                                 const agents::Projection& projection,
                                                 const Geography& geography) {
  std::vector<agents::LandRing> rings;
  agents::PlanePoint lo{1e300, 1e300};
  agents::PlanePoint hi{-1e300, -1e300};
  for (const std::size_t r : belt.rings) {
    agents::LandRing ring;
    for (const GeoPoint& p : (*geography.land_rings)[r]) {
      const agents::PlanePoint q = projection.to_plane(lat_lon(p));
      lo = {std::min(lo.x_km, q.x_km), std::min(lo.y_km, q.y_km)};
      hi = {std::max(hi.x_km, q.x_km), std::max(hi.y_km, q.y_km)};
      ring.push_back(q);
    }
    rings.push_back(std::move(ring));
  }
  const double margin = belt.distance_km + 2.0;
  lo = {lo.x_km - margin, lo.y_km - margin};
  hi = {hi.x_km + margin, hi.y_km + margin};
  const double extent = std::max(hi.x_km - lo.x_km, hi.y_km - lo.y_km);
  const double cell_km = std::clamp(extent / 256.0, 0.25, 5.0);
  return std::make_shared<const agents::LandMap>(rings, lo, hi, cell_km);
}

// The routes round a land map, made once per map while any world uses
// them: every design point of an experiment shares the scenario's land,
// and making the routes is most of the cost of a world description. A
// live router holds its map, so a map's address names one map while its
// router lives.
std::shared_ptr<const agents::SeaRouter> shared_sea_router(
    const std::shared_ptr<const agents::LandMap>& land) {
  static std::mutex mutex;
  static std::map<const agents::LandMap*, std::weak_ptr<const agents::SeaRouter>> routers;
  const std::lock_guard lock(mutex);
  std::weak_ptr<const agents::SeaRouter>& slot = routers[land.get()];
  if (auto router = slot.lock()) return router;
  std::erase_if(routers, [](const auto& entry) { return entry.second.expired(); });
  auto router = std::make_shared<const agents::SeaRouter>(land);
  routers[land.get()] = router;
  return router;
}

}  // namespace

agents::ZoneShape zone_shape(const Zone& z, const agents::Projection& projection,
                             const Geography& geography) {
  if (z.from_land) {
    return agents::ZoneShape::land_belt(belt_land(*z.from_land, projection, geography),
                                        z.from_land->distance_km);
  }
  if (z.is_circle)
    return agents::ZoneShape::circle(projection.to_plane(lat_lon(z.centre)), z.radius_km);
  std::vector<agents::PlanePoint> vertices;
  for (const GeoPoint& v : z.vertices)
    vertices.push_back(projection.to_plane(lat_lon(v)));
  return agents::ZoneShape::polygon(std::move(vertices));
}

namespace {

// The parts with places, their parameters copied whole and only their
// points projected onto the plane.
using Plane = std::function<agents::PlanePoint(const GeoPoint&)>;

agents::MissionSpec mission_in_plane(const Mission& m, const Plane& plane) {
  agents::MissionSpec spec;
  static_cast<agents::MissionParameters&>(spec) = m;
  for (const GeoPoint& p : m.waypoints)
    spec.waypoints.push_back(plane(p));
  spec.around = plane(m.around);
  if (m.swarm) {
    agents::SwarmSpec swarm;
    static_cast<agents::SwarmParameters&>(swarm) = *m.swarm;
    swarm.towards = plane(m.swarm->towards);
    spec.swarm = swarm;
  }
  return spec;
}

agents::ForceSpec force_in_plane(const Force& f, const Plane& plane) {
  agents::ForceSpec spec;
  static_cast<agents::ForceParameters&>(spec) = f;
  spec.mission = mission_in_plane(f.mission, plane);
  return spec;
}

agents::CommandCentreSpec centre_in_plane(const CommandCentre& c, const Plane& plane) {
  agents::CommandCentreSpec spec;
  static_cast<agents::CommandCentreParameters&>(spec) = c;
  for (const RadarSite& r : c.radars) {
    agents::RadarSpec radar;
    static_cast<agents::RadarParameters&>(radar) = r;
    radar.at = plane(r.at);
    spec.radars.push_back(radar);
  }
  return spec;
}

}  // namespace

agents::WorldSpec build_world_spec(const Scenario& s) {
  agents::WorldSpec w;
  w.name = s.name;
  w.projection = agents::Projection(lat_lon(s.frame.centre));
  w.land = s.geography.land_map;
  if (w.land && w.land->has_land()) w.sea_router = shared_sea_router(w.land);
  const agents::Projection& projection = w.projection;
  const Plane plane = [&](const GeoPoint& p) { return projection.to_plane(lat_lon(p)); };

  w.dt_s = s.time.dt_s;
  w.horizon_s = s.time.horizon_s;
  w.nations = s.nations;
  w.relations = s.relations;
  for (const Zone& z : s.zones) {
    agents::ZoneSpec zone;
    static_cast<agents::ZoneParameters&>(zone) = z;
    zone.shape = zone_shape(z, projection, s.geography);
    w.zones.push_back(std::move(zone));
  }
  for (const Base& b : s.bases) {
    agents::BaseSpec base;
    static_cast<agents::BaseParameters&>(base) = b;
    base.at = plane(b.at);
    w.bases.push_back(base);
  }
  w.classes = s.classes;
  for (const Force& f : s.forces)
    w.forces.push_back(force_in_plane(f, plane));
  for (const CommandCentre& c : s.command_centres)
    w.command_centres.push_back(centre_in_plane(c, plane));
  w.exercises = s.exercises;
  w.encounters = s.encounters;
  w.incidents = s.incidents;
  w.escalation = s.escalation;
  w.policies = s.policies;
  w.state_interval_s = s.output.state_interval_s;
  w.hostility_interval_s = s.output.hostility_interval_s;
  return w;
}

}  // namespace hotline::scenarios
