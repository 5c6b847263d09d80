#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <sstream>
#include <tuple>
#include <utility>

#include "hotline/scenarios/defaults.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "polygon_check.hpp"
#include "yaml_value.hpp"

namespace hotline::scenarios {

namespace {

using detail::ReadContext;
using detail::Value;

// The required `lat` and `lon` of a mapping whose keys the caller checked:
// plain degrees, latitude in [-90, 90], longitude in [-180, 180].
std::optional<GeoPoint> read_lat_lon(const Value& map) {
  const auto lat = map.required("lat");
  const auto lon = map.required("lon");
  const auto lat_deg = lat ? lat->number(-90.0, 90.0) : std::nullopt;
  const auto lon_deg = lon ? lon->number(-180.0, 180.0) : std::nullopt;
  if (!lat_deg || !lon_deg) return std::nullopt;
  return GeoPoint{*lat_deg, *lon_deg};
}

// A position written as {lat: ..., lon: ...}.
GeoPoint read_geo_point(const Value& value) {
  if (!value.expect_map({"lat", "lon"})) return {};
  return read_lat_lon(value).value_or(GeoPoint{});
}

Frame read_frame(const Value& value) {
  Frame frame;
  if (!value.expect_map({"centre"})) return frame;
  if (auto centre = value.required("centre")) frame.centre = read_geo_point(*centre);
  return frame;
}

TimeSettings read_time(const std::optional<Value>& value) {
  TimeSettings time{defaults::kTimeStepS, defaults::kHorizonS};
  if (!value || !value->expect_map({"dt", "horizon"})) return time;
  if (auto dt = value->optional("dt")) {
    if (auto seconds = dt->quantity(Dimension::duration)) {
      if (*seconds <= 0.0) {
        dt->error("the time step must be positive");
      } else {
        time.dt_s = *seconds;
      }
    }
  }
  if (auto horizon = value->optional("horizon")) {
    if (auto seconds = horizon->quantity(Dimension::duration)) {
      if (*seconds < time.dt_s) {
        horizon->error(fmt::format("the horizon must be at least one time step ({} s)", time.dt_s));
      } else {
        time.horizon_s = *seconds;
      }
    }
  }
  return time;
}

// Ids are what other sections refer to: lower-case letters, digits and '_',
// starting with a letter, so that they read the same everywhere.
bool is_identifier(std::string_view id) {
  if (id.empty() || id.front() < 'a' || id.front() > 'z') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::optional<std::string> read_identifier(const Value& value) {
  auto id = value.text();
  if (id && !is_identifier(*id)) {
    value.error(fmt::format(
        "'{}' is not a valid id: use lower-case letters, digits and '_', starting with a letter",
        *id));
    return std::nullopt;
  }
  return id;
}

// One of a closed set of names, with a suggestion for a near miss.
template <class Enum, std::size_t N>
std::optional<Enum> read_choice(const Value& value, std::string_view what,
                                const std::array<Enum, N>& choices,
                                std::string_view (*name_of)(Enum)) {
  const auto text = value.text();
  if (!text) return std::nullopt;
  std::vector<std::string> names;
  for (Enum choice : choices) {
    if (*text == name_of(choice)) return choice;
    names.emplace_back(name_of(choice));
  }
  std::string message = fmt::format("unknown {} '{}'", what, *text);
  if (auto guess = closest_match(*text, names); !guess.empty()) {
    message += fmt::format(" (did you mean '{}'?)", guess);
  } else {
    std::string list;
    for (const std::string& name : names)
      list += (list.empty() ? "" : ", ") + name;
    message += fmt::format(" (one of: {})", list);
  }
  value.error(std::move(message));
  return std::nullopt;
}

constexpr std::array<Relation, 3> kRelations = {Relation::ally, Relation::neutral, Relation::rival};

std::optional<Relation> parse_relation(const Value& value) {
  return read_choice(value, "relation", kRelations, &relation_name);
}

// "unknown nation 'x'", with the closest known id if it is a plausible typo.
std::string unknown_nation(std::string_view id, const Scenario& scenario) {
  std::vector<std::string> ids;
  for (const Nation& nation : scenario.nations)
    ids.push_back(nation.id);
  std::string message = fmt::format("unknown nation '{}'", id);
  if (auto guess = closest_match(id, ids); !guess.empty()) {
    message += fmt::format(" (did you mean '{}'?)", guess);
  }
  return message;
}

// Nations first, then each nation's relations, which may name any nation.
// A relation not listed is neutral; both sides must state the same relation.
void read_nations(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  std::vector<std::optional<Value>> relation_maps;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "name", "relations"})) continue;
    Nation nation;
    const auto id_value = item.required("id");
    const auto id = id_value ? read_identifier(*id_value) : std::nullopt;
    if (!id) continue;
    if (scenario.nation_index(*id)) {
      id_value->error(fmt::format("duplicate nation id '{}'", *id));
      continue;
    }
    nation.id = *id;
    if (auto name = item.optional("name")) nation.name = name->text().value_or(*id);
    if (nation.name.empty()) nation.name = nation.id;
    scenario.nations.push_back(std::move(nation));
    relation_maps.push_back(item.optional("relations"));
  }

  const std::size_t n = scenario.nations.size();
  scenario.relations.assign(n * n, Relation::neutral);
  // Where each relation was stated, to point at it on a mismatch.
  std::vector<std::optional<Value>> stated(n * n);
  for (std::size_t a = 0; a < n; ++a) {
    if (!relation_maps[a]) continue;
    const auto entries = relation_maps[a]->entries();
    if (!entries) continue;
    for (const auto& entry : *entries) {
      const auto b = scenario.nation_index(entry.key);
      if (!b) {
        entry.value.error_at(entry.key_location, unknown_nation(entry.key, scenario));
        continue;
      }
      if (*b == a) {
        entry.value.error_at(entry.key_location, "a nation has no relation to itself");
        continue;
      }
      if (const auto relation = parse_relation(entry.value)) {
        scenario.relations[a * n + *b] = *relation;
        stated[a * n + *b] = entry.value;
      }
    }
  }
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) {
      const Relation ab = scenario.relations[a * n + b];
      const Relation ba = scenario.relations[b * n + a];
      if (ab == ba) continue;
      const std::string& name_a = scenario.nations[a].id;
      const std::string& name_b = scenario.nations[b].id;
      if (stated[a * n + b] && stated[b * n + a]) {
        stated[b * n + a]->error(
            fmt::format("{} lists {} as {}, but {} lists {} as {}: relations must agree", name_b,
                        name_a, relation_name(ba), name_a, name_b, relation_name(ab)));
      } else {
        // Only one side stated it; the other is neutral by default.
        const std::size_t from = stated[a * n + b] ? a : b;
        const std::size_t to = from == a ? b : a;
        stated[from * n + to]->error(fmt::format(
            "{} lists {} as {}, but {} does not list {}: state the relation on both sides",
            scenario.nations[from].id, scenario.nations[to].id,
            relation_name(scenario.relations[from * n + to]), scenario.nations[to].id,
            scenario.nations[from].id));
      }
    }
  }
}

// A reference to a nation by id; reports an unknown id with a suggestion.
std::optional<std::size_t> read_nation_ref(const Value& value, const Scenario& scenario) {
  const auto id = value.text();
  if (!id) return std::nullopt;
  if (auto index = scenario.nation_index(*id)) return index;
  value.error(unknown_nation(*id, scenario));
  return std::nullopt;
}

// An id for an item of a list, unique in that list.
template <class Item>
std::optional<std::string> read_unique_id(const Value& item, const std::vector<Item>& earlier,
                                          std::string_view what) {
  const auto id_value = item.required("id");
  if (!id_value) return std::nullopt;
  auto id = read_identifier(*id_value);
  if (!id) return std::nullopt;
  for (const Item& other : earlier) {
    if (other.id == *id) {
      id_value->error(fmt::format("duplicate {} id '{}'", what, *id));
      return std::nullopt;
    }
  }
  return id;
}

constexpr std::array<ZoneKind, 7> kZoneKinds = {
    ZoneKind::territorial_sea, ZoneKind::contiguous_zone, ZoneKind::adiz,          ZoneKind::eez,
    ZoneKind::patrol_area,     ZoneKind::exercise_area,   ZoneKind::fishing_ground};

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

void read_zones(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (const Value& item : *items) {
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
        if (auto centre = circle->required("centre")) zone.centre = read_geo_point(*centre);
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
    if (id && at) scenario.points.push_back({*id, *at});
  }
}

void read_bases(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "nation", "lat", "lon"})) continue;
    auto id = read_unique_id(item, scenario.bases, "base");
    const auto nation_value = item.required("nation");
    const auto nation = nation_value ? read_nation_ref(*nation_value, scenario) : std::nullopt;
    const auto at = read_lat_lon(item);
    if (id && nation && at) scenario.bases.push_back({*id, *nation, *at});
  }
}

constexpr std::array<Role, 9> kRoles = {Role::warship, Role::coast_guard, Role::militia,
                                        Role::fishing, Role::fighter,     Role::patrol,
                                        Role::bomber,  Role::uav,         Role::balloon};
constexpr std::array<PlatformKind, 2> kPlatformKinds = {PlatformKind::ship, PlatformKind::aircraft};

// A quantity that must not be negative (or must be positive); `what` names
// it in the message ("the cruise speed must be positive").
std::optional<double> read_non_negative(const Value& value, Dimension dimension, bool positive,
                                        std::string_view what) {
  auto q = value.quantity(dimension);
  if (!q) return std::nullopt;
  if (positive ? *q <= 0.0 : *q < 0.0) {
    value.error(fmt::format("the {} must be {}", what, positive ? "positive" : "zero or more"));
    return std::nullopt;
  }
  return q;
}

void read_classes(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  for (const Value& item : *items) {
    if (!item.expect_map({"id", "kind", "role", "cruise_speed", "max_speed", "sensor_range",
                          "endurance", "turnaround"})) {
      continue;
    }
    PlatformClass c;
    const auto id = read_unique_id(item, scenario.classes, "class");
    bool ok = id.has_value();
    // Plain assignments: GCC 12 warns (falsely) about optionals built in a
    // conditional expression.
    const auto kind_value = item.required("kind");
    std::optional<PlatformKind> kind;
    if (kind_value)
      kind = read_choice(*kind_value, "platform kind", kPlatformKinds, &platform_kind_name);
    const auto role_value = item.required("role");
    std::optional<Role> role;
    if (role_value) role = read_choice(*role_value, "role", kRoles, &role_name);
    ok = ok && kind && role;
    if (kind && role && kind_of_role(*role) != *kind) {
      auto with_article = [](std::string_view noun) {
        return fmt::format("{} {}", noun.front() == 'a' ? "an" : "a", noun);
      };
      role_value->error(fmt::format("{} is {}, not {}", with_article(role_name(*role)),
                                    with_article(platform_kind_name(kind_of_role(*role))),
                                    with_article(platform_kind_name(*kind))));
      ok = false;
    }
    auto read = [&](std::string_view key, Dimension dimension, bool positive, double* out) {
      if (auto v = item.required(key)) {
        std::string what(key);
        std::replace(what.begin(), what.end(), '_', ' ');
        if (auto q = read_non_negative(*v, dimension, positive, what)) {
          *out = *q;
          return;
        }
      }
      ok = false;
    };
    read("cruise_speed", Dimension::speed, true, &c.cruise_speed_km_s);
    read("max_speed", Dimension::speed, true, &c.max_speed_km_s);
    read("sensor_range", Dimension::length, false, &c.sensor_range_km);
    if (ok && c.max_speed_km_s < c.cruise_speed_km_s) {
      item.required("max_speed")->error("the maximum speed must be at least the cruise speed");
      ok = false;
    }
    if (kind == PlatformKind::aircraft) {
      read("endurance", Dimension::duration, true, &c.endurance_s);
      read("turnaround", Dimension::duration, false, &c.turnaround_s);
    } else if (kind == PlatformKind::ship) {
      for (const char* key : {"endurance", "turnaround"}) {
        if (auto v = item.optional(key)) {
          v->error(
              fmt::format("'{}' is for aircraft; ships stay out as long as their mission "
                          "lasts",
                          key));
          ok = false;
        }
      }
    }
    if (ok) {
      c.id = *id;
      c.kind = *kind;
      c.role = *role;
      scenario.classes.push_back(std::move(c));
    }
  }
}

EncounterParameters read_encounters(const std::optional<Value>& value) {
  EncounterParameters p;
  auto set_range = [&p](PlatformKind a, PlatformKind b, double km) {
    const auto i = static_cast<std::size_t>(a);
    const auto j = static_cast<std::size_t>(b);
    p.range_km[i * kPlatformKindCount + j] = p.range_km[j * kPlatformKindCount + i] = km;
  };
  set_range(PlatformKind::ship, PlatformKind::ship, defaults::kShipShipRangeKm);
  set_range(PlatformKind::aircraft, PlatformKind::aircraft, defaults::kAircraftAircraftRangeKm);
  set_range(PlatformKind::aircraft, PlatformKind::ship, defaults::kAircraftShipRangeKm);
  p.end_factor = defaults::kEncounterEndFactor;
  if (!value || !value->expect_map({"ranges", "end_factor"})) return p;
  if (auto ranges = value->optional("ranges")) {
    if (ranges->expect_map({"ship_ship", "aircraft_aircraft", "aircraft_ship"})) {
      const std::array<std::tuple<const char*, PlatformKind, PlatformKind>, 3> keys = {{
          {"ship_ship", PlatformKind::ship, PlatformKind::ship},
          {"aircraft_aircraft", PlatformKind::aircraft, PlatformKind::aircraft},
          {"aircraft_ship", PlatformKind::aircraft, PlatformKind::ship},
      }};
      for (const auto& [key, a, b] : keys) {
        if (auto range = ranges->optional(key)) {
          if (auto km = read_non_negative(*range, Dimension::length, true, "encounter range")) {
            set_range(a, b, *km);
          }
        }
      }
    }
  }
  if (auto factor = value->optional("end_factor")) {
    p.end_factor = factor->number(1.0, 10.0).value_or(p.end_factor);
  }
  return p;
}

// unsafe / dangerous / grave, as probabilities that sum to 1 or as weights.
std::optional<SeverityTriple> read_severity_triple(const Value& value, bool probabilities) {
  if (!value.expect_map({"unsafe", "dangerous", "grave"})) return std::nullopt;
  SeverityTriple t;
  bool ok = true;
  for (auto [key, field] : {std::pair{"unsafe", &t.unsafe}, std::pair{"dangerous", &t.dangerous},
                            std::pair{"grave", &t.grave}}) {
    const auto part = value.required(key);
    const auto x =
        !part ? std::nullopt : (probabilities ? part->probability() : part->number(1e-9, 1e9));
    if (x) {
      *field = *x;
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  if (probabilities) {
    const double sum = t.unsafe + t.dangerous + t.grave;
    if (std::abs(sum - 1.0) > 1e-9) {
      value.error(fmt::format("the severity mix must sum to 1, got {:.6g}", sum));
      return std::nullopt;
    }
  }
  return t;
}

IncidentParameters read_incidents(const std::optional<Value>& value) {
  IncidentParameters p;
  p.rate_per_s.fill(defaults::kIncidentRatePerS);
  p.severity_mix.fill(
      {defaults::kSeverityMix[0], defaults::kSeverityMix[1], defaults::kSeverityMix[2]});
  p.cooldown_s = defaults::kIncidentCooldownS;
  p.severity_weight = {defaults::kSeverityWeights[0], defaults::kSeverityWeights[1],
                       defaults::kSeverityWeights[2]};
  std::copy(std::begin(defaults::kPostureMultipliers), std::end(defaults::kPostureMultipliers),
            p.posture_multiplier.begin());
  if (!value
      || !value->expect_map({"base_rate", "severity_mix", "role_pairs", "cooldown",
                             "severity_weights", "posture_multipliers"})) {
    return p;
  }
  // Scenario-wide values first; role_pairs then override single pairs.
  if (auto rate = value->optional("base_rate")) {
    if (auto r = read_non_negative(*rate, Dimension::rate, false, "incident rate")) {
      p.rate_per_s.fill(*r);
    }
  }
  if (auto mix = value->optional("severity_mix")) {
    if (auto m = read_severity_triple(*mix, true)) p.severity_mix.fill(*m);
  }
  if (auto pairs = value->optional("role_pairs")) {
    if (const auto items = pairs->items()) {
      std::vector<std::pair<Role, Role>> seen;
      for (const Value& item : *items) {
        if (!item.expect_map({"roles", "rate", "severity_mix"})) continue;
        const auto roles_value = item.required("roles");
        if (!roles_value) continue;
        const auto roles = roles_value->items();
        if (!roles) continue;
        if (roles->size() != 2) {
          roles_value->error(fmt::format("'roles' names two roles, got {}", roles->size()));
          continue;
        }
        const auto a = read_choice((*roles)[0], "role", kRoles, &role_name);
        const auto b = read_choice((*roles)[1], "role", kRoles, &role_name);
        if (!a || !b) continue;
        const std::pair<Role, Role> pair{std::min(*a, *b), std::max(*a, *b)};
        if (std::find(seen.begin(), seen.end(), pair) != seen.end()) {
          roles_value->error(
              fmt::format("the role pair {} / {} is listed twice", role_name(*a), role_name(*b)));
          continue;
        }
        seen.push_back(pair);
        const std::size_t ab =
            static_cast<std::size_t>(*a) * kRoleCount + static_cast<std::size_t>(*b);
        const std::size_t ba =
            static_cast<std::size_t>(*b) * kRoleCount + static_cast<std::size_t>(*a);
        const auto rate = item.optional("rate");
        const auto mix = item.optional("severity_mix");
        if (!rate && !mix) item.error("a role pair sets 'rate', 'severity_mix' or both");
        if (rate) {
          if (auto r = read_non_negative(*rate, Dimension::rate, false, "incident rate")) {
            p.rate_per_s[ab] = p.rate_per_s[ba] = *r;
          }
        }
        if (mix) {
          if (auto m = read_severity_triple(*mix, true))
            p.severity_mix[ab] = p.severity_mix[ba] = *m;
        }
      }
    }
  }
  if (auto cooldown = value->optional("cooldown")) {
    if (auto c = read_non_negative(*cooldown, Dimension::duration, false, "cooldown")) {
      p.cooldown_s = *c;
    }
  }
  if (auto weights = value->optional("severity_weights")) {
    if (auto w = read_severity_triple(*weights, false)) p.severity_weight = *w;
  }
  if (auto multipliers = value->optional("posture_multipliers")) {
    if (const auto items = multipliers->items()) {
      if (items->size() != 4) {
        multipliers->error(fmt::format(
            "posture_multipliers lists g(posture) for postures 0, 1, 2 and 3: 4 numbers, got {}",
            items->size()));
      } else {
        for (std::size_t k = 0; k < 4; ++k) {
          if (auto g = (*items)[k].number(1e-9, 1e9)) p.posture_multiplier[k] = *g;
        }
      }
    }
  }
  return p;
}

EscalationParameters read_escalation(const std::optional<Value>& value) {
  EscalationParameters p;
  p.report_delay_median_s = defaults::kReportDelayMedianS;
  p.report_delay_sigma = defaults::kReportDelaySigma;
  p.perceived_deliberate = defaults::kPerceivedDeliberate;
  p.accidental_factor = defaults::kAccidentalFactor;
  p.tension_half_life_s = defaults::kTensionHalfLifeS;
  std::copy(std::begin(defaults::kLevelThresholds), std::end(defaults::kLevelThresholds),
            p.level_thresholds.begin());
  p.retaliation_probability = defaults::kRetaliationProbability;
  p.retaliation_contact_factor = defaults::kRetaliationContactFactor;
  p.clarification_window_s = defaults::kClarificationWindowS;
  p.stop_at_first_clash = defaults::kStopAtFirstClash;
  if (!value
      || !value->expect_map({"report_delay", "perceived_deliberate", "accidental_factor",
                             "tension_half_life", "level_thresholds", "retaliation",
                             "stop_at_first_clash"})) {
    return p;
  }
  if (auto delay = value->optional("report_delay")) {
    if (delay->expect_map({"median", "sigma"})) {
      if (auto median = delay->optional("median")) {
        p.report_delay_median_s =
            read_non_negative(*median, Dimension::duration, true, "median report delay")
                .value_or(p.report_delay_median_s);
      }
      if (auto sigma = delay->optional("sigma")) {
        p.report_delay_sigma = sigma->number(0.0, 10.0).value_or(p.report_delay_sigma);
      }
    }
  }
  if (auto m = value->optional("perceived_deliberate")) {
    p.perceived_deliberate = m->probability().value_or(p.perceived_deliberate);
  }
  if (auto f = value->optional("accidental_factor")) {
    p.accidental_factor = f->probability().value_or(p.accidental_factor);
  }
  if (auto half_life = value->optional("tension_half_life")) {
    p.tension_half_life_s =
        read_non_negative(*half_life, Dimension::duration, true, "tension half-life")
            .value_or(p.tension_half_life_s);
  }
  if (auto thresholds = value->optional("level_thresholds")) {
    if (const auto items = thresholds->items()) {
      if (items->size() != 3) {
        thresholds->error(fmt::format(
            "level_thresholds lists the tension at which L1, L2 and L3 begin: 3 numbers, got {}",
            items->size()));
      } else {
        std::array<double, 3> t{};
        bool ok = true;
        for (std::size_t k = 0; k < 3; ++k) {
          const auto x = (*items)[k].number(1e-9, 1e9);
          ok = ok && x.has_value();
          t[k] = x.value_or(0.0);
        }
        if (ok && !(t[0] < t[1] && t[1] < t[2])) {
          thresholds->error("level thresholds must increase: L1 < L2 < L3");
        } else if (ok) {
          p.level_thresholds = t;
        }
      }
    }
  }
  if (auto retaliation = value->optional("retaliation")) {
    if (retaliation->expect_map({"probability", "contact_factor", "clarification_window"})) {
      if (auto r = retaliation->optional("probability")) {
        p.retaliation_probability = r->probability().value_or(p.retaliation_probability);
      }
      if (auto f = retaliation->optional("contact_factor")) {
        p.retaliation_contact_factor = f->probability().value_or(p.retaliation_contact_factor);
      }
      if (auto w = retaliation->optional("clarification_window")) {
        p.clarification_window_s =
            read_non_negative(*w, Dimension::duration, false, "clarification window")
                .value_or(p.clarification_window_s);
      }
    }
  }
  if (auto stop = value->optional("stop_at_first_clash")) {
    if (const auto text = stop->text()) {
      if (*text == "true" || *text == "false") {
        p.stop_at_first_clash = *text == "true";
      } else {
        stop->error(fmt::format("expected true or false, got '{}'", *text));
      }
    }
  }
  return p;
}

}  // namespace

std::string_view platform_kind_name(PlatformKind kind) {
  return kind == PlatformKind::ship ? "ship" : "aircraft";
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::warship:
      return "warship";
    case Role::coast_guard:
      return "coast_guard";
    case Role::militia:
      return "militia";
    case Role::fishing:
      return "fishing";
    case Role::fighter:
      return "fighter";
    case Role::patrol:
      return "patrol";
    case Role::bomber:
      return "bomber";
    case Role::uav:
      return "uav";
    case Role::balloon:
      return "balloon";
  }
  return "warship";
}

PlatformKind kind_of_role(Role role) {
  switch (role) {
    case Role::warship:
    case Role::coast_guard:
    case Role::militia:
    case Role::fishing:
      return PlatformKind::ship;
    default:
      return PlatformKind::aircraft;
  }
}

std::string_view zone_kind_name(ZoneKind kind) {
  switch (kind) {
    case ZoneKind::territorial_sea:
      return "territorial_sea";
    case ZoneKind::contiguous_zone:
      return "contiguous_zone";
    case ZoneKind::adiz:
      return "adiz";
    case ZoneKind::eez:
      return "eez";
    case ZoneKind::patrol_area:
      return "patrol_area";
    case ZoneKind::exercise_area:
      return "exercise_area";
    case ZoneKind::fishing_ground:
      return "fishing_ground";
  }
  return "patrol_area";
}

std::string_view relation_name(Relation relation) {
  switch (relation) {
    case Relation::neutral:
      return "neutral";
    case Relation::ally:
      return "ally";
    case Relation::rival:
      return "rival";
  }
  return "neutral";
}

std::optional<std::size_t> Scenario::nation_index(std::string_view id) const {
  for (std::size_t i = 0; i < nations.size(); ++i) {
    if (nations[i].id == id) return i;
  }
  return std::nullopt;
}

Scenario load_scenario_text(std::string_view yaml, const std::string& file) {
  Diagnostics diagnostics;
  ReadContext context{file, diagnostics};
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    diagnostics.add({file, e.mark.line + 1, e.mark.column + 1}, "",
                    fmt::format("not valid YAML: {}", e.msg));
    throw ScenarioError(diagnostics.sorted());
  }
  if (!root.IsDefined() || root.IsNull()) {
    diagnostics.add({file, 1, 1}, "", "the file is empty");
    throw ScenarioError(diagnostics.sorted());
  }

  Scenario scenario;
  const Value top(root, "", context);
  if (top.expect_map({"name", "frame", "time", "nations", "zones", "points", "bases", "classes",
                      "encounters", "incidents", "escalation"})) {
    if (auto name = top.required("name")) {
      if (auto text = name->text()) {
        scenario.name = *text;
        if (text->empty()) name->error("the name must not be empty");
      }
    }
    if (auto frame = top.required("frame")) scenario.frame = read_frame(*frame);
    scenario.time = read_time(top.optional("time"));
    // Nations first: the other sections refer to them.
    if (auto nations = top.required("nations")) read_nations(*nations, scenario);
    if (auto zones = top.optional("zones")) read_zones(*zones, scenario);
    if (auto points = top.optional("points")) read_points(*points, scenario);
    if (auto bases = top.optional("bases")) read_bases(*bases, scenario);
    if (auto classes = top.optional("classes")) read_classes(*classes, scenario);
    scenario.encounters = read_encounters(top.optional("encounters"));
    scenario.incidents = read_incidents(top.optional("incidents"));
    scenario.escalation = read_escalation(top.optional("escalation"));
  }
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.sorted());
  return scenario;
}

Scenario load_scenario_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ScenarioError({Diagnostic{{path, 1, 1}, "", "cannot read the file"}});
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_scenario_text(text.str(), path);
}

}  // namespace hotline::scenarios
