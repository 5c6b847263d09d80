// The bytes of a run's snapshot: a writer that appends values and a reader
// that takes them back in the same order, each check failing loudly.
//
// A snapshot (docs/rare-events.md) holds a replication's dynamic state at a
// step — what evolved since the world was built from its description — so
// that a run restored from it continues bit for bit as the original.
// Every component that has such state writes it with SnapshotWriter in a
// fixed order and reads it back with SnapshotReader in the same order;
// what can be rebuilt from the description (the land, the zones, the
// spatial index) is not written. Values are written as the machine holds
// them (a snapshot is read by the build that wrote it: its header names the
// build), arrays with their lengths, and each component's part is framed by
// a tag so that a reader out of step fails at once, naming the part.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace hotline::engine {

// Bytes that are not the snapshot the reader expects: cut short, a tag out
// of place, a length past the end. what() says which.
class SnapshotError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

template <class T>
concept SnapshotValue = std::is_trivially_copyable_v<T> && !std::is_pointer_v<T>;

class SnapshotWriter {
 public:
  // A part's start: its tag, read back by SnapshotReader::part.
  void part(std::string_view tag) { text(tag); }

  template <SnapshotValue T>
  void value(const T& v) {
    const auto* p = reinterpret_cast<const std::byte*>(&v);
    bytes_.insert(bytes_.end(), p, p + sizeof(T));
  }
  template <SnapshotValue T>
  void values(std::span<const T> v) {
    value(static_cast<std::uint64_t>(v.size()));
    const auto* p = reinterpret_cast<const std::byte*>(v.data());
    bytes_.insert(bytes_.end(), p, p + v.size_bytes());
  }
  template <SnapshotValue T>
  void values(const std::vector<T>& v) {
    values(std::span<const T>(v));
  }
  void text(std::string_view t) {
    value(static_cast<std::uint64_t>(t.size()));
    const auto* p = reinterpret_cast<const std::byte*>(t.data());
    bytes_.insert(bytes_.end(), p, p + t.size());
  }

  [[nodiscard]] const std::vector<std::byte>& bytes() const { return bytes_; }
  [[nodiscard]] std::vector<std::byte> take() { return std::move(bytes_); }

 private:
  std::vector<std::byte> bytes_;
};

class SnapshotReader {
 public:
  explicit SnapshotReader(std::span<const std::byte> bytes) : bytes_(bytes) {}

  // Throws SnapshotError unless the next part is `tag`.
  void part(std::string_view tag) {
    const std::string found = text();
    if (found != tag)
      throw SnapshotError("snapshot: expected part '" + std::string(tag) + "', found '"
                          + found.substr(0, 40) + "'");
    current_ = tag;
  }

  template <SnapshotValue T>
  T value() {
    if constexpr (std::is_same_v<T, bool>) {
      // Any byte but 0 or 1 is not a bool (and reading it as one is
      // undefined).
      const auto b = value<std::uint8_t>();
      if (b > 1) throw SnapshotError("snapshot: " + current_ + ": a flag that is neither 0 nor 1");
      return b == 1;
    } else {
      T v;
      std::memcpy(&v, take(sizeof(T)).data(), sizeof(T));
      return v;
    }
  }
  template <SnapshotValue T>
  void value(T& v) {
    v = value<T>();
  }
  // An array written by SnapshotWriter::values.
  template <SnapshotValue T>
  void values(std::vector<T>& v) {
    const auto n = value<std::uint64_t>();
    if (n > (bytes_.size() - at_) / (sizeof(T) == 0 ? 1 : sizeof(T)))
      throw SnapshotError("snapshot: " + current_ + ": an array runs past the end");
    v.resize(static_cast<std::size_t>(n));
    const std::span<const std::byte> from = take(static_cast<std::size_t>(n) * sizeof(T));
    if (!from.empty()) std::memcpy(v.data(), from.data(), from.size());
  }
  // An array of exactly `expected` items (a column of the world's own size).
  template <SnapshotValue T>
  void values(std::vector<T>& v, std::size_t expected) {
    values(v);
    if (v.size() != expected)
      throw SnapshotError("snapshot: " + current_ + ": " + std::to_string(v.size())
                          + " items where the world has " + std::to_string(expected));
  }
  std::string text() {
    const auto n = value<std::uint64_t>();
    if (n > bytes_.size() - at_) throw SnapshotError("snapshot: " + current_ + ": cut short");
    const std::span<const std::byte> from = take(static_cast<std::size_t>(n));
    return std::string(reinterpret_cast<const char*>(from.data()), from.size());
  }

  [[nodiscard]] bool at_end() const { return at_ == bytes_.size(); }
  [[nodiscard]] std::size_t remaining() const { return bytes_.size() - at_; }

 private:
  std::span<const std::byte> take(std::size_t n) {
    if (n > bytes_.size() - at_) throw SnapshotError("snapshot: " + current_ + ": cut short");
    const std::span<const std::byte> out = bytes_.subspan(at_, n);
    at_ += n;
    return out;
  }

  std::span<const std::byte> bytes_;
  std::size_t at_ = 0;
  std::string current_ = "header";
};

}  // namespace hotline::engine
