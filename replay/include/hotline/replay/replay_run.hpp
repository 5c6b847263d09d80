// One run of a trace file as the replay page shows it: the sampled states
// of its platforms, its events and hostility, and the map they move on —
// the coastline of the scenario's land, its zones and bases, a graticule of
// latitude and longitude — all in the trace's plane km. Read here from the
// file (trace/run_view.hpp) and the scenario it recorded; packed and written
// as a page by replay_page.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hotline/agents/projection.hpp"
#include "hotline/trace/reader.hpp"
#include "hotline/trace/run_view.hpp"

namespace hotline::replay {

// A trace that cannot be replayed as asked (no sampled states, no such run):
// a refusal, exit 2 at the command line. what() says what to do instead.
class ReplayRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A polyline in plane km: x, y, x, y, ...
using Polyline = std::vector<double>;

// A parallel or meridian across the map. Lines come at several spacings
// (5°, 1°, 0.25°); the page draws the finest that stays legible at its zoom.
struct GraticuleLine {
  double value_deg = 0.0;  // the latitude or longitude it keeps
  double spacing_deg = 0.0;
  bool is_latitude = false;
  Polyline points_km;
};

struct ReplayRun {
  std::string trace_path;
  std::string scenario_name;
  std::string policy_id;
  std::uint32_t policy = 0;  // index into the file's /policies
  std::uint32_t replication = 0;
  std::uint64_t seed = 0;
  double dt_s = 0.0;
  double days = 0.0;  // simulated (a run stopped by war is shorter than asked)

  trace::SampledStates states;
  std::vector<trace::AgentRow> agents;
  std::vector<std::string> nation_ids;
  std::vector<std::string> nation_names;
  std::vector<std::string> dyad_names;  // "a-b"
  std::vector<std::string> event_types;
  std::vector<std::string> severities;
  std::vector<std::string> platform_states;
  std::vector<trace::EventRow> events;  // this run's, in step order
  std::vector<float> hostility;         // [samples × dyads]
  double hostility_interval_s = 0.0;
  std::vector<trace::ZoneView> zones;
  std::vector<trace::BaseRow> bases;

  agents::ProjectionParameters projection;
  // The map's extent: every sampled position, base and zone, with a margin.
  agents::PlanePoint extent_lo;
  agents::PlanePoint extent_hi;
  std::vector<Polyline> land;       // the land clipped to the scenario's bounds: closed rings
  std::vector<Polyline> coastline;  // the land's coast, edge chains (no clipping sides)
  std::string coastline_note;       // why there is none, if there is none
  std::vector<GraticuleLine> graticule;
};

// What to replay: a run file holds one run; a file with several names it.
struct RunChoice {
  std::optional<std::uint32_t> point;  // an experiment's design point
  std::optional<std::string> policy_id;
  std::optional<std::uint32_t> replication;
};

// Reads the run `choice` names from `trace`. Throws ReplayRefused when the
// file has no sampled states for it (saying how to make them), when the
// choice names no run of the file, or when a file of several runs was given
// no choice; trace::TraceError when the file is damaged.
[[nodiscard]] ReplayRun read_replay_run(const trace::TraceReader& trace, const RunChoice& choice);

}  // namespace hotline::replay
