#include "run_scenario.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <ostream>
#include <vector>

#include "hotline/agents/platform_world.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "phase_split.hpp"

namespace hotline::cli {

namespace {

constexpr int kExitBadInput = 2;

// A JSON string's contents: quotes, backslashes and control characters
// escaped.
std::string json_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out += c;
    }
  }
  return out;
}

std::string dyad_name(const agents::WorldSpec& spec, std::pair<std::size_t, std::size_t> d) {
  return spec.nations[d.first].id + "-" + spec.nations[d.second].id;
}

double rate_per_100_hours(const agents::PlatformWorld& w, std::size_t dyad) {
  const agents::DyadCounts& c = w.dyad_counts()[dyad];
  const double incidents = static_cast<double>(c.incidents[0] + c.incidents[1] + c.incidents[2]);
  const double hours = w.encounter_hours(dyad);
  return hours > 0.0 ? 100.0 * incidents / hours : 0.0;
}

// The q-quantile of the values (linear between order statistics, the
// "type 7" definition of R and numpy); nullopt for none.
std::optional<double> quantile(std::vector<double> values, double q) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const double h = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  return values[below] + (h - static_cast<double>(below)) * (values[above] - values[below]);
}

// What a run measures of a dyad's escalation and calls.
struct DyadEscalationSummary {
  int crises = 0;
  double hours_at_crisis = 0.0;
  int peak_level = 0;
  std::uint32_t clashes = 0;
  std::optional<double> first_clash_day;
  double tension = 0.0;
  int level = 0;
  std::uint64_t calls = 0;
  std::uint64_t attempts = 0;
  std::uint64_t connected = 0;
  std::uint64_t relayed = 0;
  std::optional<double> connect_median_h;
  std::optional<double> connect_p90_h;
};

DyadEscalationSummary escalation_summary(const agents::PlatformWorld& w, std::size_t d) {
  const agents::CrisisCommand& c = w.crisis();
  const agents::DyadEscalation& e = c.dyad(d);
  DyadEscalationSummary s;
  s.crises = e.crises();
  s.hours_at_crisis = e.seconds_at_crisis() / 3600.0;
  s.peak_level = e.peak_level();
  s.clashes = c.clashes(d);
  if (e.first_clash_s()) s.first_clash_day = *e.first_clash_s() / 86400.0;
  s.tension = e.tension();
  s.level = e.level();
  if (const agents::HotlineCounts* calls = c.calls(d)) {
    s.calls = calls->calls;
    s.attempts = calls->attempts;
    s.connected = calls->connected;
    s.relayed = calls->relayed;
    const auto median = quantile(calls->connect_delays_s, 0.5);
    const auto p90 = quantile(calls->connect_delays_s, 0.9);
    if (median) s.connect_median_h = *median / 3600.0;
    if (p90) s.connect_p90_h = *p90 / 3600.0;
  }
  return s;
}

std::string optional_text(const std::optional<double>& x, const char* format_spec) {
  return x ? fmt::format(fmt::runtime(format_spec), *x) : std::string("-");
}

std::string optional_json(const std::optional<double>& x) {
  return x ? fmt::format("{}", *x) : std::string("null");
}

void print_table(std::ostream& out, const agents::PlatformWorld& w, double days, std::uint64_t seed,
                 std::uint32_t replication, double seconds) {
  const agents::WorldSpec& spec = w.spec();
  out << fmt::format(
      "{}: policy {}, {:g} days{}, seed {}, replication {}, {} platforms, {:.1f} s\n", spec.name,
      w.policy().id, days, w.stopped() ? " (stopped at the first armed clash)" : "", seed,
      replication, w.platform_count(), seconds);
  out << "\nencounters and incidents by rival dyad\n";
  out << fmt::format("  {:<28} {:>10} {:>12} {:>8} {:>9} {:>6} {:>10}\n", "dyad", "encounters",
                     "enc-hours", "unsafe", "dangerous", "grave", "per 100 h");
  for (std::size_t d = 0; d < w.dyads().size(); ++d) {
    const agents::DyadCounts& c = w.dyad_counts()[d];
    out << fmt::format("  {:<28} {:>10} {:>12.1f} {:>8} {:>9} {:>6} {:>10.3f}\n",
                       dyad_name(spec, w.dyads()[d]), c.encounters, w.encounter_hours(d),
                       c.incidents[0], c.incidents[1], c.incidents[2], rate_per_100_hours(w, d));
  }
  out << "\nescalation by rival dyad (hours at L2 or above; first clash on day; hotline calls "
         "placed / connected, connect delay in h)\n";
  out << fmt::format("  {:<28} {:>6} {:>8} {:>5} {:>7} {:>7} {:>8} {:>6} {:>9} {:>7} {:>7}\n",
                     "dyad", "crises", "h at L2+", "peak", "clashes", "day", "tension", "calls",
                     "connected", "median", "p90");
  for (std::size_t d = 0; d < w.dyads().size(); ++d) {
    const DyadEscalationSummary e = escalation_summary(w, d);
    out << fmt::format(
        "  {:<28} {:>6} {:>8.1f} {:>5} {:>7} {:>7} {:>8.2f} {:>6} {:>9} {:>7} {:>7}\n",
        dyad_name(spec, w.dyads()[d]), e.crises, e.hours_at_crisis, e.peak_level, e.clashes,
        optional_text(e.first_clash_day, "{:.2f}"), e.tension, e.calls, e.connected,
        optional_text(e.connect_median_h, "{:.2f}"), optional_text(e.connect_p90_h, "{:.2f}"));
  }
  out << "\nintrusions and responses (responding nation <- intruding nation)\n";
  out << fmt::format("  {:<28} {:>10} {:>10} {:>9} {:>10} {:>7} {:>10}\n", "nations", "intrusions",
                     "scrambles", "aircraft", "dispatches", "ships", "unanswered");
  const std::size_t n = spec.nations.size();
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t i = 0; i < n; ++i) {
      const agents::ResponseCounts& c = w.responses(r, i);
      if (c.intrusions == 0) continue;
      out << fmt::format("  {:<28} {:>10} {:>10} {:>9} {:>10} {:>7} {:>10}\n",
                         spec.nations[r].id + " <- " + spec.nations[i].id, c.intrusions,
                         c.scrambles, c.aircraft_scrambled, c.dispatches, c.ships_dispatched,
                         c.unanswered);
    }
  }
  out << "\nzone presence: days with the nation's ships in the zone (coast guard only)\n";
  for (std::size_t z = 0; z < spec.zones.size(); ++z) {
    for (std::size_t nation = 0; nation < n; ++nation) {
      const std::uint32_t any = w.presence_days(nation, z);
      if (any == 0) continue;
      out << fmt::format("  {:<28} {:<16} {:>5} ({})\n", spec.zones[z].id, spec.nations[nation].id,
                         any, w.presence_days(nation, agents::Role::coast_guard, z));
    }
  }
}

void print_json(std::ostream& out, const agents::PlatformWorld& w, double days, std::uint64_t seed,
                std::uint32_t replication) {
  const agents::WorldSpec& spec = w.spec();
  out << fmt::format(
      "{{\"scenario\": \"{}\", \"policy\": \"{}\", \"days\": {}, \"stopped_at_clash\": {}, "
      "\"seed\": {}, \"replication\": {}, \"platforms\": {}",
      json_escaped(spec.name), json_escaped(w.policy().id), days, w.stopped(), seed, replication,
      w.platform_count());
  out << ", \"dyads\": [";
  for (std::size_t d = 0; d < w.dyads().size(); ++d) {
    const agents::DyadCounts& c = w.dyad_counts()[d];
    const DyadEscalationSummary e = escalation_summary(w, d);
    out << fmt::format(
        "{}{{\"dyad\": \"{}\", \"encounters\": {}, \"encounter_hours\": {}, \"incidents\": "
        "{{\"unsafe\": {}, \"dangerous\": {}, \"grave\": {}}}, \"incidents_per_100_hours\": {}, "
        "\"crises\": {}, \"hours_at_crisis\": {}, \"peak_level\": {}, \"clashes\": {}, "
        "\"first_clash_day\": {}, \"tension\": {}, \"level\": {}, \"calls\": {}, "
        "\"call_attempts\": {}, "
        "\"calls_connected\": {}, \"calls_relayed\": {}, \"connect_delay_median_hours\": {}, "
        "\"connect_delay_p90_hours\": {}}}",
        d ? ", " : "", dyad_name(spec, w.dyads()[d]), c.encounters, w.encounter_hours(d),
        c.incidents[0], c.incidents[1], c.incidents[2], rate_per_100_hours(w, d), e.crises,
        e.hours_at_crisis, e.peak_level, e.clashes, optional_json(e.first_clash_day), e.tension,
        e.level, e.calls, e.attempts, e.connected, e.relayed, optional_json(e.connect_median_h),
        optional_json(e.connect_p90_h));
  }
  out << "], \"responses\": [";
  const std::size_t n = spec.nations.size();
  bool first = true;
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t i = 0; i < n; ++i) {
      const agents::ResponseCounts& c = w.responses(r, i);
      if (c.intrusions == 0) continue;
      out << fmt::format(
          "{}{{\"responder\": \"{}\", \"intruder\": \"{}\", \"intrusions\": {}, \"scrambles\": {}, "
          "\"aircraft_scrambled\": {}, \"dispatches\": {}, \"ships_dispatched\": {}, "
          "\"unanswered\": {}}}",
          first ? "" : ", ", spec.nations[r].id, spec.nations[i].id, c.intrusions, c.scrambles,
          c.aircraft_scrambled, c.dispatches, c.ships_dispatched, c.unanswered);
      first = false;
    }
  }
  out << "], \"zone_presence_days\": [";
  first = true;
  for (std::size_t z = 0; z < spec.zones.size(); ++z) {
    for (std::size_t nation = 0; nation < n; ++nation) {
      const std::uint32_t any = w.presence_days(nation, z);
      if (any == 0) continue;
      out << fmt::format(
          "{}{{\"zone\": \"{}\", \"nation\": \"{}\", \"days\": {}, "
          "\"coast_guard_days\": {}}}",
          first ? "" : ", ", spec.zones[z].id, spec.nations[nation].id, any,
          w.presence_days(nation, agents::Role::coast_guard, z));
      first = false;
    }
  }
  out << "]}\n";
}

}  // namespace

int run_scenario(const RunOptions& options, std::ostream& out, std::ostream& err) {
  scenarios::Scenario scenario;
  try {
    scenario = scenarios::load_scenario_file(options.scenario);
  } catch (const scenarios::ScenarioError& e) {
    for (const scenarios::Diagnostic& d : e.diagnostics())
      err << d.format() << '\n';
    return kExitBadInput;
  }
  const agents::WorldSpec spec = scenarios::build_world_spec(scenario);
  std::size_t policy = 0;
  if (!options.policy.empty()) {
    const auto found =
        std::find_if(spec.policies.begin(), spec.policies.end(),
                     [&](const agents::Policy& p) { return p.id == options.policy; });
    if (found == spec.policies.end()) {
      std::string known;
      for (const agents::Policy& p : spec.policies)
        known += (known.empty() ? "" : ", ") + p.id;
      err << fmt::format("{}: error: no policy '{}' (the scenario's policies: {})\n",
                         options.scenario, options.policy, known);
      return kExitBadInput;
    }
    policy = static_cast<std::size_t>(found - spec.policies.begin());
  }
  double days = options.days.value_or(spec.horizon_s / 86400.0);
  const auto steps = static_cast<std::uint64_t>(std::llround(days * 86400.0 / spec.dt_s));
  engine::ThreadControl threads(options.threads > 0 ? options.threads
                                                    : engine::ThreadControl::hardware_threads());
  threads.run([&] {
    agents::PlatformWorld world(spec, options.seed, options.replication, policy);
    const auto start = std::chrono::steady_clock::now();
    for (std::uint64_t i = 0; i < steps && !world.stopped(); ++i)
      world.step();
    if (world.stopped()) days = world.time_s() / 86400.0;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (options.json) {
      print_json(out, world, days, options.seed, options.replication);
    } else {
      print_table(out, world, days, options.seed, options.replication, seconds);
    }
    if (options.profile) {
      // ns per platform-step for each phase, every platform counted (in
      // play or not).
      const double agent_steps =
          static_cast<double>(world.steps_taken()) * static_cast<double>(world.platform_count());
      const std::vector<double> ns = phase_ns_per_item_step(world.timers(), agent_steps);
      double total = 0.0;
      for (double phase_ns : ns)
        total += phase_ns;
      (options.json ? err : out) << "\nphase split, ns per platform-step:"
                                 << phase_split_text(ns, false);
      (options.json ? err : out) << fmt::format("  total {:.2f}\n", total);
    }
  });
  return 0;
}

}  // namespace hotline::cli
