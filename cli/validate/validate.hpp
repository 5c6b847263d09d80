// `hotline validate SCENARIO... [--explain]`: checks scenario files.
//
// Prints one line per file on stdout ("<file>: ok, ..." or "<file>: N
// errors") and every diagnostic on stderr, each as
// "file:line:column: key.path: message". A valid file is then checked
// against the stability rule (stability_check.hpp): a dyad that breaks it is
// a warning on stderr ("<file>: warning: ..."), and with --strict an error.
// With --explain (one file) stdout is instead the fully resolved scenario as
// YAML, which loads to the same Scenario, followed by the stability rule's
// numbers as comments. With --paths (one file) stdout is instead every
// numeric value an experiment can vary: its path, its value and what it
// measures, one per line. Returns the exit code: 0 if every file is valid (and,
// with --strict, warns of nothing), 2 otherwise.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hotline::cli {

enum class ValidateOutput { summary, explain, paths };

int run_validate(const std::vector<std::string>& files, ValidateOutput output, bool strict,
                 std::ostream& out, std::ostream& err);

}  // namespace hotline::cli
