#include "hotline/trace/reader.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

namespace hotline::trace {

namespace {

// Rows from their bytes as read (whole rows; none is fine).
template <class T>
void rows_from_bytes(std::vector<T>& rows, const std::vector<std::byte>& bytes) {
  rows.resize(bytes.size() / sizeof(T));
  if (!rows.empty()) std::memcpy(rows.data(), bytes.data(), rows.size() * sizeof(T));
}

// The engine's HDF5 errors say "PATH: what"; a TraceError says the same.
std::string without_path(const hdf5::Error& e) {
  const std::string_view what = e.what();
  const std::string prefix = e.path() + ": ";
  return std::string(what.starts_with(prefix) ? what.substr(prefix.size()) : what);
}

// An experiment's /design, or nullopt for a file without one.
std::optional<DesignIdentity> read_design(const hdf5::File& file) {
  if (!hdf5::exists(file, "design")) return std::nullopt;
  hdf5::Handle group(H5Gopen2(file.id(), "design", H5P_DEFAULT), H5Gclose);
  DesignIdentity design;
  design.name = hdf5::read_string_attribute(file, group.get(), "name");
  design.description = hdf5::read_string_attribute(file, group.get(), "description");
  design.file = hdf5::read_string_attribute(file, group.get(), "file");
  design.text = hdf5::read_string_attribute(file, group.get(), "yaml");
  design.type = hdf5::read_string_attribute(file, group.get(), "type");
  design.seed = hdf5::read_uint_attribute(file, group.get(), "seed");
  design.max_abs_correlation =
      hdf5::read_double_attribute(file, group.get(), "max_abs_correlation");
  const auto names = hdf5::read_text_column(file, "design/factors", "name");
  const auto paths = hdf5::read_text_column(file, "design/factors", "paths");
  const auto units = hdf5::read_text_column(file, "design/factors", "unit");
  const auto si_units = hdf5::read_text_column(file, "design/factors", "si_unit");
  const auto si_per_unit = hdf5::read_f64_column(file, "design/factors", "si_per_unit");
  const auto whole = hdf5::read_f64_column(file, "design/factors", "whole");
  std::vector<std::vector<double>> columns;
  for (std::size_t f = 0; f < names.size(); ++f) {
    DesignFactor factor{names[f],          {}, units.at(f), si_units.at(f), si_per_unit.at(f),
                        whole.at(f) != 0.0};
    for (std::size_t start = 0; start <= paths.at(f).size();) {
      const std::size_t end = std::min(paths[f].find("; ", start), paths[f].size());
      factor.paths.push_back(paths[f].substr(start, end - start));
      start = end + 2;
    }
    design.factors.push_back(std::move(factor));
    columns.push_back(hdf5::read_f64_column(file, "design/points", names[f]));
  }
  const std::size_t points = columns.empty() ? 0 : columns.front().size();
  for (std::size_t p = 0; p < points; ++p)
    for (const std::vector<double>& column : columns)
      design.values.push_back(column.at(p));
  return design;
}

hdf5::File open_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_type type = fs::status(path, error).type();
  if (type == fs::file_type::not_found) throw TraceError(path, "no such file");
  if (type == fs::file_type::directory) throw TraceError(path, "is a directory");
  // HDF5 would block on a FIFO and read a device for ever.
  if (type != fs::file_type::regular) {
    throw TraceError(path, "is not a regular file (a FIFO, a device or a socket)");
  }
  if (::access(path.c_str(), R_OK) != 0) {
    throw TraceError(path, std::string("cannot read: ") + std::strerror(errno));
  }
  try {
    return hdf5::File::open(path, false);
  } catch (const hdf5::Error&) {
    throw TraceError(path,
                     "not an HDF5 file (a Hotline trace is written by hotline run -o, "
                     "hotline sweep or hotline merge)");
  }
}

}  // namespace

TraceReader::TraceReader(const std::string& path) : path_(path), file_(open_file(path)) {
  const hid_t root = file_.id();
  if (!hdf5::has_attribute(root, "format")
      || hdf5::read_string_attribute(file_, root, "format") != "hotline") {
    throw TraceError(path,
                     "an HDF5 file, but not a Hotline trace (no root attribute format = "
                     "\"hotline\")");
  }
  try {
    const std::int64_t version = hdf5::read_int_attribute(file_, root, "format_version");
    if (version != kTraceFormatVersion) {
      throw TraceError(path, fmt::format("trace format version {}; this build reads version {}",
                                         version, kTraceFormatVersion));
    }
    TraceIdentity& id = identity_;
    id.kind = hdf5::read_string_attribute(file_, root, "kind");
    id.hotline_version = hdf5::read_string_attribute(file_, root, "hotline_version");
    id.seed = hdf5::read_uint_attribute(file_, root, "seed");
    id.days = hdf5::read_double_attribute(file_, root, "days");
    dt_s_ = hdf5::read_double_attribute(file_, root, "dt_s");
    id.replications =
        static_cast<std::uint32_t>(hdf5::read_int_attribute(file_, root, "replications"));
    id.shard_index =
        static_cast<std::uint32_t>(hdf5::read_int_attribute(file_, root, "shard_index"));
    id.shard_count =
        static_cast<std::uint32_t>(hdf5::read_int_attribute(file_, root, "shard_count"));
    id.events = hdf5::read_string_attribute(file_, root, "events");
    id.hostility_interval_s = hdf5::read_double_attribute(file_, root, "hostility_interval_s");
    id.state_interval_s = hdf5::read_double_attribute(file_, root, "state_interval_s");
    if (hdf5::has_attribute(root, "risk"))
      id.risk = hdf5::read_string_attribute(file_, root, "risk");
    {
      hdf5::Handle group(H5Gopen2(root, "scenario", H5P_DEFAULT), H5Gclose);
      if (!group.valid()) throw TraceError(path, "no group 'scenario'");
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
    id.design = read_design(file_);
    dyad_names_ = hdf5::read_text_column(file_, "dyads", "name");
    nation_ids_ = hdf5::read_text_column(file_, "nations", "id");
    presence_per_run_ = hdf5::dataset_rows(file_, "zones") * nation_ids_.size();
    const std::vector<std::byte> rows =
        hdf5::read_table(file_, "summary", sizeof(SummaryRow), summary_fields());
    rows_from_bytes(summary_, rows);
    check_tables();
  } catch (const hdf5::Error& e) {
    throw TraceError(path, "not a readable Hotline trace: " + without_path(e));
  }
}

std::vector<std::string> TraceReader::risk_level_names() const {
  if (!hdf5::exists(file_, "risk")) return {};
  hdf5::Handle group(H5Gopen2(file_.id(), "risk", H5P_DEFAULT), H5Gclose);
  const std::string text = hdf5::read_string_attribute(file_, group.get(), "levels");
  std::vector<std::string> names;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t comma = std::min(text.find(',', begin), text.size());
    names.push_back(text.substr(begin, comma - begin));
    begin = comma + 1;
  }
  return names;
}

std::vector<RiskRecord> TraceReader::risk_records() const {
  if (!hdf5::exists(file_, "risk")) return {};
  try {
    const auto policy = hdf5::read_u32_column(file_, "risk/estimates", "policy");
    const auto repetition = hdf5::read_u32_column(file_, "risk/estimates", "repetition");
    const auto effort = hdf5::read_u32_column(file_, "risk/estimates", "effort");
    const auto final_fraction = hdf5::read_f64_column(file_, "risk/estimates", "final_fraction");
    const auto probability = hdf5::read_f64_column(file_, "risk/estimates", "probability");
    const auto work = hdf5::read_f64_column(file_, "risk/estimates", "work_platform_steps");
    const auto stage_policy = hdf5::read_u32_column(file_, "risk/stages", "policy");
    const auto stage_repetition = hdf5::read_u32_column(file_, "risk/stages", "repetition");
    const auto reached = hdf5::read_u32_column(file_, "risk/stages", "reached");
    std::vector<RiskRecord> records;
    std::size_t s = 0;
    for (std::size_t r = 0; r < policy.size(); ++r) {
      RiskRecord record{policy[r],         repetition[r],  effort[r], {},
                        final_fraction[r], probability[r], work[r]};
      if (record.policy >= identity_.policy_ids.size())
        throw TraceError(path_, fmt::format("/risk/estimates row {}: policy {} of {}", r,
                                            record.policy, identity_.policy_ids.size()));
      for (; s < stage_policy.size() && stage_policy[s] == record.policy
             && stage_repetition[s] == record.repetition;
           ++s)
        record.reached.push_back(reached[s]);
      records.push_back(std::move(record));
    }
    if (s != stage_policy.size())
      throw TraceError(path_, "/risk/stages has rows that belong to no estimate");
    return records;
  } catch (const hdf5::Error& e) {
    throw TraceError(path_, "not a readable risk file: " + without_path(e));
  }
}

void TraceReader::check_tables() const {
  const TraceIdentity& id = identity_;
  const std::size_t policies = id.policy_ids.size();
  if (id.policies.size() != policies) {
    throw TraceError(path_, "/policies: the id and scenario_index columns differ in length");
  }
  if (id.replications == 0) throw TraceError(path_, "root attribute replications is 0");
  const auto expect_rows = [&](const char* dataset, std::uint64_t rows) {
    const std::uint64_t have = hdf5::dataset_rows(file_, dataset);
    if (have != rows) {
      throw TraceError(path_, fmt::format("/{} has {} rows; {} runs call for {}", dataset, have,
                                          summary_.size(), rows));
    }
  };
  expect_rows("dyad_summary", summary_.size() * dyad_names_.size());
  expect_rows("zone_presence", summary_.size() * presence_per_run_);
  const std::uint64_t event_rows = hdf5::dataset_rows(file_, "events");
  const std::uint64_t hostility_rows =
      dyad_names_.empty() ? 0 : hdf5::dataset_rows(file_, "hostility");
  // A run file holds one replication of any number; a sweep's are 0..R-1.
  const bool sweep = id.kind == "sweep";
  std::set<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> seen;
  for (std::size_t r = 0; r < summary_.size(); ++r) {
    const SummaryRow& s = summary_[r];
    if (s.point >= id.points()) {
      throw TraceError(path_, fmt::format("/summary row {}: design point {} but the file has {}", r,
                                          s.point, id.points()));
    }
    if (s.policy >= policies) {
      throw TraceError(path_, fmt::format("/summary row {}: policy {} but /policies has {} rows", r,
                                          s.policy, policies));
    }
    if (sweep && s.replication >= id.replications) {
      throw TraceError(
          path_, fmt::format("/summary row {}: replication {} but the file has {} per policy", r,
                             s.replication, id.replications));
    }
    if (!seen.emplace(s.point, s.policy, s.replication).second) {
      throw TraceError(path_, fmt::format("/summary row {}: the run ({}policy {}, replication {}) "
                                          "appears twice",
                                          r, id.design ? fmt::format("point {}, ", s.point) : "",
                                          id.policy_ids[s.policy], s.replication));
    }
    if (s.events_begin > event_rows || s.events_count > event_rows - s.events_begin
        || s.hostility_begin > hostility_rows
        || s.hostility_count > hostility_rows - s.hostility_begin) {
      throw TraceError(path_, fmt::format("/summary row {}: its rows of /events or /hostility lie "
                                          "outside those datasets",
                                          r));
    }
  }
}

RunRecord TraceReader::read_run(std::size_t position) const {
  RunRecord record;
  record.summary = summary_.at(position);
  const SummaryRow& s = record.summary;
  const std::uint64_t dyads = dyad_names_.size();
  try {
    auto bytes = hdf5::read_table_rows(file_, "dyad_summary", sizeof(DyadRow), dyad_fields(),
                                       std::uint64_t{position} * dyads, dyads);
    rows_from_bytes(record.dyads, bytes);
    bytes = hdf5::read_table_rows(file_, "zone_presence", sizeof(PresenceRow), presence_fields(),
                                  std::uint64_t{position} * presence_per_run_, presence_per_run_);
    rows_from_bytes(record.presence, bytes);
    bytes = hdf5::read_table_rows(file_, "events", sizeof(EventRow), event_fields(), s.events_begin,
                                  s.events_count);
    rows_from_bytes(record.events, bytes);
    if (dyads > 0 && s.hostility_count > 0) {
      bytes = hdf5::read_matrix_rows(file_, "hostility", hdf5::FieldType::f32, dyads,
                                     s.hostility_begin, s.hostility_count);
      rows_from_bytes(record.hostility, bytes);
    }
  } catch (const hdf5::Error& e) {
    throw TraceError(path_, "not a readable Hotline trace: " + without_path(e));
  }
  return record;
}

}  // namespace hotline::trace
