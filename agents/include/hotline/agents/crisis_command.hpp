// The command layer (docs/model.md, "Perception, tension, escalation" and
// "Crisis-communication policies"): what the nations' command centres make
// of the incidents at sea and in the air, and how one policy's mechanisms
// act on it.
//
// Each incident is reported to both sides after a lognormal delay; each side
// perceives it as deliberate with probability m (lowered by direct_link's
// clarity, and by notification's inside an announced exercise area). When a
// side's report arrives the dyad's tension rises by half the severity weight,
// or half of accidental_factor × weight if that side saw an accident, so an
// incident both sides see as deliberate adds its full weight. Levels follow
// from tension (DyadEscalation). A dyad entering L2 or above, and every grave
// incident, makes the hotline policy's lines of that dyad call; a connected
// call scales tension by (1 − effect), makes the side reports still in flight
// accidental (the call explains them) and opens the clarification window.
// Trilateral dialogue scales its participants' dyad tensions every period.
// At L3, a side that sees a grave incident as deliberate retaliates with
// probability r (× contact_factor within the clarification window of a
// connected call): an armed clash, L4 for good. A nation's posture is the
// highest level of its dyads, capped at 3; an ally of a nation with a dyad
// at L2 or above has posture 1 or more.
//
// Ordering rule: everything due in a step — report arrivals, call events,
// dialogue rounds — is processed one event at a time in time order (ties:
// reports by incident order and side, then calls, then dialogue), before the
// step's decay; incidents are given in the world's canonical event order.
// The layer is serial and its draws are keyed by incident and call, so it
// is the same at any thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "hotline/agents/dyad_escalation.hpp"
#include "hotline/agents/events.hpp"
#include "hotline/agents/hotline_exchange.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/engine/counter_rng.hpp"

namespace hotline::agents {

class CrisisCommand {
 public:
  // `policy` must outlive the command layer. Throws std::invalid_argument
  // for parameters the layer cannot run (see DyadEscalation, HotlineExchange).
  CrisisCommand(const WorldSpec& spec, const Policy& policy, const engine::CounterRng& rng);

  // An incident of the current step (given in canonical event order);
  // `in_announced_exercise`: inside the area of an exercise in progress (the
  // notification policy makes it clearer).
  void report_incident(const Event& incident, bool in_announced_exercise);

  // Processes everything due before end_s, then the step's decay and the
  // postures. Level changes, clashes, calls placed and connections are
  // appended to `events` (in the order they happened), stamped with `step`.
  void end_step(std::uint32_t step, double end_s, std::vector<Event>& events);

  [[nodiscard]] const std::vector<std::pair<std::size_t, std::size_t>>& dyads() const {
    return dyads_;
  }
  [[nodiscard]] const DyadEscalation& dyad(std::size_t d) const { return escalation_[d]; }
  [[nodiscard]] std::uint32_t clashes(std::size_t d) const { return clashes_[d]; }
  [[nodiscard]] bool any_clash() const { return any_clash_; }
  // The hotline's counts for a dyad; nullptr without a hotline.
  [[nodiscard]] const HotlineCounts* calls(std::size_t d) const {
    return hotline_ ? &hotline_->counts(d) : nullptr;
  }
  [[nodiscard]] int posture(std::size_t nation) const { return posture_[nation]; }
  // Whether an ally of `nation` has a dyad at L2 or above.
  [[nodiscard]] bool ally_in_crisis(std::size_t nation) const {
    return ally_in_crisis_[nation] != 0;
  }
  // Side reports not yet arrived.
  [[nodiscard]] std::size_t reports_in_flight() const { return reports_.size(); }

 private:
  struct Report {
    double arrival_s = 0.0;
    std::uint64_t order = 0;  // incident order × 2 + side: ties in arrival
    std::uint32_t dyad = 0;
    Severity severity = Severity::unsafe;
    bool deliberate = false;
    std::uint8_t side = 0;  // 0: nation_a's (platform a's side), 1: nation_b's
    std::uint32_t step = 0;
    engine::AgentId a = 0;
    engine::AgentId b = 0;
  };
  struct LaterReport {
    bool operator()(const Report& x, const Report& y) const {
      return x.arrival_s > y.arrival_s || (x.arrival_s == y.arrival_s && x.order > y.order);
    }
  };

  void arrive(const Report& report, std::vector<Event>& events);
  void add_tension(std::size_t d, double amount, double time_s, std::vector<Event>& events);
  // After anything that can change dyad d's level from `before`: keeps
  // levels_ in step and records a level_change event if it changed.
  void level_may_have_changed(std::size_t d, int before, double time_s, std::vector<Event>& events);
  void connect(const Connection& c, std::vector<Event>& events);
  void dialogue_round(double time_s, std::vector<Event>& events);
  void place_calls(std::size_t d, double time_s, std::vector<Event>& events);
  void update_postures();
  [[nodiscard]] Event dyad_event(EventType type, std::size_t d, double time_s) const;

  const WorldSpec& spec_;
  const Policy& policy_;
  engine::CounterRng rng_;
  std::vector<std::pair<std::size_t, std::size_t>> dyads_;
  std::vector<std::uint32_t> dyad_of_nations_;  // [a * nations + b]
  std::vector<DyadEscalation> escalation_;
  std::vector<int> levels_;  // escalation_[d].level(), for the hotline
  std::vector<std::uint32_t> clashes_;
  std::vector<std::optional<double>> last_contact_s_;
  bool any_clash_ = false;

  std::vector<Report> reports_;  // a min-heap by (arrival, order)
  std::uint64_t incidents_reported_ = 0;
  std::optional<HotlineExchange> hotline_;
  std::vector<std::uint8_t> in_dialogue_;  // per dyad: both nations take part
  double next_dialogue_s_ = 0.0;           // +infinity without dialogue

  std::vector<int> posture_;
  std::vector<std::uint8_t> ally_in_crisis_;
  std::uint32_t step_ = 0;
};

}  // namespace hotline::agents
