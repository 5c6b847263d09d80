// Every default a scenario may leave out, in one place (the model's numbers).
// docs/scenario-reference.md lists the same values; `hotline validate
// --explain` writes them out.
#pragma once

namespace hotline::scenarios::defaults {

inline constexpr double kTimeStepS = 60.0;  // time.dt
inline constexpr double kLandCellKm = 2.0;  // geography.land_cell
// zones[].from_land.distance by kind: 12 and 24 nautical miles (UNCLOS
// articles 3 and 33).
inline constexpr double kTerritorialSeaKm = 12 * 1.852;
// presence missions' entries: the log-standard deviation of the time inside
// (median given): hours mostly, now and then days.
inline constexpr double kEntryDwellSigma = 1.0;
inline constexpr double kContiguousZoneKm = 24 * 1.852;
inline constexpr double kHorizonS = 30.0 * 86400.0;  // time.horizon

// encounters: range by kind pair, and the hysteresis factor for the end.
inline constexpr double kShipShipRangeKm = 5.0;
inline constexpr double kAircraftAircraftRangeKm = 10.0;
inline constexpr double kAircraftShipRangeKm = 5.0;
inline constexpr double kEncounterEndFactor = 1.2;
inline constexpr double kLowPassAltitudeKm = 1.5;  // encounters.low_pass_altitude

// classes: an aircraft's altitudes (cruise, patrol, low pass) and ceiling by
// role, km, where the class does not give them: typical figures for the
// type of aircraft (docs/scenario-reference.md).
struct AircraftAltitudes {
  double cruise_km;
  double patrol_km;
  double low_pass_km;
  double ceiling_km;
};
inline constexpr AircraftAltitudes kFighterAltitudes{9.0, 7.5, 0.3, 18.0};
inline constexpr AircraftAltitudes kPatrolAltitudes{7.5, 2.0, 0.2, 10.0};
inline constexpr AircraftAltitudes kBomberAltitudes{9.0, 9.0, 0.5, 13.0};
inline constexpr AircraftAltitudes kUavAltitudes{6.0, 4.5, 0.8, 9.0};
inline constexpr AircraftAltitudes kBalloonAltitudes{18.0, 18.0, 18.0, 30.0};

// incidents: hazard per encounter-hour for every role pair, cooldown per
// pair, severity mix (unsafe, dangerous, grave) and weights, and g(posture)
// for postures 0..3.
inline constexpr double kIncidentRatePerS = 0.02 / 3600.0;
inline constexpr double kIncidentCooldownS = 30.0 * 60.0;
inline constexpr double kSeverityMix[3] = {0.64, 0.28, 0.08};
inline constexpr double kSeverityWeights[3] = {1.0, 3.0, 10.0};
inline constexpr double kPostureMultipliers[4] = {1.0, 1.5, 2.5, 4.0};

// escalation: incident reports, perception, tension, levels, retaliation.
inline constexpr double kReportDelayMedianS = 10.0 * 60.0;  // lognormal median
inline constexpr double kReportDelaySigma = 1.0;            // lognormal sigma
inline constexpr double kPerceivedDeliberate = 0.5;         // m
inline constexpr double kAccidentalFactor = 0.3;            // tension added if seen as accidental
inline constexpr double kTensionHalfLifeS = 7.0 * 86400.0;
inline constexpr double kLevelThresholds[3] = {1.0, 5.0, 15.0};  // L1, L2, L3 from T
inline constexpr double kRetaliationProbability = 0.3;           // r
inline constexpr double kRetaliationContactFactor = 0.2;         // r multiplier after a contact
inline constexpr double kClarificationWindowS = 6.0 * 3600.0;
inline constexpr bool kStopAtFirstClash = false;
// Posture's effect on missions (the model names the effects, not the numbers;
// these are ours, docs/scenario-reference.md): shadowing closes in, sorties
// come more often, up to twice as often at posture 3.
inline constexpr double kPostureStandoff[4] = {1.0, 0.75, 0.5, 0.25};
inline constexpr double kPostureSortieRate[4] = {1.0, 1.25, 1.5, 2.0};

// missions (the model gives no numbers; these are ours, in
// docs/scenario-reference.md).
inline constexpr double kPatrolDwellS = 60.0 * 60.0;  // pause at each patrol waypoint
inline constexpr double kRouteDwellS = 0.0;
inline constexpr bool kRouteLoop = true;
inline constexpr double kSwarmRadiusKm = 10.0;
inline constexpr int kSwarmFromPosture = 2;
inline constexpr double kAlertStandoffKm = 2.0;  // fighters shadow an intruder at about 1 nmi
inline constexpr double kAlertShadowS = 30.0 * 60.0;
inline constexpr double kRespondStandoffKm = 2.0;  // coast guard shadows at about 1 nmi
inline constexpr double kRespondShadowS = 6.0 * 3600.0;

// policies
inline constexpr double kHotlineAnswerProbability = 0.5;  // p_answer, at every level
inline constexpr double kHotlineAnswerDelayMedianS = 3.0 * 3600.0;
inline constexpr double kHotlineAnswerDelaySigma = 1.0;
inline constexpr double kHotlineRetryIntervalS = 2.0 * 3600.0;
inline constexpr unsigned kHotlineMaxRetries = 3;
inline constexpr double kHotlineEffect = 0.4;
inline constexpr double kDirectLinkReduction = 0.3;
inline constexpr double kDirectLinkClarity = 0.5;
inline constexpr double kCuesAdherence = 0.8;
inline constexpr double kCuesReduction = 0.5;
inline constexpr double kNotificationClarity = 0.8;
inline constexpr double kDialoguePeriodS = 30.0 * 86400.0;
inline constexpr double kDialogueEffect = 0.2;
inline constexpr bool kDialogueRelay = true;

// output
inline constexpr double kStateIntervalS = 0.0;  // no sampled states unless asked
inline constexpr double kTensionIntervalS = 3600.0;

}  // namespace hotline::scenarios::defaults
