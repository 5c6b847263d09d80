// The page's own files (replay/page/), embedded at build time by
// cmake/EmbedText.cmake: the HTML template with its markers, the style and
// the script.
#pragma once

#include <string_view>

namespace hotline::replay {

[[nodiscard]] std::string_view page_html_template();
[[nodiscard]] std::string_view page_css();
[[nodiscard]] std::string_view page_js();

}  // namespace hotline::replay
