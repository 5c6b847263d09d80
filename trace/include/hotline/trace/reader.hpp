// Reading a finished trace file (format 3, docs/trace-format.md): its
// identity, name tables and /summary at once, any run's rows on demand.
//
// The reader checks what it reads before anyone relies on it: a file that
// is not HDF5, not a Hotline trace, of another format version, or whose
// tables disagree (a policy index past /policies, a run twice, row ranges
// outside their datasets) is refused with a TraceError naming the file and
// what is wrong. `hotline merge` and `hotline report` read through it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "hotline/trace/hdf5_table.hpp"
#include "hotline/trace/identity.hpp"
#include "hotline/trace/risk_record.hpp"
#include "hotline/trace/rows.hpp"

namespace hotline::trace {

// A file that cannot be read as a trace: what() is "PATH: what is wrong".
class TraceError : public std::runtime_error {
 public:
  TraceError(std::string path, const std::string& what)
      : std::runtime_error(path + ": " + what), path_(std::move(path)) {}
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class TraceReader {
 public:
  explicit TraceReader(const std::string& path);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const TraceIdentity& identity() const { return identity_; }
  [[nodiscard]] double dt_s() const { return dt_s_; }
  // /summary, one row per run, in the file's (canonical) order.
  [[nodiscard]] const std::vector<SummaryRow>& summary() const { return summary_; }
  // /dyads names ("a-b") and /nations ids, in their tables' order.
  [[nodiscard]] const std::vector<std::string>& dyad_names() const { return dyad_names_; }
  [[nodiscard]] const std::vector<std::string>& nation_ids() const { return nation_ids_; }
  [[nodiscard]] std::uint32_t dyads() const {
    return static_cast<std::uint32_t>(dyad_names_.size());
  }
  // A risk file's estimates, in /risk/estimates' order, with the names of
  // its levels; empty for other files.
  [[nodiscard]] std::vector<RiskRecord> risk_records() const;
  [[nodiscard]] std::vector<std::string> risk_level_names() const;

  // The whole record of the run at row `position` of /summary.
  [[nodiscard]] RunRecord read_run(std::size_t position) const;
  // The open file, for readers of its other tables (run_view.hpp).
  [[nodiscard]] const trace::hdf5::File& file() const { return file_; }

 private:
  void check_tables() const;

  std::string path_;
  trace::hdf5::File file_;
  TraceIdentity identity_;
  double dt_s_ = 0.0;
  std::vector<SummaryRow> summary_;
  std::vector<std::string> dyad_names_;
  std::vector<std::string> nation_ids_;
  std::uint64_t presence_per_run_ = 0;
};

}  // namespace hotline::trace
