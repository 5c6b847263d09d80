// Helpers shared by the tests: a stable hash for golden values.
#pragma once

#include <bit>
#include <cstdint>
#include <span>

namespace hotline::test {

// FNV-1a, 64 bit: simple, stable across platforms and runs (unlike std::hash).
class Fnv1a {
 public:
  void add_u64(std::uint64_t v) {
    for (int b = 0; b < 8; ++b) {
      state_ ^= (v >> (8 * b)) & 0xFFU;
      state_ *= 0x100000001b3ULL;
    }
  }
  void add_double(double v) { add_u64(std::bit_cast<std::uint64_t>(v)); }
  void add_doubles(std::span<const double> values) {
    for (double v : values)
      add_double(v);
  }
  [[nodiscard]] std::uint64_t value() const { return state_; }

 private:
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace hotline::test
