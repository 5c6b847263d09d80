// What a platform is: a ship or an aircraft, in one of nine roles. The role
// sets the incident hazard and severity of its encounters (docs/model.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hotline::agents {

enum class PlatformKind : std::uint8_t { ship, aircraft };
enum class Role : std::uint8_t {
  warship,
  coast_guard,
  militia,
  fishing,
  fighter,
  patrol,
  bomber,
  uav,
  balloon,
};
inline constexpr std::size_t kRoleCount = 9;
inline constexpr std::size_t kPlatformKindCount = 2;

[[nodiscard]] std::string_view platform_kind_name(PlatformKind kind);
[[nodiscard]] std::string_view role_name(Role role);
// Ship roles are warship, coast_guard, militia and fishing; the others fly.
[[nodiscard]] PlatformKind kind_of_role(Role role);

// A set of roles, one bit per Role.
using RoleSet = std::uint16_t;
[[nodiscard]] constexpr RoleSet role_bit(Role role) {
  return static_cast<RoleSet>(1U << static_cast<unsigned>(role));
}
// Every role of one kind.
[[nodiscard]] RoleSet roles_of_kind(PlatformKind kind);

}  // namespace hotline::agents
