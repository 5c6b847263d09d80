#include "hotline/agents/crisis_command.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "hotline/agents/draw_purposes.hpp"
#include "hotline/agents/political_decision.hpp"
#include "random_draws.hpp"

namespace hotline::agents {

namespace {

constexpr int kCrisisLevel = 2;
constexpr int kMilitarisedLevel = 3;
constexpr int kMaxPosture = 3;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kSecondsPerDay = 86400.0;
// The key of a report that no platform made (a crisis's opening incident).
constexpr engine::AgentId kNoPlatform = 0xffffffffU;

bool takes_part(const TrilateralDialoguePolicy& dialogue, std::size_t nation) {
  return std::find(dialogue.participants.begin(), dialogue.participants.end(), nation)
         != dialogue.participants.end();
}

// The hotline's lines (the dyad of each endpoint pair).
std::vector<std::size_t> line_dyads(const WorldSpec& spec, const HotlinePolicy& hotline,
                                    const std::vector<std::uint32_t>& dyad_of_nations) {
  std::vector<std::size_t> dyads;
  const std::size_t n = spec.nations.size();
  for (const auto& [first, second] : hotline.endpoints) {
    const std::size_t a = spec.command_centres.at(first).nation;
    const std::size_t b = spec.command_centres.at(second).nation;
    if (spec.relation(a, b) != Relation::rival) {
      throw std::invalid_argument("hotline: a line between command centres of non-rival nations");
    }
    dyads.push_back(dyad_of_nations[a * n + b]);
  }
  return dyads;
}

// Where dialogue relays, how many partners each dyad has: participants other
// than the dyad's two nations that have a command centre.
std::vector<std::uint32_t> relays(const WorldSpec& spec, const Policy& policy,
                                  const std::vector<std::pair<std::size_t, std::size_t>>& dyads) {
  std::vector<std::uint32_t> count(dyads.size(), 0);
  if (!policy.trilateral_dialogue || !policy.trilateral_dialogue->relay) return count;
  const TrilateralDialoguePolicy& dialogue = *policy.trilateral_dialogue;
  for (std::size_t d = 0; d < dyads.size(); ++d) {
    const auto [a, b] = dyads[d];
    if (!takes_part(dialogue, a) || !takes_part(dialogue, b)) continue;
    for (const std::size_t partner : dialogue.participants) {
      if (partner == a || partner == b) continue;
      const bool has_centre =
          std::any_of(spec.command_centres.begin(), spec.command_centres.end(),
                      [&](const CommandCentreSpec& c) { return c.nation == partner; });
      if (has_centre) ++count[d];
    }
  }
  return count;
}

double logistic(double x) {
  return 1.0 / (1.0 + engine::exp(-std::clamp(x, -700.0, 700.0)));
}

// The setting of dyad (a, b), a < b; the scenario gives one per dyad.
const DyadSetting& setting_of(const EscalationParameters& esc, std::size_t a, std::size_t b) {
  for (const DyadSetting& s : esc.dyads) {
    if (s.nation_a == a && s.nation_b == b) return s;
  }
  throw std::invalid_argument("command layer: no political setting for a rival dyad");
}

}  // namespace

CrisisCommand::CrisisCommand(const WorldSpec& spec, const Policy& policy,
                             const engine::CounterRng& rng)
    : spec_(spec),
      policy_(policy),
      rng_(rng),
      dyads_(spec.dyads()),
      posture_(spec.nations.size(), 0),
      ally_in_crisis_(spec.nations.size(), 0) {
  const std::size_t n = spec.nations.size();
  const std::size_t dyads = dyads_.size();
  dyad_of_nations_.assign(n * n, 0);
  for (std::size_t d = 0; d < dyads; ++d) {
    const auto [a, b] = dyads_[d];
    dyad_of_nations_[a * n + b] = dyad_of_nations_[b * n + a] = static_cast<std::uint32_t>(d);
    const DyadSetting& s = setting_of(spec.escalation, a, b);
    settings_.push_back(&s);
    hostility_.emplace_back(spec.escalation.hostility, s.baseline, s.initial_hostility,
                            s.initial_shock);
  }
  levels_.assign(dyads, 0);
  records_.assign(dyads, DyadRecord{});
  last_contact_s_.assign(dyads, std::nullopt);
  skirmish_until_s_.assign(dyads, -1.0);
  shocks_drawn_.assign(dyads, 0);
  next_shock_s_.assign(dyads, kInfinity);
  next_epoch_s_.assign(dyads, kInfinity);
  deescalated_.assign(dyads * 2, 0);
  war_cost_multiplier_.assign(dyads, 1.0);
  baseline_cut_.assign(dyads, 0.0);
  side_posture_.assign(dyads * 2, 0);
  for (std::size_t d = 0; d < dyads; ++d) {
    next_shock_s_[d] = next_shock_after(d, 0.0);
    levels_[d] = hostility_[d].level();
    records_[d].peak_level = levels_[d];
    if (levels_[d] >= kCrisisLevel) {
      records_[d].first_crisis_s = 0.0;
      next_epoch_s_[d] = spec.escalation.decisions.epoch_interval_s;
    }
  }
  in_dialogue_.assign(dyads, 0);
  next_dialogue_s_ = kInfinity;
  if (policy.trilateral_dialogue) {
    const TrilateralDialoguePolicy& dialogue = *policy.trilateral_dialogue;
    if (!(dialogue.period_s > 0.0)) {
      throw std::invalid_argument("trilateral dialogue: the period must be > 0");
    }
    // A dialogue in place has a round at the start of the run and every
    // period after: a run begins within the policy, not before its first
    // meeting (a crisis shorter than the period would otherwise never see
    // one).
    next_dialogue_s_ = 0.0;
    for (std::size_t d = 0; d < dyads; ++d) {
      in_dialogue_[d] =
          takes_part(dialogue, dyads_[d].first) && takes_part(dialogue, dyads_[d].second) ? 1 : 0;
    }
  }
  if (policy.hotline) {
    hotline_.emplace(*policy.hotline, line_dyads(spec, *policy.hotline, dyad_of_nations_),
                     relays(spec, policy, dyads_), rng_);
  }
  // A crisis's opening incident: a grave act just reported to both sides.
  for (std::size_t d = 0; d < dyads; ++d) {
    if (!settings_[d]->opening_grave_incident) continue;
    for (std::uint8_t side = 0; side < 2; ++side) {
      Report r;
      r.order = incidents_reported_ * 2 + side;
      r.dyad = static_cast<std::uint32_t>(d);
      r.severity = Severity::grave;
      r.conduct = Conduct::harassment;
      r.side = side;
      r.a = kNoPlatform;
      r.b = static_cast<engine::AgentId>(d);
      push_report(r);
    }
    ++incidents_reported_;
  }
  update_postures();
}

Event CrisisCommand::dyad_event(EventType type, std::size_t d, double time_s) const {
  Event e;
  e.step = step_;
  e.time_s = time_s;
  e.type = type;
  e.nation_a = static_cast<std::uint16_t>(dyads_[d].first);
  e.nation_b = static_cast<std::uint16_t>(dyads_[d].second);
  return e;
}

double CrisisCommand::next_shock_after(std::size_t d, double time_s) {
  const double rate_per_s = settings_[d]->shock_rate_per_s;
  if (!(rate_per_s > 0.0)) return kInfinity;
  const double u =
      rng_.uniform(shocks_drawn_[d]++, static_cast<std::uint32_t>(d), 0, draw::political_shock);
  return time_s - engine::log(1.0 - u) / rate_per_s;
}

void CrisisCommand::push_report(Report r) {
  reports_.push_back(r);
  std::push_heap(reports_.begin(), reports_.end(), LaterReport{});
}

void CrisisCommand::report_incident(const Event& incident, bool in_announced_exercise) {
  const std::size_t n = spec_.nations.size();
  const std::uint32_t d = dyad_of_nations_[incident.nation_a * n + incident.nation_b];
  if (at_war(d)) return;
  const PerceptionParameters& perception = spec_.escalation.perception;
  const auto [za, zb] = detail::two_standard_normals(
      rng_.words(incident.step, incident.agent_a, incident.agent_b, draw::incident_report_delay));
  // Words 0-1 are platform a's side's; the report's side is its nation's
  // place in the dyad.
  const std::uint8_t side_of_a = incident.nation_a == dyads_[d].first ? 0 : 1;
  const double z[2] = {za, zb};
  for (std::uint8_t k = 0; k < 2; ++k) {
    Report r;
    r.incident_s = incident.time_s;
    r.arrival_s =
        incident.time_s
        + detail::lognormal(perception.report_delay_median_s, perception.report_delay_sigma, z[k]);
    r.side = k == 0 ? side_of_a : static_cast<std::uint8_t>(1 - side_of_a);
    r.order = incidents_reported_ * 2 + r.side;
    r.dyad = d;
    r.severity = incident.severity;
    r.conduct = static_cast<Conduct>(incident.value & 3U);
    r.on_link = (incident.value & 4U) != 0;
    r.announced = in_announced_exercise;
    r.step = incident.step;
    r.a = incident.agent_a;
    r.b = incident.agent_b;
    push_report(r);
  }
  ++incidents_reported_;
}

// The rival side hears of the exercise as it begins: a report of its own,
// in time order with the incidents' reports.
void CrisisCommand::exercise_started(std::size_t nation, double time_s) {
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    if (dyads_[d].first != nation && dyads_[d].second != nation) continue;
    Report r;
    r.arrival_s = r.incident_s = time_s;
    r.dyad = static_cast<std::uint32_t>(d);
    r.severity = Severity::dangerous;
    r.side = dyads_[d].first == nation ? 1 : 0;
    r.order = incidents_reported_ * 2 + r.side;
    r.exercise = true;
    push_report(r);
    ++incidents_reported_;
  }
}

bool CrisisCommand::in_clarification_window(std::size_t d, double time_s) const {
  const std::optional<double>& contact = last_contact_s_[d];
  return contact && time_s - *contact <= spec_.escalation.clarification_window_s;
}

// A call that connected while the report was on its way explains the
// incident: it is read as an accident.
ReportJudgement CrisisCommand::judge(const Report& report) const {
  const std::optional<double>& contact = last_contact_s_[report.dyad];
  if (contact && *contact >= report.incident_s) return ReportJudgement::explained;
  const PerceptionParameters& p = spec_.escalation.perception;
  double x = p.base + p.hostility * hostility_[report.dyad].hostility();
  if (report.conduct == Conduct::harassment) x += p.harassment;
  if (report.on_link && policy_.direct_link) x -= policy_.direct_link->deliberate_shift;
  if (report.announced && policy_.notification) x -= policy_.notification->deliberate_shift;
  const auto w = rng_.words(report.step, report.a, report.b, draw::incident_perception);
  const double u =
      engine::CounterRng::to_unit_interval(w[2U * report.side], w[2U * report.side + 1]);
  return u < logistic(x) ? ReportJudgement::deliberate : ReportJudgement::accident;
}

void CrisisCommand::advance_to(std::size_t d, double time_s) {
  const double dt = time_s - hostility_[d].time_s();
  if (dt > 0.0) hostility_[d].advance(dt);
}

void CrisisCommand::follow_level(std::size_t d, double time_s, std::vector<Event>& events) {
  const int before = levels_[d];
  const int level = at_war(d) || skirmish_until_s_[d] >= 0.0 ? kClashLevel : hostility_[d].level();
  if (level == before) return;
  levels_[d] = level;
  DyadRecord& record = records_[d];
  record.peak_level = std::max(record.peak_level, level);
  if (level > before) {
    deescalated_[d * 2] = deescalated_[d * 2 + 1] = 0;  // a new level: new orders
  }
  Event e = dyad_event(EventType::level_change, d, time_s);
  e.value = static_cast<std::uint32_t>(level);
  events.push_back(e);
  if (before < kCrisisLevel && level >= kCrisisLevel) {
    if (!record.first_crisis_s) record.first_crisis_s = time_s;
    next_epoch_s_[d] = time_s + spec_.escalation.decisions.epoch_interval_s;
    place_calls(d, time_s, events);
  } else if (level < kCrisisLevel) {
    next_epoch_s_[d] = kInfinity;
  }
}

void CrisisCommand::place_calls(std::size_t d, double time_s, std::vector<Event>& events) {
  if (!hotline_ || at_war(d)) return;
  const std::size_t placed = hotline_->call(d, time_s);
  if (placed == 0) return;
  Event e = dyad_event(EventType::call_placed, d, time_s);
  e.value = static_cast<std::uint32_t>(placed);
  events.push_back(e);
}

// What the side made of the incident, for the record (a viewer's "how each
// side saw it"); the judgement itself acts through hostility and decisions.
void CrisisCommand::record_judgement(const Report& report, ReportJudgement judgement,
                                     std::vector<Event>& events) const {
  Event e = dyad_event(EventType::report_judged, report.dyad, report.arrival_s);
  e.agent_a = report.a;
  e.agent_b = report.b;
  e.severity = report.severity;
  e.value = static_cast<std::uint32_t>(judgement) + 4U * report.side;
  events.push_back(e);
}

void CrisisCommand::arrive(const Report& report, std::vector<Event>& events) {
  const std::size_t d = report.dyad;
  if (at_war(d)) return;
  advance_to(d, report.arrival_s);
  if (report.exercise) {
    const double weight = policy_.notification ? 1.0 - policy_.notification->response_damping : 1.0;
    hostility_[d].report(static_cast<int>(report.severity), true, weight);
    follow_level(d, report.arrival_s, events);
    return;
  }
  const ReportJudgement judgement = judge(report);
  record_judgement(report, judgement, events);
  const bool deliberate = judgement == ReportJudgement::deliberate;
  hostility_[d].report(static_cast<int>(report.severity), deliberate);
  follow_level(d, report.arrival_s, events);
  if (report.severity != Severity::grave) return;
  place_calls(d, report.arrival_s, events);
  const auto w = rng_.words(report.step, report.a, report.b, draw::decision);
  decide(d, report.side, report.arrival_s, deliberate,
         engine::CounterRng::to_unit_interval(w[2U * report.side], w[2U * report.side + 1]),
         events);
}

void CrisisCommand::decide(std::size_t d, std::size_t side, double time_s, bool provoked, double u,
                           std::vector<Event>& events) {
  const DyadHostility& h = hostility_[d];
  DecisionContext c;
  c.level = levels_[d];
  c.hostility = h.hostility();
  c.provoked = provoked;
  c.days_in_crisis = h.in_episode() ? (time_s - h.episode_start_s()) / kSecondsPerDay : 0.0;
  c.call_in_window = in_clarification_window(d, time_s);
  c.war_cost_multiplier = war_cost_multiplier_[d];
  if (c.call_in_window && policy_.hotline) c.force_weight_kept = policy_.hotline->force_weight_kept;
  const DecisionOdds odds = decision_odds(spec_.escalation.decisions, c);
  records_[d].expected_clashes += odds.use_force;
  const Decision choice = agents::decide(odds, u);
  ++records_[d].decisions[static_cast<std::size_t>(choice)];
  if (choice == Decision::deescalate) {
    deescalate(d, side);
    follow_level(d, time_s, events);
  } else if (choice == Decision::use_force) {
    clash(d, side, time_s, events);
  }
}

void CrisisCommand::deescalate(std::size_t d, std::size_t side) {
  hostility_[d].scale(1.0 - spec_.escalation.decisions.deescalate_factor);
  deescalated_[d * 2 + side] = 1;
}

void CrisisCommand::clash(std::size_t d, std::size_t side, double time_s,
                          std::vector<Event>& events) {
  DyadRecord& record = records_[d];
  ++record.clashes;
  any_clash_ = true;
  if (!record.first_clash_s) record.first_clash_s = time_s;
  Event e = dyad_event(EventType::clash, d, time_s);
  e.value = static_cast<std::uint32_t>(side);
  events.push_back(e);
  const OutcomeParameters& outcomes = spec_.escalation.outcomes;
  const double u =
      rng_.uniform(record.clashes, static_cast<std::uint32_t>(d), 0, draw::clash_outcome);
  if (u < outcomes.war_probability) {
    ++record.wars;
    record.war_s = time_s;
    events.push_back(dyad_event(EventType::war, d, time_s));
  } else {
    skirmish_until_s_[d] = time_s + outcomes.skirmish_duration_s;
  }
  place_calls(d, time_s, events);
  follow_level(d, time_s, events);
}

void CrisisCommand::end_skirmish(std::size_t d, double time_s, std::vector<Event>& events) {
  skirmish_until_s_[d] = -1.0;
  advance_to(d, time_s);
  hostility_[d].raise_level_to(kMilitarisedLevel);
  follow_level(d, time_s, events);
}

void CrisisCommand::connect(const Connection& c, std::vector<Event>& events) {
  last_contact_s_[c.dyad] = c.time_s;
  Event e = dyad_event(EventType::call_connected, c.dyad, c.time_s);
  const HotlineCounts& counts = hotline_->counts(c.dyad);
  e.value = static_cast<std::uint32_t>(std::llround(counts.connect_delays_s.back()));
  events.push_back(e);
  if (!policy_.hotline->joint_deescalation || at_war(c.dyad)) return;
  advance_to(c.dyad, c.time_s);
  deescalate(c.dyad, 0);
  deescalate(c.dyad, 1);
  follow_level(c.dyad, c.time_s, events);
}

void CrisisCommand::dialogue_round(double time_s, std::vector<Event>& events) {
  const TrilateralDialoguePolicy& dialogue = *policy_.trilateral_dialogue;
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    if (in_dialogue_[d] == 0 || at_war(d)) continue;
    advance_to(d, time_s);
    const double cut =
        std::min(dialogue.baseline_cut, dialogue.baseline_cut_max - baseline_cut_[d]);
    if (cut > 0.0) {
      baseline_cut_[d] += cut;
      hostility_[d].set_baseline(std::max(0.0, hostility_[d].base() - cut));
    }
    war_cost_multiplier_[d] = std::min(1.0 + dialogue.restraint_gain_max,
                                       war_cost_multiplier_[d] + dialogue.restraint_gain);
    follow_level(d, time_s, events);
  }
  next_dialogue_s_ += dialogue.period_s;
}

void CrisisCommand::political_shock(std::size_t d, double time_s, std::vector<Event>& events) {
  next_shock_s_[d] = next_shock_after(d, time_s);
  if (at_war(d)) return;
  advance_to(d, time_s);
  hostility_[d].shock();
  ++records_[d].shocks;
  follow_level(d, time_s, events);
}

void CrisisCommand::daily_epoch(std::size_t d, double time_s, std::vector<Event>& events) {
  next_epoch_s_[d] = time_s + spec_.escalation.decisions.epoch_interval_s;
  if (at_war(d)) {
    next_epoch_s_[d] = kInfinity;
    return;
  }
  advance_to(d, time_s);
  const auto day = static_cast<std::uint32_t>(time_s / kSecondsPerDay);
  const auto w = rng_.words(day, static_cast<std::uint32_t>(d), 0, draw::daily_decision);
  for (std::size_t side = 0; side < 2 && !at_war(d); ++side) {
    decide(d, side, time_s, false,
           engine::CounterRng::to_unit_interval(w[2 * side], w[2 * side + 1]), events);
  }
}

std::pair<CrisisCommand::Due, std::size_t> CrisisCommand::next_due(double& at_s) const {
  std::pair<Due, std::size_t> due{Due::none, 0};
  if (next_dialogue_s_ < at_s) {
    at_s = next_dialogue_s_;
    due = {Due::dialogue, 0};
  }
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    if (next_shock_s_[d] < at_s) {
      at_s = next_shock_s_[d];
      due = {Due::shock, d};
    }
  }
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    if (next_epoch_s_[d] < at_s) {
      at_s = next_epoch_s_[d];
      due = {Due::epoch, d};
    }
  }
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    if (skirmish_until_s_[d] >= 0.0 && skirmish_until_s_[d] < at_s) {
      at_s = skirmish_until_s_[d];
      due = {Due::skirmish_end, d};
    }
  }
  return due;
}

// A run that opens above L0 (a crisis scenario's opening hostility) says
// so in its first step: a level_change at time 0, so that a reader of the
// events knows every dyad's level from the start.
void CrisisCommand::record_opening_levels(std::vector<Event>& events) const {
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    if (levels_[d] == 0) continue;
    Event e = dyad_event(EventType::level_change, d, 0.0);
    e.value = static_cast<std::uint32_t>(levels_[d]);
    events.push_back(e);
  }
}

void CrisisCommand::end_step(std::uint32_t step, double end_s, std::vector<Event>& events) {
  step_ = step;
  if (step == 0) record_opening_levels(events);
  for (;;) {
    const double report_s = reports_.empty() ? kInfinity : reports_.front().arrival_s;
    const double call_s = hotline_ ? hotline_->next_event_s() : kInfinity;
    double due_s = end_s;
    const auto [due, d] = next_due(due_s);
    const double next = std::min({report_s, call_s, due_s});
    if (!(next < end_s)) break;
    if (report_s == next) {
      std::pop_heap(reports_.begin(), reports_.end(), LaterReport{});
      const Report report = reports_.back();
      reports_.pop_back();
      arrive(report, events);
    } else if (call_s == next) {
      if (const auto connection = hotline_->process_next(levels_)) connect(*connection, events);
    } else if (due == Due::dialogue) {
      dialogue_round(next, events);
    } else if (due == Due::shock) {
      political_shock(d, next, events);
    } else if (due == Due::epoch) {
      daily_epoch(d, next, events);
    } else {
      end_skirmish(d, next, events);
    }
  }
  const double dt = spec_.dt_s;
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    advance_to(d, end_s);
    follow_level(d, end_s, events);
    if (levels_[d] >= kCrisisLevel) records_[d].crisis_s += dt;
  }
  update_postures();
}

void CrisisCommand::update_postures() {
  const std::size_t n = spec_.nations.size();
  // Whether nation x has a dyad at L2 or above with rival r: [x * n + r].
  std::vector<std::uint8_t> crisis_with(n * n, 0);
  std::fill(ally_in_crisis_.begin(), ally_in_crisis_.end(), 0);
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    if (levels_[d] < kCrisisLevel) continue;
    const auto [a, b] = dyads_[d];
    crisis_with[a * n + b] = crisis_with[b * n + a] = 1;
  }
  std::vector<std::uint8_t> in_crisis(n, 0);
  for (std::size_t x = 0; x < n; ++x) {
    for (std::size_t r = 0; r < n; ++r)
      in_crisis[x] |= crisis_with[x * n + r];
  }
  for (std::size_t x = 0; x < n; ++x) {
    for (std::size_t ally = 0; ally < n; ++ally) {
      if (ally != x && in_crisis[ally] != 0 && spec_.relation(x, ally) == Relation::ally) {
        ally_in_crisis_[x] = 1;
      }
    }
  }
  // An ally of x in crisis with r puts x at posture 1 or more towards r.
  auto ally_in_crisis_with = [&](std::size_t x, std::size_t r) {
    for (std::size_t ally = 0; ally < n; ++ally) {
      if (ally != x && crisis_with[ally * n + r] != 0
          && spec_.relation(x, ally) == Relation::ally) {
        return true;
      }
    }
    return false;
  };
  std::fill(posture_.begin(), posture_.end(), 0);
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    for (std::size_t side = 0; side < 2; ++side) {
      const std::size_t x = side == 0 ? dyads_[d].first : dyads_[d].second;
      const std::size_t r = side == 0 ? dyads_[d].second : dyads_[d].first;
      int p = std::min(levels_[d], kMaxPosture) - static_cast<int>(deescalated_[d * 2 + side]);
      if (ally_in_crisis_with(x, r)) p = std::max(p, 1);
      p = std::max(p, 0);
      side_posture_[d * 2 + side] = p;
      posture_[x] = std::max(posture_[x], p);
    }
  }
  // A nation's missions answer an ally's crisis even where it has no
  // quarrel of its own with the ally's rival.
  for (std::size_t x = 0; x < n; ++x) {
    if (ally_in_crisis_[x] != 0) posture_[x] = std::max(posture_[x], 1);
  }
}

}  // namespace hotline::agents
