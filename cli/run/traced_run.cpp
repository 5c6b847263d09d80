#include "run/traced_run.hpp"

#include <memory>
#include <utility>

#include "common/interrupt.hpp"
#include "common/replication.hpp"

namespace hotline::cli {

namespace {

// Events and hostility samples go to the writer in batches of about this
// many bytes.
constexpr std::size_t kBatchBytes = std::size_t{1} << 20;

}  // namespace

trace::TraceFile::StateSample sample_states(const agents::PlatformWorld& world) {
  const engine::AgentStore& store = world.agents();
  const std::size_t n = store.size();
  trace::TraceFile::StateSample sample;
  sample.step = world.steps_taken();
  sample.time_s = world.time_s();
  sample.x_km.resize(n);
  sample.y_km.resize(n);
  sample.heading_rad.resize(n);
  sample.speed_km_s.resize(n);
  sample.status.resize(n);
  const auto& states = world.state_of_slot();
  for (std::size_t slot = 0; slot < n; ++slot) {
    const engine::AgentId id = store.id[slot];
    sample.x_km[id] = static_cast<float>(store.x_km[slot]);
    sample.y_km[id] = static_cast<float>(store.y_km[slot]);
    sample.heading_rad[id] = static_cast<float>(store.heading_rad[slot]);
    sample.speed_km_s[id] = static_cast<float>(store.speed_km_s[slot]);
    sample.status[id] = static_cast<std::uint8_t>(states[slot]);
  }
  return sample;
}

void step_with_trace(agents::PlatformWorld& world, std::uint64_t steps, std::uint64_t seed,
                     const TraceSettings& settings, trace::TraceFile& trace,
                     trace::BackgroundWriter& writer, trace::RunRecord& record,
                     bool interruptible) {
  const std::uint32_t policy = record.summary.policy;
  const std::uint32_t replication = record.summary.replication;
  const double state_interval_s = settings.state_every_steps * world.spec().dt_s;
  const std::size_t agents = world.platform_count();
  const std::uint32_t state_every = settings.state_every_steps;
  writer.submit(0, [&trace, state_every, policy, replication, agents, state_interval_s] {
    trace.begin_run();
    if (state_every > 0) {
      trace.begin_states(policy, replication, agents, state_interval_s);
    }
  });
  const auto flush = [&] {
    const std::size_t bytes =
        record.events.size() * sizeof(trace::EventRow) + record.hostility.size() * sizeof(float);
    writer.submit(bytes, [&trace, events = std::move(record.events),
                          hostility = std::move(record.hostility)] {
      trace.append_events(events);
      trace.append_hostility(hostility);
    });
    record.events.clear();
    record.hostility.clear();
  };
  ReplicationHooks hooks;
  if (interruptible) {
    hooks.before_step = [] {
      if (const int signal = interrupt_signal()) throw Interrupted{signal};
    };
  }
  hooks.after_step = [&](const agents::PlatformWorld& stepped, trace::RunRecord& recorded) {
    if (state_every > 0 && stepped.steps_taken() % state_every == 0) {
      auto sample = std::make_shared<const trace::TraceFile::StateSample>(sample_states(stepped));
      writer.submit(agents * (4 * sizeof(float) + 1),
                    [&trace, sample] { trace.append_states(*sample); });
    }
    if (recorded.events.size() * sizeof(trace::EventRow) + recorded.hostility.size() * sizeof(float)
        >= kBatchBytes) {
      flush();
    }
  };
  step_replication(world, steps, settings.recording, record, hooks);
  flush();
  trace::summarize_run(world, seed, policy, replication, record);
  writer.submit(0, [&trace, row = record]() mutable { trace.end_run(row); });
}

}  // namespace hotline::cli
