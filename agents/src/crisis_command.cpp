#include "hotline/agents/crisis_command.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "random_draws.hpp"

namespace hotline::agents {

using engine::RngPurpose;

namespace {

constexpr int kCrisisLevel = 2;
constexpr int kMilitarisedLevel = 3;
constexpr int kMaxPosture = 3;
// Each side's report carries half of what the incident adds (docs/model.md).
constexpr double kShareOfEachSide = 0.5;

double weight_of(const SeverityTriple& weights, Severity s) {
  switch (s) {
    case Severity::unsafe:
      return weights.unsafe;
    case Severity::dangerous:
      return weights.dangerous;
    case Severity::grave:
      return weights.grave;
  }
  return 0.0;
}

bool takes_part(const TrilateralDialoguePolicy& dialogue, std::size_t nation) {
  return std::find(dialogue.participants.begin(), dialogue.participants.end(), nation)
         != dialogue.participants.end();
}

// The hotline's lines (the dyad of each endpoint pair) and, where dialogue
// relays, how many partners each dyad has: participants other than the
// dyad's two nations that have a command centre.
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
  dyad_of_nations_.assign(n * n, 0);
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    dyad_of_nations_[dyads_[d].first * n + dyads_[d].second] = static_cast<std::uint32_t>(d);
    dyad_of_nations_[dyads_[d].second * n + dyads_[d].first] = static_cast<std::uint32_t>(d);
    escalation_.emplace_back(spec.escalation, spec.dt_s);
  }
  levels_.assign(dyads_.size(), 0);
  clashes_.assign(dyads_.size(), 0);
  last_contact_s_.assign(dyads_.size(), std::nullopt);
  in_dialogue_.assign(dyads_.size(), 0);
  next_dialogue_s_ = std::numeric_limits<double>::infinity();
  if (policy.trilateral_dialogue) {
    const TrilateralDialoguePolicy& dialogue = *policy.trilateral_dialogue;
    if (!(dialogue.period_s > 0.0)) {
      throw std::invalid_argument("trilateral dialogue: the period must be > 0");
    }
    next_dialogue_s_ = dialogue.period_s;
    for (std::size_t d = 0; d < dyads_.size(); ++d) {
      in_dialogue_[d] =
          takes_part(dialogue, dyads_[d].first) && takes_part(dialogue, dyads_[d].second) ? 1 : 0;
    }
  }
  if (policy.hotline) {
    hotline_.emplace(*policy.hotline, line_dyads(spec, *policy.hotline, dyad_of_nations_),
                     relays(spec, policy, dyads_), rng_);
  }
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

void CrisisCommand::report_incident(const Event& incident, bool in_announced_exercise) {
  const std::size_t n = spec_.nations.size();
  const std::uint32_t d = dyad_of_nations_[incident.nation_a * n + incident.nation_b];
  const EscalationParameters& esc = spec_.escalation;
  // m, made smaller by what makes the incident clearer.
  double m = esc.perceived_deliberate;
  if (policy_.direct_link) m *= 1.0 - policy_.direct_link->clarity;
  if (in_announced_exercise && policy_.notification) m *= 1.0 - policy_.notification->clarity;
  const auto [za, zb] = detail::two_standard_normals(rng_.words(
      incident.step, incident.agent_a, incident.agent_b, RngPurpose::incident_report_delay));
  const auto [ua, ub] = detail::two_uniforms(rng_.words(
      incident.step, incident.agent_a, incident.agent_b, RngPurpose::incident_perception));
  const double z[2] = {za, zb};
  const double u[2] = {ua, ub};
  for (std::uint8_t side = 0; side < 2; ++side) {
    Report r;
    r.arrival_s = incident.time_s
                  + detail::lognormal(esc.report_delay_median_s, esc.report_delay_sigma, z[side]);
    r.order = incidents_reported_ * 2 + side;
    r.dyad = d;
    r.severity = incident.severity;
    r.deliberate = u[side] < m;
    r.side = side;
    r.step = incident.step;
    r.a = incident.agent_a;
    r.b = incident.agent_b;
    reports_.push_back(r);
    std::push_heap(reports_.begin(), reports_.end(), LaterReport{});
  }
  ++incidents_reported_;
}

void CrisisCommand::add_tension(std::size_t d, double amount, double time_s,
                                std::vector<Event>& events) {
  const int before = escalation_[d].level();
  escalation_[d].add_tension(amount);
  level_may_have_changed(d, before, time_s, events);
  if (before < kCrisisLevel && escalation_[d].level() >= kCrisisLevel) {
    place_calls(d, time_s, events);
  }
}

void CrisisCommand::level_may_have_changed(std::size_t d, int before, double time_s,
                                           std::vector<Event>& events) {
  const int level = escalation_[d].level();
  levels_[d] = level;
  if (level == before) return;
  Event e = dyad_event(EventType::level_change, d, time_s);
  e.value = static_cast<std::uint32_t>(level);
  events.push_back(e);
}

void CrisisCommand::place_calls(std::size_t d, double time_s, std::vector<Event>& events) {
  if (!hotline_ || escalation_[d].level() == DyadEscalation::kClashLevel) return;
  const std::size_t placed = hotline_->call(d, time_s);
  if (placed == 0) return;
  Event e = dyad_event(EventType::call_placed, d, time_s);
  e.value = static_cast<std::uint32_t>(placed);
  events.push_back(e);
}

void CrisisCommand::arrive(const Report& report, std::vector<Event>& events) {
  const EscalationParameters& esc = spec_.escalation;
  const std::size_t d = report.dyad;
  const double weight = weight_of(spec_.incidents.severity_weight, report.severity);
  const double share = report.deliberate ? 1.0 : esc.accidental_factor;
  add_tension(d, kShareOfEachSide * share * weight, report.arrival_s, events);
  if (report.severity != Severity::grave) return;
  place_calls(d, report.arrival_s, events);
  // Retaliation: at L3, by a side that sees the grave incident as deliberate.
  if (!report.deliberate || escalation_[d].level() != kMilitarisedLevel) return;
  double r = esc.retaliation_probability;
  const std::optional<double>& contact = last_contact_s_[d];
  if (contact && report.arrival_s - *contact <= esc.clarification_window_s) {
    r *= esc.retaliation_contact_factor;
  }
  const auto [ua, ub] =
      detail::two_uniforms(rng_.words(report.step, report.a, report.b, RngPurpose::retaliation));
  if ((report.side == 0 ? ua : ub) >= r) return;
  escalation_[d].clash(report.arrival_s);
  levels_[d] = escalation_[d].level();
  ++clashes_[d];
  any_clash_ = true;
  Event e = dyad_event(EventType::clash, d, report.arrival_s);
  e.severity = report.severity;
  e.agent_a = report.a;
  e.agent_b = report.b;
  e.value = report.side;  // the side that retaliated: 0 nation_a's platform's, 1 b's
  events.push_back(e);
}

void CrisisCommand::connect(const Connection& c, std::vector<Event>& events) {
  const int before = escalation_[c.dyad].level();
  escalation_[c.dyad].scale_tension(1.0 - policy_.hotline->effect);
  last_contact_s_[c.dyad] = c.time_s;
  // The call explains the incidents whose reports are still on their way.
  for (Report& r : reports_) {
    if (r.dyad == c.dyad) r.deliberate = false;
  }
  Event e = dyad_event(EventType::call_connected, c.dyad, c.time_s);
  const HotlineCounts& counts = hotline_->counts(c.dyad);
  e.value = static_cast<std::uint32_t>(std::llround(counts.connect_delays_s.back()));
  events.push_back(e);
  level_may_have_changed(c.dyad, before, c.time_s, events);
}

void CrisisCommand::dialogue_round(double time_s, std::vector<Event>& events) {
  const double factor = 1.0 - policy_.trilateral_dialogue->effect;
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    if (in_dialogue_[d] == 0) continue;
    const int before = escalation_[d].level();
    escalation_[d].scale_tension(factor);
    level_may_have_changed(d, before, time_s, events);
  }
  next_dialogue_s_ += policy_.trilateral_dialogue->period_s;
}

void CrisisCommand::end_step(std::uint32_t step, double end_s, std::vector<Event>& events) {
  step_ = step;
  for (;;) {
    const double report_s =
        reports_.empty() ? std::numeric_limits<double>::infinity() : reports_.front().arrival_s;
    const double call_s =
        hotline_ ? hotline_->next_event_s() : std::numeric_limits<double>::infinity();
    const double next = std::min({report_s, call_s, next_dialogue_s_});
    if (!(next < end_s)) break;
    if (report_s == next) {
      std::pop_heap(reports_.begin(), reports_.end(), LaterReport{});
      const Report report = reports_.back();
      reports_.pop_back();
      arrive(report, events);
    } else if (call_s == next) {
      if (const auto connection = hotline_->process_next(levels_)) connect(*connection, events);
    } else {
      dialogue_round(next, events);
    }
  }
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    const int before = escalation_[d].level();
    escalation_[d].end_step();
    level_may_have_changed(d, before, end_s, events);
  }
  update_postures();
}

void CrisisCommand::update_postures() {
  const std::size_t n = spec_.nations.size();
  std::vector<std::uint8_t> in_crisis(n, 0);
  std::fill(posture_.begin(), posture_.end(), 0);
  for (std::size_t d = 0; d < dyads_.size(); ++d) {
    const int level = std::min(escalation_[d].level(), kMaxPosture);
    for (const std::size_t nation : {dyads_[d].first, dyads_[d].second}) {
      posture_[nation] = std::max(posture_[nation], level);
      if (level >= kCrisisLevel) in_crisis[nation] = 1;
    }
  }
  for (std::size_t nation = 0; nation < n; ++nation) {
    ally_in_crisis_[nation] = 0;
    for (std::size_t other = 0; other < n; ++other) {
      if (other != nation && in_crisis[other] != 0
          && spec_.relation(nation, other) == Relation::ally) {
        ally_in_crisis_[nation] = 1;
      }
    }
    if (ally_in_crisis_[nation] != 0) posture_[nation] = std::max(posture_[nation], 1);
  }
}

}  // namespace hotline::agents
