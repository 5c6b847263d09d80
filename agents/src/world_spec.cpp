#include "hotline/agents/world_spec.hpp"

namespace hotline::agents {

std::vector<std::pair<std::size_t, std::size_t>> WorldSpec::dyads() const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t a = 0; a < nations.size(); ++a) {
    for (std::size_t b = a + 1; b < nations.size(); ++b) {
      if (relation(a, b) == Relation::rival) out.emplace_back(a, b);
    }
  }
  return out;
}

std::uint64_t WorldSpec::platform_count() const {
  std::uint64_t n = 0;
  for (const ForceSpec& force : forces)
    n += force.count;
  return n;
}

void WorldSpec::scale_forces(RoleSet roles, std::uint32_t factor) {
  for (ForceSpec& force : forces) {
    if ((roles & role_bit(classes[force.platform_class].role)) != 0) force.count *= factor;
  }
}

}  // namespace hotline::agents
