// `hotline bench` as a user runs it: exit codes and messages.
#include <catch2/catch.hpp>
#include <string>

#include "cli_runner.hpp"

using hotline::test::line_count;

namespace {

struct Result {
  int exit_code;
  std::string output;  // stdout and stderr together
};

Result run_hotline(const std::string& arguments) {
  const hotline::test::CliResult r = hotline::test::run_hotline(arguments);
  return {r.exit_code, r.both()};
}

}  // namespace

TEST_CASE("bad bench input: one line and exit code 2", "[cli]") {
  const char* bad[] = {
      "bench swarm --agents lots",
      "bench swarm --agents 0",
      "bench swarm --agents -100",
      "bench swarm --steps 0",
      "bench swarm --steps -3",
      "bench swarm --steps x",
      "bench swarm --threads 0",
      "bench swarm --frobnicate",
      "bench swarm --agents",
      "bench teleport",
      "bench",
      "",
      "bench swarm --simd avx9000",
      "bench swarm --repeat 0",
      "bench swarm --seed -1",
      "bench swarm --resort sometimes",
  };
  for (const char* arguments : bad) {
    INFO("hotline " << arguments);
    const Result result = run_hotline(arguments);
    CHECK(result.exit_code == 2);
    CHECK(line_count(result.output) == 1);
    CHECK(result.output.rfind("hotline: error: ", 0) == 0);
  }
  CHECK(run_hotline("bench swarm --agents 0").output
        == "hotline: error: --agents expects a whole number in [1, 4294967295] (zero): got '0'\n");
}

TEST_CASE("a small bench run prints its table and the analytic check", "[cli]") {
  const Result result = run_hotline("bench swarm --agents 2000 --steps 20 --threads 2");
  REQUIRE(result.exit_code == 0);
  CHECK(result.output.find("enc/expect") != std::string::npos);
  CHECK(result.output.find("ns/agent-step") != std::string::npos);
  CHECK(result.output.find("     2000     20       2") != std::string::npos);
}

TEST_CASE("the json flag prints machine-readable rows", "[cli]") {
  const Result result = run_hotline("bench swarm --agents 1000,2000 --steps 10 --json");
  REQUIRE(result.exit_code == 0);
  CHECK(result.output.rfind("{\"benchmark\": \"swarm\"", 0) == 0);
  CHECK(result.output.find("\"agents\": 1000,") != std::string::npos);
  CHECK(result.output.find("\"agents\": 2000,") != std::string::npos);
  CHECK(result.output.find("\"peak_rss_bytes\": ") != std::string::npos);
}

TEST_CASE("asking for help succeeds", "[cli]") {
  const Result result = run_hotline("bench swarm --help");
  CHECK(result.exit_code == 0);
  CHECK(result.output.find("--agents") != std::string::npos);
}
