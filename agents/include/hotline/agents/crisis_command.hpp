// The command layer (docs/model.md, "Perception and hostility", "Political
// decisions", "Outcomes" and "Crisis-communication policies"): what the
// nations' command centres make of the incidents at sea and in the air, of
// political events and of each other, and how one policy's mechanisms act
// on it.
//
// Each incident reaches each side after a lognormal delay; the side judges
// it deliberate with probability m = logistic(base + harassment + hostility·H
// − on-scene link − announced exercise), or as an accident if a hotline call
// connected while its report was on the way. The report moves the dyad's
// bounded hostility H (DyadHostility), whose baseline H0 takes political
// shocks (a Poisson process per dyad). Levels L1..L3 follow H; L4 is an
// armed clash in progress. Decision epochs — a side's report of a grave
// incident, and every day at L2 or above — let each side de-escalate, hold
// or use force (political_decision.hpp). Force is an armed clash: a
// skirmish (L4 for a while, then back to L3) or, rarely, war, which ends
// the dyad's run. The hotline calls on a grave incident, on entry into L2
// and on a clash; a connected call opens the clarification window and both
// sides de-escalate once. A side's posture towards a rival is the dyad's
// level (capped at 3), one step lower after it de-escalated, and at least 1
// while an ally is at L2 or above with the same rival.
//
// Ordering rule: everything due in a step — report arrivals, call events,
// dialogue rounds, political shocks, daily epochs, skirmish ends — is
// processed one event at a time in time order (ties: reports by incident
// order and side, then calls, dialogue, shocks, epochs and skirmish ends,
// each by dyad), then every dyad is advanced to the step's end. Incidents
// are given in the world's canonical event order. The layer is serial and
// its draws are keyed by incident, call, dyad and day, so it is the same at
// any thread count.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "hotline/agents/dyad_hostility.hpp"
#include "hotline/agents/events.hpp"
#include "hotline/agents/hotline_exchange.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/engine/counter_rng.hpp"
#include "hotline/engine/snapshot_stream.hpp"

namespace hotline::agents {

inline constexpr int kClashLevel = 4;

// What a run measures of one dyad's political history.
struct DyadRecord {
  double crisis_s = 0.0;  // time at L2 or above (L4 included)
  int peak_level = 0;
  std::uint32_t clashes = 0;  // skirmishes and wars
  std::uint32_t wars = 0;
  std::uint32_t shocks = 0;                  // political shocks
  std::array<std::uint32_t, 3> decisions{};  // hold, de-escalate, use force
  // The sum of P(use force) over every decision epoch: the clashes the run
  // expects, whose mean over runs is the mean number of clashes (each
  // epoch's clash has that conditional probability) but which varies far
  // less than the count of a rare event.
  double expected_clashes = 0.0;
  std::optional<double> first_crisis_s;  // first entry into L2
  std::optional<double> first_clash_s;
  std::optional<double> war_s;
};

class CrisisCommand {
 public:
  // `policy` must outlive the command layer. Throws std::invalid_argument
  // for parameters the layer cannot run (see DyadHostility, HotlineExchange).
  CrisisCommand(const WorldSpec& spec, const Policy& policy, const engine::CounterRng& rng);

  // An incident of the current step (given in canonical event order);
  // `in_announced_exercise`: inside the area of an exercise in progress
  // that the notification policy announced.
  void report_incident(const Event& incident, bool in_announced_exercise);
  // An exercise of `nation` begins at time_s: its rivals' hostility rises
  // as for one side's report of a dangerous act seen as deliberate (damped
  // when notification announced it).
  void exercise_started(std::size_t nation, double time_s);

  // Processes everything due before end_s, then advances every dyad to
  // end_s. Level changes, clashes, wars, calls placed and connections are
  // appended to `events` (in the order they happened), stamped with `step`.
  void end_step(std::uint32_t step, double end_s, std::vector<Event>& events);

  [[nodiscard]] const std::vector<std::pair<std::size_t, std::size_t>>& dyads() const {
    return dyads_;
  }
  [[nodiscard]] const DyadHostility& hostility(std::size_t d) const { return hostility_[d]; }
  [[nodiscard]] int level(std::size_t d) const { return levels_[d]; }
  [[nodiscard]] const DyadRecord& record(std::size_t d) const { return records_[d]; }
  [[nodiscard]] bool at_war(std::size_t d) const { return records_[d].war_s.has_value(); }
  [[nodiscard]] bool any_clash() const { return any_clash_; }
  // The hotline's counts for a dyad; nullptr without a hotline.
  [[nodiscard]] const HotlineCounts* calls(std::size_t d) const {
    return hotline_ ? &hotline_->counts(d) : nullptr;
  }
  // A nation's highest posture towards any rival (its missions').
  [[nodiscard]] int posture(std::size_t nation) const { return posture_[nation]; }
  // Side 0 (the dyad's first nation) or 1: its posture towards the other.
  [[nodiscard]] int side_posture(std::size_t d, std::size_t side) const {
    return side_posture_[d * 2 + side];
  }
  // Whether an ally of `nation` has a dyad at L2 or above.
  [[nodiscard]] bool ally_in_crisis(std::size_t nation) const {
    return ally_in_crisis_[nation] != 0;
  }
  // Side reports not yet arrived.
  [[nodiscard]] std::size_t reports_in_flight() const { return reports_.size(); }

  // The state a snapshot holds (world_snapshot.cpp), and back.
  void save(engine::SnapshotWriter& out) const;
  void restore(engine::SnapshotReader& in);
  // Draws from `rng` from now on (a branch of the streams it had).
  void set_rng(const engine::CounterRng& rng);

 private:
  struct Report {
    double arrival_s = 0.0;
    double incident_s = 0.0;
    std::uint64_t order = 0;  // incident order × 2 + side: ties in arrival
    std::uint32_t dyad = 0;
    Severity severity = Severity::unsafe;
    Conduct conduct = Conduct::routine;
    bool on_link = false;
    bool announced = false;
    bool exercise = false;  // the rival's exercise began (no incident)
    std::uint8_t side = 0;  // 0: the dyad's first nation's, 1: the second's
    std::uint32_t step = 0;
    engine::AgentId a = 0;  // the draw keys: the incident's platforms
    engine::AgentId b = 0;
  };
  struct LaterReport {
    bool operator()(const Report& x, const Report& y) const {
      return x.arrival_s > y.arrival_s || (x.arrival_s == y.arrival_s && x.order > y.order);
    }
  };
  // Timed events of the dyads other than reports and calls.
  enum class Due : std::uint8_t { none, dialogue, shock, epoch, skirmish_end };

  void push_report(Report r);
  void arrive(const Report& report, std::vector<Event>& events);
  [[nodiscard]] ReportJudgement judge(const Report& report) const;
  void record_judgement(const Report& report, ReportJudgement judgement,
                        std::vector<Event>& events) const;
  void record_opening_levels(std::vector<Event>& events) const;
  void advance_to(std::size_t d, double time_s);
  // After anything that can change dyad d's level: keeps levels_ in step,
  // records a level_change event and places calls on entry into L2.
  void follow_level(std::size_t d, double time_s, std::vector<Event>& events);
  void decide(std::size_t d, std::size_t side, double time_s, bool provoked, double u,
              std::vector<Event>& events);
  void deescalate(std::size_t d, std::size_t side);
  void clash(std::size_t d, std::size_t side, double time_s, std::vector<Event>& events);
  void connect(const Connection& c, std::vector<Event>& events);
  void dialogue_round(double time_s, std::vector<Event>& events);
  void political_shock(std::size_t d, double time_s, std::vector<Event>& events);
  void daily_epoch(std::size_t d, double time_s, std::vector<Event>& events);
  void end_skirmish(std::size_t d, double time_s, std::vector<Event>& events);
  void place_calls(std::size_t d, double time_s, std::vector<Event>& events);
  [[nodiscard]] double next_shock_after(std::size_t d, double time_s);
  // The earliest of the dyads' timed events before end_s (none if none).
  [[nodiscard]] std::pair<Due, std::size_t> next_due(double& at_s) const;
  void update_postures();
  [[nodiscard]] Event dyad_event(EventType type, std::size_t d, double time_s) const;
  [[nodiscard]] bool in_clarification_window(std::size_t d, double time_s) const;

  const WorldSpec& spec_;
  const Policy& policy_;
  engine::CounterRng rng_;
  std::vector<std::pair<std::size_t, std::size_t>> dyads_;
  std::vector<std::uint32_t> dyad_of_nations_;  // [a * nations + b]
  std::vector<const DyadSetting*> settings_;    // into spec_.escalation.dyads, by dyad
  std::vector<DyadHostility> hostility_;
  std::vector<int> levels_;  // effective: 4 in a clash, else the hostility's
  std::vector<DyadRecord> records_;
  std::vector<std::optional<double>> last_contact_s_;  // the last connected call
  std::vector<double> skirmish_until_s_;               // -1: none
  std::vector<double> next_shock_s_;                   // +infinity: none
  std::vector<std::uint32_t> shocks_drawn_;            // the key of the next draw
  std::vector<double> next_epoch_s_;                   // daily epochs at L2+; +infinity: none
  std::vector<std::uint8_t> deescalated_;              // [d * 2 + side]: posture one lower
  std::vector<double> war_cost_multiplier_;            // dialogue's restraint
  std::vector<double> baseline_cut_;                   // dialogue's H0 cut so far
  bool any_clash_ = false;

  std::vector<Report> reports_;  // a min-heap by (arrival, order)
  std::uint64_t incidents_reported_ = 0;
  std::optional<HotlineExchange> hotline_;
  std::vector<std::uint8_t> in_dialogue_;  // per dyad: both nations take part
  double next_dialogue_s_ = 0.0;           // +infinity without dialogue

  std::vector<int> posture_;
  std::vector<int> side_posture_;
  std::vector<std::uint8_t> ally_in_crisis_;
  std::uint32_t step_ = 0;
};

}  // namespace hotline::agents
