// Scenario files → a validated, immutable Scenario.
//
// A Scenario is everything a run needs to know about a region, its forces and
// the policies to compare, with every default filled in and every quantity in
// the engine's units (km, km/s, s, rad, 1/s). It is built only by loading and
// validating a file; a file with any problem is rejected whole with a
// ScenarioError listing every problem with its file, line, column and key
// path. The engine never sees YAML.
//
// Being built under issue 3: so far the name, the geographic frame, time,
// nations with their relations, zones, named points, bases, platform
// classes, and the encounter, incident and escalation parameters.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/scenarios/diagnostics.hpp"

namespace hotline::scenarios {

struct GeoPoint {
  double lat_deg = 0.0;
  double lon_deg = 0.0;
};

// Positions are projected to a plane in km about the centre.
struct Frame {
  GeoPoint centre;
};

struct TimeSettings {
  double dt_s = 0.0;       // the fixed time step
  double horizon_s = 0.0;  // how long a replication runs
};

// How two nations stand. Every rival pair is a dyad with its own tension.
enum class Relation : std::uint8_t { neutral, ally, rival };
[[nodiscard]] std::string_view relation_name(Relation relation);

struct Nation {
  std::string id;    // lower-case identifier, unique: "japan"
  std::string name;  // for people: "Japan"
};

enum class ZoneKind : std::uint8_t {
  territorial_sea,
  contiguous_zone,
  adiz,
  eez,
  patrol_area,
  exercise_area,
  fishing_ground,
};
[[nodiscard]] std::string_view zone_kind_name(ZoneKind kind);

// A zone is a circle (centre and radius) or a polygon of lat/lon vertices,
// at least three, not crossing itself; `owner` is a nation index or none.
struct Zone {
  std::string id;
  ZoneKind kind = ZoneKind::patrol_area;
  std::optional<std::size_t> owner;
  bool is_circle = true;
  GeoPoint centre;                 // circle
  double radius_km = 0.0;          // circle
  std::vector<GeoPoint> vertices;  // polygon, in the order written
};

struct NamedPoint {
  std::string id;
  GeoPoint at;
};

struct Base {
  std::string id;
  std::size_t nation = 0;
  GeoPoint at;
};

enum class PlatformKind : std::uint8_t { ship, aircraft };
enum class Role : std::uint8_t {
  warship,
  coast_guard,
  militia,
  fishing,
  fighter,
  patrol,
  bomber,
  uav,
  balloon,
};
[[nodiscard]] std::string_view platform_kind_name(PlatformKind kind);
[[nodiscard]] std::string_view role_name(Role role);
// Ship roles are warship, coast_guard, militia and fishing; the others fly.
[[nodiscard]] PlatformKind kind_of_role(Role role);

// A type of ship or aircraft. Speeds in km/s, ranges in km, times in s.
// Endurance and turnaround are for aircraft (0 for ships: unlimited, none).
struct PlatformClass {
  std::string id;
  PlatformKind kind = PlatformKind::ship;
  Role role = Role::warship;
  double cruise_speed_km_s = 0.0;
  double max_speed_km_s = 0.0;
  double sensor_range_km = 0.0;
  double endurance_s = 0.0;
  double turnaround_s = 0.0;
};

inline constexpr std::size_t kRoleCount = 9;
inline constexpr std::size_t kPlatformKindCount = 2;

// unsafe, dangerous, grave: probabilities summing to 1, or weights.
struct SeverityTriple {
  double unsafe = 0.0;
  double dangerous = 0.0;
  double grave = 0.0;
};

struct EncounterParameters {
  // range_km[kind_a * 2 + kind_b], symmetric (ship = 0, aircraft = 1).
  std::array<double, kPlatformKindCount * kPlatformKindCount> range_km{};
  double end_factor = 0.0;  // an encounter ends beyond end_factor * range
};

struct IncidentParameters {
  // Per unordered role pair, indexed [role_a * kRoleCount + role_b], symmetric.
  std::array<double, kRoleCount * kRoleCount> rate_per_s{};
  std::array<SeverityTriple, kRoleCount * kRoleCount> severity_mix{};
  double cooldown_s = 0.0;
  SeverityTriple severity_weight;
  std::array<double, 4> posture_multiplier{};  // g(posture), postures 0..3
};

// Perception, tension and escalation (MODEL.md). Levels L0..L3 follow from
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
};

struct Scenario {
  std::string name;
  Frame frame;
  TimeSettings time;
  std::vector<Nation> nations;
  // relations[a * nations.size() + b]; symmetric; neutral on the diagonal.
  std::vector<Relation> relations;
  std::vector<Zone> zones;
  std::vector<NamedPoint> points;
  std::vector<Base> bases;
  std::vector<PlatformClass> classes;
  EncounterParameters encounters;
  IncidentParameters incidents;
  EscalationParameters escalation;

  [[nodiscard]] std::optional<std::size_t> nation_index(std::string_view id) const;
  [[nodiscard]] Relation relation(std::size_t a, std::size_t b) const {
    return relations[a * nations.size() + b];
  }
};

// Loads and validates YAML text; `file` names it in diagnostics. Throws
// ScenarioError with every problem found.
[[nodiscard]] Scenario load_scenario_text(std::string_view yaml, const std::string& file);
// Reads and loads a file; an unreadable file is a ScenarioError too.
[[nodiscard]] Scenario load_scenario_file(const std::string& path);

}  // namespace hotline::scenarios
