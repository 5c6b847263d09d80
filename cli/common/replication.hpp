// One replication of the platform model, stepped to its end: the loop that
// `hotline run` (with or without a trace), every run of a sweep and `hotline
// bench platforms` share, and the one conversion of days and sampling
// intervals to steps.
#pragma once

#include <cstdint>
#include <functional>

#include "hotline/agents/platform_world.hpp"
#include "hotline/agents/world_spec.hpp"
#include "hotline/trace/run_record.hpp"

namespace hotline::cli {

// The steps of a run of `days` (rounded to the nearest step).
[[nodiscard]] std::uint64_t steps_for_days(const agents::WorldSpec& spec, double days);
// The steps in a sampling interval (a whole number of steps by the loader's
// checks; rounded).
[[nodiscard]] std::uint32_t steps_for_interval(const agents::WorldSpec& spec, double interval_s);
// What a run records: the events of `events` and the scenario's hostility
// samples.
[[nodiscard]] trace::RecordingOptions recording_for(const agents::WorldSpec& spec,
                                                    trace::EventDetail events);

// The world of one replication (PlatformWorld's constructor); a signal
// while a big world is being built is thrown as Interrupted.
[[nodiscard]] agents::PlatformWorld build_world(const agents::WorldSpec& spec, std::uint64_t seed,
                                                std::uint32_t replication, std::size_t policy);

// What a caller adds to the loop.
struct ReplicationHooks {
  // Before each step; throws to stop the run (an interrupt, a cancelled
  // sweep).
  std::function<void()> before_step;
  // After each step has been recorded (a trace streams from here).
  std::function<void(const agents::PlatformWorld&, trace::RunRecord&)> after_step;
};

// Steps `world` up to `steps` times, fewer if it stops (every dyad at war),
// recording each step into `record` as `recording` says (record_step: the
// world's event list is emptied every step). The caller summarizes the run.
// A signal caught during a step (it stops between the step's phases) is
// thrown as Interrupted.
void step_replication(agents::PlatformWorld& world, std::uint64_t steps,
                      const trace::RecordingOptions& recording, trace::RunRecord& record,
                      const ReplicationHooks& hooks = {});

}  // namespace hotline::cli
