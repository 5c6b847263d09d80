// Experiments (scenarios/experiment.hpp): the shipped study loads and
// designs; factors are checked against the scenario, with file:line:column
// for every mistake; --vary makes the same experiment from the command line.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "hotline/scenarios/experiment.hpp"
#include "hotline/scenarios/scenario.hpp"

using namespace hotline::scenarios;

namespace {

const std::string kSource = HOTLINE_SOURCE_DIR;

// An experiment file in a fresh directory beside a copy-free reference to
// the shipped scenario; returns its path.
std::string write_experiment(const std::string& name, const std::string& body) {
  const auto dir = std::filesystem::temp_directory_path() / "hotline_test_experiment";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path) << "experiment: {name: test}\nscenario: " << kSource
                      << "/scenarios/east_china_sea_2023.yaml\n"
                      << body;
  return path;
}

// Every diagnostic of loading `path`, one per line; "" if it loads.
std::string problems(const std::string& path) {
  try {
    (void)load_experiment_file(path);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the shipped hotline study loads as a 3 by 3 full factorial") {
  const LoadedExperiment loaded =
      load_experiment_file(kSource + "/experiments/hotline_answer_study.yaml");
  const Experiment& e = loaded.experiment;
  REQUIRE(e.factors.size() == 2);
  CHECK(e.factors[0].name == "answer_probability");
  CHECK(e.factors[0].paths.size() == 5);
  CHECK_FALSE(e.factors[0].dimension);
  CHECK(e.factors[1].unit == "h");
  CHECK(e.factors[1].si_per_unit == 3600.0);
  REQUIRE(e.points() == 9);
  CHECK(e.table.at(0, 0) == 0.1);
  CHECK(e.table.at(0, 1) == 1.0);
  CHECK(e.table.at(1, 1) == 6.0);
  CHECK(e.table.at(8, 0) == 0.9);
  CHECK(e.table.at(8, 1) == 48.0);
  CHECK(e.policies == std::vector<std::string>{"none", "hotline"});
  CHECK(e.replications == 6u);
  CHECK(e.days == 90.0);
  CHECK(e.seed == 2023u);
}

TEST_CASE("a design point's scenario carries its factors' values") {
  const LoadedExperiment loaded =
      load_experiment_file(kSource + "/experiments/hotline_answer_study.yaml");
  const Experiment& e = loaded.experiment;
  const Scenario s = experiment_point_scenario(*loaded.resolved, e.factors, e.table, 7);
  const auto& hotline = s.policies.at(1).hotline;
  REQUIRE(hotline);
  CHECK(hotline->answer_probability[2] == 0.9);
  // Point 7 is (0.9, 6 h): the Japan–China line's median delay.
  const std::size_t delay = loaded.resolved->find(e.factors[1].paths[0]);
  const Scenario again = experiment_point_scenario(*loaded.resolved, e.factors, e.table, 7);
  CHECK(again == s);
  CHECK(loaded.resolved->scalars()[delay].text == "3 h");  // the resolved value is unchanged
  // The factors touch only the hotline policy: every other policy is as loaded.
  CHECK(s.policies.at(0) == loaded.scenario.policies.at(0));
  CHECK(s.forces == loaded.scenario.forces);
}

TEST_CASE("an experiment refuses a misspelt path with a suggestion at its line") {
  const std::string path = write_experiment("misspelt.yaml", R"(factors:
  - path: forces.ccg_senkaku.cuont
    values: [2, 4]
)");
  const std::string what = problems(path);
  CHECK_THAT(what, Catch::Contains("misspelt.yaml:4:11"));
  CHECK_THAT(what, Catch::Contains("did you mean"));
}

TEST_CASE("an experiment refuses a value in the wrong unit or out of range") {
  const std::string unit = write_experiment("unit.yaml", R"(factors:
  - path: policies.hotline.hotline.retry_interval
    values: [1 km, 2 km]
)");
  CHECK_THAT(problems(unit), Catch::Contains("unit.yaml:5:14"));
  CHECK_THAT(problems(unit), Catch::Contains("give it a unit"));
  const std::string range = write_experiment("range.yaml", R"(factors:
  - path: policies.hotline.hotline.p_answer.l2
    values: [0.5, 1.5]
)");
  CHECK_THAT(problems(range), Catch::Contains("range.yaml:4:5"));
  CHECK_THAT(problems(range), Catch::Contains("the scenario refuses"));
  CHECK_THAT(problems(range), Catch::Contains("= 1.5"));
}

TEST_CASE("an experiment refuses a path that is not a scalar or not a factor") {
  const std::string mapping = write_experiment("mapping.yaml", R"(factors:
  - path: policies.hotline.hotline.p_answer
    values: [0.1, 0.2]
)");
  CHECK_THAT(problems(mapping), Catch::Contains("is a mapping, not a number"));
  const std::string time = write_experiment("time.yaml", R"(factors:
  - path: time.horizon
    values: [10 d, 20 d]
)");
  CHECK_THAT(problems(time), Catch::Contains("cannot be a factor"));
}

TEST_CASE("an experiment refuses an empty range and a design past its cap") {
  const std::string empty = write_experiment("empty.yaml", R"(factors:
  - path: policies.hotline.hotline.p_answer.l2
    range: {from: 0.5, to: 0.5, count: 3}
)");
  CHECK_THAT(problems(empty), Catch::Contains("empty.yaml:5:12"));
  CHECK_THAT(problems(empty), Catch::Contains("the range is empty"));
  const std::string big = write_experiment("big.yaml", R"(factors:
  - path: policies.hotline.hotline.p_answer.l0
    range: {from: 0.1, to: 0.9, count: 1000}
  - path: policies.hotline.hotline.p_answer.l1
    range: {from: 0.1, to: 0.9, count: 1000}
)");
  CHECK_THAT(problems(big), Catch::Contains("100000"));
}

TEST_CASE("an experiment refuses unknown keys and policies") {
  const std::string path = write_experiment("keys.yaml", R"(factors:
  - path: policies.hotline.hotline.p_answer.l2
    values: [0.1, 0.2]
policies: [none, hotlien]
replication: 3
)");
  const std::string what = problems(path);
  CHECK_THAT(what, Catch::Contains("keys.yaml:6:18"));
  CHECK_THAT(what, Catch::Contains("did you mean 'hotline'"));
  CHECK_THAT(what, Catch::Contains("keys.yaml:7:1"));
}

TEST_CASE("a Latin hypercube experiment samples a distribution with whole counts") {
  const std::string path = write_experiment("lhs.yaml", R"(factors:
  - path: forces.ccg_senkaku.count
    distribution: {uniform: {from: 4, to: 10}}
    whole: true
  - path: forces.ccg_senkaku.mission.entries.rate
    distribution: {loguniform: {from: 0.001 per h, to: 0.01 per h}}
design: {type: latin_hypercube, points: 12, seed: 7}
)");
  const std::string what = problems(path);
  if (!what.empty()) FAIL(what);
  const LoadedExperiment loaded = load_experiment_file(path);
  const DesignTable& table = loaded.experiment.table;
  REQUIRE(table.points() == 12);
  for (std::size_t p = 0; p < 12; ++p) {
    CHECK(table.at(p, 0) == std::round(table.at(p, 0)));
    CHECK(table.at(p, 1) > 0.001);
    CHECK(table.at(p, 1) < 0.01);
  }
  CHECK(loaded.experiment.factors[1].unit == "per h");
}

TEST_CASE("vary options parse lists and ranges with units") {
  const VaryOption list = parse_vary_option("a.b=1 h, 6 h,48 h");
  CHECK(list.path == "a.b");
  CHECK(list.unit == "h");
  CHECK(std::get<ValueList>(list.values).values == std::vector<double>{1, 6, 48});
  const VaryOption range = parse_vary_option("x=0.1..0.9:5");
  CHECK(std::get<EvenRange>(range.values).count == 5);
  CHECK(std::get<EvenRange>(range.values).to == 0.9);
  CHECK_THROWS_WITH(parse_vary_option("x=1 h,2 min"), Catch::Contains("one unit"));
  CHECK_THROWS_WITH(parse_vary_option("x=0.9..0.1:3"), Catch::Contains("empty"));
  CHECK_THROWS_WITH(parse_vary_option("x=0.1..0.9"), Catch::Contains("FROM..TO:COUNT"));
  CHECK_THROWS_WITH(parse_vary_option("x"), Catch::Contains("PATH=VALUES"));
}

TEST_CASE("vary options make a full factorial and refuse what a file would") {
  const Scenario scenario = load_scenario_file(kSource + "/scenarios/east_china_sea_2023.yaml");
  const LoadedExperiment loaded =
      experiment_from_vary(scenario, "ecs.yaml",
                           {parse_vary_option("policies.hotline.hotline.p_answer.l2=0.1,0.5"),
                            parse_vary_option("forces.ccg_senkaku.count=4..8:3")});
  CHECK(loaded.experiment.points() == 6);
  CHECK(loaded.experiment.table.at(5, 1) == 8.0);
  try {
    (void)experiment_from_vary(scenario, "ecs.yaml",
                               {parse_vary_option("forces.ccg_senkaku.cuont=2,3")});
    FAIL("a misspelt path was accepted");
  } catch (const ScenarioError& e) {
    CHECK_THAT(e.what(), Catch::Contains("did you mean"));
  }
  CHECK_THROWS_AS(
      experiment_from_vary(scenario, "ecs.yaml", {parse_vary_option("time.dt=1 min,2 min")}),
      ScenarioError);
}

TEST_CASE("experiment text is told from scenario text") {
  CHECK(is_experiment_text("experiment: {name: x}\nscenario: a.yaml\n"));
  CHECK_FALSE(is_experiment_text("scenario: {name: x}\n"));
  CHECK_FALSE(is_experiment_text("[unclosed"));
}

TEST_CASE("an experiment whose scenario is itself or not a file is refused with its reason") {
  const auto dir = std::filesystem::temp_directory_path() / "hotline_test_experiment";
  std::filesystem::create_directories(dir);
  const std::string self = (dir / "self.yaml").string();
  std::ofstream(self) << "experiment: {name: loop}\nscenario: self.yaml\nfactors:\n"
                         "  - path: a.b\n    values: [1, 2]\n";
  const std::string what = problems(self);
  CHECK_THAT(what, Catch::Contains("self.yaml:2:11: scenario: the scenario 'self.yaml' does not "
                                   "load"));
  const std::string folder = (dir / "folder.yaml").string();
  std::ofstream(folder) << "experiment: {name: folder}\nscenario: /\nfactors:\n"
                           "  - path: a.b\n    values: [1, 2]\n";
  CHECK_THAT(problems(folder), Catch::Contains("does not load"));
  CHECK_THAT(problems((dir / "missing.yaml").string()), Catch::Contains("cannot read the file"));
}
