#include "run_scenario.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <ostream>

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

void print_table(std::ostream& out, const agents::PlatformWorld& w, double days, std::uint64_t seed,
                 double seconds) {
  const agents::WorldSpec& spec = w.spec();
  out << fmt::format("{}: {:g} days, seed {}, {} platforms, {:.1f} s\n", spec.name, days, seed,
                     w.platform_count(), seconds);
  out << "\nencounters and incidents by rival dyad\n";
  out << fmt::format("  {:<28} {:>10} {:>12} {:>8} {:>9} {:>6} {:>10}\n", "dyad", "encounters",
                     "enc-hours", "unsafe", "dangerous", "grave", "per 100 h");
  for (std::size_t d = 0; d < w.dyads().size(); ++d) {
    const agents::DyadCounts& c = w.dyad_counts()[d];
    out << fmt::format("  {:<28} {:>10} {:>12.1f} {:>8} {:>9} {:>6} {:>10.3f}\n",
                       dyad_name(spec, w.dyads()[d]), c.encounters, w.encounter_hours(d),
                       c.incidents[0], c.incidents[1], c.incidents[2], rate_per_100_hours(w, d));
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

void print_json(std::ostream& out, const agents::PlatformWorld& w, double days,
                std::uint64_t seed) {
  const agents::WorldSpec& spec = w.spec();
  out << fmt::format("{{\"scenario\": \"{}\", \"days\": {}, \"seed\": {}, \"platforms\": {}",
                     json_escaped(spec.name), days, seed, w.platform_count());
  out << ", \"dyads\": [";
  for (std::size_t d = 0; d < w.dyads().size(); ++d) {
    const agents::DyadCounts& c = w.dyad_counts()[d];
    out << fmt::format(
        "{}{{\"dyad\": \"{}\", \"encounters\": {}, \"encounter_hours\": {}, \"incidents\": "
        "{{\"unsafe\": {}, \"dangerous\": {}, \"grave\": {}}}, \"incidents_per_100_hours\": {}}}",
        d ? ", " : "", dyad_name(spec, w.dyads()[d]), c.encounters, w.encounter_hours(d),
        c.incidents[0], c.incidents[1], c.incidents[2], rate_per_100_hours(w, d));
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
  const double days = options.days.value_or(spec.horizon_s / 86400.0);
  const auto steps = static_cast<std::uint64_t>(std::llround(days * 86400.0 / spec.dt_s));
  engine::ThreadControl threads(options.threads > 0 ? options.threads
                                                    : engine::ThreadControl::hardware_threads());
  threads.run([&] {
    agents::PlatformWorld world(spec, options.seed, 0);
    const auto start = std::chrono::steady_clock::now();
    for (std::uint64_t i = 0; i < steps; ++i)
      world.step();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (options.json) {
      print_json(out, world, days, options.seed);
    } else {
      print_table(out, world, days, options.seed, seconds);
    }
    if (options.profile) {
      // ns per platform-step for each phase, every platform counted (in
      // play or not).
      const double agent_steps =
          static_cast<double>(steps) * static_cast<double>(world.platform_count());
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
