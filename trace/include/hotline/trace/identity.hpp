// What decides a trace file's content besides its runs, and how two files
// or journals are checked to belong together.
//
// TraceIdentity is the scenario (its text, resolved form and hash), the
// experiment's design when there is one, the seed, the days, the grid and
// what was recorded. A sweep's journal carries
// it, `--resume` checks it, `hotline merge` compares the shards' identities
// field by field, and the reader fills it from a file's attributes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hotline::trace {

// The version of the trace format this build writes and reads
// (docs/trace-format.md).
inline constexpr std::int64_t kTraceFormatVersion = 3;

// One factor of an experiment, as the file records it.
struct DesignFactor {
  std::string name;
  std::vector<std::string> paths;  // the scenario scalars it sets
  std::string unit;                // as the values are written; "" for plain numbers
  std::string si_unit;             // "s", "m", "m/s", "rad", "1/s" or ""
  double si_per_unit = 1.0;
  bool whole = false;
};

// An experiment's design: what each design point sets (values row-major,
// point p and factor f at p * factors.size() + f, in each factor's unit).
struct DesignIdentity {
  std::string name;         // the experiment's
  std::string description;  //
  std::string file;         // the experiment file, or "--vary"
  std::string text;         // its text ("" for --vary)
  std::string type;         // designs.hpp's design_type_name
  std::uint64_t seed = 0;
  double max_abs_correlation = 0.0;
  std::vector<DesignFactor> factors;
  std::vector<double> values;

  [[nodiscard]] std::size_t points() const {
    return factors.empty() ? 1 : values.size() / factors.size();
  }
  [[nodiscard]] double value(std::size_t point, std::size_t factor) const {
    return values[point * factors.size() + factor];
  }
};

struct TraceIdentity {
  std::string kind;  // "run", "sweep" or "risk"
  std::string hotline_version;
  std::string scenario_file;  // as given on the command line
  std::string scenario_yaml;  // the file's text
  std::string resolved_yaml;  // hotline validate --explain
  std::string scenario_hash;  // FNV-1a 64 of resolved_yaml, 16 hex digits
  std::string scenario_name;
  std::uint64_t seed = 0;
  double days = 0.0;  // asked for
  std::uint32_t replications = 0;
  std::vector<std::size_t> policies;    // the scenario's policies, by index, in file order
  std::vector<std::string> policy_ids;  // and their ids
  std::uint32_t shard_index = 1;        // 1-based
  std::uint32_t shard_count = 1;
  std::string events = "all";            // EventDetail name
  double hostility_interval_s = 0.0;     // 0: none
  double state_interval_s = 0.0;         // run files only; 0: none
  std::optional<DesignIdentity> design;  // an experiment's sweep; none: one point
  // A risk file's estimate ("splitting, effort 100, levels L1,L2,L3,clash";
  // replications are its repetitions); "" for other files.
  std::string risk;

  [[nodiscard]] std::uint32_t points() const {
    return design ? static_cast<std::uint32_t>(design->points()) : 1U;
  }

  // Fields that must agree for files or journals to belong together: name
  // and value, as text, in a fixed order (the shard fields left out).
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> matching_fields() const;
  // A byte image of every field, for a journal's header.
  [[nodiscard]] std::vector<std::byte> encode() const;
  // Throws std::runtime_error for bytes that are not an identity written by
  // this build.
  static TraceIdentity decode(std::span<const std::byte> bytes);
};

// The first matching field in which `b` differs from `a`, as
// "seed: 1 in A, 2 in B"; nullopt if they agree. With `shards`, the shard
// index and count must agree too.
[[nodiscard]] std::optional<std::string> identity_difference(const TraceIdentity& a,
                                                             const std::string& a_name,
                                                             const TraceIdentity& b,
                                                             const std::string& b_name,
                                                             bool shards);

// FNV-1a 64 of the text as 16 hex digits.
[[nodiscard]] std::string text_hash(std::string_view text);

}  // namespace hotline::trace
