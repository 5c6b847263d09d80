#include "run/run_scenario.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <vector>

#include "common/exit_codes.hpp"
#include "common/interrupt.hpp"
#include "common/output_claim.hpp"
#include "common/phase_split.hpp"
#include "common/replication.hpp"
#include "common/run_limits.hpp"
#include "common/scenario_input.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/analysis/json_text.hpp"
#include "hotline/engine/snapshot_stream.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/text_safety.hpp"
#include "hotline/trace/background_writer.hpp"
#include "hotline/trace/run_record.hpp"
#include "hotline/trace/writer.hpp"
#include "run/run_state.hpp"
#include "run/traced_run.hpp"

namespace hotline::cli {

namespace {

using analysis::json_escaped;

std::string dyad_name(const agents::WorldSpec& spec, std::pair<std::size_t, std::size_t> d) {
  return spec.nations[d.first].id + "-" + spec.nations[d.second].id;
}

std::string optional_text(double x, const char* format_spec) {
  return std::isnan(x) ? std::string("-") : fmt::format(fmt::runtime(format_spec), x);
}

std::string optional_json(double x) {
  return analysis::json_number(x);
}

// Responses by (responding nation, intruding nation), from the dyad rows,
// in (responder, intruder) order.
struct ResponseLine {
  std::size_t responder = 0;
  std::size_t intruder = 0;
  std::uint64_t intrusions = 0, scrambles = 0, aircraft = 0, dispatches = 0, ships = 0,
                unanswered = 0, intercepts = 0, airspace_violations = 0;
};

std::vector<ResponseLine> response_lines(const agents::WorldSpec& spec,
                                         const trace::RunRecord& record) {
  const auto dyads = spec.dyads();
  std::vector<ResponseLine> lines;
  for (const trace::DyadRow& r : record.dyads) {
    const auto [a, b] = dyads[r.dyad];
    lines.push_back({a, b, r.intrusions_into_a, r.scrambles_by_a, r.aircraft_scrambled_by_a,
                     r.dispatches_by_a, r.ships_dispatched_by_a, r.unanswered_by_a,
                     r.intercepts_by_a, r.airspace_violations_into_a});
    lines.push_back({b, a, r.intrusions_into_b, r.scrambles_by_b, r.aircraft_scrambled_by_b,
                     r.dispatches_by_b, r.ships_dispatched_by_b, r.unanswered_by_b,
                     r.intercepts_by_b, r.airspace_violations_into_b});
  }
  std::erase_if(
      lines, [](const ResponseLine& l) { return l.intrusions == 0 && l.airspace_violations == 0; });
  std::sort(lines.begin(), lines.end(), [](const ResponseLine& x, const ResponseLine& y) {
    return std::pair(x.responder, x.intruder) < std::pair(y.responder, y.intruder);
  });
  return lines;
}

void print_table(std::ostream& out, const agents::WorldSpec& spec, const trace::RunRecord& record,
                 const std::string& policy_id, double days, double seconds) {
  const trace::SummaryRow& run = record.summary;
  const auto dyads = spec.dyads();
  out << fmt::format(
      "{}: policy {}, {:g} days{}, seed {}, replication {}, {} platforms, {:.1f} s\n",
      scenarios::printable(spec.name), policy_id, days,
      run.stopped_at_clash ? " (stopped at the first armed clash)" : "", run.seed, run.replication,
      run.platforms, seconds);
  out << "\nencounters and incidents by rival dyad\n";
  out << fmt::format("  {:<28} {:>10} {:>12} {:>8} {:>9} {:>6} {:>10}\n", "dyad", "encounters",
                     "enc-hours", "unsafe", "dangerous", "grave", "per 100 h");
  for (const trace::DyadRow& r : record.dyads) {
    out << fmt::format("  {:<28} {:>10} {:>12.1f} {:>8} {:>9} {:>6} {:>10.3f}\n",
                       dyad_name(spec, dyads[r.dyad]), r.encounters, r.encounter_hours,
                       r.incidents_unsafe, r.incidents_dangerous, r.incidents_grave,
                       r.incidents_per_100_hours);
  }
  out << "\npolitics by rival dyad (crisis episodes; days at L2 or above; peak level; clashes "
         "and wars; first crisis and clash on day; hostility H and its baseline H0 at the end; "
         "hotline calls placed / connected, connect delay in h)\n";
  out << fmt::format(
      "  {:<28} {:>8} {:>7} {:>4} {:>7} {:>4} {:>7} {:>7} {:>6} {:>6} {:>5} {:>9} {:>6} {:>6}\n",
      "dyad", "episodes", "days", "peak", "clashes", "wars", "crisis", "clash", "H", "H0", "calls",
      "connected", "median", "p90");
  for (const trace::DyadRow& r : record.dyads) {
    out << fmt::format(
        "  {:<28} {:>8} {:>7.1f} {:>4} {:>7} {:>4} {:>7} {:>7} {:>6.3f} {:>6.3f} {:>5} {:>9} "
        "{:>6} {:>6}\n",
        dyad_name(spec, dyads[r.dyad]), r.crisis_episodes, r.crisis_days, r.peak_level, r.clashes,
        r.wars, optional_text(r.first_crisis_day, "{:.1f}"),
        optional_text(r.first_clash_day, "{:.1f}"), r.hostility, r.baseline, r.calls,
        r.calls_connected, optional_text(r.connect_delay_median_hours, "{:.1f}"),
        optional_text(r.connect_delay_p90_hours, "{:.1f}"));
  }
  out << "\nintrusions and responses (responding nation <- intruding nation)\n";
  out << fmt::format("  {:<28} {:>10} {:>10} {:>9} {:>10} {:>7} {:>10} {:>10} {:>9}\n", "nations",
                     "intrusions", "scrambles", "aircraft", "dispatches", "ships", "unanswered",
                     "intercepts", "airspace");
  for (const ResponseLine& l : response_lines(spec, record)) {
    out << fmt::format("  {:<28} {:>10} {:>10} {:>9} {:>10} {:>7} {:>10} {:>10} {:>9}\n",
                       spec.nations[l.responder].id + " <- " + spec.nations[l.intruder].id,
                       l.intrusions, l.scrambles, l.aircraft, l.dispatches, l.ships, l.unanswered,
                       l.intercepts, l.airspace_violations);
  }
  out << "\nzone presence of each nation's ships (in brackets: its coast guard alone)\n";
  out << fmt::format("  {:<28} {:<16} {:>11} {:>13} {:>11} {:>13} {:>13}\n", "zone", "nation",
                     "days", "vessel-days", "entries", "hours", "longest run");
  for (const trace::PresenceRow& p : record.presence) {
    if (p.days == 0) continue;
    out << fmt::format(
        "  {:<28} {:<16} {:>11} {:>13} {:>11} {:>13} {:>13}\n", spec.zones[p.zone].id,
        spec.nations[p.nation].id, fmt::format("{} ({})", p.days, p.coast_guard_days),
        fmt::format("{} ({})", p.vessel_days, p.coast_guard_vessel_days),
        fmt::format("{} ({})", p.entries, p.coast_guard_entries),
        fmt::format("{:.0f} ({:.0f})", p.hours, p.coast_guard_hours),
        fmt::format("{} ({})", p.longest_streak_days, p.coast_guard_longest_streak_days));
  }
}

void print_json(std::ostream& out, const agents::WorldSpec& spec, const trace::RunRecord& record,
                const std::string& policy_id, double days) {
  const trace::SummaryRow& run = record.summary;
  const auto dyads = spec.dyads();
  out << fmt::format(
      "{{\"scenario\": \"{}\", \"policy\": \"{}\", \"days\": {}, \"stopped_at_clash\": {}, "
      "\"seed\": {}, \"replication\": {}, \"platforms\": {}",
      json_escaped(spec.name), json_escaped(policy_id), days, run.stopped_at_clash != 0, run.seed,
      run.replication, run.platforms);
  out << ", \"dyads\": [";
  for (const trace::DyadRow& r : record.dyads) {
    out << fmt::format(
        "{}{{\"dyad\": \"{}\", \"encounters\": {}, \"encounter_hours\": {}, \"incidents\": "
        "{{\"unsafe\": {}, \"dangerous\": {}, \"grave\": {}}}, \"incidents_per_100_hours\": {}, "
        "\"encounters_by_conduct\": {{\"routine\": {}, \"signalling\": {}, \"harassment\": {}}}, "
        "\"encounter_hours_by_conduct\": {{\"routine\": {}, \"signalling\": {}, "
        "\"harassment\": {}}}, "
        "\"crisis_episodes\": {}, \"crisis_days\": {}, \"peak_level\": {}, \"clashes\": {}, "
        "\"wars\": {}, \"first_crisis_day\": {}, \"first_clash_day\": {}, \"war_day\": {}, "
        "\"shocks\": {}, \"deescalations\": {}, \"expected_dangerous\": {}, "
        "\"expected_grave\": {}, \"expected_clashes\": {}, "
        "\"hostility\": {}, \"baseline\": {}, \"level\": {}, \"calls\": {}, "
        "\"call_attempts\": {}, "
        "\"calls_connected\": {}, \"calls_relayed\": {}, \"connect_delay_median_hours\": {}, "
        "\"connect_delay_p90_hours\": {}}}",
        r.dyad ? ", " : "", dyad_name(spec, dyads[r.dyad]), r.encounters, r.encounter_hours,
        r.incidents_unsafe, r.incidents_dangerous, r.incidents_grave, r.incidents_per_100_hours,
        r.encounters_routine, r.encounters_signalling, r.encounters_harassment,
        r.encounter_hours_routine, r.encounter_hours_signalling, r.encounter_hours_harassment,
        r.crisis_episodes, r.crisis_days, r.peak_level, r.clashes, r.wars,
        optional_json(r.first_crisis_day), optional_json(r.first_clash_day),
        optional_json(r.war_day), r.shocks, r.deescalations, r.expected_dangerous, r.expected_grave,
        r.expected_clashes, r.hostility, r.baseline, r.level, r.calls, r.call_attempts,
        r.calls_connected, r.calls_relayed, optional_json(r.connect_delay_median_hours),
        optional_json(r.connect_delay_p90_hours));
  }
  out << "], \"responses\": [";
  bool first = true;
  for (const ResponseLine& l : response_lines(spec, record)) {
    out << fmt::format(
        "{}{{\"responder\": \"{}\", \"intruder\": \"{}\", \"intrusions\": {}, \"scrambles\": {}, "
        "\"aircraft_scrambled\": {}, \"dispatches\": {}, \"ships_dispatched\": {}, "
        "\"unanswered\": {}, \"intercepts\": {}, \"airspace_violations\": {}}}",
        first ? "" : ", ", spec.nations[l.responder].id, spec.nations[l.intruder].id, l.intrusions,
        l.scrambles, l.aircraft, l.dispatches, l.ships, l.unanswered, l.intercepts,
        l.airspace_violations);
    first = false;
  }
  out << "], \"zone_presence_days\": [";
  first = true;
  for (const trace::PresenceRow& p : record.presence) {
    if (p.days == 0) continue;
    out << fmt::format(
        "{}{{\"zone\": \"{}\", \"nation\": \"{}\", \"days\": {}, \"vessel_days\": {}, "
        "\"entries\": {}, \"hours\": {}, \"longest_streak_days\": {}, "
        "\"coast_guard_days\": {}, \"coast_guard_vessel_days\": {}, "
        "\"coast_guard_entries\": {}, \"coast_guard_hours\": {}, "
        "\"coast_guard_longest_streak_days\": {}}}",
        first ? "" : ", ", spec.zones[p.zone].id, spec.nations[p.nation].id, p.days, p.vessel_days,
        p.entries, p.hours, p.longest_streak_days, p.coast_guard_days, p.coast_guard_vessel_days,
        p.coast_guard_entries, p.coast_guard_hours, p.coast_guard_longest_streak_days);
    first = false;
  }
  out << "]}\n";
}

// What a run needs before it starts: the scenario, the policy, how long,
// what it records, and its trace file if it writes one.
struct RunSetup {
  LoadedScenario loaded;
  std::size_t policy = 0;
  double days = 0.0;
  std::uint64_t steps = 0;
  std::uint32_t state_every = 0;
  trace::RecordingOptions recording{trace::EventDetail::none, 0};
  std::optional<OutputClaim> output;        // held until the trace is done
  std::unique_ptr<trace::TraceFile> trace;  // null: no -o
  RunStateHeader header;                    // of this run, for --save-state
  std::optional<RunState> from;             // --from-state
};

// --from-state and --save-state: the state read and checked against the
// run, the file to save checked; false (said on `err`) if not usable.
bool prepare_states(const RunOptions& options, RunSetup& setup, std::ostream& err) {
  const agents::WorldSpec& spec = setup.loaded.spec;
  RunStateHeader& h = setup.header;
  h.hotline_version = std::string(trace::hotline_version());
  h.scenario_name = setup.loaded.scenario.name;
  h.scenario_hash = trace::text_hash(scenarios::explain_scenario(setup.loaded.scenario));
  h.seed = options.seed;
  h.replication = options.replication;
  h.policy = spec.policies.empty() ? std::string("none") : spec.policies[setup.policy].id;
  if (!options.save_state.empty() && !options.force
      && std::filesystem::exists(options.save_state)) {
    err << "hotline: error: --save-state " << options.save_state
        << ": exists; --force replaces it\n";
    return false;
  }
  if (options.from_state.empty()) return true;
  try {
    setup.from = read_run_state(options.from_state);
  } catch (const std::runtime_error& e) {
    err << "hotline: error: --from-state " << e.what() << '\n';
    return false;
  }
  RunStateHeader wanted = h;
  if (!options.seed_given) wanted.seed = h.seed = setup.from->header.seed;
  if (!options.replication_given)
    wanted.replication = h.replication = setup.from->header.replication;
  if (options.policy.empty()) wanted.policy = setup.from->header.policy;
  if (const std::string mismatch = state_mismatch(setup.from->header, wanted); !mismatch.empty()) {
    err << "hotline: error: --from-state " << options.from_state << ": " << mismatch << '\n';
    return false;
  }
  if (setup.from->header.step >= setup.steps) {
    err << fmt::format(
        "hotline: error: --from-state {}: the state is at day {:g}; --days {:g} ends no later "
        "(--days is the day the continued run ends)\n",
        options.from_state, static_cast<double>(setup.from->header.step) * spec.dt_s / 86400.0,
        setup.days);
    return false;
  }
  return true;
}

// Creates the trace file before the run starts, so that an unusable path
// fails at once; false (said on `err`) if it cannot.
bool open_trace(const RunOptions& options, trace::EventDetail events, RunSetup& setup,
                std::ostream& err) {
  const agents::WorldSpec& spec = setup.loaded.spec;
  setup.output = claim_output(options.output, options.force, options.command_line, err);
  if (!setup.output) return false;
  trace::TraceIdentity identity =
      trace::scenario_identity(setup.loaded.path, setup.loaded.text, setup.loaded.scenario);
  identity.kind = "run";
  identity.seed = options.seed;
  identity.days = setup.days;
  identity.replications = 1;
  identity.policies = {setup.policy};
  identity.policy_ids = {spec.policies.empty() ? std::string("none")
                                               : spec.policies[setup.policy].id};
  identity.events = std::string(trace::event_detail_name(events));
  identity.state_interval_s = setup.state_every * spec.dt_s;
  try {
    setup.trace = std::make_unique<trace::TraceFile>(
        setup.output->path, identity, options.command_line, setup.loaded.scenario, spec);
  } catch (const trace::hdf5::Error& e) {
    err << "hotline: error: " << e.what() << '\n';
    return false;
  }
  setup.recording = recording_for(spec, events);
  return true;
}

std::optional<RunSetup> prepare_run(const RunOptions& options, std::ostream& err) {
  std::optional<LoadedScenario> loaded = load_scenario_input(options.scenario, err);
  if (!loaded || !apply_settings(*loaded, options.settings, err)) return std::nullopt;
  RunSetup setup;
  if (!options.policy.empty()) {
    const auto found = find_policy(*loaded, options.policy, err);
    if (!found) return std::nullopt;
    setup.policy = *found;
  }
  const std::optional<trace::EventDetail> events = trace::parse_events_option(options.events, err);
  if (!events) return std::nullopt;
  const agents::WorldSpec& spec = loaded->spec;
  setup.days = options.days.value_or(spec.horizon_s / 86400.0);
  const std::optional<std::uint64_t> steps = steps_within_limit(spec, setup.days, err);
  if (!steps || !memory_suffices(spec, 1, err)) return std::nullopt;
  setup.steps = *steps;
  setup.state_every =
      options.sample_every_steps.value_or(steps_for_interval(spec, spec.state_interval_s));
  setup.loaded = std::move(*loaded);
  if (!prepare_states(options, setup, err)) return std::nullopt;
  if (setup.from && options.policy.empty()) {
    const auto found = find_policy(setup.loaded, setup.from->header.policy, err);
    if (!found) return std::nullopt;
    setup.policy = *found;
  }
  if (!options.output.empty() && !open_trace(options, *events, setup, err)) return std::nullopt;
  return setup;
}

// Steps the run to its end, into its trace if it has one (committed at the
// end); Interrupted or a failure propagate with the trace abandoned.
void step_run(const RunOptions& options, RunSetup& setup, agents::PlatformWorld& world,
              trace::RunRecord& record) {
  record.summary.policy = 0;  // the run file's only policy
  record.summary.replication = setup.header.replication;
  if (!setup.trace) {
    ReplicationHooks hooks;
    hooks.before_step = [] {
      if (const int signal = interrupt_signal()) throw Interrupted{signal};
    };
    // A continued run starts at its state's step.
    step_replication(world, setup.steps - world.steps_taken(), setup.recording, record, hooks);
    trace::summarize_run(world, setup.header.seed, 0, setup.header.replication, record);
    return;
  }
  trace::BackgroundWriter writer;
  try {
    step_with_trace(world, setup.steps, options.seed, {setup.recording, setup.state_every},
                    *setup.trace, writer, record, true);
    writer.finish();
    // A signal while the writer drained: the file is abandoned, not committed.
    if (const int signal = interrupt_signal()) throw Interrupted{signal};
  } catch (...) {
    try {
      writer.finish();
    } catch (...) {  // the first error is the one reported
    }
    setup.trace.reset();  // abandons the partial file
    throw;
  }
  setup.trace->commit();
}

// --profile: ns per platform-step for each phase, every platform counted (in
// play or not).
void print_profile(const agents::PlatformWorld& world, std::ostream& out) {
  const double agent_steps =
      static_cast<double>(world.steps_taken()) * static_cast<double>(world.platform_count());
  const std::vector<double> ns = phase_ns_per_item_step(world.timers(), agent_steps);
  double total = 0.0;
  for (double phase_ns : ns)
    total += phase_ns;
  out << "\nphase split, ns per platform-step:" << phase_split_text(ns, false);
  out << fmt::format("  total {:.2f}\n", total);
}

// The run on its threads: world, steps, summary; the exit code.
int run_world(const RunOptions& options, RunSetup& setup, std::ostream& out, std::ostream& err) {
  const agents::WorldSpec& spec = setup.loaded.spec;
  std::optional<agents::PlatformWorld> built;
  try {
    built.emplace(spec, setup.header.seed, setup.header.replication, setup.policy);
  } catch (const engine::StopRequested&) {
    err << "hotline: interrupted; no trace written\n";
    return interrupted_exit_code(interrupt_signal());
  }
  agents::PlatformWorld& world = *built;
  if (options.posture) {
    for (std::size_t n = 0; n < spec.nations.size(); ++n)
      world.pin_posture(n, *options.posture);
  }
  trace::RunRecord record;
  try {
    if (setup.from) {
      engine::SnapshotReader in(setup.from->snapshot);
      world.restore(in);
    }
    const auto start = std::chrono::steady_clock::now();
    step_run(options, setup, world, record);
    if (!options.save_state.empty()) {
      engine::SnapshotWriter snapshot;
      world.save(snapshot);
      RunState state{setup.header, snapshot.take()};
      state.header.step = world.steps_taken();
      write_run_state(options.save_state, state);
    }
    if (const int signal = interrupt_signal()) {
      // Too late to stop anything: the run is over and its trace committed.
      err << fmt::format("hotline: interrupted ({}) as the run ended{}\n", signal_name(signal),
                         setup.trace ? "; " + setup.output->path + " is complete" : "");
      return interrupted_exit_code(signal);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double days = world.stopped() ? world.time_s() / 86400.0 : setup.days;
    if (options.json) {
      print_json(out, spec, record, world.policy().id, days);
    } else {
      print_table(out, spec, record, world.policy().id, days, seconds);
    }
  } catch (const Interrupted& stop) {
    err << "hotline: interrupted; no trace written\n";
    return interrupted_exit_code(stop.signal);
  } catch (const std::exception& e) {
    err << "hotline: failed: " << e.what() << '\n';
    return kExitRunFailure;
  }
  if (options.profile) print_profile(world, options.json ? err : out);
  if (setup.trace && !options.json) out << "\ntrace: " << options.output << '\n';
  if (!options.save_state.empty() && !options.json)
    out << "state: " << options.save_state << " (day " << world.time_s() / 86400.0
        << "; hotline run --from-state continues it)\n";
  return kExitOk;
}

}  // namespace

int run_scenario(const RunOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<RunSetup> setup = prepare_run(options, err);
  if (!setup) return kExitBadInput;
  catch_interrupts();
  engine::ThreadControl threads(options.threads > 0 ? options.threads
                                                    : engine::ThreadControl::hardware_threads());
  return threads.run([&]() -> int { return run_world(options, *setup, out, err); });
}

}  // namespace hotline::cli
