// The bounded hostility of one rival dyad (model version 2; docs/model.md):
// H in [0, 1) relaxes towards a political baseline H0(t) with time constant
// tau, and each incident report k moves it a share s_k of the way to 1, so
// it can approach 1 but never reach it, however many incidents come. H0 is a
// constant plus political shocks, each of which raises it at once and
// relaxes over its own time. Levels L1..L3 follow H with hysteresis (enter
// at one value, leave below a lower one) and a minimum dwell before a level
// is left downwards; a crisis episode runs from entry into L2 until H has
// stayed below L1's exit for a quiet period, so that a dyad hovering at a
// threshold makes one episode, not many.
//
// This class is the mechanism alone, advanced by the caller in steps of any
// length: between events the relaxation is integrated exactly.
#pragma once

#include "hotline/agents/mechanics.hpp"
#include "hotline/engine/snapshot_stream.hpp"

namespace hotline::agents {

class DyadHostility {
 public:
  static constexpr int kCrisisLevel = 2;

  // Throws std::invalid_argument for times <= 0, shares outside [0, 1),
  // entries not increasing in (0, 1), an exit not below its entry, or a
  // baseline outside [0, 1).
  // `initial_hostility` (default: the baseline) and `initial_shock` (H0
  // above the baseline at the start) set a run that opens in a crisis.
  DyadHostility(const HostilityParameters& parameters, double baseline);
  DyadHostility(const HostilityParameters& parameters, double baseline, double initial_hostility,
                double initial_shock);

  // Advances the clock by dt_s >= 0: H relaxes exactly towards H0(t), the
  // shocks relax, and the level and episode follow at the end of the span.
  void advance(double dt_s);
  // One side's report of an incident of `severity` (0 unsafe, 1 dangerous,
  // 2 grave), judged deliberate or not: H moves half of s_k (each side's
  // report carries half) of the way to 1.
  // `weight` scales the share (an exercise damped by notification).
  void report(int severity, bool deliberate, double weight = 1.0);
  // A political shock now: H0 rises by the shock size.
  void shock();
  // A de-escalating act: H *= factor, in [0, 1].
  void scale(double factor);
  // A new constant part of H0 (dialogue lowers it), in [0, 1).
  void set_baseline(double baseline);
  // Holds the level at `level` or above from now (after a skirmish, the dyad
  // is back at L3 for at least the minimum dwell).
  void raise_level_to(int level);

  [[nodiscard]] double hostility() const { return h_; }
  [[nodiscard]] double baseline() const { return base_ + shock_; }  // H0 now
  [[nodiscard]] int level() const { return level_; }
  [[nodiscard]] double time_s() const { return now_s_; }
  [[nodiscard]] bool in_episode() const { return in_episode_; }
  [[nodiscard]] int episodes() const { return episodes_; }
  // When the episode in progress began (in_episode()).
  [[nodiscard]] double episode_start_s() const { return episode_start_s_; }
  [[nodiscard]] double base() const { return base_; }

  // The state a snapshot holds (world_snapshot.cpp), and back.
  void save(engine::SnapshotWriter& out) const;
  void restore(engine::SnapshotReader& in);

 private:
  void follow_level();

  HostilityParameters p_;
  double base_;
  double h_;
  double shock_ = 0.0;  // H0 - base now
  double now_s_ = 0.0;
  int level_ = 0;
  double level_since_s_ = 0.0;
  bool in_episode_ = false;
  double quiet_since_s_ = -1.0;  // when H last fell below L1's exit, in an episode
  int episodes_ = 0;
  double episode_start_s_ = 0.0;
};

}  // namespace hotline::agents
