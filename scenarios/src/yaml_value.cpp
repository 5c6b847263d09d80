#include "yaml_value.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <set>

namespace hotline::scenarios::detail {

namespace {

std::string_view kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return "a single value";
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

SourceLocation location_of(const YAML::Node& node, const ReadContext& context) {
  const YAML::Mark mark = node.Mark();
  // yaml-cpp counts from 0 and gives -1 where it has no position.
  if (mark.line < 0) return {context.file, context.line_origin + 1, context.column_origin + 1};
  const int column = mark.line == 0 ? context.column_origin + mark.column : mark.column;
  return {context.file, context.line_origin + mark.line + 1, column + 1};
}

}  // namespace

SourceLocation Value::location() const {
  return location_of(node_, *context_);
}

void Value::error(std::string message) const {
  context_->diagnostics.add(location(), path_, std::move(message));
}

void Value::error_at(const SourceLocation& where, std::string message) const {
  context_->diagnostics.add(where, path_, std::move(message));
}

std::string Value::child_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

bool Value::expect_map(std::initializer_list<std::string_view> known) const {
  const auto all = entries();  // reports a non-mapping and duplicate keys
  if (!all) return false;
  std::vector<std::string> candidates(known.begin(), known.end());
  for (const MapEntry& entry : *all) {
    bool is_known = false;
    for (std::string_view k : known)
      is_known = is_known || k == entry.key;
    if (is_known) continue;
    if (entry.key == "<<") {
      error_at(entry.key_location,
               "YAML merge keys ('<<') are not supported: write the keys out (an alias such as "
               "*name can stand for a whole value)");
      continue;
    }
    std::string message = fmt::format("unknown key '{}'", entry.key);
    if (const std::string suggestion = closest_match(entry.key, candidates); !suggestion.empty()) {
      message += fmt::format(" (did you mean '{}'?)", suggestion);
    }
    error_at(entry.key_location, std::move(message));
  }
  return true;
}

std::optional<Value> Value::optional(std::string_view key) const {
  if (!node_.IsMap()) return std::nullopt;
  const YAML::Node child = node_[std::string(key)];
  if (!child.IsDefined()) return std::nullopt;
  return Value(child, child_path(key), *context_);
}

std::optional<Value> Value::required(std::string_view key) const {
  std::optional<Value> child = optional(key);
  if (!child && node_.IsMap()) error(fmt::format("missing required key '{}'", key));
  return child;
}

std::optional<std::vector<MapEntry>> Value::entries() const {
  if (!node_.IsMap()) {
    error(fmt::format("expected a mapping of keys to values, got {}", kind_name(node_)));
    return std::nullopt;
  }
  std::vector<MapEntry> out;
  std::set<std::string> seen;
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string{};
    const SourceLocation at = location_of(it->first, *context_);
    if (!seen.insert(key).second) {
      context_->diagnostics.add(at, child_path(key), "duplicate key");
      continue;
    }
    out.push_back(MapEntry{key, at, Value(it->second, child_path(key), *context_)});
  }
  return out;
}

std::optional<std::vector<Value>> Value::items() const {
  if (!node_.IsSequence()) {
    error(fmt::format("expected a list, got {}", kind_name(node_)));
    return std::nullopt;
  }
  std::vector<Value> out;
  for (std::size_t i = 0; i < node_.size(); ++i) {
    out.emplace_back(node_[i], fmt::format("{}[{}]", path_, i), *context_);
  }
  return out;
}

std::optional<std::string> Value::scalar(std::string_view expected) const {
  if (!node_.IsScalar()) {
    error(fmt::format("expected {}, got {}", expected, kind_name(node_)));
    return std::nullopt;
  }
  return node_.Scalar();
}

std::optional<std::string> Value::text() const {
  return scalar("a text value");
}

std::optional<bool> Value::boolean() const {
  const auto raw = scalar("true or false");
  if (!raw) return std::nullopt;
  if (*raw == "true") return true;
  if (*raw == "false") return false;
  error(fmt::format("expected true or false, got '{}'", *raw));
  return std::nullopt;
}

std::optional<double> Value::quantity(Dimension dimension) const {
  const auto raw =
      scalar(fmt::format("a {} such as '{}'", dimension_name(dimension), example_value(dimension)));
  if (!raw) return std::nullopt;
  QuantityResult result = parse_quantity(*raw, dimension);
  if (!result.value) error(std::move(result.error));
  return result.value;
}

std::optional<double> Value::probability() const {
  const auto raw = scalar("a probability in [0, 1]");
  if (!raw) return std::nullopt;
  QuantityResult result = parse_probability(*raw);
  if (!result.value) error(std::move(result.error));
  return result.value;
}

std::optional<double> Value::number(double minimum, double maximum) const {
  const auto raw = scalar("a number");
  if (!raw) return std::nullopt;
  double value = 0.0;
  const auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), value);
  if (ec != std::errc() || end != raw->data() + raw->size() || !std::isfinite(value)) {
    error(fmt::format("expected a plain number, got '{}'", *raw));
    return std::nullopt;
  }
  if (value < minimum || value > maximum) {
    error(fmt::format("{} is outside [{}, {}]", *raw, minimum, maximum));
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> Value::integer(std::int64_t minimum, std::int64_t maximum) const {
  const auto raw = scalar("a whole number");
  if (!raw) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), value);
  if (ec != std::errc() || end != raw->data() + raw->size()) {
    error(fmt::format("expected a whole number, got '{}'", *raw));
    return std::nullopt;
  }
  if (value < minimum || value > maximum) {
    error(fmt::format("{} is outside [{}, {}]", value, minimum, maximum));
    return std::nullopt;
  }
  return value;
}

}  // namespace hotline::scenarios::detail
