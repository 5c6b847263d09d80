// The sampled states packed for the page: a 30-day run of 3,000 platforms
// sampled every 10 minutes is 13 million positions, 107 MB as the trace's
// float32 pairs; the page needs them small to load and compact to hold.
//
// Positions are quantised to `quantum_km` (0.05 km unless the map is wider
// than ±1,600 km) as int16, and written platform after platform, x's
// samples then y's, as differences from the previous sample (the first
// from 0), taken modulo 2^16 so that any jump round-trips; the low bytes of
// all the differences come first, then the high bytes (a still or slow
// platform's high bytes are all 0 or all 0xFF, which deflate packs to
// almost nothing). Statuses are bytes, platform after platform. Both are
// deflated (zlib format: the browser's DecompressionStream('deflate')
// reads it) and sent as base64. A position that is not finite is held at
// the platform's previous one (its status says where it is).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "hotline/trace/run_view.hpp"

namespace hotline::replay {

struct PackedTracks {
  double quantum_km = 0.05;
  std::size_t samples = 0;
  std::size_t agents = 0;
  std::vector<std::uint8_t> positions;  // deflated: 2 planes × 2 × agents × samples bytes
  std::vector<std::uint8_t> status;     // deflated: agents × samples bytes
};

// The smallest 0.05 km × 2^k that holds every |coordinate| in 32,000 steps.
[[nodiscard]] double quantum_for(const trace::SampledStates& states);
[[nodiscard]] PackedTracks pack_tracks(const trace::SampledStates& states);
// The positions as the page decodes them: platform-major int16, x's samples
// then y's ([agents × 2 × samples]), in units of quantum_km.
[[nodiscard]] std::vector<std::int16_t> quantised_positions(const trace::SampledStates& states,
                                                            double quantum_km);

// zlib's compress2 at `level`: the zlib format (RFC 1950).
[[nodiscard]] std::vector<std::uint8_t> deflate_bytes(std::span<const std::uint8_t> bytes,
                                                      int level);
// RFC 4648 base64 with padding.
[[nodiscard]] std::string base64(std::span<const std::uint8_t> bytes);

}  // namespace hotline::replay
