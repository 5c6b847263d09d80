// One estimate of `hotline risk` (docs/rare-events.md): a policy's clash
// probability from one repetition of the splitting (or plain Monte Carlo)
// procedure, with what each stage reached and the work it took. It is what
// a risk file's journal holds per (policy, repetition) and what /risk's
// tables hold per row (docs/trace-format.md, "Risk files").
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace hotline::trace {

struct RiskRecord {
  std::uint32_t policy = 0;  // position among the file's policies
  std::uint32_t repetition = 0;
  std::uint32_t effort = 0;            // runs started at each stage
  std::vector<std::uint32_t> reached;  // of them, those that reached the stage's level;
                                       // fewer than the levels if a stage reached none
  // The last stage's fraction as the estimate used it: reached / effort,
  // or the mean of its runs' expected clashes (clashes expected); 0 when
  // an earlier stage reached none.
  double final_fraction = 0.0;
  double probability = 0.0;          // the product of the stages' fractions
  double work_platform_steps = 0.0;  // simulated platforms × steps, every stage
};

[[nodiscard]] std::vector<std::byte> encode_risk_record(const RiskRecord& record);
// Throws engine::SnapshotError (a std::runtime_error) for bytes that are
// not a record.
[[nodiscard]] RiskRecord decode_risk_record(std::span<const std::byte> bytes);

}  // namespace hotline::trace
