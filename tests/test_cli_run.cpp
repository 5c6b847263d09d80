// `hotline run` as a user runs it: a summary for a valid scenario, the
// scenario's diagnostics and exit 2 for a bad one, usage errors exit 2;
// --set changes a scenario value for the run.
#include <catch2/catch.hpp>
#include <filesystem>
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

TEST_CASE("run --set changes scenario values; a bad one exits 2 with nothing written",
          "[cli][run]") {
  const std::string scenario = kSource + "/scenarios/tutorial_tense.yaml";
  const std::string base = "run " + scenario + " --days 2 --json --seed 5";
  const auto plain = run_hotline(base);
  const auto set = run_hotline(base + " --set incidents.hazard_scale=12 --set "
                                      "'forces.blue_cutters.mission.shadow=9 h'");
  REQUIRE(plain.exit_code == 0);
  REQUIRE(set.exit_code == 0);
  CHECK(plain.out != set.out);
  // The value as the scenario already has it: the same run.
  CHECK(run_hotline(base + " --set incidents.hazard_scale=4").out == plain.out);

  const std::string output = hotline::test::fresh_directory("run_set") + "/run.h5";
  const auto refused = [&](const std::string& setting, const std::string& says) {
    const auto r = run_hotline(base + " -o " + output + " --set " + setting);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    INFO(r.err);
    CHECK(r.err.find(says) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(output));
  };
  refused("hazard_scale", "write PATH=VALUE");
  refused("incidents.hazard_scal=3", "did you mean 'incidents.hazard_scale'?");
  refused("incidents.hazard_scale=lots", "'lots' is not a number");
  refused("'forces.blue_cutters.mission.shadow=9 km'", "forces[");
  refused("'policies.hotline.hotline.p_answer.l0=1.5'", "a probability must lie in [0, 1]");
  refused("incidents.hazard_scale=3 --set incidents.hazard_scale=5", "set twice");
}
