// Inputs a hostile or careless user gives: what is not a regular file, what
// is too big, what is not UTF-8 text, more than one YAML document, tags, an
// alias bomb. Each is refused with the file, the place and the reason, exit
// 2, before anything is computed.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.hpp"

using hotline::test::fresh_directory;
using hotline::test::run_command;
using hotline::test::run_hotline;

namespace {

const std::string kTutorial = std::string(HOTLINE_SOURCE_DIR) + "/scenarios/tutorial.yaml";

// A small valid scenario with `name` as its name line's value.
std::string scenario_named(const std::string& name_value) {
  return "name: " + name_value
         + "\nframe:\n  centre: {lat: 29.0, lon: 126.0}\ngeography:\n  land: none\n"
           "nations:\n  - id: a\n";
}

std::string write_file(const std::string& dir, const std::string& name, const std::string& bytes) {
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST_CASE("only regular files are read as scenarios and traces", "[input][cli]") {
  const std::string dir = fresh_directory("hostile_kinds");
  const auto directory = run_hotline("validate " + dir);
  CHECK(directory.exit_code == 2);
  CHECK(directory.err == dir + ":1:1: cannot read the file: is a directory, not a file\n");
  const std::string fifo = dir + "/pipe.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  const auto on_fifo = run_hotline("validate " + fifo);  // returns at once, no writer needed
  CHECK(on_fifo.exit_code == 2);
  CHECK(on_fifo.err
        == fifo + ":1:1: cannot read the file: is a FIFO; hotline reads only regular files\n");
  const auto device = run_hotline("validate /dev/zero");
  CHECK(device.exit_code == 2);
  CHECK(device.err
        == "/dev/zero:1:1: cannot read the file: is a device; hotline reads only regular files\n");
  const auto missing = run_hotline("run " + dir + "/missing.yaml --days 1");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == dir + "/missing.yaml:1:1: cannot read the file: no such file\n");
  const auto trace_fifo = run_hotline("report " + fifo);
  CHECK(trace_fifo.exit_code == 2);
  CHECK(trace_fifo.err
        == "hotline: error: " + fifo + ": is not a regular file (a FIFO, a device or a socket)\n");
}

TEST_CASE("an input over the size limit is refused, and the limit can be raised", "[input][cli]") {
  const std::string dir = fresh_directory("hostile_size");
  std::string big = scenario_named("big");
  big += std::string(1100000, '#') + "\n";  // a comment of 1.1 MB
  const std::string path = write_file(dir, "big.yaml", big);
  const auto refused =
      run_command("HOTLINE_MAX_INPUT_MB=1 " + std::string(HOTLINE_EXE) + " validate " + path);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err
        == path + ":1:1: cannot read the file: is " + std::to_string(big.size())
               + " bytes, over the input size limit of 1048576 bytes (1 MiB; "
                 "HOTLINE_MAX_INPUT_MB raises it)\n");
  CHECK(run_command("HOTLINE_MAX_INPUT_MB=2 " + std::string(HOTLINE_EXE) + " validate " + path)
            .exit_code
        == 0);
  const auto bad_setting =
      run_command("HOTLINE_MAX_INPUT_MB=lots " + std::string(HOTLINE_EXE) + " validate " + path);
  CHECK(bad_setting.exit_code == 2);
  CHECK(bad_setting.err.find("HOTLINE_MAX_INPUT_MB: 'lots' is not a whole number of MiB")
        != std::string::npos);
}

TEST_CASE("scenario text must be UTF-8 without NUL bytes", "[input][cli]") {
  const std::string dir = fresh_directory("hostile_text");
  const std::string with_nul =
      write_file(dir, "nul.yaml", scenario_named(std::string("\"ab\0cd\"", 7)));
  const auto nul = run_hotline("validate " + with_nul);
  CHECK(nul.exit_code == 2);
  CHECK(nul.err == with_nul
                       + ":1:10: a NUL byte: a scenario is UTF-8 text (is this a binary or UTF-16 "
                         "file?)\n");
  const std::string latin1 = write_file(dir, "latin1.yaml", scenario_named("Caf\xE9"));
  const auto not_utf8 = run_hotline("validate " + latin1);
  CHECK(not_utf8.exit_code == 2);
  CHECK(not_utf8.err == latin1 + ":1:10: byte 0xE9 is not UTF-8: save the file as UTF-8\n");
  std::string utf16 = "\xFF\xFE";
  for (const char c : scenario_named("x")) {
    utf16 += c;
    utf16 += '\0';
  }
  const std::string wide = write_file(dir, "utf16.yaml", utf16);
  const auto sixteen = run_hotline("validate " + wide);
  CHECK(sixteen.exit_code == 2);
  CHECK(sixteen.err == wide + ":1:1: the file is UTF-16 text: save it as UTF-8\n");
  // Real UTF-8 is welcome, in names and comments alike.
  const std::string accents =
      write_file(dir, "utf8.yaml", scenario_named("\"Café 東シナ海\"") + "# ü\n");
  CHECK(run_hotline("validate " + accents).exit_code == 0);
}

TEST_CASE("one YAML document, no tags, no alias bombs", "[input][cli]") {
  const std::string dir = fresh_directory("hostile_yaml");
  const std::string two = write_file(dir, "two.yaml", scenario_named("x") + "---\nname: y\n");
  const auto second = run_hotline("validate " + two);
  CHECK(second.exit_code == 2);
  // At the "---" that starts it.
  CHECK(second.err.find(two + ":8:1: a second YAML document: a scenario file holds one") == 0);
  const std::string tagged = write_file(dir, "tag.yaml", scenario_named("!python/object x"));
  const auto tag = run_hotline("validate " + tagged);
  CHECK(tag.exit_code == 2);
  CHECK(tag.err.find(tagged + ":1:7: unknown tag '!python/object'") == 0);
  // YAML's own core tags are plain values and stay accepted.
  const std::string core = write_file(dir, "core.yaml", scenario_named("!!str x"));
  CHECK(run_hotline("validate " + core).exit_code == 0);
  std::string bomb = scenario_named("x") + "points: []\nlaughs:\n  a0: &a0 [lol, lol, lol, lol]\n";
  for (int k = 1; k < 12; ++k) {
    const std::string prev = "*a" + std::to_string(k - 1);
    bomb += "  a" + std::to_string(k) + ": &a" + std::to_string(k) + " [" + prev + ", " + prev
            + ", " + prev + ", " + prev + "]\n";
  }
  const std::string bombed = write_file(dir, "bomb.yaml", bomb);
  const auto laughs = run_hotline("validate " + bombed);
  CHECK(laughs.exit_code == 2);
  CHECK(laughs.err.find("YAML nodes (aliases repeating aliases?)") != std::string::npos);
}

TEST_CASE("what validate accepts a run can do: steps and memory are checked first",
          "[input][cli]") {
  const std::string dir = fresh_directory("hostile_limits");
  // 100,000 days of one-minute steps: 144 million steps.
  const auto days = run_hotline("run " + kTutorial + " --days 100000");
  CHECK(days.exit_code == 2);
  CHECK(days.err
        == "hotline: error: --days 100000 is 144000000 time steps of 60 s, over the limit of "
           "100000000 steps for one run\n");
  // 15 million platforms in each of 1,000 worlds at once: no machine has it.
  std::string big =
      "name: big\nframe:\n  centre: {lat: 29.0, lon: 126.0}\ngeography:\n"
      "  land: none\nnations:\n  - id: a\nzones:\n  - {id: z, kind: patrol_area, "
      "circle: {centre: {lat: 29.0, lon: 126.0}, radius: 50 km}}\nclasses:\n"
      "  - {id: c, kind: ship, role: coast_guard, cruise_speed: 15 kn, max_speed: "
      "25 kn, sensor_range: 20 nmi}\nforces:\n  - {id: f, nation: a, class: c, "
      "count: 15000000, mission: {type: patrol, area: z}}\n";
  const std::string path = write_file(dir, "big.yaml", big);
  REQUIRE(run_hotline("validate " + path).exit_code == 0);
  const auto memory = run_hotline(
      "sweep " + path + " --days 1 --replications 1000 --threads 1000 -o " + dir + "/big.h5");
  CHECK(memory.exit_code == 2);
  CHECK(memory.err.find("hotline: error: this would need about 15360") == 0);
  CHECK(memory.err.find("15000000 platforms × 1000 worlds in memory at once") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/big.h5.journal"));
}
