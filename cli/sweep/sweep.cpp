#include "sweep/sweep.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <vector>

#include "common/exit_codes.hpp"
#include "common/interrupt.hpp"
#include "common/phase_split.hpp"
#include "common/progress_meter.hpp"
#include "common/replication.hpp"
#include "common/run_limits.hpp"
#include "common/scenario_input.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/analysis/risk_report.hpp"
#include "hotline/engine/run_grid.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/text_safety.hpp"
#include "hotline/trace/background_writer.hpp"
#include "hotline/trace/record_journal.hpp"
#include "hotline/trace/run_record.hpp"
#include "hotline/trace/writer.hpp"
#include "risk/risk_plan.hpp"
#include "sweep/design_points.hpp"
#include "sweep/run_reuse.hpp"
#include "sweep/sweep_input.hpp"
#include "sweep/sweep_journal.hpp"
#include "sweep/sweep_run.hpp"

namespace hotline::cli {

namespace {

// The policies to sweep, by scenario index, in scenario order (so that
// "--policies b,a" and "--policies a,b" make the same file).
std::optional<std::vector<std::size_t>> swept_policies(const LoadedScenario& loaded,
                                                       const std::vector<std::string>& ids,
                                                       std::ostream& err) {
  std::vector<std::size_t> indices;
  if (ids.empty()) {
    for (std::size_t i = 0; i < std::max<std::size_t>(loaded.spec.policies.size(), 1); ++i)
      indices.push_back(i);
    return indices;
  }
  for (const std::string& id : ids) {
    if (id.empty()) {
      err << "hotline: error: --policies: an empty policy id\n";
      return std::nullopt;
    }
    const auto index = find_policy(loaded, id, err);
    if (!index) return std::nullopt;
    if (std::find(indices.begin(), indices.end(), *index) != indices.end()) {
      err << "hotline: error: --policies: '" << id << "' given twice\n";
      return std::nullopt;
    }
    indices.push_back(*index);
  }
  std::sort(indices.begin(), indices.end());
  return indices;
}

// "12 design points × " for an experiment's grid; "" for one point.
std::string points_text(const engine::RunGrid& grid) {
  return grid.points() > 1 ? fmt::format("{} design points × ", grid.points()) : std::string();
}

// Per-policy totals for the closing table.
struct PolicyTotals {
  std::uint64_t runs = 0;
  double dangerous = 0.0;
  double grave = 0.0;
  double crisis_days = 0.0;
  double clashes = 0.0;
  std::uint64_t runs_with_clash = 0;
  double calls_connected = 0.0;
  double calls = 0.0;
};

// Per-phase time summed over runs, for --profile.
struct ProfileTotals {
  std::mutex mutex;
  std::array<engine::PhaseTimers::Clock::duration, engine::kPhaseCount> phase{};
  double platform_steps = 0.0;
};

// The runs on this process's threads: every free thread takes the next run.
class ThreadSpreader final : public RunSpreader {
 public:
  RunsOutcome run_all(const SweepPlan& plan, const trace::TraceIdentity& /*identity*/,
                      std::span<const engine::RunKey> todo, int threads,
                      const std::function<void(FinishedRun&&)>& finished) override {
    RunsOutcome outcome;
    const std::atomic<bool> never{false};
    try {
      engine::ThreadControl control(threads > 0 ? threads
                                                : engine::ThreadControl::hardware_threads());
      control.run([&] {
        engine::run_in_parallel(
            todo, [&](engine::RunKey key) { finished(simulate_run(plan, key, never)); });
      });
    } catch (const Interrupted& stop) {
      outcome.stopped_by = stop.signal;
    } catch (const std::exception& e) {
      outcome.failure = e.what();
    }
    return outcome;
  }
};

// Everything a sweep needs before it touches the disk: the scenario, the
// plan every run follows, the identity, the grid and this process's shard.
struct SweepSetup {
  LoadedScenario loaded;  // its spec is moved into the plan
  SweepPlan plan;
  trace::TraceIdentity identity;
  engine::RunGrid grid{1, 1, 1};
  std::vector<engine::RunKey> shard;
  double days = 0.0;
  std::string output;    // the path written, once the output is claimed
  SweepOptions options;  // the command's, with an experiment file's settings
};

// The runs of --shard i/n; false (said on `err`) when there are none.
bool shard_of(const SweepOptions& options, SweepSetup& setup, std::ostream& err) {
  const engine::RunGrid& grid = setup.grid;
  try {
    setup.shard = grid.shard(options.shard_index, options.shard_count);
  } catch (const std::invalid_argument& e) {
    err << "hotline: error: --shard " << e.what() << '\n';
    return false;
  }
  if (!setup.shard.empty()) return true;
  err << fmt::format(
      "hotline: error: --shard {}/{} holds no runs: the grid has {} ({}{} policies × {} "
      "replications)\n",
      options.shard_index, options.shard_count, grid.size(), points_text(grid), grid.policies(),
      grid.replications());
  return false;
}

// The design's points; kept: one world per thread at work, and one more.
void add_design(const scenarios::LoadedExperiment& experiment, int threads, SweepSetup& setup) {
  setup.identity.design = design_identity(experiment.experiment);
  setup.plan.design = std::make_shared<const DesignPoints>(
      experiment.resolved, experiment.experiment.factors, experiment.experiment.table,
      static_cast<std::size_t>(threads > 0 ? threads : engine::ThreadControl::hardware_threads())
          + 1);
}

// `hotline risk`: the estimate in the identity and the plan; false (said
// on `err`) for an experiment or a horizon shorter than a step.
bool add_risk(const agents::ClashRiskSettings& settings, bool experiment, double dt_s,
              SweepSetup& setup, std::ostream& err) {
  if (experiment) {
    err << "hotline: error: hotline risk takes a scenario, not an experiment file\n";
    return false;
  }
  if (setup.plan.steps == 0) {
    err << fmt::format(
        "hotline: error: --days {:g}: the horizon is shorter than one step of the scenario "
        "({:g} s)\n",
        setup.days, dt_s);
    return false;
  }
  setup.identity.risk = risk_identity_text(settings);
  setup.plan.risk = settings;
  setup.plan.risk->horizon_steps = setup.plan.steps;
  return true;
}

std::optional<SweepSetup> prepare_sweep(const SweepOptions& command, std::ostream& err) {
  std::optional<SweepInput> input = load_sweep_input(command, err);
  if (!input) return std::nullopt;
  const SweepOptions& options = input->options;
  LoadedScenario* loaded = &input->loaded;
  const auto policies = swept_policies(*loaded, options.policies, err);
  if (!policies) return std::nullopt;
  const std::optional<trace::EventDetail> events = trace::parse_events_option(options.events, err);
  if (!events) return std::nullopt;
  SweepSetup setup;
  const agents::WorldSpec& spec = loaded->spec;
  setup.days = options.days.value_or(spec.horizon_s / 86400.0);
  setup.identity = trace::scenario_identity(loaded->path, loaded->text, loaded->scenario);
  trace::TraceIdentity& identity = setup.identity;
  identity.kind = options.risk ? "risk" : "sweep";
  identity.seed = options.seed;
  identity.days = setup.days;
  identity.replications = options.replications;
  identity.policies = *policies;
  for (std::size_t p : *policies)
    identity.policy_ids.push_back(spec.policies.empty() ? std::string("none")
                                                        : spec.policies[p].id);
  identity.shard_index = options.shard_index;
  identity.shard_count = options.shard_count;
  identity.events = std::string(trace::event_detail_name(*events));
  setup.plan.policies = *policies;
  setup.plan.seed = options.seed;
  const std::optional<std::uint64_t> steps = steps_within_limit(spec, setup.days, err);
  if (!steps) return std::nullopt;
  setup.plan.steps = *steps;
  setup.plan.recording = recording_for(spec, *events);
  if (options.risk
      && !add_risk(*options.risk, input->experiment.has_value(), spec.dt_s, setup, err))
    return std::nullopt;
  if (input->experiment) add_design(*input->experiment, options.threads, setup);
  setup.grid = engine::RunGrid(identity.points(), static_cast<std::uint32_t>(policies->size()),
                               options.replications);
  if (!shard_of(options, setup, err)) return std::nullopt;
  // One world per thread at most, and no more than there are runs.
  const auto threads = static_cast<std::size_t>(
      options.threads > 0 ? options.threads : engine::ThreadControl::hardware_threads());
  if (!memory_suffices(spec, std::min(threads, setup.shard.size()), err)) return std::nullopt;
  setup.plan.spec = std::move(loaded->spec);
  setup.loaded = std::move(*loaded);
  setup.options = options;
  return setup;
}

// Runs `todo` (on this process's threads or the options' spreader),
// journaling each run as it finishes and keeping the progress line and
// the --profile totals.
RunsOutcome run_and_journal(const SweepOptions& options, const SweepSetup& setup,
                            const ReusePlan& reuse, SweepJournal& journal, ProgressMeter& progress,
                            ProfileTotals& profile) {
  RunsOutcome outcome;
  // Copies of runs the journal holds, read before the writer appends.
  std::vector<std::pair<engine::RunKey, std::vector<std::byte>>> copies_now;
  for (const auto& [copy, source] : reuse.from_done)
    copies_now.emplace_back(copy, record_at_point(journal.read(source), copy.point));
  trace::BackgroundWriter writer;
  for (auto& [key, record] : copies_now) {
    journal.queue(writer, key, std::move(record));
    progress.run_done();
  }
  const auto finished = [&](FinishedRun&& run) {
    // The same run at other design points (run_reuse.hpp), then this one.
    const auto copies = reuse.copies.find(setup.grid.canonical_index(run.key));
    if (copies != reuse.copies.end()) {
      const trace::RunRecord record = trace::decode_run_record(run.record);
      for (const engine::RunKey copy : copies->second) {
        journal.queue(writer, copy, record_at_point(record, copy.point));
        progress.run_done();
      }
    }
    journal.queue(writer, run.key, std::move(run.record));
    if (options.profile) {
      const std::lock_guard lock(profile.mutex);
      for (std::size_t p = 0; p < engine::kPhaseCount; ++p)
        profile.phase[p] += std::chrono::nanoseconds(run.timing.phase_ns[p]);
      profile.platform_steps += run.timing.platform_steps;
    }
    progress.run_done();
  };
  ThreadSpreader here;
  RunSpreader& spreader = options.spreader != nullptr ? *options.spreader : here;
  outcome = spreader.run_all(setup.plan, setup.identity, reuse.simulate, options.threads, finished);
  try {
    writer.finish();
  } catch (const std::exception& e) {
    if (outcome.failure.empty()) outcome.failure = e.what();
  }
  return outcome;
}

// A sweep that did not finish its runs: the failure or the interruption,
// with what the journal kept; the exit code.
int stopped_sweep(const RunsOutcome& outcome, SweepJournal& journal, std::size_t runs,
                  std::ostream& err) {
  if (!outcome.failure.empty()) {
    err << "hotline: failed: " << outcome.failure << " (the completed runs stay in "
        << journal.path() << "; --resume tries again)\n";
    return kExitRunFailure;
  }
  std::size_t saved = 0;
  try {
    saved = journal.close_and_count();
  } catch (const std::exception& e) {
    err << "hotline: failed: " << e.what() << '\n';
    return kExitRunFailure;
  }
  err << fmt::format(
      "hotline: interrupted{}: {} of {} runs are saved in {}; the same command with --resume "
      "finishes the sweep\n",
      outcome.stopped_where.empty()
          ? std::string()
          : fmt::format(" ({} got {})", outcome.stopped_where, signal_name(outcome.stopped_by)),
      saved, runs, journal.path());
  return interrupted_exit_code(outcome.stopped_by);
}

// Writes the file from the journal in canonical order, commits it and
// removes the journal; the per-policy totals for the closing table.
std::vector<PolicyTotals> assemble(const SweepOptions& options, const SweepSetup& setup,
                                   SweepJournal& journal) {
  std::vector<PolicyTotals> totals(setup.plan.policies.size());
  trace::TraceFile file(setup.output, setup.identity, options.command_line, setup.loaded.scenario,
                        setup.plan.spec);
  for (const engine::RunKey key : setup.shard) {
    // A signal during assembly abandons the partial file; the journal stays.
    if (const int signal = interrupt_signal()) throw Interrupted{signal};
    trace::RunRecord record = journal.read(key);
    file.add_run(record);
    PolicyTotals& t = totals[key.policy];
    const trace::SummaryRow& s = record.summary;
    ++t.runs;
    t.dangerous += static_cast<double>(s.incidents_dangerous);
    t.grave += static_cast<double>(s.incidents_grave);
    t.crisis_days += s.crisis_days;
    t.clashes += s.clashes;
    t.runs_with_clash += s.clashes > 0 ? 1 : 0;
    t.calls += static_cast<double>(s.calls);
    t.calls_connected += static_cast<double>(s.calls_connected);
  }
  file.commit();
  journal.remove();
  return totals;
}

// `hotline risk`: the file from the journal's estimates, in canonical
// order (policy, then repetition); the estimates for the closing table.
std::vector<trace::RiskRecord> assemble_risk(const SweepOptions& options, const SweepSetup& setup,
                                             SweepJournal& journal) {
  std::vector<trace::RiskRecord> records;
  for (const engine::RunKey key : setup.shard) {
    if (const int signal = interrupt_signal()) throw Interrupted{signal};
    records.push_back(trace::decode_risk_record(journal.read_bytes(key)));
  }
  trace::TraceFile file(setup.output, setup.identity, options.command_line, setup.loaded.scenario,
                        setup.plan.spec);
  std::vector<std::string> levels;
  for (const agents::RiskLevel& level : agents::levels_climbed(*setup.plan.risk))
    levels.push_back(agents::risk_level_name(level));
  file.write_risk(records, levels);
  file.commit();
  journal.remove();
  return records;
}

// How long the parts took and how much was run, for the closing lines.
struct SweepTimes {
  std::size_t ran = 0;
  std::size_t resumed = 0;
  std::size_t reused = 0;  // copies of identical runs at other design points
  double run_seconds = 0.0;
  double assembly_seconds = 0.0;
};

// The closing lines: what was swept, how long it took, the file's size.
void print_headline(const SweepOptions& options, const SweepSetup& setup,
                    const RunsOutcome& outcome, const SweepTimes& times, std::ostream& out) {
  const engine::RunGrid& grid = setup.grid;
  std::error_code error;
  const auto bytes = std::filesystem::file_size(setup.output, error);
  out << fmt::format("{}: {}{} policies × {} replications, {:g} days, seed {}",
                     scenarios::printable(setup.plan.spec.name), points_text(grid), grid.policies(),
                     grid.replications(), setup.days, options.seed);
  if (options.shard_count > 1) {
    out << fmt::format(", shard {}/{} ({} runs)", options.shard_index, options.shard_count,
                       setup.shard.size());
  }
  out << fmt::format("\n{} runs in {:.1f} s", times.ran, times.run_seconds);
  if (!outcome.runs_by_rank.empty()) {
    out << fmt::format(" on {} MPI ranks ({} runs)", outcome.runs_by_rank.size(),
                       fmt::join(outcome.runs_by_rank, ", "));
  }
  if (times.resumed > 0) out << fmt::format(" ({} more from the journal)", times.resumed);
  if (times.reused > 0)
    out << fmt::format(" ({} more the same as another design point's)", times.reused);
  if (setup.plan.design && setup.plan.design->built() > 0) {
    // What the design costs outside the runs, against the runs' thread time.
    const double thread_seconds =
        times.run_seconds
        * (options.threads > 0 ? options.threads : engine::ThreadControl::hardware_threads());
    out << fmt::format(" ({} design-point worlds built in {:.2f} s of thread time, {:.1f}%)",
                       setup.plan.design->built(), setup.plan.design->build_seconds(),
                       100.0 * setup.plan.design->build_seconds() / thread_seconds);
  }
  out << fmt::format("; {}: {:.1f} MB, {:.1f} kB per run, written in {:.2f} s\n\n", setup.output,
                     static_cast<double>(bytes) / 1e6,
                     static_cast<double>(bytes) / 1e3 / static_cast<double>(setup.shard.size()),
                     times.assembly_seconds);
}

// The table of per-policy means.
void print_totals(const std::vector<PolicyTotals>& totals, const trace::TraceIdentity& identity,
                  std::ostream& out) {
  out << fmt::format("  {:<28} {:>6} {:>14} {:>10} {:>16} {:>12} {:>12} {:>12}\n", "policy", "runs",
                     "dangerous/run", "grave/run", "crisis-days/run", "clashes/run", "runs w/clash",
                     "calls conn.");
  for (std::size_t p = 0; p < totals.size(); ++p) {
    const PolicyTotals& t = totals[p];
    if (t.runs == 0) continue;
    const double n = static_cast<double>(t.runs);
    out << fmt::format("  {:<28} {:>6} {:>14.2f} {:>10.2f} {:>16.1f} {:>12.3f} {:>12} {:>12}\n",
                       identity.policy_ids[p], t.runs, t.dangerous / n, t.grave / n,
                       t.crisis_days / n, t.clashes / n, t.runs_with_clash,
                       t.calls > 0 ? fmt::format("{:.0f}%", 100.0 * t.calls_connected / t.calls)
                                   : std::string("-"));
  }
}

// --profile: the thread time per phase, summed over the runs.
void print_profile(ProfileTotals& profile, std::ostream& out) {
  if (profile.platform_steps <= 0) return;
  engine::PhaseTimers timers;
  for (std::size_t p = 0; p < engine::kPhaseCount; ++p)
    timers.add(static_cast<engine::Phase>(p), profile.phase[p]);
  const std::vector<double> ns = phase_ns_per_item_step(timers, profile.platform_steps);
  double total = 0.0;
  for (double phase_ns : ns)
    total += phase_ns;
  out << "\nphase split, ns per platform-step (thread time, summed over runs):"
      << phase_split_text(ns, false) << fmt::format("  total {:.2f}\n", total);
}

// `hotline risk`'s closing lines: what was estimated, how long it took, and
// the estimates (markdown tables, or JSON with --json).
int print_risk(const SweepOptions& options, const SweepSetup& setup, const RunsOutcome& outcome,
               const SweepTimes& times, const std::vector<trace::RiskRecord>& records,
               std::ostream& out) {
  std::vector<std::string> levels;
  for (const agents::RiskLevel& level : agents::levels_climbed(*setup.plan.risk))
    levels.push_back(agents::risk_level_name(level));
  analysis::RiskSummary summary;
  try {
    summary = analysis::summarize_risk(setup.identity, records, levels);
  } catch (const std::invalid_argument&) {
    // A shard's policies hold different repetitions: its file is whole,
    // its table waits for the merge.
    out << fmt::format(
        "{}: shard {}/{} of the estimate written; `hotline merge` joins the shards\n", setup.output,
        options.shard_index, options.shard_count);
    return kExitOk;
  }
  if (options.json) {
    analysis::write_risk_report(
        {setup.output, setup.plan.spec.name, setup.identity.scenario_hash, options.seed}, summary,
        analysis::ReportFormat::json, out);
    return kExitOk;
  }
  const engine::RunGrid& grid = setup.grid;
  out << fmt::format("{}: {} policies × {} repetitions of {:g} days, {}, seed {}\n",
                     scenarios::printable(setup.plan.spec.name), grid.policies(),
                     grid.replications(), setup.days, setup.identity.risk, options.seed);
  out << fmt::format("{} estimates in {:.1f} s", times.ran, times.run_seconds);
  if (!outcome.runs_by_rank.empty())
    out << fmt::format(" on {} MPI ranks ({} estimates)", outcome.runs_by_rank.size(),
                       fmt::join(outcome.runs_by_rank, ", "));
  if (times.resumed > 0) out << fmt::format(" ({} more from the journal)", times.resumed);
  out << fmt::format("; {}\n\n", setup.output);
  for (const std::string& line : analysis::risk_summary_lines(summary))
    out << line << '\n';
  out << '\n';
  analysis::write_risk_tables(summary, out);
  return kExitOk;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

// Prepare, open the journal, run what it lacks, assemble the file, report.
int run_sweep(const SweepOptions& command, std::ostream& out, std::ostream& err) {
  std::optional<SweepSetup> setup = prepare_sweep(command, err);
  if (!setup) return kExitBadInput;
  const SweepOptions& options = setup->options;
  JournalOpening opening =
      SweepJournal::open({options.output, options.resume, options.force, options.command_line},
                         setup->identity, setup->grid, setup->shard, out, err);
  if (!opening.journal) return opening.exit_code;
  setup->output = opening.output->path;
  SweepJournal& journal = *opening.journal;
  const std::vector<engine::RunKey> todo = journal.todo(setup->shard);
  std::vector<bool> done(static_cast<std::size_t>(setup->grid.size()), false);
  for (const engine::RunKey key : setup->shard)
    done[static_cast<std::size_t>(setup->grid.canonical_index(key))] = journal.holds(key);
  const ReusePlan reuse =
      plan_reuse(options.reuse ? RunReuse(setup->identity) : RunReuse(trace::TraceIdentity{}),
                 setup->grid, todo, done);
  SweepTimes times{reuse.simulate.size(), setup->shard.size() - todo.size(), reuse.reused, 0.0,
                   0.0};

  ProgressMeter progress(setup->shard.size(), times.resumed,
                         !options.quiet && ProgressMeter::stderr_is_terminal(), err);
  ProfileTotals profile;
  const auto start = std::chrono::steady_clock::now();
  const RunsOutcome outcome = run_and_journal(options, *setup, reuse, journal, progress, profile);
  progress.finish();
  if (!outcome.failure.empty() || outcome.stopped_by != 0) {
    return stopped_sweep(outcome, journal, setup->shard.size(), err);
  }
  times.run_seconds = seconds_since(start);

  const auto assembly_start = std::chrono::steady_clock::now();
  std::vector<PolicyTotals> totals;
  std::vector<trace::RiskRecord> risk;
  try {
    if (options.risk) {
      risk = assemble_risk(options, *setup, journal);
    } else {
      totals = assemble(options, *setup, journal);
    }
  } catch (const Interrupted& stop) {
    err << fmt::format(
        "hotline: interrupted ({}) while writing {}; every run is in {}: --resume "
        "writes the file\n",
        signal_name(stop.signal), setup->output, journal.path());
    return interrupted_exit_code(stop.signal);
  } catch (const std::exception& e) {
    err << "hotline: failed: " << e.what() << " (the completed runs stay in " << journal.path()
        << "; --resume tries again)\n";
    return kExitRunFailure;
  }
  times.assembly_seconds = seconds_since(assembly_start);
  if (const int signal = interrupt_signal()) {
    // Too late to stop anything: the file was committed whole.
    err << fmt::format("hotline: interrupted ({}) as the sweep ended; {} is complete\n",
                       signal_name(signal), setup->output);
    return interrupted_exit_code(signal);
  }
  if (options.risk) return print_risk(options, *setup, outcome, times, risk, out);
  print_headline(options, *setup, outcome, times, out);
  print_totals(totals, setup->identity, out);
  if (setup->grid.points() > 1) {
    out << fmt::format(
        "  (each policy over all {} design points; `hotline report {}` gives the response per "
        "point and factor level)\n",
        setup->grid.points(), setup->output);
  }
  if (options.profile) print_profile(profile, out);
  return kExitOk;
}

}  // namespace hotline::cli
