#include "hotline/scenarios/world_builder.hpp"

#include <algorithm>
#include <memory>
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

agents::WorldSpec build_world_spec(const Scenario& s) {
  agents::WorldSpec w;
  w.name = s.name;
  w.projection = agents::Projection(lat_lon(s.frame.centre));
  w.land = s.geography.land_map;
  if (w.land && w.land->has_land())
    w.sea_router = std::make_shared<const agents::SeaRouter>(w.land);
  const agents::Projection& projection = w.projection;
  auto plane = [&](const GeoPoint& p) { return projection.to_plane(lat_lon(p)); };

  w.dt_s = s.time.dt_s;
  w.horizon_s = s.time.horizon_s;
  w.nations = s.nations;
  w.relations = s.relations;
  for (const Zone& z : s.zones)
    w.zones.push_back({z.id, z.kind, z.owner, zone_shape(z, projection, s.geography)});
  for (const Base& b : s.bases)
    w.bases.push_back({b.id, b.nation, plane(b.at)});
  w.classes = s.classes;
  for (const Force& f : s.forces) {
    agents::MissionSpec m;
    m.type = f.mission.type;
    m.area = f.mission.area;
    m.dwell_s = f.mission.dwell_s;
    for (const GeoPoint& p : f.mission.waypoints)
      m.waypoints.push_back(plane(p));
    m.loop = f.mission.loop;
    m.around = plane(f.mission.around);
    m.radius_km = f.mission.radius_km;
    if (f.mission.swarm) {
      m.swarm = agents::SwarmSpec{plane(f.mission.swarm->towards), f.mission.swarm->radius_km,
                                  f.mission.swarm->from_posture};
    }
    m.launches_per_s = f.mission.launches_per_s;
    m.standoff_km = f.mission.standoff_km;
    m.shadow_s = f.mission.shadow_s;
    m.station = f.mission.station;
    w.forces.push_back(
        {f.id, f.nation, f.platform_class, f.count, f.base, f.deploy_on, m, f.stood_down_s});
  }
  for (const CommandCentre& c : s.command_centres) {
    agents::CommandCentreSpec centre{c.id, c.name, c.nation, {}, c.watches};
    for (const RadarSite& r : c.radars)
      centre.radars.push_back({plane(r.at), r.range_km});
    w.command_centres.push_back(std::move(centre));
  }
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
