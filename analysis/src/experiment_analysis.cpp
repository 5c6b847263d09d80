#include "hotline/analysis/experiment_analysis.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hotline::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A measure of every run: value(point, policy, replication), NaN where the
// file has no such run or the run has no value.
class Cube {
 public:
  Cube(std::size_t points, std::size_t policies, std::size_t replications)
      : policies_(policies),
        replications_(replications),
        values_(points * policies * replications, kNaN) {}
  double& at(std::size_t point, std::size_t policy, std::size_t replication) {
    return values_[(point * policies_ + policy) * replications_ + replication];
  }
  [[nodiscard]] double at(std::size_t point, std::size_t policy, std::size_t replication) const {
    return values_[(point * policies_ + policy) * replications_ + replication];
  }
  [[nodiscard]] std::size_t replications() const { return replications_; }

 private:
  std::size_t policies_;
  std::size_t replications_;
  std::vector<double> values_;
};

Cube cube_of(const trace::TraceReader& trace, const RunMetric& metric, std::size_t points,
             std::size_t policies, std::size_t replications) {
  Cube cube(points, policies, replications);
  for (const trace::SummaryRow& run : trace.summary())
    cube.at(run.point, run.policy, run.replication) = metric.of(run);
  return cube;
}

// The response and the paired difference at every point.
std::vector<PointResponse> point_responses(const Cube& cube, std::size_t points,
                                           std::size_t policies, std::size_t baseline,
                                           double confidence) {
  std::vector<PointResponse> out;
  for (std::size_t point = 0; point < points; ++point) {
    for (std::size_t policy = 0; policy < policies; ++policy) {
      PointResponse r;
      r.point = point;
      r.policy = policy;
      std::vector<double> values;
      std::vector<double> differences;
      for (std::size_t k = 0; k < cube.replications(); ++k) {
        values.push_back(cube.at(point, policy, k));
        differences.push_back(cube.at(point, policy, k) - cube.at(point, baseline, k));
      }
      r.value = mean_interval(present_values(values), confidence);
      if (policy != baseline) {
        r.difference = mean_interval(present_values(differences), confidence);
        r.verdict = verdict_of(r.difference.low, r.difference.high, 0.0);
      }
      out.push_back(r);
    }
  }
  return out;
}

// Replication k's average of `of(point, k)` over `at_level` (NaN if none
// has a value).
template <class Of>
std::vector<double> replication_averages(const std::vector<std::size_t>& at_level,
                                         std::size_t replications, const Of& of) {
  std::vector<double> out;
  for (std::size_t k = 0; k < replications; ++k) {
    double sum = 0.0;
    double n = 0.0;
    for (const std::size_t point : at_level) {
      const double v = of(point, k);
      if (std::isnan(v)) continue;
      sum += v;
      n += 1.0;
    }
    out.push_back(n > 0.0 ? sum / n : kNaN);
  }
  return out;
}

std::vector<LevelResponse> level_responses(const Cube& cube, const trace::DesignIdentity& design,
                                           std::size_t policies, std::size_t baseline,
                                           double confidence) {
  std::vector<LevelResponse> out;
  for (std::size_t f = 0; f < design.factors.size(); ++f) {
    for (const double level : factor_levels(design, f)) {
      std::vector<std::size_t> at_level;
      for (std::size_t p = 0; p < design.points(); ++p)
        if (design.value(p, f) == level) at_level.push_back(p);
      for (std::size_t policy = 0; policy < policies; ++policy) {
        LevelResponse r{f, level, at_level.size(), policy, {}, {}, Verdict::no_interval};
        r.value =
            mean_interval(present_values(replication_averages(
                              at_level, cube.replications(),
                              [&](std::size_t p, std::size_t k) { return cube.at(p, policy, k); })),
                          confidence);
        if (policy != baseline) {
          r.difference =
              mean_interval(present_values(replication_averages(at_level, cube.replications(),
                                                                [&](std::size_t p, std::size_t k) {
                                                                  return cube.at(p, policy, k)
                                                                         - cube.at(p, baseline, k);
                                                                })),
                            confidence);
          r.verdict = verdict_of(r.difference.low, r.difference.high, 0.0);
        }
        out.push_back(r);
      }
    }
  }
  return out;
}

// The factors' effects on `of(point, k)`, every (point, replication) an
// observation and each replication a block.
template <class Of>
Sensitivity effects(const trace::DesignIdentity& design, std::size_t replications, const Of& of,
                    double confidence) {
  SensitivityData data;
  data.factors.resize(design.factors.size());
  for (std::size_t p = 0; p < design.points(); ++p) {
    for (std::size_t k = 0; k < replications; ++k) {
      for (std::size_t f = 0; f < design.factors.size(); ++f)
        data.factors[f].push_back(design.value(p, f));
      data.response.push_back(of(p, k));
      data.block.push_back(static_cast<std::uint32_t>(k));
    }
  }
  return sensitivity(data, confidence);
}

MeasureStudy study_measure(const trace::TraceReader& trace, const RunMetric& metric,
                           const ExperimentStudy& study) {
  const std::size_t points = study.design.points();
  const std::size_t policies = study.policies.size();
  const Cube cube = cube_of(trace, metric, points, policies, study.replications);
  MeasureStudy m;
  m.metric = &metric;
  m.points = point_responses(cube, points, policies, study.baseline, study.confidence);
  m.levels = level_responses(cube, study.design, policies, study.baseline, study.confidence);
  for (std::size_t policy = 0; policy < policies; ++policy) {
    m.on_response.push_back(effects(
        study.design, study.replications,
        [&](std::size_t p, std::size_t k) { return cube.at(p, policy, k); }, study.confidence));
    if (policy == study.baseline) {
      m.on_difference.emplace_back();
      continue;
    }
    m.on_difference.push_back(effects(
        study.design, study.replications,
        [&](std::size_t p, std::size_t k) {
          return cube.at(p, policy, k) - cube.at(p, study.baseline, k);
        },
        study.confidence));
  }
  return m;
}

}  // namespace

std::vector<double> factor_levels(const trace::DesignIdentity& design, std::size_t factor) {
  std::vector<double> levels;
  for (std::size_t p = 0; p < design.points(); ++p)
    levels.push_back(design.value(p, factor));
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  // Too many levels, or (with other factors) one point per level as a
  // sampled design gives: the factor is studied point by point.
  const bool one_point_each = design.factors.size() > 1 && levels.size() == design.points();
  if (levels.size() > kMaxFactorLevels || one_point_each) levels.clear();
  return levels;
}

ExperimentStudy study_experiment(const trace::TraceReader& trace,
                                 const ComparisonOptions& options) {
  if (!(options.confidence > 0.0 && options.confidence < 1.0)) {
    throw ComparisonError(
        fmt::format("--confidence must lie between 0 and 1: got {}", options.confidence));
  }
  const trace::TraceIdentity& id = trace.identity();
  if (!id.design)
    throw ComparisonError(
        fmt::format("{}: a sweep without a design (not an experiment's file)", trace.path()));
  ExperimentStudy study;
  study.file = trace.path();
  study.scenario_name = id.scenario_name;
  study.scenario_hash = id.scenario_hash;
  study.hotline_version = id.hotline_version;
  study.seed = id.seed;
  study.days = id.days;
  study.replications = id.replications;
  study.design = *id.design;
  study.policies = id.policy_ids;
  study.confidence = options.confidence;
  study.runs = trace.summary().size();
  auto found = std::find(study.policies.begin(), study.policies.end(), options.baseline);
  // An experiment of one policy compares no policies: that one is its own
  // baseline whatever --baseline says.
  if (study.policies.size() == 1) found = study.policies.begin();
  if (found == study.policies.end()) {
    throw ComparisonError(
        fmt::format("{}: no policy '{}' to compare against; the file has {} "
                    "(--baseline picks one)",
                    trace.path(), options.baseline, fmt::join(study.policies, ", ")));
  }
  study.baseline = static_cast<std::size_t>(found - study.policies.begin());
  for (const RunMetric& metric : run_metrics())
    study.measures.push_back(study_measure(trace, metric, study));
  return study;
}

}  // namespace hotline::analysis
