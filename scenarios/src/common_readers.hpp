// Readers shared by the sections of a scenario file: ids, references to
// other sections, closed sets of names, positions and checked quantities.
//
// Each reports its own problems through the Value it reads and returns
// std::nullopt after reporting, so that a section reader can go on to find
// the next problem.
#pragma once

#include <fmt/format.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/scenarios/scenario.hpp"
#include "yaml_value.hpp"

namespace hotline::scenarios::detail {

inline constexpr std::array<Relation, 3> kRelations = {Relation::ally, Relation::neutral,
                                                       Relation::rival};
inline constexpr std::array<ZoneKind, 7> kZoneKinds = {
    ZoneKind::territorial_sea, ZoneKind::contiguous_zone, ZoneKind::adiz,          ZoneKind::eez,
    ZoneKind::patrol_area,     ZoneKind::exercise_area,   ZoneKind::fishing_ground};
inline constexpr std::array<Role, 9> kRoles = {Role::warship, Role::coast_guard, Role::militia,
                                               Role::fishing, Role::fighter,     Role::patrol,
                                               Role::bomber,  Role::uav,         Role::balloon};
inline constexpr std::array<PlatformKind, 2> kPlatformKinds = {PlatformKind::ship,
                                                               PlatformKind::aircraft};
inline constexpr std::array<MissionType, 7> kMissionTypes = {
    MissionType::patrol, MissionType::route,   MissionType::loiter,  MissionType::sortie,
    MissionType::alert,  MissionType::respond, MissionType::presence};
inline constexpr std::array<Deployment, 3> kDeployments = {
    Deployment::start, Deployment::ally_crisis, Deployment::exercise};

// "unknown <what> '<id>'", with " (did you mean '<x>'?)" when one of `ids`
// is a plausible typo of it.
[[nodiscard]] std::string unknown_reference(const Value& at, std::string_view what,
                                            std::string_view id,
                                            const std::vector<std::string>& ids);

// The ids of a list, in order (the candidates of a "did you mean").
template <class Item>
std::vector<std::string> ids_of(const std::vector<Item>& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const Item& item : items)
    ids.push_back(item.id);
  return ids;
}

// One of a closed set of names, with a suggestion for a near miss or the
// list of choices.
template <class Enum, std::size_t N>
std::optional<Enum> read_choice(const Value& value, std::string_view what,
                                const std::array<Enum, N>& choices,
                                std::string_view (*name_of)(Enum)) {
  const auto text = value.text();
  if (!text) return std::nullopt;
  std::vector<std::string> names;
  for (Enum choice : choices) {
    if (*text == name_of(choice)) return choice;
    names.emplace_back(name_of(choice));
  }
  std::string message = unknown_reference(value, what, *text, names);
  if (message.find("did you mean") == std::string::npos) {
    message += fmt::format(" (one of: {})", fmt::join(names, ", "));
  }
  value.error(std::move(message));
  return std::nullopt;
}

// Ids are what other sections refer to: lower-case letters, digits and '_',
// starting with a letter, so that they read the same everywhere.
[[nodiscard]] bool is_identifier(std::string_view id);
[[nodiscard]] std::optional<std::string> read_identifier(const Value& value);

// The required `id` of a list item, unique among the items read before it.
template <class Item>
std::optional<std::string> read_unique_id(const Value& item, const std::vector<Item>& earlier,
                                          std::string_view what) {
  const auto id_value = item.required("id");
  if (!id_value) return std::nullopt;
  auto id = read_identifier(*id_value);
  if (!id) return std::nullopt;
  if (item.context().ids.find(earlier, *id)) {
    id_value->error(fmt::format("duplicate {} id '{}'", what, *id));
    return std::nullopt;
  }
  return id;
}

// A reference by id to an item of `items` (zones, classes, forces, ...):
// its index, or an "unknown <what>" report with a suggestion.
// Marks an item that has a valid id but failed to load (see
// ReadContext::broken).
void mark_broken(const Value& value, std::string_view what, const std::string& id);
[[nodiscard]] bool is_broken(const Value& value, std::string_view what, const std::string& id);
// Whether any item of a kind failed to load: a check that looks for such
// items (a responder, a hotline end) stays quiet then, since the failed item
// is reported already and may be the one it looks for.
[[nodiscard]] bool any_broken(const Value& value, std::string_view what);

template <class Item>
std::optional<std::size_t> read_reference(const Value& value, const std::vector<Item>& items,
                                          std::string_view what) {
  const auto id = value.text();
  if (!id || is_broken(value, what, *id)) return std::nullopt;
  if (const auto found = value.context().ids.find(items, *id)) return found;
  // The candidates are listed only for a suggestion still to be given.
  const bool suggest = value.context().suggestions_left > 0;
  value.error(
      unknown_reference(value, what, *id, suggest ? ids_of(items) : std::vector<std::string>{}));
  return std::nullopt;
}

[[nodiscard]] std::optional<std::size_t> read_nation_ref(const Value& value,
                                                         const Scenario& scenario);

// The required `lat` and `lon` of a mapping whose keys the caller checked:
// plain degrees, latitude in [-90, 90], longitude in [-180, 180].
[[nodiscard]] std::optional<GeoPoint> read_lat_lon(const Value& map);
// A position written as {lat: ..., lon: ...}.
[[nodiscard]] std::optional<GeoPoint> read_geo_point(const Value& value);
// A position written as {lat: ..., lon: ...} or as the id of a named point
// or a base (which share one namespace).
[[nodiscard]] std::optional<GeoPoint> read_location(const Value& value, const Scenario& scenario);

// A quantity that must not be negative (or must be positive); `what` names
// it in the message ("the cruise speed must be positive").
[[nodiscard]] std::optional<double> read_non_negative(const Value& value, Dimension dimension,
                                                      bool positive, std::string_view what);

// Reads the keys of one mapping into the fields of a struct and remembers
// whether everything went well. Each call names a key, the field, and a
// reader (a Value → std::optional<T>, such as those below); a missing
// required key or a value the reader refused clears ok() and leaves the
// field alone. The calls return whether the field was set.
class FieldReader {
 public:
  explicit FieldReader(const Value& map) : map_(map) {}

  template <class T, class Read>
  bool required(std::string_view key, T& field, Read read) {
    if (auto v = map_.required(key)) return store(read(*v), field);
    ok_ = false;
    return false;
  }
  template <class T, class Read>
  bool optional(std::string_view key, T& field, Read read) {
    if (auto v = map_.optional(key)) return store(read(*v), field);
    return false;
  }
  void fail() { ok_ = false; }
  [[nodiscard]] bool ok() const { return ok_; }

 private:
  template <class T, class U>
  bool store(const std::optional<U>& value, T& field) {
    if (!value) {
      ok_ = false;
      return false;
    }
    field = static_cast<T>(*value);
    return true;
  }

  const Value& map_;
  bool ok_ = true;
};

// Readers for FieldReader.
inline auto quantity_at_least_zero(Dimension dimension, std::string_view what) {
  return [=](const Value& v) { return read_non_negative(v, dimension, false, what); };
}
inline auto positive_quantity(Dimension dimension, std::string_view what) {
  return [=](const Value& v) { return read_non_negative(v, dimension, true, what); };
}
inline auto probability() {
  return [](const Value& v) { return v.probability(); };
}
inline auto boolean() {
  return [](const Value& v) { return v.boolean(); };
}
inline auto whole_number(std::int64_t minimum, std::int64_t maximum) {
  return [=](const Value& v) { return v.integer(minimum, maximum); };
}
inline auto plain_number(double minimum, double maximum) {
  return [=](const Value& v) { return v.number(minimum, maximum); };
}
inline auto geo_point() {
  return [](const Value& v) { return read_geo_point(v); };
}
inline auto place(const Scenario& scenario) {
  return [&scenario](const Value& v) { return read_location(v, scenario); };
}
inline auto nation(const Scenario& scenario) {
  return [&scenario](const Value& v) { return read_nation_ref(v, scenario); };
}
template <class Item>
auto reference(const std::vector<Item>& items, std::string_view what) {
  return [&items, what](const Value& v) { return read_reference(v, items, what); };
}

}  // namespace hotline::scenarios::detail
