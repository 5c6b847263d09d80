// Designs of experiments: which combinations of factor values an experiment
// runs (docs/experiments.md).
//
// A factor's values come from a list, an evenly spaced range, or a
// distribution. A design turns the factors into a table of points (one row
// per point, one column per factor, values in the unit the user wrote):
//  - full factorial: every combination of every factor's levels, the last
//    factor varying fastest;
//  - Latin hypercube: n points; each factor's range is cut into n strata of
//    equal probability and every stratum is used exactly once, at a seeded
//    random place within it, the strata of different factors paired by
//    seeded random permutations;
//  - nearly orthogonal Latin hypercube (NOLH, as in data farming): n evenly
//    spaced levels per factor, each column a permutation found by a seeded
//    search (random swaps that lower its squared correlations with the
//    earlier columns) until it correlates with none of them by more than
//    0.015, half of Cioppa and Lucas's 0.03 criterion, or 20 tries end; the
//    largest correlation reached is reported with the design.
// Nothing here knows what a factor means: the same table drives any
// scenario value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace hotline::scenarios {

// The values of one factor.
struct ValueList {
  std::vector<double> values;  // in the order given; at least one
};
struct EvenRange {  // from, ..., to in `count` equal steps (count >= 2)
  double from = 0.0;
  double to = 0.0;
  std::uint32_t count = 2;
};
struct UniformDistribution {
  double from = 0.0;
  double to = 0.0;
};
struct LogUniformDistribution {  // 0 < from < to
  double from = 1.0;
  double to = 10.0;
};
struct NormalDistribution {  // sd > 0
  double mean = 0.0;
  double sd = 1.0;
};
struct TriangularDistribution {  // min <= mode <= max, min < max
  double min = 0.0;
  double mode = 0.5;
  double max = 1.0;
};
using FactorValues = std::variant<ValueList, EvenRange, UniformDistribution, LogUniformDistribution,
                                  NormalDistribution, TriangularDistribution>;

// The factor's value at probability `u` in (0, 1): the inverse of its
// cumulative distribution (a list or range counts as equally likely
// levels, so u picks level floor(u * levels)).
[[nodiscard]] double factor_quantile(const FactorValues& values, double u);
// The number of discrete levels of a list or range; 0 for a distribution.
[[nodiscard]] std::size_t level_count(const FactorValues& values);
// Level `i` of a list or range.
[[nodiscard]] double level_value(const FactorValues& values, std::size_t i);

enum class DesignType { full_factorial, latin_hypercube, nolh };
[[nodiscard]] std::string_view design_type_name(DesignType type);
// The type design_type_name gives `name`, or nullopt.
[[nodiscard]] std::optional<DesignType> parse_design_type(std::string_view name);

struct DesignSettings {
  DesignType type = DesignType::full_factorial;
  std::uint32_t points = 0;  // LHS: required; NOLH: 0 picks by factor count
  std::uint64_t seed = 1;
};

// The largest design an experiment may have: past it, a typo in a count
// or a list would start a sweep of years.
inline constexpr std::uint64_t kMaxDesignPoints = 100000;
// NOLH stops searching once every pairwise |correlation| is at most this.
inline constexpr double kNolhCorrelationTarget = 0.03;

// The number of points the design will have (full factorial: the product
// of the level counts, saturating at UINT64_MAX; NOLH with points 0: the
// Cioppa-Lucas size for the factor count: 17, 33, 65, 129 or 257 points
// for up to 7, 11, 16, 22 or 29 factors, then 2 k^2 + 1 rounded up).
[[nodiscard]] std::uint64_t design_point_count(const std::vector<FactorValues>& factors,
                                               const DesignSettings& settings);

struct DesignTable {
  std::size_t factors = 0;
  std::vector<double> values;        // row-major: point p, factor f at p * factors + f
  double max_abs_correlation = 0.0;  // over pairs of columns; 0 with one factor

  [[nodiscard]] std::size_t points() const { return factors == 0 ? 1 : values.size() / factors; }
  [[nodiscard]] double at(std::size_t point, std::size_t factor) const {
    return values[point * factors + factor];
  }
};

// The design's table. Throws std::invalid_argument for a design the
// factors cannot have (a distribution in a full factorial; a Latin
// hypercube without points; more than kMaxDesignPoints points), with a
// message fit to show the user.
[[nodiscard]] DesignTable make_design(const std::vector<FactorValues>& factors,
                                      const DesignSettings& settings);

// The largest |Pearson correlation| between two columns of the table (0
// for fewer than two columns; a constant column correlates with nothing).
[[nodiscard]] double max_abs_column_correlation(const DesignTable& table);

}  // namespace hotline::scenarios
