// A journal: an append-only file of records that survives any interruption
// — Ctrl-C, SIGTERM, kill -9, a machine that loses power — with every record
// that was synced intact and nothing half-written taken for a record.
//
// The sweep writes each finished run to its journal; the journal is what
// makes a run durable the moment it completes, and what `--resume` reads to
// know which runs are done. It knows nothing of what a record means.
//
// Layout (little-endian): a header — the magic "HOTLINE-JOURNAL", a format
// version, the length and CRC-32 of the owner's identity bytes, the bytes —
// then frames: a frame magic, the payload's length and CRC-32, the payload.
// A frame is appended with one write() and made durable by sync()
// (fdatasync). Opening an existing journal checks the header and every
// frame; it stops at the first frame that is short or fails its checksum (a
// write cut off by the interruption) and truncates the file there, so the
// next append follows the last good record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace hotline::trace {

class JournalError : public std::runtime_error {
 public:
  JournalError(std::string path, const std::string& what)
      : std::runtime_error(path + ": " + what), path_(std::move(path)) {}
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class RecordJournal {
 public:
  // Creates a new journal (replacing any file at `path`) whose header holds
  // `identity`, and syncs it.
  static RecordJournal create(const std::string& path, std::span<const std::byte> identity);
  // Opens an existing journal: checks the header, finds every intact record
  // and truncates a torn tail. Throws JournalError if the file is not a
  // journal (or its header is damaged).
  static RecordJournal open(const std::string& path);

  RecordJournal(RecordJournal&& other) noexcept;
  RecordJournal& operator=(RecordJournal&& other) noexcept;
  RecordJournal(const RecordJournal&) = delete;
  RecordJournal& operator=(const RecordJournal&) = delete;
  ~RecordJournal();

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::vector<std::byte>& identity() const { return identity_; }
  // Intact records, in the order they were appended.
  [[nodiscard]] std::size_t size() const { return offsets_.size(); }
  // Bytes cut from the tail when the journal was opened (a torn record).
  [[nodiscard]] std::uint64_t truncated_bytes() const { return truncated_bytes_; }

  // Appends one record (one write; durable after the next sync()).
  void append(std::span<const std::byte> payload);
  // Makes every appended record durable.
  void sync();
  // Keeps the first `records` records and cuts the rest off the file
  // (synced): for records whose checksum holds but whose content does not
  // decode, which the reader then treats as a torn tail.
  void truncate(std::size_t records);
  // Reads record `index` back (its checksum checked again).
  [[nodiscard]] std::vector<std::byte> read(std::size_t index) const;
  // Closes the file (syncing first).
  void close();

 private:
  RecordJournal(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}

  std::string path_;
  int fd_ = -1;
  std::vector<std::byte> identity_;
  std::vector<std::uint64_t> offsets_;  // of each record's frame
  std::vector<std::uint32_t> lengths_;
  std::uint64_t end_ = 0;  // where the next frame goes
  std::uint64_t truncated_bytes_ = 0;
};

// CRC-32 (zlib's polynomial) of the bytes.
[[nodiscard]] std::uint32_t crc32_of(std::span<const std::byte> bytes);

// Makes a rename or a new file in `directory` durable (fsync of the
// directory); throws JournalError.
void sync_directory(const std::string& directory);

}  // namespace hotline::trace
