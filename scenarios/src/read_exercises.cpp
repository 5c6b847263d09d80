// exercises: forces of a nation and its allies in an area for a time; the
// notification policy announces them.
#include <fmt/format.h>

#include <algorithm>

#include "common_readers.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

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
    if (ok && f.ok()) {
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
