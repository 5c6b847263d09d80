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
    queued_.push_back(std::move(job));
    ++unfinished_;
  }
  // The task carries only the pool: the job stays in the pool's queue, and
  // the task takes whichever job is oldest when it starts (the jobs are
  // independent, so which task runs which job does not matter).
  try {
    arena_.enqueue([this] { run_oldest_job(); });
  } catch (...) {
    // No task will take the job: take it back, so the count stays true.
    const std::lock_guard lock(mutex_);
    queued_.pop_back();
    --unfinished_;
    throw;
  }
}

void RunPool::run_oldest_job() {
  std::function<void()> job;
  {
    const std::lock_guard lock(mutex_);
    job = std::move(queued_.front());
    queued_.pop_front();
  }
  std::exception_ptr error;
  try {
    tbb::this_task_arena::isolate([&] { job(); });
  } catch (...) {
    error = std::current_exception();
  }
  // The job and what it captured die here, before the finish is counted:
  // once a waiter sees it, nothing of the job is left alive.
  job = nullptr;
  // Notified under the lock: a waiter cannot return (and destroy the pool)
  // until this task has stopped touching the pool.
  const std::lock_guard lock(mutex_);
  if (error && !first_error_) first_error_ = error;
  --unfinished_;
  ++finishes_unseen_;
  finished_.notify_all();
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
