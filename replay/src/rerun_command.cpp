#include "rerun_command.hpp"

#include <fmt/format.h>

#include <vector>

#include "hotline/scenarios/experiment.hpp"
#include "hotline/trace/command_line.hpp"

namespace hotline::replay {

namespace {

// The --set options that turn the scenario into design point `point`'s:
// every path of every factor, its value written as the sweep wrote it.
std::string point_settings(const trace::DesignIdentity& design, std::uint32_t point) {
  std::string options;
  for (std::size_t f = 0; f < design.factors.size(); ++f) {
    scenarios::ExperimentFactor factor;
    factor.unit = design.factors[f].unit;
    const std::string value = scenarios::factor_value_text(factor, design.value(point, f));
    for (const std::string& path : design.factors[f].paths)
      options += " --set " + trace::shell_word(path + "=" + value);
  }
  return options;
}

}  // namespace

std::string rerun_command(const trace::TraceIdentity& identity, const RerunChoice& choice) {
  const std::string settings =
      identity.design ? point_settings(*identity.design, choice.point) : std::string();
  return fmt::format(
      "hotline run {}{} --seed {} --policy {} --replication {} --days {} --sample-every 10 "
      "-o run.h5",
      trace::shell_word(identity.scenario_file), settings, identity.seed,
      trace::shell_word(choice.policy_id), choice.replication, identity.days);
}

std::string resampled_command(std::string_view recorded) {
  const std::vector<std::string> words = trace::shell_words(recorded);
  if (words.size() < 2 || words[1] != "run") return {};
  std::string command = "hotline run";
  for (std::size_t i = 2; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word == "-o" || word == "--output" || word == "--sample-every" || word == "--save-state") {
      ++i;  // and its value
    } else if (word != "--force" && !word.starts_with("--output=")
               && !word.starts_with("--sample-every=") && !word.starts_with("--save-state=")
               && !word.starts_with("-o")) {
      command += ' ' + trace::shell_word(word);
    }
  }
  return command + " --sample-every 10 -o run.h5";
}

}  // namespace hotline::replay
