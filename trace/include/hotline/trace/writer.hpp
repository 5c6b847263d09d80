// Writing Hotline trace files (HDF5, format 3; every dataset, column and
// unit in docs/trace-format.md). Reading them is TraceReader (reader.hpp).
//
// A TraceFile is written under a temporary name (the final name plus
// ".partial") and renamed to its final name by commit() only when complete,
// after the data are on disk; abandon() removes it. So a file under its
// final name is always whole. HDF5 is not thread-safe in Debian's serial
// build: a TraceFile is used from one thread at a time (the writer thread
// while a run streams into it).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hotline/agents/world_spec.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "hotline/trace/hdf5_table.hpp"
#include "hotline/trace/identity.hpp"
#include "hotline/trace/reader.hpp"
#include "hotline/trace/risk_record.hpp"
#include "hotline/trace/run_record.hpp"

namespace hotline::trace {

// The version that writes the files.
[[nodiscard]] std::string_view hotline_version();

// The identity of a scenario file loaded as `scenario`, with the rest of the
// fields default.
[[nodiscard]] TraceIdentity scenario_identity(const std::string& file, std::string yaml_text,
                                              const scenarios::Scenario& scenario);

class TraceFile {
 public:
  // Creates `final_path`.partial and writes everything but the runs: root
  // attributes, /scenario, /nations, /dyads, /zones, /agents, /policies,
  // an experiment's /design and the code tables; creates the empty run tables. Throws
  // trace::hdf5::Error naming the path if it cannot.
  TraceFile(std::string final_path, const TraceIdentity& identity, std::string command_line,
            const scenarios::Scenario& scenario, const agents::WorldSpec& spec);
  ~TraceFile();  // abandons the file if not committed
  TraceFile(const TraceFile&) = delete;
  TraceFile& operator=(const TraceFile&) = delete;

  [[nodiscard]] const std::string& final_path() const { return final_path_; }
  [[nodiscard]] const std::string& temporary_path() const { return temporary_path_; }

  // One run, streamed: begin_run(), its events and hostility samples in
  // pieces, then end_run() with the finished record (its events and hostility
  // already appended; the summary's row ranges are filled in here).
  void begin_run();
  void append_events(std::span<const EventRow> events);
  void append_hostility(std::span<const float> samples);  // whole rows of dyads
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

  // A risk file's estimates (kind "risk"): /risk with its level names, one
  // row of /risk/estimates per record and one of /risk/stages per stage
  // run, in the records' order.
  void write_risk(std::span<const RiskRecord> records, const std::vector<std::string>& level_names);

  // Closes the file, syncs it to disk and renames it to its final name.
  void commit();
  // Closes and removes the temporary file.
  void abandon() noexcept;

 private:
  struct Tables;
  std::string final_path_;
  std::string temporary_path_;
  std::uint32_t dyads_ = 0;
  trace::hdf5::File file_;
  std::unique_ptr<Tables> tables_;
  std::uint64_t run_events_begin_ = 0;
  std::uint64_t run_hostility_begin_ = 0;
  bool done_ = false;
};

}  // namespace hotline::trace
