#include "hotline/trace/record_journal.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <limits>
#include <utility>

#include "hotline/trace/output_file.hpp"

namespace hotline::trace {

namespace {

constexpr std::array<char, 16> kMagic{'H', 'O', 'T', 'L', 'I', 'N', 'E', '-',
                                      'J', 'O', 'U', 'R', 'N', 'A', 'L', '\0'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kFrameMagic = 0x4352'4c48;  // "HLRC"
constexpr std::size_t kHeaderFixed = kMagic.size() + 12;
constexpr std::size_t kFrameHeader = 12;

void put_u32(std::byte* at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i)
    at[i] = static_cast<std::byte>((v >> (8 * i)) & 0xffU);
}

std::uint32_t get_u32(const std::byte* at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= static_cast<std::uint32_t>(at[i]) << (8 * i);
  return v;
}

std::string system_error(const std::string& what) {
  return what + ": " + std::strerror(errno);
}

void write_all(const std::string& path, int fd, const std::byte* data, std::size_t size,
               std::uint64_t offset) {
  while (size > 0) {
    const ssize_t n = ::pwrite(fd, data, size, static_cast<off_t>(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      throw JournalError(path, system_error("cannot write"));
    }
    data += n;
    size -= static_cast<std::size_t>(n);
    offset += static_cast<std::uint64_t>(n);
  }
}

// Reads up to `size` bytes at `offset`; returns how many there were.
std::size_t read_some(const std::string& path, int fd, std::byte* data, std::size_t size,
                      std::uint64_t offset) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd, data + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      throw JournalError(path, system_error("cannot read"));
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  return done;
}

}  // namespace

std::uint32_t crc32_of(std::span<const std::byte> bytes) {
  uLong crc = ::crc32(0L, Z_NULL, 0);
  const auto* data = reinterpret_cast<const Bytef*>(bytes.data());
  std::size_t left = bytes.size();
  while (left > 0) {
    const auto piece = static_cast<uInt>(std::min<std::size_t>(left, 1U << 30));
    crc = ::crc32(crc, data, piece);
    data += piece;
    left -= piece;
  }
  return static_cast<std::uint32_t>(crc);
}

void sync_directory(const std::string& directory) {
  const int fd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) throw JournalError(directory, system_error("cannot open the directory"));
  const int status = ::fsync(fd);
  ::close(fd);
  if (status != 0) throw JournalError(directory, system_error("cannot sync the directory"));
}

RecordJournal::RecordJournal(RecordJournal&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      identity_(std::move(other.identity_)),
      offsets_(std::move(other.offsets_)),
      lengths_(std::move(other.lengths_)),
      end_(other.end_),
      truncated_bytes_(other.truncated_bytes_) {}

RecordJournal& RecordJournal::operator=(RecordJournal&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    identity_ = std::move(other.identity_);
    offsets_ = std::move(other.offsets_);
    lengths_ = std::move(other.lengths_);
    end_ = other.end_;
    truncated_bytes_ = other.truncated_bytes_;
  }
  return *this;
}

RecordJournal::~RecordJournal() {
  if (fd_ >= 0) ::close(fd_);
}

RecordJournal RecordJournal::create(const std::string& path, std::span<const std::byte> identity) {
  if (identity.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw JournalError(path, "identity too large");
  }
  // Created new: what stood there (a journal the caller chose to replace,
  // or a link, which is removed and never followed) goes first.
  int fd = -1;
  try {
    remove_stale(path);
    fd = create_new_file(path);
  } catch (const OutputRefused& e) {
    throw JournalError(path, e.reason());
  }
  RecordJournal journal(path, fd);
  std::vector<std::byte> header(kHeaderFixed + identity.size());
  std::memcpy(header.data(), kMagic.data(), kMagic.size());
  put_u32(header.data() + kMagic.size(), kVersion);
  put_u32(header.data() + kMagic.size() + 4, static_cast<std::uint32_t>(identity.size()));
  put_u32(header.data() + kMagic.size() + 8, crc32_of(identity));
  if (!identity.empty())
    std::memcpy(header.data() + kHeaderFixed, identity.data(), identity.size());
  write_all(path, fd, header.data(), header.size(), 0);
  journal.identity_.assign(identity.begin(), identity.end());
  journal.end_ = header.size();
  journal.sync();
  return journal;
}

RecordJournal RecordJournal::open(const std::string& path) {
  int fd = -1;
  try {
    fd = open_existing_file(path);
  } catch (const OutputRefused& e) {
    throw JournalError(path, e.reason());
  }
  RecordJournal journal(path, fd);
  std::array<std::byte, kHeaderFixed> fixed{};
  if (read_some(path, fd, fixed.data(), fixed.size(), 0) != fixed.size()
      || std::memcmp(fixed.data(), kMagic.data(), kMagic.size()) != 0) {
    throw JournalError(path, "not a Hotline journal");
  }
  const std::uint32_t version = get_u32(fixed.data() + kMagic.size());
  if (version != kVersion) {
    throw JournalError(path, "journal format version " + std::to_string(version)
                                 + ", this build reads version " + std::to_string(kVersion));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) throw JournalError(path, system_error("cannot stat"));
  const auto file_size = static_cast<std::uint64_t>(info.st_size);
  const std::uint32_t identity_size = get_u32(fixed.data() + kMagic.size() + 4);
  const std::uint32_t identity_crc = get_u32(fixed.data() + kMagic.size() + 8);
  // A damaged length must not make us allocate what the file cannot hold.
  if (identity_size > file_size - kHeaderFixed) {
    throw JournalError(path, "the journal's header is damaged");
  }
  journal.identity_.resize(identity_size);
  if (read_some(path, fd, journal.identity_.data(), identity_size, kHeaderFixed) != identity_size
      || crc32_of(journal.identity_) != identity_crc) {
    throw JournalError(path, "the journal's header is damaged");
  }

  // Walk the frames; the first that is short or fails its checksum is where
  // the interruption cut the journal.
  std::uint64_t at = kHeaderFixed + identity_size;
  std::vector<std::byte> payload;
  while (at + kFrameHeader <= file_size) {
    std::array<std::byte, kFrameHeader> frame{};
    if (read_some(path, fd, frame.data(), frame.size(), at) != frame.size()) break;
    if (get_u32(frame.data()) != kFrameMagic) break;
    const std::uint32_t length = get_u32(frame.data() + 4);
    if (at + kFrameHeader + length > file_size) break;
    payload.resize(length);
    if (read_some(path, fd, payload.data(), length, at + kFrameHeader) != length
        || crc32_of(payload) != get_u32(frame.data() + 8)) {
      break;
    }
    journal.offsets_.push_back(at);
    journal.lengths_.push_back(length);
    at += kFrameHeader + length;
  }
  journal.end_ = at;
  journal.truncated_bytes_ = file_size - at;
  if (journal.truncated_bytes_ > 0) {
    if (::ftruncate(fd, static_cast<off_t>(at)) != 0) {
      throw JournalError(path, system_error("cannot cut the torn record off the journal"));
    }
    journal.sync();
  }
  return journal;
}

void RecordJournal::append(std::span<const std::byte> payload) {
  if (payload.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw JournalError(path_, "record too large (" + std::to_string(payload.size()) + " bytes)");
  }
  std::vector<std::byte> frame(kFrameHeader + payload.size());
  put_u32(frame.data(), kFrameMagic);
  put_u32(frame.data() + 4, static_cast<std::uint32_t>(payload.size()));
  put_u32(frame.data() + 8, crc32_of(payload));
  if (!payload.empty()) std::memcpy(frame.data() + kFrameHeader, payload.data(), payload.size());
  write_all(path_, fd_, frame.data(), frame.size(), end_);
  offsets_.push_back(end_);
  lengths_.push_back(static_cast<std::uint32_t>(payload.size()));
  end_ += frame.size();
}

void RecordJournal::truncate(std::size_t records) {
  if (records >= offsets_.size()) return;
  const std::uint64_t at = offsets_[records];
  if (::ftruncate(fd_, static_cast<off_t>(at)) != 0) {
    throw JournalError(path_, system_error("cannot cut records off the journal"));
  }
  offsets_.resize(records);
  lengths_.resize(records);
  end_ = at;
  sync();
}

void RecordJournal::sync() {
  if (::fdatasync(fd_) != 0) throw JournalError(path_, system_error("cannot sync the journal"));
}

std::vector<std::byte> RecordJournal::read(std::size_t index) const {
  std::vector<std::byte> frame(kFrameHeader + lengths_.at(index));
  if (read_some(path_, fd_, frame.data(), frame.size(), offsets_[index]) != frame.size()) {
    throw JournalError(path_, "record " + std::to_string(index) + " is short");
  }
  std::vector<std::byte> payload(frame.begin() + kFrameHeader, frame.end());
  if (crc32_of(payload) != get_u32(frame.data() + 8)) {
    throw JournalError(path_, "record " + std::to_string(index) + " fails its checksum");
  }
  return payload;
}

void RecordJournal::close() {
  if (fd_ < 0) return;
  sync();
  const int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0) throw JournalError(path_, system_error("cannot close the journal"));
}

}  // namespace hotline::trace
