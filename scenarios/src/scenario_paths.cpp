#include "hotline/scenarios/scenario_paths.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <cctype>
#include <charconv>
#include <mutex>
#include <unordered_map>
#include <variant>

#include "hotline/scenarios/diagnostics.hpp"
#include "scenario_root.hpp"

namespace hotline::scenarios {

namespace {

constexpr std::array<Dimension, 5> kDimensions = {
    Dimension::length, Dimension::speed, Dimension::duration, Dimension::angle, Dimension::rate};

// One step from a node to its child: a mapping key or a list position.
using RouteStep = std::variant<std::string, std::size_t>;

// What a path names: a numeric scalar (its index), or something else,
// described for the message that refuses it.
struct PathTarget {
  std::optional<std::size_t> scalar;
  std::string what;  // "a mapping", "a list", "the text 'rival'"
};

// The name a list item goes by in paths: its id, or its pair ("a/b") for
// items of `between:` or `roles:`; "" when it has neither.
std::string item_name(const YAML::Node& item) {
  if (!item.IsMap()) return "";
  if (const YAML::Node id = item["id"]; id && id.IsScalar()) return id.Scalar();
  for (const char* key : {"between", "roles"}) {
    const YAML::Node pair = item[key];
    if (pair && pair.IsSequence() && pair.size() == 2 && pair[0].IsScalar() && pair[1].IsScalar())
      return pair[0].Scalar() + "/" + pair[1].Scalar();
  }
  return "";
}

std::string joined(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

std::optional<Dimension> dimension_of(const std::string& text, const std::string& unit) {
  if (unit.empty()) return std::nullopt;
  for (const Dimension d : kDimensions)
    if (parse_quantity(text, d).value) return d;
  return std::nullopt;
}

// Records every scalar under `node`, and every path, in both forms: the
// named one (ids and pairs) and the one with positions only.
class ScalarIndexer {
 public:
  std::vector<ScenarioScalar> scalars;
  std::vector<std::vector<RouteStep>> routes;
  std::unordered_map<std::string, PathTarget> targets;

  void visit(const YAML::Node& node, const std::string& named, const std::string& indexed,
             std::vector<RouteStep>& route) {
    if (node.IsMap()) {
      add_target(named, indexed, {std::nullopt, "a mapping"});
      for (const auto& entry : node) {
        const std::string key = entry.first.Scalar();
        route.emplace_back(key);
        visit(entry.second, joined(named, key), joined(indexed, key), route);
        route.pop_back();
      }
    } else if (node.IsSequence()) {
      add_target(named, indexed, {std::nullopt, "a list"});
      for (std::size_t i = 0; i < node.size(); ++i) {
        const std::string name = item_name(node[i]);
        const std::string position = fmt::format("[{}]", i);
        route.emplace_back(i);
        visit(node[i], name.empty() ? named + position : joined(named, name), indexed + position,
              route);
        route.pop_back();
      }
    } else if (node.IsScalar()) {
      add_scalar(node.Scalar(), named, indexed, route);
    }
  }

 private:
  void add_target(const std::string& named, const std::string& indexed, const PathTarget& target) {
    if (named.empty()) return;
    targets.emplace(named, target);
    targets.emplace(indexed, target);
  }

  void add_scalar(const std::string& text, const std::string& named, const std::string& indexed,
                  const std::vector<RouteStep>& route) {
    const std::optional<WrittenNumber> number = split_written_number(text);
    if (!number) {
      add_target(named, indexed, {std::nullopt, fmt::format("the text '{}'", text)});
      return;
    }
    add_target(named, indexed, {scalars.size(), ""});
    scalars.push_back({named, text, number->unit, dimension_of(text, number->unit)});
    routes.push_back(route);
  }
};

// The prefix of `text` that is a decimal number ("-1.5e3"), or 0 if none.
std::size_t number_length(std::string_view text) {
  std::size_t at = 0;
  if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
  std::size_t digits = 0;
  while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) {
    ++at;
    ++digits;
  }
  if (at < text.size() && text[at] == '.') {
    ++at;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) {
      ++at;
      ++digits;
    }
  }
  if (digits == 0) return 0;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    std::size_t exponent = at + 1;
    if (exponent < text.size() && (text[exponent] == '-' || text[exponent] == '+')) ++exponent;
    const std::size_t exponent_digits = exponent;
    while (exponent < text.size() && std::isdigit(static_cast<unsigned char>(text[exponent])))
      ++exponent;
    if (exponent > exponent_digits) at = exponent;
  }
  return at;
}

}  // namespace

std::optional<WrittenNumber> split_written_number(std::string_view text) {
  const std::size_t length = number_length(text);
  if (length == 0) return std::nullopt;
  WrittenNumber number;
  const std::string digits(text.substr(text[0] == '+' ? 1 : 0, length - (text[0] == '+' ? 1 : 0)));
  const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), number.value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  std::string_view rest = text.substr(length);
  if (rest.empty()) return number;
  if (rest.front() != ' ') return std::nullopt;
  while (!rest.empty() && rest.front() == ' ')
    rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ')
    rest.remove_suffix(1);
  if (rest.empty()) return std::nullopt;
  number.unit = std::string(rest);
  return number;
}

std::string_view si_unit_name(std::optional<Dimension> dimension) {
  if (!dimension) return "";
  switch (*dimension) {
    case Dimension::length:
      return "m";
    case Dimension::speed:
      return "m/s";
    case Dimension::duration:
      return "s";
    case Dimension::angle:
      return "rad";
    case Dimension::rate:
      return "1/s";
  }
  return "";
}

double si_per_unit(Dimension dimension, std::string_view unit) {
  const QuantityResult one = parse_quantity(fmt::format("1 {}", unit), dimension);
  if (!one.value) {
    throw std::invalid_argument(fmt::format("'{}' is not a unit of {} (use {})", unit,
                                            dimension_name(dimension), accepted_units(dimension)));
  }
  // Internal lengths are km and speeds km/s.
  const bool kilo = dimension == Dimension::length || dimension == Dimension::speed;
  return *one.value * (kilo ? 1000.0 : 1.0);
}

struct ResolvedScenario::Impl {
  std::string text;
  YAML::Node root;
  // yaml-cpp's nodes are not safe to read from several threads at once:
  // copies of the document are made one at a time, and each is used by one
  // thread at a time. A copy is changed, loaded and changed back, then kept
  // for the next call: a design of a thousand points clones the document
  // once per thread, not a thousand times (the loader reads through const
  // nodes, so a load leaves the copy as it found it).
  mutable std::mutex clone_mutex;
  mutable std::vector<YAML::Node> spare;

  YAML::Node take() const {
    const std::lock_guard lock(clone_mutex);
    if (spare.empty()) return YAML::Clone(root);
    YAML::Node copy(spare.back());
    spare.pop_back();
    return copy;
  }
  void give_back(const YAML::Node& copy) const {
    const std::lock_guard lock(clone_mutex);
    spare.push_back(copy);
  }
  ScalarIndexer index;
  std::vector<std::string> named_paths;  // for "did you mean"
};

ResolvedScenario::ResolvedScenario(const Scenario& scenario) : impl_(std::make_unique<Impl>()) {
  impl_->text = explain_scenario(scenario);
  impl_->root = detail::parse_scenario_yaml(impl_->text, "resolved scenario");
  std::vector<RouteStep> route;
  impl_->index.visit(impl_->root, "", "", route);
  for (const ScenarioScalar& scalar : impl_->index.scalars)
    impl_->named_paths.push_back(scalar.path);
}

ResolvedScenario::~ResolvedScenario() = default;

const std::string& ResolvedScenario::text() const {
  return impl_->text;
}

const std::vector<ScenarioScalar>& ResolvedScenario::scalars() const {
  return impl_->index.scalars;
}

std::size_t ResolvedScenario::find(std::string_view path) const {
  const auto found = impl_->index.targets.find(std::string(path));
  if (found != impl_->index.targets.end()) {
    if (found->second.scalar) return *found->second.scalar;
    throw ScalarPathError(
        fmt::format("'{}' is {}, not a number a factor can vary", path, found->second.what));
  }
  const std::string close = closest_match(path, impl_->named_paths);
  throw ScalarPathError(fmt::format(
      "no scenario value at '{}'{} (`hotline validate --paths SCENARIO` lists every path)", path,
      close.empty() ? std::string() : fmt::format(": did you mean '{}'?", close)));
}

Scenario ResolvedScenario::with(std::span<const ScalarSetting> settings,
                                const std::string& name) const {
  const YAML::Node copy = impl_->take();
  // Each scalar changed, with its text as resolved, to change it back.
  std::vector<std::pair<YAML::Node, std::string>> changed;
  for (const ScalarSetting& setting : settings) {
    YAML::Node node;
    node.reset(copy);
    for (const RouteStep& step : impl_->index.routes.at(setting.scalar)) {
      // reset() rebinds the handle; assigning a Node would rewrite the document.
      if (const auto* key = std::get_if<std::string>(&step)) {
        node.reset(node[*key]);
      } else {
        node.reset(node[std::get<std::size_t>(step)]);
      }
    }
    changed.emplace_back(node, node.Scalar());
    node = setting.text;
  }
  const auto restore = [&] {
    for (auto it = changed.rbegin(); it != changed.rend(); ++it)
      it->first = it->second;  // a string: sets the scalar, aliases nothing
    impl_->give_back(copy);
  };
  try {
    Scenario scenario = detail::load_scenario_root(copy, name);
    restore();
    return scenario;
  } catch (...) {
    restore();
    throw;
  }
}

}  // namespace hotline::scenarios
