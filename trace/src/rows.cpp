#include "hotline/trace/rows.hpp"

#include <cstddef>

namespace hotline::trace {

namespace {

using trace::hdf5::Field;
using trace::hdf5::FieldType;

template <class T>
constexpr FieldType field_type_of() {
  if constexpr (std::is_same_v<T, std::uint8_t>) return FieldType::u8;
  if constexpr (std::is_same_v<T, std::uint16_t>) return FieldType::u16;
  if constexpr (std::is_same_v<T, std::uint32_t>) return FieldType::u32;
  if constexpr (std::is_same_v<T, std::uint64_t>) return FieldType::u64;
  if constexpr (std::is_same_v<T, std::int32_t>) return FieldType::i32;
  if constexpr (std::is_same_v<T, std::int64_t>) return FieldType::i64;
  if constexpr (std::is_same_v<T, float>) return FieldType::f32;
  if constexpr (std::is_same_v<T, double>) return FieldType::f64;
}

// A column named as the member, of the member's type.
#define HOTLINE_COLUMN(Row, member)                                          \
  Field {                                                                    \
#member, offsetof(Row, member), field_type_of < decltype(Row::member)>() \
  }

}  // namespace

const std::vector<Field>& summary_fields() {
  static const std::vector<Field> fields{
      HOTLINE_COLUMN(SummaryRow, point),
      HOTLINE_COLUMN(SummaryRow, policy),
      HOTLINE_COLUMN(SummaryRow, replication),
      HOTLINE_COLUMN(SummaryRow, seed),
      HOTLINE_COLUMN(SummaryRow, days),
      HOTLINE_COLUMN(SummaryRow, steps),
      HOTLINE_COLUMN(SummaryRow, stopped_at_clash),
      HOTLINE_COLUMN(SummaryRow, platforms),
      HOTLINE_COLUMN(SummaryRow, encounters),
      HOTLINE_COLUMN(SummaryRow, encounter_hours),
      HOTLINE_COLUMN(SummaryRow, incidents_unsafe),
      HOTLINE_COLUMN(SummaryRow, incidents_dangerous),
      HOTLINE_COLUMN(SummaryRow, incidents_grave),
      HOTLINE_COLUMN(SummaryRow, incidents_per_100_hours),
      HOTLINE_COLUMN(SummaryRow, intrusions),
      HOTLINE_COLUMN(SummaryRow, scrambles),
      HOTLINE_COLUMN(SummaryRow, dispatches),
      HOTLINE_COLUMN(SummaryRow, unanswered),
      HOTLINE_COLUMN(SummaryRow, intercepts),
      HOTLINE_COLUMN(SummaryRow, airspace_violations),
      HOTLINE_COLUMN(SummaryRow, crisis_episodes),
      HOTLINE_COLUMN(SummaryRow, crisis_days),
      HOTLINE_COLUMN(SummaryRow, peak_level),
      HOTLINE_COLUMN(SummaryRow, clashes),
      HOTLINE_COLUMN(SummaryRow, wars),
      HOTLINE_COLUMN(SummaryRow, first_crisis_day),
      HOTLINE_COLUMN(SummaryRow, first_clash_day),
      HOTLINE_COLUMN(SummaryRow, first_war_day),
      HOTLINE_COLUMN(SummaryRow, expected_dangerous),
      HOTLINE_COLUMN(SummaryRow, expected_grave),
      HOTLINE_COLUMN(SummaryRow, expected_clashes),
      HOTLINE_COLUMN(SummaryRow, calls),
      HOTLINE_COLUMN(SummaryRow, call_attempts),
      HOTLINE_COLUMN(SummaryRow, calls_connected),
      HOTLINE_COLUMN(SummaryRow, calls_relayed),
      HOTLINE_COLUMN(SummaryRow, calls_failed),
      HOTLINE_COLUMN(SummaryRow, connect_delay_median_hours),
      HOTLINE_COLUMN(SummaryRow, connect_delay_p90_hours),
      HOTLINE_COLUMN(SummaryRow, cues_encounters),
      HOTLINE_COLUMN(SummaryRow, cues_both_adhered),
      HOTLINE_COLUMN(SummaryRow, events_begin),
      HOTLINE_COLUMN(SummaryRow, events_count),
      HOTLINE_COLUMN(SummaryRow, hostility_begin),
      HOTLINE_COLUMN(SummaryRow, hostility_count),
  };
  return fields;
}

const std::vector<Field>& dyad_fields() {
  static const std::vector<Field> fields{
      HOTLINE_COLUMN(DyadRow, point),
      HOTLINE_COLUMN(DyadRow, policy),
      HOTLINE_COLUMN(DyadRow, replication),
      HOTLINE_COLUMN(DyadRow, dyad),
      HOTLINE_COLUMN(DyadRow, encounters),
      HOTLINE_COLUMN(DyadRow, encounter_hours),
      HOTLINE_COLUMN(DyadRow, encounters_routine),
      HOTLINE_COLUMN(DyadRow, encounters_signalling),
      HOTLINE_COLUMN(DyadRow, encounters_harassment),
      HOTLINE_COLUMN(DyadRow, encounter_hours_routine),
      HOTLINE_COLUMN(DyadRow, encounter_hours_signalling),
      HOTLINE_COLUMN(DyadRow, encounter_hours_harassment),
      HOTLINE_COLUMN(DyadRow, incidents_unsafe),
      HOTLINE_COLUMN(DyadRow, incidents_dangerous),
      HOTLINE_COLUMN(DyadRow, incidents_grave),
      HOTLINE_COLUMN(DyadRow, incidents_per_100_hours),
      HOTLINE_COLUMN(DyadRow, intrusions_into_a),
      HOTLINE_COLUMN(DyadRow, scrambles_by_a),
      HOTLINE_COLUMN(DyadRow, aircraft_scrambled_by_a),
      HOTLINE_COLUMN(DyadRow, dispatches_by_a),
      HOTLINE_COLUMN(DyadRow, ships_dispatched_by_a),
      HOTLINE_COLUMN(DyadRow, unanswered_by_a),
      HOTLINE_COLUMN(DyadRow, intrusions_into_b),
      HOTLINE_COLUMN(DyadRow, scrambles_by_b),
      HOTLINE_COLUMN(DyadRow, aircraft_scrambled_by_b),
      HOTLINE_COLUMN(DyadRow, dispatches_by_b),
      HOTLINE_COLUMN(DyadRow, ships_dispatched_by_b),
      HOTLINE_COLUMN(DyadRow, unanswered_by_b),
      HOTLINE_COLUMN(DyadRow, intercepts_by_a),
      HOTLINE_COLUMN(DyadRow, airspace_violations_into_a),
      HOTLINE_COLUMN(DyadRow, intercepts_by_b),
      HOTLINE_COLUMN(DyadRow, airspace_violations_into_b),
      HOTLINE_COLUMN(DyadRow, crisis_episodes),
      HOTLINE_COLUMN(DyadRow, crisis_days),
      HOTLINE_COLUMN(DyadRow, peak_level),
      HOTLINE_COLUMN(DyadRow, clashes),
      HOTLINE_COLUMN(DyadRow, wars),
      HOTLINE_COLUMN(DyadRow, first_crisis_day),
      HOTLINE_COLUMN(DyadRow, first_clash_day),
      HOTLINE_COLUMN(DyadRow, war_day),
      HOTLINE_COLUMN(DyadRow, expected_dangerous),
      HOTLINE_COLUMN(DyadRow, expected_grave),
      HOTLINE_COLUMN(DyadRow, expected_clashes),
      HOTLINE_COLUMN(DyadRow, shocks),
      HOTLINE_COLUMN(DyadRow, deescalations),
      HOTLINE_COLUMN(DyadRow, hostility),
      HOTLINE_COLUMN(DyadRow, baseline),
      HOTLINE_COLUMN(DyadRow, level),
      HOTLINE_COLUMN(DyadRow, calls),
      HOTLINE_COLUMN(DyadRow, call_attempts),
      HOTLINE_COLUMN(DyadRow, calls_connected),
      HOTLINE_COLUMN(DyadRow, calls_relayed),
      HOTLINE_COLUMN(DyadRow, calls_failed),
      HOTLINE_COLUMN(DyadRow, connect_delay_median_hours),
      HOTLINE_COLUMN(DyadRow, connect_delay_p90_hours),
  };
  return fields;
}

const std::vector<Field>& presence_fields() {
  static const std::vector<Field> fields{
      HOTLINE_COLUMN(PresenceRow, point),
      HOTLINE_COLUMN(PresenceRow, policy),
      HOTLINE_COLUMN(PresenceRow, replication),
      HOTLINE_COLUMN(PresenceRow, zone),
      HOTLINE_COLUMN(PresenceRow, nation),
      HOTLINE_COLUMN(PresenceRow, days),
      HOTLINE_COLUMN(PresenceRow, coast_guard_days),
      HOTLINE_COLUMN(PresenceRow, vessel_days),
      HOTLINE_COLUMN(PresenceRow, entries),
      HOTLINE_COLUMN(PresenceRow, hours),
      HOTLINE_COLUMN(PresenceRow, longest_streak_days),
      HOTLINE_COLUMN(PresenceRow, coast_guard_vessel_days),
      HOTLINE_COLUMN(PresenceRow, coast_guard_entries),
      HOTLINE_COLUMN(PresenceRow, coast_guard_hours),
      HOTLINE_COLUMN(PresenceRow, coast_guard_longest_streak_days),
  };
  return fields;
}

const std::vector<Field>& event_fields() {
  static const std::vector<Field> fields{
      HOTLINE_COLUMN(EventRow, point),       HOTLINE_COLUMN(EventRow, policy),
      HOTLINE_COLUMN(EventRow, replication), HOTLINE_COLUMN(EventRow, step),
      HOTLINE_COLUMN(EventRow, time_s),      HOTLINE_COLUMN(EventRow, type),
      HOTLINE_COLUMN(EventRow, agent_a),     HOTLINE_COLUMN(EventRow, agent_b),
      HOTLINE_COLUMN(EventRow, nation_a),    HOTLINE_COLUMN(EventRow, nation_b),
      HOTLINE_COLUMN(EventRow, severity),    HOTLINE_COLUMN(EventRow, x_km),
      HOTLINE_COLUMN(EventRow, y_km),        HOTLINE_COLUMN(EventRow, value),
  };
  return fields;
}

#undef HOTLINE_COLUMN

}  // namespace hotline::trace
