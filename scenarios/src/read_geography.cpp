#include <fmt/format.h>

#include "common_readers.hpp"
#include "hotline/agents/zones.hpp"
#include "polygon_check.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

namespace {

// The first vertex equal to the one before it (the last wraps to the first).
std::optional<std::size_t> repeated_vertex(const std::vector<GeoPoint>& vertices) {
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    if (vertices[i] == vertices[(i + vertices.size() - 1) % vertices.size()]) return i;
  }
  return std::nullopt;
}

std::optional<ZoneKind> read_zone_kind(const Value& value) {
  return read_choice(value, "zone kind", kZoneKinds, &zone_kind_name);
}

// A polygon vertex written as [lat, lon].
std::optional<GeoPoint> read_vertex(const Value& value) {
  const auto pair = value.items();
  if (!pair) return std::nullopt;
  if (pair->size() != 2) {
    value.error(fmt::format("a vertex is [lat, lon], got {} numbers", pair->size()));
    return std::nullopt;
  }
  const auto lat = (*pair)[0].number(-90.0, 90.0);
  const auto lon = (*pair)[1].number(-180.0, 180.0);
  if (!lat || !lon) return std::nullopt;
  return GeoPoint{*lat, *lon};
}

}  // namespace

Frame read_frame(const Value& value) {
  Frame frame;
  if (!value.expect_map({"centre"})) return frame;
  if (auto centre = value.required("centre"))
    frame.centre = read_geo_point(*centre).value_or(GeoPoint{});
  return frame;
}

void read_zones(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Value& item = (*items)[i];
    if (i == agents::kMaxZones) {
      item.error(
          fmt::format("a scenario has at most {} zones (the zone index keeps a bit per "
                      "zone); this is zone {}",
                      agents::kMaxZones, i + 1));
    }
    if (!item.expect_map({"id", "kind", "owner", "circle", "polygon"})) continue;
    auto id = read_unique_id(item, scenario.zones, "zone");
    Zone zone;
    bool ok = id.has_value();
    if (auto kind = item.required("kind")) {
      const auto parsed = read_zone_kind(*kind);
      ok = ok && parsed.has_value();
      if (parsed) zone.kind = *parsed;
    } else {
      ok = false;
    }
    if (auto owner = item.optional("owner")) {
      zone.owner = read_nation_ref(*owner, scenario);
      ok = ok && zone.owner.has_value();
    }
    const auto circle = item.optional("circle");
    const auto polygon = item.optional("polygon");
    if (circle && polygon) {
      item.error("a zone is a circle or a polygon, not both");
      ok = false;
    } else if (!circle && !polygon) {
      item.error("a zone needs a shape: 'circle' or 'polygon'");
      ok = false;
    } else if (circle) {
      zone.is_circle = true;
      if (circle->expect_map({"centre", "radius"})) {
        if (auto centre = circle->required("centre")) {
          const auto at = read_geo_point(*centre);
          ok = ok && at.has_value();
          zone.centre = at.value_or(GeoPoint{});
        }
        if (auto radius = circle->required("radius")) {
          const auto km = radius->quantity(Dimension::length);
          if (km && *km <= 0.0) radius->error("the radius must be positive");
          ok = ok && km && *km > 0.0;
          zone.radius_km = km.value_or(0.0);
        }
      }
    } else {
      zone.is_circle = false;
      if (const auto vertices = polygon->items()) {
        for (const Value& vertex : *vertices) {
          if (auto point = read_vertex(vertex)) zone.vertices.push_back(*point);
        }
        if (zone.vertices.size() == vertices->size()) {
          if (zone.vertices.size() < 3) {
            polygon->error(
                fmt::format("a polygon needs at least 3 vertices, got {}", zone.vertices.size()));
            ok = false;
          } else if (auto repeat = repeated_vertex(zone.vertices); repeat && *repeat == 0) {
            vertices->back().error(
                "the last vertex repeats the first: leave it out, the polygon closes itself");
            ok = false;
          } else if (repeat) {
            (*vertices)[*repeat].error(
                fmt::format("vertex {} repeats vertex {}: a polygon's vertices are distinct points",
                            *repeat, *repeat - 1));
            ok = false;
          } else if (auto crossing = detail::first_crossing(zone.vertices)) {
            polygon->error(fmt::format(
                "the polygon crosses itself: edge {} (vertex {} to {}) meets "
                "edge {} (vertex {} to {})",
                crossing->first, crossing->first, (crossing->first + 1) % zone.vertices.size(),
                crossing->second, crossing->second, (crossing->second + 1) % zone.vertices.size()));
            ok = false;
          }
        } else {
          ok = false;
        }
      }
    }
    if (ok) {
      zone.id = *id;
      scenario.zones.push_back(std::move(zone));
    } else if (id) {
      mark_broken(item, "zone", *id);
    }
  }
}

void read_points(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "lat", "lon"})) continue;
    auto id = read_unique_id(item, scenario.points, "point");
    const auto at = read_lat_lon(item);
    if (id && at) {
      scenario.points.push_back({*id, *at});
    } else if (id) {
      mark_broken(item, "place", *id);
    }
  }
}

void read_bases(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "nation", "lat", "lon"})) continue;
    auto id = read_unique_id(item, scenario.bases, "base");
    if (id) {
      // Missions name places by point or base id alike, so the two share
      // one namespace.
      for (const NamedPoint& point : scenario.points) {
        if (point.id == *id) {
          item.required("id")->error(
              fmt::format("'{}' is already a point id: points and bases share one namespace", *id));
          id.reset();
          break;
        }
      }
    }
    const auto nation_value = item.required("nation");
    const auto nation = nation_value ? read_nation_ref(*nation_value, scenario) : std::nullopt;
    const auto at = read_lat_lon(item);
    if (id && nation && at) {
      scenario.bases.push_back({*id, *nation, *at});
    } else if (id) {
      mark_broken(item, "base", *id);
      mark_broken(item, "place", *id);
    }
  }
}

}  // namespace hotline::scenarios::detail
