// Text made safe: strict UTF-8 decoding, names printable on a terminal,
// JSON that stays valid whatever bytes a damaged file holds.
#include <catch2/catch.hpp>
#include <string>

#include "cli_runner.hpp"
#include "hotline/analysis/json_text.hpp"
#include "hotline/scenarios/text_safety.hpp"

using hotline::analysis::json_escaped;
using hotline::scenarios::printable;
using hotline::scenarios::utf8_length;

TEST_CASE("UTF-8 is decoded strictly", "[text]") {
  CHECK(utf8_length("a", 0) == 1);
  CHECK(utf8_length("\xC3\xA9", 0) == 2);          // é
  CHECK(utf8_length("\xE6\x9D\xB1", 0) == 3);      // 東
  CHECK(utf8_length("\xF0\x9F\x9A\xA2", 0) == 4);  // 🚢
  CHECK(utf8_length("\xC0\xAF", 0) == 0);          // overlong '/'
  CHECK(utf8_length("\xED\xA0\x80", 0) == 0);      // a surrogate
  CHECK(utf8_length("\xF4\x90\x80\x80", 0) == 0);  // past U+10FFFF
  CHECK(utf8_length("\xE6\x9D", 0) == 0);          // cut short
  CHECK(utf8_length("\x80", 0) == 0);              // a lone continuation byte
}

TEST_CASE("names print safely on a terminal", "[text]") {
  CHECK(printable("East China Sea 東シナ海") == "East China Sea 東シナ海");
  CHECK(printable("\x1b[31mred\x1b[0m") == "\\x1B[31mred\\x1B[0m");
  CHECK(printable("line\nbreak\ttab\x7f") == "line\\x0Abreak\\x09tab\\x7F");
  CHECK(printable("\xC2\x9B"
                  "c1")
        == "\\xC2\\x9Bc1");                   // CSI as a C1 control
  CHECK(printable("caf\xE9") == "caf\\xE9");  // Latin-1, not UTF-8
  CHECK(printable("a\\b") == "a\\\\b");       // so that \x is unambiguous
}

TEST_CASE("JSON text stays valid whatever the bytes", "[text]") {
  CHECK(json_escaped("say \"hi\"\\n") == "say \\\"hi\\\"\\\\n");
  CHECK(json_escaped("tab\there\x01") == "tab\\u0009here\\u0001");
  CHECK(json_escaped("caf\xE9 \xC3\xA9") == "caf\\ufffd \xC3\xA9");
  CHECK(json_escaped("\xFF\xFE") == "\\ufffd\\ufffd");
}

TEST_CASE("a scenario name with escape sequences is printed escaped", "[text][cli]") {
  const std::string dir = hotline::test::fresh_directory("text_name");
  const std::string path = dir + "/named.yaml";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    REQUIRE(f != nullptr);
    std::fputs(
        "name: \"\\e[31mred\\e]0;title\\a\"\nframe:\n  centre: {lat: 29.0, lon: 126.0}\n"
        "geography:\n  land: none\nnations:\n  - id: a\n",
        f);
    std::fclose(f);
  }
  const auto validated = hotline::test::run_hotline("validate " + path);
  CHECK(validated.exit_code == 0);
  CHECK(validated.out.find("ok: \"\\x1B[31mred\\x1B]0;title\\x07\"") != std::string::npos);
  CHECK(validated.out.find('\x1b') == std::string::npos);
}
