#include "hotline/replay/replay_page.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <string_view>

#include "page_text.hpp"

namespace hotline::replay {

namespace {

// Inside a <script> element the text may not hold "</": JSON writes "/"
// escaped as "\/" alike, so the data reads back unchanged.
std::string script_safe(std::string json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    out += json[i];
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') out += '\\';
  }
  return out;
}

// HTML text: the five characters that could end or open markup, escaped.
std::string html_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The template with each marker replaced by its text; every marker must be
// there exactly once (a page built from a broken template would be blank).
std::string fill(std::string_view page,
                 const std::vector<std::pair<std::string_view, std::string>>& parts) {
  std::string out;
  std::size_t from = 0;
  for (const auto& [marker, text] : parts) {
    const std::size_t at = page.find(marker, from);
    if (at == std::string_view::npos)
      throw std::logic_error(
          fmt::format("replay page template: no {} after byte {}", marker, from));
    out.append(page.substr(from, at - from));
    out.append(text);
    from = at + marker.size();
  }
  out.append(page.substr(from));
  return out;
}

}  // namespace

std::string replay_page(const ReplayRun& run, PageSizes* sizes) {
  const PackedTracks tracks = pack_tracks(run.states);
  std::string data = script_safe(page_data_json(run, tracks));
  const std::string title =
      fmt::format("{} — {}, replication {}", run.scenario_name, run.policy_id, run.replication);
  if (sizes) {
    sizes->data_json_bytes = data.size();
    sizes->positions_bytes = tracks.positions.size();
    sizes->status_bytes = tracks.status.size();
  }
  std::string page = fill(page_html_template(), {{"@@TITLE@@", html_escaped(title)},
                                                 {"@@STYLE@@", std::string(page_css())},
                                                 {"@@DATA@@", std::move(data)},
                                                 {"@@POSITIONS@@", base64(tracks.positions)},
                                                 {"@@STATUS@@", base64(tracks.status)},
                                                 {"@@SCRIPT@@", std::string(page_js())}});
  if (sizes) sizes->page_bytes = page.size();
  return page;
}

}  // namespace hotline::replay
