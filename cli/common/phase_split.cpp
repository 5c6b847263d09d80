#include "common/phase_split.hpp"

#include <fmt/format.h>

#include <chrono>

namespace hotline::cli {

std::vector<double> phase_ns_per_item_step(const engine::PhaseTimers& timers, double item_steps) {
  std::vector<double> ns;
  for (std::size_t p = 0; p < engine::kPhaseCount; ++p) {
    const auto total = timers.total(static_cast<engine::Phase>(p));
    ns.push_back(std::chrono::duration<double, std::nano>(total).count() / item_steps);
  }
  return ns;
}

std::string phase_split_text(const std::vector<double>& ns, bool skip_idle) {
  std::string out;
  for (std::size_t p = 0; p < ns.size(); ++p) {
    if (skip_idle && ns[p] == 0.0) continue;
    out += fmt::format("  {} {:.2f}", engine::phase_name(static_cast<engine::Phase>(p)), ns[p]);
  }
  return out;
}

std::string phase_split_json(const std::vector<double>& ns) {
  std::string out;
  for (std::size_t p = 0; p < ns.size(); ++p) {
    out += fmt::format("{}\"{}\": {:.4f}", p == 0 ? "" : ", ",
                       engine::phase_name(static_cast<engine::Phase>(p)), ns[p]);
  }
  return out;
}

}  // namespace hotline::cli
