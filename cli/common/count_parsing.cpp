#include "common/count_parsing.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

namespace hotline::cli {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

// Parses digits into *out; false on overflow.
bool parse_digits(std::string_view s, std::uint64_t* out) {
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return error == std::errc() && end == s.data() + s.size();
}

}  // namespace

namespace {

// The count `text` writes, or why it is none (a message that continues the
// option's name).
struct CountReading {
  std::uint64_t value = 0;
  std::optional<std::string> problem;
};

CountReading read_count(std::string_view text, std::uint64_t minimum, std::uint64_t maximum) {
  const auto fail = [&](std::string_view why) {
    return CountReading{0, fmt::format("expects a whole number in [{}, {}]{}: got '{}'", minimum,
                                       maximum, why, text)};
  };
  std::string_view mantissa = text;
  std::string_view exponent;
  if (const auto e = text.find_first_of("eE"); e != std::string_view::npos) {
    mantissa = text.substr(0, e);
    exponent = text.substr(e + 1);
    if (!exponent.empty() && exponent.front() == '+') exponent.remove_prefix(1);
    if (!all_digits(exponent)) return fail("");
  }
  if (!text.empty() && text.front() == '-') return fail(" (negative)");
  if (!all_digits(mantissa)) return fail("");
  std::uint64_t value = 0;
  if (!parse_digits(mantissa, &value)) return fail(" (too large)");
  if (!exponent.empty()) {
    std::uint64_t power = 0;
    if (!parse_digits(exponent, &power) || power > 19) return fail(" (too large)");
    for (std::uint64_t k = 0; k < power; ++k) {
      if (value > UINT64_MAX / 10) return fail(" (too large)");
      value *= 10;
    }
  }
  if (value < minimum) return fail(value == 0 ? " (zero)" : " (too small)");
  if (value > maximum) return fail(" (too large)");
  return {value, std::nullopt};
}

}  // namespace

std::optional<std::string> count_problem(std::string_view text, std::uint64_t minimum,
                                         std::uint64_t maximum) {
  return read_count(text, minimum, maximum).problem;
}

std::uint64_t parse_count(std::string_view text, std::string_view option, std::uint64_t minimum,
                          std::uint64_t maximum) {
  const CountReading reading = read_count(text, minimum, maximum);
  if (reading.problem) throw UsageError(fmt::format("{} {}", option, *reading.problem));
  return reading.value;
}

std::vector<std::uint64_t> parse_count_list(std::string_view text, std::string_view option,
                                            std::uint64_t minimum, std::uint64_t maximum) {
  std::vector<std::uint64_t> values;
  std::size_t begin = 0;
  while (true) {
    const std::size_t comma = text.find(',', begin);
    values.push_back(parse_count(text.substr(begin, comma - begin), option, minimum, maximum));
    if (comma == std::string_view::npos) break;
    begin = comma + 1;
  }
  return values;
}

}  // namespace hotline::cli
