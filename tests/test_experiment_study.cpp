// The study of an experiment's file (analysis/experiment_analysis.hpp) on a
// real sweep: levels average their points, a factor that changes nothing
// has exactly no effect, each policy's difference is paired, and the
// report's formats hold every measure.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>
#include <string>

#include "cli_runner.hpp"
#include "hotline/analysis/experiment_analysis.hpp"
#include "hotline/analysis/experiment_report.hpp"
#include "hotline/trace/reader.hpp"

using namespace hotline::analysis;
using hotline::test::fresh_directory;
using hotline::test::run_hotline;

namespace {

const std::string kTutorial = std::string(HOTLINE_SOURCE_DIR) + "/scenarios/tutorial.yaml";

// The tutorial with more militia or less, and the hotline answering more or
// less: 3 × 2 points, none and hotline, 4 replications of 8 days.
const std::string& study_file() {
  static const std::string path = [] {
    // One folder per process: ctest runs these test cases side by side.
    const std::string dir = fresh_directory("experiment_study_" + std::to_string(::getpid()));
    const auto swept = run_hotline(
        "sweep " + kTutorial
        + " --days 8 --replications 4 --policies none,hotline --quiet --events none "
          "--vary forces.red_militia.count=10..30:3 "
          "--vary policies.hotline.hotline.p_answer.l2=0.1,0.9 -o "
        + dir + "/study.h5");
    REQUIRE(swept.exit_code == 0);
    return dir + "/study.h5";
  }();
  return path;
}

const MeasureStudy& measure(const ExperimentStudy& s, std::string_view id) {
  for (const MeasureStudy& m : s.measures)
    if (m.metric->id == id) return m;
  FAIL("no measure " << id);
  return s.measures.front();
}

}  // namespace

TEST_CASE("an experiment's study has every point level and policy", "[experiment][analysis]") {
  const hotline::trace::TraceReader trace(study_file());
  const ExperimentStudy s = study_experiment(trace, {});
  CHECK(s.design.points() == 6);
  CHECK(s.policies == std::vector<std::string>{"none", "hotline"});
  CHECK(s.runs == 48);
  const MeasureStudy& m = measure(s, "expected_grave_incidents");
  CHECK(m.points.size() == 12);
  CHECK(m.levels.size() == (3 + 2) * 2);
  REQUIRE(m.on_response.size() == 2);
  CHECK(m.on_response[0].observations == 24);
  CHECK(m.on_response[0].blocks == 4);
  CHECK(m.on_difference[0].factors.empty());  // the baseline has no difference
}

TEST_CASE("a level's response is the mean of its points' responses in a full factorial",
          "[experiment][analysis]") {
  const hotline::trace::TraceReader trace(study_file());
  const ExperimentStudy s = study_experiment(trace, {});
  const MeasureStudy& m = measure(s, "expected_grave_incidents");
  for (const LevelResponse& level : m.levels) {
    double sum = 0.0;
    double n = 0.0;
    for (const PointResponse& p : m.points) {
      if (p.policy != level.policy || s.design.value(p.point, level.factor) != level.level)
        continue;
      sum += p.value.mean;
      n += 1.0;
    }
    CHECK(level.points == static_cast<std::size_t>(n));
    CHECK(level.value.mean == Approx(sum / n).epsilon(1e-12));
  }
}

TEST_CASE("a factor that changes nothing has exactly no effect", "[experiment][analysis]") {
  const hotline::trace::TraceReader trace(study_file());
  const ExperimentStudy s = study_experiment(trace, {});
  const MeasureStudy& m = measure(s, "expected_grave_incidents");
  // Under `none` the hotline's answer probability does nothing: within a
  // replication the response does not move with it at all.
  const FactorSensitivity& answer = m.on_response[0].factors[1];
  CHECK(answer.slope == Approx(0.0).margin(1e-12));
  CHECK(answer.slope_low == Approx(0.0).margin(1e-9));
  CHECK(answer.slope_high == Approx(0.0).margin(1e-9));
  // The militia's size does move the hazard's expected grave incidents.
  const FactorSensitivity& militia = m.on_response[0].factors[0];
  CHECK(std::isfinite(militia.src));
  // And the points that differ only in the answer probability are the
  // same runs under `none`: their point responses are equal.
  for (const PointResponse& p : m.points) {
    if (p.policy != 0 || p.point % 2 != 0) continue;
    CHECK(m.points[(p.point + 1) * 2].value.mean == p.value.mean);
  }
}

TEST_CASE("the experiment report writes every measure in each format", "[experiment][analysis]") {
  const hotline::trace::TraceReader trace(study_file());
  const ExperimentStudy s = study_experiment(trace, {});
  std::ostringstream md, csv, json;
  write_experiment_report(s, ReportFormat::markdown, md);
  write_experiment_report(s, ReportFormat::csv, csv);
  write_experiment_report(s, ReportFormat::json, json);
  CHECK_THAT(md.str(), Catch::Contains("# Experiment: "));
  CHECK_THAT(md.str(), Catch::Contains("| forces.red_militia.count | 20 |"));
  CHECK_THAT(md.str(), Catch::Contains("hotline vs none, crisis-days:"));
  CHECK(csv.str().rfind("table,measure,policy,point,factor,level,estimate,low,high,n,verdict\n", 0)
        == 0);
  CHECK_THAT(csv.str(), Catch::Contains("src_difference,incident_rate,hotline,,"));
  CHECK(json.str().rfind("{\"kind\": \"experiment\"", 0) == 0);
  const auto lines = experiment_summary_lines(s);
  CHECK(lines.size() == 6);  // one per headline measure, for hotline
}

TEST_CASE("an experiment's report refuses a baseline it lacks and a file without a design",
          "[experiment][analysis]") {
  const hotline::trace::TraceReader trace(study_file());
  ComparisonOptions options;
  options.baseline = "cues";
  CHECK_THROWS_WITH(study_experiment(trace, options), Catch::Contains("no policy 'cues'"));
  CHECK_THROWS_WITH(compare_policies(trace, {}), Catch::Contains("--point N"));
  options = {};
  options.point = 6;
  CHECK_THROWS_WITH(compare_policies(trace, options), Catch::Contains("6 design points (0 to 5)"));
  options.point = 5;
  CHECK(compare_policies(trace, options).runs == 8);
}
