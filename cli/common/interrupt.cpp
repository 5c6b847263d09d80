#include "common/interrupt.hpp"

#include <atomic>
#include <csignal>

#include "hotline/engine/stop_request.hpp"

namespace hotline::cli {

namespace {

std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);  // safe in a signal handler

extern "C" void on_interrupt(int signal) {
  g_signal.store(signal, std::memory_order_relaxed);
  engine::request_stop();  // a big step stops between its phases
}

}  // namespace

void catch_interrupts() {
  static const bool installed = [] {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    return true;
  }();
  (void)installed;
}

std::string signal_name(int signal) {
  switch (signal) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    case SIGKILL:
      return "SIGKILL";
    default:
      return "signal " + std::to_string(signal);
  }
}

int interrupt_signal() {
  return g_signal.load(std::memory_order_relaxed);
}

}  // namespace hotline::cli
