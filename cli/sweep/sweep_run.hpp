// One run of a sweep, as every process that takes part in the sweep runs it:
// the one process of a plain sweep, or any MPI rank (mpi_sweep.hpp).
//
// A SweepPlan is everything a run needs: the world (of each design point,
// for an experiment), which scenario policy each grid policy is, how long,
// what to record. Rank 0 builds it from the
// command; the other ranks rebuild it from rank 0's TraceIdentity (its
// resolved scenario text loads to the identical scenario), so a run is the
// same bytes whichever process ran it.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hotline/agents/clash_risk.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/engine/phase_timers.hpp"
#include "hotline/engine/run_grid.hpp"
#include "hotline/trace/run_record.hpp"
#include "hotline/trace/writer.hpp"
#include "sweep/design_points.hpp"

namespace hotline::cli {

struct SweepPlan {
  agents::WorldSpec spec;  // the scenario's, as loaded: every run's without a design
  std::shared_ptr<const DesignPoints> design;  // an experiment's points; null: none
  std::vector<std::size_t> policies;           // scenario index of each grid policy
  std::uint64_t seed = 1;
  std::uint64_t steps = 0;
  trace::RecordingOptions recording;
  // `hotline risk`: each grid cell is a clash-risk estimate over `steps`
  // (risk/risk_plan.hpp), not a run; none for a sweep.
  std::optional<agents::ClashRiskSettings> risk;
};

// The plan of the sweep `identity` describes. Throws std::runtime_error
// naming `where` if its scenario text does not load.
[[nodiscard]] SweepPlan plan_from_identity(const trace::TraceIdentity& identity,
                                           const std::string& where);

// Thread time per phase and platform-steps of one run, for --profile.
struct RunTiming {
  std::array<std::int64_t, engine::kPhaseCount> phase_ns{};
  double platform_steps = 0.0;
};

struct FinishedRun {
  engine::RunKey key;
  std::vector<std::byte> record;  // trace::encode_run_record
  RunTiming timing;
};

// Thrown out of simulate_run when `cancel` was set: the run was abandoned
// because its sweep is stopping (not an error of its own).
struct RunCancelled {};

// Runs (point, policy, replication) `key` of the plan to the end (or the clash
// that stops it). Checks between steps for a signal (throws Interrupted)
// and for `cancel` (throws RunCancelled).
[[nodiscard]] FinishedRun simulate_run(const SweepPlan& plan, engine::RunKey key,
                                       const std::atomic<bool>& cancel);

// How a sweep's runs are spread: over this process's threads, or over MPI
// ranks. `finished` receives each run as it completes; it may be called
// from several threads at once.
struct RunsOutcome {
  int stopped_by = 0;                     // the signal that stopped the runs, or 0
  std::string stopped_where;              // who got it, when not this process ("rank 2 on node7")
  std::string failure;                    // the first error, or ""
  std::vector<std::size_t> runs_by_rank;  // MPI: the runs each rank ran; else empty
};
class RunSpreader {
 public:
  virtual ~RunSpreader() = default;
  virtual RunsOutcome run_all(const SweepPlan& plan, const trace::TraceIdentity& identity,
                              std::span<const engine::RunKey> todo, int threads,
                              const std::function<void(FinishedRun&&)>& finished) = 0;
};

}  // namespace hotline::cli
