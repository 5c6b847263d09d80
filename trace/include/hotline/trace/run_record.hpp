// A finished run's results as trace rows (rows.hpp), and what a run
// records while it steps: the events kept and the dyad hostilities sampled.
//
// `hotline run` prints from a RunRecord and writes it to its trace file; a
// sweep encodes each one into its journal the moment the run completes and
// assembles the final file from them. Encoding is a plain byte image of the
// rows, read back only by the same build (the journal's identity names the
// version and the layout).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "hotline/agents/platform_world.hpp"
#include "hotline/trace/rows.hpp"

namespace hotline::trace {

// Which events a run keeps for its trace.
enum class EventDetail : std::uint8_t {
  none,
  command,    // the command layer's: level changes, clashes, calls
  incidents,  // those, incidents, intrusions, scrambles and dispatches
  all,        // those and encounter begins and ends
};
[[nodiscard]] std::optional<EventDetail> parse_event_detail(std::string_view text);
// The same for a command's --events: a bad value is reported on `err`
// (the command then exits 2).
[[nodiscard]] std::optional<EventDetail> parse_events_option(std::string_view text,
                                                             std::ostream& err);
[[nodiscard]] std::string_view event_detail_name(EventDetail detail);
[[nodiscard]] bool event_kept(EventDetail detail, agents::EventType type);

// What a run records as it steps.
struct RecordingOptions {
  EventDetail events = EventDetail::all;
  std::uint32_t hostility_every_steps = 0;  // 0: no hostility samples
};

// After each step: moves the world's new events (those kept) into
// `record.events`, clearing the world's list, and appends a hostility sample
// when one is due (after steps k, 2k, ...).
void record_step(agents::PlatformWorld& world, const RecordingOptions& options, RunRecord& record);

// Fills the record's summary, dyad and presence rows from the finished run.
// `policy` is the index of the world's policy among the scenario's. The
// run's design point is record.summary.point, which the caller sets before
// the run (its events carry it from there, with the policy and replication).
void summarize_run(const agents::PlatformWorld& world, std::uint64_t seed, std::uint32_t policy,
                   std::uint32_t replication, RunRecord& record);

// The q-quantile of the values (linear between order statistics, "type 7"
// of R and numpy); NaN for none.
[[nodiscard]] double quantile(std::vector<double> values, double q);

[[nodiscard]] std::vector<std::byte> encode_run_record(const RunRecord& record);
// Throws std::runtime_error for bytes that are not a record of this build.
[[nodiscard]] RunRecord decode_run_record(std::span<const std::byte> bytes);

}  // namespace hotline::trace
