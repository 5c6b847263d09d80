// `hotline risk` end to end, as a user runs it: the estimate is the same
// file at any thread count, from shards merged in any order and after a
// kill -9 and --resume; `hotline report` reads it; bad input exits 2 with
// nothing written.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.hpp"
#include "hotline/trace/reader.hpp"
#include "same_content_check.hpp"

using hotline::test::check_same_content;
using hotline::test::fresh_directory;
using hotline::test::run_hotline;

namespace {

const std::string kSource = HOTLINE_SOURCE_DIR;
const std::string kTense = kSource + "/scenarios/tutorial_tense.yaml";
const std::string kEstimate = "risk " + kTense
                              + " --days 4 --effort 6 --repetitions 2 --policies none,hotline "
                                "--levels L1,L1:0.3,L2,clash --quiet";

}  // namespace

TEST_CASE("a risk estimate is one file at any thread count, from shards, and after a kill",
          "[risk][cli][resume][repeat]") {
  const std::string dir = fresh_directory("risk_cli");
  const auto one = run_hotline(kEstimate + " --threads 1 -o " + dir + "/one.h5");
  INFO(one.both());
  REQUIRE(one.exit_code == 0);
  CHECK_THAT(one.out, Catch::Contains("2 policies × 2 repetitions of 4 days, splitting, effort 6, "
                                      "clashes expected, levels L1,L1:0.3,L2,clash"));
  CHECK_THAT(one.out, Catch::Contains("| none |"));
  CHECK_THAT(one.out, Catch::Contains("relative error"));
  const auto two = run_hotline(kEstimate + " --threads 2 -o " + dir + "/two.h5");
  REQUIRE(two.exit_code == 0);
  check_same_content(dir + "/one.h5", dir + "/two.h5");

  const hotline::trace::TraceReader file(dir + "/one.h5");
  CHECK(file.identity().kind == "risk");
  CHECK(file.identity().risk == "splitting, effort 6, clashes expected, levels L1,L1:0.3,L2,clash");
  const auto records = file.risk_records();
  REQUIRE(records.size() == 4);
  for (const auto& r : records) {
    CHECK(r.effort == 6);
    CHECK(r.work_platform_steps > 0);
    // The last stage by expected clashes, the others by the runs that
    // reached their level.
    double product = 1.0;
    for (std::size_t k = 0; k + 1 < r.reached.size(); ++k)
      product *= r.reached[k] / 6.0;
    CHECK(r.probability == Approx(r.reached.size() == 4 ? product * r.final_fraction : 0.0));
    CHECK(r.final_fraction >= 0.0);
  }
  CHECK(file.risk_level_names() == std::vector<std::string>{"L1", "L1:0.3", "L2", "clash"});

  for (int i = 1; i <= 3; ++i) {
    REQUIRE(run_hotline(kEstimate + " --shard " + std::to_string(i) + "/3 -o " + dir + "/s"
                        + std::to_string(i) + ".h5")
                .exit_code
            == 0);
  }
  const auto merged = run_hotline("merge " + dir + "/s3.h5 " + dir + "/s1.h5 " + dir + "/s2.h5 -o "
                                  + dir + "/merged.h5");
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  check_same_content(dir + "/one.h5", dir + "/merged.h5");

  const std::string killed = dir + "/killed.h5";
  const pid_t pid = hotline::test::start_hotline({"risk", kTense, "--days", "4", "--effort", "6",
                                                  "--repetitions", "2", "--policies",
                                                  "none,hotline", "--levels", "L1,L1:0.3,L2,clash",
                                                  "--quiet", "--threads", "1", "-o", killed});
  hotline::test::kill_once_journal_holds_a_run(pid, killed + ".journal");
  const auto resumed = run_hotline(kEstimate + " --resume -o " + killed);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  check_same_content(dir + "/one.h5", killed);

  const auto report = run_hotline("report " + dir + "/one.h5");
  REQUIRE(report.exit_code == 0);
  CHECK_THAT(report.out, Catch::Contains("# Clash risk"));
  CHECK_THAT(report.out, Catch::Contains("fixed-effort multilevel splitting, 6 runs per stage"));
  const auto json = run_hotline("report " + dir + "/one.h5 --format json");
  REQUIRE(json.exit_code == 0);
  CHECK_THAT(json.out, Catch::Contains("\"method\": \"splitting\""));
  const auto csv = run_hotline("report " + dir + "/one.h5 --format csv");
  CHECK(hotline::test::line_count(csv.out) == 3);
  const auto printed = run_hotline(kEstimate + " --json --force -o " + dir + "/one.h5");
  CHECK_THAT(printed.out, Catch::StartsWith("{\"file\": "));
}

TEST_CASE("plain Monte Carlo is the same procedure with the clash as its only level",
          "[risk][cli]") {
  const std::string dir = fresh_directory("risk_plain");
  const auto plain = run_hotline("risk " + kTense
                                 + " --days 2 --effort 5 --repetitions 2 --policies none "
                                   "--method plain --clashes indicator --quiet -o "
                                 + dir + "/plain.h5");
  INFO(plain.both());
  REQUIRE(plain.exit_code == 0);
  CHECK_THAT(plain.out, Catch::Contains("plain, effort 5, clashes indicator"));
  CHECK_THAT(plain.out, Catch::Contains("exact"));
  const hotline::trace::TraceReader file(dir + "/plain.h5");
  CHECK(file.risk_level_names() == std::vector<std::string>{"clash"});
  // Every run went the whole horizon or stopped at a clash.
  for (const auto& r : file.risk_records())
    CHECK(r.work_platform_steps <= 5 * 2 * 1440 * 60.0);
}

TEST_CASE("bad risk input exits 2 naming the problem and writes nothing", "[risk][cli]") {
  const std::string dir = fresh_directory("risk_refusals");
  const std::string out = dir + "/out.h5";
  const auto refused = [&](const std::string& arguments, const std::string& message) {
    const auto result = run_hotline(arguments + " -o " + out);
    INFO(arguments << "\n" << result.both());
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(message));
    CHECK_FALSE(std::filesystem::exists(out));
    CHECK_FALSE(std::filesystem::exists(out + ".journal"));
  };
  const std::string base = "risk " + kTense + " --days 2 --effort 4 --quiet";
  refused(base + " --levels L2,L1,clash", "--levels: 'L1' after 'L2': levels must rise");
  refused(base + " --levels L1,L2", "the last level must be the clash");
  refused(base + " --levels L1:1.5,clash", "the hostility must be a number in (0, 1)");
  refused("risk " + kTense + " --effort 0", "--effort expects a whole number in [1,");
  refused(base + " --repetitions 1", "--repetitions expects a whole number in [2,");
  refused("risk " + kTense + " --days 0.0001", "the horizon is shorter than one step");
  refused("risk " + kTense + " --days 0", "--days expects a number of days in (0, 100000]");
  refused(base + " --policies none,nosuch", "nosuch");
  refused(base + " --method sampling", "--method");
  refused("risk " + kSource + "/experiments/hotline_answer_study.yaml --effort 2",
          "hotline risk takes a scenario, not an experiment file");
  refused("risk " + dir + "/missing.yaml", "missing.yaml");

  // A journal of another estimate is not resumed.
  const std::string journaled = dir + "/journaled.h5";
  const pid_t pid =
      hotline::test::start_hotline({"risk", kTense, "--days", "6", "--effort", "8", "--repetitions",
                                    "4", "--quiet", "--threads", "1", "-o", journaled});
  hotline::test::kill_once_journal_holds_a_run(pid, journaled + ".journal");
  REQUIRE(std::filesystem::exists(journaled + ".journal"));
  const auto other = run_hotline(
      "risk " + kTense + " --days 6 --effort 9 --repetitions 4 --quiet --resume -o " + journaled);
  CHECK(other.exit_code == 2);
  CHECK_THAT(other.err,
             Catch::Contains("(risk estimate: splitting, effort 9, clashes expected, levels "
                             "L1,L2,L3,clash in this command, splitting, effort 8"));
  CHECK_FALSE(std::filesystem::exists(journaled));
  const auto tutorial = run_hotline("risk " + kSource
                                    + "/scenarios/tutorial.yaml --days 6 --effort 8 "
                                      "--repetitions 4 --quiet --resume -o "
                                    + journaled);
  CHECK(tutorial.exit_code == 2);
  CHECK_THAT(tutorial.err, Catch::Contains("scenario"));

  // A risk file's report has no plots.
  REQUIRE(run_hotline(base + " --repetitions 2 --policies none -o " + dir + "/small.h5").exit_code
          == 0);
  const auto plots = run_hotline("report " + dir + "/small.h5 --plots " + dir + "/plots");
  CHECK(plots.exit_code == 2);
  CHECK_THAT(plots.err, Catch::Contains("--plots is for sweeps"));
}
