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
#include "common/scenario_input.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/engine/run_grid.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/trace/background_writer.hpp"
#include "hotline/trace/record_journal.hpp"
#include "hotline/trace/run_record.hpp"
#include "hotline/trace/writer.hpp"
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

// The key of a journal record without decoding it: the summary row leads.
engine::RunKey record_key(std::span<const std::byte> payload) {
  trace::SummaryRow row{};
  if (payload.size() < sizeof row) throw std::runtime_error("journal record too short");
  std::memcpy(&row, payload.data(), sizeof row);
  return {row.policy, row.replication};
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

}  // namespace

int run_sweep(const SweepOptions& options, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  std::optional<LoadedScenario> loaded = load_scenario_input(options.scenario, err);
  if (!loaded) return kExitBadInput;
  const auto policies = swept_policies(*loaded, options.policies, err);
  if (!policies) return kExitBadInput;
  // What every run needs; `spec` is the plan's (loaded->spec is moved out).
  SweepPlan plan;
  plan.spec = std::move(loaded->spec);
  const agents::WorldSpec& spec = plan.spec;
  const std::optional<trace::EventDetail> event_detail =
      trace::parse_events_option(options.events, err);
  if (!event_detail) return kExitBadInput;
  const double days = options.days.value_or(spec.horizon_s / 86400.0);
  const std::uint64_t steps = steps_for_days(spec, days);

  trace::TraceIdentity identity =
      trace::scenario_identity(loaded->path, loaded->text, loaded->scenario);
  identity.kind = "sweep";
  identity.seed = options.seed;
  identity.days = days;
  identity.replications = options.replications;
  identity.policies = *policies;
  for (std::size_t p : *policies)
    identity.policy_ids.push_back(spec.policies.empty() ? std::string("none")
                                                        : spec.policies[p].id);
  identity.shard_index = options.shard_index;
  identity.shard_count = options.shard_count;
  identity.events = std::string(trace::event_detail_name(*event_detail));

  const engine::RunGrid grid(static_cast<std::uint32_t>(policies->size()), options.replications);
  std::vector<engine::RunKey> shard;
  try {
    shard = grid.shard(options.shard_index, options.shard_count);
  } catch (const std::invalid_argument& e) {
    err << "hotline: error: --shard " << e.what() << '\n';
    return kExitBadInput;
  }
  if (shard.empty()) {
    err << fmt::format(
        "hotline: error: --shard {}/{} holds no runs: the grid has {} ({} policies "
        "× {} replications)\n",
        options.shard_index, options.shard_count, grid.size(), grid.policies(),
        grid.replications());
    return kExitBadInput;
  }

  // The output and the journal beside it.
  const std::string journal_path = options.output + ".journal";
  std::error_code error;
  if (fs::is_directory(options.output, error)) {
    err << fmt::format("hotline: error: {}: is a directory, not a file name\n", options.output);
    return kExitBadInput;
  }
  if (fs::exists(options.output, error) && !options.force) {
    if (!options.resume) {
      err << fmt::format("hotline: error: {}: exists; --force replaces it\n", options.output);
      return kExitBadInput;
    }
    // Resuming a sweep that already finished: nothing to do, if it is this
    // sweep.
    try {
      const trace::TraceReader done(options.output);
      if (auto diff = trace::identity_difference(identity, "this command", done.identity(),
                                                 options.output, true)) {
        err << fmt::format(
            "hotline: error: {}: exists and is a different sweep ({}); --force "
            "replaces it\n",
            options.output, *diff);
        return kExitBadInput;
      }
    } catch (const trace::TraceError& e) {
      err << "hotline: error: " << e.what() << "; --force replaces it\n";
      return kExitBadInput;
    }
    fs::remove(journal_path, error);  // left by a stop between the rename and its removal
    out << fmt::format("{}: complete already ({} runs)\n", options.output, shard.size());
    return 0;
  }
  if (!output_path_usable(options.output, true, err)) return kExitBadInput;

  // From here a Ctrl-C only sets the flag: the journal is never left half
  // written by one, and the sweep stops at its first check with the journal
  // whole.
  catch_interrupts();
  std::optional<trace::RecordJournal> journal;
  const bool journal_exists = fs::exists(journal_path, error);
  try {
    if (journal_exists && options.resume) {
      journal.emplace(trace::RecordJournal::open(journal_path));
      trace::TraceIdentity found;
      try {
        found = trace::TraceIdentity::decode(journal->identity());
      } catch (const std::exception& e) {
        err << fmt::format("hotline: error: {}: {}; --force starts over\n", journal_path, e.what());
        return kExitBadInput;
      }
      if (auto diff =
              trace::identity_difference(identity, "this command", found, journal_path, true)) {
        err << fmt::format(
            "hotline: error: {}: belongs to a different sweep ({}); --force starts "
            "over\n",
            journal_path, *diff);
        return kExitBadInput;
      }
      if (journal->truncated_bytes() > 0) {
        err << fmt::format(
            "hotline: {}: dropped a torn last record ({} bytes) left by the "
            "interruption\n",
            journal_path, journal->truncated_bytes());
      }
    } else if (journal_exists && !options.force) {
      err << fmt::format(
          "hotline: error: {}: an interrupted sweep's journal; --resume finishes "
          "it, --force starts over\n",
          journal_path);
      return kExitBadInput;
    } else {
      journal.emplace(trace::RecordJournal::create(journal_path, identity.encode()));
    }
  } catch (const trace::JournalError& e) {
    err << "hotline: error: " << e.what() << '\n';
    return kExitBadInput;
  }

  // Which runs the journal holds: the record index of each canonical run.
  constexpr std::size_t kNotDone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> record_of(static_cast<std::size_t>(grid.size()), kNotDone);
  std::vector<std::uint8_t> in_shard(static_cast<std::size_t>(grid.size()), 0);
  for (const engine::RunKey key : shard)
    in_shard[static_cast<std::size_t>(grid.canonical_index(key))] = 1;
  try {
    for (std::size_t r = 0; r < journal->size(); ++r) {
      const engine::RunKey key = record_key(journal->read(r));
      if (key.policy >= grid.policies() || key.replication >= grid.replications()
          || in_shard[static_cast<std::size_t>(grid.canonical_index(key))] == 0) {
        throw std::runtime_error(fmt::format("record {} is not a run of this sweep", r));
      }
      auto& slot = record_of[static_cast<std::size_t>(grid.canonical_index(key))];
      if (slot == kNotDone) slot = r;  // a run recorded twice: the first counts
    }
  } catch (const std::exception& e) {
    err << fmt::format("hotline: error: {}: {}\n", journal_path, e.what());
    return kExitRunFailure;
  }
  std::vector<engine::RunKey> todo;
  for (const engine::RunKey key : shard) {
    if (record_of[static_cast<std::size_t>(grid.canonical_index(key))] == kNotDone)
      todo.push_back(key);
  }
  const std::size_t resumed = shard.size() - todo.size();
  if (options.resume && !journal_exists)
    err << "hotline: no journal to resume: starting the sweep\n";

  plan.policies = *policies;
  plan.seed = options.seed;
  plan.steps = steps;
  plan.recording = recording_for(spec, *event_detail);

  ProgressMeter progress(shard.size(), resumed,
                         !options.quiet && ProgressMeter::stderr_is_terminal(), err);
  ProfileTotals profile;
  const auto start = std::chrono::steady_clock::now();
  RunsOutcome outcome;
  {
    trace::BackgroundWriter writer;
    // Group commit: a record is synced by the last of the journal jobs
    // queued with it, so a busy writer (many ranks finishing at once) syncs
    // once per batch instead of once per run.
    std::atomic<std::size_t> unsynced{0};
    const auto finished = [&](FinishedRun&& run) {
      auto payload = std::make_shared<std::vector<std::byte>>(std::move(run.record));
      const auto slot = static_cast<std::size_t>(grid.canonical_index(run.key));
      unsynced.fetch_add(1);
      writer.submit(payload->size(), [&journal, &record_of, &unsynced, slot, payload] {
        journal->append(*payload);
        if (unsynced.fetch_sub(1) == 1) journal->sync();
        // Only the writer thread touches record_of until finish().
        record_of[slot] = journal->size() - 1;
      });
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
    outcome = spreader.run_all(plan, identity, todo, options.threads, finished);
    try {
      writer.finish();
    } catch (const std::exception& e) {
      if (outcome.failure.empty()) outcome.failure = e.what();
    }
  }
  progress.finish();
  if (!outcome.failure.empty()) {
    err << "hotline: failed: " << outcome.failure << " (the completed runs stay in " << journal_path
        << "; --resume tries again)\n";
    return kExitRunFailure;
  }
  if (outcome.stopped_by != 0) {
    std::size_t saved = 0;
    try {
      journal->close();
      saved = trace::RecordJournal::open(journal_path).size();
    } catch (const std::exception& e) {
      err << "hotline: failed: " << e.what() << '\n';
      return kExitRunFailure;
    }
    err << fmt::format(
        "hotline: interrupted{}: {} of {} runs are saved in {}; the same command with "
        "--resume finishes the sweep\n",
        outcome.stopped_where.empty()
            ? std::string()
            : fmt::format(" ({} got {})", outcome.stopped_where, signal_name(outcome.stopped_by)),
        saved, shard.size(), journal_path);
    return interrupted_exit_code(outcome.stopped_by);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // Assemble the file from the journal, in canonical order.
  const auto assembly_start = std::chrono::steady_clock::now();
  std::vector<PolicyTotals> totals(policies->size());
  try {
    trace::TraceFile file(options.output, identity, options.command_line, loaded->scenario, spec);
    for (const engine::RunKey key : shard) {
      const std::size_t r = record_of[static_cast<std::size_t>(grid.canonical_index(key))];
      if (r == kNotDone) throw std::logic_error("a run of the sweep is missing from its journal");
      trace::RunRecord record = trace::decode_run_record(journal->read(r));
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
    journal->close();
    fs::remove(journal_path);
  } catch (const std::exception& e) {
    err << "hotline: failed: " << e.what() << " (the completed runs stay in " << journal_path
        << "; --resume tries again)\n";
    return kExitRunFailure;
  }

  const double assembly_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - assembly_start).count();
  const auto bytes = fs::file_size(options.output, error);
  out << fmt::format("{}: {} policies × {} replications, {:g} days, seed {}", spec.name,
                     grid.policies(), grid.replications(), days, options.seed);
  if (options.shard_count > 1) {
    out << fmt::format(", shard {}/{} ({} runs)", options.shard_index, options.shard_count,
                       shard.size());
  }
  out << fmt::format("\n{} runs in {:.1f} s", todo.size(), seconds);
  if (!outcome.runs_by_rank.empty()) {
    out << fmt::format(" on {} MPI ranks ({} runs)", outcome.runs_by_rank.size(),
                       fmt::join(outcome.runs_by_rank, ", "));
  }
  if (resumed > 0) out << fmt::format(" ({} more from the journal)", resumed);
  out << fmt::format("; {}: {:.1f} MB, {:.1f} kB per run, written in {:.2f} s\n\n", options.output,
                     static_cast<double>(bytes) / 1e6,
                     static_cast<double>(bytes) / 1e3 / static_cast<double>(shard.size()),
                     assembly_seconds);
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
  if (options.profile && profile.platform_steps > 0) {
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
  return 0;
}

}  // namespace hotline::cli
