#include "sweep/sweep_journal.hpp"

#include <fmt/format.h>

#include <cstring>
#include <filesystem>
#include <ostream>
#include <stdexcept>

#include "common/exit_codes.hpp"
#include "common/interrupt.hpp"
#include "common/scenario_input.hpp"
#include "hotline/trace/reader.hpp"
#include "hotline/trace/run_record.hpp"

namespace hotline::cli {

namespace fs = std::filesystem;

namespace {

// The key of a journal record without decoding it: the summary row leads.
engine::RunKey record_key(std::span<const std::byte> payload) {
  trace::SummaryRow row{};
  if (payload.size() < sizeof row) throw std::runtime_error("journal record too short");
  std::memcpy(&row, payload.data(), sizeof row);
  return {row.policy, row.replication, row.point};
}

// An existing output under --resume: complete already (exit 0) if it is
// this sweep, refused (exit 2) otherwise.
int finished_output(const JournalPolicy& policy, const trace::TraceIdentity& identity,
                    std::size_t runs, std::ostream& out, std::ostream& err) {
  try {
    const trace::TraceReader done(policy.output);
    if (auto diff = trace::identity_difference(identity, "this command", done.identity(),
                                               policy.output, true)) {
      err << fmt::format(
          "hotline: error: {}: exists and is a different sweep ({}); --force replaces it\n",
          policy.output, *diff);
      return kExitBadInput;
    }
  } catch (const trace::TraceError& e) {
    err << "hotline: error: " << e.what() << "; --force replaces it\n";
    return kExitBadInput;
  }
  std::error_code ignored;
  fs::remove(policy.output + ".journal", ignored);  // left by a stop between rename and removal
  out << fmt::format("{}: complete already ({} runs)\n", policy.output, runs);
  return kExitOk;
}

// Whether the output path can take the sweep: an exit code if not (or if
// the sweep is complete already), nothing if it can.
std::optional<int> check_output(const JournalPolicy& policy, const trace::TraceIdentity& identity,
                                std::size_t runs, std::ostream& out, std::ostream& err) {
  std::error_code error;
  if (fs::exists(policy.output, error) && !policy.force) {
    return finished_output(policy, identity, runs, out, err);
  }
  return std::nullopt;
}

}  // namespace

SweepJournal::SweepJournal(std::string path, trace::RecordJournal journal,
                           const engine::RunGrid& grid)
    : path_(std::move(path)),
      journal_(std::move(journal)),
      grid_(grid),
      record_of_(static_cast<std::size_t>(grid.size()), kNotDone),
      unsynced_(std::make_shared<std::atomic<std::size_t>>(0)) {}

JournalOpening SweepJournal::open(const JournalPolicy& policy, const trace::TraceIdentity& identity,
                                  const engine::RunGrid& grid,
                                  std::span<const engine::RunKey> shard, std::ostream& out,
                                  std::ostream& err) {
  JournalOpening opening;
  // An existing output is left to check_output under --resume.
  opening.output =
      claim_output(policy.output, policy.force || policy.resume, policy.command_line, err);
  if (!opening.output) {
    opening.exit_code = kExitBadInput;
    return opening;
  }
  JournalPolicy claimed = policy;
  claimed.output = opening.output->path;
  if (const auto code = check_output(claimed, identity, shard.size(), out, err)) {
    opening.exit_code = *code;
    return opening;
  }
  // From here a Ctrl-C only sets the flag: the journal is never left half
  // written by one, and the sweep stops at its first check with it whole.
  catch_interrupts();
  const std::string path = claimed.output + ".journal";
  std::error_code error;
  const bool existed = fs::exists(path, error);
  std::optional<trace::RecordJournal> journal = open_or_create(claimed, path, identity, err);
  if (!journal) {
    opening.exit_code = kExitBadInput;
    return opening;
  }
  opening.journal.emplace(SweepJournal(path, std::move(*journal), grid));
  try {
    if (const std::size_t cut = opening.journal->index_records(shard); cut > 0) {
      err << fmt::format(
          "hotline: {}: cut {} record{} that did not decode as runs of this sweep (damaged); "
          "their runs run again\n",
          path, cut, cut == 1 ? "" : "s");
    }
  } catch (const std::exception& e) {
    err << fmt::format("hotline: error: {}: {}\n", path, e.what());
    opening.journal.reset();
    opening.exit_code = kExitRunFailure;
    return opening;
  }
  if (policy.resume && !existed) err << "hotline: no journal to resume: starting the sweep\n";
  return opening;
}

// Resumes the journal at `path` if asked and it is this sweep's, refuses an
// interrupted sweep's journal without --resume or --force, else creates a
// new one. Refusals are said on `err`.
std::optional<trace::RecordJournal> SweepJournal::open_or_create(
    const JournalPolicy& policy, const std::string& path, const trace::TraceIdentity& identity,
    std::ostream& err) {
  std::error_code error;
  const bool exists = fs::exists(path, error);
  try {
    if (exists && !policy.resume && !policy.force) {
      err << fmt::format(
          "hotline: error: {}: an interrupted sweep's journal; --resume finishes it, --force "
          "starts over\n",
          path);
      return std::nullopt;
    }
    if (!exists || !policy.resume) return trace::RecordJournal::create(path, identity.encode());
    trace::RecordJournal journal = trace::RecordJournal::open(path);
    trace::TraceIdentity found;
    try {
      found = trace::TraceIdentity::decode(journal.identity());
    } catch (const std::exception& e) {
      err << fmt::format("hotline: error: {}: {}; --force starts over\n", path, e.what());
      return std::nullopt;
    }
    if (auto diff = trace::identity_difference(identity, "this command", found, path, true)) {
      err << fmt::format(
          "hotline: error: {}: belongs to a different sweep ({}); --force starts over\n", path,
          *diff);
      return std::nullopt;
    }
    if (journal.truncated_bytes() > 0) {
      err << fmt::format(
          "hotline: {}: dropped a torn last record ({} bytes) left by the interruption\n", path,
          journal.truncated_bytes());
    }
    return journal;
  } catch (const trace::JournalError& e) {
    err << "hotline: error: " << e.what() << '\n';
    return std::nullopt;
  }
}

// Which runs the journal holds: each must decode as a run of the shard; a
// run recorded twice counts once (its first record). A record whose
// checksum holds but which does not decode, or is no run of the shard
// (damage the checksum missed, or a bug of the build that wrote it), is
// treated as a torn tail: it and every record after it are cut off, and
// their runs run again. Returns how many records were cut.
std::size_t SweepJournal::index_records(std::span<const engine::RunKey> shard) {
  std::vector<std::uint8_t> in_shard(static_cast<std::size_t>(grid_.size()), 0);
  for (const engine::RunKey key : shard)
    in_shard[static_cast<std::size_t>(grid_.canonical_index(key))] = 1;
  const std::size_t records = journal_.size();
  for (std::size_t r = 0; r < records; ++r) {
    engine::RunKey key{};
    try {
      key = record_key(journal_.read(r));
      (void)trace::decode_run_record(journal_.read(r));
    } catch (const std::exception&) {
      journal_.truncate(r);
      return records - r;
    }
    if (key.point >= grid_.points() || key.policy >= grid_.policies()
        || key.replication >= grid_.replications()
        || in_shard[static_cast<std::size_t>(grid_.canonical_index(key))] == 0) {
      journal_.truncate(r);
      return records - r;
    }
    auto& slot = record_of_[static_cast<std::size_t>(grid_.canonical_index(key))];
    if (slot == kNotDone) slot = r;
  }
  return 0;
}

std::vector<engine::RunKey> SweepJournal::todo(std::span<const engine::RunKey> shard) const {
  std::vector<engine::RunKey> todo;
  for (const engine::RunKey key : shard) {
    if (record_of_[static_cast<std::size_t>(grid_.canonical_index(key))] == kNotDone)
      todo.push_back(key);
  }
  return todo;
}

bool SweepJournal::holds(engine::RunKey key) const {
  return record_of_[static_cast<std::size_t>(grid_.canonical_index(key))] != kNotDone;
}

void SweepJournal::queue(trace::BackgroundWriter& writer, engine::RunKey key,
                         std::vector<std::byte> record) {
  auto payload = std::make_shared<std::vector<std::byte>>(std::move(record));
  const auto slot = static_cast<std::size_t>(grid_.canonical_index(key));
  unsynced_->fetch_add(1);
  writer.submit(payload->size(), [this, slot, payload] {
    journal_.append(*payload);
    if (unsynced_->fetch_sub(1) == 1) journal_.sync();
    // Only the writer thread touches record_of_ until the writer finishes.
    record_of_[slot] = journal_.size() - 1;
  });
}

std::size_t SweepJournal::close_and_count() {
  journal_.close();
  return trace::RecordJournal::open(path_).size();
}

trace::RunRecord SweepJournal::read(engine::RunKey key) {
  return trace::decode_run_record(read_bytes(key));
}

std::vector<std::byte> SweepJournal::read_bytes(engine::RunKey key) {
  const std::size_t r = record_of_[static_cast<std::size_t>(grid_.canonical_index(key))];
  if (r == kNotDone) throw std::logic_error("a run of the sweep is missing from its journal");
  return journal_.read(r);
}

void SweepJournal::remove() {
  journal_.close();
  fs::remove(path_);
}

}  // namespace hotline::cli
