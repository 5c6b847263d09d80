// How two nations stand. Every rival pair is a dyad with its own hostility;
// allies react to each other's crises.
#pragma once

#include <cstdint>
#include <string_view>

namespace hotline::agents {

enum class Relation : std::uint8_t { neutral, ally, rival };
[[nodiscard]] std::string_view relation_name(Relation relation);

}  // namespace hotline::agents
