// Crisis-communication policies: the thing a sweep compares.
//
// A policy is a named set of mechanisms (docs/model.md, "Crisis-communication
// policies"); a mechanism that is absent does nothing. Policies compose: a
// file may build one from others (`include`) and override any parameter;
// the Scenario holds each policy fully resolved, so the engine never sees
// how it was written.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hotline::agents {

inline constexpr std::size_t kLevelCount = 5;  // L0..L4

// A defence hotline between pairs of command centres of rival nations.
struct HotlinePolicy {
  std::vector<std::pair<std::size_t, std::size_t>> endpoints;  // command centre indices
  std::array<double, kLevelCount> answer_probability{};        // by the dyad's level
  double answer_delay_median_s = 0.0;                          // lognormal
  double answer_delay_sigma = 0.0;
  double retry_interval_s = 0.0;
  std::uint32_t max_retries = 0;
  double effect = 0.0;  // a connected call multiplies tension by (1 - effect)
  bool operator==(const HotlinePolicy&) const = default;
};

// On-scene communication between units (the sea-and-air mechanism).
struct DirectLinkPolicy {
  double reduction = 0.0;  // λ × (1 - reduction)
  double clarity = 0.0;    // m × (1 - clarity)
  bool operator==(const DirectLinkPolicy&) const = default;
};

// Code for unplanned encounters at sea, for ship–ship and aircraft–ship
// encounters.
struct CuesPolicy {
  double adherence = 0.0;  // q: each side adheres, per encounter
  double reduction = 0.0;  // λ × (1 - reduction) when both adhere
  bool operator==(const CuesPolicy&) const = default;
};

// Advance notification of the scenario's exercises.
struct NotificationPolicy {
  double clarity = 0.0;  // inside an announced exercise area: m × (1 - clarity)
  bool operator==(const NotificationPolicy&) const = default;
};

// Periodic dialogue among participants, who may also relay hotline calls.
struct TrilateralDialoguePolicy {
  std::vector<std::size_t> participants;  // nation indices
  double period_s = 0.0;
  double effect = 0.0;  // participants' dyad tensions × (1 - effect) each period
  bool relay = false;   // participants' command centres may connect a failed call
  bool operator==(const TrilateralDialoguePolicy&) const = default;
};

struct Policy {
  std::string id;
  std::optional<HotlinePolicy> hotline;
  std::optional<DirectLinkPolicy> direct_link;
  std::optional<CuesPolicy> cues;
  std::optional<NotificationPolicy> notification;
  std::optional<TrilateralDialoguePolicy> trilateral_dialogue;
  bool operator==(const Policy&) const = default;
};

}  // namespace hotline::agents
