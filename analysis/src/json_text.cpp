#include "hotline/analysis/json_text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace hotline::analysis {

std::string json_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out += c;
    }
  }
  return out;
}

std::string json_number(double x) {
  return std::isfinite(x) ? fmt::format("{}", x) : std::string("null");
}

}  // namespace hotline::analysis
