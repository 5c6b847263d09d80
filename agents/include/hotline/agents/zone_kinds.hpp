// What a zone is, in law or in use (docs/model.md, "Space and time").
#pragma once

#include <cstdint>
#include <string_view>

namespace hotline::agents {

enum class ZoneKind : std::uint8_t {
  territorial_sea,
  contiguous_zone,
  adiz,
  eez,
  patrol_area,
  exercise_area,
  fishing_ground,
};
[[nodiscard]] std::string_view zone_kind_name(ZoneKind kind);

}  // namespace hotline::agents
