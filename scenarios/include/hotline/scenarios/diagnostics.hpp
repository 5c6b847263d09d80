// Where a scenario file went wrong, and every way it did.
//
// Loading never stops at the first mistake: each problem becomes a
// Diagnostic with its file, line, column and key path, and a file with any
// diagnostics is rejected as a whole with a ScenarioError that carries them
// all. Messages are part of the interface (tests compare them as text).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::scenarios {

// 1-based line and column, as editors count.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  SourceLocation where;
  std::string key_path;  // e.g. "forces[3].mission.area"; empty for the file itself
  std::string message;

  // "file:line:column: key.path: message"
  [[nodiscard]] std::string format() const;
};

// Collects diagnostics while a file is checked.
class Diagnostics {
 public:
  void add(SourceLocation where, std::string key_path, std::string message);
  [[nodiscard]] bool empty() const { return list_.empty(); }
  [[nodiscard]] std::size_t size() const { return list_.size(); }
  [[nodiscard]] const std::vector<Diagnostic>& list() const { return list_; }
  // Sorted by line, then column, then key path, so that the report reads top
  // to bottom whatever order the checks ran in.
  [[nodiscard]] std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> list_;
};

// Thrown when a scenario file has any diagnostic; what() is every diagnostic
// formatted, one per line, in file order.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// The candidate closest to `word` by edit distance, if it is close enough to
// be a plausible typo (at most a third of the word's length, and at least 1);
// empty otherwise. Used for "did you mean ...?".
[[nodiscard]] std::string closest_match(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace hotline::scenarios
