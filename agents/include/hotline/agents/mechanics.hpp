// The parameters of encounters, incidents and the command layer
// (docs/model.md, "Encounters and incidents", "Hostility, levels and crisis
// episodes" and "The command layer"), in the engine's units: km, s and
// events per second.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "hotline/agents/platforms.hpp"

namespace hotline::agents {

struct EncounterParameters {
  // range_km[kind_a * 2 + kind_b], symmetric (ship = 0, aircraft = 1).
  std::array<double, kPlatformKindCount * kPlatformKindCount> range_km{};
  double end_factor = 0.0;  // an encounter ends beyond end_factor * range
  // An aircraft meets a ship only below this altitude (a low pass); between
  // aircraft the range is three-dimensional.
  double low_pass_altitude_km = 0.0;
  bool operator==(const EncounterParameters&) const = default;
};

// How an encounter is conducted, by the orders of the platforms in it
// (docs/model.md, "Tactical incidents").
enum class Conduct : std::uint8_t { routine, signalling, harassment };
inline constexpr std::size_t kConductCount = 3;
[[nodiscard]] std::string_view conduct_name(Conduct conduct);

inline constexpr std::size_t kPostureCount = 4;  // postures 0..3
inline constexpr std::size_t kRolePairCount = kRoleCount * kRoleCount;

// The chance that an incident is dangerous, or grave; unsafe otherwise.
struct SeverityOdds {
  double dangerous = 0.0;
  double grave = 0.0;
  bool operator==(const SeverityOdds&) const = default;
};

// The incident layer. Tables are per unordered role pair, indexed
// [role_a * kRoleCount + role_b] and symmetric. An encounter's hazard is
// lambda(conduct) * h(separation) * G(posture): h(d) = exp(-d / hazard_length)
// and 1 below contact distance; G = 1 + (gain_max - 1) * max(p_a, p_b) / 3.
struct IncidentParameters {
  // Shares of routine, signalling and harassment (summing to 1), by posture.
  using ConductShares = std::array<double, kConductCount>;
  std::array<std::array<ConductShares, kPostureCount>, kRolePairCount> conduct_share{};
  std::array<std::array<double, kConductCount>, kRolePairCount> hazard_per_s{};
  std::array<std::array<SeverityOdds, kConductCount>, kRolePairCount> severity{};
  double hazard_scale = 1.0;  // every hazard times this (the calibrated knob)
  double hazard_length_km = 0.0;
  double contact_km = 0.0;
  double posture_gain_max = 1.0;
  double cooldown_s = 0.0;
  bool operator==(const IncidentParameters&) const = default;
};

// Perception of an incident report (docs/model.md, "Perception and
// hostility"): each side hears of it after a lognormal delay and judges it
// deliberate with probability m = logistic(base + harassment·[harassment] +
// hostility·H − on_scene_link·[link active] − announced·[inside an
// announced exercise]).
struct PerceptionParameters {
  double report_delay_median_s = 0.0;
  double report_delay_sigma = 0.0;
  double base = 0.0;
  double harassment = 0.0;
  double hostility = 0.0;
  double on_scene_link = 0.0;
  double announced_exercise = 0.0;
  bool operator==(const PerceptionParameters&) const = default;
};

// The bounded hostility of a dyad (DyadHostility): H in [0, 1) relaxes
// towards its political baseline H0(t) with time constant relax_time; each
// report moves it a share of the way to 1.
struct HostilityParameters {
  double relax_time_s = 30.0 * 86400.0;                   // tau
  std::array<double, 3> report_share{0.005, 0.03, 0.15};  // unsafe, dangerous, grave: deliberate
  double accidental_factor = 0.3;                         // a report judged accidental moves H less
  double shock_size = 0.3;                                // a political shock raises H0 by this
  double shock_relax_time_s = 90.0 * 86400.0;             // and it relaxes over this
  std::array<double, 3> enter{0.25, 0.45, 0.65};          // L1, L2, L3
  std::array<double, 3> leave{0.20, 0.35, 0.55};          // each below its entry
  double min_dwell_s = 3.0 * 86400.0;                     // before a level is left downwards
  double episode_quiet_s = 14.0 * 86400.0;                // below L1's exit, to end an episode
  bool operator==(const HostilityParameters&) const = default;
};

// One rival dyad's political setting: its baseline H0, the rate of political
// shocks, and how a run starts (a crisis in progress: hostility and a shock
// already there, a grave incident just reported).
struct DyadSetting {
  std::size_t nation_a = 0;  // nation_a < nation_b
  std::size_t nation_b = 0;
  double baseline = 0.0;
  double shock_rate_per_s = 0.0;
  double initial_hostility = 0.0;
  double initial_shock = 0.0;  // H0 above the baseline at the start, relaxing
  bool opening_grave_incident = false;
  bool operator==(const DyadSetting&) const = default;
};

// Political decisions at decision epochs (docs/model.md, "Political
// decisions"): P(a) ∝ exp(beta·U(a)), U(hold) = 0,
// U(use force) = resolve + provocation·[a grave incident seen as deliberate]
//                + hostility_weight·H − war_cost·restraint[level],
// U(de-escalate) = deescalate_base + deescalate_per_crisis_day·(days in
//                  crisis) + deescalate_after_call·[a call connected within
//                  the clarification window].
struct DecisionParameters {
  double beta = 0.0;
  double resolve = 0.0;
  double provocation = 0.0;
  double hostility_weight = 0.0;
  double war_cost = 0.0;
  std::array<double, 5> restraint{};  // c(level), L0..L4, growing with the level
  double deescalate_base = 0.0;
  double deescalate_per_crisis_day = 0.0;
  double deescalate_after_call = 0.0;
  double deescalate_factor = 0.0;  // de-escalating multiplies H by (1 − factor)
  double epoch_interval_s = 0.0;   // daily epochs while the dyad is at L2 or above
  bool operator==(const DecisionParameters&) const = default;
};

// What an armed clash becomes: a contained skirmish (L4 for a while, then
// L3) or, with war_probability, war, which ends the dyad's run.
struct OutcomeParameters {
  double skirmish_duration_s = 0.0;
  double war_probability = 0.0;
  bool operator==(const OutcomeParameters&) const = default;
};

// The command layer's parameters.
struct EscalationParameters {
  PerceptionParameters perception;
  HostilityParameters hostility;
  std::vector<DyadSetting> dyads;  // one per rival dyad, WorldSpec::dyads() order
  DecisionParameters decisions;
  OutcomeParameters outcomes;
  double clarification_window_s = 0.0;  // after a connected hotline call
  bool stop_at_first_clash = false;
  // How a nation's posture (0..3) changes its missions: the standoff at
  // which its alert aircraft and respond ships shadow, and the launch rate
  // of its sorties, are multiplied by these.
  std::array<double, 4> standoff_multiplier{1.0, 1.0, 1.0, 1.0};
  std::array<double, 4> sortie_rate_multiplier{1.0, 1.0, 1.0, 1.0};
  bool operator==(const EscalationParameters&) const = default;
};

}  // namespace hotline::agents
