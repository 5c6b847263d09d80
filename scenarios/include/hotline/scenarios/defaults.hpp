// Every default a scenario may leave out, in one place (MODEL.md's numbers).
// docs/scenario-reference.md lists the same values; `hotline validate
// --explain` writes them out.
#pragma once

namespace hotline::scenarios::defaults {

inline constexpr double kTimeStepS = 60.0;           // time.dt
inline constexpr double kHorizonS = 30.0 * 86400.0;  // time.horizon

}  // namespace hotline::scenarios::defaults
