// Factor paths (scenarios/scenario_paths.hpp): every numeric scalar of a
// resolved scenario has a path by ids, pairs and positions; a changed value
// goes through the loader's own checks; an unchanged one gives the same
// scenario.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/scenario_paths.hpp"

using namespace hotline::scenarios;

namespace {

const std::string kSource = HOTLINE_SOURCE_DIR;

const Scenario& east_china_sea() {
  static const Scenario scenario =
      load_scenario_file(kSource + "/scenarios/east_china_sea_2023.yaml");
  return scenario;
}

std::string error_of(const ResolvedScenario& resolved, const std::string& path) {
  try {
    (void)resolved.find(path);
  } catch (const ScalarPathError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a written number splits into its value and unit") {
  CHECK(split_written_number("0.3")->value == 0.3);
  CHECK(split_written_number("0.3")->unit.empty());
  CHECK(split_written_number("6 h")->unit == "h");
  CHECK(split_written_number("0.004 per h")->unit == "per h");
  CHECK(split_written_number("-1.5e3 km")->value == -1500.0);
  CHECK_FALSE(split_written_number("32fd289b"));
  CHECK_FALSE(split_written_number("rival"));
  CHECK_FALSE(split_written_number("1 "));
}

TEST_CASE("SI conversions follow the scenario units") {
  CHECK(si_per_unit(Dimension::duration, "h") == 3600.0);
  CHECK(si_per_unit(Dimension::length, "nmi") == Approx(1852.0));
  CHECK(si_per_unit(Dimension::speed, "kn") == Approx(1852.0 / 3600.0));
  CHECK(si_unit_name(Dimension::rate) == "1/s");
  CHECK_THROWS_AS(si_per_unit(Dimension::duration, "km"), std::invalid_argument);
}

TEST_CASE("every scalar of the resolved scenario is found by ids pairs and positions") {
  const ResolvedScenario resolved(east_china_sea());
  const auto& scalars = resolved.scalars();
  const std::size_t l2 = resolved.find("policies.hotline.hotline.p_answer.l2");
  CHECK(scalars[l2].text == "0.3");
  CHECK_FALSE(scalars[l2].dimension);
  const std::size_t count = resolved.find("forces.ccg_senkaku.count");
  CHECK(scalars[count].text == "6");
  CHECK(resolved.find("forces[0].count") == count);
  const std::size_t delay = resolved.find(
      "policies.hotline.hotline.endpoints.us_indopacom/china_eastern_theater."
      "answer_delay.median");
  CHECK(scalars[delay].text == "1 d");
  CHECK(scalars[delay].dimension == Dimension::duration);
  CHECK(scalars[resolved.find("escalation.decisions.restraint[2]")].text == "1.5");
  CHECK(scalars[resolved.find("escalation.hostility.dyads.japan/china.baseline")].text == "0.1");
  // Every listed path finds its own scalar.
  for (std::size_t i = 0; i < scalars.size(); ++i)
    REQUIRE(resolved.find(scalars[i].path) == i);
}

TEST_CASE("a path that names no number says why and what was meant") {
  const ResolvedScenario resolved(east_china_sea());
  CHECK_THAT(error_of(resolved, "policies.hotline.hotline.p_answr.l2"),
             Catch::Contains("did you mean 'policies.hotline.hotline.p_answer.l2'?"));
  CHECK_THAT(error_of(resolved, "policies.hotline.hotline.p_answer"),
             Catch::Contains("is a mapping, not a number"));
  CHECK_THAT(error_of(resolved, "nations.japan.relations.china"),
             Catch::Contains("is the text 'rival'"));
  CHECK_THAT(error_of(resolved, "zzz"), Catch::Contains("hotline validate --paths"));
}

TEST_CASE(
    "a changed scalar is loaded as the loader reads it and an unchanged one changes nothing") {
  const ResolvedScenario resolved(east_china_sea());
  const std::size_t l2 = resolved.find("policies.hotline.hotline.p_answer.l2");
  const std::size_t delay = resolved.find(
      "policies.hotline.hotline.endpoints.us_indopacom/china_eastern_theater.answer_delay.median");
  const std::vector<ScalarSetting> same = {{l2, "0.3"}};
  CHECK(resolved.with(same, "point 0") == east_china_sea());
  const std::vector<ScalarSetting> changed = {{l2, "0.9"}, {delay, "6 h"}};
  const Scenario varied = resolved.with(changed, "point 1");
  const auto& hotline = *varied.policies[1].hotline;
  CHECK(hotline.answer_probability[2] == 0.9);
  CHECK(hotline.answer_delay[1].median_s == 6 * 3600.0);
  // The other policy with a hotline keeps its own values.
  CHECK(varied.policies.back().hotline->answer_probability[2] == 0.3);
  const std::vector<ScalarSetting> bad_unit = {{delay, "6 km"}};
  CHECK_THROWS_AS(resolved.with(bad_unit, "point 2"), ScenarioError);
  const std::vector<ScalarSetting> out_of_range = {{l2, "1.5"}};
  CHECK_THROWS_AS(resolved.with(out_of_range, "point 3"), ScenarioError);
}

TEST_CASE("a resolved scenario's reused copy is as new after every change and every refusal") {
  const ResolvedScenario resolved(east_china_sea());
  const std::size_t l2 = resolved.find("policies.hotline.hotline.p_answer.l2");
  const std::size_t count = resolved.find("forces.ccg_senkaku.count");
  const std::vector<ScalarSetting> a{{l2, "0.9"}, {count, "8"}};
  const std::vector<ScalarSetting> refused{{l2, "1.5"}};
  const Scenario first = resolved.with(a, "a");
  CHECK_THROWS_AS(resolved.with(refused, "refused"), ScenarioError);
  const Scenario unchanged = resolved.with({}, "none");
  CHECK(unchanged == east_china_sea());
  CHECK(resolved.with(a, "a") == first);
  // A fresh resolved scenario gives the same.
  const ResolvedScenario fresh(east_china_sea());
  CHECK(fresh.with(a, "a") == first);
  CHECK(first.forces != east_china_sea().forces);
}
