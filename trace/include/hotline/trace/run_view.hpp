// What a viewer of one run needs from a trace file beyond its rows
// (reader.hpp): the sampled states of the run (/states/p<P>_r<R>), the
// platforms they are columns of (/agents), the map's zones (/zones,
// /zone_vertices, /zone_coast) and bases, and the name tables that decode
// event and status codes. `hotline replay` draws a run from these; every
// position is in the file's plane km (docs/trace-format.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hotline/trace/reader.hpp"

namespace hotline::trace {

struct SampledStates {
  double interval_s = 0.0;
  std::size_t agents = 0;
  std::vector<std::uint32_t> steps;  // per sample
  std::vector<double> time_s;        // per sample
  // [samples × agents], row after row.
  std::vector<float> x_km;
  std::vector<float> y_km;
  std::vector<float> heading_rad;
  std::vector<std::uint8_t> status;  // code in /platform_states
};

struct AgentRow {
  std::string nation;  // nation id
  std::string platform_class;
  std::string kind;  // ship, aircraft
  std::string role;
  std::string force;
  std::string name;
};

struct ZoneView {
  std::string id;
  std::string kind;
  std::string owner;  // nation id, or empty
  std::string shape;  // circle, polygon, land_belt
  double centre_x_km = 0.0;
  double centre_y_km = 0.0;
  double radius_km = 0.0;              // a circle's radius, a land belt's width
  std::vector<double> vertices_km;     // polygon: x, y, x, y, ...
  std::vector<double> coast_edges_km;  // land belt: x0, y0, x1, y1, ...
};

struct BaseRow {
  std::string id;
  std::string nation;
  double x_km = 0.0;
  double y_km = 0.0;
};

// The group of the run (policy index into /policies, replication), or ""
// if the file has no sampled states for it.
[[nodiscard]] std::string states_group(const TraceReader& trace, std::uint32_t policy,
                                       std::uint32_t replication);
// Reads a group `states_group` named. Throws TraceError if its datasets
// disagree in shape.
[[nodiscard]] SampledStates read_sampled_states(const TraceReader& trace, const std::string& group);
[[nodiscard]] std::vector<AgentRow> read_agents(const TraceReader& trace);
[[nodiscard]] std::vector<ZoneView> read_zones(const TraceReader& trace);
[[nodiscard]] std::vector<BaseRow> read_bases(const TraceReader& trace);
// A name table's `name` column (/event_types, /severities, /platform_states,
// /policies' ids are in identity()).
[[nodiscard]] std::vector<std::string> read_names(const TraceReader& trace,
                                                  const std::string& table);

}  // namespace hotline::trace
