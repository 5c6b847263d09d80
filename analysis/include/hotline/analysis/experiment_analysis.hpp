// An experiment's sweep file read as a study of its factors: for each
// measure (run_metrics.hpp), the response at every design point under every
// policy; each policy against the baseline, paired by replication, at
// every point and at every level of every factor; and the factors ranked by
// their effect on the response and on that difference (sensitivity.hpp).
//
// Every interval is over replications, which are independent of each
// other: a replication k ran on the same random streams at every point and
// under every policy (common random numbers), so the runs within one
// replication are not. A factor level's response is therefore the mean
// over replications of each replication's average over the points at that
// level, with a Student-t interval on those averages; a policy difference
// is the same on each replication's paired differences. Counts are taken
// as per-run rates (count / years) and averaged like any other measure; the
// exact Poisson intervals of a plain policy comparison (policy_comparison
// .hpp) belong to one point, and `hotline report --point N` gives them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "hotline/analysis/policy_comparison.hpp"
#include "hotline/analysis/run_metrics.hpp"
#include "hotline/analysis/sensitivity.hpp"
#include "hotline/analysis/statistics.hpp"
#include "hotline/trace/identity.hpp"
#include "hotline/trace/reader.hpp"

namespace hotline::analysis {

// A factor's levels are summarized one by one when it has at most this
// many distinct values (a full factorial, a NOLH with few levels); a
// sampled factor is shown point by point and ranked, not cut into levels.
inline constexpr std::size_t kMaxFactorLevels = 20;

struct PointResponse {
  std::size_t point = 0;
  std::size_t policy = 0;
  MeanInterval value;  // over the point's replications
  // Against the baseline at the same point, paired by replication (not for
  // the baseline itself).
  MeanInterval difference;
  Verdict verdict = Verdict::no_interval;
};

struct LevelResponse {
  std::size_t factor = 0;
  double level = 0.0;  // in the factor's unit
  std::size_t points = 0;
  std::size_t policy = 0;
  MeanInterval value;       // over replications of their average over the level's points
  MeanInterval difference;  // the same of policy − baseline (not for the baseline)
  Verdict verdict = Verdict::no_interval;
};

struct MeasureStudy {
  const RunMetric* metric = nullptr;
  std::vector<PointResponse> points;  // point-major, then policy
  std::vector<LevelResponse> levels;  // factor-major, then level, then policy
  // By policy: the factors' effects on the response, and on the paired
  // difference against the baseline (empty for the baseline itself).
  std::vector<Sensitivity> on_response;
  std::vector<Sensitivity> on_difference;
};

struct ExperimentStudy {
  std::string file;
  std::string scenario_name;
  std::string scenario_hash;
  std::string hotline_version;
  std::uint64_t seed = 0;
  double days = 0.0;
  std::uint32_t replications = 0;
  trace::DesignIdentity design;
  std::vector<std::string> policies;
  std::size_t baseline = 0;
  double confidence = 0.95;
  std::size_t runs = 0;
  std::vector<MeasureStudy> measures;  // run_metrics() order
};

// Throws ComparisonError (unknown baseline, bad confidence, a file without
// a design) or TraceError.
[[nodiscard]] ExperimentStudy study_experiment(const trace::TraceReader& trace,
                                               const ComparisonOptions& options);

// The distinct values of factor `factor` over the design's points, sorted;
// empty when there are more than kMaxFactorLevels, or when the design has
// other factors and each value is at one point only (a Latin hypercube).
[[nodiscard]] std::vector<double> factor_levels(const trace::DesignIdentity& design,
                                                std::size_t factor);

}  // namespace hotline::analysis
