// The `escalation` section: the command layer's perception, hostility,
// decisions and outcomes (docs/scenario-reference.md, "escalation").
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

#include "common_readers.hpp"
#include "hotline/scenarios/defaults.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

namespace {

// Utilities and their weights: finite, so that no logit weight is infinite.
constexpr double kLargestUtility = 1e4;

// A list of `count` numbers in [minimum, maximum]; `out` keeps its values
// unless every item is good.
template <std::size_t N>
bool read_numbers(const Value& value, std::string_view what, double minimum, double maximum,
                  std::array<double, N>& out) {
  const auto items = value.items();
  if (!items) return false;
  if (items->size() != N) {
    value.error(fmt::format("{}: {} numbers, got {}", what, N, items->size()));
    return false;
  }
  std::array<double, N> read{};
  bool ok = true;
  for (std::size_t k = 0; k < N; ++k) {
    const auto x = (*items)[k].number(minimum, maximum);
    ok = ok && x.has_value();
    read[k] = x.value_or(0.0);
  }
  if (ok) out = read;
  return ok;
}

// One number per posture 0..3, each > 0.
void read_per_posture(const Value& value, std::string_view key, std::string_view what,
                      std::array<double, 4>& out) {
  std::array<double, 4> read = out;
  if (!read_numbers(value, fmt::format("{} lists {} for postures 0, 1, 2 and 3", key, what), -1e9,
                    1e9, read)) {
    return;
  }
  for (const double x : read) {
    if (!(x > 0.0)) {
      value.error(fmt::format("{} must be > 0, got {}", what, x));
      return;
    }
  }
  out = read;
}

void read_levels(const Value& value, HostilityParameters& h) {
  if (!value.expect_map({"enter", "leave", "min_dwell", "episode_quiet"})) return;
  std::array<double, 3> enter = h.enter;
  std::array<double, 3> leave = h.leave;
  const auto enter_value = value.optional("enter");
  const auto leave_value = value.optional("leave");
  bool ok = true;
  if (enter_value) {
    ok = read_numbers(*enter_value, "enter lists the hostility at which L1, L2 and L3 begin", 0.0,
                      1.0, enter)
         && ok;
  }
  if (leave_value) {
    ok = read_numbers(*leave_value, "leave lists the hostility below which L1, L2 and L3 end", 0.0,
                      1.0, leave)
         && ok;
  }
  FieldReader fields(value);
  fields.optional("min_dwell", h.min_dwell_s,
                  quantity_at_least_zero(Dimension::duration, "minimum dwell"));
  fields.optional("episode_quiet", h.episode_quiet_s,
                  quantity_at_least_zero(Dimension::duration, "episode's quiet period"));
  if (!ok) return;
  const Value& where = enter_value ? *enter_value : leave_value ? *leave_value : value;
  if (!(enter[0] > 0.0 && enter[0] < enter[1] && enter[1] < enter[2] && enter[2] < 1.0)) {
    where.error("level entries must increase within (0, 1): L1 < L2 < L3");
    return;
  }
  for (std::size_t l = 0; l < 3; ++l) {
    if (!(leave[l] < enter[l])) {
      (leave_value ? *leave_value : where)
          .error(fmt::format("L{} is left at {} and entered at {}: a level must be left below its "
                             "entry (hysteresis)",
                             l + 1, leave[l], enter[l]));
      return;
    }
  }
  h.enter = enter;
  h.leave = leave;
}

void read_report_shares(const Value& value, std::array<double, 3>& shares) {
  if (!value.expect_map({"unsafe", "dangerous", "grave"})) return;
  FieldReader fields(value);
  std::array<double, 3> read = shares;
  fields.optional("unsafe", read[0], plain_number(0.0, 0.999999));
  fields.optional("dangerous", read[1], plain_number(0.0, 0.999999));
  fields.optional("grave", read[2], plain_number(0.0, 0.999999));
  if (fields.ok()) shares = read;
}

struct DyadDefaults {
  double baseline = defaults::kHostilityBaseline;
  double shock_rate_per_s = defaults::kShockRatePerS;
};

// The scenario-wide baseline and shock rate, before any dyad's own.
void give_every_dyad(const DyadDefaults& dyad, std::vector<DyadSetting>& dyads) {
  for (DyadSetting& s : dyads) {
    s.baseline = s.initial_hostility = dyad.baseline;
    s.shock_rate_per_s = dyad.shock_rate_per_s;
  }
}

void read_shocks(const Value& value, HostilityParameters& h, DyadDefaults& dyad) {
  if (!value.expect_map({"rate", "size", "relax_time"})) return;
  FieldReader fields(value);
  fields.optional("rate", dyad.shock_rate_per_s,
                  quantity_at_least_zero(Dimension::rate, "shock rate"));
  fields.optional("size", h.shock_size, plain_number(0.0, 0.999999));
  fields.optional("relax_time", h.shock_relax_time_s,
                  positive_quantity(Dimension::duration, "shock's relaxation time"));
}

// hostility.dyads: one rival dyad's own political setting.
void read_dyad(const Value& item, const Scenario& scenario, std::vector<DyadSetting>& dyads,
               std::vector<std::size_t>& seen) {
  if (!item.expect_map(
          {"between", "baseline", "shock_rate", "initial", "initial_shock", "opening_incident"})) {
    return;
  }
  const auto between = item.required("between");
  if (!between) return;
  const auto nations = between->items();
  if (!nations) return;
  if (nations->size() != 2) {
    between->error(fmt::format("'between' names two nations, got {}", nations->size()));
    return;
  }
  const auto a = read_nation_ref((*nations)[0], scenario);
  const auto b = read_nation_ref((*nations)[1], scenario);
  if (!a || !b) return;
  if (*a == *b) {
    between->error("'between' names two different nations");
    return;
  }
  const auto found = std::find_if(dyads.begin(), dyads.end(), [&](const DyadSetting& s) {
    return s.nation_a == std::min(*a, *b) && s.nation_b == std::max(*a, *b);
  });
  if (found == dyads.end()) {
    between->error(fmt::format("{} and {} are not rivals: only rival dyads have a hostility",
                               scenario.nations[*a].id, scenario.nations[*b].id));
    return;
  }
  const auto index = static_cast<std::size_t>(found - dyads.begin());
  if (std::find(seen.begin(), seen.end(), index) != seen.end()) {
    between->error("this dyad is listed twice");
    return;
  }
  seen.push_back(index);
  DyadSetting s = *found;
  bool initial_given = false;
  FieldReader fields(item);
  fields.optional("baseline", s.baseline, plain_number(0.0, 0.999999));
  fields.optional("shock_rate", s.shock_rate_per_s,
                  quantity_at_least_zero(Dimension::rate, "shock rate"));
  initial_given = fields.optional("initial", s.initial_hostility, plain_number(0.0, 0.999999));
  fields.optional("initial_shock", s.initial_shock, plain_number(0.0, 0.999999));
  if (auto opening = item.optional("opening_incident")) {
    const auto text = opening->text();
    if (text && *text == "grave") {
      s.opening_grave_incident = true;
    } else if (text && *text == "none") {
      s.opening_grave_incident = false;
    } else if (text) {
      opening->error(fmt::format("opening_incident is 'grave' or 'none', got '{}'", *text));
    }
  }
  if (!fields.ok()) return;
  if (!initial_given) s.initial_hostility = s.baseline;
  if (!(s.baseline + s.initial_shock < 1.0)) {
    item.error(fmt::format("the baseline ({}) and the initial shock ({}) must stay below 1",
                           s.baseline, s.initial_shock));
    return;
  }
  *found = s;
}

void read_hostility(const Value& value, const Scenario& scenario, EscalationParameters& p,
                    DyadDefaults& dyad) {
  if (!value.expect_map({"relax_time", "report_shares", "accidental_factor", "baseline", "shocks",
                         "levels", "dyads"})) {
    return;
  }
  HostilityParameters& h = p.hostility;
  FieldReader fields(value);
  fields.optional("relax_time", h.relax_time_s,
                  positive_quantity(Dimension::duration, "hostility's relaxation time"));
  fields.optional("accidental_factor", h.accidental_factor, probability());
  fields.optional("baseline", dyad.baseline, plain_number(0.0, 0.999999));
  if (auto shares = value.optional("report_shares")) read_report_shares(*shares, h.report_share);
  if (auto shocks = value.optional("shocks")) read_shocks(*shocks, h, dyad);
  if (auto levels = value.optional("levels")) read_levels(*levels, h);
  give_every_dyad(dyad, p.dyads);
  if (auto dyads = value.optional("dyads")) {
    if (const auto items = dyads->items()) {
      std::vector<std::size_t> seen;
      for (const Value& item : *items)
        read_dyad(item, scenario, p.dyads, seen);
    }
  }
}

void read_perception(const Value& value, PerceptionParameters& p) {
  if (!value.expect_map({"base", "harassment", "hostility"})) return;
  FieldReader fields(value);
  fields.optional("base", p.base, plain_number(-kLargestUtility, kLargestUtility));
  fields.optional("harassment", p.harassment, plain_number(-kLargestUtility, kLargestUtility));
  fields.optional("hostility", p.hostility, plain_number(-kLargestUtility, kLargestUtility));
}

void read_decisions(const Value& value, DecisionParameters& d) {
  if (!value.expect_map({"beta", "resolve", "provocation", "hostility_weight", "war_cost",
                         "restraint", "deescalate", "epoch_interval"})) {
    return;
  }
  const auto utility = plain_number(-kLargestUtility, kLargestUtility);
  FieldReader fields(value);
  fields.optional("beta", d.beta, plain_number(1e-6, 1e3));
  fields.optional("resolve", d.resolve, utility);
  fields.optional("provocation", d.provocation, utility);
  fields.optional("hostility_weight", d.hostility_weight, utility);
  fields.optional("war_cost", d.war_cost, plain_number(0.0, kLargestUtility));
  fields.optional("epoch_interval", d.epoch_interval_s,
                  positive_quantity(Dimension::duration, "decision epochs' interval"));
  if (auto restraint = value.optional("restraint")) {
    std::array<double, 5> c = d.restraint;
    if (read_numbers(*restraint, "restraint lists c(level) for L0, L1, L2, L3 and L4", 0.0,
                     kLargestUtility, c)) {
      if (!std::is_sorted(c.begin(), c.end())) {
        restraint->error("restraint must not fall as the level rises (c(L0) <= ... <= c(L4))");
      } else {
        d.restraint = c;
      }
    }
  }
  if (auto de = value.optional("deescalate")) {
    if (de->expect_map({"base", "per_crisis_day", "after_call", "factor"})) {
      FieldReader dfields(*de);
      dfields.optional("base", d.deescalate_base, utility);
      dfields.optional("per_crisis_day", d.deescalate_per_crisis_day, utility);
      dfields.optional("after_call", d.deescalate_after_call, utility);
      dfields.optional("factor", d.deescalate_factor, probability());
    }
  }
}

void read_outcomes(const Value& value, OutcomeParameters& o) {
  if (!value.expect_map({"skirmish_duration", "war_probability"})) return;
  FieldReader fields(value);
  fields.optional("skirmish_duration", o.skirmish_duration_s,
                  positive_quantity(Dimension::duration, "skirmish's duration"));
  fields.optional("war_probability", o.war_probability, probability());
}

EscalationParameters default_escalation(const Scenario& scenario) {
  EscalationParameters p;
  p.perception = {defaults::kReportDelayMedianS, defaults::kReportDelaySigma,
                  defaults::kPerceptionBase, defaults::kPerceptionHarassment,
                  defaults::kPerceptionHostility};
  p.decisions.beta = defaults::kDecisionBeta;
  p.decisions.resolve = defaults::kDecisionResolve;
  p.decisions.provocation = defaults::kDecisionProvocation;
  p.decisions.hostility_weight = defaults::kDecisionHostilityWeight;
  p.decisions.war_cost = defaults::kDecisionWarCost;
  std::copy(std::begin(defaults::kDecisionRestraint), std::end(defaults::kDecisionRestraint),
            p.decisions.restraint.begin());
  p.decisions.deescalate_base = defaults::kDeescalateBase;
  p.decisions.deescalate_per_crisis_day = defaults::kDeescalatePerCrisisDay;
  p.decisions.deescalate_after_call = defaults::kDeescalateAfterCall;
  p.decisions.deescalate_factor = defaults::kDeescalateFactor;
  p.decisions.epoch_interval_s = defaults::kEpochIntervalS;
  p.outcomes = {defaults::kSkirmishDurationS, defaults::kWarProbability};
  p.clarification_window_s = defaults::kClarificationWindowS;
  p.stop_at_first_clash = defaults::kStopAtFirstClash;
  std::copy(std::begin(defaults::kPostureStandoff), std::end(defaults::kPostureStandoff),
            p.standoff_multiplier.begin());
  std::copy(std::begin(defaults::kPostureSortieRate), std::end(defaults::kPostureSortieRate),
            p.sortie_rate_multiplier.begin());
  const std::size_t n = scenario.nations.size();
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) {
      if (scenario.relation(a, b) != Relation::rival) continue;
      DyadSetting s;
      s.nation_a = a;
      s.nation_b = b;
      p.dyads.push_back(s);
    }
  }
  return p;
}

}  // namespace

EscalationParameters read_escalation(const std::optional<Value>& value, const Scenario& scenario) {
  EscalationParameters p = default_escalation(scenario);
  DyadDefaults dyad;
  give_every_dyad(dyad, p.dyads);
  if (!value
      || !value->expect_map({"report_delay", "perception", "hostility", "decisions", "outcomes",
                             "clarification_window", "stop_at_first_clash", "posture_effects"})) {
    return p;
  }
  if (auto delay = value->optional("report_delay")) {
    if (delay->expect_map({"median", "sigma"})) {
      FieldReader fields(*delay);
      fields.optional("median", p.perception.report_delay_median_s,
                      positive_quantity(Dimension::duration, "median report delay"));
      fields.optional("sigma", p.perception.report_delay_sigma, plain_number(0.0, 10.0));
    }
  }
  if (auto perception = value->optional("perception")) read_perception(*perception, p.perception);
  if (auto hostility = value->optional("hostility")) read_hostility(*hostility, scenario, p, dyad);
  if (auto decisions = value->optional("decisions")) read_decisions(*decisions, p.decisions);
  if (auto outcomes = value->optional("outcomes")) read_outcomes(*outcomes, p.outcomes);
  FieldReader fields(*value);
  fields.optional("clarification_window", p.clarification_window_s,
                  quantity_at_least_zero(Dimension::duration, "clarification window"));
  fields.optional("stop_at_first_clash", p.stop_at_first_clash, boolean());
  if (auto effects = value->optional("posture_effects")) {
    if (effects->expect_map({"standoff", "sortie_rate"})) {
      if (auto standoff = effects->optional("standoff")) {
        read_per_posture(*standoff, "standoff", "the shadowing standoff's multiplier",
                         p.standoff_multiplier);
      }
      if (auto rate = effects->optional("sortie_rate")) {
        read_per_posture(*rate, "sortie_rate", "the sortie rate's multiplier",
                         p.sortie_rate_multiplier);
      }
    }
  }
  return p;
}

}  // namespace hotline::scenarios::detail
