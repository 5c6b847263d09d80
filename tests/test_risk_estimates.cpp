// The pieces of `hotline risk` that are pure functions: the levels as
// written on the command line, the record a journal holds, and the summary
// of a risk file (probability, interval, relative error, relative risk),
// against numbers worked out by hand.
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "hotline/agents/risk_levels.hpp"
#include "hotline/analysis/risk_estimates.hpp"
#include "hotline/engine/snapshot_stream.hpp"
#include "hotline/trace/risk_record.hpp"

using hotline::agents::parse_risk_levels;
using hotline::agents::risk_levels_text;
using hotline::trace::RiskRecord;

namespace {

// The message parse_risk_levels gives for `text`, or "" if it reads.
std::string refusal(const std::string& text) {
  try {
    (void)parse_risk_levels(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return {};
}

}  // namespace

TEST_CASE("risk levels read rising ladders and refuse anything else", "[risk]") {
  const auto levels = parse_risk_levels(" L1, L2:0.55 ,L3,L3:0.8,clash");
  REQUIRE(levels.size() == 5);
  CHECK(levels[1].rung == 2);
  CHECK(levels[1].hostility == 0.55);
  CHECK(risk_levels_text(levels) == "L1,L2:0.55,L3,L3:0.8,clash");
  CHECK(risk_levels_text(parse_risk_levels("clash")) == "clash");
  CHECK(risk_levels_text(parse_risk_levels("L0:0.15,L0:0.2,L1,clash"))
        == "L0:0.15,L0:0.2,L1,clash");
  CHECK_THAT(refusal("L0,L1,clash"), Catch::Contains("every run starts at L0"));
  CHECK(risk_levels_text(hotline::agents::default_risk_levels()) == "L1,L2,L3,clash");

  CHECK_THAT(refusal("L2,L1,clash"), Catch::Contains("'L1' after 'L2': levels must rise"));
  CHECK_THAT(refusal("L2:0.6,L2:0.5,clash"), Catch::Contains("'L2:0.5' after 'L2:0.6'"));
  CHECK_THAT(refusal("L2,L2,clash"), Catch::Contains("'L2' after 'L2'"));
  CHECK_THAT(refusal("L2:0.6,L2,clash"), Catch::Contains("'L2' after 'L2:0.6'"));
  CHECK_THAT(refusal("L1,L2"), Catch::Contains("the last level must be the clash"));
  CHECK_THAT(refusal("L1,L4,clash"), Catch::Contains("'L4' is not a level"));
  CHECK_THAT(refusal("L1:1.2,clash"), Catch::Contains("the hostility must be a number in (0, 1)"));
  CHECK_THAT(refusal("L1:x,clash"), Catch::Contains("'L1:x'"));
  CHECK_THAT(refusal("clash:0.5"), Catch::Contains("the clash takes no hostility"));
  CHECK_THAT(refusal("L1,,clash"), Catch::Contains("an empty level"));
  CHECK_THAT(refusal(""), Catch::Contains("an empty level"));
}

TEST_CASE("a risk record reads back as written and refuses other bytes", "[risk]") {
  const RiskRecord record{2, 7, 100, {40, 12, 3}, 0.025, 0.4 * 0.12 * 0.025, 1.5e9};
  const auto bytes = hotline::trace::encode_risk_record(record);
  const RiskRecord back = hotline::trace::decode_risk_record(bytes);
  CHECK(back.policy == 2);
  CHECK(back.repetition == 7);
  CHECK(back.effort == 100);
  CHECK(back.reached == record.reached);
  CHECK(back.final_fraction == 0.025);
  CHECK(back.probability == record.probability);
  CHECK(back.work_platform_steps == 1.5e9);
  auto longer = bytes;
  longer.push_back(std::byte{0});
  CHECK_THROWS_AS(hotline::trace::decode_risk_record(longer), hotline::engine::SnapshotError);
  CHECK_THROWS_AS(hotline::trace::decode_risk_record(std::span(bytes).first(bytes.size() - 3)),
                  hotline::engine::SnapshotError);
}

TEST_CASE("a risk summary: means, intervals, relative errors and relative risks by hand",
          "[risk]") {
  hotline::trace::TraceIdentity id;
  id.kind = "risk";
  id.risk = "splitting, effort 10, clashes indicator, levels L1,clash";
  id.days = 30;
  id.policy_ids = {"none", "hotline"};
  // Splitting: two levels, effort 10, three repetitions.
  const std::vector<RiskRecord> records{
      {0, 0, 10, {5, 2}, 0.2, 0.10, 100.0}, {0, 1, 10, {4, 3}, 0.3, 0.12, 100.0},
      {0, 2, 10, {2, 4}, 0.4, 0.08, 100.0}, {1, 0, 10, {5, 1}, 0.1, 0.05, 90.0},
      {1, 1, 10, {4, 1}, 0.1, 0.04, 90.0},  {1, 2, 10, {0}, 0.0, 0.0, 90.0},
  };
  const auto s = hotline::analysis::summarize_risk(id, records, {"L1", "clash"});
  REQUIRE(s.policies.size() == 2);
  const auto& none = s.policies[0];
  CHECK(none.policy == "none");
  CHECK(none.probability.mean == Approx(0.10));
  // sd 0.02 over 3: SE 0.02/sqrt(3); t(0.975, 2) = 4.3027.
  CHECK(none.standard_error == Approx(0.02 / std::sqrt(3.0)));
  CHECK(none.probability.high == Approx(0.10 + 4.302653 * 0.02 / std::sqrt(3.0)).epsilon(1e-5));
  CHECK(none.probability.low == Approx(0.10 - 4.302653 * 0.02 / std::sqrt(3.0)).epsilon(1e-5));
  CHECK(none.relative_error == Approx(0.2 / std::sqrt(3.0)));
  CHECK(none.work_platform_steps == 300.0);
  CHECK(none.work_for_20_percent == Approx(300.0 * std::pow(none.relative_error / 0.2, 2)));
  CHECK(none.stage_fractions[0] == Approx((0.5 + 0.4 + 0.2) / 3));
  CHECK(none.stage_fractions[1] == Approx((0.2 + 0.3 + 0.4) / 3));
  const auto& hotline = s.policies[1];
  // A repetition that stopped at its first stage counts in that stage only.
  CHECK(hotline.stage_fractions[0] == Approx(0.3));
  CHECK(hotline.stage_fractions[1] == Approx(0.1));
  CHECK(hotline.probability.low == 0.0);  // clipped: 0.03 - 4.30 × 0.0265 < 0
  REQUIRE(hotline.against_baseline);
  CHECK(hotline.against_baseline->ratio == Approx(0.03 / 0.10));
  CHECK(hotline.against_baseline->pairs == 3);

  // The baseline can be named; a missing repetition is a shard.
  const auto by_hotline =
      hotline::analysis::summarize_risk(id, records, {"L1", "clash"}, "hotline");
  CHECK(by_hotline.policies[0].policy == "hotline");
  CHECK(by_hotline.policies[1].against_baseline->ratio == Approx(0.10 / 0.03));
  const std::vector<RiskRecord> shard(records.begin(), records.begin() + 4);
  CHECK_THROWS_AS(hotline::analysis::summarize_risk(id, shard, {"L1", "clash"}),
                  std::invalid_argument);
}

TEST_CASE("plain Monte Carlo's summary uses the binomial variance and the exact interval",
          "[risk]") {
  hotline::trace::TraceIdentity id;
  id.kind = "risk";
  id.risk = "plain, effort 200, clashes indicator";
  id.policy_ids = {"none"};
  const std::vector<RiskRecord> records{{0, 0, 200, {3}, 0.015, 0.015, 10.0},
                                        {0, 1, 200, {5}, 0.025, 0.025, 10.0}};
  const auto s = hotline::analysis::summarize_risk(id, records, {"clash"});
  const auto& none = s.policies[0];
  CHECK(s.method == "plain");
  CHECK(none.probability.mean == Approx(0.02));
  CHECK(none.standard_error == Approx(std::sqrt(0.02 * 0.98 / 400.0)));
  REQUIRE(none.exact);
  // Clopper-Pearson for 8 of 400 (R: binom.test(8, 400)$conf.int).
  CHECK(none.exact->low == Approx(0.008676).epsilon(1e-3));
  CHECK(none.exact->high == Approx(0.039021).epsilon(1e-3));

  // Counted by expected clashes, the runs are not Bernoulli trials: the
  // error comes from the repetitions, and there is no exact interval.
  id.risk = "plain, effort 200, clashes expected";
  const auto expected = hotline::analysis::summarize_risk(id, records, {"clash"});
  CHECK_FALSE(expected.policies[0].exact);
  CHECK(expected.policies[0].standard_error == Approx(0.005));
}
