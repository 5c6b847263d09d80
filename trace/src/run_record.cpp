#include "hotline/trace/run_record.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <type_traits>

#include "hotline/agents/political_decision.hpp"

namespace hotline::trace {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

EventRow event_row(const agents::Event& e, std::uint32_t point, std::uint32_t policy,
                   std::uint32_t replication) {
  EventRow row{};
  row.point = point;
  row.policy = policy;
  row.replication = replication;
  row.step = e.step;
  row.time_s = e.time_s;
  row.type = static_cast<std::uint8_t>(e.type);
  row.agent_a = e.agent_a;
  row.agent_b = e.agent_b;
  row.nation_a = e.nation_a;
  row.nation_b = e.nation_b;
  row.severity = static_cast<std::uint8_t>(e.severity);
  row.x_km = e.x_km;
  row.y_km = e.y_km;
  row.value = e.value;
  return row;
}

// The byte image of a row: each field's bytes at its offset and zeros
// between them, so that a record never carries a struct's indeterminate
// padding (equal runs give equal journal bytes).
template <class T>
void put_row(std::vector<std::byte>& out, const T& row,
             const std::vector<trace::hdf5::Field>& fields) {
  static_assert(std::is_trivially_copyable_v<T>);
  const std::size_t at = out.size();
  out.resize(at + sizeof(T));  // zeros
  const auto* bytes = reinterpret_cast<const std::byte*>(&row);
  for (const trace::hdf5::Field& f : fields)
    std::memcpy(out.data() + at + f.offset, bytes + f.offset, trace::hdf5::field_bytes(f));
}

// Rows after their count.
template <class T>
void put_rows(std::vector<std::byte>& out, const std::vector<T>& rows,
              const std::vector<trace::hdf5::Field>& fields) {
  const std::uint64_t count = rows.size();
  const auto* count_bytes = reinterpret_cast<const std::byte*>(&count);
  out.insert(out.end(), count_bytes, count_bytes + sizeof count);
  for (const T& row : rows)
    put_row(out, row, fields);
}

template <class T>
void get_rows(std::span<const std::byte>& in, std::vector<T>& rows) {
  std::uint64_t count = 0;
  if (in.size() < sizeof count) throw std::runtime_error("run record: cut short");
  std::memcpy(&count, in.data(), sizeof count);
  in = in.subspan(sizeof count);
  if (count > in.size() / sizeof(T)) throw std::runtime_error("run record: cut short");
  rows.resize(static_cast<std::size_t>(count));
  if (!rows.empty())
    std::memcpy(rows.data(), in.data(), rows.size() * sizeof(T));  // data() may be null
  in = in.subspan(rows.size() * sizeof(T));
}

}  // namespace

std::optional<EventDetail> parse_event_detail(std::string_view text) {
  for (auto d :
       {EventDetail::none, EventDetail::command, EventDetail::incidents, EventDetail::all}) {
    if (event_detail_name(d) == text) return d;
  }
  return std::nullopt;
}

std::optional<EventDetail> parse_events_option(std::string_view text, std::ostream& err) {
  const std::optional<EventDetail> detail = parse_event_detail(text);
  if (!detail) {
    err << "hotline: error: --events expects none, command, incidents or all: got '" << text
        << "'\n";
  }
  return detail;
}

std::string_view event_detail_name(EventDetail detail) {
  switch (detail) {
    case EventDetail::none:
      return "none";
    case EventDetail::command:
      return "command";
    case EventDetail::incidents:
      return "incidents";
    case EventDetail::all:
      return "all";
  }
  return "?";
}

bool event_kept(EventDetail detail, agents::EventType type) {
  using agents::EventType;
  switch (detail) {
    case EventDetail::none:
      return false;
    case EventDetail::all:
      return true;
    case EventDetail::incidents:
      return type != EventType::encounter_begin && type != EventType::encounter_end;
    case EventDetail::command:
      return type == EventType::level_change || type == EventType::clash
             || type == EventType::call_placed || type == EventType::call_connected;
  }
  return false;
}

void record_step(agents::PlatformWorld& world, const RecordingOptions& options, RunRecord& record) {
  const auto point = record.summary.point;
  const auto policy = record.summary.policy;
  const auto replication = record.summary.replication;
  for (const agents::Event& e : world.events()) {
    if (event_kept(options.events, e.type))
      record.events.push_back(event_row(e, point, policy, replication));
  }
  world.clear_events();
  if (options.hostility_every_steps > 0
      && world.steps_taken() % options.hostility_every_steps == 0) {
    for (std::size_t d = 0; d < world.dyads().size(); ++d)
      record.hostility.push_back(static_cast<float>(world.crisis().hostility(d).hostility()));
  }
}

double day_or_nan(const std::optional<double>& time_s) {
  return time_s ? *time_s / 86400.0 : kNaN;
}

// The earlier of two days, NaN standing for "never".
void keep_earliest(double& earliest, double day) {
  if (!std::isnan(day) && (std::isnan(earliest) || day < earliest)) earliest = day;
}

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const double h = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  return values[below] + (h - static_cast<double>(below)) * (values[above] - values[below]);
}

namespace {

// Encounters and incidents of dyad d.
void fill_exposure(const agents::PlatformWorld& world, std::size_t d, DyadRow& r) {
  const agents::DyadCounts& c = world.dyad_counts()[d];
  r.encounters = c.encounters[0] + c.encounters[1] + c.encounters[2];
  r.encounter_hours = world.encounter_hours(d);
  r.encounters_routine = c.encounters[0];
  r.encounters_signalling = c.encounters[1];
  r.encounters_harassment = c.encounters[2];
  r.encounter_hours_routine = world.encounter_hours(d, agents::Conduct::routine);
  r.encounter_hours_signalling = world.encounter_hours(d, agents::Conduct::signalling);
  r.encounter_hours_harassment = world.encounter_hours(d, agents::Conduct::harassment);
  r.incidents_unsafe = c.incidents[0];
  r.incidents_dangerous = c.incidents[1];
  r.incidents_grave = c.incidents[2];
  const double incidents = static_cast<double>(c.incidents[0] + c.incidents[1] + c.incidents[2]);
  r.incidents_per_100_hours = r.encounter_hours > 0.0 ? 100.0 * incidents / r.encounter_hours : 0.0;
  for (const auto& by_severity : c.expected_incidents) {
    r.expected_dangerous += by_severity[1];
    r.expected_grave += by_severity[2];
  }
}

// Each side's responses to the other's intrusions.
void fill_responses(const agents::PlatformWorld& world, std::size_t a, std::size_t b, DyadRow& r) {
  const agents::ResponseCounts& into_a = world.responses(a, b);
  const agents::ResponseCounts& into_b = world.responses(b, a);
  r.intrusions_into_a = into_a.intrusions;
  r.scrambles_by_a = into_a.scrambles;
  r.aircraft_scrambled_by_a = into_a.aircraft_scrambled;
  r.dispatches_by_a = into_a.dispatches;
  r.ships_dispatched_by_a = into_a.ships_dispatched;
  r.unanswered_by_a = into_a.unanswered;
  r.intrusions_into_b = into_b.intrusions;
  r.scrambles_by_b = into_b.scrambles;
  r.aircraft_scrambled_by_b = into_b.aircraft_scrambled;
  r.dispatches_by_b = into_b.dispatches;
  r.ships_dispatched_by_b = into_b.ships_dispatched;
  r.unanswered_by_b = into_b.unanswered;
  r.intercepts_by_a = into_a.intercepts;
  r.airspace_violations_into_a = into_a.airspace_violations;
  r.intercepts_by_b = into_b.intercepts;
  r.airspace_violations_into_b = into_b.airspace_violations;
}

// The command layer: crises, clashes, hostility, and the hotline's calls
// (their connect delays appended to `delays_s`).
void fill_command(const agents::CrisisCommand& crisis, std::size_t d, DyadRow& r,
                  std::vector<double>& delays_s) {
  const agents::DyadRecord& e = crisis.record(d);
  const agents::DyadHostility& h = crisis.hostility(d);
  r.crisis_episodes = static_cast<std::uint32_t>(h.episodes());
  r.crisis_days = e.crisis_s / 86400.0;
  r.peak_level = e.peak_level;
  r.clashes = e.clashes;
  r.wars = e.wars;
  r.first_crisis_day = day_or_nan(e.first_crisis_s);
  r.first_clash_day = day_or_nan(e.first_clash_s);
  r.war_day = day_or_nan(e.war_s);
  r.expected_clashes = e.expected_clashes;
  r.shocks = e.shocks;
  r.deescalations = e.decisions[static_cast<std::size_t>(agents::Decision::deescalate)];
  r.hostility = h.hostility();
  r.baseline = h.baseline();
  r.level = crisis.level(d);
  r.connect_delay_median_hours = kNaN;
  r.connect_delay_p90_hours = kNaN;
  const agents::HotlineCounts* calls = crisis.calls(d);
  if (calls == nullptr) return;
  r.calls = calls->calls;
  r.call_attempts = calls->attempts;
  r.calls_connected = calls->connected;
  r.calls_relayed = calls->relayed;
  r.calls_failed = calls->failed;
  r.connect_delay_median_hours = quantile(calls->connect_delays_s, 0.5) / 3600.0;
  r.connect_delay_p90_hours = quantile(calls->connect_delays_s, 0.9) / 3600.0;
  delays_s.insert(delays_s.end(), calls->connect_delays_s.begin(), calls->connect_delays_s.end());
}

// Adds a dyad's row to the run's sums (in dyad order, so that the sums are
// the same bits every time).
void add_to_summary(const DyadRow& r, SummaryRow& s) {
  s.encounters += r.encounters;
  s.encounter_hours += r.encounter_hours;
  s.incidents_unsafe += r.incidents_unsafe;
  s.incidents_dangerous += r.incidents_dangerous;
  s.incidents_grave += r.incidents_grave;
  s.intrusions += r.intrusions_into_a + r.intrusions_into_b;
  s.scrambles += r.scrambles_by_a + r.scrambles_by_b;
  s.dispatches += r.dispatches_by_a + r.dispatches_by_b;
  s.unanswered += r.unanswered_by_a + r.unanswered_by_b;
  s.intercepts += r.intercepts_by_a + r.intercepts_by_b;
  s.airspace_violations += r.airspace_violations_into_a + r.airspace_violations_into_b;
  s.crisis_episodes += r.crisis_episodes;
  s.crisis_days += r.crisis_days;
  s.peak_level = std::max(s.peak_level, r.peak_level);
  s.clashes += r.clashes;
  s.wars += r.wars;
  s.expected_dangerous += r.expected_dangerous;
  s.expected_grave += r.expected_grave;
  s.expected_clashes += r.expected_clashes;
  keep_earliest(s.first_crisis_day, r.first_crisis_day);
  keep_earliest(s.first_clash_day, r.first_clash_day);
  keep_earliest(s.first_war_day, r.war_day);
  s.calls += r.calls;
  s.call_attempts += r.call_attempts;
  s.calls_connected += r.calls_connected;
  s.calls_relayed += r.calls_relayed;
  s.calls_failed += r.calls_failed;
}

// One row per (zone, nation): presence of any platform and of coast guards.
void fill_presence(const agents::PlatformWorld& world, std::uint32_t point, std::uint32_t policy,
                   std::uint32_t replication, RunRecord& record) {
  const agents::WorldSpec& spec = world.spec();
  record.presence.clear();
  for (std::size_t z = 0; z < spec.zones.size(); ++z) {
    for (std::size_t n = 0; n < spec.nations.size(); ++n) {
      PresenceRow p{};
      p.point = point;
      p.policy = policy;
      p.replication = replication;
      p.zone = static_cast<std::uint32_t>(z);
      p.nation = static_cast<std::uint32_t>(n);
      const agents::PresenceStats any = world.presence(n, z);
      const agents::PresenceStats cg = world.presence(n, agents::Role::coast_guard, z);
      p.days = any.days;
      p.vessel_days = any.vessel_days;
      p.entries = any.entries;
      p.hours = any.hours;
      p.longest_streak_days = any.longest_streak_days;
      p.coast_guard_days = cg.days;
      p.coast_guard_vessel_days = cg.vessel_days;
      p.coast_guard_entries = cg.entries;
      p.coast_guard_hours = cg.hours;
      p.coast_guard_longest_streak_days = cg.longest_streak_days;
      record.presence.push_back(p);
    }
  }
}

}  // namespace

void summarize_run(const agents::PlatformWorld& world, std::uint64_t seed, std::uint32_t policy,
                   std::uint32_t replication, RunRecord& record) {
  SummaryRow& s = record.summary;
  s.policy = policy;
  s.replication = replication;
  s.seed = seed;
  s.steps = world.steps_taken();
  s.days = world.time_s() / 86400.0;
  s.stopped_at_clash = world.stopped() ? 1 : 0;
  s.platforms = static_cast<std::uint32_t>(world.platform_count());
  s.first_crisis_day = kNaN;
  s.first_clash_day = kNaN;
  s.first_war_day = kNaN;
  std::vector<double> all_delays_s;
  record.dyads.clear();
  for (std::size_t d = 0; d < world.dyads().size(); ++d) {
    const auto [a, b] = world.dyads()[d];
    DyadRow r{};
    r.point = s.point;
    r.policy = policy;
    r.replication = replication;
    r.dyad = static_cast<std::uint32_t>(d);
    fill_exposure(world, d, r);
    fill_responses(world, a, b, r);
    fill_command(world.crisis(), d, r, all_delays_s);
    record.dyads.push_back(r);
    add_to_summary(r, s);
  }
  const double incidents =
      static_cast<double>(s.incidents_unsafe + s.incidents_dangerous + s.incidents_grave);
  s.incidents_per_100_hours = s.encounter_hours > 0.0 ? 100.0 * incidents / s.encounter_hours : 0.0;
  s.connect_delay_median_hours = quantile(all_delays_s, 0.5) / 3600.0;
  s.connect_delay_p90_hours = quantile(all_delays_s, 0.9) / 3600.0;
  s.cues_encounters = world.cues_encounters();
  s.cues_both_adhered = world.cues_both_adhered();
  fill_presence(world, s.point, policy, replication, record);
}

std::vector<std::byte> encode_run_record(const RunRecord& record) {
  std::vector<std::byte> out;
  out.reserve(sizeof(SummaryRow) + record.dyads.size() * sizeof(DyadRow)
              + record.presence.size() * sizeof(PresenceRow)
              + record.events.size() * sizeof(EventRow) + record.hostility.size() * sizeof(float)
              + 64);
  put_row(out, record.summary, summary_fields());
  put_rows(out, record.dyads, dyad_fields());
  put_rows(out, record.presence, presence_fields());
  put_rows(out, record.events, event_fields());
  static const std::vector<trace::hdf5::Field> kHostilityValue{
      {"hostility", 0, trace::hdf5::FieldType::f32}};
  put_rows(out, record.hostility, kHostilityValue);
  return out;
}

RunRecord decode_run_record(std::span<const std::byte> bytes) {
  RunRecord record;
  if (bytes.size() < sizeof(SummaryRow)) throw std::runtime_error("run record: cut short");
  std::memcpy(&record.summary, bytes.data(), sizeof(SummaryRow));
  bytes = bytes.subspan(sizeof(SummaryRow));
  get_rows(bytes, record.dyads);
  get_rows(bytes, record.presence);
  get_rows(bytes, record.events);
  get_rows(bytes, record.hostility);
  if (!bytes.empty()) throw std::runtime_error("run record: bytes left over");
  return record;
}

}  // namespace hotline::trace
