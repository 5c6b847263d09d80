#include "hotline/scenarios/designs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

namespace hotline::scenarios {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// Seeded draws whose sequence is the same on every platform: mt19937_64's
// output is fixed by the standard; the standard distributions are not, so
// these map its bits themselves.
class DesignRandom {
 public:
  explicit DesignRandom(std::uint64_t seed) : engine_(seed) {}
  // In [0, n); the modulo bias is below 2^-40 for any design size here.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
  // In (0, 1), never 0 or 1.
  double open_unit() { return (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53; }
  std::vector<std::uint32_t> permutation(std::size_t n) {
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0U);
    for (std::size_t i = n; i > 1; --i)
      std::swap(order[i - 1], order[below(i)]);
    return order;
  }

 private:
  std::mt19937_64 engine_;
};

double triangular_quantile(const TriangularDistribution& t, double u) {
  const double width = t.max - t.min;
  const double split = (t.mode - t.min) / width;
  if (u < split) return t.min + std::sqrt(u * width * (t.mode - t.min));
  return t.max - std::sqrt((1.0 - u) * width * (t.max - t.mode));
}

// Full factorial: point p's level of each factor, the last factor fastest.
DesignTable full_factorial(const std::vector<FactorValues>& factors, std::uint64_t points) {
  DesignTable table;
  table.factors = factors.size();
  table.values.resize(static_cast<std::size_t>(points) * factors.size());
  for (std::size_t p = 0; p < points; ++p) {
    std::size_t rest = p;
    for (std::size_t f = factors.size(); f-- > 0;) {
      const std::size_t levels = level_count(factors[f]);
      table.values[p * factors.size() + f] = level_value(factors[f], rest % levels);
      rest /= levels;
    }
  }
  return table;
}

// Latin hypercube: factor f of point p in stratum perm_f[p], at a random
// place within it.
DesignTable latin_hypercube(const std::vector<FactorValues>& factors, std::size_t points,
                            std::uint64_t seed) {
  DesignRandom random(seed);
  DesignTable table;
  table.factors = factors.size();
  table.values.resize(points * factors.size());
  for (std::size_t f = 0; f < factors.size(); ++f) {
    const std::vector<std::uint32_t> strata = random.permutation(points);
    for (std::size_t p = 0; p < points; ++p) {
      const double u = (strata[p] + random.open_unit()) / static_cast<double>(points);
      table.values[p * factors.size() + f] = factor_quantile(factors[f], u);
    }
  }
  return table;
}

// Sum over the other columns of the squared dot products with `column`
// (centred ranks).
double squared_dots(const std::vector<double>& dots) {
  double sum = 0.0;
  for (double d : dots)
    sum += d * d;
  return sum;
}

double largest_abs(const std::vector<double>& values) {
  double largest = 0.0;
  for (double v : values)
    largest = std::max(largest, std::abs(v));
  return largest;
}

// One try at a NOLH column: a random permutation of the centred ranks,
// improved by accepting random swaps that do not increase the sum of its
// squared dot products with the earlier columns, until its largest |dot|
// is at most `goal` or the attempts run out. Its largest |dot| in `reached`.
std::vector<double> nolh_column_try(const std::vector<std::vector<double>>& earlier, std::size_t n,
                                    double goal, DesignRandom& random, double& reached) {
  const double centre = static_cast<double>(n - 1) / 2.0;
  std::vector<double> column(n);
  const std::vector<std::uint32_t> order = random.permutation(n);
  for (std::size_t i = 0; i < n; ++i)
    column[i] = order[i] - centre;
  std::vector<double> dots(earlier.size(), 0.0);
  for (std::size_t c = 0; c < earlier.size(); ++c)
    for (std::size_t i = 0; i < n; ++i)
      dots[c] += column[i] * earlier[c][i];
  std::vector<double> trial(dots.size());
  const std::size_t attempts = 400 * n * (earlier.size() + 1);
  for (std::size_t attempt = 0; attempt < attempts && largest_abs(dots) > goal; ++attempt) {
    const std::size_t a = random.below(n);
    const std::size_t b = random.below(n);
    if (a == b) continue;
    for (std::size_t c = 0; c < dots.size(); ++c)
      trial[c] = dots[c] + (column[b] - column[a]) * (earlier[c][a] - earlier[c][b]);
    if (squared_dots(trial) > squared_dots(dots)) continue;
    std::swap(column[a], column[b]);
    dots.swap(trial);
  }
  reached = largest_abs(dots);
  return column;
}

// One NOLH column whose correlation with every earlier column is at most
// half the target where 20 tries find one; else the best try.
std::vector<double> nolh_column(const std::vector<std::vector<double>>& earlier, std::size_t n,
                                DesignRandom& random) {
  const double column_ss = static_cast<double>(n) * static_cast<double>(n * n - 1) / 12.0;
  const double goal = 0.5 * kNolhCorrelationTarget * column_ss;
  std::vector<double> best;
  double best_reached = std::numeric_limits<double>::infinity();
  for (int attempt = 0; attempt < 20 && best_reached > goal; ++attempt) {
    double reached = 0.0;
    std::vector<double> column = nolh_column_try(earlier, n, goal, random, reached);
    if (reached < best_reached) {
      best_reached = reached;
      best = std::move(column);
    }
  }
  return best;
}

DesignTable nolh(const std::vector<FactorValues>& factors, std::size_t points, std::uint64_t seed) {
  DesignRandom random(seed);
  std::vector<std::vector<double>> columns;
  const double centre = static_cast<double>(points - 1) / 2.0;
  for (std::size_t f = 0; f < factors.size(); ++f)
    columns.push_back(nolh_column(columns, points, random));
  DesignTable table;
  table.factors = factors.size();
  table.values.resize(points * factors.size());
  for (std::size_t f = 0; f < factors.size(); ++f) {
    for (std::size_t p = 0; p < points; ++p) {
      const double u = (columns[f][p] + centre + 0.5) / static_cast<double>(points);
      table.values[p * factors.size() + f] = factor_quantile(factors[f], u);
    }
  }
  return table;
}

std::uint64_t nolh_default_points(std::size_t factors) {
  constexpr std::array<std::pair<std::size_t, std::uint64_t>, 5> kSizes = {
      {{7, 17}, {11, 33}, {16, 65}, {22, 129}, {29, 257}}};
  for (const auto& [most_factors, points] : kSizes)
    if (factors <= most_factors) return points;
  return 2 * static_cast<std::uint64_t>(factors) * factors + 1;
}

}  // namespace

double factor_quantile(const FactorValues& values, double u) {
  return std::visit(
      Overloaded{[&](const ValueList& list) {
                   const auto i =
                       static_cast<std::size_t>(u * static_cast<double>(list.values.size()));
                   return list.values[std::min(i, list.values.size() - 1)];
                 },
                 [&](const EvenRange& range) {
                   const auto i = static_cast<std::size_t>(u * range.count);
                   return level_value(range, std::min<std::size_t>(i, range.count - 1));
                 },
                 [&](const UniformDistribution& d) { return d.from + u * (d.to - d.from); },
                 [&](const LogUniformDistribution& d) {
                   return std::exp(std::log(d.from) + u * (std::log(d.to) - std::log(d.from)));
                 },
                 [&](const NormalDistribution& d) {
                   return boost::math::quantile(boost::math::normal(d.mean, d.sd), u);
                 },
                 [&](const TriangularDistribution& d) { return triangular_quantile(d, u); }},
      values);
}

std::size_t level_count(const FactorValues& values) {
  if (const auto* list = std::get_if<ValueList>(&values)) return list->values.size();
  if (const auto* range = std::get_if<EvenRange>(&values)) return range->count;
  return 0;
}

double level_value(const FactorValues& values, std::size_t i) {
  if (const auto* list = std::get_if<ValueList>(&values)) return list->values.at(i);
  const auto& range = std::get<EvenRange>(values);
  if (i + 1 == range.count) return range.to;  // exactly, not from + (count-1) * step
  return range.from + (range.to - range.from) * static_cast<double>(i) / (range.count - 1);
}

std::string_view design_type_name(DesignType type) {
  switch (type) {
    case DesignType::full_factorial:
      return "full_factorial";
    case DesignType::latin_hypercube:
      return "latin_hypercube";
    case DesignType::nolh:
      return "nolh";
  }
  return "?";
}

std::optional<DesignType> parse_design_type(std::string_view name) {
  for (const DesignType type :
       {DesignType::full_factorial, DesignType::latin_hypercube, DesignType::nolh})
    if (design_type_name(type) == name) return type;
  return std::nullopt;
}

std::uint64_t design_point_count(const std::vector<FactorValues>& factors,
                                 const DesignSettings& settings) {
  if (settings.type == DesignType::latin_hypercube) return settings.points;
  if (settings.type == DesignType::nolh) {
    return settings.points > 0 ? settings.points : nolh_default_points(factors.size());
  }
  std::uint64_t points = 1;
  for (const FactorValues& factor : factors) {
    const std::uint64_t levels = level_count(factor);
    if (levels != 0 && points > std::numeric_limits<std::uint64_t>::max() / levels)
      return std::numeric_limits<std::uint64_t>::max();
    points *= levels;
  }
  return points;
}

DesignTable make_design(const std::vector<FactorValues>& factors, const DesignSettings& settings) {
  if (settings.type == DesignType::full_factorial) {
    for (const FactorValues& factor : factors) {
      if (level_count(factor) == 0) {
        throw std::invalid_argument(
            "a full factorial design takes lists and ranges with a count, not distributions "
            "(sample a distribution with latin_hypercube or nolh)");
      }
    }
  }
  if (settings.type == DesignType::latin_hypercube && settings.points < 2) {
    throw std::invalid_argument("a latin_hypercube design needs 'points', at least 2");
  }
  if (settings.type == DesignType::nolh && settings.points == 1) {
    throw std::invalid_argument("a nolh design needs at least 2 points");
  }
  const std::uint64_t points = design_point_count(factors, settings);
  if (points > kMaxDesignPoints) {
    throw std::invalid_argument(
        fmt::format("the design has {} points, more than the {} an experiment may have",
                    points == std::numeric_limits<std::uint64_t>::max() ? std::string("over 18e18")
                                                                        : std::to_string(points),
                    kMaxDesignPoints));
  }
  DesignTable table;
  switch (settings.type) {
    case DesignType::full_factorial:
      table = full_factorial(factors, points);
      break;
    case DesignType::latin_hypercube:
      table = latin_hypercube(factors, static_cast<std::size_t>(points), settings.seed);
      break;
    case DesignType::nolh:
      table = nolh(factors, static_cast<std::size_t>(points), settings.seed);
      break;
  }
  table.max_abs_correlation = max_abs_column_correlation(table);
  return table;
}

double max_abs_column_correlation(const DesignTable& table) {
  const std::size_t n = table.points();
  double largest = 0.0;
  std::vector<double> mean(table.factors, 0.0);
  std::vector<double> spread(table.factors, 0.0);
  for (std::size_t f = 0; f < table.factors; ++f) {
    for (std::size_t p = 0; p < n; ++p)
      mean[f] += table.at(p, f) / static_cast<double>(n);
    for (std::size_t p = 0; p < n; ++p)
      spread[f] += (table.at(p, f) - mean[f]) * (table.at(p, f) - mean[f]);
  }
  for (std::size_t a = 0; a < table.factors; ++a) {
    for (std::size_t b = a + 1; b < table.factors; ++b) {
      if (spread[a] <= 0.0 || spread[b] <= 0.0) continue;
      double cross = 0.0;
      for (std::size_t p = 0; p < n; ++p)
        cross += (table.at(p, a) - mean[a]) * (table.at(p, b) - mean[b]);
      largest = std::max(largest, std::abs(cross / std::sqrt(spread[a] * spread[b])));
    }
  }
  return largest;
}

}  // namespace hotline::scenarios
