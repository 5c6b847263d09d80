#include "common/run_limits.hpp"

#include <fmt/format.h>

#include <fstream>
#include <ostream>
#include <string>

#include "common/replication.hpp"
#include "hotline/scenarios/defaults.hpp"

namespace hotline::cli {

std::optional<std::uint64_t> steps_within_limit(const agents::WorldSpec& spec, double days,
                                                std::ostream& err) {
  const double steps = days * 86400.0 / spec.dt_s;
  constexpr std::uint64_t kLimit = scenarios::defaults::kMaxStepsPerRun;
  if (steps > static_cast<double>(kLimit)) {
    err << fmt::format(
        "hotline: error: --days {:g} is {:.0f} time steps of {:g} s, over the limit of {} steps "
        "for one run\n",
        days, steps, spec.dt_s, kLimit);
    return std::nullopt;
  }
  return steps_for_days(spec, days);
}

std::optional<std::uint64_t> available_memory_bytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  std::uint64_t kilobytes = 0;
  std::string unit;
  while (meminfo >> key >> kilobytes >> unit) {
    if (key == "MemAvailable:") return kilobytes * 1024;
  }
  return std::nullopt;
}

bool memory_suffices(const agents::WorldSpec& spec, std::size_t worlds, std::ostream& err) {
  std::uint64_t platforms = 0;
  for (const agents::ForceSpec& force : spec.forces)
    platforms += force.count;
  const std::uint64_t needed = kBytesPerProcess + worlds * platforms * kBytesPerPlatform;
  const std::optional<std::uint64_t> available = available_memory_bytes();
  if (!available || needed <= *available) return true;
  err << fmt::format(
      "hotline: error: this would need about {:.1f} GB ({} platforms × {} world{} in memory at "
      "once × about 1 kB), more than the {:.1f} GB this machine has available{}\n",
      static_cast<double>(needed) / 1e9, platforms, worlds, worlds == 1 ? "" : "s",
      static_cast<double>(*available) / 1e9,
      worlds > 1 ? "; fewer --threads keep fewer worlds in memory" : "");
  return false;
}

}  // namespace hotline::cli
