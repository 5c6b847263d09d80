// Ctrl-C and SIGTERM stop a run or sweep cleanly: the handlers only set a
// flag, which the stepping loops check between steps. A run then removes its
// partial file; a sweep stops its runs in progress, keeps every completed
// run in its journal and says how to resume. (kill -9 cannot be caught; the
// journal covers it.)
#pragma once

#include <string>

#include "common/exit_codes.hpp"

namespace hotline::cli {

// Installs the handlers (once; later calls do nothing).
void catch_interrupts();
// The signal that asked to stop (SIGINT or SIGTERM), or 0.
[[nodiscard]] int interrupt_signal();
// "SIGINT", "SIGTERM", or "signal N".
[[nodiscard]] std::string signal_name(int signal);

// Thrown out of a stepping loop that saw the flag.
struct Interrupted {
  int signal = 0;
};

}  // namespace hotline::cli
