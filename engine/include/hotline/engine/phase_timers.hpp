// The named phases of a step and their wall-clock timers.
//
// A step is the same fixed sequence of phases in every model
// (docs/architecture.md, "The step, phase by phase"); timing each one is what `--profile` and
// `hotline bench` report. Timers are per simulation and touched once per phase per step, so they
// cost nothing measurable.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hotline::engine {

enum class Phase : std::uint8_t { decide, move, index, sense, resolve, command, record };
inline constexpr std::size_t kPhaseCount = 7;

[[nodiscard]] std::string_view phase_name(Phase phase);

class PhaseTimers {
 public:
  using Clock = std::chrono::steady_clock;

  // Adds the time from construction to destruction to one phase.
  class Scope {
   public:
    Scope(PhaseTimers& timers, Phase phase) : timers_(timers), phase_(phase) {}
    ~Scope() { timers_.add(phase_, Clock::now() - start_); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    PhaseTimers& timers_;
    Phase phase_;
    Clock::time_point start_ = Clock::now();
  };

  [[nodiscard]] Scope measure(Phase phase) { return Scope(*this, phase); }
  void add(Phase phase, Clock::duration elapsed) {
    totals_[static_cast<std::size_t>(phase)] += elapsed;
  }
  [[nodiscard]] Clock::duration total(Phase phase) const {
    return totals_[static_cast<std::size_t>(phase)];
  }
  [[nodiscard]] Clock::duration total() const;
  void reset() { totals_.fill(Clock::duration::zero()); }

 private:
  std::array<Clock::duration, kPhaseCount> totals_{};
};

}  // namespace hotline::engine
