// `hotline validate SCENARIO... [--explain]`: checks scenario files.
//
// Prints one line per file on stdout ("<file>: ok, ..." or "<file>: N
// errors") and every diagnostic on stderr, each as
// "file:line:column: key.path: message". With --explain (one file) stdout is
// instead the fully resolved scenario as YAML, which loads to the same
// Scenario. Returns the exit code: 0 if every file is valid, 2 otherwise.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hotline::cli {

int run_validate(const std::vector<std::string>& files, bool explain, std::ostream& out,
                 std::ostream& err);

}  // namespace hotline::cli
