// What a run or sweep may ask of this machine, checked before any world is
// built: its steps (the days asked for, against the limit of one run) and
// its memory (the platforms of the worlds that will be in memory at once,
// against what the machine has available). Each refusal says its numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>

#include "hotline/agents/world_spec.hpp"

namespace hotline::cli {

// Bytes one platform's world takes, with room to spare: measured at about
// 0.6 kB (a 2.4-million-platform run peaks at 1.46 GB), rounded up for the
// encounter table and the trace's buffers.
inline constexpr std::uint64_t kBytesPerPlatform = 1024;
inline constexpr std::uint64_t kBytesPerProcess = 64ULL << 20;

// The steps of `days`, or nullopt (said on `err`) when they pass the limit
// of one run (scenarios::defaults::kMaxStepsPerRun).
[[nodiscard]] std::optional<std::uint64_t> steps_within_limit(const agents::WorldSpec& spec,
                                                              double days, std::ostream& err);

// Whether `worlds` worlds of `spec` fit in the memory available (the
// kernel's MemAvailable); false (said on `err`) if not. True where the
// kernel does not say.
[[nodiscard]] bool memory_suffices(const agents::WorldSpec& spec, std::size_t worlds,
                                   std::ostream& err);

// MemAvailable of /proc/meminfo in bytes, if the kernel gives it.
[[nodiscard]] std::optional<std::uint64_t> available_memory_bytes();

}  // namespace hotline::cli
