// The design points of an experiment's sweep: the world description of
// each point, built when a run of the point first needs it and kept while
// the runs of nearby points do (a few at a time, however many points the
// design has), and the design as the trace file records it.
//
// Every point's world is the resolved scenario with the point's factor
// values written in (scenarios::experiment_point_scenario). The random
// streams of a run depend on (seed, replication, ...) and never on the
// point or the policy, so replication k of every point and every policy
// draws the same numbers: differences between points are paired, and a
// factor that leaves the world unchanged reproduces the base point's run
// bit for bit.
#pragma once

#include <atomic>
#include <cstdint>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "hotline/agents/world_spec.hpp"
#include "hotline/scenarios/experiment.hpp"
#include "hotline/trace/identity.hpp"

namespace hotline::cli {

class DesignPoints {
 public:
  // `kept` is how many points' worlds stay built at once.
  DesignPoints(std::shared_ptr<const scenarios::ResolvedScenario> resolved,
               std::vector<scenarios::ExperimentFactor> factors, scenarios::DesignTable table,
               std::size_t kept);

  [[nodiscard]] std::uint32_t count() const { return static_cast<std::uint32_t>(table_.points()); }
  // The world description of point `point`. Safe from several threads; a
  // point asked for while another thread builds it waits for that build.
  // Throws std::runtime_error naming the point and its values if the
  // scenario refuses the combination.
  [[nodiscard]] std::shared_ptr<const agents::WorldSpec> spec(std::uint32_t point) const;
  // "answer_probability = 0.5, answer_delay = 6 h"
  [[nodiscard]] std::string describe(std::uint32_t point) const;
  // The worlds built so far in this process (a point is built again if it
  // was let go and asked for later), and the thread time they took.
  [[nodiscard]] std::uint64_t built() const { return built_.load(); }
  [[nodiscard]] double build_seconds() const {
    return 1e-9 * static_cast<double>(build_ns_.load());
  }

 private:
  using Built = std::shared_future<std::shared_ptr<const agents::WorldSpec>>;
  [[nodiscard]] std::shared_ptr<const agents::WorldSpec> build(std::uint32_t point) const;

  std::shared_ptr<const scenarios::ResolvedScenario> resolved_;
  std::vector<scenarios::ExperimentFactor> factors_;
  scenarios::DesignTable table_;
  std::size_t kept_;
  mutable std::mutex mutex_;
  mutable std::list<std::pair<std::uint32_t, Built>> recent_;  // most recently asked first
  mutable std::atomic<std::uint64_t> built_{0};
  mutable std::atomic<std::int64_t> build_ns_{0};
};

// The design as the trace file records it.
[[nodiscard]] trace::DesignIdentity design_identity(const scenarios::Experiment& experiment);

// The design points a file's identity describes, on its resolved scenario:
// what every MPI rank rebuilds from rank 0's identity. Throws
// std::runtime_error naming `where` if a path no longer names a scalar.
[[nodiscard]] std::shared_ptr<const DesignPoints> points_from_identity(
    const trace::DesignIdentity& design, const scenarios::Scenario& scenario,
    const std::string& where, std::size_t kept);

}  // namespace hotline::cli
