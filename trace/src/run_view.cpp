#include "hotline/trace/run_view.hpp"

#include <fmt/format.h>

#include <array>
#include <cstring>

namespace hotline::trace {

namespace {

template <class T>
std::vector<T> as_values(const std::vector<std::byte>& bytes) {
  std::vector<T> values(bytes.size() / sizeof(T));
  if (!values.empty()) std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
  return values;
}

std::vector<double> f64_column(const TraceReader& trace, const std::string& table,
                               const std::string& column) {
  return hdf5::read_f64_column(trace.file(), table, column);
}

std::vector<std::uint32_t> u32_column(const TraceReader& trace, const std::string& table,
                                      const std::string& column) {
  return hdf5::read_u32_column(trace.file(), table, column);
}

std::vector<std::string> text_column(const TraceReader& trace, const std::string& table,
                                     const std::string& column) {
  return hdf5::read_text_column(trace.file(), table, column);
}

// A [samples × agents] matrix of the states group.
template <class T>
std::vector<T> state_matrix(const TraceReader& trace, const std::string& dataset,
                            hdf5::FieldType type, std::size_t agents, std::size_t samples) {
  return as_values<T>(hdf5::read_matrix_rows(trace.file(), dataset, type, agents, 0, samples));
}

}  // namespace

std::string states_group(const TraceReader& trace, std::uint32_t policy,
                         std::uint32_t replication) {
  const std::string group = fmt::format("states/p{}_r{}", policy, replication);
  return hdf5::exists(trace.file(), group) ? group : std::string();
}

SampledStates read_sampled_states(const TraceReader& trace, const std::string& group) {
  try {
    SampledStates states;
    const hdf5::File& file = trace.file();
    hdf5::Handle handle(H5Gopen2(file.id(), group.c_str(), H5P_DEFAULT), H5Gclose);
    states.interval_s = hdf5::read_double_attribute(file, handle.get(), "interval_s");
    states.steps = u32_column(trace, group + "/samples", "step");
    states.time_s = f64_column(trace, group + "/samples", "time_s");
    states.agents = read_agents(trace).size();
    const std::size_t samples = states.steps.size();
    states.x_km =
        state_matrix<float>(trace, group + "/x_km", hdf5::FieldType::f32, states.agents, samples);
    states.y_km =
        state_matrix<float>(trace, group + "/y_km", hdf5::FieldType::f32, states.agents, samples);
    states.heading_rad = state_matrix<float>(trace, group + "/heading_rad", hdf5::FieldType::f32,
                                             states.agents, samples);
    states.status = state_matrix<std::uint8_t>(trace, group + "/status", hdf5::FieldType::u8,
                                               states.agents, samples);
    return states;
  } catch (const hdf5::Error& e) {
    throw TraceError(trace.path(), fmt::format("{}: {}", group, e.what()));
  }
}

std::vector<AgentRow> read_agents(const TraceReader& trace) {
  const auto nation = text_column(trace, "agents", "nation");
  const auto platform_class = text_column(trace, "agents", "class");
  const auto kind = text_column(trace, "agents", "kind");
  const auto role = text_column(trace, "agents", "role");
  const auto force = text_column(trace, "agents", "force");
  const auto name = text_column(trace, "agents", "name");
  std::vector<AgentRow> agents(name.size());
  for (std::size_t i = 0; i < agents.size(); ++i) {
    agents[i] = {nation.at(i), platform_class.at(i), kind.at(i), role.at(i), force.at(i), name[i]};
  }
  return agents;
}

std::vector<ZoneView> read_zones(const TraceReader& trace) {
  const auto id = text_column(trace, "zones", "id");
  const auto kind = text_column(trace, "zones", "kind");
  const auto owner = text_column(trace, "zones", "owner");
  const auto shape = text_column(trace, "zones", "shape");
  const auto cx = f64_column(trace, "zones", "centre_x_km");
  const auto cy = f64_column(trace, "zones", "centre_y_km");
  const auto radius = f64_column(trace, "zones", "radius_km");
  std::vector<ZoneView> zones(id.size());
  for (std::size_t z = 0; z < zones.size(); ++z) {
    zones[z] = {id[z],    kind.at(z),   owner.at(z), shape.at(z), cx.at(z),
                cy.at(z), radius.at(z), {},          {}};
  }
  const auto vertex_zone = u32_column(trace, "zone_vertices", "zone");
  const auto vx = f64_column(trace, "zone_vertices", "x_km");
  const auto vy = f64_column(trace, "zone_vertices", "y_km");
  for (std::size_t v = 0; v < vertex_zone.size(); ++v) {
    auto& vertices = zones.at(vertex_zone[v]).vertices_km;
    vertices.insert(vertices.end(), {vx.at(v), vy.at(v)});
  }
  const auto coast_zone = u32_column(trace, "zone_coast", "zone");
  const std::array<std::vector<double>, 4> ends{
      f64_column(trace, "zone_coast", "x0_km"), f64_column(trace, "zone_coast", "y0_km"),
      f64_column(trace, "zone_coast", "x1_km"), f64_column(trace, "zone_coast", "y1_km")};
  for (std::size_t e = 0; e < coast_zone.size(); ++e) {
    auto& edges = zones.at(coast_zone[e]).coast_edges_km;
    for (const auto& column : ends)
      edges.push_back(column.at(e));
  }
  return zones;
}

std::vector<BaseRow> read_bases(const TraceReader& trace) {
  const auto id = text_column(trace, "bases", "id");
  const auto nation = text_column(trace, "bases", "nation");
  const auto x = f64_column(trace, "bases", "x_km");
  const auto y = f64_column(trace, "bases", "y_km");
  std::vector<BaseRow> bases(id.size());
  for (std::size_t b = 0; b < bases.size(); ++b)
    bases[b] = {id[b], nation.at(b), x.at(b), y.at(b)};
  return bases;
}

std::vector<std::string> read_names(const TraceReader& trace, const std::string& table) {
  return text_column(trace, table, "name");
}

}  // namespace hotline::trace
