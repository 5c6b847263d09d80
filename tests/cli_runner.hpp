// Runs the `hotline` binary as a user would, for the command-line tests.
#pragma once

#include <string>

namespace hotline::test {

struct CliResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
  [[nodiscard]] std::string both() const { return out + err; }
};

// `hotline <arguments>` through the shell, from the current directory.
CliResult run_hotline(const std::string& arguments);

[[nodiscard]] int line_count(const std::string& text);

// An empty folder hotline_<name> in the temporary directory (emptied if it
// was there), for a test's files.
[[nodiscard]] std::string fresh_directory(const std::string& name);

}  // namespace hotline::test
