// Experiments swept end to end, as a user runs them: `hotline sweep
// EXPERIMENT.yaml` and `hotline sweep SCENARIO --vary`. Common random
// numbers across design points (a factor that leaves the world unchanged
// reproduces the base point bit for bit; paired differences vary less than
// unpaired ones), the /design group, resume after kill -9, shards and
// merge, and the refusals — with exit 2 and nothing written.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.hpp"
#include "hotline/trace/reader.hpp"
#include "hotline/trace/run_record.hpp"
#include "same_content_check.hpp"

using hotline::test::check_same_content;
using hotline::test::fresh_directory;
using hotline::test::run_hotline;
using hotline::trace::RunRecord;
using hotline::trace::TraceReader;

namespace {

const std::string kSource = HOTLINE_SOURCE_DIR;
const std::string kTutorial = kSource + "/scenarios/tutorial.yaml";

// The runs of a file, each with its point set to 0 and without its rows'
// places in the file, so that runs of two points compare byte for byte.
std::vector<std::vector<std::byte>> runs_without_point(const TraceReader& trace,
                                                       std::uint32_t point) {
  std::vector<std::vector<std::byte>> runs;
  for (std::size_t i = 0; i < trace.summary().size(); ++i) {
    if (trace.summary()[i].point != point) continue;
    RunRecord record = trace.read_run(i);
    record.summary.point = 0;
    record.summary.events_begin = 0;
    record.summary.hostility_begin = 0;
    for (auto& row : record.dyads)
      row.point = 0;
    for (auto& row : record.presence)
      row.point = 0;
    for (auto& row : record.events)
      row.point = 0;
    runs.push_back(hotline::trace::encode_run_record(record));
  }
  return runs;
}

double variance(const std::vector<double>& x) {
  double mean = 0.0;
  for (double v : x)
    mean += v / static_cast<double>(x.size());
  double sum = 0.0;
  for (double v : x)
    sum += (v - mean) * (v - mean);
  return sum / static_cast<double>(x.size() - 1);
}

}  // namespace

TEST_CASE("a factor that leaves the world unchanged reproduces the base point bit for bit",
          "[experiment][cli]") {
  const std::string dir = fresh_directory("experiment_noop");
  // The hotline's answer probability changes nothing under 'none' and
  // 'cues' (no hotline there): every point's runs are the plain sweep's.
  const std::string common =
      " --days 4 --replications 3 --policies none,cues --quiet "
      "--events all";
  REQUIRE(run_hotline("sweep " + kTutorial + common + " -o " + dir + "/plain.h5").exit_code == 0);
  // Every run simulated: the common random numbers alone make them equal.
  const std::string vary = " --vary policies.hotline.hotline.p_answer.l2=0.1,0.5,0.9";
  const auto varied =
      run_hotline("sweep " + kTutorial + common + vary + " --no-reuse -o " + dir + "/v.h5");
  REQUIRE(varied.exit_code == 0);
  CHECK_THAT(varied.out, Catch::Contains("3 design points × 2 policies × 3 replications"));
  CHECK_THAT(varied.out, Catch::Contains("18 runs in"));
  // Reused: the other points' runs copied from point 0's, the same file.
  const auto reused = run_hotline("sweep " + kTutorial + common + vary + " -o " + dir + "/r.h5");
  REQUIRE(reused.exit_code == 0);
  CHECK_THAT(reused.out, Catch::Contains("6 runs in"));
  CHECK_THAT(reused.out, Catch::Contains("12 more the same as another design point's"));
  check_same_content(dir + "/v.h5", dir + "/r.h5");
  const TraceReader plain(dir + "/plain.h5");
  const TraceReader design(dir + "/v.h5");
  REQUIRE(design.identity().design);
  CHECK(design.identity().design->points() == 3);
  CHECK(design.summary().size() == 18);
  const auto base = runs_without_point(plain, 0);
  REQUIRE(base.size() == 6);
  for (std::uint32_t point = 0; point < 3; ++point) {
    INFO("point " << point);
    CHECK(runs_without_point(design, point) == base);
  }
}

TEST_CASE("replication k is paired across design points: the paired difference varies less",
          "[experiment][cli]") {
  const std::string dir = fresh_directory("experiment_pairing");
  // Twice the blue cutters: more encounters, on the same random streams.
  const auto swept = run_hotline("sweep " + kTutorial
                                 + " --days 6 --replications 10 --policies none --quiet "
                                   "--events none --vary forces.blue_cutters.count=4,8 -o "
                                 + dir + "/pairs.h5");
  REQUIRE(swept.exit_code == 0);
  const TraceReader trace(dir + "/pairs.h5");
  std::vector<double> low(10);
  std::vector<double> high(10);
  for (const auto& row : trace.summary())
    (row.point == 0 ? low : high)[row.replication] = row.encounter_hours;
  std::vector<double> difference;
  for (std::size_t k = 0; k < 10; ++k)
    difference.push_back(high[k] - low[k]);
  const double paired = variance(difference);
  const double unpaired = variance(low) + variance(high);
  INFO("paired " << paired << ", unpaired " << unpaired);
  CHECK(paired < unpaired);
}

TEST_CASE("an experiment file sweeps its design and records it in /design", "[experiment][cli]") {
  const std::string dir = fresh_directory("experiment_file");
  std::ofstream(dir + "/study.yaml") << "experiment: {name: cutters and answers}\n"
                                     << "scenario: " << kTutorial << "\n"
                                     << R"(factors:
  - name: cutters
    path: forces.blue_cutters.count
    values: [2, 4, 6]
  - name: delay
    path: policies.hotline.hotline.retry_interval
    values: [30 min, 120 min]
policies: [none, hotline]
replications: 2
days: 2
seed: 9
)";
  const auto swept = run_hotline("sweep " + dir + "/study.yaml --quiet -o " + dir + "/s.h5");
  INFO(swept.err);
  REQUIRE(swept.exit_code == 0);
  CHECK_THAT(swept.out, Catch::Contains("6 design points × 2 policies × 2 replications, 2 days, "
                                        "seed 9"));
  const TraceReader trace(dir + "/s.h5");
  const auto& design = *trace.identity().design;
  CHECK(design.name == "cutters and answers");
  REQUIRE(design.factors.size() == 2);
  CHECK(design.factors[1].unit == "min");
  CHECK(design.factors[1].si_unit == "s");
  CHECK(design.value(5, 0) == 6.0);
  CHECK(design.value(5, 1) == 120.0);
  CHECK(trace.summary().size() == 24);
  // Canonical order: point-major, then policy, then replication.
  CHECK(trace.summary()[5].point == 1);
  CHECK(trace.summary()[5].policy == 0);
  CHECK(trace.summary()[5].replication == 1);
  // The platforms column follows the factor exactly: 2 more per level.
  CHECK(trace.summary()[4].platforms + 2 == trace.summary()[8].platforms);
  // The command line overrides the file's settings.
  const auto shorter = run_hotline(
      "sweep " + dir + "/study.yaml --quiet --replications 1 --seed 3 -o " + dir + "/short.h5");
  REQUIRE(shorter.exit_code == 0);
  CHECK_THAT(shorter.out, Catch::Contains("× 1 replications, 2 days, seed 3"));
}

TEST_CASE("an experiment's shards merge to the unsharded file and a sweep resumes identically",
          "[experiment][cli][resume][repeat]") {
  const std::string dir = fresh_directory("experiment_shards");
  // The answer probability reaches the hotline alone: `none` runs are
  // reused across its points, within a shard where the source is there.
  const std::string base = "sweep " + kTutorial
                           + " --days 3 --replications 3 --policies none,hotline --quiet "
                             "--events incidents --vary forces.red_cutters.count=2..6:3 "
                             "--vary policies.hotline.hotline.p_answer.l2=0.2,0.8";
  REQUIRE(run_hotline(base + " -o " + dir + "/all.h5").exit_code == 0);
  for (int i = 1; i <= 4; ++i) {
    REQUIRE(run_hotline(base + " --shard " + std::to_string(i) + "/4 -o " + dir + "/s"
                        + std::to_string(i) + ".h5")
                .exit_code
            == 0);
  }
  const auto merged = run_hotline("merge " + dir + "/s2.h5 " + dir + "/s4.h5 " + dir + "/s1.h5 "
                                  + dir + "/s3.h5 -o " + dir + "/m.h5");
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  CHECK_THAT(merged.out, Catch::Contains("6 design points × 2 policies × 3 replications"));
  check_same_content(dir + "/all.h5", dir + "/m.h5");
  // Shards of another experiment (other values) do not merge.
  const std::string other = "sweep " + kTutorial
                            + " --days 3 --replications 3 --policies none,hotline --quiet "
                              "--events incidents --vary forces.red_cutters.count=2..8:4 "
                              "--vary policies.hotline.hotline.p_answer.l2=0.2,0.8";
  REQUIRE(run_hotline(other + " --shard 2/4 -o " + dir + "/other2.h5").exit_code == 0);
  const auto mixed = run_hotline("merge " + dir + "/s1.h5 " + dir + "/other2.h5 " + dir + "/s3.h5 "
                                 + dir + "/s4.h5 -o " + dir + "/x.h5");
  CHECK(mixed.exit_code == 2);
  CHECK_THAT(mixed.err, Catch::Contains("shards of different sweeps: design:"));
  CHECK_FALSE(std::filesystem::exists(dir + "/x.h5"));

  // Killed with kill -9 after its first run, then resumed: the same file.
  const std::string killed = dir + "/killed.h5";
  const std::vector<std::string> arguments{"sweep",
                                           kTutorial,
                                           "--days",
                                           "3",
                                           "--replications",
                                           "3",
                                           "--policies",
                                           "none,hotline",
                                           "--quiet",
                                           "--events",
                                           "incidents",
                                           "--vary",
                                           "forces.red_cutters.count=2..6:3",
                                           "--vary",
                                           "policies.hotline.hotline.p_answer.l2=0.2,0.8",
                                           "-o",
                                           killed};
  const pid_t pid = hotline::test::start_hotline(arguments);
  hotline::test::kill_once_journal_holds_a_run(pid, killed + ".journal");
  const auto resumed = run_hotline(base + " --resume -o " + killed);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  check_same_content(dir + "/all.h5", killed);
}

TEST_CASE("bad experiment input exits 2 naming the problem and writes nothing",
          "[experiment][cli]") {
  const std::string dir = fresh_directory("experiment_refusals");
  const auto refused = [&](const std::string& arguments, const std::string& message) {
    const auto result = run_hotline("sweep " + arguments + " --quiet -o " + dir + "/out.h5");
    INFO(arguments);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(message));
    CHECK(result.out.empty());
    CHECK(std::filesystem::is_empty(dir));
  };
  refused(kTutorial + " --vary forces.blue_cutters.cuont=2,3", "did you mean");
  refused(kTutorial + " --vary forces.blue_cutters.count=2,3 --vary a=1 --vary b=2",
          "one or two --vary");
  refused(kTutorial + " --vary policies.hotline.hotline.retry_interval=1,2", "give it a unit");
  refused(kTutorial + " --vary policies.hotline.hotline.p_answer.l2=0.5..1.5:3",
          "the scenario refuses");
  refused(kTutorial + " --vary policies.hotline.hotline.p_answer=0.1,0.2",
          "is a mapping, not a number");
  refused(kTutorial + " --vary policies.hotline.hotline.p_answer.l2=0.5..0.5:3",
          "the range is empty");
  refused(kTutorial + " --vary forces.blue_cutters.count", "is not PATH=VALUES");
  refused(kTutorial + " --vary 'output.hostility_interval=1 h,2 h'", "cannot be a factor");
  std::ofstream(dir + "/../experiment_refusals_big.yaml")
      << "experiment: {name: big}\nscenario: " << kTutorial << R"(
factors:
  - path: policies.hotline.hotline.p_answer.l0
    range: {from: 0.1, to: 0.9, count: 400}
  - path: policies.hotline.hotline.p_answer.l1
    range: {from: 0.1, to: 0.9, count: 400}
)";
  refused(dir + "/../experiment_refusals_big.yaml", "more than the 100000");
  refused(dir + "/../experiment_refusals_big.yaml --vary a=1,2", "leave out --vary");
  const auto run = run_hotline("run " + kSource + "/experiments/hotline_answer_study.yaml");
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::Contains("an experiment file, not a scenario"));
}
