// A request to stop all work as soon as possible, for a signal handler to
// make (setting it is async-signal-safe) and long computations to honour
// between their phases: a model that sees it throws StopRequested from
// where it stands, leaving its state half-stepped, so whoever asked must
// discard what was being computed. It keeps a Ctrl-C prompt however big a
// step is: a step's phases are each a fraction of it.
#pragma once

#include <atomic>

namespace hotline::engine {

struct StopRequested {};

namespace detail {
inline std::atomic<bool> stop_flag{false};
static_assert(std::atomic<bool>::is_always_lock_free, "a signal handler sets it");
}  // namespace detail

inline void request_stop() noexcept {
  detail::stop_flag.store(true, std::memory_order_relaxed);
}
inline void clear_stop_request() noexcept {
  detail::stop_flag.store(false, std::memory_order_relaxed);
}
[[nodiscard]] inline bool stop_requested() noexcept {
  return detail::stop_flag.load(std::memory_order_relaxed);
}
inline void throw_if_stop_requested() {
  if (stop_requested()) throw StopRequested{};
}

}  // namespace hotline::engine
