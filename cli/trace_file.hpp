// Writing and reading Hotline trace files (HDF5, format v1; every dataset,
// column and unit in docs/trace-format.md).
//
// A TraceFile is written under a temporary name (the final name plus
// ".partial") and renamed to its final name by commit() only when complete,
// after the data are on disk; abandon() removes it. So a file under its
// final name is always whole. HDF5 is not thread-safe in Debian's serial
// build: a TraceFile is used from one thread at a time (the writer thread
// while a run streams into it).
//
// TraceIdentity is everything that decides a file's content besides the
// runs: the scenario (its text, resolved form and hash), the seed, the days,
// the grid and what was recorded. A sweep's journal carries it, `--resume`
// checks it, and `hotline merge` compares the shards' identities field by
// field to refuse shards that do not belong together.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hotline/agents/world_spec.hpp"
#include "hotline/engine/hdf5_table.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "run_record.hpp"

namespace hotline::cli {

inline constexpr std::int64_t kTraceFormatVersion = 1;
[[nodiscard]] std::string_view hotline_version();

struct TraceIdentity {
  std::string kind;  // "run" or "sweep"
  std::string hotline_version;
  std::string scenario_file;  // as given on the command line
  std::string scenario_yaml;  // the file's text
  std::string resolved_yaml;  // hotline validate --explain
  std::string scenario_hash;  // FNV-1a 64 of resolved_yaml, 16 hex digits
  std::string scenario_name;
  std::uint64_t seed = 0;
  double days = 0.0;  // asked for
  std::uint32_t replications = 0;
  std::vector<std::size_t> policies;    // the scenario's policies, by index, in file order
  std::vector<std::string> policy_ids;  // and their ids
  std::uint32_t shard_index = 1;        // 1-based
  std::uint32_t shard_count = 1;
  std::string events = "all";       // EventDetail name
  double tension_interval_s = 0.0;  // 0: none
  double state_interval_s = 0.0;    // run files only; 0: none

  // Fields that must agree for files or journals to belong together: name
  // and value, as text, in a fixed order (the shard fields left out).
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> matching_fields() const;
  // A byte image of every field, for a journal's header.
  [[nodiscard]] std::vector<std::byte> encode() const;
  static TraceIdentity decode(std::span<const std::byte> bytes);
};

// The first matching field in which `b` differs from `a`, as
// "seed: 1 in A, 2 in B"; nullopt if they agree. With `shards`, the shard
// index and count must agree too.
[[nodiscard]] std::optional<std::string> identity_difference(const TraceIdentity& a,
                                                             const std::string& a_name,
                                                             const TraceIdentity& b,
                                                             const std::string& b_name,
                                                             bool shards);

// FNV-1a 64 of the text as 16 hex digits.
[[nodiscard]] std::string text_hash(std::string_view text);
// The identity of a scenario file loaded as `scenario`, with the rest of the
// fields default.
[[nodiscard]] TraceIdentity scenario_identity(const std::string& file, std::string yaml_text,
                                              const scenarios::Scenario& scenario);

class TraceFile {
 public:
  // Creates `final_path`.partial and writes everything but the runs: root
  // attributes, /scenario, /nations, /dyads, /zones, /agents, /policies and
  // the code tables; creates the empty run tables. Throws
  // engine::hdf5::Error naming the path if it cannot.
  TraceFile(std::string final_path, const TraceIdentity& identity, std::string command_line,
            const scenarios::Scenario& scenario, const agents::WorldSpec& spec);
  ~TraceFile();  // abandons the file if not committed
  TraceFile(const TraceFile&) = delete;
  TraceFile& operator=(const TraceFile&) = delete;

  [[nodiscard]] const std::string& final_path() const { return final_path_; }
  [[nodiscard]] const std::string& temporary_path() const { return temporary_path_; }

  // One run, streamed: begin_run(), its events and tension samples in
  // pieces, then end_run() with the finished record (its events and tension
  // already appended; the summary's row ranges are filled in here).
  void begin_run();
  void append_events(std::span<const EventRow> events);
  void append_tension(std::span<const float> samples);  // whole rows of dyads
  void end_run(RunRecord& record);
  // One run at once.
  void add_run(RunRecord& record);

  // Sampled agent states of one run, in /states/p<policy>_r<replication>:
  // one row per sample, one column per agent (by id).
  void begin_states(std::uint32_t policy, std::uint32_t replication, std::size_t agents,
                    double interval_s);
  struct StateSample {
    std::uint32_t step = 0;
    double time_s = 0.0;
    std::vector<float> x_km, y_km, heading_rad, speed_km_s;
    std::vector<std::uint8_t> status;  // agents::PlatformState code
  };
  void append_states(const StateSample& sample);

  // Closes the file, syncs it to disk and renames it to its final name.
  void commit();
  // Closes and removes the temporary file.
  void abandon() noexcept;

 private:
  struct Tables;
  std::string final_path_;
  std::string temporary_path_;
  std::uint32_t dyads_ = 0;
  engine::hdf5::File file_;
  std::unique_ptr<Tables> tables_;
  std::uint64_t run_events_begin_ = 0;
  std::uint64_t run_tension_begin_ = 0;
  bool done_ = false;
};

// A finished trace file opened for reading (merge, tests).
class TraceReader {
 public:
  // Throws engine::hdf5::Error if the file is not a Hotline trace of this
  // format version.
  explicit TraceReader(const std::string& path);
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const TraceIdentity& identity() const { return identity_; }
  [[nodiscard]] const std::vector<SummaryRow>& summary() const { return summary_; }
  [[nodiscard]] std::uint32_t dyads() const { return dyads_; }
  // The whole record of the run at row `position` of /summary.
  [[nodiscard]] RunRecord read_run(std::size_t position) const;

 private:
  std::string path_;
  engine::hdf5::File file_;
  TraceIdentity identity_;
  std::vector<SummaryRow> summary_;
  std::uint32_t dyads_ = 0;
  std::uint32_t presence_per_run_ = 0;
};

}  // namespace hotline::cli
