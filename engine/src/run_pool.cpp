#include "hotline/engine/run_pool.hpp"

#include <oneapi/tbb/task_arena.h>

#include <stdexcept>
#include <utility>

namespace hotline::engine {

namespace {
int checked_threads(int threads) {
  if (threads < 1) throw std::invalid_argument("RunPool: needs at least one thread");
  return threads;
}
}  // namespace

RunPool::RunPool(int threads)
    : threads_(checked_threads(threads)),
      limit_(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads_) + 1),
      // No slot reserved for an external thread: all `threads` slots are
      // the pool's workers.
      arena_(threads_, 0) {}

RunPool::~RunPool() {
  wait_all();
}

void RunPool::submit(std::function<void()> job) {
  {
    const std::lock_guard lock(mutex_);
    ++unfinished_;
  }
  arena_.enqueue([this, job = std::move(job)] {
    std::exception_ptr error;
    try {
      tbb::this_task_arena::isolate([&] { job(); });
    } catch (...) {
      error = std::current_exception();
    }
    {
      const std::lock_guard lock(mutex_);
      if (error && !first_error_) first_error_ = error;
      --unfinished_;
      ++finishes_unseen_;
    }
    finished_.notify_all();
  });
}

std::size_t RunPool::unfinished() const {
  const std::lock_guard lock(mutex_);
  return unfinished_;
}

void RunPool::wait_for_a_finish(std::chrono::microseconds timeout) {
  std::unique_lock lock(mutex_);
  finished_.wait_for(lock, timeout, [&] { return finishes_unseen_ > 0; });
  finishes_unseen_ = 0;
}

void RunPool::wait_all() {
  std::unique_lock lock(mutex_);
  finished_.wait(lock, [&] { return unfinished_ == 0; });
}

std::exception_ptr RunPool::first_error() const {
  const std::lock_guard lock(mutex_);
  return first_error_;
}

}  // namespace hotline::engine
