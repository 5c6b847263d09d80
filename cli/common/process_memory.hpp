// Peak resident memory of this process, as `hotline bench` reports it.
#pragma once

#include <cstdint>

namespace hotline::cli {

// Resets the kernel's peak-RSS mark (VmHWM) to the current RSS, so that the
// next reading covers only what follows. Returns false where the kernel does
// not allow it; peak_rss_bytes() then covers the whole process lifetime.
bool reset_peak_rss();

// VmHWM from /proc/self/status, or getrusage's ru_maxrss if that is missing.
std::uint64_t peak_rss_bytes();

}  // namespace hotline::cli
