// JSON text pieces for the writers that print JSON by hand (`hotline run
// --json`, `hotline report --format json`): a string's escaped contents and
// a number, NaN written as null.
#pragma once

#include <string>
#include <string_view>

namespace hotline::analysis {

// Quotes, backslashes and control characters escaped (no surrounding
// quotes).
[[nodiscard]] std::string json_escaped(std::string_view text);
// The shortest text that reads back to `x`; null for NaN or infinity.
[[nodiscard]] std::string json_number(double x);

}  // namespace hotline::analysis
