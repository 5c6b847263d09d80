// The replay module: `hotline replay` turns one run of a trace file into a
// single HTML page that plays it back offline in a browser — platforms
// moving over the coast and zones on a map that pans and zooms, incidents
// appearing where and when they happened, each dyad's hostility and level
// on a timeline beneath, play, speed, a time slider and filters.
//
// The page is self-contained: its script and style are this module's own
// (replay/page/, embedded in the binary at build time; no library, nothing
// fetched), and the run's data sits in it as a JSON block (names, events,
// hostility, map layers) and two deflated, base64 blocks (positions and
// statuses, track_pack.hpp). The reading is replay_run.hpp; the layout of
// the data is in docs/replay.md.
#pragma once

#include <cstddef>
#include <string>

#include "hotline/replay/replay_run.hpp"
#include "hotline/replay/track_pack.hpp"

namespace hotline::replay {

// Sizes of what went into a page, for the command's report.
struct PageSizes {
  std::size_t data_json_bytes = 0;
  std::size_t positions_bytes = 0;  // deflated, before base64
  std::size_t status_bytes = 0;     // deflated, before base64
  std::size_t page_bytes = 0;
};

// The run's JSON block (docs/replay.md, "The page's data").
[[nodiscard]] std::string page_data_json(const ReplayRun& run, const PackedTracks& tracks);
// The whole page.
[[nodiscard]] std::string replay_page(const ReplayRun& run, PageSizes* sizes = nullptr);

}  // namespace hotline::replay
