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
//
// Branches: a run cloned from a snapshot (rare-event splitting) draws on
// its own branch, a 64-bit number naming its path in the tree of clones
// (branch_of). The trunk is branch 0 and its key is the seed itself, so a
// run that never branches draws what it always drew; a branch's key is the
// seed mixed with the branch (splitmix64), so clones differ from each other
// and from the trunk, each is reproducible, and a clone on the same branch
// under another policy draws the same numbers (common random numbers on the
// tree).
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
  [[nodiscard]] std::uint64_t branch() const { return branch_; }

  // The same streams on branch `branch` (0: the trunk).
  [[nodiscard]] CounterRng on_branch(std::uint64_t branch) const {
    CounterRng r(seed_, replication_);
    r.branch_ = branch;
    if (branch != 0) {
      const std::uint64_t key = seed_ ^ mix64(branch);
      r.key_ = {{static_cast<std::uint32_t>(key), static_cast<std::uint32_t>(key >> 32)}};
    }
    return r;
  }
  // The branch of clone `clone` (from 0) of a run on branch `parent`: never
  // 0, and different for different (parent, clone) but with negligible
  // chance (2^-64 a pair).
  [[nodiscard]] static std::uint64_t branch_of(std::uint64_t parent, std::uint32_t clone) {
    const std::uint64_t b = mix64(parent * 0x9e3779b97f4a7c15ULL + clone + 1);
    return b == 0 ? 1 : b;
  }

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
  // splitmix64's finalizer: a bijection of 64-bit words that spreads bits.
  static std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  std::uint64_t seed_;
  std::uint32_t replication_;
  std::uint64_t branch_ = 0;
  r123::Philox4x32::key_type key_;
};

}  // namespace hotline::engine
