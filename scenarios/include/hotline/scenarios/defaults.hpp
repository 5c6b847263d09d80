// Every default a scenario may leave out, in one place (the model's numbers).
// docs/scenario-reference.md lists the same values; `hotline validate
// --explain` writes them out.
#pragma once

#include <cstdint>

namespace hotline::scenarios::defaults {

// Limits on what a scenario may ask of one run, checked when it is read, so
// that what `hotline validate` accepts a run can do (docs/scenario-reference.md):
// all forces together, and the steps of the horizon (horizon / dt).
inline constexpr std::uint64_t kMaxPlatforms = 20'000'000;
inline constexpr std::uint64_t kMaxStepsPerRun = 100'000'000;
// The largest magnitude of a quantity after conversion, by dimension: half
// the Earth's circumference, far above any vehicle's speed, a million days
// (a time constant that means "never" is written as a long one), a
// thousand events a second, ten turns. Anything beyond is a typo or an
// attack, and would overflow or never finish.
inline constexpr double kMaxLengthKm = 20'037.5;
inline constexpr double kMaxSpeedKmS = 100.0;
inline constexpr double kMaxDurationS = 1.0e6 * 86400.0;
inline constexpr double kMaxRatePerS = 1000.0;
inline constexpr double kMaxAngleRad = 20.0 * 3.141592653589793;

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

// incidents (model version 2): the hazard's fall with separation, the
// shared posture gain, the cooldown per pair. The tables by role pair
// (conduct shares, hazard by conduct, severity odds) are in
// default_incident_parameters() (incident_defaults.cpp) and
// docs/scenario-reference.md.
inline constexpr double kHazardLengthKm = 0.5;  // h(d) = exp(-d / 0.5 km)
inline constexpr double kContactKm = 0.1;       // h = 1 closer than this
inline constexpr double kPostureGainMax = 3.0;  // G at posture 3
inline constexpr double kIncidentCooldownS = 30.0 * 60.0;
// Every lambda(conduct) times this: calibrated on east_china_sea_2023 to the
// Japan–China record of dangerous and grave incidents (docs/calibration.md),
// and the model's value everywhere unless a scenario sets its own.
inline constexpr double kHazardScale = 0.016;

// escalation: perception of incident reports.
inline constexpr double kReportDelayMedianS = 10.0 * 60.0;  // lognormal median
inline constexpr double kReportDelaySigma = 1.0;            // lognormal sigma
// m = logistic(base + harassment·[harassment] + hostility·H): 0.5 for
// signalling at H = 0.2.
inline constexpr double kPerceptionBase = -1.0;
inline constexpr double kPerceptionHarassment = 2.0;
inline constexpr double kPerceptionHostility = 5.0;
// hostility: the political baseline H0 of every rival dyad unless the dyad
// sets its own, and its shocks (a Poisson process per dyad).
inline constexpr double kHostilityBaseline = 0.1;
inline constexpr double kShockRatePerS = 0.15 / (365.0 * 86400.0);
// decisions (docs/model.md, "Political decisions": P(use force | grave
// incident seen as deliberate, L3, H = 0.7) is about 1%).
inline constexpr double kDecisionBeta = 1.0;
inline constexpr double kDecisionResolve = -19.5;
inline constexpr double kDecisionProvocation = 4.5;
inline constexpr double kDecisionHostilityWeight = 20.0;
inline constexpr double kDecisionWarCost = 1.0;
inline constexpr double kDecisionRestraint[5] = {0.5, 1.0, 1.5, 3.5, 6.0};  // c(L0..L4)
inline constexpr double kDeescalateBase = -3.0;
inline constexpr double kDeescalatePerCrisisDay = 0.02;
inline constexpr double kDeescalateAfterCall = 2.0;
inline constexpr double kDeescalateFactor = 0.15;  // H × (1 − 0.15)
inline constexpr double kEpochIntervalS = 86400.0;
// outcomes
inline constexpr double kSkirmishDurationS = 7.0 * 86400.0;
inline constexpr double kWarProbability = 0.1;
inline constexpr double kClarificationWindowS = 24.0 * 3600.0;
inline constexpr bool kStopAtFirstClash = false;
// Posture's effect on missions (the model names the effects, not the numbers;
// these are ours, docs/scenario-reference.md): orders widen the standoff of
// routine shadowing (a de-escalatory effect) while sorties come more often,
// up to twice as often at posture 3.
inline constexpr double kPostureStandoff[4] = {1.0, 1.25, 1.5, 2.0};
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
inline constexpr double kHotlineAnswerProbability[5] = {0.5, 0.5, 0.3, 0.3, 0.3};  // by level
inline constexpr double kHotlineAnswerDelayMedianS = 3.0 * 3600.0;
inline constexpr double kHotlineAnswerDelaySigma = 1.0;
inline constexpr double kHotlineRetryIntervalS = 2.0 * 3600.0;
inline constexpr unsigned kHotlineMaxRetries = 3;
inline constexpr double kHotlineForceWeightKept = 0.2;  // weight of using force × (1 − 0.8)
inline constexpr bool kHotlineJointDeescalation = true;
inline constexpr double kDirectLinkReduction = 0.5;
inline constexpr double kDirectLinkDeliberateShift = 1.5;
inline constexpr double kCuesAdherence[4] = {0.8, 0.7, 0.5, 0.3};  // q by posture
inline constexpr double kNotificationDeliberateShift = 1.5;
inline constexpr double kNotificationResponseDamping = 0.5;
inline constexpr double kDialoguePeriodS = 90.0 * 86400.0;
inline constexpr double kDialogueBaselineCut = 0.01;
inline constexpr double kDialogueBaselineCutMax = 0.05;
inline constexpr double kDialogueRestraintGain = 0.05;
inline constexpr double kDialogueRestraintGainMax = 0.5;
inline constexpr bool kDialogueRelay = true;

// output
inline constexpr double kStateIntervalS = 0.0;  // no sampled states unless asked
inline constexpr double kHostilityIntervalS = 3600.0;

}  // namespace hotline::scenarios::defaults
