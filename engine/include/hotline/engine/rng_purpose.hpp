// The type of a random draw's purpose.
//
// A purpose is one of the coordinates of a counter-based draw
// (counter_rng.hpp, docs/determinism.md): two features that draw for the
// same subjects in the same step must use different purposes, or their draws
// would be identical. The engine defines the type and no values: each model
// declares its own purposes, once, with a compile-time check that no two
// share a value (the platform and swarm models': agents/draw_purposes.hpp).
// A purpose's value is part of the model's output contract.
#pragma once

#include <cstdint>
#include <span>

namespace hotline::engine {

// The 256 values fit word 3 of the counter beside the replication.
enum class RngPurpose : std::uint8_t {};

// True when no two of `purposes` are equal (for a model's static_assert).
consteval bool all_distinct(std::span<const RngPurpose> purposes) {
  for (std::size_t i = 0; i < purposes.size(); ++i) {
    for (std::size_t j = i + 1; j < purposes.size(); ++j) {
      if (purposes[i] == purposes[j]) return false;
    }
  }
  return true;
}

}  // namespace hotline::engine
