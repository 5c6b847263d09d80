// Command lines as the trace records and suggests them: each argument
// written so that a POSIX shell reads it back as the same word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hotline::trace {

// `word` as is when it holds only characters no shell treats specially,
// else in single quotes (a quote inside as '\'').
[[nodiscard]] std::string shell_word(std::string_view word);

// The words of a line of shell_word's, joined by spaces: the inverse of
// writing them (single quotes, '\'' inside them, and spaces between words;
// nothing else of the shell's syntax).
[[nodiscard]] std::vector<std::string> shell_words(std::string_view line);

}  // namespace hotline::trace
