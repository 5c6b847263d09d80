#include "hotline/scenarios/units.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <numbers>

#include "hotline/scenarios/defaults.hpp"

namespace hotline::scenarios {

namespace {

struct Unit {
  std::string_view symbol;
  double to_internal;  // internal value = written value * to_internal
};

constexpr double kNauticalMileKm = 1.852;  // exact, by definition
constexpr double kHourS = 3600.0;

// The first unit of each dimension is the one format_quantity writes.
constexpr std::array<Unit, 3> kLengthUnits{{{"km", 1.0}, {"m", 1e-3}, {"nmi", kNauticalMileKm}}};
constexpr std::array<Unit, 4> kSpeedUnits{
    {{"kn", kNauticalMileKm / kHourS}, {"km/h", 1.0 / kHourS}, {"m/s", 1e-3}, {"km/s", 1.0}}};
constexpr std::array<Unit, 4> kDurationUnits{
    {{"s", 1.0}, {"min", 60.0}, {"h", kHourS}, {"d", 86400.0}}};
constexpr std::array<Unit, 2> kAngleUnits{{{"deg", std::numbers::pi / 180.0}, {"rad", 1.0}}};
// A year is 365 days (rates of rare events: cases of entry a year).
constexpr std::array<Unit, 5> kRateUnits{{{"per h", 1.0 / kHourS},
                                          {"per d", 1.0 / 86400.0},
                                          {"per min", 1.0 / 60.0},
                                          {"per s", 1.0},
                                          {"per year", 1.0 / (365.0 * 86400.0)}}};

std::span<const Unit> units_of(Dimension dimension) {
  switch (dimension) {
    case Dimension::length:
      return kLengthUnits;
    case Dimension::speed:
      return kSpeedUnits;
    case Dimension::duration:
      return kDurationUnits;
    case Dimension::angle:
      return kAngleUnits;
    case Dimension::rate:
      return kRateUnits;
  }
  return {};
}

// Units listed in messages in the order people think of them.
std::string_view listing(Dimension dimension) {
  switch (dimension) {
    case Dimension::length:
      return "m, km, nmi";
    case Dimension::speed:
      return "kn, km/h, m/s, km/s";
    case Dimension::duration:
      return "s, min, h, d";
    case Dimension::angle:
      return "deg, rad";
    case Dimension::rate:
      return "per s, per min, per h, per d, per year";
  }
  return "";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// The longest prefix that reads as a decimal number, and its value.
std::optional<std::pair<double, std::size_t>> leading_number(std::string_view s) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || !std::isfinite(value)) return std::nullopt;
  return std::pair{value, static_cast<std::size_t>(end - s.data())};
}

// The largest magnitude a quantity may have, internal and as written.
std::pair<double, std::string_view> largest_of(Dimension dimension) {
  switch (dimension) {
    case Dimension::length:
      return {defaults::kMaxLengthKm, "20037.5 km (half the Earth's circumference)"};
    case Dimension::speed:
      return {defaults::kMaxSpeedKmS, "100 km/s"};
    case Dimension::duration:
      return {defaults::kMaxDurationS, "1000000 d"};
    case Dimension::rate:
      return {defaults::kMaxRatePerS, "1000 per s"};
    case Dimension::angle:
      return {defaults::kMaxAngleRad, "3600 deg (ten turns)"};
  }
  return {0.0, ""};
}

std::optional<Dimension> dimension_of_unit(std::string_view symbol) {
  for (Dimension d : {Dimension::length, Dimension::speed, Dimension::duration, Dimension::angle,
                      Dimension::rate}) {
    for (const Unit& unit : units_of(d)) {
      if (unit.symbol == symbol) return d;
    }
  }
  return std::nullopt;
}

std::string normalise_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string_view dimension_name(Dimension dimension) {
  switch (dimension) {
    case Dimension::length:
      return "length";
    case Dimension::speed:
      return "speed";
    case Dimension::duration:
      return "duration";
    case Dimension::angle:
      return "angle";
    case Dimension::rate:
      return "rate";
  }
  return "quantity";
}

std::string accepted_units(Dimension dimension) {
  return std::string(listing(dimension));
}

std::string_view example_value(Dimension dimension) {
  switch (dimension) {
    case Dimension::length:
      return "12 nmi";
    case Dimension::speed:
      return "25 kn";
    case Dimension::duration:
      return "90 min";
    case Dimension::angle:
      return "45 deg";
    case Dimension::rate:
      return "2 per d";
  }
  return "";
}

QuantityResult parse_quantity(std::string_view text, Dimension dimension) {
  const std::string_view what = dimension_name(dimension);
  const std::string_view trimmed = trim(text);
  const auto number = leading_number(trimmed);
  if (!number) {
    return {std::nullopt, fmt::format("expected a {} such as '{}', got '{}'", what,
                                      example_value(dimension), trimmed)};
  }
  const std::string unit = normalise_spaces(trimmed.substr(number->second));
  if (unit.empty()) {
    return {std::nullopt, fmt::format("'{}' needs a unit: a {} in {} (for example '{}')", trimmed,
                                      what, listing(dimension), example_value(dimension))};
  }
  for (const Unit& candidate : units_of(dimension)) {
    if (candidate.symbol != unit) continue;
    const double value = number->first * candidate.to_internal;
    const auto [largest, largest_text] = largest_of(dimension);
    if (!std::isfinite(value) || std::fabs(value) > largest) {
      return {std::nullopt,
              fmt::format("'{}' is out of range: a {} is at most {}", trimmed, what, largest_text)};
    }
    return {value, {}};
  }
  if (const auto other = dimension_of_unit(unit)) {
    return {std::nullopt, fmt::format("'{}' is a {}, but a {} is needed here (units: {})", trimmed,
                                      dimension_name(*other), what, listing(dimension))};
  }
  return {std::nullopt, fmt::format("unknown {} unit '{}' in '{}' (units: {})", what, unit, trimmed,
                                    listing(dimension))};
}

double largest_quantity(Dimension dimension) {
  return largest_of(dimension).first;
}

QuantityResult parse_probability(std::string_view text) {
  const std::string_view trimmed = trim(text);
  const auto number = leading_number(trimmed);
  if (!number || number->second != trimmed.size()) {
    return {std::nullopt,
            fmt::format("a probability is a plain number in [0, 1] (for example 0.8), got '{}'",
                        trimmed)};
  }
  if (number->first < 0.0 || number->first > 1.0) {
    return {std::nullopt, fmt::format("a probability must lie in [0, 1], got {}", trimmed)};
  }
  return {number->first, {}};
}

std::string format_quantity(double internal_value, Dimension dimension) {
  // The first unit reads best; the written number must parse back to exactly
  // internal_value, which the shortest decimal of value / factor usually
  // does, and one of its neighbours almost always. Otherwise the unit whose
  // factor is exactly 1 (km, km/s, s, rad, per s) is exact by construction.
  const Unit& unit = units_of(dimension).front();
  const double written = internal_value / unit.to_internal;
  for (const double candidate :
       {written, std::nextafter(written, -HUGE_VAL), std::nextafter(written, HUGE_VAL)}) {
    const std::string text = fmt::format("{} {}", candidate, unit.symbol);
    const QuantityResult back = parse_quantity(text, dimension);
    if (back.value && *back.value == internal_value) return text;
  }
  for (const Unit& exact : units_of(dimension)) {
    if (exact.to_internal == 1.0) return fmt::format("{} {}", internal_value, exact.symbol);
  }
  return fmt::format("{} {}", written, unit.symbol);  // not reached: every dimension has one
}

}  // namespace hotline::scenarios
