// Writing never blocks stepping: a writer thread that runs jobs (closures
// that own their data) in the order they were submitted, fed by a bounded
// queue.
//
// The simulation hands each piece of output (a batch of events, a sample of
// agent states, a finished run's record) to submit() and goes on stepping;
// the writer thread does the disk work. The queue is bounded in bytes, so a
// disk slower than the simulation makes submit() wait (back-pressure)
// instead of letting memory grow without limit; how long it waited is
// counted, so a benchmark can show that it does not happen.
//
// Jobs run on one thread only, one at a time: libraries that are not
// thread-safe (Debian's serial HDF5) are called from that thread alone. The
// first job that throws stops the writer: later jobs are dropped, and the
// error is rethrown to the simulation by the next submit() or by finish(),
// so no failure to write is ever silent.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace hotline::trace {

class BackgroundWriter {
 public:
  // At most `capacity_bytes` of submitted jobs wait at a time (a single job
  // bigger than that is still taken, alone).
  explicit BackgroundWriter(std::size_t capacity_bytes = std::size_t{64} << 20);
  // Finishes the queued jobs and joins; an error not collected by finish()
  // is dropped here, so call finish() on every path where output matters.
  ~BackgroundWriter();
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;

  // Queues `job`, which holds about `bytes` of data, waiting while the queue
  // is full. Throws the writer's first error, if one happened.
  void submit(std::size_t bytes, std::function<void()> job);
  // Waits until every queued job has run; throws the first error.
  void drain();
  // Drains, stops the thread and throws the first error.
  void finish();

  // Seconds submit() spent waiting for room in the queue, and the most
  // bytes ever queued.
  [[nodiscard]] double seconds_waited() const;
  // Seconds the writer thread spent running jobs: its share of the CPU.
  [[nodiscard]] double seconds_busy() const;
  [[nodiscard]] std::size_t peak_queued_bytes() const;

 private:
  struct Job {
    std::size_t bytes = 0;
    std::function<void()> work;
  };
  void run();
  void rethrow_if_failed();  // with mutex_ held

  std::size_t capacity_bytes_;
  mutable std::mutex mutex_;
  std::condition_variable work_ready_;  // the writer waits for jobs
  std::condition_variable room_;        // submitters wait for room; drain() for idle
  std::deque<Job> queue_;
  std::size_t queued_bytes_ = 0;
  std::size_t peak_queued_bytes_ = 0;
  bool busy_ = false;  // the writer is running a job
  bool stopping_ = false;
  std::exception_ptr error_;
  double seconds_waited_ = 0.0;
  double seconds_busy_ = 0.0;
  std::thread thread_;
};

}  // namespace hotline::trace
