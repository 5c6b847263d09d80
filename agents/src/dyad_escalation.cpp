#include "hotline/agents/dyad_escalation.hpp"

#include <cmath>
#include <stdexcept>

namespace hotline::agents {

namespace {

constexpr int kCrisisLevel = 2;

}  // namespace

DyadEscalation::DyadEscalation(const EscalationParameters& parameters, double dt_s)
    : thresholds_(parameters.level_thresholds), dt_s_(dt_s) {
  if (!(dt_s > 0.0) || !std::isfinite(dt_s)) {
    throw std::invalid_argument("dyad escalation: the time step must be > 0");
  }
  if (!(parameters.tension_half_life_s > 0.0) || !std::isfinite(parameters.tension_half_life_s)) {
    throw std::invalid_argument("dyad escalation: the tension half-life must be > 0");
  }
  if (!(thresholds_[0] > 0.0 && thresholds_[0] < thresholds_[1]
        && thresholds_[1] < thresholds_[2])) {
    throw std::invalid_argument("dyad escalation: level thresholds must be > 0 and increase");
  }
  // Computed once, so every step multiplies by the same double: the decay
  // over N steps is the same bits at any thread count.
  decay_ = std::exp2(-dt_s / parameters.tension_half_life_s);
}

int DyadEscalation::level_of(double tension) const {
  int level = 0;
  for (const double threshold : thresholds_)
    level += tension >= threshold ? 1 : 0;
  return level;
}

void DyadEscalation::set_level(int level) {
  if (level_ == kClashLevel) return;  // absorbing
  if (level >= kCrisisLevel && level_ < kCrisisLevel) ++crises_;
  level_ = level;
  if (level > peak_level_) peak_level_ = level;
}

void DyadEscalation::end_step() {
  if (level_ >= kCrisisLevel) seconds_at_crisis_ += dt_s_;
  tension_ *= decay_;
  set_level(level_of(tension_));
}

void DyadEscalation::add_tension(double amount) {
  if (!(amount >= 0.0) || !std::isfinite(amount)) {
    throw std::invalid_argument("dyad escalation: a tension rise must be finite and >= 0");
  }
  tension_ += amount;
  set_level(level_of(tension_));
}

void DyadEscalation::scale_tension(double factor) {
  if (!(factor >= 0.0 && factor <= 1.0)) {
    throw std::invalid_argument("dyad escalation: a tension factor must be in [0, 1]");
  }
  tension_ *= factor;
  set_level(level_of(tension_));
}

void DyadEscalation::clash(double time_s) {
  if (!first_clash_s_) first_clash_s_ = time_s;
  set_level(kClashLevel);
}

}  // namespace hotline::agents
