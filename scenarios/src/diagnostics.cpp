#include "hotline/scenarios/diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "hotline/scenarios/text_safety.hpp"

namespace hotline::scenarios {

namespace {

std::string join_formatted(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.format();
  }
  return text;
}

// Edit distance counting an insertion, a deletion, a substitution or a swap
// of two neighbouring letters as one edit (optimal string alignment), since
// swapped letters are the commonest typo ("aidz" for "adiz").
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  for (std::size_t i = 0; i <= a.size(); ++i)
    d[i * width] = i;
  for (std::size_t j = 0; j <= b.size(); ++j)
    d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1,
                                   d[(i - 1) * width + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, d[(i - 2) * width + j - 2] + 1);
      }
      d[i * width + j] = best;
    }
  }
  return d[a.size() * width + b.size()];
}

}  // namespace

// Printable: a message quotes what the user wrote, which may hold terminal
// escape sequences (text_safety.hpp).
std::string Diagnostic::format() const {
  std::string text = fmt::format("{}:{}:{}: ", where.file, where.line, where.column);
  if (!key_path.empty()) text += key_path + ": ";
  return printable(text + message);
}

void Diagnostics::add(SourceLocation where, std::string key_path, std::string message) {
  list_.push_back({std::move(where), std::move(key_path), std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = list_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.line, a.where.column, a.key_path)
           < std::tie(b.where.line, b.where.column, b.key_path);
  });
  return out;
}

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_formatted(diagnostics)), diagnostics_(std::move(diagnostics)) {}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    // Lengths that differ by more than the limit cannot be within it.
    const std::size_t gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                           : word.size() - candidate.size();
    if (gap > limit) continue;
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace hotline::scenarios
