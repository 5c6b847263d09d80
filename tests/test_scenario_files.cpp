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
