// Typed command-line options with the project's forms and messages.
//
// Every command declares its options through these helpers, so that
// `--help` shows each option's type and default, a bad value is refused by
// CLI11 while parsing (exit 2, one line: "hotline: error: --days expects a
// whole number in [1, 100000]: got 'x'"), and no command parses option text
// by hand. A validator's message continues the option's name as a sentence
// ("expects ...", "must ...") or, starting with a colon, follows it (":
// unknown role 'x'"); usage_error_text() joins the two.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hotline::cli {

// A whole number in [minimum, maximum], written as digits or in exact
// scientific notation ("1e5"); the text is rewritten to digits before CLI11
// converts it.
[[nodiscard]] CLI::Validator count_in(std::uint64_t minimum, std::uint64_t maximum);
// One of `choices`.
[[nodiscard]] CLI::Validator one_of(std::vector<std::string> choices);

// Declares a count option; the help shows its range and the target's value
// as the default.
template <class T>
CLI::Option* add_count(CLI::App& app, const std::string& name, T& target, std::uint64_t minimum,
                       std::uint64_t maximum, const std::string& help) {
  CLI::Option* option = app.add_option(name, target, help);
  option->transform(count_in(minimum, maximum));
  option->type_name("COUNT");
  option->capture_default_str();
  return option;
}
// The same for a count whose absence means something the help says
// ("default: the scenario's horizon"): no default value is shown.
template <class T>
CLI::Option* add_optional_count(CLI::App& app, const std::string& name, T& target,
                                std::uint64_t minimum, std::uint64_t maximum,
                                const std::string& help) {
  CLI::Option* option = app.add_option(name, target, help);
  option->transform(count_in(minimum, maximum));
  option->type_name("COUNT");
  return option;
}
// A comma-separated list of counts.
template <class T>
CLI::Option* add_count_list(CLI::App& app, const std::string& name, std::vector<T>& target,
                            std::uint64_t minimum, std::uint64_t maximum, const std::string& help) {
  CLI::Option* option = app.add_option(name, target, help);
  option->delimiter(',');
  option->transform(count_in(minimum, maximum));
  option->type_name("COUNT[,COUNT...]");
  option->capture_default_str();
  return option;
}
// --days, --seed and --threads as run and sweep take them: no --days means
// the scenario's horizon, no --threads every hardware thread.
struct RunLengthOptions {
  void declare(CLI::App& app, const std::string& days_help, std::uint64_t& seed) {
    days_option = add_optional_count(app, "--days", days, 1, 100000, days_help);
    add_count(app, "--seed", seed, 0, UINT64_MAX, "Random seed");
    threads_option = add_optional_count(app, "--threads", threads, 1, 4096,
                                        "Threads (default: one per hardware thread)");
  }
  // Sets `options.days` and `options.threads` where given.
  template <class Options>
  void apply(Options& options) const {
    if (days_option->count() > 0) options.days = static_cast<double>(days);
    if (threads_option->count() > 0) options.threads = threads;
  }
  std::uint64_t days = 0;
  int threads = 0;
  CLI::Option* days_option = nullptr;
  CLI::Option* threads_option = nullptr;
};

// --shard: "i/n" with 1 <= i <= n <= 2^24.
[[nodiscard]] CLI::Validator shard_of_grid();
// (i, n) of a text shard_of_grid() accepted.
[[nodiscard]] std::pair<std::uint32_t, std::uint32_t> parse_shard(const std::string& text);

// Declares an option whose value is one of `choices`.
CLI::Option* add_choice(CLI::App& app, const std::string& name, std::string& target,
                        std::vector<std::string> choices, const std::string& help);

// The one line a parse error prints after "hotline: error: ": CLI11's own
// text, with a validator's "NAME: MESSAGE" joined as "NAME MESSAGE", and a
// "did you mean" for a mistyped subcommand or option (the scenario loader's
// closest_match: the same rule as for a mistyped key).
[[nodiscard]] std::string usage_error_text(const CLI::ParseError& error, const CLI::App& app);

}  // namespace hotline::cli
