// exercises: forces of a nation and its allies in an area for a time; the
// notification policy announces them.
#include <fmt/format.h>

#include <algorithm>

#include "common_readers.hpp"
#include "sea_check.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

namespace {

// An exercise ends within the scenario's horizon, and its area holds some
// sea when the scenario has land (an exercise over land only would announce
// nothing at sea).
bool within_scenario(const Value& item, const Exercise& exercise, const Scenario& scenario) {
  const double end_s = exercise.start_s + exercise.duration_s;
  if (end_s > scenario.time.horizon_s) {
    item.error(fmt::format("the exercise ends on day {:g}, after the scenario's horizon of {:g} d",
                           end_s / 86400.0, scenario.time.horizon_s / 86400.0));
    return false;
  }
  const SeaCheck sea(scenario);
  if (sea.active()
      && !sea.has_sea(sea.shape_of(scenario.zones[exercise.area], scenario.geography))) {
    item.error(
        fmt::format("the exercise's area '{}' is all on land", scenario.zones[exercise.area].id));
    return false;
  }
  return true;
}

}  // namespace

void read_exercises(const std::optional<Value>& value, Scenario& scenario,
                    const std::vector<std::optional<Value>>& deploy_on_values) {
  std::vector<bool> listed(scenario.forces.size(), false);
  const auto items = value ? value->items() : std::nullopt;
  for (const Value& item : items.value_or(std::vector<Value>{})) {
    if (!item.expect_map({"id", "nation", "area", "start", "duration", "forces"})) continue;
    Exercise exercise;
    const auto id = read_unique_id(item, scenario.exercises, "exercise");
    FieldReader f(item);
    const bool nation_ok = f.required("nation", exercise.nation, nation(scenario));
    f.required("area", exercise.area, reference(scenario.zones, "zone"));
    f.required("start", exercise.start_s,
               quantity_at_least_zero(Dimension::duration, "start of an exercise"));
    f.required("duration", exercise.duration_s,
               positive_quantity(Dimension::duration, "duration of an exercise"));
    bool ok = id.has_value();
    if (auto v = item.required("forces")) {
      if (const auto refs = v->items()) {
        if (refs->empty()) {
          v->error("an exercise lists at least one force");
          ok = false;
        }
        for (const Value& ref : *refs) {
          const auto force = read_reference(ref, scenario.forces, "force");
          if (!force) {
            ok = false;
            continue;
          }
          if (std::find(exercise.forces.begin(), exercise.forces.end(), *force)
              != exercise.forces.end()) {
            ref.error(fmt::format("force '{}' is listed twice", scenario.forces[*force].id));
            ok = false;
            continue;
          }
          const std::size_t force_nation = scenario.forces[*force].nation;
          if (nation_ok && force_nation != exercise.nation
              && scenario.relation(force_nation, exercise.nation) != Relation::ally) {
            ref.error(fmt::format("force '{}' belongs to {}, which is neither {} nor its ally",
                                  scenario.forces[*force].id, scenario.nations[force_nation].id,
                                  scenario.nations[exercise.nation].id));
            ok = false;
            continue;
          }
          exercise.forces.push_back(*force);
          listed[*force] = true;
        }
      } else {
        ok = false;
      }
    } else {
      ok = false;
    }
    ok = ok && f.ok() && within_scenario(item, exercise, scenario);
    if (ok) {
      exercise.id = *id;
      scenario.exercises.push_back(std::move(exercise));
    }
  }
  for (std::size_t f = 0; f < scenario.forces.size(); ++f) {
    if (scenario.forces[f].deploy_on == Deployment::exercise && !listed[f]) {
      deploy_on_values[f]->error(
          fmt::format("force '{}' deploys only for exercises, but no exercise lists it",
                      scenario.forces[f].id));
    }
  }
}

}  // namespace hotline::scenarios::detail
