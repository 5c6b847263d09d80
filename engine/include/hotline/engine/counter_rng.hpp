// Counter-based random numbers (Random123 Philox4x32-10).
//
// Every draw is a pure function of (seed, replication, step, subject_a,
// subject_b, purpose): no generator state is kept, shared or advanced, so the
// draws an agent sees do not depend on which thread runs it, in which order,
// or how the work was split. The 64-bit seed is the Philox key; the counter is
//   word 0: step
//   word 1: subject_a (an AgentId, or another subject such as a zone)
//   word 2: subject_b (the second agent of a pair, or a draw index, else 0)
//   word 3: replication << 8 | purpose
// so replication is limited to 2^24 values and purpose to 2^8 (rng_purpose.hpp).
#pragma once

#include <Random123/philox.h>

#include <array>
#include <cstdint>
#include <stdexcept>

#include "hotline/engine/rng_purpose.hpp"

namespace hotline::engine {

class CounterRng {
 public:
  static constexpr std::uint32_t kMaxReplications = 1U << 24;

  // Throws std::out_of_range when replication >= kMaxReplications.
  CounterRng(std::uint64_t seed, std::uint32_t replication)
      : seed_(seed), replication_(replication) {
    if (replication >= kMaxReplications) {
      throw std::out_of_range("CounterRng: replication must be below 2^24");
    }
    key_ = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  }

  [[nodiscard]] std::uint64_t seed() const { return seed_; }
  [[nodiscard]] std::uint32_t replication() const { return replication_; }

  // Four independent uniformly distributed 32-bit words.
  [[nodiscard]] std::array<std::uint32_t, 4> words(std::uint32_t step, std::uint32_t subject_a,
                                                   std::uint32_t subject_b,
                                                   RngPurpose purpose) const {
    const r123::Philox4x32::ctr_type counter = {
        {step, subject_a, subject_b, (replication_ << 8) | static_cast<std::uint32_t>(purpose)}};
    const r123::Philox4x32::ctr_type out = r123::Philox4x32{}(counter, key_);
    return {out[0], out[1], out[2], out[3]};
  }

  // Uniform double in [0, 1) with 53 random bits (words 0 and 1).
  [[nodiscard]] double uniform(std::uint32_t step, std::uint32_t subject_a, std::uint32_t subject_b,
                               RngPurpose purpose) const {
    const auto w = words(step, subject_a, subject_b, purpose);
    return to_unit_interval(w[0], w[1]);
  }

  // Maps two 32-bit words to a double in [0, 1) using their top 53 bits.
  [[nodiscard]] static double to_unit_interval(std::uint32_t high, std::uint32_t low) {
    const std::uint64_t bits = (static_cast<std::uint64_t>(high) << 32) | low;
    return static_cast<double>(bits >> 11) * 0x1.0p-53;
  }

 private:
  std::uint64_t seed_;
  std::uint32_t replication_;
  r123::Philox4x32::key_type key_;
};

}  // namespace hotline::engine
