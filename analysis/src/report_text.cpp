#include "report_text.hpp"

#include <fmt/format.h>

#include <cmath>

#include "hotline/analysis/report_formats.hpp"

namespace hotline::analysis {

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::lower:
      return "lower";
    case Verdict::higher:
      return "higher";
    case Verdict::not_distinguishable:
      return "not distinguishable";
    case Verdict::no_interval:
      return "no interval";
  }
  return "";
}

// A signed number with a typographic minus: "+0.25", "−1.3".
std::string signed_readable(double x) {
  if (std::isnan(x)) return "-";
  const std::string text = readable_number(std::fabs(x));
  if (text == "0") return text;
  return (x < 0 ? std::string(kMinus) : std::string("+")) + text;
}

// A ratio as a relative change: 0.69 -> "−31%".
std::string percent_change(double ratio) {
  if (std::isnan(ratio)) return "-";
  const double pct = (ratio - 1.0) * 100.0;
  const double size = std::fabs(pct);
  std::string digits = size >= 9.95 ? fmt::format("{:.0f}", size) : fmt::format("{:.1f}", size);
  if (digits == "0.0") return "0%";
  return (pct < 0 ? std::string(kMinus) : std::string("+")) + digits + "%";
}

std::string bracket(const std::string& low, const std::string& high) {
  return "[" + low + ", " + high + "]";
}

std::string interval_text(double low, double high) {
  if (std::isnan(low) || std::isnan(high)) return "-";
  return bracket(readable_number(low), readable_number(high));
}

std::string csv_number(double x) {
  return std::isnan(x) ? std::string() : fmt::format("{}", x);
}

// Quoted when it holds a comma, a quote or a line break.
std::string csv_text(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace hotline::analysis
