// A run's state saved to a file and read back (`hotline run --save-state`
// and `--from-state`; docs/rare-events.md, "Snapshots"): a long run in
// pieces, each continuing the last bit for bit.
//
// The file is a header — what the state is of: the Hotline version and
// state format that wrote it, the scenario's name and the hash of its
// resolved form, seed, replication, policy and step — then the world's
// snapshot (PlatformWorld::save). A state is continued only by the same
// build on the same scenario (every value that changes a run changes the
// hash), with the same seed, replication and policy; anything else is
// refused, saying which field differs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hotline::cli {

// The state files this build writes and reads.
inline constexpr std::uint32_t kStateFormat = 1;

struct RunStateHeader {
  std::string hotline_version;
  std::uint32_t format = kStateFormat;
  std::string scenario_name;
  std::string scenario_hash;  // of the resolved scenario, as trace identities hold it
  std::uint64_t seed = 0;
  std::uint32_t replication = 0;
  std::string policy;  // id
  std::uint64_t step = 0;
};

struct RunState {
  RunStateHeader header;
  std::vector<std::byte> snapshot;
};

// Writes `state` to `path` whole or not at all (a temporary beside it,
// synced, renamed). Throws std::runtime_error naming the path.
void write_run_state(const std::string& path, const RunState& state);

// Throws std::runtime_error "PATH: what is wrong" for a file that is not a
// state file, is cut short, or was written by another state format or
// Hotline version.
[[nodiscard]] RunState read_run_state(const std::string& path);

// The first field in which `state` is not of `wanted` (its scenario hash,
// seed, replication, policy), as "scenario: ... in STATE, ... here"; "" if
// it is.
[[nodiscard]] std::string state_mismatch(const RunStateHeader& state, const RunStateHeader& wanted);

}  // namespace hotline::cli
