// The parts of reading an experiment that check it against its scenario:
// which paths a factor may vary, the policies it names, its distributions,
// and its design with every value a factor takes tried on the scenario.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "hotline/scenarios/experiment.hpp"
#include "yaml_value.hpp"

namespace hotline::scenarios {

// Why a factor may not vary `path` ("" if it may): the time step and
// horizon fix a run's length, the output settings what it records, and
// both must be the same at every design point of one sweep file.
[[nodiscard]] std::string refused_factor_path(const std::string& path);

// Why a factor whose scalars have `dimension` (nullopt: plain numbers)
// cannot be written in `unit` ("" if it can).
[[nodiscard]] std::string factor_unit_problem(std::optional<Dimension> dimension,
                                              const std::string& unit);

// The policy ids of a list, each checked against the scenario.
[[nodiscard]] std::vector<std::string> read_policy_ids(const detail::Value& value,
                                                       const Scenario& scenario);

// The distribution `name` with its parameters under `value`, each number
// read by `read_number` (in the factor's unit); nullopt after reporting.
[[nodiscard]] std::optional<FactorValues> read_distribution_parameters(
    const std::string& name, const detail::Value& value,
    const std::function<std::optional<double>(const detail::Value&)>& read_number);

// Makes the experiment's design table (whole factors rounded), and tries
// every value a factor takes on the scenario: the listed levels, or for a
// sampled factor the smallest and largest value of the design. Reports at
// `design_at` a design that cannot be made, at a factor's `where` a value
// its scenario refuses.
void design_and_check(Experiment& experiment, const ResolvedScenario& resolved,
                      Diagnostics& diagnostics, const SourceLocation& design_at);

}  // namespace hotline::scenarios
