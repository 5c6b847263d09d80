// The incident layer's default tables by role pair (docs/scenario-reference.md,
// "incidents"): which conduct an encounter takes, the hazard of each conduct
// at contact distance, and how grave an incident of each conduct is.
//
// These are the model's a priori values, grouped by the kind of encounter;
// none is fitted. The calibration moves only incidents.hazard_scale, which
// multiplies every hazard together (docs/calibration.md).
#include <algorithm>
#include <array>

#include "hotline/scenarios/defaults.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

namespace {

using Shares = IncidentParameters::ConductShares;

// Kinds of encounter with their own defaults.
enum class EncounterGroup {
  surface_law,    // ships, no warship: coast guards, militia, fishing boats
  surface_naval,  // ships, at least one warship
  air_intercept,  // a fighter and another aircraft
  air_fighters,   // two fighters
  air_other,      // aircraft, no fighter
  air_sea,        // an aircraft over a ship
};

EncounterGroup group_of(Role a, Role b) {
  const bool a_flies = kind_of_role(a) == PlatformKind::aircraft;
  const bool b_flies = kind_of_role(b) == PlatformKind::aircraft;
  if (a_flies != b_flies) return EncounterGroup::air_sea;
  if (!a_flies) {
    return a == Role::warship || b == Role::warship ? EncounterGroup::surface_naval
                                                    : EncounterGroup::surface_law;
  }
  const int fighters = (a == Role::fighter ? 1 : 0) + (b == Role::fighter ? 1 : 0);
  if (fighters == 2) return EncounterGroup::air_fighters;
  return fighters == 1 ? EncounterGroup::air_intercept : EncounterGroup::air_other;
}

struct GroupDefaults {
  Shares at_posture_0;                               // routine, signalling, harassment
  std::array<double, kConductCount> hazard_per_h;    // at contact distance
  std::array<SeverityOdds, kConductCount> severity;  // (dangerous, grave) by conduct
};

// Coast guards warn each other by radio and loudspeaker every day
// (signalling); blocking and water cannon are rare, a collision rarer.
// Between warships and at fighter intercepts routine conduct dominates;
// harassment there is where fire-control radar locks and close passes come
// from, so its grave share is high.
GroupDefaults defaults_of(EncounterGroup g) {
  switch (g) {
    case EncounterGroup::surface_law:
      return {{0.55, 0.44, 0.01}, {0.05, 0.5, 5.0}, {{{0.02, 0.002}, {0.05, 0.005}, {0.4, 0.05}}}};
    case EncounterGroup::surface_naval:
      return {{0.90, 0.08, 0.02}, {0.05, 0.5, 5.0}, {{{0.02, 0.002}, {0.08, 0.02}, {0.3, 0.2}}}};
    case EncounterGroup::air_intercept:
      return {{0.93, 0.05, 0.02}, {0.05, 0.5, 5.0}, {{{0.03, 0.002}, {0.10, 0.02}, {0.5, 0.1}}}};
    case EncounterGroup::air_fighters:
      return {{0.88, 0.09, 0.03}, {0.05, 0.5, 5.0}, {{{0.03, 0.005}, {0.10, 0.05}, {0.4, 0.25}}}};
    case EncounterGroup::air_other:
      return {{0.97, 0.03, 0.00}, {0.05, 0.5, 5.0}, {{{0.01, 0.001}, {0.05, 0.005}, {0.2, 0.02}}}};
    case EncounterGroup::air_sea:
      return {{0.85, 0.12, 0.03}, {0.05, 0.5, 5.0}, {{{0.02, 0.002}, {0.10, 0.02}, {0.5, 0.1}}}};
  }
  return defaults_of(EncounterGroup::air_other);
}

// Posture's effect on conduct: a share of routine conduct turns to
// signalling (more warnings, more shows of force) while the rules of
// conduct tighten and harassment falls (docs/model.md).
constexpr std::array<double, kPostureCount> kRoutineToSignalling{0.0, 0.15, 0.30, 0.45};
constexpr std::array<double, kPostureCount> kHarassmentKept{1.0, 0.75, 0.5, 0.25};

}  // namespace

Shares conduct_at_posture(const Shares& at_posture_0, std::size_t posture) {
  if (posture == 0) return at_posture_0;
  const double harassment = at_posture_0[2] * kHarassmentKept[posture];
  const double routine_0 = at_posture_0[0];
  const double signalling =
      at_posture_0[1] + routine_0 * kRoutineToSignalling[posture] + (at_posture_0[2] - harassment);
  return {1.0 - signalling - harassment, signalling, harassment};
}

IncidentParameters default_incident_parameters() {
  IncidentParameters p;
  p.hazard_scale = defaults::kHazardScale;
  p.hazard_length_km = defaults::kHazardLengthKm;
  p.contact_km = defaults::kContactKm;
  p.posture_gain_max = defaults::kPostureGainMax;
  p.cooldown_s = defaults::kIncidentCooldownS;
  for (std::size_t a = 0; a < kRoleCount; ++a) {
    for (std::size_t b = 0; b < kRoleCount; ++b) {
      const GroupDefaults g = defaults_of(group_of(static_cast<Role>(a), static_cast<Role>(b)));
      const std::size_t pair = a * kRoleCount + b;
      for (std::size_t posture = 0; posture < kPostureCount; ++posture)
        p.conduct_share[pair][posture] = conduct_at_posture(g.at_posture_0, posture);
      for (std::size_t k = 0; k < kConductCount; ++k)
        p.hazard_per_s[pair][k] = g.hazard_per_h[k] / 3600.0;
      p.severity[pair] = g.severity;
    }
  }
  return p;
}

}  // namespace hotline::scenarios::detail
