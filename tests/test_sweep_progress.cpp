// What a sweep says while it works: the progress line (runs done of total,
// the runs the journal already held, the rate, the time left) only when
// stderr is a terminal, and the per-phase split with --profile.
#include <catch2/catch.hpp>
#include <cstdio>
#include <sstream>
#include <string>

#include "cli_runner.hpp"
#include "common/progress_meter.hpp"

using hotline::cli::duration_text;
using hotline::cli::ProgressMeter;
using hotline::test::run_hotline;

TEST_CASE("time left reads as hours, minutes or seconds", "[sweep][progress]") {
  CHECK(duration_text(0.0) == "0s");
  CHECK(duration_text(-3.0) == "0s");
  CHECK(duration_text(12.4) == "12s");
  CHECK(duration_text(185.0) == "3m05s");
  CHECK(duration_text(3720.0) == "1h02m");
}

TEST_CASE("the progress line counts runs, the journal's and the rest", "[sweep][progress]") {
  std::ostringstream err;
  ProgressMeter meter(10, 4, true, err);
  meter.run_done();  // the first is always shown
  meter.run_done();
  meter.finish();  // and the last
  const std::string text = err.str();
  INFO(text);
  CHECK(text.find("\r  5/10 runs (4 from the journal)") != std::string::npos);
  CHECK(text.find("\r  6/10 runs (4 from the journal), ") != std::string::npos);
  CHECK(text.find(" left") != std::string::npos);
  CHECK(text.back() == '\n');
}

TEST_CASE("no progress line when disabled", "[sweep][progress]") {
  std::ostringstream err;
  ProgressMeter meter(3, 0, false, err);
  meter.run_done();
  meter.finish();
  CHECK(err.str().empty());
}

TEST_CASE("a sweep prints no progress into a file, and --profile splits the time by phase",
          "[sweep][cli]") {
  const std::string scenario = std::string(HOTLINE_SOURCE_DIR) + "/scenarios/tutorial.yaml";
  const std::string output = "/tmp/hotline_test_sweep_profile.h5";
  const auto r =
      run_hotline("sweep " + scenario
                  + " --days 2 --replications 2 --policies none --profile --force -o " + output);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("runs/s") == std::string::npos);  // stderr is a file here
  CHECK(r.err.find('\r') == std::string::npos);
  CHECK(r.out.find("phase split, ns per platform-step (thread time, summed over runs):")
        != std::string::npos);
  for (const char* phase : {"decide", "move", "index", "sense", "resolve", "command", "record"}) {
    INFO(phase);
    CHECK(r.out.find(phase) != std::string::npos);
  }
  std::remove(output.c_str());
}
