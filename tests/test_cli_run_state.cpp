// A long run in pieces (`hotline run --save-state`, `--from-state`): the
// continued run's summary is the whole run's, byte for byte, and a state
// of another scenario, seed, policy or build, a damaged one, or one past
// --days is refused with exit 2.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cli_runner.hpp"

using hotline::test::fresh_directory;
using hotline::test::run_hotline;

namespace {

const std::string kSource = HOTLINE_SOURCE_DIR;
const std::string kTense = kSource + "/scenarios/tutorial_tense.yaml";

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("a run continued from its saved state is the whole run", "[snapshot][cli]") {
  const std::string dir = fresh_directory("run_state");
  for (const std::string policy : {"none", "hotline"}) {
    const std::string base = "run " + kTense + " --policy " + policy + " --replication 3";
    const auto whole = run_hotline(base + " --days 8 --json");
    REQUIRE(whole.exit_code == 0);
    const std::string state = dir + "/" + policy + ".state";
    const auto first = run_hotline(base + " --days 3 --save-state " + state);
    INFO(first.both());
    REQUIRE(first.exit_code == 0);
    CHECK_THAT(first.out, Catch::Contains("hotline run --from-state continues it"));
    // In two more pieces, the second taking seed, replication and policy
    // from the state.
    REQUIRE(run_hotline(base + " --from-state " + state + " --days 5 --force --save-state " + state)
                .exit_code
            == 0);
    const auto last = run_hotline("run " + kTense + " --from-state " + state + " --days 8 --json");
    INFO(last.err);
    REQUIRE(last.exit_code == 0);
    CHECK(last.out == whole.out);
  }
}

TEST_CASE("a state of another scenario, seed, policy or build is refused", "[snapshot][cli]") {
  const std::string dir = fresh_directory("run_state_refusals");
  const std::string state = dir + "/s.state";
  REQUIRE(run_hotline("run " + kTense + " --days 2 --save-state " + state).exit_code == 0);
  const auto refused = [&](const std::string& arguments, const std::string& message) {
    const auto result = run_hotline(arguments);
    INFO(arguments << "\n" << result.both());
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(message));
    CHECK(result.out.empty());
  };
  refused("run " + kSource + "/scenarios/tutorial.yaml --from-state " + state,
          "scenario: 'Tutorial, tense: a clash in about one month in seventy' (resolved hash");
  refused("run " + kTense + " --from-state " + state + " --seed 9", "seed: 1 in the state, 9 here");
  refused("run " + kTense + " --from-state " + state + " --replication 2",
          "replication: 0 in the state, 2 here");
  refused("run " + kTense + " --from-state " + state + " --policy hotline",
          "policy: none in the state, hotline here");
  refused("run " + kTense + " --from-state " + state + " --days 1",
          "the state is at day 2; --days 1 ends no later");
  refused("run " + kTense + " --from-state " + state + " -o " + dir + "/t.h5",
          "--from-state and -o");
  CHECK_FALSE(std::filesystem::exists(dir + "/t.h5"));
  refused("run " + kTense + " --from-state " + kTense, "not a run state");
  refused("run " + kTense + " --from-state " + dir + "/none.state", "cannot read");
  const std::string text = file_text(state);
  write_text(dir + "/cut.state", text.substr(0, text.size() / 2));
  refused("run " + kTense + " --from-state " + dir + "/cut.state", "a damaged run state");
  // Another build's state: its version replaced by one of the same length.
  std::string other = text;
  const auto at = other.find(HOTLINE_VERSION);
  REQUIRE(at != std::string::npos);
  other.replace(at, 1, other[at] == '9' ? "8" : "9");
  write_text(dir + "/other.state", other);
  refused("run " + kTense + " --from-state " + dir + "/other.state",
          "a state is continued only by the version that wrote it");
  // An existing state is not overwritten without --force.
  refused("run " + kTense + " --days 1 --save-state " + state, "exists; --force replaces it");
}
