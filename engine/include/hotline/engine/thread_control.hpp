// How many threads the engine may use, behind every `--threads` option.
#pragma once

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/task_arena.h>

#include <utility>

namespace hotline::engine {

// Runs work on exactly `threads` threads (0 = one per hardware thread). A
// global_control alone only caps parallelism below the hardware count; the
// arena also lets a test ask for more threads than cores (the determinism test
// runs 8 threads on 2 cores). Results never depend on the count
// (docs/determinism.md), only the speed does.
class ThreadControl {
 public:
  explicit ThreadControl(int threads);

  [[nodiscard]] int threads() const { return threads_; }
  [[nodiscard]] static int hardware_threads();

  template <class F>
  decltype(auto) run(F&& work) {
    return arena_.execute(std::forward<F>(work));
  }

 private:
  int threads_;
  tbb::global_control limit_;
  tbb::task_arena arena_;
};

}  // namespace hotline::engine
