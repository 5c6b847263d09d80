// Compiling a loop a second time for x86-64-v4 (AVX-512) and choosing the
// build at run time (batch_kernels.hpp explains why both give the same bits).
#pragma once

#if defined(__x86_64__) && defined(__GNUC__)
#define HOTLINE_HAVE_V4 1
#define HOTLINE_TARGET_V4 __attribute__((target("arch=x86-64-v4")))
#else
#define HOTLINE_HAVE_V4 0
#define HOTLINE_TARGET_V4
#endif

namespace hotline::engine::detail {

// True when the active SIMD level (batch_kernels.hpp) is x86-64-v4.
[[nodiscard]] bool use_simd_v4();

}  // namespace hotline::engine::detail
