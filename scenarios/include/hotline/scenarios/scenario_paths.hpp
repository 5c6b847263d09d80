// The numeric scalars of a resolved scenario, addressed by path, and the
// scenarios made by changing some of them: what an experiment's factors
// vary (docs/experiments.md, "Factor paths").
//
// A path names a scalar of the scenario as `hotline validate --explain`
// writes it, every default filled in: mapping keys joined by dots; a list
// item by its id (`forces.ccg_senkaku.count`), by its pair for items that
// have `between:` or `roles:` (`escalation.hostility.dyads.japan/china.
// baseline`), or by its position from 0 (`escalation.decisions.
// restraint[2]`, and `forces[0].count` for any list). `hotline validate
// --paths` lists them all with their values.
//
// A changed scalar is written into the resolved document as text and the
// document read by the scenario loader, so a value is checked exactly as
// the same value written in a scenario file is: its unit, its range, its
// consistency with the rest.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/units.hpp"

namespace hotline::scenarios {

// A number as a scenario writes it: "0.3", "6 h", "0.004 per h".
struct WrittenNumber {
  double value = 0.0;
  std::string unit;  // "" for a plain number
};
// The number and unit of `text`, or nullopt if it does not start with a
// decimal number followed by nothing or by spaces and a unit.
[[nodiscard]] std::optional<WrittenNumber> split_written_number(std::string_view text);

// SI units for the report and the trace: metres, metres per second,
// seconds, radians, per second; "" for plain numbers.
[[nodiscard]] std::string_view si_unit_name(std::optional<Dimension> dimension);
// How many SI units one `unit` of `dimension` is ("1 h" is 3600 s).
// Throws std::invalid_argument for a unit the dimension does not have.
[[nodiscard]] double si_per_unit(Dimension dimension, std::string_view unit);

struct ScenarioScalar {
  std::string path;                    // as above, ids and pairs where the list has them
  std::string text;                    // as the resolved scenario writes it: "3 h"
  std::string unit;                    // "" for a plain number
  std::optional<Dimension> dimension;  // nullopt for a plain number
};

// A path that names no numeric scalar; what() says why, with the closest
// path when there is one ("did you mean ...?").
class ScalarPathError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// A new text for one scalar.
struct ScalarSetting {
  std::size_t scalar = 0;  // index into ResolvedScenario::scalars()
  std::string text;
};

// A scenario's resolved document, parsed once; safe to use from several
// threads at once.
class ResolvedScenario {
 public:
  explicit ResolvedScenario(const Scenario& scenario);
  ~ResolvedScenario();
  ResolvedScenario(const ResolvedScenario&) = delete;
  ResolvedScenario& operator=(const ResolvedScenario&) = delete;

  // explain_scenario's text.
  [[nodiscard]] const std::string& text() const;
  // Every numeric scalar, in document order.
  [[nodiscard]] const std::vector<ScenarioScalar>& scalars() const;
  // The scalar `path` names. Throws ScalarPathError.
  [[nodiscard]] std::size_t find(std::string_view path) const;
  // The scenario with the settings applied, loaded as a file named `name`
  // would be. Throws ScenarioError (positions in text()) for a value the
  // loader refuses.
  [[nodiscard]] Scenario with(std::span<const ScalarSetting> settings,
                              const std::string& name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hotline::scenarios
