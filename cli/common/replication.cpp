#include "common/replication.hpp"

#include <cmath>

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

void step_replication(agents::PlatformWorld& world, std::uint64_t steps,
                      const trace::RecordingOptions& recording, trace::RunRecord& record,
                      const ReplicationHooks& hooks) {
  for (std::uint64_t i = 0; i < steps && !world.stopped(); ++i) {
    if (hooks.before_step) hooks.before_step();
    world.step();
    trace::record_step(world, recording, record);
    if (hooks.after_step) hooks.after_step(world, record);
  }
}

}  // namespace hotline::cli
