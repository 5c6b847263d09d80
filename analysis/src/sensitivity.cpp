#include "hotline/analysis/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "hotline/analysis/statistics.hpp"

namespace hotline::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A small dense square matrix (one row and column per factor, and one
// more). Boost 1.74's uBLAS does not compile as C++20, and these matrices
// are too small to want more than Gauss-Jordan.
class Matrix {
 public:
  Matrix(std::size_t n, std::size_t /*n*/) : n_(n), a_(n * n, 0.0) {}
  double& operator()(std::size_t r, std::size_t c) { return a_[r * n_ + c]; }
  double operator()(std::size_t r, std::size_t c) const { return a_[r * n_ + c]; }
  [[nodiscard]] std::size_t size() const { return n_; }

 private:
  std::size_t n_;
  std::vector<double> a_;
};

// The inverse by Gauss-Jordan elimination with partial pivoting; nullopt
// if a pivot vanishes against the matrix's scale (singular).
std::optional<Matrix> inverse(Matrix m) {
  const std::size_t n = m.size();
  Matrix result(n, n);
  double scale = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    result(i, i) = 1.0;
    for (std::size_t j = 0; j < n; ++j)
      scale = std::max(scale, std::abs(m(i, j)));
  }
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < n; ++r)
      if (std::abs(m(r, col)) > std::abs(m(pivot, col))) pivot = r;
    if (!(std::abs(m(pivot, col)) > 1e-12 * scale)) return std::nullopt;
    for (std::size_t j = 0; j < n; ++j) {
      std::swap(m(col, j), m(pivot, j));
      std::swap(result(col, j), result(pivot, j));
    }
    const double d = m(col, col);
    for (std::size_t j = 0; j < n; ++j) {
      m(col, j) /= d;
      result(col, j) /= d;
    }
    for (std::size_t r = 0; r < n; ++r) {
      if (r == col || m(r, col) == 0.0) continue;
      const double f = m(r, col);
      for (std::size_t j = 0; j < n; ++j) {
        m(r, j) -= f * m(col, j);
        result(r, j) -= f * result(col, j);
      }
    }
  }
  return result;
}

double mean_of(const std::vector<double>& x) {
  return x.empty() ? kNaN
                   : std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
}

double sd_of(const std::vector<double>& x) {
  if (x.size() < 2) return kNaN;
  const double mean = mean_of(x);
  double sum = 0.0;
  for (const double v : x)
    sum += (v - mean) * (v - mean);
  return std::sqrt(sum / static_cast<double>(x.size() - 1));
}

// The observations kept (a response that is a number), their blocks
// numbered from 0.
struct Kept {
  std::vector<std::size_t> rows;
  std::vector<std::size_t> block;
  std::size_t blocks = 0;
};

Kept kept_rows(const SensitivityData& data) {
  Kept kept;
  std::map<std::uint32_t, std::size_t> dense;
  for (std::size_t i = 0; i < data.response.size(); ++i) {
    if (std::isnan(data.response[i])) continue;
    kept.rows.push_back(i);
    const auto [it, added] = dense.emplace(data.block[i], dense.size());
    kept.block.push_back(it->second);
  }
  kept.blocks = dense.size();
  return kept;
}

std::vector<double> column(const std::vector<double>& values, const Kept& kept) {
  std::vector<double> out;
  for (const std::size_t i : kept.rows)
    out.push_back(values[i]);
  return out;
}

// The values with their block's mean taken out.
std::vector<double> within_blocks(std::vector<double> values, const Kept& kept) {
  std::vector<double> sum(kept.blocks, 0.0);
  std::vector<double> count(kept.blocks, 0.0);
  for (std::size_t i = 0; i < values.size(); ++i) {
    sum[kept.block[i]] += values[i];
    count[kept.block[i]] += 1.0;
  }
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] -= sum[kept.block[i]] / count[kept.block[i]];
  return values;
}

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i)
    sum += a[i] * b[i];
  return sum;
}

// Least squares of y on the columns (no intercept: both are within
// blocks): the slopes with their Student-t intervals, and R².
void fit_slopes(const std::vector<std::vector<double>>& x, const std::vector<double>& y,
                const std::vector<std::size_t>& which, double t, Sensitivity& out) {
  const std::size_t p = which.size();
  Matrix xtx(p, p);
  std::vector<double> xty(p);
  for (std::size_t a = 0; a < p; ++a) {
    xty[a] = dot(x[which[a]], y);
    for (std::size_t b = 0; b < p; ++b)
      xtx(a, b) = dot(x[which[a]], x[which[b]]);
  }
  const std::optional<Matrix> inv = inverse(xtx);
  if (!inv) return;
  std::vector<double> beta(p, 0.0);
  for (std::size_t a = 0; a < p; ++a)
    for (std::size_t b = 0; b < p; ++b)
      beta[a] += (*inv)(a, b) * xty[b];
  double rss = 0.0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    double fitted = 0.0;
    for (std::size_t a = 0; a < p; ++a)
      fitted += beta[a] * x[which[a]][i];
    rss += (y[i] - fitted) * (y[i] - fitted);
  }
  const double tss = dot(y, y);
  out.r_squared = tss > 0.0 ? 1.0 - rss / tss : kNaN;
  const double s2 = out.degrees_of_freedom >= 1.0 ? rss / out.degrees_of_freedom : kNaN;
  for (std::size_t a = 0; a < p; ++a) {
    FactorSensitivity& f = out.factors[which[a]];
    const double se = std::sqrt(s2 * (*inv)(a, a));
    f.slope = beta[a];
    f.slope_low = beta[a] - t * se;
    f.slope_high = beta[a] + t * se;
  }
}

// `target` less its least-squares fit on the columns `others` (no
// intercept: every column is within blocks); nullopt if they are collinear.
std::optional<std::vector<double>> residual(const std::vector<double>& target,
                                            const std::vector<const std::vector<double>*>& others) {
  const std::size_t q = others.size();
  if (q == 0) return target;
  Matrix gram(q, q);
  std::vector<double> cross(q);
  for (std::size_t a = 0; a < q; ++a) {
    cross[a] = dot(*others[a], target);
    for (std::size_t b = 0; b < q; ++b)
      gram(a, b) = dot(*others[a], *others[b]);
  }
  const std::optional<Matrix> inv = inverse(gram);
  if (!inv) return std::nullopt;
  std::vector<double> out = target;
  for (std::size_t a = 0; a < q; ++a) {
    double coefficient = 0.0;
    for (std::size_t b = 0; b < q; ++b)
      coefficient += (*inv)(a, b) * cross[b];
    for (std::size_t i = 0; i < out.size(); ++i)
      out[i] -= coefficient * (*others[a])[i];
  }
  return out;
}

// Each factor's partial rank correlation with the response: the
// correlation of the residuals of both once the other factors' ranks are
// regressed out (a perfect monotonic relation gives 1, where the inverse
// of the correlation matrix would not exist).
void fit_prcc(const std::vector<std::vector<double>>& ranks, const std::vector<double>& y,
              const std::vector<std::size_t>& which, double z, Sensitivity& out) {
  const double n_effective = static_cast<double>(out.observations) - static_cast<double>(out.blocks)
                             - static_cast<double>(which.size()) - 1.0;
  const double se = n_effective > 0.0 ? 1.0 / std::sqrt(n_effective) : kNaN;
  for (const std::size_t f : which) {
    std::vector<const std::vector<double>*> others;
    for (const std::size_t g : which)
      if (g != f) others.push_back(&ranks[g]);
    const auto rx = residual(ranks[f], others);
    const auto ry = residual(y, others);
    if (!rx || !ry) continue;
    const double norm = std::sqrt(dot(*rx, *rx) * dot(*ry, *ry));
    if (!(norm > 0.0)) continue;
    const double r = std::clamp(dot(*rx, *ry) / norm, -1.0, 1.0);
    const double fisher = std::atanh(std::clamp(r, -1.0 + 1e-15, 1.0 - 1e-15));
    FactorSensitivity& s = out.factors[f];
    s.prcc = r;
    s.prcc_low = std::tanh(fisher - z * se);
    s.prcc_high = std::tanh(fisher + z * se);
  }
}

}  // namespace

std::vector<double> average_ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]])
      ++j;
    const double rank = (static_cast<double>(i + j) / 2.0) + 1.0;
    for (std::size_t k = i; k <= j; ++k)
      ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

Sensitivity sensitivity(const SensitivityData& data, double confidence) {
  for (const auto& f : data.factors)
    if (f.size() != data.response.size())
      throw std::invalid_argument("sensitivity: a factor column and the response differ in length");
  if (data.block.size() != data.response.size())
    throw std::invalid_argument("sensitivity: the blocks and the response differ in length");
  const Kept kept = kept_rows(data);
  Sensitivity out;
  out.observations = kept.rows.size();
  out.blocks = kept.blocks;
  FactorSensitivity none{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  out.factors.assign(data.factors.size(), none);
  out.r_squared = kNaN;
  const std::vector<double> y_raw = column(data.response, kept);
  std::vector<double> y = within_blocks(y_raw, kept);
  // A response that does not move within any block but for rounding (a
  // factor that changes nothing under common random numbers) is flat:
  // exactly no effect, not a slope of 1e-33.
  if (dot(y, y) <= 1e-24 * std::max(1e-300, dot(y_raw, y_raw))) std::fill(y.begin(), y.end(), 0.0);
  std::vector<std::vector<double>> x(data.factors.size());
  std::vector<std::vector<double>> x_ranks(data.factors.size());
  std::vector<std::size_t> varying;
  for (std::size_t f = 0; f < data.factors.size(); ++f) {
    const std::vector<double> raw = column(data.factors[f], kept);
    x[f] = within_blocks(raw, kept);
    x_ranks[f] = within_blocks(average_ranks(raw), kept);
    const double scale = std::max(1.0, std::abs(mean_of(raw)));
    if (dot(x[f], x[f]) > 1e-18 * scale * scale * static_cast<double>(raw.size()))
      varying.push_back(f);
  }
  const auto p = static_cast<double>(varying.size());
  out.degrees_of_freedom =
      static_cast<double>(out.observations) - static_cast<double>(out.blocks) - p;
  if (varying.empty() || out.observations == 0) return out;
  const double alpha = 1.0 - confidence;
  const double t = out.degrees_of_freedom >= 1.0
                       ? student_t_quantile(1.0 - alpha / 2.0, out.degrees_of_freedom)
                       : kNaN;
  if (dot(y, y) == 0.0) {
    for (const std::size_t f : varying)
      out.factors[f] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, kNaN, kNaN, kNaN};
    return out;
  }
  fit_slopes(x, y, varying, t, out);
  const double sd_y = sd_of(y_raw);
  for (const std::size_t f : varying) {
    FactorSensitivity& s = out.factors[f];
    const double scale = sd_of(column(data.factors[f], kept)) / sd_y;
    s.src = s.slope * scale;
    s.src_low = s.slope_low * scale;
    s.src_high = s.slope_high * scale;
  }
  if (dot(y, y) > 0.0) {
    fit_prcc(x_ranks, within_blocks(average_ranks(y_raw), kept), varying,
             student_t_quantile(1.0 - alpha / 2.0, std::numeric_limits<double>::infinity()), out);
  }
  return out;
}

}  // namespace hotline::analysis
