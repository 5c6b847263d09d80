// policies: named sets of crisis-communication mechanisms, composable.
//
// A policy may `include` others; it gets every mechanism they have, and its
// own mechanism keys then override single parameters of what it included (or
// of the defaults). Two included policies that bring the same mechanism with
// different parameters are an error: which one wins would be a guess.
// Policies are resolved in dependency order; a cycle is reported.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common_readers.hpp"
#include "hotline/scenarios/defaults.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

namespace {

constexpr std::array<std::string_view, 5> kMechanisms = {"hotline", "direct_link", "cues",
                                                         "notification", "trilateral_dialogue"};

constexpr LognormalDelay kDefaultAnswerDelay{defaults::kHotlineAnswerDelayMedianS,
                                             defaults::kHotlineAnswerDelaySigma};

HotlinePolicy default_hotline(const Scenario& scenario) {
  HotlinePolicy h;
  std::copy(std::begin(defaults::kHotlineAnswerProbability),
            std::end(defaults::kHotlineAnswerProbability), h.answer_probability.begin());
  h.retry_interval_s = defaults::kHotlineRetryIntervalS;
  h.max_retries = defaults::kHotlineMaxRetries;
  h.force_weight_kept = defaults::kHotlineForceWeightKept;
  h.joint_deescalation = defaults::kHotlineJointDeescalation;
  // Endpoints: for every rival dyad, the first command centre of each side.
  const std::size_t n = scenario.nations.size();
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) {
      if (scenario.relation(a, b) != Relation::rival) continue;
      auto first_of = [&](std::size_t nation) -> std::optional<std::size_t> {
        for (std::size_t c = 0; c < scenario.command_centres.size(); ++c) {
          if (scenario.command_centres[c].nation == nation) return c;
        }
        return std::nullopt;
      };
      const auto ca = first_of(a);
      const auto cb = first_of(b);
      if (ca && cb) h.endpoints.emplace_back(*ca, *cb);
    }
  }
  h.answer_delay.assign(h.endpoints.size(), kDefaultAnswerDelay);
  return h;
}

std::optional<LognormalDelay> read_delay(const Value& value, LognormalDelay delay) {
  if (!value.expect_map({"median", "sigma"})) return std::nullopt;
  FieldReader d(value);
  d.optional("median", delay.median_s,
             positive_quantity(Dimension::duration, "median answer delay"));
  d.optional("sigma", delay.sigma, plain_number(0.0, 10.0));
  if (!d.ok()) return std::nullopt;
  return delay;
}

// A line: [a, b], or {between: [a, b], answer_delay: {median, sigma}} for a
// line with its own delay (otherwise `delay`).
bool read_endpoints(const Value& value, const Scenario& scenario, LognormalDelay delay,
                    HotlinePolicy& h) {
  const auto pairs = value.items();
  if (!pairs) return false;
  if (pairs->empty()) {
    value.error("a hotline needs at least one pair of command centres");
    return false;
  }
  bool ok = true;
  h.endpoints.clear();
  h.answer_delay.clear();
  for (const Value& item : *pairs) {
    LognormalDelay line_delay = delay;
    const bool plain_pair = item.is_sequence();
    if (!plain_pair && !item.expect_map({"between", "answer_delay"})) {
      ok = false;
      continue;
    }
    const std::optional<Value> between = plain_pair ? item : item.required("between");
    if (!between) {
      ok = false;
      continue;
    }
    if (auto own = plain_pair ? std::nullopt : item.optional("answer_delay")) {
      const auto read = read_delay(*own, delay);
      if (!read) ok = false;
      line_delay = read.value_or(delay);
    }
    const Value& pair_value = *between;
    const auto pair = pair_value.items();
    if (!pair) {
      ok = false;
      continue;
    }
    if (pair->size() != 2) {
      pair_value.error(
          fmt::format("a hotline joins two command centres: [a, b], got {}", pair->size()));
      ok = false;
      continue;
    }
    const auto a = read_reference((*pair)[0], scenario.command_centres, "command centre");
    const auto b = read_reference((*pair)[1], scenario.command_centres, "command centre");
    if (!a || !b) {
      ok = false;
      continue;
    }
    const std::size_t na = scenario.command_centres[*a].nation;
    const std::size_t nb = scenario.command_centres[*b].nation;
    if (na == nb) {
      pair_value.error(fmt::format("both ends belong to {}: a hotline joins two rival nations",
                                   scenario.nations[na].id));
      ok = false;
    } else if (scenario.relation(na, nb) != Relation::rival) {
      pair_value.error(
          fmt::format("{} and {} are {}, not rivals: a hotline joins two rival nations",
                      scenario.nations[na].id, scenario.nations[nb].id,
                      scenario.relation(na, nb) == Relation::ally ? "allies" : "neutral"));
      ok = false;
    } else {
      const std::pair<std::size_t, std::size_t> key{std::min(*a, *b), std::max(*a, *b)};
      const bool repeated = std::any_of(h.endpoints.begin(), h.endpoints.end(), [&](auto e) {
        return std::pair{std::min(e.first, e.second), std::max(e.first, e.second)} == key;
      });
      if (repeated) {
        pair_value.error("this pair of command centres is listed twice");
        ok = false;
      } else {
        h.endpoints.emplace_back(*a, *b);
        h.answer_delay.push_back(line_delay);
      }
    }
  }
  return ok;
}

bool read_hotline(const Value& value, const Scenario& scenario, HotlinePolicy& h) {
  if (!value.expect_map({"endpoints", "p_answer", "answer_delay", "retry_interval", "max_retries",
                         "force_weight_kept", "joint_deescalation"})) {
    return false;
  }
  bool ok = true;
  // A policy-wide answer delay applies to every line without its own.
  LognormalDelay delay = kDefaultAnswerDelay;
  if (auto delay_value = value.optional("answer_delay")) {
    const auto read = read_delay(*delay_value, delay);
    if (read) {
      delay = *read;
      std::fill(h.answer_delay.begin(), h.answer_delay.end(), delay);
    } else {
      ok = false;
    }
  }
  if (auto endpoints = value.optional("endpoints")) {
    ok = read_endpoints(*endpoints, scenario, delay, h) && ok;
  } else if (h.endpoints.empty() && any_broken(value, "command centre")) {
    ok = false;  // a command centre that failed to load may be the missing end
  } else if (h.endpoints.empty()) {
    value.error(
        "no rival nations both have a command centre, so there is no hotline to open: add "
        "command centres or list 'endpoints'");
    ok = false;
  }
  FieldReader f(value);
  if (auto p = value.optional("p_answer")) {
    // One probability for every level, or some levels by name.
    double every_level = 0.0;
    if (p->is_scalar()) {
      if (f.optional("p_answer", every_level, probability()))
        h.answer_probability.fill(every_level);
    } else if (p->expect_map({"l0", "l1", "l2", "l3", "l4"})) {
      FieldReader levels(*p);
      for (std::size_t level = 0; level < kLevelCount; ++level) {
        levels.optional(fmt::format("l{}", level), h.answer_probability[level], probability());
      }
      if (!levels.ok()) f.fail();
    } else {
      f.fail();
    }
  }
  f.optional("retry_interval", h.retry_interval_s,
             positive_quantity(Dimension::duration, "retry interval"));
  f.optional("max_retries", h.max_retries, whole_number(0, 1000));
  f.optional("force_weight_kept", h.force_weight_kept, probability());
  f.optional("joint_deescalation", h.joint_deescalation, boolean());
  return ok && f.ok();
}

bool read_direct_link(const Value& value, DirectLinkPolicy& d) {
  if (!value.expect_map({"reduction", "deliberate_shift"})) return false;
  FieldReader f(value);
  f.optional("reduction", d.reduction, probability());
  f.optional("deliberate_shift", d.deliberate_shift, plain_number(0.0, 100.0));
  return f.ok();
}

bool read_cues(const Value& value, CuesPolicy& c) {
  if (!value.expect_map({"adherence"})) return false;
  const auto adherence = value.optional("adherence");
  if (!adherence) return true;
  // One q for every posture, or four, postures 0..3.
  if (adherence->is_scalar()) {
    const auto q = adherence->probability();
    if (q) c.adherence.fill(*q);
    return q.has_value();
  }
  const auto items = adherence->items();
  if (!items) return false;
  if (items->size() != 4) {
    adherence->error(fmt::format(
        "adherence lists q for postures 0, 1, 2 and 3: 4 probabilities, got {}", items->size()));
    return false;
  }
  bool ok = true;
  std::array<double, 4> q = c.adherence;
  for (std::size_t k = 0; k < 4; ++k) {
    const auto x = (*items)[k].probability();
    ok = ok && x.has_value();
    q[k] = x.value_or(0.0);
  }
  if (ok) c.adherence = q;
  return ok;
}

bool read_notification(const Value& value, const Scenario& scenario, NotificationPolicy& n) {
  if (!value.expect_map({"deliberate_shift", "response_damping"})) return false;
  bool ok = true;
  if (scenario.exercises.empty()) {
    value.error("notification announces scheduled exercises, but the scenario lists none");
    ok = false;
  }
  FieldReader f(value);
  f.optional("deliberate_shift", n.deliberate_shift, plain_number(0.0, 100.0));
  f.optional("response_damping", n.response_damping, probability());
  return ok && f.ok();
}

bool read_dialogue(const Value& value, const Scenario& scenario, TrilateralDialoguePolicy& t) {
  if (!value.expect_map({"participants", "period", "baseline_cut", "baseline_cut_max",
                         "restraint_gain", "restraint_gain_max", "relay"})) {
    return false;
  }
  bool ok = true;
  if (auto participants = value.optional("participants")) {
    if (const auto refs = participants->items()) {
      t.participants.clear();
      for (const Value& ref : *refs) {
        const auto nation = read_nation_ref(ref, scenario);
        if (!nation) {
          ok = false;
        } else if (std::find(t.participants.begin(), t.participants.end(), *nation)
                   != t.participants.end()) {
          ref.error(fmt::format("nation '{}' is listed twice", scenario.nations[*nation].id));
          ok = false;
        } else {
          t.participants.push_back(*nation);
        }
      }
    } else {
      ok = false;
    }
  }
  if (ok && t.participants.size() < 2) {
    value.error("a dialogue needs at least two participants");
    ok = false;
  }
  FieldReader f(value);
  f.optional("period", t.period_s, positive_quantity(Dimension::duration, "dialogue period"));
  f.optional("baseline_cut", t.baseline_cut, plain_number(0.0, 1.0));
  f.optional("baseline_cut_max", t.baseline_cut_max, plain_number(0.0, 1.0));
  f.optional("restraint_gain", t.restraint_gain, plain_number(0.0, 100.0));
  f.optional("restraint_gain_max", t.restraint_gain_max, plain_number(0.0, 100.0));
  f.optional("relay", t.relay, boolean());
  return ok && f.ok();
}

struct PolicyItem {
  std::string id;
  Value value;
  enum class State { unresolved, resolving, resolved, failed } state = State::unresolved;
  Policy resolved;
};

class PolicyResolver {
 public:
  PolicyResolver(std::vector<PolicyItem>& items, const Scenario& scenario)
      : items_(items), scenario_(scenario) {}

  // Resolves item i (and what it includes); false if it or an include failed.
  bool resolve(std::size_t i) {
    PolicyItem& item = items_[i];
    if (item.state == PolicyItem::State::resolved) return true;
    if (item.state == PolicyItem::State::failed) return false;
    item.state = PolicyItem::State::resolving;
    Policy policy;
    policy.id = item.id;
    bool ok = true;
    // Which include brought each mechanism, for the conflict message.
    std::array<std::string, kMechanisms.size()> source;
    if (auto include = item.value.optional("include")) {
      if (const auto refs = include->items()) {
        for (const Value& ref : *refs) {
          ok = include_one(ref, policy, source) && ok;
        }
      } else {
        ok = false;
      }
    }
    ok = read_own_mechanisms(item.value, policy) && ok;
    item.resolved = std::move(policy);
    item.state = ok ? PolicyItem::State::resolved : PolicyItem::State::failed;
    return ok;
  }

 private:
  bool include_one(const Value& ref, Policy& policy,
                   std::array<std::string, kMechanisms.size()>& source) {
    const auto id = ref.text();
    if (!id) return false;
    std::vector<std::string> ids;
    std::optional<std::size_t> target;
    for (std::size_t j = 0; j < items_.size(); ++j) {
      ids.push_back(items_[j].id);
      if (items_[j].id == *id) target = j;
    }
    if (!target) {
      ref.error(unknown_reference(ref, "policy", *id, ids));
      return false;
    }
    if (*target == index_of(policy.id)) {
      ref.error(fmt::format("policy '{}' includes itself", *id));
      return false;
    }
    if (items_[*target].state == PolicyItem::State::resolving) {
      ref.error(
          fmt::format("policy '{}' includes '{}', which includes '{}' (directly or "
                      "through others): includes must not form a cycle",
                      policy.id, *id, policy.id));
      return false;
    }
    if (!resolve(*target)) return false;  // its own problems are reported there
    const Policy& other = items_[*target].resolved;
    bool ok = true;
    auto merge = [&](std::size_t m, auto& mine, const auto& theirs) {
      if (!theirs) return;
      if (mine && !(*mine == *theirs)) {
        ref.error(
            fmt::format("'{}' comes from both '{}' and '{}' with different parameters: "
                        "include one of them, or set '{}' here",
                        kMechanisms[m], source[m], *id, kMechanisms[m]));
        ok = false;
        return;
      }
      mine = theirs;
      source[m] = *id;
    };
    merge(0, policy.hotline, other.hotline);
    merge(1, policy.direct_link, other.direct_link);
    merge(2, policy.cues, other.cues);
    merge(3, policy.notification, other.notification);
    merge(4, policy.trilateral_dialogue, other.trilateral_dialogue);
    return ok;
  }

  bool read_own_mechanisms(const Value& value, Policy& policy) {
    bool ok = true;
    if (auto v = value.optional("hotline")) {
      HotlinePolicy h = policy.hotline.value_or(default_hotline(scenario_));
      ok = read_hotline(*v, scenario_, h) && ok;
      policy.hotline = h;
    }
    if (auto v = value.optional("direct_link")) {
      DirectLinkPolicy d = policy.direct_link.value_or(
          DirectLinkPolicy{defaults::kDirectLinkReduction, defaults::kDirectLinkDeliberateShift});
      ok = read_direct_link(*v, d) && ok;
      policy.direct_link = d;
    }
    if (auto v = value.optional("cues")) {
      CuesPolicy c = policy.cues.value_or(
          CuesPolicy{{defaults::kCuesAdherence[0], defaults::kCuesAdherence[1],
                      defaults::kCuesAdherence[2], defaults::kCuesAdherence[3]}});
      ok = read_cues(*v, c) && ok;
      policy.cues = c;
    }
    if (auto v = value.optional("notification")) {
      NotificationPolicy n = policy.notification.value_or(NotificationPolicy{
          defaults::kNotificationDeliberateShift, defaults::kNotificationResponseDamping});
      ok = read_notification(*v, scenario_, n) && ok;
      policy.notification = n;
    }
    if (auto v = value.optional("trilateral_dialogue")) {
      TrilateralDialoguePolicy t;
      if (policy.trilateral_dialogue) {
        t = *policy.trilateral_dialogue;
      } else {
        for (std::size_t n = 0; n < scenario_.nations.size(); ++n)
          t.participants.push_back(n);
        t.period_s = defaults::kDialoguePeriodS;
        t.baseline_cut = defaults::kDialogueBaselineCut;
        t.baseline_cut_max = defaults::kDialogueBaselineCutMax;
        t.restraint_gain = defaults::kDialogueRestraintGain;
        t.restraint_gain_max = defaults::kDialogueRestraintGainMax;
        t.relay = defaults::kDialogueRelay;
      }
      ok = read_dialogue(*v, scenario_, t) && ok;
      policy.trilateral_dialogue = t;
    }
    return ok;
  }

  std::size_t index_of(const std::string& id) const {
    for (std::size_t j = 0; j < items_.size(); ++j) {
      if (items_[j].id == id) return j;
    }
    return items_.size();
  }

  std::vector<PolicyItem>& items_;
  const Scenario& scenario_;
};

}  // namespace

void read_policies(const std::optional<Value>& value, Scenario& scenario) {
  if (!value) {
    Policy none;
    none.id = "none";
    scenario.policies.push_back(std::move(none));
    return;
  }
  const auto list = value->items();
  if (!list) return;
  if (list->empty()) {
    value->error("list at least one policy (the baseline is usually 'none')");
    return;
  }
  std::vector<PolicyItem> items;
  for (const Value& item : *list) {
    if (!item.expect_map({"id", "include", "hotline", "direct_link", "cues", "notification",
                          "trilateral_dialogue"})) {
      continue;
    }
    bool duplicate = false;
    const auto id_value = item.required("id");
    const auto id = id_value ? read_identifier(*id_value) : std::nullopt;
    if (!id) continue;
    for (const PolicyItem& earlier : items)
      duplicate = duplicate || earlier.id == *id;
    if (duplicate) {
      id_value->error(fmt::format("duplicate policy id '{}'", *id));
      continue;
    }
    items.push_back(PolicyItem{*id, item, PolicyItem::State::unresolved, Policy{}});
  }
  PolicyResolver resolver(items, scenario);
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i)
    ok = resolver.resolve(i) && ok;
  if (!ok) return;
  for (PolicyItem& item : items)
    scenario.policies.push_back(std::move(item.resolved));
}

}  // namespace hotline::scenarios::detail
