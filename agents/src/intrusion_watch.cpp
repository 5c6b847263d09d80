#include "intrusion_watch.hpp"

namespace hotline::agents::detail {

IntrusionWatch::IntrusionWatch(const WorldSpec& spec)
    : nations(spec.nations.size()), responses(nations * nations) {
  for (const CommandCentreSpec& centre : spec.command_centres) {
    for (const WatchSpec& rule : centre.watches)
      watched_zones |= ZoneMask{1} << rule.zone;
  }
  for (std::size_t z = 0; z < spec.zones.size(); ++z) {
    if (spec.zones[z].kind == ZoneKind::territorial_sea && spec.zones[z].owner) {
      airspace_zones |= ZoneMask{1} << z;
    }
  }
}

}  // namespace hotline::agents::detail
