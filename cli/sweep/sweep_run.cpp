#include "sweep/sweep_run.hpp"

#include <cmath>
#include <stdexcept>

#include "common/interrupt.hpp"
#include "common/replication.hpp"
#include "hotline/agents/platform_world.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "risk/risk_plan.hpp"

namespace hotline::cli {

SweepPlan plan_from_identity(const trace::TraceIdentity& identity, const std::string& where) {
  const auto events = trace::parse_event_detail(identity.events);
  if (!events)
    throw std::runtime_error(where + ": unknown events detail '" + identity.events + "'");
  SweepPlan plan;
  const scenarios::Scenario scenario = scenarios::load_scenario_text(identity.resolved_yaml, where);
  plan.spec = scenarios::build_world_spec(scenario);
  if (identity.design)
    plan.design = points_from_identity(
        *identity.design, scenario, where,
        static_cast<std::size_t>(engine::ThreadControl::hardware_threads()) + 1);
  plan.policies = identity.policies;
  plan.seed = identity.seed;
  plan.steps = steps_for_days(plan.spec, identity.days);
  plan.recording = recording_for(plan.spec, *events);
  if (!identity.risk.empty()) plan.risk = risk_settings_from_text(identity.risk, plan.steps, where);
  return plan;
}

FinishedRun simulate_run(const SweepPlan& plan, engine::RunKey key,
                         const std::atomic<bool>& cancel) {
  if (plan.risk) return estimate_risk_cell(plan, key, cancel);
  // The point's world; its random streams are the same at every point.
  const std::shared_ptr<const agents::WorldSpec> point_spec =
      plan.design ? plan.design->spec(key.point) : nullptr;
  const agents::WorldSpec& spec = point_spec ? *point_spec : plan.spec;
  agents::PlatformWorld world = build_world(
      spec, plan.seed, key.replication, spec.policies.empty() ? 0 : plan.policies.at(key.policy));
  trace::RunRecord record;
  record.summary.point = key.point;
  record.summary.policy = key.policy;
  record.summary.replication = key.replication;
  ReplicationHooks hooks;
  hooks.before_step = [&cancel] {
    if (const int signal = interrupt_signal()) throw Interrupted{signal};
    if (cancel.load(std::memory_order_relaxed)) throw RunCancelled{};
  };
  step_replication(world, plan.steps, plan.recording, record, hooks);
  trace::summarize_run(world, plan.seed, key.policy, key.replication, record);
  FinishedRun finished{key, trace::encode_run_record(record), {}};
  for (std::size_t p = 0; p < engine::kPhaseCount; ++p) {
    finished.timing.phase_ns[p] = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                      world.timers().total(static_cast<engine::Phase>(p)))
                                      .count();
  }
  finished.timing.platform_steps =
      static_cast<double>(world.steps_taken()) * static_cast<double>(world.platform_count());
  return finished;
}

}  // namespace hotline::cli
