#include "hotline/trace/background_writer.hpp"

#include <chrono>
#include <stdexcept>
#include <utility>

namespace hotline::trace {

BackgroundWriter::BackgroundWriter(std::size_t capacity_bytes)
    : capacity_bytes_(capacity_bytes), thread_([this] { run(); }) {}

BackgroundWriter::~BackgroundWriter() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BackgroundWriter::rethrow_if_failed() {
  if (error_) std::rethrow_exception(error_);
}

void BackgroundWriter::submit(std::size_t bytes, std::function<void()> job) {
  std::unique_lock lock(mutex_);
  rethrow_if_failed();
  if (stopping_) throw std::logic_error("BackgroundWriter: submit after finish");
  if (!queue_.empty() && queued_bytes_ + bytes > capacity_bytes_) {
    const auto start = std::chrono::steady_clock::now();
    room_.wait(
        lock, [&] { return error_ || queue_.empty() || queued_bytes_ + bytes <= capacity_bytes_; });
    seconds_waited_ +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rethrow_if_failed();
  }
  queue_.push_back({bytes, std::move(job)});
  queued_bytes_ += bytes;
  if (queued_bytes_ > peak_queued_bytes_) peak_queued_bytes_ = queued_bytes_;
  lock.unlock();
  work_ready_.notify_one();
}

void BackgroundWriter::drain() {
  std::unique_lock lock(mutex_);
  room_.wait(lock, [&] { return error_ || (queue_.empty() && !busy_); });
  rethrow_if_failed();
}

void BackgroundWriter::finish() {
  {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return error_ || (queue_.empty() && !busy_); });
    stopping_ = true;
  }
  work_ready_.notify_all();
  if (thread_.joinable()) thread_.join();
  const std::lock_guard lock(mutex_);
  rethrow_if_failed();
}

double BackgroundWriter::seconds_waited() const {
  const std::lock_guard lock(mutex_);
  return seconds_waited_;
}

double BackgroundWriter::seconds_busy() const {
  const std::lock_guard lock(mutex_);
  return seconds_busy_;
}

std::size_t BackgroundWriter::peak_queued_bytes() const {
  const std::lock_guard lock(mutex_);
  return peak_queued_bytes_;
}

void BackgroundWriter::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left
    Job job = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    const bool dropping = static_cast<bool>(error_);
    lock.unlock();
    std::exception_ptr failure;
    const auto start = std::chrono::steady_clock::now();
    if (!dropping) {  // after a failure, later jobs are dropped
      try {
        job.work();
      } catch (...) {
        failure = std::current_exception();
      }
    }
    job.work = nullptr;  // free the job's data outside the lock
    const auto busy = std::chrono::steady_clock::now() - start;
    lock.lock();
    seconds_busy_ += std::chrono::duration<double>(busy).count();
    busy_ = false;
    queued_bytes_ -= job.bytes;
    if (failure && !error_) error_ = failure;
    room_.notify_all();
  }
}

}  // namespace hotline::trace
