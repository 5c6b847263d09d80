// docs/scenario-reference.md's worked example: it loads as the page says,
// and the mistakes the page shows give the messages it shows.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "hotline/scenarios/scenario.hpp"

using namespace hotline::scenarios;

namespace {

std::string read_page() {
  std::ifstream in(std::string(HOTLINE_SOURCE_DIR) + "/docs/scenario-reference.md");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The text of the first fenced block after `after` opened with `fence`.
std::string block(const std::string& page, const std::string& fence, const std::string& after) {
  const auto from = page.find(after);
  REQUIRE(from != std::string::npos);
  const auto start = page.find(fence, from);
  REQUIRE(start != std::string::npos);
  const auto body = start + fence.size();
  const auto end = page.find("```", body);
  REQUIRE(end != std::string::npos);
  return page.substr(body, end - body);
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the reference's worked example loads as described", "[scenario][docs]") {
  const std::string page = read_page();
  const std::string example = block(page, "```yaml\n", "## Worked example");
  const Scenario s = load_scenario_text(example, "example.yaml");
  CHECK(s.name == "Worked example");
  CHECK(s.forces.size() == 4);
  REQUIRE(s.policies.size() == 2);
  REQUIRE(s.policies[1].hotline.has_value());
  CHECK(s.policies[1].hotline->endpoints
        == std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}});
  REQUIRE(s.command_centres[0].watches.size() == 2);
  CHECK(s.command_centres[0].watches[0].responders == std::vector<std::size_t>{3});
  CHECK(s.command_centres[0].watches[1].responders == std::vector<std::size_t>{2});

  std::string broken = example;
  replace_once(broken, "cruise_speed: 15 kn", "cruise_speed: 15");
  replace_once(broken, "area: island_cz, dwell", "area: island_ts, dwell");
  replace_once(broken, "mission: {type: respond}", "mission: {type: respond, area: island_cz}");
  const std::string expected = block(page, "```\n", "Mistakes are reported");
  try {
    (void)load_scenario_text(broken, "example.yaml");
    FAIL("the broken example loaded");
  } catch (const ScenarioError& e) {
    CHECK(std::string(e.what()) + "\n" == expected);
  }
}
