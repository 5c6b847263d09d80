// What a scenario's text must be before it is read as YAML, and what its
// YAML must not contain: UTF-8 text without NUL bytes (a NUL would cut the
// scenario short where the trace keeps it as a C string, and UTF-16 or
// Latin-1 text would become garbage in names and JSON), one document only
// (later documents would be ignored without a word), no tags beyond YAML's
// core ones (a tag asks for a type the format does not have), and no more
// nodes than the input size allows once aliases are expanded (a
// "billion laughs" file is refused, not expanded).
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/scenarios/diagnostics.hpp"

namespace hotline::scenarios::detail {

// Adds a diagnostic at the first byte that is not UTF-8 text (or is NUL);
// false if there is one.
bool check_utf8_text(std::string_view text, const std::string& file, Diagnostics& diagnostics);

// The text's first YAML document (a null node for empty text), or a
// diagnostic (at its position) for text that is not YAML or holds a second
// document; nullopt then. Not YAML::LoadAll: yaml-cpp 0.7 loops without end,
// growing memory, on some invalid text (a flow sequence closed inside a
// plain scalar), where its parser starts empty documents forever at one
// place. The parser is asked for at most two documents here.
std::optional<YAML::Node> load_one_yaml_document(const std::string& text, const std::string& file,
                                                 Diagnostics& diagnostics);

// Adds a diagnostic for an unknown tag, or an alias expansion past
// `max_nodes` nodes; false if there is one.
bool check_yaml_document(const YAML::Node& document, const std::string& file, std::size_t max_nodes,
                         Diagnostics& diagnostics);

}  // namespace hotline::scenarios::detail
