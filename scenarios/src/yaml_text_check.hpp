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

#include <string>
#include <string_view>
#include <vector>

#include "hotline/scenarios/diagnostics.hpp"

namespace hotline::scenarios::detail {

// Adds a diagnostic at the first byte that is not UTF-8 text (or is NUL);
// false if there is one.
bool check_utf8_text(std::string_view text, const std::string& file, Diagnostics& diagnostics);

// Adds a diagnostic for a second document, an unknown tag, or an alias
// expansion past `max_nodes` nodes; false if there is one.
bool check_yaml_documents(const std::vector<YAML::Node>& documents, const std::string& file,
                          std::size_t max_nodes, Diagnostics& diagnostics);

}  // namespace hotline::scenarios::detail
