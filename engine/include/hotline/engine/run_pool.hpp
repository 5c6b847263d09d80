// A pool that runs submitted jobs on a fixed number of oneTBB threads while
// the thread that submits them stays free: the loop of an MPI rank, which
// must answer messages while its runs step.
//
// ThreadControl runs work on the calling thread plus helpers, and blocks it
// until the work is done; a RunPool keeps `threads` worker threads busy and
// never takes the caller. Jobs are independent runs, so each runs isolated
// (as run_in_parallel does): a thread waiting inside one run's parallel
// loop never starts another run, and memory holds at most one run per
// thread. A job should report its own outcome (the sweep's jobs hand their
// records and errors to the rank's loop); one that throws anyway is not
// lost: the first such exception is kept for first_error().
#pragma once

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/task_arena.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>

namespace hotline::engine {

class RunPool {
 public:
  explicit RunPool(int threads);
  // Waits for every submitted job.
  ~RunPool();
  RunPool(const RunPool&) = delete;
  RunPool& operator=(const RunPool&) = delete;

  [[nodiscard]] int threads() const { return threads_; }
  // Queues `job`; it starts as soon as a pool thread is free. Called from
  // one thread (the rank's loop). By the time a waiter sees the job finished,
  // the job and everything it captured have been destroyed.
  void submit(std::function<void()> job);
  // Jobs submitted and not yet finished.
  [[nodiscard]] std::size_t unfinished() const;
  // Returns when a job finishes (or one finished since the last call), or
  // when `timeout` passes.
  void wait_for_a_finish(std::chrono::microseconds timeout);
  // Waits until every submitted job has finished and been destroyed.
  void wait_all();
  // The first exception a job let out, or null.
  [[nodiscard]] std::exception_ptr first_error() const;

 private:
  // The body of every oneTBB task the pool enqueues.
  void run_oldest_job();

  int threads_;
  // The pool's threads are workers; the caller is outside the arena, so the
  // process needs one thread more than the pool has.
  tbb::global_control limit_;
  tbb::task_arena arena_;
  mutable std::mutex mutex_;
  std::condition_variable finished_;
  // Submitted jobs not yet started. The pool owns them rather than its
  // oneTBB tasks: a task's storage may outlive the job's finish (oneTBB frees
  // it after the body returns, possibly after main), and memory oneTBB's
  // allocator holds is invisible to a leak checker.
  std::deque<std::function<void()>> queued_;
  std::size_t unfinished_ = 0;
  std::size_t finishes_unseen_ = 0;
  std::exception_ptr first_error_;
};

}  // namespace hotline::engine
