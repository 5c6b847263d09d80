// Runs of an experiment that are the same run, made once.
//
// A factor whose paths all lie under `policies.<id>.` (or `policies[i].`)
// changes that policy alone: under every other policy, design points that
// differ only in such factors build the same world, and with the same
// random streams (common random numbers) their runs are identical but for
// their `point` column. So under each policy, each design point takes its
// runs from the first point with the same values of the factors that
// policy sees — its source — and only sources are simulated; the others'
// records are the source's with the point rewritten. (The shipped hotline
// study varies the hotline policy alone: its `none` runs are made once, not
// once per point.) The file is the same bytes as if every run had been
// simulated (tested against a plain sweep).
//
// Reuse is an optimization only: a run whose source is not in this
// process's shard, or was lost, is simulated like any other.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "hotline/engine/run_grid.hpp"
#include "hotline/trace/identity.hpp"
#include "hotline/trace/run_record.hpp"

namespace hotline::cli {

class RunReuse {
 public:
  // Nothing is reused for a file without a design.
  explicit RunReuse(const trace::TraceIdentity& identity);

  // The run whose record `key` takes: itself, or an earlier point's run of
  // the same policy and replication.
  [[nodiscard]] engine::RunKey source(engine::RunKey key) const;

 private:
  std::uint32_t policies_ = 1;
  std::vector<std::uint32_t> source_point_;  // [point * policies + policy]; empty: none
};

// Whether a factor path can change the world of the scenario policy
// `policy_id` (at `policy_index` among the scenario's policies).
[[nodiscard]] bool path_reaches_policy(std::string_view path, std::string_view policy_id,
                                       std::size_t policy_index);

// `todo` split: the runs to simulate, and each of those's copies (runs of
// `todo` whose source is a simulated run). Runs whose source is already
// done (`done`) are listed in `from_done` with that source.
struct ReusePlan {
  std::vector<engine::RunKey> simulate;
  std::unordered_map<std::uint64_t, std::vector<engine::RunKey>> copies;  // by source's index
  std::vector<std::pair<engine::RunKey, engine::RunKey>> from_done;       // (copy, source)
  std::size_t reused = 0;
};
[[nodiscard]] ReusePlan plan_reuse(const RunReuse& reuse, const engine::RunGrid& grid,
                                   std::span<const engine::RunKey> todo,
                                   const std::vector<bool>& done);

// A run record as `point`'s: every row's point rewritten.
[[nodiscard]] std::vector<std::byte> record_at_point(trace::RunRecord record, std::uint32_t point);

}  // namespace hotline::cli
