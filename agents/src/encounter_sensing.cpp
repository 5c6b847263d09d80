#include "encounter_sensing.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "hotline/agents/platform_world.hpp"

namespace hotline::agents::detail {

namespace {

// Pairs from the search below which their filtering into proximities runs
// on one thread: a few hundred pairs are filtered faster than threads are
// woken for them, and the chunks' results are the same either way.
constexpr std::size_t kParallelPairs = 4096;

// Rival platforms within end_factor × the range for their kinds. Search
// kinds are the platform kinds plus fishing boats, which search as ships
// but are quiet among themselves (two fishing boats are no military
// encounter).
engine::PairRule encounter_search_rule(const WorldSpec& spec) {
  const int nations = static_cast<int>(spec.nations.size());
  engine::PairRule rule(static_cast<int>(kSearchKindCount), nations);
  const auto platform_kind = [](std::size_t search_kind) {
    return search_kind == kFishingBoatSearchKind ? std::size_t{0} : search_kind;
  };
  for (std::size_t a = 0; a < kSearchKindCount; ++a) {
    for (std::size_t b = 0; b < kSearchKindCount; ++b) {
      const std::size_t kinds = platform_kind(a) * kPlatformKindCount + platform_kind(b);
      rule.set_range_km(static_cast<int>(a), static_cast<int>(b),
                        spec.encounters.range_km[kinds] * spec.encounters.end_factor);
    }
  }
  rule.set_quiet(kFishingBoatSearchKind);
  for (int a = 0; a < nations; ++a) {
    for (int b = 0; b < nations; ++b) {
      rule.set_interacts(a, b,
                         spec.relation(static_cast<std::size_t>(a), static_cast<std::size_t>(b))
                             == Relation::rival);
    }
  }
  return rule;
}

}  // namespace

EncounterSensing::EncounterSensing(const WorldSpec& spec)
    : encounters_(spec.encounters),
      nations_(spec.nations.size()),
      rule_(encounter_search_rule(spec)) {}

void EncounterSensing::filter_chunk(std::size_t chunk, const engine::AgentStore& agents,
                                    const std::vector<double>& altitude_km,
                                    const std::vector<std::uint32_t>& dyad_of_nations) {
  const auto aircraft = static_cast<std::uint8_t>(PlatformKind::aircraft);
  std::vector<Proximity>& out = found_by_chunk_[chunk];
  out.clear();
  for (const engine::AgentPair& pair : pairs_.chunk(chunk)) {
    const std::uint32_t sa = agents.slot_of(pair.a);
    const std::uint32_t sb = agents.slot_of(pair.b);
    const double dx = agents.x_km[sa] - agents.x_km[sb];
    const double dy = agents.y_km[sa] - agents.y_km[sb];
    double d2 = dx * dx + dy * dy;
    const bool a_flies = agents.kind[sa] == aircraft;
    const bool b_flies = agents.kind[sb] == aircraft;
    if (a_flies && b_flies) {
      const double dz = altitude_km[sa] - altitude_km[sb];
      d2 += dz * dz;  // between aircraft, in three dimensions
    } else if (a_flies || b_flies) {
      // An aircraft meets a ship only on a low pass.
      if (altitude_km[a_flies ? sa : sb] > encounters_.low_pass_altitude_km) continue;
    }
    const std::size_t kind_a = a_flies ? 1 : 0;
    const std::size_t kind_b = b_flies ? 1 : 0;
    const double r = encounters_.range_km[kind_a * kPlatformKindCount + kind_b];
    const double end_factor = encounters_.end_factor;
    if (d2 > r * r * end_factor * end_factor) continue;
    out.push_back({pair.a, pair.b, d2 < r * r,
                   dyad_of_nations[agents.side[sa] * nations_ + agents.side[sb]],
                   static_cast<float>(std::sqrt(d2))});
  }
}

void EncounterSensing::sense(const engine::UniformGrid& grid, const engine::AgentStore& agents,
                             const std::vector<double>& altitude_km,
                             const std::vector<std::uint32_t>& dyad_of_nations,
                             std::uint32_t step) {
  finder_.find(grid, agents, rule_, pairs_);
  found_by_chunk_.resize(pairs_.chunk_count());
  const auto filter = [&](std::size_t chunk) {
    filter_chunk(chunk, agents, altitude_km, dyad_of_nations);
  };
  if (pairs_.size() < kParallelPairs) {
    for (std::size_t chunk = 0; chunk < pairs_.chunk_count(); ++chunk)
      filter(chunk);
  } else {
    tbb::parallel_for(std::size_t{0}, pairs_.chunk_count(), filter);
  }
  found_.clear();
  for (const auto& chunk : found_by_chunk_)
    found_.insert(found_.end(), chunk.begin(), chunk.end());
  std::sort(found_.begin(), found_.end(), [](const Proximity& x, const Proximity& y) {
    return x.a < y.a || (x.a == y.a && x.b < y.b);
  });
  table_.update(found_, step, begun_, ended_);
}

}  // namespace hotline::agents::detail
