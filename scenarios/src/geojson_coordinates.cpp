#include "geojson_coordinates.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

namespace hotline::scenarios::detail {

namespace {

// A recursive-descent reader of nested arrays of numbers. The messages are
// those the YAML reader gives for the same mistakes (yaml_value.cpp), so a
// file reads the same however it was read.
class Reader {
 public:
  Reader(const CoordinatesText& source, ReadContext& context)
      : text_(source.text),
        at_(source.span.begin),
        end_(source.span.end),
        lines_(*source.lines),
        context_(context) {}

  void polygons(const std::string& path, int depth, LandData& land) {
    if (depth == 0) {
      polygon(path, land);
      return;
    }
    array(path, [&](const std::string& item) { polygons(item, depth - 1, land); });
  }

  [[nodiscard]] bool broken() const { return broken_; }

 private:
  void polygon(const std::string& path, LandData& land) {
    const std::size_t begin = position();
    std::size_t rings = 0;
    const bool is_array = array(path, [&](const std::string& item) {
      ++rings;
      ring(item, land);
    });
    if (is_array && rings == 0 && !broken_) error(begin, path, "a polygon has at least one ring");
  }

  void ring(const std::string& path, LandData& land) {
    const std::size_t begin = position();
    std::vector<GeoPoint> points;
    std::size_t items = 0;
    const bool is_array = array(path, [&](const std::string& item) {
      ++items;
      if (auto p = point(item)) points.push_back(*p);
    });
    if (!is_array || broken_ || points.size() != items) return;
    if (points.size() < 4 || !(points.front() == points.back())) {
      error(begin, path, "a ring has at least 4 positions and ends where it starts");
      return;
    }
    points.pop_back();
    land.rings.push_back(std::move(points));
  }

  // [lon, lat], as GeoJSON orders them.
  std::optional<GeoPoint> point(const std::string& path) {
    const std::size_t begin = position();
    std::vector<std::optional<double>> numbers;
    const bool is_array = array(path, [&](const std::string& item) {
      const double limit = numbers.empty() ? 180.0 : 90.0;
      numbers.push_back(number(item, -limit, limit));
    });
    if (!is_array || broken_) return std::nullopt;
    if (numbers.size() != 2) {
      error(begin, path, fmt::format("a position is [lon, lat], got {} numbers", numbers.size()));
      return std::nullopt;
    }
    if (!numbers[0] || !numbers[1]) return std::nullopt;
    return GeoPoint{*numbers[1], *numbers[0]};
  }

  // An array: calls item(path[i]) at each element. False (reported) when
  // the value here is not an array.
  bool array(const std::string& path, const std::function<void(const std::string&)>& item) {
    const std::size_t begin = position();
    if (broken_) return false;
    if (text_[begin] != '[') {
      error(begin, path, "expected a list, got a single value");
      skip_token();
      return false;
    }
    ++at_;
    if (peek() == ']') {
      ++at_;
      return true;
    }
    for (std::size_t i = 0; !broken_; ++i) {
      item(fmt::format("{}[{}]", path, i));
      if (broken_) return false;
      const char c = peek();
      ++at_;
      if (c == ']') return true;
      if (c != ',') syntax(at_ - 1, "expected ',' or ']'");
    }
    return false;
  }

  std::optional<double> number(const std::string& path, double minimum, double maximum) {
    const std::size_t begin = position();
    if (broken_) return std::nullopt;
    if (text_[begin] == '[') {
      error(begin, path, "expected a number, got a list");
      skip_array();
      return std::nullopt;
    }
    const std::string_view raw = skip_token();
    if (broken_) return std::nullopt;
    double value = 0.0;
    const auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
    if (ec != std::errc() || end != raw.data() + raw.size() || !std::isfinite(value)) {
      error(begin, path, fmt::format("expected a plain number, got '{}'", raw));
      return std::nullopt;
    }
    if (value < minimum || value > maximum) {
      error(begin, path, fmt::format("{} is outside [{}, {}]", raw, minimum, maximum));
      return std::nullopt;
    }
    return value;
  }

  // The next character that is not white space (the array's end when none).
  char peek() {
    while (
        at_ < end_
        && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
    if (at_ >= end_) {
      syntax(end_ - 1, "end of sequence flow not found");
      return ']';
    }
    return text_[at_];
  }
  std::size_t position() {
    peek();
    return at_;
  }

  std::string_view skip_token() {
    const std::size_t begin = at_;
    if (at_ < end_ && text_[at_] == '"') {
      // A quoted value is no number: skip to its closing quote.
      ++at_;
      while (at_ < end_ && text_[at_] != '"')
        at_ += text_[at_] == '\\' ? std::size_t{2} : std::size_t{1};
      at_ = std::min(at_ + 1, end_);
    } else {
      while (at_ < end_ && text_[at_] != ',' && text_[at_] != ']' && text_[at_] != ' '
             && text_[at_] != '\t' && text_[at_] != '\n' && text_[at_] != '\r') {
        ++at_;
      }
    }
    if (at_ == begin) syntax(begin, "expected a value");
    return text_.substr(begin, at_ - begin);
  }

  void skip_array() {
    int depth = 0;
    do {
      const char c = text_[at_++];
      depth += c == '[' ? 1 : (c == ']' ? -1 : 0);
    } while (depth > 0 && at_ < end_);
  }

  void error(std::size_t offset, const std::string& path, std::string message) {
    context_.diagnostics.add({context_.file, lines_.line_of(offset), lines_.column_of(offset)},
                             path, std::move(message));
  }
  // The text is not JSON here: reported once, and the rest of the array is
  // not read.
  void syntax(std::size_t offset, std::string_view what) {
    if (broken_) return;
    broken_ = true;
    context_.diagnostics.add({context_.file, lines_.line_of(offset), lines_.column_of(offset)}, "",
                             fmt::format("not valid JSON: {}", what));
  }

  std::string_view text_;
  std::size_t at_;
  std::size_t end_;
  const LineIndex& lines_;
  ReadContext& context_;
  bool broken_ = false;
};

}  // namespace

void read_polygon_text(const CoordinatesText& coordinates, const std::string& path,
                       ReadContext& context, LandData& land) {
  Reader(coordinates, context).polygons(path, 0, land);
}

void read_multipolygon_text(const CoordinatesText& coordinates, const std::string& path,
                            ReadContext& context, LandData& land) {
  Reader(coordinates, context).polygons(path, 1, land);
}

}  // namespace hotline::scenarios::detail
