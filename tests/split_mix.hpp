// A small deterministic generator for test points and draws (SplitMix64; not
// the simulation's RNG): the same numbers on every machine.
#pragma once

#include <cstdint>

namespace hotline::test {

struct SplitMix {
  std::uint64_t state;
  // Uniform in [0, 1).
  double next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
  }
  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * next(); }
};

}  // namespace hotline::test
