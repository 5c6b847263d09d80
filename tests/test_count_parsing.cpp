#include <catch2/catch.hpp>

#include "common/count_parsing.hpp"

using hotline::cli::parse_count;
using hotline::cli::parse_count_list;
using hotline::cli::UsageError;

TEST_CASE("counts accept digits and exact scientific notation", "[cli]") {
  CHECK(parse_count("100000", "--agents", 1, 1000000) == 100000);
  CHECK(parse_count("1e6", "--agents", 1, 1000000) == 1000000);
  CHECK(parse_count("25E+2", "--agents", 1, 1000000) == 2500);
  CHECK(parse_count_list("1e3,1e4,20", "--agents", 1, 1000000)
        == std::vector<std::uint64_t>{1000, 10000, 20});
}

TEST_CASE("bad counts are refused with the option and the text named", "[cli]") {
  CHECK_THROWS_WITH(parse_count("abc", "--agents", 1, 100),
                    "--agents expects a whole number in [1, 100]: got 'abc'");
  CHECK_THROWS_WITH(parse_count("0", "--agents", 1, 100),
                    "--agents expects a whole number in [1, 100] (zero): got '0'");
  CHECK_THROWS_WITH(parse_count("-5", "--steps", 1, 100),
                    "--steps expects a whole number in [1, 100] (negative): got '-5'");
  CHECK_THROWS_WITH(parse_count("1e3", "--steps", 1, 100),
                    "--steps expects a whole number in [1, 100] (too large): got '1e3'");
  CHECK_THROWS_AS(parse_count("", "--agents", 1, 100), UsageError);
  CHECK_THROWS_AS(parse_count("1.5", "--agents", 1, 100), UsageError);
  CHECK_THROWS_AS(parse_count("10k", "--agents", 1, 100), UsageError);
  CHECK_THROWS_AS(parse_count("1e99", "--agents", 1, 100), UsageError);
  CHECK_THROWS_AS(parse_count("99999999999999999999999", "--agents", 1, 100), UsageError);
  CHECK_THROWS_AS(parse_count_list("10,,20", "--agents", 1, 100), UsageError);
}
