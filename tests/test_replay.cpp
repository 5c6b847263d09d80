// `hotline replay` and what it rests on: the packing of positions (decoded
// here as the page decodes them), base64 against RFC 4648's vectors, the
// page's escaping of the data, the report_judged events an incident leaves
// for the page's "how each side saw it", and the command's refusals (exit
// 2, nothing written). The page in a real browser is tests/browser/.

#include <zlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <tuple>

#include "cli_runner.hpp"
#include "hotline/replay/replay_page.hpp"
#include "hotline/replay/track_pack.hpp"
#include "hotline/trace/command_line.hpp"
#include "hotline/trace/reader.hpp"
#include "hotline/trace/run_view.hpp"

namespace {

using hotline::test::fresh_directory;
using hotline::test::run_hotline;

const std::string kSource = HOTLINE_SOURCE_DIR;
const std::string kTense = kSource + "/scenarios/tutorial_tense.yaml";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Three platforms over four samples: one still, one moving, one that jumps
// across the map and has a missing position.
hotline::trace::SampledStates small_states() {
  hotline::trace::SampledStates s;
  s.interval_s = 600.0;
  s.agents = 3;
  s.steps = {10, 20, 30, 40};
  s.time_s = {600.0, 1200.0, 1800.0, 2400.0};
  s.x_km = {5.0F, 0.0F, -1500.0F, 5.0F, 1.03F, 1500.0F, 5.0F, 2.07F, NAN, 5.0F, 3.1F, -1499.9F};
  s.y_km = {-5.0F, 0.0F, 10.0F, -5.0F, -2.0F, 10.0F, -5.0F, -4.01F, NAN, -5.0F, -6.0F, 10.0F};
  s.heading_rad.assign(12, 0.0F);
  s.status = {0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1};
  return s;
}

std::vector<std::uint8_t> inflate_bytes(const std::vector<std::uint8_t>& packed, std::size_t size) {
  std::vector<std::uint8_t> out(size);
  uLongf length = static_cast<uLongf>(size);
  REQUIRE(uncompress(out.data(), &length, packed.data(), static_cast<uLong>(packed.size()))
          == Z_OK);
  REQUIRE(length == size);
  return out;
}

// The page's decoding (replay.js, undifference): running sums of the
// differences, modulo 2^16, series after series.
std::vector<std::int16_t> page_decode(const std::vector<std::uint8_t>& planes,
                                      std::size_t samples) {
  const std::size_t n = planes.size() / 2;
  std::vector<std::int16_t> out(n);
  for (std::size_t start = 0; start < n; start += samples) {
    std::uint16_t value = 0;
    for (std::size_t k = start; k < start + samples; ++k) {
      value = static_cast<std::uint16_t>(value + (planes[k] | (planes[n + k] << 8U)));
      out[k] = static_cast<std::int16_t>(value);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("packed positions decode as the page decodes them, within half a quantum", "[replay]") {
  const hotline::trace::SampledStates states = small_states();
  const hotline::replay::PackedTracks packed = hotline::replay::pack_tracks(states);
  CHECK(packed.quantum_km == 0.05);  // ±1,500 km fits 32,000 steps of 0.05 km
  const auto planes = inflate_bytes(packed.positions, 2 * 2 * 3 * 4);
  const auto decoded = page_decode(planes, 4);
  CHECK(decoded == hotline::replay::quantised_positions(states, packed.quantum_km));
  for (std::size_t j = 0; j < 3; ++j) {
    for (std::size_t i = 0; i < 4; ++i) {
      const float x = states.x_km[i * 3 + j];
      const double page_x = decoded[(2 * j) * 4 + i] * packed.quantum_km;
      // A missing position holds the previous one (platform 2, sample 2).
      const double expected = std::isfinite(x) ? x : states.x_km[(i - 1) * 3 + j];
      CHECK(std::abs(page_x - expected) <= packed.quantum_km / 2 + 1e-4);
    }
  }
  const auto status = inflate_bytes(packed.status, 12);
  CHECK(status == std::vector<std::uint8_t>{0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1});
}

TEST_CASE("the quantum doubles until the widest coordinate fits in int16", "[replay]") {
  hotline::trace::SampledStates states = small_states();
  states.x_km[2] = 5000.0F;  // 100,000 steps of 0.05 km
  const double quantum = hotline::replay::quantum_for(states);
  CHECK(quantum == 0.2);
  CHECK(5000.0 / quantum <= 32000.0);
  const auto q = hotline::replay::quantised_positions(states, quantum);
  CHECK(q[(2 * 2) * 4 + 0] == 25000);
}

TEST_CASE("base64 gives RFC 4648's test vectors", "[replay]") {
  const auto encode = [](const std::string& text) {
    const std::vector<std::uint8_t> bytes(text.begin(), text.end());
    return hotline::replay::base64(bytes);
  };
  CHECK(encode("").empty());
  CHECK(encode("f") == "Zg==");
  CHECK(encode("fo") == "Zm8=");
  CHECK(encode("foo") == "Zm9v");
  CHECK(encode("foob") == "Zm9vYg==");
  CHECK(encode("fooba") == "Zm9vYmE=");
  CHECK(encode("foobar") == "Zm9vYmFy");
}

TEST_CASE("a name that holds markup cannot end the page's data early", "[replay]") {
  hotline::replay::ReplayRun run;
  run.scenario_name = "</script><b>x</b>";
  run.policy_id = "none";
  run.states = small_states();
  run.agents.resize(3);
  const std::string page = hotline::replay::replay_page(run);
  std::size_t closes = 0;
  for (std::size_t at = page.find("</script>"); at != std::string::npos;
       at = page.find("</script>", at + 1))
    ++closes;
  CHECK(closes == 4);  // the data, the two packed blocks, the script
  CHECK(page.find("<\\/script><b>x<\\/b>") != std::string::npos);
  CHECK(page.find("<title>Hotline replay: &lt;/script&gt;") != std::string::npos);
}

TEST_CASE("each side's report of an incident leaves a report_judged event", "[replay][cli]") {
  const std::string dir = fresh_directory("replay_judged");
  REQUIRE(run_hotline("run " + kTense + " --days 3 --force -o " + dir + "/run.h5").exit_code == 0);
  const hotline::trace::TraceReader trace(dir + "/run.h5");
  const hotline::trace::RunRecord record = trace.read_run(0);
  const auto types = hotline::trace::read_names(trace, "event_types");
  const auto code = [&](const std::string& name) {
    return static_cast<std::uint8_t>(std::find(types.begin(), types.end(), name) - types.begin());
  };
  const std::uint8_t incident_code = code("incident"), judged_code = code("report_judged");
  REQUIRE(judged_code < types.size());
  std::size_t incidents = 0, judged = 0;
  for (const auto& e : record.events) {
    if (e.type == incident_code) ++incidents;
    if (e.type != judged_code) continue;
    ++judged;
    CHECK((e.value & 3U) <= 2U);
    CHECK((e.value >> 2U) <= 1U);
    // Its incident is an earlier one of the same pair.
    const bool found = std::any_of(record.events.begin(), record.events.end(), [&](const auto& i) {
      return i.type == incident_code && i.agent_a == e.agent_a && i.agent_b == e.agent_b
             && i.time_s <= e.time_s && i.severity == e.severity;
    });
    CHECK(found);
  }
  REQUIRE(incidents > 0);
  // Two reports an incident, less those still on their way at the end.
  CHECK(judged <= 2 * incidents);
  CHECK(judged >= 2 * incidents - 4);
}

TEST_CASE("replay writes a page of a sampled run, and says what it wrote", "[replay][cli]") {
  const std::string dir = fresh_directory("replay_page");
  REQUIRE(
      run_hotline("run " + kTense + " --days 1 --sample-every 10 -o " + dir + "/run.h5").exit_code
      == 0);
  const auto result = run_hotline("replay " + dir + "/run.h5 -o " + dir + "/page.html");
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("51 platforms × 144 samples every 10 min") != std::string::npos);
  const std::string page = read_text(dir + "/page.html");
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("window.hotlineReplay") != std::string::npos);
  CHECK(page.find("\"policy\":\"none\"") != std::string::npos);
  CHECK(page.find("http://") == std::string::npos);  // nothing fetched
  CHECK(page.find("https://") == std::string::npos);
}

TEST_CASE("replay refuses what it cannot replay: exit 2, nothing written", "[replay][cli]") {
  const std::string dir = fresh_directory("replay_refusals");
  REQUIRE(
      run_hotline("run " + kTense + " --days 1 --sample-every 0 -o " + dir + "/bare.h5").exit_code
      == 0);
  REQUIRE(run_hotline("sweep " + kTense + " --days 1 --replications 1 --policies none --quiet -o "
                      + dir + "/sweep.h5")
              .exit_code
          == 0);
  REQUIRE(
      run_hotline("run " + kTense + " --days 1 --sample-every 10 -o " + dir + "/run.h5").exit_code
      == 0);
  const auto refused = [&](const std::string& arguments, const std::string& says) {
    const auto result = run_hotline("replay " + arguments);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    INFO(result.err);
    CHECK(result.err.find(says) != std::string::npos);
  };
  refused(dir + "/bare.h5 -o " + dir + "/a.html", "no sampled states");
  refused(dir + "/bare.h5 -o " + dir + "/a.html", "--sample-every");
  refused(dir + "/sweep.h5 -o " + dir + "/a.html", "a sweep file keeps no sampled states");
  refused(dir + "/run.h5 --policy hotline -o " + dir + "/a.html", "--policy hotline");
  refused(dir + "/run.h5 -o " + dir + "/run.h5 --force", "that is the trace itself");
  refused(dir + "/missing.h5 -o " + dir + "/a.html", "missing.h5");
  refused(dir + "/run.h5 -o " + dir + "/no/such/folder/a.html", "no directory");
  refused(dir + "/run.h5 -o " + dir, "is a directory");
  refused(dir + "/run.h5 -o /dev/null", "is a device");
  CHECK_FALSE(std::filesystem::exists(dir + "/a.html"));
  {
    std::ofstream kept(dir + "/kept.html");
    kept << "the user's own";
  }
  refused(dir + "/run.h5 -o " + dir + "/kept.html", "--force");
  CHECK(read_text(dir + "/kept.html") == "the user's own");
  CHECK(run_hotline("replay " + dir + "/run.h5 --force --quiet -o " + dir + "/kept.html").exit_code
        == 0);
}

namespace {

// What a run's summary row says of the run itself (not where a file keeps it).
auto run_outcome(const hotline::trace::SummaryRow& r) {
  return std::make_tuple(r.seed, r.steps, r.encounters, r.encounter_hours, r.incidents_unsafe,
                         r.incidents_dangerous, r.incidents_grave, r.intrusions, r.crisis_days,
                         r.peak_level, r.clashes, r.expected_grave, r.expected_clashes, r.calls,
                         r.calls_connected);
}

const hotline::trace::SummaryRow& summary_of(const hotline::trace::TraceReader& trace,
                                             std::uint32_t point, std::uint32_t policy,
                                             std::uint32_t replication) {
  for (const auto& row : trace.summary())
    if (row.point == point && row.policy == policy && row.replication == replication) return row;
  FAIL("no such run in " << trace.path());
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("shell words read back as written", "[replay]") {
  using hotline::trace::shell_word;
  using hotline::trace::shell_words;
  CHECK(shell_word("plain/path.yaml") == "plain/path.yaml");
  CHECK(shell_word("answer_delay.median=48 h") == "'answer_delay.median=48 h'");
  CHECK(shell_word("it's") == "'it'\\''s'");
  CHECK(shell_word("") == "''");
  const std::vector<std::string> words{"hotline", "run", "a b.yaml", "", "it's", "x=6 h", "--q"};
  std::string line;
  for (const auto& word : words)
    line += (line.empty() ? "" : " ") + shell_word(word);
  CHECK(shell_words(line) == words);
}

TEST_CASE("replay on an experiment's sweep prints the hotline run of the same run, --set and all",
          "[replay][cli]") {
  const std::string dir = fresh_directory("replay_rerun");
  {
    std::ofstream experiment(dir + "/experiment.yaml");
    experiment << "experiment:\n  name: rerun\nscenario: " << kTense
               << "\nfactors:\n"
                  "  - path: incidents.hazard_scale\n"
                  "    values: [4, 12]\n"
                  "  - path: policies.hotline.hotline.endpoints.blue_joint_staff/red_command."
                  "answer_delay.median\n"
                  "    values: [1 h, 48 h]\n"
                  "design:\n  type: full_factorial\npolicies: [none, hotline]\n"
                  "replications: 2\ndays: 3\nseed: 11\n";
  }
  REQUIRE(run_hotline("sweep " + dir + "/experiment.yaml --quiet -o " + dir + "/sweep.h5").exit_code
          == 0);
  const auto refusal =
      run_hotline("replay " + dir + "/sweep.h5 --point 3 --policy hotline --replication 1 -o " + dir
                  + "/a.html");
  REQUIRE(refusal.exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(dir + "/a.html"));
  INFO(refusal.err);
  const std::size_t at = refusal.err.find("hotline run ");
  REQUIRE(at != std::string::npos);
  std::string command = refusal.err.substr(at + std::string("hotline ").size());
  command = command.substr(0, command.find('\n'));
  CHECK(command.find("--set 'policies.hotline.hotline.endpoints.blue_joint_staff/"
                     "red_command.answer_delay.median=48 h'")
        != std::string::npos);
  CHECK(command.find("--set incidents.hazard_scale=12") != std::string::npos);
  const std::string output = "-o run.h5";
  REQUIRE(command.ends_with(output));
  command.replace(command.size() - output.size(), output.size(), "-o " + dir + "/run.h5");
  REQUIRE(run_hotline(command).exit_code == 0);

  const hotline::trace::TraceReader sweep(dir + "/sweep.h5");
  const hotline::trace::TraceReader rerun(dir + "/run.h5");
  REQUIRE(rerun.summary().size() == 1);
  CHECK(run_outcome(rerun.summary()[0]) == run_outcome(summary_of(sweep, 3, 1, 1)));
  // The settings matter: the base point's run of the same streams differs.
  CHECK(run_outcome(rerun.summary()[0]) != run_outcome(summary_of(sweep, 0, 1, 1)));
  CHECK(run_hotline("replay " + dir + "/run.h5 --quiet -o " + dir + "/a.html").exit_code == 0);
}

TEST_CASE("replay on a run without states prints its own command with states asked for",
          "[replay][cli]") {
  const std::string dir = fresh_directory("replay_resample");
  REQUIRE(run_hotline("run " + kTense
                      + " --days 1 --seed 4 --sample-every 0 --set "
                        "'escalation.hostility.dyads.blue/red.baseline=0.4' --save-state "
                      + dir + "/end.state --force -o " + dir + "/bare.h5")
              .exit_code
          == 0);
  const auto refusal = run_hotline("replay " + dir + "/bare.h5 -o " + dir + "/a.html");
  REQUIRE(refusal.exit_code == 2);
  INFO(refusal.err);
  CHECK(
      refusal.err.find("hotline run " + kTense
                       + " --days 1 --seed 4 --set escalation.hostility.dyads.blue/red.baseline=0.4"
                         " --sample-every 10 -o run.h5")
      != std::string::npos);
}
