#include "common/options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>

#include "common/count_parsing.hpp"
#include "hotline/scenarios/diagnostics.hpp"

namespace hotline::cli {

CLI::Validator count_in(std::uint64_t minimum, std::uint64_t maximum) {
  return CLI::Validator(
      [minimum, maximum](std::string& text) -> std::string {
        const std::optional<std::string> problem = count_problem(text, minimum, maximum);
        if (problem) return *problem;
        text = std::to_string(parse_count(text, "", minimum, maximum));
        return {};
      },
      fmt::format("in [{}, {}]", minimum, maximum));
}

CLI::Validator one_of(std::vector<std::string> choices) {
  std::string listed;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) listed += i + 1 == choices.size() ? " or " : ", ";
    listed += choices[i];
  }
  return CLI::Validator(
      [choices, listed](std::string& text) -> std::string {
        if (std::find(choices.begin(), choices.end(), text) != choices.end()) return {};
        return fmt::format("expects {}: got '{}'", listed, text);
      },
      "");
}

CLI::Validator shard_of_grid() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const auto slash = text.find('/');
        if (slash == std::string::npos) return "expects i/n, e.g. 2/8: got '" + text + "'";
        const auto n = count_problem(text.substr(slash + 1), 1, 1U << 24);
        if (n) return "(n of i/n) " + *n;
        const std::uint64_t count = parse_count(text.substr(slash + 1), "", 1, 1U << 24);
        const auto i = count_problem(text.substr(0, slash), 1, count);
        if (i) return "(i of i/n) " + *i;
        return {};
      },
      "");
}

std::pair<std::uint32_t, std::uint32_t> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  const auto count =
      static_cast<std::uint32_t>(parse_count(text.substr(slash + 1), "--shard", 1, 1U << 24));
  const auto index =
      static_cast<std::uint32_t>(parse_count(text.substr(0, slash), "--shard", 1, count));
  return {index, count};
}

CLI::Option* add_choice(CLI::App& app, const std::string& name, std::string& target,
                        std::vector<std::string> choices, const std::string& help) {
  std::string type = "{";
  for (std::size_t i = 0; i < choices.size(); ++i)
    type += (i > 0 ? "," : "") + choices[i];
  type += "}";
  CLI::Option* option = app.add_option(name, target, help);
  option->check(one_of(std::move(choices)));
  option->type_name(type);
  option->capture_default_str();
  return option;
}

namespace {

// The deepest subcommand the command line chose (the app itself if none).
const CLI::App& chosen(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return s->parsed(); }))
    return chosen(*sub);
  return app;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& long_name : option->get_lnames())
      names.push_back("--" + long_name);
  }
  return names;
}

std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names)
    text += (text.empty() ? "" : ", ") + name;
  return text;
}

// The words CLI11's ExtrasError lists after its colon.
std::vector<std::string> extra_words(std::string_view what) {
  std::vector<std::string> words;
  const auto colon = what.find(": ");
  if (colon == std::string_view::npos) return words;
  std::string_view rest = what.substr(colon + 2);
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    if (space != 0) words.emplace_back(rest.substr(0, space));
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return words;
}

// A mistyped option or command among CLI11's extras, with the nearest name
// the chosen command knows.
std::string suggest_for_extras(std::string_view what, const CLI::App& app) {
  const CLI::App& command = chosen(app);
  for (const std::string& word : extra_words(what)) {
    const bool option = word.rfind("-", 0) == 0;
    const std::vector<std::string> known =
        option ? option_names(command) : subcommand_names(command);
    if (!option && known.empty()) continue;
    const std::string near = scenarios::closest_match(word.substr(0, word.find('=')), known);
    const std::string kind = option ? "option" : "command";
    if (option && near == word.substr(0, word.find('='))) {
      // A known option among the extras: it came after "--", which makes
      // every later word a file name.
      return fmt::format("'{}' after '--' is taken as a file name; put options before '--'", word);
    }
    if (!near.empty()) {
      return fmt::format("unknown {} '{}': did you mean '{}'?", kind, word, near);
    }
    if (!option) return fmt::format("unknown command '{}' (one of: {})", word, listed(known));
    return fmt::format("unknown option '{}' (see {} --help)", word,
                       command.get_parent() ? "hotline " + command.get_name() : "hotline");
  }
  return std::string(what);
}

}  // namespace

std::string usage_error_text(const CLI::ParseError& error, const CLI::App& app) {
  const std::string what = error.what();
  if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
    const auto colon = what.find(": ");
    if (colon != std::string::npos) {
      const std::string message = what.substr(colon + 2);
      // ": unknown role ..." keeps its colon after the name; "expects ..."
      // reads on from it.
      return what.substr(0, colon) + (message.rfind(':', 0) == 0 ? "" : " ") + message;
    }
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    return suggest_for_extras(what, app);
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr
      && what.rfind("A subcommand", 0) == 0) {
    const CLI::App& command = chosen(app);
    // A word that was not a command: CLI11 keeps it among the remaining.
    for (const std::string& word : command.remaining()) {
      if (word.rfind("-", 0) != 0) {
        return suggest_for_extras("not expected: " + word, app);
      }
    }
    return fmt::format("{} needs a command: one of {}",
                       command.get_parent() ? "hotline " + command.get_name() : "hotline",
                       listed(subcommand_names(command)));
  }
  return what;
}

}  // namespace hotline::cli
