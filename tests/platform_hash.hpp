// A stable hash of a platform world's positions and states, in id order
// (slots are an implementation detail: the store is kept sorted by cell), for
// the determinism tests.
#pragma once

#include <cstdint>

#include "hotline/agents/platform_world.hpp"
#include "test_support.hpp"

namespace hotline::test {

inline void add_platforms(Fnv1a& hash, const agents::PlatformWorld& w) {
  const auto& a = w.agents();
  for (std::uint32_t id = 0; id < a.size(); ++id) {
    const std::uint32_t s = a.slot_of(id);
    hash.add_double(a.x_km[s]);
    hash.add_double(a.y_km[s]);
    hash.add_u64(static_cast<std::uint64_t>(w.state_of_slot()[s]));
  }
}

}  // namespace hotline::test
