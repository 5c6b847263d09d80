#include "hotline/analysis/json_text.hpp"

#include <fmt/format.h>

#include <cmath>

#include "hotline/scenarios/text_safety.hpp"

namespace hotline::analysis {

std::string json_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const char c = text[at];
    const auto u = static_cast<unsigned char>(c);
    const std::size_t length = scenarios::utf8_length(text, at);
    if (length == 0) {
      out += "\\ufffd";  // not UTF-8 (a damaged file): JSON must stay valid
      ++at;
      continue;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7F) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out.append(text.substr(at, length));
    }
    at += length;
  }
  return out;
}

std::string json_number(double x) {
  return std::isfinite(x) ? fmt::format("{}", x) : std::string("null");
}

}  // namespace hotline::analysis
