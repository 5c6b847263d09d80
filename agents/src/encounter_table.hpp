// The encounters in progress, and how they begin and end (docs/model.md,
// "Encounters and incidents").
//
// Ordering rule: the table is sorted by (a, b), a < b by id, and so is every
// list it takes or gives; each step's changes therefore come out in one
// canonical order whatever the thread count. An encounter begins when a
// rival pair comes closer than its range and ends when the pair is no longer
// within end_factor × range (the pair search's radius) or one of them leaves
// play — hysteresis, so that a pair hovering at the range does not flicker.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "hotline/engine/agent_store.hpp"
#include "hotline/engine/snapshot_stream.hpp"

namespace hotline::agents::detail {

// A rival pair the pair search found within its end range this step.
struct Proximity {
  engine::AgentId a = 0;
  engine::AgentId b = 0;
  bool within_begin_range = false;  // closer than the range itself
  std::uint32_t dyad = 0;
  float separation_km = 0.0F;  // now (between aircraft, in three dimensions)
};

struct Encounter {
  engine::AgentId a = 0;
  engine::AgentId b = 0;
  std::uint32_t dyad = 0;
  std::uint32_t begin_step = 0;
  std::uint32_t quiet_until_step = 0;  // no incident before this step (cooldown)
  float separation_km = 0.0F;          // this step's
  float conduct_draw = 0.0F;           // the uniform that picks its conduct (drawn when it begins)
  // Under CUES, each side's uniform for adherence (drawn when it begins;
  // compared with q(posture) each step); 1 when CUES does not apply.
  float adhere_draw_a = 1.0F;
  float adhere_draw_b = 1.0F;
};

class EncounterTable {
 public:
  // `found` sorted by (a, b). Continuing encounters keep their state and
  // take this step's separation; pairs
  // found within their begin range that were not in the table begin (they
  // are appended to `begun`); encounters not found end (appended to
  // `ended`). `begun` and `ended` are cleared first.
  void update(std::span<const Proximity> found, std::uint32_t step, std::vector<Encounter>& begun,
              std::vector<Encounter>& ended);

  [[nodiscard]] std::span<Encounter> active() { return active_; }
  [[nodiscard]] std::span<const Encounter> active() const { return active_; }

  // The state a snapshot holds (world_snapshot.cpp), and back.
  void save(engine::SnapshotWriter& out) const;
  void restore(engine::SnapshotReader& in);

 private:
  std::vector<Encounter> active_;
  std::vector<Encounter> next_;  // reused: no allocation once warm
};

}  // namespace hotline::agents::detail
