// Which ships are in which zones, step by step, for ZonePresence: the move
// phase's chunks each note the groups present and each ship's first time in
// a zone today, in parallel; the record phase merges the chunks in chunk
// order (the same at any thread count) and records the step.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "hotline/agents/zone_presence.hpp"
#include "hotline/agents/zones.hpp"
#include "hotline/engine/snapshot_stream.hpp"

namespace hotline::agents::detail {

// What one move chunk saw: per group the zones with a ship of it, and
// (group, zone) once for each ship first in the zone today.
struct PresenceChunk {
  std::vector<ZoneMask> present;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> fresh;
};

class PresenceSampler {
 public:
  using Chunk = PresenceChunk;

  // `counted_today`: the store's per-ship column of the zones each ship was
  // counted in today (kept in slot order by the store).
  PresenceSampler(std::size_t groups, std::size_t zones, double dt_s,
                  std::vector<ZoneMask>& counted_today)
      : groups_(groups), presence_(groups, zones, dt_s), counted_today_(&counted_today) {}

  // At the move phase's start: a new day counts every ship afresh; one
  // emptied scratch per chunk.
  void begin_step(std::uint32_t day, std::size_t chunks) {
    if (day != current_day_) {
      std::fill(counted_today_->begin(), counted_today_->end(), 0);
      current_day_ = day;
    }
    chunks_.resize(chunks);
  }
  Chunk& chunk(std::size_t c) {
    Chunk& k = chunks_[c];
    k.present.assign(groups_, 0);
    k.fresh.clear();
    return k;
  }

  // The ship in `slot`, of groups `role_group` and `any_group`, is in the
  // zones of `mask`.
  void note_ship(Chunk& k, std::size_t slot, std::size_t role_group, std::size_t any_group,
                 ZoneMask mask) {
    k.present[role_group] |= mask;
    k.present[any_group] |= mask;
    for (ZoneMask fresh = mask & ~(*counted_today_)[slot]; fresh != 0; fresh &= fresh - 1) {
      const auto z = static_cast<std::uint32_t>(std::countr_zero(fresh));
      k.fresh.emplace_back(static_cast<std::uint32_t>(role_group), z);
      k.fresh.emplace_back(static_cast<std::uint32_t>(any_group), z);
    }
    (*counted_today_)[slot] |= mask;
  }

  // The record phase: the chunks merged in order, recorded for `day`.
  void record(std::uint32_t day) {
    present_.assign(groups_, 0);
    fresh_.clear();
    for (const Chunk& k : chunks_) {
      for (std::size_t g = 0; g < groups_; ++g)
        present_[g] |= k.present[g];
      fresh_.insert(fresh_.end(), k.fresh.begin(), k.fresh.end());
    }
    presence_.record_step(day, present_, fresh_);
  }

  [[nodiscard]] const ZonePresence& presence() const { return presence_; }

  // The state a snapshot holds (world_snapshot.cpp), and back.
  void save(engine::SnapshotWriter& out) const;
  void restore(engine::SnapshotReader& in);

 private:
  std::size_t groups_;
  ZonePresence presence_;
  std::vector<ZoneMask>* counted_today_;
  std::uint32_t current_day_ = 0;
  std::vector<Chunk> chunks_;
  std::vector<ZoneMask> present_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> fresh_;
};

}  // namespace hotline::agents::detail
