// Text a user wrote, made safe to pass on: UTF-8 sequences decoded strictly
// (the scenario loader refuses other text; the JSON writer replaces it),
// and names made safe to print on a terminal, where an escape sequence in a
// scenario's name could otherwise move the cursor, recolour the screen or
// rewrite the title bar.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hotline::scenarios {

// The length of the UTF-8 sequence at `at` (1 to 4), or 0 if the bytes
// there are not one: overlong forms, surrogates and code points past
// U+10FFFF are not UTF-8.
[[nodiscard]] std::size_t utf8_length(std::string_view text, std::size_t at);

// `text` with every control character (C0, DEL, C1) and every byte that is
// not UTF-8 written as \xNN, and backslashes doubled: what a terminal shows
// as it is. Printable UTF-8 stays as it is.
[[nodiscard]] std::string printable(std::string_view text);

}  // namespace hotline::scenarios
