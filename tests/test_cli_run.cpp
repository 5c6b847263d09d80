// `hotline run` as a user runs it: a summary for a valid scenario, the
// scenario's diagnostics and exit 2 for a bad one, usage errors exit 2.
#include <catch2/catch.hpp>
#include <string>

#include "cli_runner.hpp"

using hotline::test::run_hotline;

namespace {

const std::string kSource = HOTLINE_SOURCE_DIR;

}  // namespace

TEST_CASE("run: a scenario's summary, as a table and as JSON", "[cli][run]") {
  const auto r = run_hotline("run " + kSource + "/scenarios/tutorial.yaml --days 2 --threads 2");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("Tutorial: two rivals around an island: policy none, 2 days, seed 1, "
                    "replication 0, 51 platforms",
                    0)
        == 0);
  CHECK(r.out.find("politics by rival dyad") != std::string::npos);
  CHECK(r.out.find("encounters and incidents by rival dyad") != std::string::npos);
  CHECK(r.out.find("blue-red") != std::string::npos);
  CHECK(r.out.find("zone presence") != std::string::npos);
  const auto j = run_hotline("run " + kSource + "/scenarios/tutorial.yaml --days 2 --json");
  REQUIRE(j.exit_code == 0);
  CHECK(j.out.rfind("{\"scenario\": \"Tutorial: two rivals around an island\", \"policy\": "
                    "\"none\", \"days\": 2",
                    0)
        == 0);
  CHECK(j.out.find("\"crisis_episodes\": ") != std::string::npos);
  CHECK(j.out.find("\"crisis_days\": ") != std::string::npos);
  CHECK(j.out.find("\"wars\": ") != std::string::npos);
  CHECK(j.out.find("\"first_crisis_day\": ") != std::string::npos);
  CHECK(j.out.find("\"connect_delay_median_hours\": ") != std::string::npos);
  CHECK(j.out.find("\"dyads\": [{\"dyad\": \"blue-red\"") != std::string::npos);
}

TEST_CASE("run: the same seed gives the same summary at any thread count", "[cli][run]") {
  const std::string base = "run " + kSource + "/scenarios/tutorial.yaml --days 3 --json --seed 9";
  const auto one = run_hotline(base + " --threads 1");
  const auto two = run_hotline(base + " --threads 2");
  REQUIRE(one.exit_code == 0);
  CHECK(one.out == two.out);
}

TEST_CASE("run: a bad scenario gives its diagnostics and exit 2", "[cli][run]") {
  const std::string bad = kSource + "/tests/data/invalid/unknown_unit.yaml";
  const auto r = run_hotline("run " + bad);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.rfind(bad + ":11:57: zones[0].circle.radius: unknown length unit 'miles'", 0) == 0);
  const auto usage = run_hotline("run " + kSource + "/scenarios/tutorial.yaml --days 0");
  CHECK(usage.exit_code == 2);
  CHECK(usage.err.rfind("hotline: error: --days", 0) == 0);
}

TEST_CASE("run: --policy picks a policy by id, and an unknown one exits 2", "[cli][run]") {
  const std::string base = "run " + kSource + "/scenarios/tutorial.yaml --days 2 --json";
  const auto hotline = run_hotline(base + " --policy hotline --replication 3");
  REQUIRE(hotline.exit_code == 0);
  CHECK(hotline.out.find("\"policy\": \"hotline\"") != std::string::npos);
  CHECK(hotline.out.find("\"replication\": 3") != std::string::npos);
  const auto unknown = run_hotline(base + " --policy telepathy");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK(unknown.err
        == kSource
               + "/scenarios/tutorial.yaml: error: no policy 'telepathy' (the scenario's "
                 "policies: none, hotline, direct_link, cues, notification, "
                 "trilateral_dialogue, all_with_reliable_hotline)\n");
  const auto empty = run_hotline(base + " --policy \"\"");
  CHECK(empty.exit_code == 2);
  CHECK(empty.err == "hotline: error: --policy needs a policy id\n");
}

TEST_CASE("run --posture holds every nation's posture, and says what it takes", "[cli][run]") {
  // Held at 0 (levels still move; postures, and so missions, do not), with
  // the exposure figures in the JSON; a level beyond 3 is refused.
  const std::string base = "run " + kSource + "/scenarios/tutorial.yaml --days 5 --json";
  const auto held = run_hotline(base + " --posture 0");
  REQUIRE(held.exit_code == 0);
  CHECK(held.out.find("\"intercepts\": ") != std::string::npos);
  CHECK(held.out.find("\"airspace_violations\": ") != std::string::npos);
  CHECK(held.out.find("\"vessel_days\": ") != std::string::npos);
  CHECK(held.out.find("\"longest_streak_days\": ") != std::string::npos);
  const auto bad = run_hotline(base + " --posture 4");
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err
        == "hotline: error: --posture expects a whole number in [0, 3] (too large): got '4'\n");
}
