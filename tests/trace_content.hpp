// The content of an HDF5 file, object by object, for comparing trace files:
// every dataset's type, shape and bytes and every attribute's value, keyed
// by path ("/summary", "/@kind", "/scenario@yaml"). The root attributes that
// say when and how a file was made (created_utc, command_line) are left
// out: two files are "identical in content" when these maps are equal
// (docs/trace-format.md).
#pragma once

#include <map>
#include <string>

namespace hotline::test {

[[nodiscard]] std::map<std::string, std::string> trace_content(const std::string& path);

// The first path at which the two differ, or "" if they are equal.
[[nodiscard]] std::string first_difference(const std::map<std::string, std::string>& a,
                                           const std::map<std::string, std::string>& b);

}  // namespace hotline::test
