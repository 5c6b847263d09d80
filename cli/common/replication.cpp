#include "common/replication.hpp"

#include <cmath>

#include "common/interrupt.hpp"
#include "hotline/engine/stop_request.hpp"

namespace hotline::cli {

std::uint64_t steps_for_days(const agents::WorldSpec& spec, double days) {
  return static_cast<std::uint64_t>(std::llround(days * 86400.0 / spec.dt_s));
}

std::uint32_t steps_for_interval(const agents::WorldSpec& spec, double interval_s) {
  return static_cast<std::uint32_t>(std::llround(interval_s / spec.dt_s));
}

trace::RecordingOptions recording_for(const agents::WorldSpec& spec, trace::EventDetail events) {
  return {events, steps_for_interval(spec, spec.hostility_interval_s)};
}

agents::PlatformWorld build_world(const agents::WorldSpec& spec, std::uint64_t seed,
                                  std::uint32_t replication, std::size_t policy) {
  try {
    return agents::PlatformWorld(spec, seed, replication, policy);
  } catch (const engine::StopRequested&) {
    throw Interrupted{interrupt_signal()};
  }
}

void step_replication(agents::PlatformWorld& world, std::uint64_t steps,
                      const trace::RecordingOptions& recording, trace::RunRecord& record,
                      const ReplicationHooks& hooks) {
  for (std::uint64_t i = 0; i < steps && !world.stopped(); ++i) {
    if (hooks.before_step) hooks.before_step();
    try {
      world.step();
    } catch (const engine::StopRequested&) {
      // Only a signal asks (common/interrupt.cpp); the half-stepped world
      // is dropped as an interrupted run's is.
      throw Interrupted{interrupt_signal()};
    }
    trace::record_step(world, recording, record);
    if (hooks.after_step) hooks.after_step(world, record);
  }
}

}  // namespace hotline::cli
