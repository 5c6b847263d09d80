// Parsing of the counts users type on the command line (sizes, steps, seeds).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::cli {

// Bad command-line input; main() prints it as one line and exits with 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A whole number in [minimum, maximum], written as digits ("100000") or in
// exact scientific notation ("1e5"). `option` names the option in messages.
std::uint64_t parse_count(std::string_view text, std::string_view option, std::uint64_t minimum,
                          std::uint64_t maximum);

// Why `text` is not such a number ("expects a whole number in [1, 10]:
// got 'x'"), or nothing when it is.
[[nodiscard]] std::optional<std::string> count_problem(std::string_view text, std::uint64_t minimum,
                                                       std::uint64_t maximum);

// A comma-separated list of counts ("1e4,1e5").
std::vector<std::uint64_t> parse_count_list(std::string_view text, std::string_view option,
                                            std::uint64_t minimum, std::uint64_t maximum);

}  // namespace hotline::cli
