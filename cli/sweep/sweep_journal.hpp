// A sweep's journal beside its output (OUTPUT.journal): deciding from the
// output and the journal on disk whether the sweep starts, resumes, is
// complete already or must be refused; which runs the journal holds; the
// group-committed appends of finished runs; and the journal's removal once
// the file is assembled. Every sweep goes through it, on one process or as
// MPI rank 0 (the ranks send their runs to rank 0, which journals them).
//
// The journal's header is the sweep's identity: `--resume` continues only
// the sweep the command describes (same scenario, seed, days, grid, events)
// and says which field differs otherwise.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/output_claim.hpp"
#include "hotline/engine/run_grid.hpp"
#include "hotline/trace/background_writer.hpp"
#include "hotline/trace/identity.hpp"
#include "hotline/trace/record_journal.hpp"
#include "hotline/trace/rows.hpp"

namespace hotline::cli {

// How the sweep's output and journal are treated (the command's flags).
struct JournalPolicy {
  std::string output;
  bool resume = false;       // continue the journal of an interrupted sweep
  bool force = false;        // replace an output, or start over from a journal
  std::string command_line;  // written in the output's lock file
};

struct JournalOpening;

class SweepJournal {
 public:
  // Claims the output (its lock, its path checked), then creates, resumes
  // or refuses the journal of
  // the sweep `identity` describes, whose runs are `shard` of `grid`.
  // Installs the Ctrl-C handlers before the journal is touched (a signal
  // then never leaves it half written).
  static JournalOpening open(const JournalPolicy& policy, const trace::TraceIdentity& identity,
                             const engine::RunGrid& grid, std::span<const engine::RunKey> shard,
                             std::ostream& out, std::ostream& err);

  [[nodiscard]] const std::string& path() const { return path_; }
  // The runs of `shard` the journal does not hold yet, in `shard`'s order.
  [[nodiscard]] std::vector<engine::RunKey> todo(std::span<const engine::RunKey> shard) const;
  // Whether the journal holds run `key` (before the runs start).
  [[nodiscard]] bool holds(engine::RunKey key) const;

  // Queues a finished run on `writer`: appended, and synced by the last of
  // the appends queued with it (group commit: one sync per batch when many
  // runs finish at once). Callable from several threads.
  void queue(trace::BackgroundWriter& writer, engine::RunKey key, std::vector<std::byte> record);

  // After an interruption: closes the journal and counts the runs it saved.
  [[nodiscard]] std::size_t close_and_count();
  // The record of `key` (every run of the shard must be in). Throws
  // std::logic_error for a missing run.
  [[nodiscard]] trace::RunRecord read(engine::RunKey key);
  // The bytes of `key`'s record as journaled (a risk estimate's record).
  [[nodiscard]] std::vector<std::byte> read_bytes(engine::RunKey key);
  // Once the file is assembled and committed: closes and removes the journal.
  void remove();

 private:
  SweepJournal(std::string path, trace::RecordJournal journal, const engine::RunGrid& grid);
  static std::optional<trace::RecordJournal> open_or_create(const JournalPolicy& policy,
                                                            const std::string& path,
                                                            const trace::TraceIdentity& identity,
                                                            std::ostream& err);
  std::size_t index_records(std::span<const engine::RunKey> shard);

  static constexpr std::size_t kNotDone = static_cast<std::size_t>(-1);
  std::string path_;
  trace::RecordJournal journal_;
  engine::RunGrid grid_;
  std::vector<std::size_t> record_of_;  // the journal record of each canonical run
  std::shared_ptr<std::atomic<std::size_t>> unsynced_;
};

// What opening found: a journal to run into, or an exit code (0: the
// output is this sweep, complete already; 1 or 2: refused, said on `err`).
struct JournalOpening {
  std::optional<OutputClaim> output;  // the output locked and its path to write
  std::optional<SweepJournal> journal;
  int exit_code = 0;
};

}  // namespace hotline::cli
