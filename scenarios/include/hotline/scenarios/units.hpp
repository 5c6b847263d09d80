// Quantities with units, as scenario files write them ("25 kn", "12 nmi").
//
// Every dimensioned value in a scenario carries its unit; a bare number where
// a unit is needed is an error that lists the accepted units. Values are
// converted to the one internal convention the engine uses: kilometres,
// kilometres per second, seconds, radians, and events per second.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hotline::scenarios {

enum class Dimension { length, speed, duration, angle, rate };

// "length", "speed", ... as used in messages.
[[nodiscard]] std::string_view dimension_name(Dimension dimension);
// The unit symbols a scenario may use for a dimension, in the order messages
// list them: "m, km, nmi".
[[nodiscard]] std::string accepted_units(Dimension dimension);
// An example of a valid value, for messages: "12 nmi".
[[nodiscard]] std::string_view example_value(Dimension dimension);

// A parsed value in internal units, or why the text is not one.
struct QuantityResult {
  std::optional<double> value;  // km, km/s, s, rad or 1/s
  std::string error;            // empty when value is set
};

// Parses "<number> <unit>" (one or more spaces, or none, between them).
// The number is finite decimal notation; the unit must belong to the
// dimension. Sign and range are the caller's to check.
[[nodiscard]] QuantityResult parse_quantity(std::string_view text, Dimension dimension);
// The largest magnitude parse_quantity accepts for a dimension, in internal
// units (defaults.hpp: beyond it a value is a typo, or would overflow).
[[nodiscard]] double largest_quantity(Dimension dimension);

// Parses a probability: a plain number in [0, 1] (no unit, no percent sign).
[[nodiscard]] QuantityResult parse_probability(std::string_view text);

// Writes an internal value back in a scenario unit chosen to read well
// (km, kn, s, deg, per h), so that the text parses to the same double.
[[nodiscard]] std::string format_quantity(double internal_value, Dimension dimension);

}  // namespace hotline::scenarios
