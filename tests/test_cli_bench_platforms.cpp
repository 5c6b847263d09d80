// `hotline bench platforms`: the platform model timed on a scenario with
// scaled fleets; the counts it prints are the same at every thread count,
// and bad input exits 2 with one clear line (or the scenario's diagnostics).
#include <catch2/catch.hpp>
#include <string>

#include "cli_runner.hpp"

using hotline::test::run_hotline;

namespace {

const std::string kSource = HOTLINE_SOURCE_DIR;

// The value of `key` in the first JSON row at or after `from`.
std::string json_field(const std::string& text, const std::string& key, std::size_t from = 0) {
  const auto at = text.find("\"" + key + "\": ", from);
  REQUIRE(at != std::string::npos);
  const auto begin = at + key.size() + 4;
  return text.substr(begin, text.find_first_of(",}", begin) - begin);
}

}  // namespace

TEST_CASE("bench platforms: scaled fleets, one row per thread count, the same counts",
          "[cli][bench]") {
  const auto r = run_hotline("bench platforms " + kSource
                             + "/scenarios/tutorial.yaml --days 1 --fleet-scale 3 "
                               "--roles fishing,militia --threads 1,2 --json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("{\"benchmark\": \"platforms\"", 0) == 0);
  CHECK(json_field(r.out, "fleet_scale") == "3");
  const auto second_row = r.out.find("\"threads\": 2");
  REQUIRE(second_row != std::string::npos);
  CHECK(json_field(r.out, "threads") == "1");
  CHECK(json_field(r.out, "steps") == "1440");
  // tutorial.yaml has 51 platforms, 30 of them fishing or militia.
  CHECK(json_field(r.out, "platforms") == "111");
  CHECK(json_field(r.out, "platforms", second_row) == "111");
  CHECK(json_field(r.out, "encounters") == json_field(r.out, "encounters", second_row));
  CHECK(json_field(r.out, "incidents") == json_field(r.out, "incidents", second_row));
}

TEST_CASE("bench platforms: bad input exits 2", "[cli][bench]") {
  const auto role = run_hotline("bench platforms --roles fishing,trawler");
  CHECK(role.exit_code == 2);
  CHECK(role.err.find("--roles: unknown role 'trawler'") != std::string::npos);
  const auto scale = run_hotline("bench platforms --fleet-scale 0");
  CHECK(scale.exit_code == 2);
  const auto bad =
      run_hotline("bench platforms " + kSource + "/tests/data/invalid/unknown_unit.yaml --days 1");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("unknown_unit.yaml:") != std::string::npos);
  CHECK(bad.out.empty());
}
