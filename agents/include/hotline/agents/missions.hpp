// The closed set of missions a force can fly or sail (MODEL.md, "Missions"),
// and when a force enters the scenario.
#pragma once

#include <cstdint>
#include <string_view>

namespace hotline::agents {

enum class MissionType : std::uint8_t { patrol, route, loiter, sortie, alert, respond };
[[nodiscard]] std::string_view mission_type_name(MissionType type);

// At the start, when an ally enters a crisis (an ally's dyad at L2 or more),
// or only for the exercises that list the force.
enum class Deployment : std::uint8_t { start, ally_crisis, exercise };
[[nodiscard]] std::string_view deployment_name(Deployment deployment);

}  // namespace hotline::agents
