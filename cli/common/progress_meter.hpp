// Progress of a sweep on stderr, when stderr is a terminal: runs done of
// total, the rate, the time left — one line rewritten in place at most four
// times a second. Safe to call from every worker thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <mutex>

namespace hotline::cli {

class ProgressMeter {
 public:
  // `already` of `total` runs were done before this process started (a
  // resumed sweep); the rate counts only the runs done here.
  ProgressMeter(std::uint64_t total, std::uint64_t already, bool enabled, std::ostream& err);
  void run_done();
  // Ends the line (if anything was printed).
  void finish();
  // Whether stderr is a terminal.
  [[nodiscard]] static bool stderr_is_terminal();

 private:
  void print(bool force);

  std::uint64_t total_;
  std::uint64_t already_;
  std::uint64_t done_here_ = 0;
  bool enabled_;
  bool printed_ = false;
  std::ostream& err_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_print_{};
};

// "1h02m", "3m05s", "12s".
[[nodiscard]] std::string duration_text(double seconds);

}  // namespace hotline::cli
