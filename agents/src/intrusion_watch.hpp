// What the command phase keeps between steps to detect intrusions and count
// the responses to them: which zones are watched, the zone entries of the
// step, the intruders not seen yet, the responders that reached their
// intruders, and the counts by (responding nation, intruding nation).
//
// PlatformWorld's command phase (platform_command.cpp) decides what is seen
// and answered; this part only holds the bookkeeping, so that the order
// rules (entries and arrivals merged in id order) live in one place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "chunk_lists.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/agents/zones.hpp"
#include "hotline/engine/agent_store.hpp"

namespace hotline::agents::detail {

// An intruder in a watched zone whose centre has not seen it yet; coverage
// is checked every step while it stays.
struct UnseenIntruder {
  engine::AgentId id;
  std::uint32_t centre;
  ZoneMask zones;
  friend auto operator<=>(const UnseenIntruder&, const UnseenIntruder&) = default;
};

using ZoneEntry = std::pair<engine::AgentId, ZoneMask>;  // (platform, zones entered)

struct IntrusionWatch {
  explicit IntrusionWatch(const WorldSpec& spec);

  // The zones whose entry the command phase hears of: watched zones and
  // territorial seas with an owner (their airspace).
  [[nodiscard]] ZoneMask noticed_zones() const { return watched_zones | airspace_zones; }
  [[nodiscard]] ResponseCounts& counts(std::size_t responder, std::size_t intruder) {
    return responses[responder * nations + intruder];
  }
  [[nodiscard]] const ResponseCounts& counts(std::size_t responder, std::size_t intruder) const {
    return responses[responder * nations + intruder];
  }

  void save(engine::SnapshotWriter& out) const;
  void restore(engine::SnapshotReader& in);

  std::size_t nations = 0;
  ZoneMask watched_zones = 0;
  ZoneMask airspace_zones = 0;
  ChunkLists<ZoneEntry> entries;        // written by the move phase
  ChunkLists<engine::AgentId> reached;  // responders, written by the decide phase
  std::vector<UnseenIntruder> unseen;   // sorted once a step
  std::vector<UnseenIntruder> still_unseen;
  std::vector<ResponseCounts> responses;  // [responder * nations + intruder]
};

}  // namespace hotline::agents::detail
