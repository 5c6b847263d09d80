#include "trace_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <stdexcept>

#include "hotline/engine/record_journal.hpp"

namespace hotline::cli {

namespace hdf5 = engine::hdf5;

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
// value, or an unsigned 32-bit number written from its decimal text.
struct SmallColumn {
  const char* name;
  bool number = false;
};

// A small table of a u32 index column and the given columns.
void write_small_table(const hdf5::File& file, hid_t parent, const std::string& name,
                       const std::vector<SmallColumn>& columns,
                       const std::vector<std::vector<std::string>>& rows) {
  std::vector<hdf5::Field> fields{{"index", 0, hdf5::FieldType::u32}};
  std::size_t row_size = 4;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].number) {
      fields.push_back({columns[c].name, row_size, hdf5::FieldType::u32});
      row_size += 4;
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
      if (columns[c].number) {
        const auto value = static_cast<std::uint32_t>(std::stoul(rows[r][c]));
        std::memcpy(at + fields[c + 1].offset, &value, 4);
      } else {
        std::memcpy(at + fields[c + 1].offset, rows[r][c].data(), rows[r][c].size());
      }
    }
  }
  hdf5::Table table(file, parent, name, row_size, fields, std::max<std::size_t>(rows.size(), 1),
                    kDeflate);
  table.append(bytes.data(), rows.size());
}

// Rows from their bytes as read (whole rows; none is fine).
template <class T>
void rows_from_bytes(std::vector<T>& rows, const std::vector<std::byte>& bytes) {
  rows.resize(bytes.size() / sizeof(T));
  if (!rows.empty()) std::memcpy(rows.data(), bytes.data(), rows.size() * sizeof(T));
}

std::string number_text(double x) {
  return fmt::format("{}", x);
}

}  // namespace

std::string text_hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", h);
}

TraceIdentity scenario_identity(const std::string& file, std::string yaml_text,
                                const scenarios::Scenario& scenario) {
  TraceIdentity id;
  id.hotline_version = std::string(hotline_version());
  id.scenario_file = file;
  id.scenario_yaml = std::move(yaml_text);
  id.resolved_yaml = scenarios::explain_scenario(scenario);
  id.scenario_hash = text_hash(id.resolved_yaml);
  id.scenario_name = scenario.name;
  id.tension_interval_s = scenario.output.tension_interval_s;
  return id;
}

std::vector<std::pair<std::string, std::string>> TraceIdentity::matching_fields() const {
  std::string ids;
  for (std::size_t i = 0; i < policies.size(); ++i)
    ids += fmt::format("{}{} (#{})", i ? ", " : "", policy_ids[i], policies[i]);
  return {
      {"kind", kind},
      {"Hotline version", hotline_version},
      {"scenario (hash of its resolved form)", scenario_hash},
      {"scenario text", text_hash(scenario_yaml)},
      {"seed", std::to_string(seed)},
      {"days", number_text(days)},
      {"replications", std::to_string(replications)},
      {"policies", ids},
      {"events", events},
      {"tension interval (s)", number_text(tension_interval_s)},
      {"state interval (s)", number_text(state_interval_s)},
  };
}

std::optional<std::string> identity_difference(const TraceIdentity& a, const std::string& a_name,
                                               const TraceIdentity& b, const std::string& b_name,
                                               bool shards) {
  auto fa = a.matching_fields();
  auto fb = b.matching_fields();
  if (shards) {
    fa.emplace_back("shard", fmt::format("{}/{}", a.shard_index, a.shard_count));
    fb.emplace_back("shard", fmt::format("{}/{}", b.shard_index, b.shard_count));
  }
  for (std::size_t i = 0; i < fa.size(); ++i) {
    if (fa[i].second != fb[i].second) {
      return fmt::format("{}: {} in {}, {} in {}", fa[i].first, fa[i].second, a_name, fb[i].second,
                         b_name);
    }
  }
  return std::nullopt;
}

namespace {

void put_text(std::vector<std::byte>& out, std::string_view text) {
  const std::uint64_t n = text.size();
  const auto* p = reinterpret_cast<const std::byte*>(&n);
  out.insert(out.end(), p, p + 8);
  const auto* t = reinterpret_cast<const std::byte*>(text.data());
  out.insert(out.end(), t, t + text.size());
}

std::string get_text(std::span<const std::byte>& in) {
  std::uint64_t n = 0;
  if (in.size() < 8) throw std::runtime_error("identity: cut short");
  std::memcpy(&n, in.data(), 8);
  in = in.subspan(8);
  if (n > in.size()) throw std::runtime_error("identity: cut short");
  std::string text(reinterpret_cast<const char*>(in.data()), static_cast<std::size_t>(n));
  in = in.subspan(static_cast<std::size_t>(n));
  return text;
}

}  // namespace

std::vector<std::byte> TraceIdentity::encode() const {
  std::vector<std::byte> out;
  // The row layouts are part of what a journal's records mean.
  put_text(out, fmt::format("hotline trace identity 1; rows {} {} {} {}", sizeof(SummaryRow),
                            sizeof(DyadRow), sizeof(PresenceRow), sizeof(EventRow)));
  for (const std::string* text : {&kind, &hotline_version, &scenario_file, &scenario_yaml,
                                  &resolved_yaml, &scenario_hash, &scenario_name, &events}) {
    put_text(out, *text);
  }
  put_text(out, fmt::format("{} {} {} {} {} {} {}", seed, number_text(days), replications,
                            shard_index, shard_count, number_text(tension_interval_s),
                            number_text(state_interval_s)));
  put_text(out, std::to_string(policies.size()));
  for (std::size_t i = 0; i < policies.size(); ++i) {
    put_text(out, std::to_string(policies[i]));
    put_text(out, policy_ids[i]);
  }
  return out;
}

TraceIdentity TraceIdentity::decode(std::span<const std::byte> bytes) {
  TraceIdentity id;
  const std::string layout = get_text(bytes);
  if (layout
      != fmt::format("hotline trace identity 1; rows {} {} {} {}", sizeof(SummaryRow),
                     sizeof(DyadRow), sizeof(PresenceRow), sizeof(EventRow))) {
    throw std::runtime_error("written by a different build (" + layout + ")");
  }
  for (std::string* text : {&id.kind, &id.hotline_version, &id.scenario_file, &id.scenario_yaml,
                            &id.resolved_yaml, &id.scenario_hash, &id.scenario_name, &id.events}) {
    *text = get_text(bytes);
  }
  const std::string numbers = get_text(bytes);
  unsigned long long seed = 0;
  char days[64] = {};
  char tension[64] = {};
  char states[64] = {};
  if (std::sscanf(numbers.c_str(), "%llu %63s %u %u %u %63s %63s", &seed, days, &id.replications,
                  &id.shard_index, &id.shard_count, tension, states)
      != 7) {
    throw std::runtime_error("identity: bad numbers");
  }
  id.seed = seed;
  id.days = std::stod(days);
  id.tension_interval_s = std::stod(tension);
  id.state_interval_s = std::stod(states);
  const std::size_t count = std::stoul(get_text(bytes));
  for (std::size_t i = 0; i < count; ++i) {
    id.policies.push_back(std::stoul(get_text(bytes)));
    id.policy_ids.push_back(get_text(bytes));
  }
  return id;
}

struct TraceFile::Tables {
  hdf5::Table summary;
  hdf5::Table dyads;
  hdf5::Table presence;
  hdf5::Table events;
  std::unique_ptr<hdf5::Matrix> tension;  // none without dyads
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

TraceFile::TraceFile(std::string final_path, const TraceIdentity& identity,
                     std::string command_line, const scenarios::Scenario& scenario,
                     const agents::WorldSpec& spec)
    : final_path_(std::move(final_path)),
      temporary_path_(final_path_ + ".partial"),
      dyads_(static_cast<std::uint32_t>(spec.dyads().size())),
      file_(hdf5::File::create(temporary_path_)) {
  try {
    const hid_t root = file_.id();
    hdf5::write_attribute(file_, root, "format", "hotline");
    hdf5::write_attribute(file_, root, "format_version", kTraceFormatVersion);
    hdf5::write_attribute(file_, root, "hotline_version", identity.hotline_version);
    hdf5::write_attribute(file_, root, "created_utc", utc_now());
    hdf5::write_attribute(file_, root, "command_line", command_line);
    hdf5::write_attribute(file_, root, "kind", identity.kind);
    hdf5::write_attribute(file_, root, "seed", identity.seed);
    hdf5::write_attribute(file_, root, "days", identity.days);
    hdf5::write_attribute(file_, root, "dt_s", spec.dt_s);
    hdf5::write_attribute(file_, root, "replications", std::int64_t{identity.replications});
    hdf5::write_attribute(file_, root, "shard_index", std::int64_t{identity.shard_index});
    hdf5::write_attribute(file_, root, "shard_count", std::int64_t{identity.shard_count});
    hdf5::write_attribute(file_, root, "events", identity.events);
    hdf5::write_attribute(file_, root, "tension_interval_s", identity.tension_interval_s);
    hdf5::write_attribute(file_, root, "state_interval_s", identity.state_interval_s);

    {
      hdf5::Handle group = hdf5::create_group(file_, root, "scenario");
      hdf5::write_attribute(file_, group.get(), "name", identity.scenario_name);
      hdf5::write_attribute(file_, group.get(), "file", identity.scenario_file);
      hdf5::write_attribute(file_, group.get(), "yaml", identity.scenario_yaml);
      hdf5::write_attribute(file_, group.get(), "resolved_yaml", identity.resolved_yaml);
      hdf5::write_attribute(file_, group.get(), "hash", identity.scenario_hash);
    }

    std::vector<std::vector<std::string>> rows;
    for (const agents::NationSpec& n : spec.nations)
      rows.push_back({n.id, n.name});
    write_small_table(file_, root, "nations", {{"id"}, {"name"}}, rows);

    rows.clear();
    for (const auto& [a, b] : spec.dyads()) {
      rows.push_back(
          {spec.nations[a].id + "-" + spec.nations[b].id, spec.nations[a].id, spec.nations[b].id});
    }
    write_small_table(file_, root, "dyads", {{"name"}, {"nation_a"}, {"nation_b"}}, rows);

    rows.clear();
    for (const agents::ZoneSpec& z : spec.zones) {
      rows.push_back({z.id, std::string(agents::zone_kind_name(z.kind)),
                      z.owner ? spec.nations[*z.owner].id : std::string()});
    }
    write_small_table(file_, root, "zones", {{"id"}, {"kind"}, {"owner"}}, rows);

    // Agents in id order: forces in order, each force's platforms in turn.
    rows.clear();
    for (const agents::ForceSpec& f : spec.forces) {
      const agents::ClassSpec& c = spec.classes[f.platform_class];
      for (std::uint32_t k = 0; k < f.count; ++k) {
        rows.push_back(
            {spec.nations[f.nation].id, c.id, std::string(agents::platform_kind_name(c.kind)),
             std::string(agents::role_name(c.role)), f.id, fmt::format("{}-{}", f.id, k + 1)});
      }
    }
    write_small_table(file_, root, "agents",
                      {{"nation"}, {"class"}, {"kind"}, {"role"}, {"force"}, {"name"}}, rows);

    rows.clear();
    for (std::size_t i = 0; i < identity.policies.size(); ++i) {
      rows.push_back({identity.policy_ids[i], std::to_string(identity.policies[i]),
                      scenarios::explain_policy(scenario, identity.policies[i])});
    }
    write_small_table(file_, root, "policies", {{"id"}, {"scenario_index", true}, {"definition"}},
                      rows);

    rows.clear();
    for (std::size_t t = 0; t <= static_cast<std::size_t>(agents::EventType::call_connected); ++t)
      rows.push_back({std::string(agents::event_type_name(static_cast<agents::EventType>(t)))});
    write_small_table(file_, root, "event_types", {{"name"}}, rows);
    rows.clear();
    for (std::size_t t = 0; t < 3; ++t)
      rows.push_back({std::string(agents::severity_name(static_cast<agents::Severity>(t)))});
    write_small_table(file_, root, "severities", {{"name"}}, rows);
    rows.clear();
    for (std::size_t t = 0; t < agents::kPlatformStateCount; ++t) {
      rows.push_back(
          {std::string(agents::platform_state_name(static_cast<agents::PlatformState>(t)))});
    }
    write_small_table(file_, root, "platform_states", {{"name"}}, rows);

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
      tables_->tension = std::make_unique<hdf5::Matrix>(
          file_, root, "tension", hdf5::FieldType::f32, dyads_, kChunkRows, kDeflate);
      hdf5::write_attribute(file_, tables_->tension->id(), "interval_s",
                            identity.tension_interval_s);
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
  run_tension_begin_ = tables_->tension ? tables_->tension->rows() : 0;
}

void TraceFile::append_events(std::span<const EventRow> events) {
  tables_->events.append(events.data(), events.size());
}

void TraceFile::append_tension(std::span<const float> samples) {
  if (!tables_->tension || samples.empty()) return;
  if (samples.size() % dyads_ != 0) {
    throw std::logic_error("TraceFile: tension samples are not whole rows of dyads");
  }
  tables_->tension->append(samples.data(), samples.size() / dyads_);
}

void TraceFile::end_run(RunRecord& record) {
  record.summary.events_begin = run_events_begin_;
  record.summary.events_count = tables_->events.size() - run_events_begin_;
  record.summary.tension_begin = run_tension_begin_;
  record.summary.tension_count =
      (tables_->tension ? tables_->tension->rows() : 0) - run_tension_begin_;
  tables_->summary.append(&record.summary, 1);
  tables_->dyads.append(record.dyads.data(), record.dyads.size());
  tables_->presence.append(record.presence.data(), record.presence.size());
}

void TraceFile::add_run(RunRecord& record) {
  begin_run();
  append_events(record.events);
  append_tension(record.tension);
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
  engine::sync_directory(directory.empty() ? "." : directory);
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

TraceReader::TraceReader(const std::string& path)
    : path_(path), file_(hdf5::File::open(path, false)) {
  const hid_t root = file_.id();
  if (!hdf5::has_attribute(root, "format")
      || hdf5::read_string_attribute(file_, root, "format") != "hotline") {
    throw hdf5::Error(path, "not a Hotline trace file");
  }
  const std::int64_t version = hdf5::read_int_attribute(file_, root, "format_version");
  if (version != kTraceFormatVersion) {
    throw hdf5::Error(path, fmt::format("trace format version {}; this build reads version {}",
                                        version, kTraceFormatVersion));
  }
  TraceIdentity& id = identity_;
  id.kind = hdf5::read_string_attribute(file_, root, "kind");
  id.hotline_version = hdf5::read_string_attribute(file_, root, "hotline_version");
  id.seed = hdf5::read_uint_attribute(file_, root, "seed");
  id.days = hdf5::read_double_attribute(file_, root, "days");
  id.replications =
      static_cast<std::uint32_t>(hdf5::read_int_attribute(file_, root, "replications"));
  id.shard_index = static_cast<std::uint32_t>(hdf5::read_int_attribute(file_, root, "shard_index"));
  id.shard_count = static_cast<std::uint32_t>(hdf5::read_int_attribute(file_, root, "shard_count"));
  id.events = hdf5::read_string_attribute(file_, root, "events");
  id.tension_interval_s = hdf5::read_double_attribute(file_, root, "tension_interval_s");
  id.state_interval_s = hdf5::read_double_attribute(file_, root, "state_interval_s");
  {
    hdf5::Handle group(H5Gopen2(root, "scenario", H5P_DEFAULT), H5Gclose);
    if (!group.valid()) throw hdf5::Error(path, "no group 'scenario'");
    id.scenario_name = hdf5::read_string_attribute(file_, group.get(), "name");
    id.scenario_file = hdf5::read_string_attribute(file_, group.get(), "file");
    id.scenario_yaml = hdf5::read_string_attribute(file_, group.get(), "yaml");
    id.resolved_yaml = hdf5::read_string_attribute(file_, group.get(), "resolved_yaml");
    id.scenario_hash = hdf5::read_string_attribute(file_, group.get(), "hash");
  }
  id.policy_ids = hdf5::read_text_column(file_, "policies", "id");
  {
    const std::vector<hdf5::Field> index_field{{"scenario_index", 0, hdf5::FieldType::u32}};
    const std::vector<std::byte> indices = hdf5::read_table(file_, "policies", 4, index_field);
    for (std::size_t i = 0; i + 4 <= indices.size(); i += 4) {
      std::uint32_t index = 0;
      std::memcpy(&index, indices.data() + i, 4);
      id.policies.push_back(index);
    }
  }
  dyads_ = static_cast<std::uint32_t>(hdf5::dataset_rows(file_, "dyads"));
  presence_per_run_ = static_cast<std::uint32_t>(hdf5::dataset_rows(file_, "zones")
                                                 * hdf5::dataset_rows(file_, "nations"));
  const std::vector<std::byte> rows =
      hdf5::read_table(file_, "summary", sizeof(SummaryRow), summary_fields());
  rows_from_bytes(summary_, rows);
}

RunRecord TraceReader::read_run(std::size_t position) const {
  RunRecord record;
  record.summary = summary_.at(position);
  const SummaryRow& s = record.summary;
  auto bytes = hdf5::read_table_rows(file_, "dyad_summary", sizeof(DyadRow), dyad_fields(),
                                     std::uint64_t{position} * dyads_, dyads_);
  rows_from_bytes(record.dyads, bytes);
  bytes = hdf5::read_table_rows(file_, "zone_presence", sizeof(PresenceRow), presence_fields(),
                                std::uint64_t{position} * presence_per_run_, presence_per_run_);
  rows_from_bytes(record.presence, bytes);
  bytes = hdf5::read_table_rows(file_, "events", sizeof(EventRow), event_fields(), s.events_begin,
                                s.events_count);
  rows_from_bytes(record.events, bytes);
  if (dyads_ > 0 && s.tension_count > 0) {
    bytes = hdf5::read_matrix_rows(file_, "tension", hdf5::FieldType::f32, dyads_, s.tension_begin,
                                   s.tension_count);
    rows_from_bytes(record.tension, bytes);
  }
  return record;
}

}  // namespace hotline::cli
