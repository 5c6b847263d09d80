#include "yaml_text_check.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <sstream>

#include "hotline/scenarios/text_safety.hpp"

namespace hotline::scenarios::detail {

namespace {

SourceLocation location_of(std::string_view text, std::size_t offset, const std::string& file) {
  const std::string_view before = text.substr(0, offset);
  const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column =
      line_start == std::string_view::npos ? offset : offset - line_start - 1;
  return {file, line, static_cast<int>(column) + 1};
}

bool core_tag(const std::string& tag) {
  if (tag.empty() || tag == "?" || tag == "!") return true;  // untagged, plain or quoted
  constexpr std::string_view kCore = "tag:yaml.org,2002:";
  static constexpr std::array<std::string_view, 7> kNames = {"str",  "int", "float", "bool",
                                                             "null", "map", "seq"};
  if (tag.rfind(kCore, 0) != 0) return false;
  const std::string_view name = std::string_view(tag).substr(kCore.size());
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

SourceLocation node_location(const YAML::Node& node, const std::string& file) {
  const YAML::Mark mark = node.Mark();
  return {file, std::max(1, mark.line + 1), std::max(1, mark.column + 1)};
}

// Visits every node (aliases expanded); false at the first unknown tag or
// once `budget` nodes are spent.
bool walk(const YAML::Node& node, std::size_t& budget, const std::string& file,
          Diagnostics& diagnostics) {
  if (budget == 0) return false;
  --budget;
  if (!core_tag(node.Tag())) {
    diagnostics.add(node_location(node, file), "",
                    fmt::format("unknown tag '{}': a scenario uses YAML's plain values, "
                                "lists and mappings only",
                                node.Tag()));
    return false;
  }
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) {
      if (!walk(item, budget, file, diagnostics)) return false;
    }
  } else if (node.IsMap()) {
    for (const auto& entry : node) {
      if (!walk(entry.first, budget, file, diagnostics)) return false;
      if (!walk(entry.second, budget, file, diagnostics)) return false;
    }
  }
  return true;
}

}  // namespace

bool check_utf8_text(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
  if (text.size() >= 2
      && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    diagnostics.add({file, 1, 1}, "", "the file is UTF-16 text: save it as UTF-8");
    return false;
  }
  for (std::size_t at = 0; at < text.size();) {
    if (text[at] == '\0') {
      diagnostics.add(location_of(text, at, file), "",
                      "a NUL byte: a scenario is UTF-8 text (is this a binary or UTF-16 file?)");
      return false;
    }
    const std::size_t length = utf8_length(text, at);
    if (length == 0) {
      diagnostics.add(location_of(text, at, file), "",
                      fmt::format("byte 0x{:02X} is not UTF-8: save the file as UTF-8",
                                  static_cast<unsigned char>(text[at])));
      return false;
    }
    at += length;
  }
  return true;
}

namespace {

// Notes where the second document starts, and ignores everything else.
class DocumentStarts final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  std::vector<YAML::Mark> starts;
};

SourceLocation mark_location(const YAML::Mark& mark, const std::string& file) {
  // yaml-cpp counts from 0 and may give -1 where it has no position.
  return {file, std::max(1, mark.line + 1), std::max(1, mark.column + 1)};
}

}  // namespace

std::optional<YAML::Node> load_one_yaml_document(const std::string& text, const std::string& file,
                                                 Diagnostics& diagnostics) {
  try {
    YAML::Node first = YAML::Load(text);
    std::istringstream input(text);
    YAML::Parser parser(input);
    DocumentStarts starts;
    for (int document = 0; document < 2 && parser.HandleNextDocument(starts); ++document) {
    }
    if (starts.starts.size() > 1) {
      diagnostics.add(mark_location(starts.starts[1], file), "",
                      "a second YAML document: a scenario file holds one (remove the '---' "
                      "and what follows, or split the file)");
      return std::nullopt;
    }
    return first;
  } catch (const YAML::Exception& e) {
    // Its depth guard reports only "bad file"; say what it means.
    const bool too_deep = dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr;
    diagnostics.add(mark_location(e.mark, file), "",
                    too_deep ? "not valid YAML: nested too deeply (more than 2000 levels)"
                             : fmt::format("not valid YAML: {}", e.msg));
    return std::nullopt;
  }
}

bool check_yaml_document(const YAML::Node& document, const std::string& file, std::size_t max_nodes,
                         Diagnostics& diagnostics) {
  std::size_t budget = max_nodes;
  if (walk(document, budget, file, diagnostics)) return true;
  if (budget == 0) {
    diagnostics.add({file, 1, 1}, "",
                    fmt::format("the file expands to more than {} YAML nodes (aliases "
                                "repeating aliases?)",
                                max_nodes));
  }
  return false;
}

}  // namespace hotline::scenarios::detail
