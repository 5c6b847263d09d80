// `hotline report`: a golden report of a small fixed sweep (Markdown and
// CSV, as text), and the errors a user meets, as text, with exit 2 and
// nothing on stdout.
//
// The golden files are what this build prints for a sweep whose runs are
// bit-identical on every machine and thread count (docs/determinism.md).
// After a deliberate change to the model or the report, regenerate them
// with HOTLINE_UPDATE_GOLDEN=1 and review the diff.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cli_runner.hpp"

namespace {

using hotline::test::fresh_directory;
using hotline::test::run_hotline;

const std::string kSource = HOTLINE_SOURCE_DIR;
const std::string kTutorial = kSource + "/scenarios/tutorial.yaml";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The text with every `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

void check_golden(const std::string& text, const std::string& golden_name) {
  const std::string golden = kSource + "/tests/data/golden/" + golden_name;
  const char* update = std::getenv("HOTLINE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(golden, std::ios::binary) << text;
    WARN("rewrote " << golden);
  }
  INFO("golden file " << golden << " (HOTLINE_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(text == read_text(golden));
}

// A small fixed sweep, 3 policies × 4 replications of `days`, in a folder
// of its own (test cases run side by side).
std::string small_sweep(const std::string& name, const std::string& scenario = kTutorial,
                        int days = 20) {
  const std::string path = fresh_directory("report_" + name) + "/small.h5";
  const auto r = run_hotline("sweep " + scenario + " --days " + std::to_string(days)
                             + " --replications 4 --policies none,hotline,cues --quiet -o " + path);
  REQUIRE(r.exit_code == 0);
  return path;
}

}  // namespace

TEST_CASE("report of a small fixed sweep matches its golden Markdown and CSV",
          "[report][cli][golden]") {
  // The shipped tutorial, 10 days: incidents in every run, differences with
  // their intervals, and measures with no change; in seconds (the full-size
  // East China Sea takes minutes under the sanitizers). The statistics
  // themselves are tested on worked examples (test_statistics.cpp).
  const std::string file = small_sweep("golden", kSource + "/scenarios/tutorial.yaml", 10);
  const auto md = run_hotline("report " + file);
  REQUIRE(md.exit_code == 0);
  CHECK(md.err.empty());
  // The tutorial names its land file, which the resolved scenario (and so its
  // hash) gives by full path: the hash depends on where the clone is.
  const std::string text = replaced(md.out, file, "SWEEP.h5");
  const auto hash_at = text.find("scenario hash ");
  REQUIRE(hash_at != std::string::npos);
  check_golden(replaced(text, text.substr(hash_at + 14, 16), "HASH"), "report_tutorial_10d.md");
  const auto csv = run_hotline("report " + file + " --format csv --baseline hotline");
  REQUIRE(csv.exit_code == 0);
  check_golden(csv.out, "report_tutorial_10d_vs_hotline.csv");
  // 18 measures × 3 policies and a header.
  CHECK(hotline::test::line_count(csv.out) == 55);
}

TEST_CASE("report's summary lines mark what an interval cannot tell apart", "[report][cli]") {
  const std::string file = small_sweep("summary");
  const auto r = run_hotline("report " + file);
  REQUIRE(r.exit_code == 0);
  // One line per policy but the baseline, on the four headline measures.
  const auto summary = r.out.substr(r.out.find("## Summary against none"));
  CHECK(summary.find("- hotline: dangerous incidents ") != std::string::npos);
  CHECK(summary.find("- cues: dangerous incidents ") != std::string::npos);
  CHECK(summary.find("- none:") == std::string::npos);
  CHECK(summary.find(" vs none\n") != std::string::npos);
  // The JSON carries the same lines.
  const auto json = run_hotline("report " + file + " --format json");
  REQUIRE(json.exit_code == 0);
  const auto first = summary.substr(summary.find("- hotline: ") + 2);
  CHECK(json.out.find("\"" + first.substr(0, first.find('\n')) + "\"") != std::string::npos);
}

namespace {

// `hotline <arguments>` exits 2, prints nothing on stdout and exactly
// `message` on stderr.
void check_refused(const std::string& arguments, const std::string& message) {
  const auto r = run_hotline(arguments);
  INFO(arguments);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == message);
}

}  // namespace

TEST_CASE("report refuses what it cannot read or compare, exit 2, nothing printed",
          "[report][cli]") {
  const std::string file = small_sweep("errors_sweep");
  const std::string dir = fresh_directory("report_errors");

  check_refused("report " + dir + "/missing.h5",
                "hotline: error: " + dir + "/missing.h5: no such file\n");

  std::ofstream(dir + "/notes.h5") << "not a trace\n";
  check_refused("report " + dir + "/notes.h5",
                "hotline: error: " + dir
               + "/notes.h5: not an HDF5 file (a Hotline trace is written by hotline run -o, "
                 "hotline sweep or hotline merge)\n");

  check_refused("report " + file + " --baseline all",
                "hotline: error: " + file
               + ": no policy 'all' to compare against; the file has none, hotline, cues "
                 "(--baseline picks one)\n");

  check_refused("report " + file + " --format xml",
                "hotline: error: --format expects md, csv or json: got 'xml'\n");

  std::ofstream(dir + "/taken") << "a file\n";
  check_refused(
      "report " + file + " --plots " + dir + "/taken",
      "hotline: error: " + dir + "/taken: cannot make the plots folder: Not a directory\n");

  check_refused("report " + file + " --confidence 1.5",
                "hotline: error: --confidence must lie between 0 and 1: got 1.5\n");
}

TEST_CASE("report --plots says so when the plots cannot be drawn", "[report][cli]") {
  const std::string file = small_sweep("no_python");
  // The report is printed; the plots fail with exit 1 and say what they need.
  setenv("HOTLINE_PYTHON", "/bin/false", 1);
  const auto r = run_hotline("report " + file + " --plots " + file + ".plots");
  unsetenv("HOTLINE_PYTHON");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("## Summary against none") != std::string::npos);
  CHECK(r.err.find("hotline: error: the plots were not drawn (/bin/false ") != std::string::npos);
  CHECK(r.err.find("exited 1; it needs Debian's python3-matplotlib") != std::string::npos);
}
