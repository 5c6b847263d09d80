#include "hotline/engine/thread_control.hpp"

#include <oneapi/tbb/info.h>

#include <cstddef>
#include <stdexcept>

namespace hotline::engine {

namespace {
int resolve_threads(int requested) {
  if (requested < 0) throw std::invalid_argument("ThreadControl: thread count must be >= 0");
  return requested == 0 ? ThreadControl::hardware_threads() : requested;
}
}  // namespace

ThreadControl::ThreadControl(int threads)
    : threads_(resolve_threads(threads)),
      limit_(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads_)),
      arena_(threads_) {}

int ThreadControl::hardware_threads() {
  return tbb::info::default_concurrency();
}

}  // namespace hotline::engine
