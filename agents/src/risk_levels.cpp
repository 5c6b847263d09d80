#include "hotline/agents/risk_levels.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "hotline/agents/platform_world.hpp"
#include "hotline/agents/world_splitting.hpp"

namespace hotline::agents {

namespace {

// The shortest text that reads back as `x`.
std::string number_text(double x) {
  char text[32];
  const auto [end, error] = std::to_chars(text, text + sizeof text, x);
  return std::string(text, end);
}

std::string quoted(std::string_view item) {
  return "'" + std::string(item) + "'";
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// Rising order: by rung, then by hostility (none counts as 0).
bool below(const RiskLevel& a, const RiskLevel& b) {
  return a.rung < b.rung || (a.rung == b.rung && a.hostility < b.hostility);
}

RiskLevel parse_level(std::string_view item) {
  const auto colon = item.find(':');
  const std::string_view rung = trimmed(item.substr(0, colon));
  RiskLevel level;
  if (rung == "clash") {
    level.rung = kClashRung;
  } else if (rung == "L0" || rung == "L1" || rung == "L2" || rung == "L3") {
    level.rung = rung[1] - '0';
  } else {
    throw std::invalid_argument(quoted(item)
                                + " is not a level (L1, L2, L3 or clash, a rung optionally "
                                  "with a hostility: L2:0.6, or L0 with one: L0:0.2)");
  }
  if (colon == std::string_view::npos) {
    if (level.rung == 0)
      throw std::invalid_argument(quoted(item)
                                  + ": every run starts at L0; give a hostility (L0:0.2)");
    return level;
  }
  if (level.rung == kClashRung)
    throw std::invalid_argument(quoted(item) + ": the clash takes no hostility");
  const std::string_view value = trimmed(item.substr(colon + 1));
  double h = 0.0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), h);
  if (error != std::errc() || end != value.data() + value.size() || !(h > 0.0 && h < 1.0)) {
    throw std::invalid_argument(quoted(item) + ": the hostility must be a number in (0, 1)");
  }
  level.hostility = h;
  return level;
}

}  // namespace

std::string risk_level_name(const RiskLevel& level) {
  if (level.rung == kClashRung) return "clash";
  const std::string rung = "L" + std::to_string(level.rung);
  return level.hostility > 0.0 ? rung + ":" + number_text(level.hostility) : rung;
}

std::string risk_levels_text(const std::vector<RiskLevel>& levels) {
  std::string text;
  for (const RiskLevel& level : levels)
    text += (text.empty() ? "" : ",") + risk_level_name(level);
  return text;
}

std::vector<RiskLevel> parse_risk_levels(std::string_view text) {
  std::vector<RiskLevel> levels;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t comma = std::min(text.find(',', begin), text.size());
    const std::string_view item = trimmed(text.substr(begin, comma - begin));
    if (item.empty()) throw std::invalid_argument("an empty level in the list");
    const RiskLevel level = parse_level(item);
    if (!levels.empty() && !below(levels.back(), level)) {
      throw std::invalid_argument(
          quoted(risk_level_name(level)) + " after " + quoted(risk_level_name(levels.back()))
          + ": levels must rise (L0:0.2 < L1 < L2 < L2:0.6 < L2:0.7 < L3 < clash)");
    }
    levels.push_back(level);
    begin = comma + 1;
  }
  if (levels.back().rung != kClashRung)
    throw std::invalid_argument(
        "the last level must be the clash (the event whose "
        "probability is estimated)");
  return levels;
}

std::vector<RiskLevel> default_risk_levels() {
  return {{1, 0.0}, {2, 0.0}, {3, 0.0}, {kClashRung, 0.0}};
}

bool risk_level_reached(const PlatformWorld& world, const RiskLevel& level) {
  const int highest = highest_level_reached(world);
  if (highest != level.rung) return highest > level.rung;
  if (level.hostility <= 0.0) return true;
  for (std::size_t d = 0; d < world.dyads().size(); ++d) {
    if (world.crisis().hostility(d).hostility() >= level.hostility) return true;
  }
  return false;
}

}  // namespace hotline::agents
