#include "hotline/engine/agent_store.hpp"

#include <limits>
#include <stdexcept>

namespace hotline::engine {

void AgentStore::resize(std::size_t count) {
  if (count > std::numeric_limits<AgentId>::max()) {
    throw std::length_error("AgentStore: more agents than a 32-bit AgentId can address");
  }
  x_km.resize(count, 0.0);
  y_km.resize(count, 0.0);
  heading_rad.resize(count, 0.0);
  speed_km_s.resize(count, 0.0);
  side.resize(count, 0);
  kind.resize(count, 0);
  alive.resize(count, 1);
}

}  // namespace hotline::engine
