// The parameters of encounters, incidents and escalation (docs/model.md,
// "Encounters and incidents" and "Perception, tension, escalation"), in the
// engine's units: km, s and events per second.
#pragma once

#include <array>
#include <cstddef>

#include "hotline/agents/platforms.hpp"

namespace hotline::agents {

// unsafe, dangerous, grave: probabilities summing to 1, or weights.
struct SeverityTriple {
  double unsafe = 0.0;
  double dangerous = 0.0;
  double grave = 0.0;
  bool operator==(const SeverityTriple&) const = default;
};

struct EncounterParameters {
  // range_km[kind_a * 2 + kind_b], symmetric (ship = 0, aircraft = 1).
  std::array<double, kPlatformKindCount * kPlatformKindCount> range_km{};
  double end_factor = 0.0;  // an encounter ends beyond end_factor * range
  // An aircraft meets a ship only below this altitude (a low pass); between
  // aircraft the range is three-dimensional.
  double low_pass_altitude_km = 0.0;
  bool operator==(const EncounterParameters&) const = default;
};

struct IncidentParameters {
  // Per unordered role pair, indexed [role_a * kRoleCount + role_b], symmetric.
  std::array<double, kRoleCount * kRoleCount> rate_per_s{};
  std::array<SeverityTriple, kRoleCount * kRoleCount> severity_mix{};
  double cooldown_s = 0.0;
  SeverityTriple severity_weight;
  std::array<double, 4> posture_multiplier{};  // g(posture), postures 0..3
  bool operator==(const IncidentParameters&) const = default;
};

// Perception, tension and escalation (docs/model.md). Levels L0..L3 follow from
// tension by the thresholds; L4 (armed clash) only from a clash event.
struct EscalationParameters {
  double report_delay_median_s = 0.0;  // lognormal delay until a side hears of an incident
  double report_delay_sigma = 0.0;
  double perceived_deliberate = 0.0;  // m: probability an incident is seen as deliberate
  double accidental_factor = 0.0;     // share of the severity weight added if seen as accidental
  double tension_half_life_s = 0.0;
  std::array<double, 3> level_thresholds{};  // tension at which L1, L2, L3 begin
  double retaliation_probability = 0.0;      // r, at L3 after a grave incident
  double retaliation_contact_factor = 0.0;   // r multiplier after a recent contact
  double clarification_window_s = 0.0;
  bool stop_at_first_clash = false;
  // How a nation's posture (0..3) changes its missions: the standoff at
  // which its alert aircraft and respond ships shadow, and the launch rate
  // of its sorties, are multiplied by these.
  std::array<double, 4> standoff_multiplier{1.0, 1.0, 1.0, 1.0};
  std::array<double, 4> sortie_rate_multiplier{1.0, 1.0, 1.0, 1.0};
  bool operator==(const EscalationParameters&) const = default;
};

}  // namespace hotline::agents
