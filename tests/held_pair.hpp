// Pieces of the small scenarios the model tests build in YAML: a blue and a
// red coast-guard cutter that loiter within 50 m of one point, so that they
// are in one encounter for the whole run.
#pragma once

namespace hotline::test {

// The scenario's head: name, frame and a one-minute step.
inline constexpr const char* kHeldPairHead =
    "name: held pair\n"
    "frame: {centre: {lat: 25.0, lon: 125.0}}\n"
    "time: {dt: 1 min}\n";

// The cutter class (an entry of `classes`).
inline constexpr const char* kCutterClass =
    "  - {id: cutter, kind: ship, role: coast_guard, cruise_speed: 1 kn, max_speed: 2 kn,\n"
    "     sensor_range: 1 km}\n";

// The two held cutters, of nations blue and red (entries of `forces`).
inline constexpr const char* kHeldCutters =
    "  - {id: b, nation: blue, class: cutter, count: 1,\n"
    "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 50 m}}\n"
    "  - {id: r, nation: red, class: cutter, count: 1,\n"
    "     mission: {type: loiter, around: {lat: 25.0, lon: 125.0}, radius: 50 m}}\n";

// Blue and red as rivals (the `nations` entries).
inline constexpr const char* kBlueRedRivals =
    "  - {id: blue, relations: {red: rival}}\n"
    "  - {id: red, relations: {blue: rival}}\n";

}  // namespace hotline::test
