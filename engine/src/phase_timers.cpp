#include "hotline/engine/phase_timers.hpp"

namespace hotline::engine {

std::string_view phase_name(Phase phase) {
  switch (phase) {
    case Phase::decide:
      return "decide";
    case Phase::move:
      return "move";
    case Phase::index:
      return "index";
    case Phase::sense:
      return "sense";
    case Phase::resolve:
      return "resolve";
    case Phase::command:
      return "command";
    case Phase::record:
      return "record";
  }
  return "unknown";
}

PhaseTimers::Clock::duration PhaseTimers::total() const {
  Clock::duration sum = Clock::duration::zero();
  for (const auto& t : totals_)
    sum += t;
  return sum;
}

}  // namespace hotline::engine
