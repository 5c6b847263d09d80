#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "common_readers.hpp"
#include "hotline/scenarios/defaults.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

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
  p.low_pass_altitude_km = defaults::kLowPassAltitudeKm;
  if (!value || !value->expect_map({"ranges", "end_factor", "low_pass_altitude"})) return p;
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
  if (auto altitude = value->optional("low_pass_altitude")) {
    if (auto km = read_non_negative(*altitude, Dimension::length, true, "low-pass altitude")) {
      p.low_pass_altitude_km = *km;
    }
  }
  return p;
}

namespace {

constexpr std::array<std::pair<const char*, Conduct>, kConductCount> kConducts{{
    {"routine", Conduct::routine},
    {"signalling", Conduct::signalling},
    {"harassment", Conduct::harassment},
}};

// routine / signalling / harassment shares that sum to 1.
std::optional<IncidentParameters::ConductShares> read_conduct_shares(const Value& value) {
  if (!value.expect_map({"routine", "signalling", "harassment"})) return std::nullopt;
  IncidentParameters::ConductShares shares{};
  FieldReader fields(value);
  for (const auto& [key, conduct] : kConducts)
    fields.required(key, shares[static_cast<std::size_t>(conduct)], probability());
  if (!fields.ok()) return std::nullopt;
  const double sum = shares[0] + shares[1] + shares[2];
  if (std::abs(sum - 1.0) > 1e-9) {
    value.error(fmt::format("the conduct shares must sum to 1, got {:.6g}", sum));
    return std::nullopt;
  }
  return shares;
}

// One map of shares for every posture (the posture rule derives 1..3), or a
// list of four, postures 0..3.
bool read_conduct(const Value& value, std::array<IncidentParameters::ConductShares, 4>& out) {
  if (value.is_sequence()) {
    const auto items = value.items();
    if (!items) return false;
    if (items->size() != kPostureCount) {
      value.error(fmt::format("conduct lists the shares for postures 0, 1, 2 and 3: 4 maps, got {}",
                              items->size()));
      return false;
    }
    std::array<IncidentParameters::ConductShares, 4> read{};
    for (std::size_t k = 0; k < kPostureCount; ++k) {
      const auto shares = read_conduct_shares((*items)[k]);
      if (!shares) return false;
      read[k] = *shares;
    }
    out = read;
    return true;
  }
  const auto shares = read_conduct_shares(value);
  if (!shares) return false;
  for (std::size_t k = 0; k < kPostureCount; ++k)
    out[k] = conduct_at_posture(*shares, k);
  return true;
}

// The hazard of any of the three conducts, at contact distance.
void read_hazards(const Value& value, std::array<double, kConductCount>& out) {
  if (!value.expect_map({"routine", "signalling", "harassment"})) return;
  for (const auto& [key, conduct] : kConducts) {
    if (auto rate = value.optional(key)) {
      if (auto r = read_non_negative(*rate, Dimension::rate, false, "incident hazard")) {
        out[static_cast<std::size_t>(conduct)] = *r;
      }
    }
  }
}

std::optional<SeverityOdds> read_severity_odds(const Value& value) {
  if (!value.expect_map({"dangerous", "grave"})) return std::nullopt;
  SeverityOdds odds;
  FieldReader fields(value);
  fields.required("dangerous", odds.dangerous, probability());
  fields.required("grave", odds.grave, probability());
  if (!fields.ok()) return std::nullopt;
  if (odds.dangerous + odds.grave > 1.0 + 1e-12) {
    value.error(fmt::format(
        "the chances of a dangerous and a grave incident sum to {:.6g}, more than 1 (the rest "
        "is unsafe)",
        odds.dangerous + odds.grave));
    return std::nullopt;
  }
  return odds;
}

void read_severities(const Value& value, std::array<SeverityOdds, kConductCount>& out) {
  if (!value.expect_map({"routine", "signalling", "harassment"})) return;
  for (const auto& [key, conduct] : kConducts) {
    if (auto odds_value = value.optional(key)) {
      if (auto odds = read_severity_odds(*odds_value))
        out[static_cast<std::size_t>(conduct)] = *odds;
    }
  }
}

// One role_pairs item: the pair and what it overrides, in both orders.
void read_role_pair(const Value& item, std::vector<std::pair<Role, Role>>& seen,
                    IncidentParameters& p) {
  if (!item.expect_map({"roles", "conduct", "hazard", "severity"})) return;
  const auto roles_value = item.required("roles");
  if (!roles_value) return;
  const auto roles = roles_value->items();
  if (!roles) return;
  if (roles->size() != 2) {
    roles_value->error(fmt::format("'roles' names two roles, got {}", roles->size()));
    return;
  }
  const auto a = read_choice((*roles)[0], "role", kRoles, &role_name);
  const auto b = read_choice((*roles)[1], "role", kRoles, &role_name);
  if (!a || !b) return;
  const std::pair<Role, Role> pair{std::min(*a, *b), std::max(*a, *b)};
  if (std::find(seen.begin(), seen.end(), pair) != seen.end()) {
    roles_value->error(
        fmt::format("the role pair {} / {} is listed twice", role_name(*a), role_name(*b)));
    return;
  }
  seen.push_back(pair);
  const std::size_t ab = static_cast<std::size_t>(*a) * kRoleCount + static_cast<std::size_t>(*b);
  const std::size_t ba = static_cast<std::size_t>(*b) * kRoleCount + static_cast<std::size_t>(*a);
  const auto conduct = item.optional("conduct");
  const auto hazard = item.optional("hazard");
  const auto severity = item.optional("severity");
  if (!conduct && !hazard && !severity) {
    item.error("a role pair sets 'conduct', 'hazard', 'severity' or several of them");
  }
  if (conduct && read_conduct(*conduct, p.conduct_share[ab])) {
    p.conduct_share[ba] = p.conduct_share[ab];
  }
  if (hazard) {
    read_hazards(*hazard, p.hazard_per_s[ab]);
    p.hazard_per_s[ba] = p.hazard_per_s[ab];
  }
  if (severity) {
    read_severities(*severity, p.severity[ab]);
    p.severity[ba] = p.severity[ab];
  }
}

}  // namespace

IncidentParameters read_incidents(const std::optional<Value>& value) {
  IncidentParameters p = default_incident_parameters();
  if (!value
      || !value->expect_map({"hazard_scale", "hazard_length", "contact_distance",
                             "posture_gain_max", "cooldown", "role_pairs"})) {
    return p;
  }
  FieldReader fields(*value);
  fields.optional("hazard_scale", p.hazard_scale, plain_number(0.0, 1e6));
  fields.optional("hazard_length", p.hazard_length_km,
                  positive_quantity(Dimension::length, "hazard length"));
  fields.optional("contact_distance", p.contact_km,
                  quantity_at_least_zero(Dimension::length, "contact distance"));
  fields.optional("posture_gain_max", p.posture_gain_max, plain_number(1.0, 100.0));
  fields.optional("cooldown", p.cooldown_s,
                  quantity_at_least_zero(Dimension::duration, "cooldown"));
  if (auto pairs = value->optional("role_pairs")) {
    if (const auto items = pairs->items()) {
      std::vector<std::pair<Role, Role>> seen;
      for (const Value& item : *items)
        read_role_pair(item, seen, p);
    }
  }
  return p;
}

}  // namespace hotline::scenarios::detail
