// The run's JSON block: everything the page shows except the packed states
// (docs/replay.md, "The page's data"). Tables are written as columns
// (arrays of numbers), not as arrays of objects: a month's events are tens
// of thousands of rows.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "hotline/analysis/json_text.hpp"
#include "hotline/replay/replay_page.hpp"

namespace hotline::replay {

namespace {

// JSON text, appended piece by piece.
class Json {
 public:
  std::string text;

  void key(std::string_view name) {
    comma();
    text += '"';
    text += analysis::json_escaped(name);
    text += "\":";
    fresh_ = true;  // the value takes no comma
  }
  void string(std::string_view value) {
    comma();
    text += '"';
    text += analysis::json_escaped(value);
    text += '"';
  }
  void number(double value) {
    comma();
    text += analysis::json_number(value);
  }
  // A number rounded to `decimals` places (positions to 10 m, hostility to
  // 1e-4): what the page can show, at a third of the text.
  void rounded(double value, int decimals) {
    comma();
    if (!std::isfinite(value)) {
      text += "null";
      return;
    }
    const double scale = std::pow(10.0, decimals);
    text += analysis::json_number(std::round(value * scale) / scale);
  }
  // A member: "name": "text", or "name": km to 10 m.
  void text_member(std::string_view name, std::string_view value) {
    key(name);
    string(value);
  }
  void km_member(std::string_view name, double value_km) {
    key(name);
    rounded(value_km, 2);
  }
  void boolean(bool value) {
    comma();
    text += value ? "true" : "false";
  }
  void open(char bracket) {
    comma();
    text += bracket;
    fresh_ = true;
  }
  void close(char bracket) {
    text += bracket;
    fresh_ = false;
  }

  template <class T, class F>
  void array(const std::vector<T>& values, F&& write) {
    open('[');
    for (const T& v : values)
      write(v);
    close(']');
  }
  void strings(const std::vector<std::string>& values) {
    array(values, [this](const std::string& s) { string(s); });
  }
  void polyline(const std::vector<double>& points_km) {
    array(points_km, [this](double v) { rounded(v, 2); });
  }

 private:
  void comma() {
    if (!fresh_) text += ',';
    fresh_ = false;
  }
  bool fresh_ = true;
};

// Distinct values in first-seen order, and each row's index among them.
struct Coded {
  std::vector<std::string> names;
  std::vector<double> codes;
};

template <class F>
Coded coded(const std::vector<trace::AgentRow>& agents, F&& field) {
  Coded out;
  std::map<std::string, std::size_t> index;
  for (const trace::AgentRow& a : agents) {
    const std::string& value = field(a);
    auto [at, added] = index.try_emplace(value, out.names.size());
    if (added) out.names.push_back(value);
    out.codes.push_back(static_cast<double>(at->second));
  }
  return out;
}

void write_coded(Json& j, std::string_view names_key, std::string_view codes_key, const Coded& c) {
  j.key(names_key);
  j.strings(c.names);
  j.key(codes_key);
  j.array(c.codes, [&](double v) { j.number(v); });
}

void write_agents(Json& j, const ReplayRun& run) {
  j.key("agents");
  j.open('{');
  j.key("count");
  j.number(static_cast<double>(run.agents.size()));
  std::vector<double> nation;
  for (const trace::AgentRow& a : run.agents) {
    const auto at = std::find(run.nation_ids.begin(), run.nation_ids.end(), a.nation);
    nation.push_back(static_cast<double>(at - run.nation_ids.begin()));
  }
  j.key("nation");
  j.array(nation, [&](double v) { j.number(v); });
  write_coded(j, "roles", "role", coded(run.agents, [](const auto& a) { return a.role; }));
  write_coded(j, "kinds", "kind", coded(run.agents, [](const auto& a) { return a.kind; }));
  write_coded(j, "classes", "class",
              coded(run.agents, [](const auto& a) { return a.platform_class; }));
  j.key("name");
  j.array(run.agents, [&](const trace::AgentRow& a) { j.string(a.name); });
  j.close('}');
}

template <class F>
void event_column(Json& j, std::string_view name, const ReplayRun& run, F&& value) {
  j.key(name);
  j.array(run.events, [&](const trace::EventRow& e) { j.number(static_cast<double>(value(e))); });
}

void write_events(Json& j, const ReplayRun& run) {
  j.key("events");
  j.open('{');
  event_column(j, "t", run, [](const auto& e) { return e.time_s; });
  event_column(j, "type", run, [](const auto& e) { return e.type; });
  event_column(j, "a", run, [](const auto& e) { return e.agent_a; });
  event_column(j, "b", run, [](const auto& e) { return e.agent_b; });
  event_column(j, "na", run, [](const auto& e) { return e.nation_a; });
  event_column(j, "nb", run, [](const auto& e) { return e.nation_b; });
  event_column(j, "sev", run, [](const auto& e) { return e.severity; });
  event_column(j, "v", run, [](const auto& e) { return e.value; });
  j.key("x");
  j.array(run.events, [&](const trace::EventRow& e) { j.rounded(e.x_km, 2); });
  j.key("y");
  j.array(run.events, [&](const trace::EventRow& e) { j.rounded(e.y_km, 2); });
  j.close('}');
}

void write_zones(Json& j, const ReplayRun& run) {
  j.key("zones");
  j.array(run.zones, [&](const trace::ZoneView& z) {
    j.open('{');
    j.text_member("id", z.id);
    j.text_member("kind", z.kind);
    j.text_member("owner", z.owner);
    j.text_member("shape", z.shape);
    j.km_member("cx", z.centre_x_km);
    j.km_member("cy", z.centre_y_km);
    j.km_member("r", z.radius_km);
    j.key("vertices");
    j.polyline(z.vertices_km);
    j.key("coast");
    j.polyline(z.coast_edges_km);
    j.close('}');
  });
  j.key("bases");
  j.array(run.bases, [&](const trace::BaseRow& b) {
    j.open('{');
    j.text_member("id", b.id);
    j.text_member("nation", b.nation);
    j.km_member("x", b.x_km);
    j.km_member("y", b.y_km);
    j.close('}');
  });
}

void write_map(Json& j, const ReplayRun& run) {
  j.key("land");
  j.array(run.land, [&](const Polyline& p) { j.polyline(p); });
  j.key("coastline");
  j.array(run.coastline, [&](const Polyline& p) { j.polyline(p); });
  j.text_member("coastline_note", run.coastline_note);
  j.key("graticule");
  j.array(run.graticule, [&](const GraticuleLine& g) {
    j.open('{');
    j.key("value");
    j.number(g.value_deg);
    j.key("spacing");
    j.number(g.spacing_deg);
    j.key("latitude");
    j.boolean(g.is_latitude);
    j.key("points");
    j.polyline(g.points_km);
    j.close('}');
  });
  j.key("extent");
  j.array(std::vector<double>{run.extent_lo.x_km, run.extent_lo.y_km, run.extent_hi.x_km,
                              run.extent_hi.y_km},
          [&](double v) { j.rounded(v, 2); });
  const agents::ProjectionParameters& p = run.projection;
  j.key("projection");
  j.open('{');
  for (const auto& [name, value] :
       {std::pair<std::string_view, double>{"centre_lat_deg", p.centre.lat_deg},
        {"centre_lon_deg", p.centre.lon_deg},
        {"ellipsoid_flattening", p.ellipsoid_flattening},
        {"sphere_radius_km", p.sphere_radius_km},
        {"sphere_centre_lat_rad", p.sphere_centre_lat_rad},
        {"longitude_factor", p.longitude_factor},
        {"isometric_offset", p.isometric_offset}}) {
    j.key(name);
    j.number(value);
  }
  j.close('}');
}

void write_run(Json& j, const ReplayRun& run) {
  j.key("format");
  j.number(1);
  j.text_member("trace", run.trace_path);
  j.text_member("scenario", run.scenario_name);
  j.text_member("policy", run.policy_id);
  j.key("replication");
  j.number(run.replication);
  j.text_member("seed", fmt::format("{}", run.seed));  // a uint64 JSON numbers may not hold
  j.key("dt_s");
  j.number(run.dt_s);
  j.key("days");
  j.number(run.days);
  j.key("nations");
  j.strings(run.nation_ids);
  j.key("nation_names");
  j.strings(run.nation_names);
  j.key("dyads");
  j.strings(run.dyad_names);
  j.key("event_types");
  j.strings(run.event_types);
  j.key("severities");
  j.strings(run.severities);
  j.key("platform_states");
  j.strings(run.platform_states);
}

}  // namespace

std::string page_data_json(const ReplayRun& run, const PackedTracks& tracks) {
  Json j;
  j.open('{');
  write_run(j, run);
  j.key("samples");
  j.open('{');
  j.key("interval_s");
  j.number(run.states.interval_s);
  j.key("time_s");
  j.array(run.states.time_s, [&](double t) { j.number(t); });
  j.key("quantum_km");
  j.number(tracks.quantum_km);
  j.close('}');
  write_agents(j, run);
  write_events(j, run);
  j.key("hostility");
  j.open('{');
  j.key("interval_s");
  j.number(run.hostility_interval_s);
  j.key("values");
  j.array(run.hostility, [&](float h) { j.rounded(h, 4); });
  j.close('}');
  write_zones(j, run);
  write_map(j, run);
  j.close('}');
  return std::move(j.text);
}

}  // namespace hotline::replay
