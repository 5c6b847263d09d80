// Which factors of an experiment move a response, and by how much:
// standardized regression coefficients (SRC) and partial rank correlation
// coefficients (PRCC), each with a confidence interval, the replications
// taken as blocks.
//
// Blocks: replication k of every design point ran on the same random
// streams (common random numbers), so the runs of one replication share
// their noise. Each block's mean is taken out of the response and of every
// factor before fitting (the within, or fixed-effects, estimator), which
// removes that shared noise the way pairing does for two policies.
//
// SRC: the least-squares slope b of the response on each factor, the others
// held fixed, times sd(factor) / sd(response) (both over every
// observation): the change of the response, in its standard deviations,
// per standard deviation of the factor. Its interval is the slope's
// Student-t interval (n − p − blocks degrees of freedom) scaled alike. It
// measures linear effects; R² says how much of the response (within
// blocks) a linear fit explains.
//
// PRCC: the correlation of the ranks of the response and of the factor
// once the ranks of the other factors are regressed out (and the block
// means taken out), for monotonic effects that need not be linear. Its
// interval is Fisher's z with standard error 1/sqrt(n − blocks − p − 1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hotline::analysis {

struct SensitivityData {
  std::vector<std::vector<double>> factors;  // factors[f][i]: factor f of observation i
  std::vector<double> response;              // response[i]
  std::vector<std::uint32_t> block;          // block[i]: its replication
};

struct FactorSensitivity {
  double slope = 0.0;  // response units per factor unit
  double slope_low = 0.0;
  double slope_high = 0.0;
  double src = 0.0;
  double src_low = 0.0;
  double src_high = 0.0;
  double prcc = 0.0;
  double prcc_low = 0.0;
  double prcc_high = 0.0;
};

struct Sensitivity {
  std::size_t observations = 0;
  std::size_t blocks = 0;
  double degrees_of_freedom = 0.0;  // of the regression's residual
  double r_squared = 0.0;           // within blocks
  // One per factor; NaN throughout for a factor that does not vary within
  // blocks, and every interval NaN when there are too few observations.
  std::vector<FactorSensitivity> factors;
};

// Observations with a NaN response are left out. Throws
// std::invalid_argument if the columns differ in length.
[[nodiscard]] Sensitivity sensitivity(const SensitivityData& data, double confidence = 0.95);

// Ranks from 1, ties given their average rank.
[[nodiscard]] std::vector<double> average_ranks(const std::vector<double>& values);

}  // namespace hotline::analysis
