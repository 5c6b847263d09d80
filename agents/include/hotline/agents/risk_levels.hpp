// The levels a rare-event estimate climbs (docs/rare-events.md): rungs of
// the escalation ladder — L1, L2, L3, then the clash — each optionally
// refined by hostility ("L2:0.6": the run has reached L2 and some rival
// dyad's hostility is at 0.6 or more; below L1, "L0:0.2": some dyad's
// hostility has reached 0.2 — every run starts at L0, so L0 needs one). A
// run reaches a level when its
// highest rung so far is above the level's rung, or equal to it with the
// hostility condition met; so levels in rising order (rung, then
// hostility) are crossed in order, as splitting requires, and a run may
// cross several in one step.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hotline::agents {

class PlatformWorld;

struct RiskLevel {
  int rung = 4;            // 0..3: L0..L3; 4: a clash
  double hostility = 0.0;  // 0: none; else in (0, 1)

  friend bool operator==(const RiskLevel&, const RiskLevel&) = default;
};

inline constexpr int kClashRung = 4;

// "L1", "L2:0.6", "clash".
[[nodiscard]] std::string risk_level_name(const RiskLevel& level);
// The names joined by commas.
[[nodiscard]] std::string risk_levels_text(const std::vector<RiskLevel>& levels);

// Reads "L1,L2:0.6,L3,clash" (spaces allowed around items). Throws
// std::invalid_argument with a message that names the item for an unknown
// item, a hostility outside (0, 1), a clash with a hostility, levels not
// strictly rising, or a list that does not end with the clash.
[[nodiscard]] std::vector<RiskLevel> parse_risk_levels(std::string_view text);

// The default ladder: L1, L2, L3, clash.
[[nodiscard]] std::vector<RiskLevel> default_risk_levels();

// Whether `world` has reached `level` (see above).
[[nodiscard]] bool risk_level_reached(const PlatformWorld& world, const RiskLevel& level);

}  // namespace hotline::agents
