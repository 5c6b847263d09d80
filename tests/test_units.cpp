// Units in scenario files: conversions, and the messages for every way a
// value can be wrong (compared as text: they are the interface).
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "hotline/scenarios/units.hpp"

using hotline::scenarios::Dimension;
using hotline::scenarios::format_quantity;
using hotline::scenarios::parse_probability;
using hotline::scenarios::parse_quantity;

namespace {
double value_of(std::string_view text, Dimension dimension) {
  const auto result = parse_quantity(text, dimension);
  INFO(result.error);
  REQUIRE(result.value.has_value());
  return *result.value;
}
std::string error_of(std::string_view text, Dimension dimension) {
  const auto result = parse_quantity(text, dimension);
  REQUIRE_FALSE(result.value.has_value());
  return result.error;
}
}  // namespace

TEST_CASE("quantities convert to km, km/s, s, rad and per second", "[units]") {
  CHECK(value_of("12 nmi", Dimension::length) == Approx(22.224).epsilon(1e-15));
  CHECK(value_of("500 m", Dimension::length) == Approx(0.5));
  CHECK(value_of("3.5 km", Dimension::length) == 3.5);
  CHECK(value_of("25 kn", Dimension::speed) == Approx(25 * 1.852 / 3600.0).epsilon(1e-15));
  CHECK(value_of("900 km/h", Dimension::speed) == Approx(0.25));
  CHECK(value_of("10 m/s", Dimension::speed) == Approx(0.01));
  CHECK(value_of("90 min", Dimension::duration) == 5400.0);
  CHECK(value_of("30 d", Dimension::duration) == 30 * 86400.0);
  CHECK(value_of("2 h", Dimension::duration) == 7200.0);
  CHECK(value_of("60 s", Dimension::duration) == 60.0);
  CHECK(value_of("180 deg", Dimension::angle) == Approx(std::numbers::pi));
  CHECK(value_of("0.02 per h", Dimension::rate) == Approx(0.02 / 3600.0));
  CHECK(value_of("3 per d", Dimension::rate) == Approx(3.0 / 86400.0));
}

TEST_CASE("spacing and signs are read as written", "[units]") {
  CHECK(value_of("12nmi", Dimension::length) == value_of("12 nmi", Dimension::length));
  CHECK(value_of("  12   nmi ", Dimension::length) == value_of("12 nmi", Dimension::length));
  CHECK(value_of("0.5   per    h", Dimension::rate) == value_of("0.5 per h", Dimension::rate));
  CHECK(value_of("-5 kn", Dimension::speed) < 0.0);  // range checks are the caller's
  CHECK(value_of("1e3 m", Dimension::length) == Approx(1.0));
}

TEST_CASE("a bare number names the accepted units", "[units]") {
  CHECK(error_of("12", Dimension::length)
        == "'12' needs a unit: a length in m, km, nmi (for example '12 nmi')");
  CHECK(error_of("25", Dimension::speed)
        == "'25' needs a unit: a speed in kn, km/h, m/s, km/s (for example '25 kn')");
  CHECK(error_of("90", Dimension::duration)
        == "'90' needs a unit: a duration in s, min, h, d (for example '90 min')");
  CHECK(error_of("0.02", Dimension::rate)
        == "'0.02' needs a unit: a rate in per s, per min, per h, per d, per year (for example '2 per d')");
}

TEST_CASE("a unit of another dimension says what it is", "[units]") {
  CHECK(error_of("25 kn", Dimension::length)
        == "'25 kn' is a speed, but a length is needed here (units: m, km, nmi)");
  CHECK(error_of("3 d", Dimension::rate)
        == "'3 d' is a duration, but a rate is needed here (units: per s, per min, per h, per d, per year)");
}

TEST_CASE("unknown units and non-numbers are named", "[units]") {
  CHECK(error_of("5 mi", Dimension::length)
        == "unknown length unit 'mi' in '5 mi' (units: m, km, nmi)");
  CHECK(error_of("5 knots", Dimension::speed)
        == "unknown speed unit 'knots' in '5 knots' (units: kn, km/h, m/s, km/s)");
  CHECK(error_of("twelve nmi", Dimension::length)
        == "expected a length such as '12 nmi', got 'twelve nmi'");
  CHECK(error_of("", Dimension::duration) == "expected a duration such as '90 min', got ''");
  CHECK(error_of("inf km", Dimension::length)
        == "expected a length such as '12 nmi', got 'inf km'");
  CHECK(error_of("nan km", Dimension::length)
        == "expected a length such as '12 nmi', got 'nan km'");
}

TEST_CASE("quantities past their physical range are refused after conversion", "[units]") {
  // Finite as written, infinite once converted to km.
  CHECK(error_of("1e308 nmi", Dimension::length)
        == "'1e308 nmi' is out of range: a length is at most 20037.5 km (half the Earth's "
           "circumference)");
  CHECK(error_of("1e308 d", Dimension::duration)
        == "'1e308 d' is out of range: a duration is at most 1000000 d");
  CHECK(error_of("-200 km/s", Dimension::speed)
        == "'-200 km/s' is out of range: a speed is at most 100 km/s");
  CHECK(error_of("2000 per s", Dimension::rate)
        == "'2000 per s' is out of range: a rate is at most 1000 per s");
  CHECK(value_of("20000 km", Dimension::length) == 20000.0);
  CHECK(value_of("999999 d", Dimension::duration) == 999999.0 * 86400.0);
}

TEST_CASE("probabilities are plain numbers in [0, 1]", "[units]") {
  CHECK(*parse_probability("0.8").value == 0.8);
  CHECK(*parse_probability("0").value == 0.0);
  CHECK(*parse_probability("1").value == 1.0);
  CHECK(parse_probability("1.5").error == "a probability must lie in [0, 1], got 1.5");
  CHECK(parse_probability("-0.1").error == "a probability must lie in [0, 1], got -0.1");
  CHECK(parse_probability("80%").error
        == "a probability is a plain number in [0, 1] (for example 0.8), got '80%'");
  CHECK(parse_probability("high").error
        == "a probability is a plain number in [0, 1] (for example 0.8), got 'high'");
}

TEST_CASE("formatted quantities read back to the identical value", "[units]") {
  // The --explain round trip depends on this for every value a scenario holds.
  std::uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * 0x1.0p-53;
  };
  for (Dimension d : {Dimension::length, Dimension::speed, Dimension::duration, Dimension::angle,
                      Dimension::rate}) {
    for (int i = 0; i < 20000; ++i) {
      const double value = std::pow(10.0, -8.0 + 14.0 * next()) * (i % 7 == 0 ? -1.0 : 1.0);
      if (std::fabs(value) > hotline::scenarios::largest_quantity(d)) continue;  // refused
      const std::string text = format_quantity(value, d);
      INFO(text);
      REQUIRE(value_of(text, d) == value);
    }
  }
  CHECK(format_quantity(22.224, Dimension::length) == "22.224 km");
  CHECK(format_quantity(5400.0, Dimension::duration) == "5400 s");
}
