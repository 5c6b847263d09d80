#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <tuple>
#include <utility>

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

}  // namespace

namespace {

constexpr double kLargestMultiplier = 1e9;

// A list of 4 numbers > 0, one per posture 0..3; `out` keeps its values
// where an item is wrong (the item's diagnostic is recorded).
void read_per_posture(const Value& value, std::string_view key, std::string_view what,
                      std::array<double, 4>& out) {
  const auto items = value.items();
  if (!items) return;
  if (items->size() != 4) {
    value.error(fmt::format("{} lists {} for postures 0, 1, 2 and 3: 4 numbers, got {}", key, what,
                            items->size()));
    return;
  }
  for (std::size_t k = 0; k < 4; ++k) {
    const Value& item = (*items)[k];
    const auto x = item.number(std::numeric_limits<double>::lowest(), kLargestMultiplier);
    if (!x) continue;
    if (!(*x > 0.0)) {
      item.error(fmt::format("{} must be > 0, got {}", what, *x));
      continue;
    }
    out[k] = *x;
  }
}

}  // namespace

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
    read_per_posture(*multipliers, "posture_multipliers", "g(posture)", p.posture_multiplier);
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
  std::copy(std::begin(defaults::kPostureStandoff), std::end(defaults::kPostureStandoff),
            p.standoff_multiplier.begin());
  std::copy(std::begin(defaults::kPostureSortieRate), std::end(defaults::kPostureSortieRate),
            p.sortie_rate_multiplier.begin());
  if (!value
      || !value->expect_map({"report_delay", "perceived_deliberate", "accidental_factor",
                             "tension_half_life", "level_thresholds", "retaliation",
                             "stop_at_first_clash", "posture_effects"})) {
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
    p.stop_at_first_clash = stop->boolean().value_or(p.stop_at_first_clash);
  }
  if (auto effects = value->optional("posture_effects")) {
    if (effects->expect_map({"standoff", "sortie_rate"})) {
      if (auto standoff = effects->optional("standoff")) {
        read_per_posture(*standoff, "standoff", "the shadowing standoff's multiplier",
                         p.standoff_multiplier);
      }
      if (auto rate = effects->optional("sortie_rate")) {
        read_per_posture(*rate, "sortie_rate", "the sortie rate's multiplier",
                         p.sortie_rate_multiplier);
      }
    }
  }
  return p;
}

}  // namespace hotline::scenarios::detail
