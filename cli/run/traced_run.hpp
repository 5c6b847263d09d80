// One run stepped while its trace streams to a file: the loop `hotline run
// -o` and `hotline bench platforms --trace-every` share. The stepping
// thread hands events, hostility samples and state samples to the writer
// thread in batches and never touches the file itself.
#pragma once

#include <cstdint>

#include "hotline/agents/platform_world.hpp"
#include "hotline/trace/background_writer.hpp"
#include "hotline/trace/run_record.hpp"
#include "hotline/trace/writer.hpp"

namespace hotline::cli {

struct TraceSettings {
  trace::RecordingOptions recording;
  std::uint32_t state_every_steps = 0;  // 0: no states
};

// Steps `world` up to `steps` times (fewer if it stops at a clash), then
// fills `record` (summary, dyads, presence) and queues the run's end; the
// caller finishes the writer and commits the file. `record.summary`'s policy
// and replication must be set. With `interruptible`, Ctrl-C or SIGTERM
// throws Interrupted between steps.
void step_with_trace(agents::PlatformWorld& world, std::uint64_t steps, std::uint64_t seed,
                     const TraceSettings& settings, trace::TraceFile& trace,
                     trace::BackgroundWriter& writer, trace::RunRecord& record, bool interruptible);

// The agents' states in id order, as the trace stores them.
[[nodiscard]] trace::TraceFile::StateSample sample_states(const agents::PlatformWorld& world);

}  // namespace hotline::cli
