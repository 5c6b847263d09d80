#include <fmt/format.h>

#include "common_readers.hpp"
#include "section_readers.hpp"

namespace hotline::scenarios::detail {

namespace {

// The nations, in file order; returns each one's `relations` map, if any.
std::vector<std::optional<Value>> read_nation_list(const std::vector<Value>& items,
                                                   Scenario& scenario) {
  std::vector<std::optional<Value>> relation_maps;
  for (const Value& item : items) {
    if (!item.expect_map({"id", "name", "relations"})) continue;
    Nation nation;
    const auto id_value = item.required("id");
    const auto id = id_value ? read_identifier(*id_value) : std::nullopt;
    if (!id) continue;
    if (scenario.nation_index(*id)) {
      id_value->error(fmt::format("duplicate nation id '{}'", *id));
      continue;
    }
    nation.id = *id;
    if (auto name = item.optional("name")) nation.name = name->text().value_or(*id);
    if (nation.name.empty()) nation.name = nation.id;
    scenario.nations.push_back(std::move(nation));
    relation_maps.push_back(item.optional("relations"));
  }
  return relation_maps;
}

// Each nation's relations (which may name any nation) into
// scenario.relations; returns where each relation was stated, to point at it
// on a mismatch.
std::vector<std::optional<Value>> read_relations(
    const std::vector<std::optional<Value>>& relation_maps, Scenario& scenario) {
  const std::size_t n = scenario.nations.size();
  std::vector<std::string> nation_ids;
  for (const Nation& nation : scenario.nations)
    nation_ids.push_back(nation.id);
  scenario.relations.assign(n * n, Relation::neutral);
  std::vector<std::optional<Value>> stated(n * n);
  for (std::size_t a = 0; a < n; ++a) {
    if (!relation_maps[a]) continue;
    const auto entries = relation_maps[a]->entries();
    if (!entries) continue;
    for (const auto& entry : *entries) {
      const auto b = scenario.nation_index(entry.key);
      if (!b) {
        entry.value.error_at(entry.key_location,
                             unknown_reference(entry.value, "nation", entry.key, nation_ids));
        continue;
      }
      if (*b == a) {
        entry.value.error_at(entry.key_location, "a nation has no relation to itself");
        continue;
      }
      if (const auto relation = read_choice(entry.value, "relation", kRelations, &relation_name)) {
        scenario.relations[a * n + *b] = *relation;
        stated[a * n + *b].emplace(entry.value);
      }
    }
  }
  return stated;
}

// Both sides must state the same relation (one not listed is neutral).
void check_relations_agree(const std::vector<std::optional<Value>>& stated,
                           const Scenario& scenario) {
  const std::size_t n = scenario.nations.size();
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) {
      const Relation ab = scenario.relations[a * n + b];
      const Relation ba = scenario.relations[b * n + a];
      if (ab == ba) continue;
      const std::string& name_a = scenario.nations[a].id;
      const std::string& name_b = scenario.nations[b].id;
      if (stated[a * n + b] && stated[b * n + a]) {
        stated[b * n + a]->error(
            fmt::format("{} lists {} as {}, but {} lists {} as {}: relations must agree", name_b,
                        name_a, relation_name(ba), name_a, name_b, relation_name(ab)));
      } else {
        // Only one side stated it; the other is neutral by default.
        const std::size_t from = stated[a * n + b] ? a : b;
        const std::size_t to = from == a ? b : a;
        stated[from * n + to]->error(fmt::format(
            "{} lists {} as {}, but {} does not list {}: state the relation on both sides",
            scenario.nations[from].id, scenario.nations[to].id,
            relation_name(scenario.relations[from * n + to]), scenario.nations[to].id,
            scenario.nations[from].id));
      }
    }
  }
}

}  // namespace

// Nations first, then each nation's relations, which may name any nation.
// A relation not listed is neutral; both sides must state the same relation.
void read_nations(const Value& value, Scenario& scenario) {
  const auto items = value.items();
  if (!items) return;
  const auto relation_maps = read_nation_list(*items, scenario);
  check_relations_agree(read_relations(relation_maps, scenario), scenario);
}

}  // namespace hotline::scenarios::detail
