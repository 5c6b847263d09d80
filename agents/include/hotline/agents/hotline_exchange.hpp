// The hotline policy's calls (docs/model.md, "Crisis-communication policies"):
// the lines between command centres, the calls on them, their retries,
// relays through dialogue partners, answers and connections, and what a run
// measures of them.
//
// A line joins two command centres of a rival dyad. A call on a line is
// placed at a time; each attempt is answered with the probability the policy
// gives for the dyad's level at that moment, after the line's lognormal
// delay (hours between Beijing and Tokyo, up to two days to Washington); an
// unanswered attempt is retried every retry interval, up to max_retries
// times, and then, where trilateral dialogue relays calls, once through each
// dialogue partner in turn. A call in progress keeps its line busy: a second
// call on the same line is not placed. Who calls whom does not matter to the
// model (the callee's answer does), so a line has no direction.
//
// Ordering rule: events are processed one at a time in time order, ties by
// line index; a call's draws are keyed by its serial number (calls are
// numbered in the order they are placed) and its attempt, so the outcome is a
// function of the call sequence alone, never of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "hotline/agents/policies.hpp"
#include "hotline/engine/counter_rng.hpp"
#include "hotline/engine/snapshot_stream.hpp"

namespace hotline::agents {

// What a run measures of one dyad's calls.
struct HotlineCounts {
  std::uint64_t calls = 0;               // calls placed
  std::uint64_t attempts = 0;            // attempts, retries and relays included
  std::uint64_t connected = 0;           // calls that connected
  std::uint64_t relayed = 0;             // of those, connected through a dialogue partner
  std::uint64_t failed = 0;              // calls given up (every attempt unanswered)
  std::vector<double> connect_delays_s;  // per connected call, from placing it to connecting
};

// A call that connected: its dyad and when.
struct Connection {
  std::size_t dyad = 0;
  double time_s = 0.0;
  bool relayed = false;
};

class HotlineExchange {
 public:
  // `line_dyads`: the dyad of each line; `relays_per_dyad`: how many
  // dialogue partners can relay a failed call of each dyad (0 for none).
  // Throws std::invalid_argument for a retry interval or median delay <= 0,
  // a line without its delay or a line of a dyad out of range.
  HotlineExchange(const HotlinePolicy& policy, std::vector<std::size_t> line_dyads,
                  std::vector<std::uint32_t> relays_per_dyad, const engine::CounterRng& rng);

  // Places a call at time_s on every idle line of `dyad`; returns how many.
  std::size_t call(std::size_t dyad, double time_s);

  // The time of the earliest pending attempt or answer; +infinity if none.
  [[nodiscard]] double next_event_s() const;

  // Processes the earliest pending event, with `levels` the dyads' levels
  // now (for the answer probability); returns the connection it made, if
  // any. Does nothing if no event is pending.
  std::optional<Connection> process_next(std::span<const int> levels);

  [[nodiscard]] std::size_t dyad_count() const { return counts_.size(); }
  [[nodiscard]] const HotlineCounts& counts(std::size_t dyad) const { return counts_[dyad]; }
  [[nodiscard]] bool busy(std::size_t line) const { return lines_[line].state != State::idle; }
  [[nodiscard]] std::size_t line_count() const { return lines_.size(); }

  // The state a snapshot holds (world_snapshot.cpp), and back.
  void save(engine::SnapshotWriter& out) const;
  void restore(engine::SnapshotReader& in);
  void set_rng(const engine::CounterRng& rng) { rng_ = rng; }

 private:
  enum class State : std::uint8_t { idle, dialling, answered };
  struct Line {
    std::size_t dyad = 0;
    State state = State::idle;
    std::uint32_t serial = 0;   // of the call in progress
    std::uint32_t attempt = 0;  // of the call in progress: 0, then retries, then relays
    double placed_s = 0.0;
    double event_s = 0.0;  // the next attempt (dialling) or the connection (answered)
    LognormalDelay delay;  // this line's answer delay
  };

  HotlinePolicy policy_;
  std::vector<std::uint32_t> relays_per_dyad_;
  engine::CounterRng rng_;
  std::vector<Line> lines_;
  std::vector<HotlineCounts> counts_;
  std::uint32_t next_serial_ = 0;
};

}  // namespace hotline::agents
