// `hotline validate` as a user runs it: one line per file on stdout, every
// diagnostic on stderr, exit 2 when any file fails; --explain output loads.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "cli_runner.hpp"
#include "hotline/scenarios/scenario.hpp"

using hotline::test::line_count;
using hotline::test::run_hotline;

namespace {

const std::string kSource = HOTLINE_SOURCE_DIR;

}  // namespace

TEST_CASE("validate: a valid file gives one ok line and exit 0", "[cli][validate]") {
  const auto r = run_hotline("validate " + kSource + "/scenarios/tutorial.yaml");
  CHECK(r.exit_code == 0);
  CHECK(line_count(r.out) == 1);
  CHECK(r.out.find("tutorial.yaml: ok: \"Tutorial: two rivals around an island\", 4 nations")
        != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("validate: a bad file gives its diagnostics on stderr, one line, exit 2",
          "[cli][validate]") {
  const std::string bad = kSource + "/tests/data/invalid/many_errors_reported_at_once.yaml";
  const auto r = run_hotline("validate " + bad);
  CHECK(r.exit_code == 2);
  CHECK(r.out == bad + ": 5 errors\n");
  CHECK(line_count(r.err) == 5);
  CHECK(r.err.rfind(bad + ":3:17: frame.centre.lat: 95 is outside [-90, 90]\n", 0) == 0);
}

TEST_CASE("validate: several files, one line each, and any failure makes exit 2",
          "[cli][validate]") {
  const std::string good = kSource + "/scenarios/tutorial.yaml";
  const std::string bad = kSource + "/tests/data/invalid/unknown_unit.yaml";
  const auto r = run_hotline("validate " + good + " " + bad + " /no/such/file.yaml");
  CHECK(r.exit_code == 2);
  CHECK(line_count(r.out) == 3);
  CHECK(r.out.find(bad + ": 1 error\n") != std::string::npos);
  CHECK(r.out.find("/no/such/file.yaml: 1 error\n") != std::string::npos);
  CHECK(r.err.find("/no/such/file.yaml:1:1: cannot read the file") != std::string::npos);
}

TEST_CASE("validate --explain prints YAML that loads to the same scenario", "[cli][validate]") {
  const std::string file = kSource + "/scenarios/tutorial.yaml";
  const auto r = run_hotline("validate --explain " + file);
  REQUIRE(r.exit_code == 0);
  const auto original = hotline::scenarios::load_scenario_file(file);
  CHECK(hotline::scenarios::load_scenario_text(r.out, "explained.yaml") == original);
  CHECK(r.out.find("deploy_on: start") != std::string::npos);  // defaults are written out

  const auto two = run_hotline("validate --explain " + file + " " + file);
  CHECK(two.exit_code == 2);
  CHECK(two.err == "hotline: error: --explain takes one scenario file, got 2\n");
  CHECK(two.out.empty());
}

TEST_CASE("validate without a file is a usage error", "[cli][validate]") {
  const auto r = run_hotline("validate");
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("hotline: error: ", 0) == 0);
}

TEST_CASE("validate warns of a scenario that breaks the stability rule; --strict refuses it",
          "[cli][validate][stability]") {
  // The tutorial with hazard_scale 100 (the model's is 0.016): about 1,600 incidents a
  // year between blue and red at posture 0, whose reports alone hold
  // hostility near 0.52, above L1's entry (0.25).
  std::ifstream in(kSource + "/scenarios/tutorial.yaml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace("  hazard_scale: 0.016\n", "  hazard_scale: 100\n");
  replace("land: land/tutorial_islands.geojson",
          "land: " + kSource + "/scenarios/land/tutorial_islands.geojson");
  const std::string file = "stability_breaking.yaml";
  std::ofstream(file) << text;

  const auto warned = run_hotline("validate " + file);
  CHECK(warned.exit_code == 0);
  CHECK(warned.out.find(file + ": ok:") == 0);
  CHECK(warned.err.find(file + ": warning: dyad blue-red breaks the stability rule") == 0);
  CHECK(warned.err.find("at or above L1's entry 0.250") != std::string::npos);

  const auto strict = run_hotline("validate --strict " + file);
  CHECK(strict.exit_code == 2);
  CHECK(strict.err.find(file + ": error: dyad blue-red breaks the stability rule") == 0);

  // The shipped tutorial keeps to the rule, and --explain gives the numbers.
  const auto kept = run_hotline("validate --strict " + kSource + "/scenarios/tutorial.yaml");
  CHECK(kept.exit_code == 0);
  CHECK(kept.err.empty());
  const auto explained = run_hotline("validate --explain " + kSource + "/scenarios/tutorial.yaml");
  CHECK(explained.out.find("#   blue-red: H0 0.150; posture 0: ") != std::string::npos);
  CHECK(explained.out.find(": stable\n") != std::string::npos);
  std::remove(file.c_str());
}
