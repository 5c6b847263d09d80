#include "encounter_table.hpp"

namespace hotline::agents::detail {

namespace {

bool before(engine::AgentId a1, engine::AgentId b1, engine::AgentId a2, engine::AgentId b2) {
  return a1 < a2 || (a1 == a2 && b1 < b2);
}

}  // namespace

void EncounterTable::update(std::span<const Proximity> found, std::uint32_t step,
                            std::vector<Encounter>& begun, std::vector<Encounter>& ended) {
  begun.clear();
  ended.clear();
  next_.clear();
  std::size_t i = 0;  // active_
  std::size_t j = 0;  // found
  while (i < active_.size() || j < found.size()) {
    const bool take_active =
        j == found.size()
        || (i < active_.size() && before(active_[i].a, active_[i].b, found[j].a, found[j].b));
    if (take_active) {
      ended.push_back(active_[i++]);  // no longer within the end range
      continue;
    }
    const Proximity& p = found[j++];
    if (i < active_.size() && active_[i].a == p.a && active_[i].b == p.b) {
      next_.push_back(active_[i++]);  // continues
      next_.back().separation_km = p.separation_km;
    } else if (p.within_begin_range) {
      Encounter e{p.a, p.b, p.dyad, step, step};
      e.separation_km = p.separation_km;
      next_.push_back(e);
      begun.push_back(e);
    }
  }
  active_.swap(next_);
}

}  // namespace hotline::agents::detail
