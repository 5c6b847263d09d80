#include <catch2/catch.hpp>

#include "hotline/scenarios/diagnostics.hpp"

using namespace hotline::scenarios;

TEST_CASE("a diagnostic names file, line, column and key path", "[diagnostics]") {
  // Built field by field: GCC 12 at -O3 warns (falsely) about nested
  // braced strings here.
  Diagnostic d;
  d.where = SourceLocation{"east.yaml", 12, 7};
  d.key_path = "forces[3].mission.area";
  d.message = "unknown zone 'senkaku_ts'";
  CHECK(d.format() == "east.yaml:12:7: forces[3].mission.area: unknown zone 'senkaku_ts'");
  Diagnostic whole;
  whole.where = SourceLocation{"empty.yaml", 1, 1};
  whole.message = "the file is empty";
  CHECK(whole.format() == "empty.yaml:1:1: the file is empty");
}

TEST_CASE("diagnostics are reported in file order, all at once", "[diagnostics]") {
  Diagnostics found;
  found.add({"s.yaml", 30, 5}, "forces[1].count", "must be at least 1");
  found.add({"s.yaml", 4, 3}, "time.dt", "'60' needs a unit");
  found.add({"s.yaml", 30, 2}, "forces[1]", "unknown key 'cuont' (did you mean 'count'?)");
  const ScenarioError error(found.sorted());
  CHECK(std::string(error.what()) ==
        "s.yaml:4:3: time.dt: '60' needs a unit\n"
        "s.yaml:30:2: forces[1]: unknown key 'cuont' (did you mean 'count'?)\n"
        "s.yaml:30:5: forces[1].count: must be at least 1");
  CHECK(error.diagnostics().size() == 3);
}

TEST_CASE("did you mean: close typos only", "[diagnostics]") {
  const std::vector<std::string> keys{"nations", "forces", "zones", "policies", "command_centres"};
  CHECK(closest_match("forcs", keys) == "forces");
  CHECK(closest_match("nation", keys) == "nations");
  CHECK(closest_match("polices", keys) == "policies");
  CHECK(closest_match("command_centers", keys) == "command_centres");
  CHECK(closest_match("fxyzqs", keys).empty());      // four edits: too far
  CHECK(closest_match("froces", keys) == "forces");  // one swap
  CHECK(closest_match("weather", keys).empty());
  CHECK(closest_match("z", keys).empty());
}
