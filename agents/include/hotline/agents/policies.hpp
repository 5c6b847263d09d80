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

// A lognormal delay: its median (e^mu) and log-standard deviation.
struct LognormalDelay {
  double median_s = 0.0;
  double sigma = 0.0;
  bool operator==(const LognormalDelay&) const = default;
};

// A defence hotline between pairs of command centres of rival nations
// (decision and perception layers). Calls are placed on a grave incident,
// on entry into L2 and on a clash.
struct HotlinePolicy {
  std::vector<std::pair<std::size_t, std::size_t>> endpoints;  // command centre indices
  std::vector<LognormalDelay> answer_delay;                    // per line (endpoints order)
  std::array<double, kLevelCount> answer_probability{};        // by the dyad's level
  double retry_interval_s = 0.0;
  std::uint32_t max_retries = 0;
  // Within the clarification window of a connected call, the weight of
  // using force (its exp(beta·U)) is multiplied by this.
  double force_weight_kept = 1.0;
  bool joint_deescalation = true;  // a connected call: both sides de-escalate once
  bool operator==(const HotlinePolicy&) const = default;
};

// On-scene communication between the two militaries' units (incident and
// perception layers): between units on the link, dangerous and grave odds
// are multiplied by (1 - reduction) and the perceived-deliberate logit is
// lowered by deliberate_shift.
struct DirectLinkPolicy {
  double reduction = 0.0;
  double deliberate_shift = 0.0;
  bool operator==(const DirectLinkPolicy&) const = default;
};

// Code for Unplanned Encounters at Sea (incident layer, naval units only):
// each side adheres with probability q(its posture); harassment becomes
// routine conduct when both adhere.
struct CuesPolicy {
  std::array<double, 4> adherence{};  // q at postures 0..3
  bool operator==(const CuesPolicy&) const = default;
};

// Advance notification of the scenario's exercises (perception and
// decision layers): inside an announced exercise's area and window the
// perceived-deliberate logit of incidents is lowered by deliberate_shift,
// and the rivals' hostility response to the exercise itself is multiplied
// by (1 - response_damping).
struct NotificationPolicy {
  double deliberate_shift = 0.0;
  double response_damping = 0.0;
  bool operator==(const NotificationPolicy&) const = default;
};

// Periodic dialogue among participants (hostility layer, slowly): each
// round lowers the baseline H0 of the participants' dyads by baseline_cut,
// up to baseline_cut_max in all, and raises their war cost by
// restraint_gain (a share), up to restraint_gain_max; partners may relay a
// hotline call the direct line failed to connect.
struct TrilateralDialoguePolicy {
  std::vector<std::size_t> participants;  // nation indices
  double period_s = 0.0;
  double baseline_cut = 0.0;
  double baseline_cut_max = 0.0;
  double restraint_gain = 0.0;
  double restraint_gain_max = 0.0;
  bool relay = false;  // participants' command centres may connect a failed call
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
