// Scenario files on disk: the golden error messages of tests/data/invalid,
// the shipped scenarios (valid, and their explanation reloads identically),
// and the inputs that once broke the fuzzer.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "hotline/scenarios/scenario.hpp"

using namespace hotline::scenarios;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Files of a directory with an extension, sorted so that reports are stable.
std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

const fs::path kSource = HOTLINE_SOURCE_DIR;

}  // namespace

TEST_CASE("every invalid file gives exactly its golden messages", "[scenario][golden]") {
  const auto files = files_in(kSource / "tests/data/invalid", ".yaml");
  CHECK(files.size() >= 30);
  for (const fs::path& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      fs::path expected_path = file;
      expected_path.replace_extension(".expected");
      REQUIRE(fs::exists(expected_path));
      std::string actual;
      try {
        (void)load_scenario_text(read_text(file), file.filename().string());
      } catch (const ScenarioError& e) {
        actual = std::string(e.what()) + "\n";
      }
      CHECK(actual == read_text(expected_path));
    }
  }
}

TEST_CASE("every shipped scenario validates, and its explanation loads to the same scenario",
          "[scenario][explain]") {
  const auto files = files_in(kSource / "scenarios", ".yaml");
  CHECK(files.size() >= 4);
  for (const fs::path& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      const Scenario original = load_scenario_file(file.string());
      const std::string explained = explain_scenario(original);
      const Scenario reloaded = load_scenario_text(explained, "explained.yaml");
      CHECK(reloaded == original);
      // The explanation is a fixed point: explaining it again changes nothing.
      CHECK(explain_scenario(reloaded) == explained);
    }
  }
}

TEST_CASE("inputs that once broke the fuzzer load or fail with a ScenarioError",
          "[scenario][fuzz]") {
  for (const auto& entry : fs::directory_iterator(kSource / "tests/data/fuzz_regressions")) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    DYNAMIC_SECTION(entry.path().filename().string()) {
      try {
        (void)load_scenario_text(read_text(entry.path()), "regression.yaml");
      } catch (const ScenarioError&) {
        SUCCEED("rejected with diagnostics");
      }
    }
  }
}

TEST_CASE("a variant takes the sections it lacks from the scenario it is based on",
          "[scenario][based_on]") {
  const hotline::scenarios::Scenario base = hotline::scenarios::load_scenario_file(
      (kSource / "scenarios/east_china_sea_2023.yaml").string());
  const hotline::scenarios::Scenario crisis = hotline::scenarios::load_scenario_file(
      (kSource / "scenarios/east_china_sea_crisis.yaml").string());
  // Its own sections...
  CHECK(crisis.name != base.name);
  CHECK(crisis.time.horizon_s == 90 * 86400.0);
  CHECK(crisis.escalation.dyads[0].opening_grave_incident);
  CHECK(crisis.escalation.dyads[0].initial_hostility == 0.6);
  // ...and every other the base's.
  CHECK(crisis.forces == base.forces);
  CHECK(crisis.zones == base.zones);
  CHECK(crisis.incidents == base.incidents);
  CHECK(crisis.policies == base.policies);
  CHECK(crisis.exercises.size() == 1);  // its own: the base's fall after its horizon

  const auto errors = [](const std::string& text) {
    try {
      (void)hotline::scenarios::load_scenario_text(text, "variant.yaml");
    } catch (const hotline::scenarios::ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("loaded");
  };
  const std::string crisis_path = (kSource / "scenarios/east_china_sea_crisis.yaml").string();
  CHECK(errors("based_on: " + crisis_path + "\nname: x\n")
        == "variant.yaml:1:11: based_on: the base scenario '" + crisis_path
               + "' is itself based on another: one level only");
  CHECK(errors("based_on: no_such_base.yaml\nname: x\n")
        == "no_such_base.yaml:1:1: cannot read the file: no such file\n"
           "variant.yaml:1:11: based_on: the base scenario 'no_such_base.yaml' does not load (1 "
           "problem)");
}
