#include "common/progress_meter.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <ostream>
#include <string>

namespace hotline::cli {

std::string duration_text(double seconds) {
  const auto s = static_cast<long long>(std::llround(std::max(seconds, 0.0)));
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

ProgressMeter::ProgressMeter(std::uint64_t total, std::uint64_t already, bool enabled,
                             std::ostream& err)
    : total_(total), already_(already), enabled_(enabled), err_(err) {}

bool ProgressMeter::stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

void ProgressMeter::run_done() {
  const std::lock_guard lock(mutex_);
  ++done_here_;
  print(false);
}

void ProgressMeter::finish() {
  const std::lock_guard lock(mutex_);
  if (!enabled_) return;
  print(true);
  if (printed_) err_ << '\n' << std::flush;
}

void ProgressMeter::print(bool force) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && printed_ && now - last_print_ < std::chrono::milliseconds(250)) return;
  last_print_ = now;
  printed_ = true;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const std::uint64_t done = already_ + done_here_;
  std::string line = fmt::format("\r  {}/{} runs", done, total_);
  if (already_ > 0) line += fmt::format(" ({} from the journal)", already_);
  if (done_here_ > 0 && elapsed > 0.0) {
    const double rate = static_cast<double>(done_here_) / elapsed;
    line += rate >= 1.0 ? fmt::format(", {:.1f} runs/s", rate)
                        : fmt::format(", {:.1f} s/run", 1.0 / rate);
    line += fmt::format(", {} left", duration_text(static_cast<double>(total_ - done) / rate));
  }
  err_ << line << "    " << std::flush;
}

}  // namespace hotline::cli
