#include "hotline/trace/writer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "hotline/trace/output_file.hpp"
#include "hotline/trace/record_journal.hpp"

namespace hotline::trace {

std::string_view hotline_version() {
  return HOTLINE_VERSION;
}

namespace {

// Column chunking: big enough to compress well, small enough that a short
// run's file stays small.
constexpr std::size_t kChunkRows = 4096;
constexpr int kDeflate = 4;
// Sampled states are the bulk of a run file and are written while the run
// steps: the fastest deflate level keeps the writer thread light.
constexpr int kStatesDeflate = 1;

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// A column of a small descriptive table: text as wide as its longest
// value, or a number (u32 or f64) written from its decimal text (fmt's
// shortest form, which reads back to the same double).
struct SmallColumn {
  enum class Kind : std::uint8_t { text, u32, f64 };
  const char* name;
  Kind kind = Kind::text;
};

// A small table of a u32 index column and the given columns.
void write_small_table(const hdf5::File& file, hid_t parent, const std::string& name,
                       const std::vector<SmallColumn>& columns,
                       const std::vector<std::vector<std::string>>& rows) {
  using Kind = SmallColumn::Kind;
  std::vector<hdf5::Field> fields{{"index", 0, hdf5::FieldType::u32}};
  std::size_t row_size = 4;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].kind == Kind::u32) {
      fields.push_back({columns[c].name, row_size, hdf5::FieldType::u32});
      row_size += 4;
      continue;
    }
    if (columns[c].kind == Kind::f64) {
      fields.push_back({columns[c].name, row_size, hdf5::FieldType::f64});
      row_size += 8;
      continue;
    }
    std::size_t width = 1;
    for (const auto& row : rows)
      width = std::max(width, row[c].size());
    fields.push_back({columns[c].name, row_size, hdf5::FieldType::text, width});
    row_size += width;
  }
  std::vector<std::byte> bytes(rows.size() * row_size);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::byte* at = bytes.data() + r * row_size;
    const auto index = static_cast<std::uint32_t>(r);
    std::memcpy(at, &index, 4);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::byte* cell = at + fields[c + 1].offset;
      if (columns[c].kind == Kind::u32) {
        const auto value = static_cast<std::uint32_t>(std::stoul(rows[r][c]));
        std::memcpy(cell, &value, 4);
      } else if (columns[c].kind == Kind::f64) {
        const double value = std::stod(rows[r][c]);
        std::memcpy(cell, &value, 8);
      } else {
        std::memcpy(cell, rows[r][c].data(), rows[r][c].size());
      }
    }
  }
  hdf5::Table table(file, parent, name, row_size, fields, std::max<std::size_t>(rows.size(), 1),
                    kDeflate);
  table.append(bytes.data(), rows.size());
}

}  // namespace

TraceIdentity scenario_identity(const std::string& file, std::string yaml_text,
                                const scenarios::Scenario& scenario) {
  TraceIdentity id;
  id.hotline_version = std::string(hotline_version());
  id.scenario_file = file;
  id.scenario_yaml = std::move(yaml_text);
  id.resolved_yaml = scenarios::explain_scenario(scenario);
  id.scenario_hash = text_hash(id.resolved_yaml);
  id.scenario_name = scenario.name;
  id.hostility_interval_s = scenario.output.hostility_interval_s;
  return id;
}

struct TraceFile::Tables {
  hdf5::Table summary;
  hdf5::Table dyads;
  hdf5::Table presence;
  hdf5::Table events;
  std::unique_ptr<hdf5::Matrix> hostility;  // none without dyads
  // The states of the run being sampled.
  hdf5::Handle states_group;
  std::unique_ptr<hdf5::Table> state_samples;
  std::vector<std::unique_ptr<hdf5::Matrix>> state_columns;  // x, y, heading, speed, status
};

namespace {

struct StateSampleRow {
  std::uint32_t step;
  double time_s;
};

}  // namespace

namespace {

using Rows = std::vector<std::vector<std::string>>;
using Kind = SmallColumn::Kind;

std::string km_text(double x) {
  return fmt::format("{}", x);
}

void write_root_attributes(const hdf5::File& file, const TraceIdentity& identity,
                           const std::string& command_line, const agents::WorldSpec& spec) {
  const hid_t root = file.id();
  hdf5::write_attribute(file, root, "format", "hotline");
  hdf5::write_attribute(file, root, "format_version", kTraceFormatVersion);
  hdf5::write_attribute(file, root, "hotline_version", identity.hotline_version);
  hdf5::write_attribute(file, root, "created_utc", utc_now());
  hdf5::write_attribute(file, root, "command_line", command_line);
  hdf5::write_attribute(file, root, "kind", identity.kind);
  hdf5::write_attribute(file, root, "seed", identity.seed);
  hdf5::write_attribute(file, root, "days", identity.days);
  hdf5::write_attribute(file, root, "dt_s", spec.dt_s);
  hdf5::write_attribute(file, root, "replications", std::int64_t{identity.replications});
  hdf5::write_attribute(file, root, "shard_index", std::int64_t{identity.shard_index});
  hdf5::write_attribute(file, root, "shard_count", std::int64_t{identity.shard_count});
  hdf5::write_attribute(file, root, "events", identity.events);
  hdf5::write_attribute(file, root, "hostility_interval_s", identity.hostility_interval_s);
  hdf5::write_attribute(file, root, "state_interval_s", identity.state_interval_s);
  if (!identity.risk.empty()) hdf5::write_attribute(file, root, "risk", identity.risk);
}

void write_scenario_group(const hdf5::File& file, const TraceIdentity& identity) {
  hdf5::Handle group = hdf5::create_group(file, file.id(), "scenario");
  hdf5::write_attribute(file, group.get(), "name", identity.scenario_name);
  hdf5::write_attribute(file, group.get(), "file", identity.scenario_file);
  hdf5::write_attribute(file, group.get(), "yaml", identity.scenario_yaml);
  hdf5::write_attribute(file, group.get(), "resolved_yaml", identity.resolved_yaml);
  hdf5::write_attribute(file, group.get(), "hash", identity.scenario_hash);
}

// Everything a reader needs to put plane km back on the globe
// (docs/trace-format.md gives the formulas, analysis/hotline_geo.py the code).
void write_projection(const hdf5::File& file, const agents::WorldSpec& spec) {
  const agents::ProjectionParameters& p = spec.projection.parameters();
  hdf5::Handle group = hdf5::create_group(file, file.id(), "projection");
  hdf5::write_attribute(file, group.get(), "method",
                        "azimuthal equidistant on the conformal sphere of WGS 84");
  hdf5::write_attribute(file, group.get(), "centre_lat_deg", p.centre.lat_deg);
  hdf5::write_attribute(file, group.get(), "centre_lon_deg", p.centre.lon_deg);
  hdf5::write_attribute(file, group.get(), "ellipsoid_a_km", p.ellipsoid_a_km);
  hdf5::write_attribute(file, group.get(), "ellipsoid_flattening", p.ellipsoid_flattening);
  hdf5::write_attribute(file, group.get(), "sphere_radius_km", p.sphere_radius_km);
  hdf5::write_attribute(file, group.get(), "sphere_centre_lat_rad", p.sphere_centre_lat_rad);
  hdf5::write_attribute(file, group.get(), "longitude_factor", p.longitude_factor);
  hdf5::write_attribute(file, group.get(), "isometric_offset", p.isometric_offset);
}

void write_nations_and_dyads(const hdf5::File& file, const agents::WorldSpec& spec) {
  Rows rows;
  for (const agents::NationSpec& n : spec.nations)
    rows.push_back({n.id, n.name});
  write_small_table(file, file.id(), "nations", {{"id"}, {"name"}}, rows);
  rows.clear();
  for (const auto& [a, b] : spec.dyads()) {
    rows.push_back(
        {spec.nations[a].id + "-" + spec.nations[b].id, spec.nations[a].id, spec.nations[b].id});
  }
  write_small_table(file, file.id(), "dyads", {{"name"}, {"nation_a"}, {"nation_b"}}, rows);
}

// Zones with their geometry in the plane (what the engine tests against),
// so that plots and analyses need no projection of their own: a circle by
// centre and radius, a polygon by its vertices in /zone_vertices, a land
// belt by its width as the radius and its land's coast in /zone_coast.
void write_zones(const hdf5::File& file, const agents::WorldSpec& spec) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();  // not a circle
  Rows rows;
  Rows vertices;
  Rows coast;
  for (std::size_t z = 0; z < spec.zones.size(); ++z) {
    const agents::ZoneSpec& zone = spec.zones[z];
    const agents::ZoneShape& shape = zone.shape;
    const bool circle = shape.is_circle();
    const bool belt = shape.is_land_belt();
    rows.push_back({zone.id, std::string(agents::zone_kind_name(zone.kind)),
                    zone.owner ? spec.nations[*zone.owner].id : std::string(),
                    circle ? "circle" : (belt ? "land_belt" : "polygon"),
                    km_text(circle ? shape.centre().x_km : kNaN),
                    km_text(circle ? shape.centre().y_km : kNaN),
                    km_text(circle ? shape.radius_km() : (belt ? shape.belt_km() : kNaN))});
    for (const agents::PlanePoint& v : shape.vertices())
      vertices.push_back({std::to_string(z), km_text(v.x_km), km_text(v.y_km)});
    if (!belt) continue;
    for (const auto& [a, b] : shape.belt_land()->coast_edges()) {
      coast.push_back(
          {std::to_string(z), km_text(a.x_km), km_text(a.y_km), km_text(b.x_km), km_text(b.y_km)});
    }
  }
  const hid_t root = file.id();
  write_small_table(file, root, "zones",
                    {{"id"},
                     {"kind"},
                     {"owner"},
                     {"shape"},
                     {"centre_x_km", Kind::f64},
                     {"centre_y_km", Kind::f64},
                     {"radius_km", Kind::f64}},
                    rows);
  write_small_table(file, root, "zone_vertices",
                    {{"zone", Kind::u32}, {"x_km", Kind::f64}, {"y_km", Kind::f64}}, vertices);
  write_small_table(file, root, "zone_coast",
                    {{"zone", Kind::u32},
                     {"x0_km", Kind::f64},
                     {"y0_km", Kind::f64},
                     {"x1_km", Kind::f64},
                     {"y1_km", Kind::f64}},
                    coast);
}

// Bases, then the agents in id order (forces in order, each force's
// platforms in turn).
void write_bases_and_agents(const hdf5::File& file, const agents::WorldSpec& spec) {
  Rows rows;
  for (const agents::BaseSpec& base : spec.bases) {
    rows.push_back(
        {base.id, spec.nations[base.nation].id, km_text(base.at.x_km), km_text(base.at.y_km)});
  }
  write_small_table(file, file.id(), "bases",
                    {{"id"}, {"nation"}, {"x_km", Kind::f64}, {"y_km", Kind::f64}}, rows);
  rows.clear();
  for (const agents::ForceSpec& f : spec.forces) {
    const agents::ClassSpec& c = spec.classes[f.platform_class];
    for (std::uint32_t k = 0; k < f.count; ++k) {
      rows.push_back(
          {spec.nations[f.nation].id, c.id, std::string(agents::platform_kind_name(c.kind)),
           std::string(agents::role_name(c.role)), f.id, fmt::format("{}-{}", f.id, k + 1)});
    }
  }
  write_small_table(file, file.id(), "agents",
                    {{"nation"}, {"class"}, {"kind"}, {"role"}, {"force"}, {"name"}}, rows);
}

void write_policies(const hdf5::File& file, const TraceIdentity& identity,
                    const scenarios::Scenario& scenario) {
  Rows rows;
  for (std::size_t i = 0; i < identity.policies.size(); ++i) {
    rows.push_back({identity.policy_ids[i], std::to_string(identity.policies[i]),
                    scenarios::explain_policy(scenario, identity.policies[i])});
  }
  write_small_table(file, file.id(), "policies",
                    {{"id"}, {"scenario_index", Kind::u32}, {"definition"}}, rows);
}

// An experiment's design: /design's attributes, its factors, and its points
// with every factor's value in the unit the user wrote and in SI.
void write_design(const hdf5::File& file, const DesignIdentity& design) {
  hdf5::Handle group = hdf5::create_group(file, file.id(), "design");
  hdf5::write_attribute(file, group.get(), "name", design.name);
  hdf5::write_attribute(file, group.get(), "description", design.description);
  hdf5::write_attribute(file, group.get(), "file", design.file);
  hdf5::write_attribute(file, group.get(), "yaml", design.text);
  hdf5::write_attribute(file, group.get(), "type", design.type);
  hdf5::write_attribute(file, group.get(), "seed", design.seed);
  hdf5::write_attribute(file, group.get(), "max_abs_correlation", design.max_abs_correlation);
  hdf5::write_attribute(file, group.get(), "points", static_cast<std::int64_t>(design.points()));
  Rows rows;
  for (const DesignFactor& f : design.factors) {
    rows.push_back({f.name, fmt::format("{}", fmt::join(f.paths, "; ")), f.unit, f.si_unit,
                    fmt::format("{}", f.si_per_unit), f.whole ? "1" : "0"});
  }
  write_small_table(file, group.get(), "factors",
                    {{"name"},
                     {"paths"},
                     {"unit"},
                     {"si_unit"},
                     {"si_per_unit", Kind::f64},
                     {"whole", Kind::u32}},
                    rows);
  // Column names outlive the call: SmallColumn holds pointers.
  std::vector<std::string> names;
  for (const DesignFactor& f : design.factors) {
    names.push_back(f.name);
    names.push_back(f.name + "_si");
  }
  std::vector<SmallColumn> columns{{"point", Kind::u32}};
  for (const std::string& name : names)
    columns.push_back({name.c_str(), Kind::f64});
  rows.clear();
  for (std::size_t p = 0; p < design.points(); ++p) {
    std::vector<std::string> row{std::to_string(p)};
    for (std::size_t f = 0; f < design.factors.size(); ++f) {
      const double value = design.value(p, f);
      row.push_back(fmt::format("{}", value));
      row.push_back(fmt::format("{}", value * design.factors[f].si_per_unit));
    }
    rows.push_back(std::move(row));
  }
  write_small_table(file, group.get(), "points", columns, rows);
}

// The names behind the code columns: event types, severities, states.
void write_code_tables(const hdf5::File& file) {
  Rows rows;
  for (std::size_t t = 0; t <= static_cast<std::size_t>(agents::kLastEventType); ++t)
    rows.push_back({std::string(agents::event_type_name(static_cast<agents::EventType>(t)))});
  write_small_table(file, file.id(), "event_types", {{"name"}}, rows);
  rows.clear();
  for (std::size_t t = 0; t < 3; ++t)
    rows.push_back({std::string(agents::severity_name(static_cast<agents::Severity>(t)))});
  write_small_table(file, file.id(), "severities", {{"name"}}, rows);
  rows.clear();
  for (std::size_t t = 0; t < agents::kPlatformStateCount; ++t) {
    rows.push_back(
        {std::string(agents::platform_state_name(static_cast<agents::PlatformState>(t)))});
  }
  write_small_table(file, file.id(), "platform_states", {{"name"}}, rows);
}

// The file under its temporary name, created new (a stale one from a killed
// run, or a link planted there, is removed first and never followed); a
// creation that fails half-way leaves nothing behind.
hdf5::File create_temporary(const std::string& path) {
  remove_stale(path);
  try {
    return hdf5::File::create(path);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    throw;
  }
}

}  // namespace

TraceFile::TraceFile(std::string final_path, const TraceIdentity& identity,
                     std::string command_line, const scenarios::Scenario& scenario,
                     const agents::WorldSpec& spec)
    : final_path_(std::move(final_path)),
      temporary_path_(final_path_ + ".partial"),
      dyads_(static_cast<std::uint32_t>(spec.dyads().size())),
      file_(create_temporary(temporary_path_)) {
  try {
    write_root_attributes(file_, identity, command_line, spec);
    write_scenario_group(file_, identity);
    write_projection(file_, spec);
    write_nations_and_dyads(file_, spec);
    write_zones(file_, spec);
    write_bases_and_agents(file_, spec);
    write_policies(file_, identity, scenario);
    if (identity.design) write_design(file_, *identity.design);
    write_code_tables(file_);
    const hid_t root = file_.id();
    tables_ = std::make_unique<Tables>(Tables{
        hdf5::Table(file_, root, "summary", sizeof(SummaryRow), summary_fields(), 1024, kDeflate),
        hdf5::Table(file_, root, "dyad_summary", sizeof(DyadRow), dyad_fields(), 1024, kDeflate),
        hdf5::Table(file_, root, "zone_presence", sizeof(PresenceRow), presence_fields(),
                    kChunkRows, kDeflate),
        hdf5::Table(file_, root, "events", sizeof(EventRow), event_fields(), kChunkRows, kDeflate),
        nullptr,
        hdf5::Handle(),
        nullptr,
        {}});
    if (dyads_ > 0) {
      tables_->hostility = std::make_unique<hdf5::Matrix>(
          file_, root, "hostility", hdf5::FieldType::f32, dyads_, kChunkRows, kDeflate);
      hdf5::write_attribute(file_, tables_->hostility->id(), "interval_s",
                            identity.hostility_interval_s);
    }
  } catch (...) {
    abandon();
    throw;
  }
}

TraceFile::~TraceFile() {
  if (!done_) abandon();
}

void TraceFile::begin_run() {
  run_events_begin_ = tables_->events.size();
  run_hostility_begin_ = tables_->hostility ? tables_->hostility->rows() : 0;
}

void TraceFile::append_events(std::span<const EventRow> events) {
  tables_->events.append(events.data(), events.size());
}

void TraceFile::append_hostility(std::span<const float> samples) {
  if (!tables_->hostility || samples.empty()) return;
  if (samples.size() % dyads_ != 0) {
    throw std::logic_error("TraceFile: hostility samples are not whole rows of dyads");
  }
  tables_->hostility->append(samples.data(), samples.size() / dyads_);
}

void TraceFile::end_run(RunRecord& record) {
  record.summary.events_begin = run_events_begin_;
  record.summary.events_count = tables_->events.size() - run_events_begin_;
  record.summary.hostility_begin = run_hostility_begin_;
  record.summary.hostility_count =
      (tables_->hostility ? tables_->hostility->rows() : 0) - run_hostility_begin_;
  tables_->summary.append(&record.summary, 1);
  tables_->dyads.append(record.dyads.data(), record.dyads.size());
  tables_->presence.append(record.presence.data(), record.presence.size());
}

void TraceFile::add_run(RunRecord& record) {
  begin_run();
  append_events(record.events);
  append_hostility(record.hostility);
  end_run(record);
}

void TraceFile::begin_states(std::uint32_t policy, std::uint32_t replication, std::size_t agents,
                             double interval_s) {
  if (!hdf5::exists(file_, "states")) hdf5::create_group(file_, file_.id(), "states");
  const std::string name = fmt::format("states/p{}_r{}", policy, replication);
  tables_->states_group = hdf5::create_group(file_, file_.id(), name);
  const hid_t group = tables_->states_group.get();
  hdf5::write_attribute(file_, group, "policy", std::int64_t{policy});
  hdf5::write_attribute(file_, group, "replication", std::int64_t{replication});
  hdf5::write_attribute(file_, group, "interval_s", interval_s);
  tables_->state_samples = std::make_unique<hdf5::Table>(
      file_, group, "samples", sizeof(StateSampleRow),
      std::vector<hdf5::Field>{{"step", offsetof(StateSampleRow, step), hdf5::FieldType::u32},
                               {"time_s", offsetof(StateSampleRow, time_s), hdf5::FieldType::f64}},
      1024, kDeflate);
  // Chunks of a few samples × every agent, each well inside HDF5's 1 MiB
  // per-dataset chunk cache: a chunk then stays in memory until its last
  // sample arrives and is compressed once (a bigger chunk would be
  // decompressed and compressed again at every sample).
  const auto chunk_rows = [agents](std::size_t element_bytes) {
    return std::max<std::size_t>(
        1, (std::size_t{1} << 19) / (std::max<std::size_t>(agents, 1) * element_bytes));
  };
  tables_->state_columns.clear();
  // Positions are stored as they are: float32 coordinates deflate only
  // 1.6x, at about 65 MB/s, which was four fifths of the writer's time.
  // Headings, speeds and statuses deflate 5x to 200x, quickly.
  const std::array<std::pair<const char*, int>, 4> columns{
      {{"x_km", 0}, {"y_km", 0}, {"heading_rad", kStatesDeflate}, {"speed_km_s", kStatesDeflate}}};
  for (const auto& [column, deflate] : columns) {
    tables_->state_columns.push_back(std::make_unique<hdf5::Matrix>(
        file_, group, column, hdf5::FieldType::f32, agents, chunk_rows(4), deflate));
  }
  tables_->state_columns.push_back(std::make_unique<hdf5::Matrix>(
      file_, group, "status", hdf5::FieldType::u8, agents, chunk_rows(1), kStatesDeflate));
}

void TraceFile::append_states(const StateSample& sample) {
  const StateSampleRow row{sample.step, sample.time_s};
  tables_->state_samples->append(&row, 1);
  tables_->state_columns[0]->append(sample.x_km.data(), 1);
  tables_->state_columns[1]->append(sample.y_km.data(), 1);
  tables_->state_columns[2]->append(sample.heading_rad.data(), 1);
  tables_->state_columns[3]->append(sample.speed_km_s.data(), 1);
  tables_->state_columns[4]->append(sample.status.data(), 1);
}

void TraceFile::write_risk(std::span<const RiskRecord> records,
                           const std::vector<std::string>& level_names) {
  using Kind = SmallColumn::Kind;
  hdf5::Handle group = hdf5::create_group(file_, file_.id(), "risk");
  hdf5::write_attribute(file_, group.get(), "levels",
                        fmt::format("{}", fmt::join(level_names, ",")));
  Rows estimates;
  Rows stages;
  for (const RiskRecord& r : records) {
    estimates.push_back({std::to_string(r.policy), std::to_string(r.repetition),
                         std::to_string(r.effort), fmt::format("{}", r.final_fraction),
                         fmt::format("{}", r.probability),
                         fmt::format("{}", r.work_platform_steps)});
    for (std::size_t k = 0; k < r.reached.size(); ++k) {
      stages.push_back({std::to_string(r.policy), std::to_string(r.repetition),
                        std::to_string(k + 1), level_names.at(k), std::to_string(r.effort),
                        std::to_string(r.reached[k]),
                        fmt::format("{}", static_cast<double>(r.reached[k]) / r.effort)});
    }
  }
  write_small_table(file_, group.get(), "estimates",
                    {{"policy", Kind::u32},
                     {"repetition", Kind::u32},
                     {"effort", Kind::u32},
                     {"final_fraction", Kind::f64},
                     {"probability", Kind::f64},
                     {"work_platform_steps", Kind::f64}},
                    estimates);
  write_small_table(file_, group.get(), "stages",
                    {{"policy", Kind::u32},
                     {"repetition", Kind::u32},
                     {"stage", Kind::u32},
                     {"level"},
                     {"runs", Kind::u32},
                     {"reached", Kind::u32},
                     {"fraction", Kind::f64}},
                    stages);
}

void TraceFile::commit() {
  tables_.reset();
  file_.close();
  // The data on disk before the name: a file under its final name is whole.
  const int fd = ::open(temporary_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    throw hdf5::Error(temporary_path_, "cannot sync the file to disk");
  }
  ::close(fd);
  std::error_code error;
  std::filesystem::rename(temporary_path_, final_path_, error);
  if (error) {
    throw hdf5::Error(final_path_,
                      "cannot rename " + temporary_path_ + " to it: " + error.message());
  }
  const std::string directory = std::filesystem::path(final_path_).parent_path().string();
  trace::sync_directory(directory.empty() ? "." : directory);
  done_ = true;
}

void TraceFile::abandon() noexcept {
  done_ = true;
  tables_.reset();
  try {
    file_.close();
  } catch (...) {  // removing it anyway
  }
  std::error_code ignored;
  std::filesystem::remove(temporary_path_, ignored);
}

}  // namespace hotline::trace
