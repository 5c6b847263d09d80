// The tension and escalation level of one rival dyad (docs/model.md, "Perception,
// tension, escalation"), stepped with the world: tension decays by a fixed
// factor per step (exponential, the scenario's half-life), rises by what
// perceived incidents add, and is scaled by contacts (hotline calls, dialogue);
// the level follows from tension by the thresholds, except L4 (armed clash),
// which only a clash reaches and nothing leaves. The dyad also keeps what a run
// measures of it: crises (entries into L2 or above), time at L2 or above, the
// peak level and the time of the first clash.
#pragma once

#include <array>
#include <optional>

#include "hotline/agents/mechanics.hpp"

namespace hotline::agents {

class DyadEscalation {
 public:
  static constexpr int kClashLevel = 4;

  // Throws std::invalid_argument unless dt_s > 0, the half-life is > 0 and
  // the thresholds are positive and increasing.
  DyadEscalation(const EscalationParameters& parameters, double dt_s);

  // The end of a step of dt_s: tension decays by one step's factor, the
  // level follows, and time at L2 or above counts the step if the level
  // was there during it (as it stood before the decay).
  void end_step();
  // A perceived incident (or any other rise): tension += amount (>= 0).
  void add_tension(double amount);
  // A contact that eases tension: tension *= factor (in [0, 1]).
  void scale_tension(double factor);
  // An armed clash at time_s: the dyad goes to L4 for good.
  void clash(double time_s);

  [[nodiscard]] double tension() const { return tension_; }
  [[nodiscard]] int level() const { return level_; }
  [[nodiscard]] double step_decay_factor() const { return decay_; }

  // Metrics.
  [[nodiscard]] int crises() const { return crises_; }
  [[nodiscard]] double seconds_at_crisis() const { return seconds_at_crisis_; }
  [[nodiscard]] int peak_level() const { return peak_level_; }
  [[nodiscard]] std::optional<double> first_clash_s() const { return first_clash_s_; }

 private:
  void set_level(int level);
  [[nodiscard]] int level_of(double tension) const;

  std::array<double, 3> thresholds_;
  double dt_s_;
  double decay_;
  double tension_ = 0.0;
  int level_ = 0;
  int crises_ = 0;
  double seconds_at_crisis_ = 0.0;
  int peak_level_ = 0;
  std::optional<double> first_clash_s_;
};

}  // namespace hotline::agents
