// Trace files end to end, as a user makes them: `hotline run -o`, `hotline
// sweep` (resumed after kill -9, sharded and merged, at 1 and 2 threads),
// and the refusals — an existing output without --force, an unwritable
// path, shards that do not belong together.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>

#include "cli_runner.hpp"
#include "hotline/trace/hdf5_table.hpp"
#include "hotline/trace/run_record.hpp"
#include "hotline/trace/writer.hpp"
#include "same_content_check.hpp"
#include "trace_content.hpp"

using hotline::test::check_same_content;
using hotline::test::fresh_directory;
using hotline::test::run_hotline;
using hotline::test::start_hotline;
using hotline::test::trace_content;

namespace {

const std::string kSource = HOTLINE_SOURCE_DIR;
const std::string kTutorial = kSource + "/scenarios/tutorial.yaml";

// Waits until the journal at `path` holds a run. False if `pid` ended
// first or a minute passed.
bool wait_for_journal_growth(const std::string& path, pid_t pid) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    if (hotline::test::journal_holds_a_run(path)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

// Starts the sweep `arguments` (writing `output`), sends it `signal` once
// its journal holds a run — however slow the machine, the interruption
// falls in the middle of the sweep — and returns its exit code (-1 if it
// did not exit normally or finished before holding a run).
int exit_code_when_signalled(const std::vector<std::string>& arguments, const std::string& output,
                             int signal) {
  const pid_t pid = start_hotline(arguments);
  if (!wait_for_journal_growth(output + ".journal", pid)) {
    kill(pid, SIGKILL);  // if it is still running; reaped below or already
    waitpid(pid, nullptr, 0);
    return -1;
  }
  kill(pid, signal);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("run -o writes the documented trace layout with what run prints", "[trace][cli]") {
  const std::string dir = fresh_directory("trace_run");
  const std::string file = dir + "/run.h5";
  const auto r = run_hotline("run " + kTutorial + " --days 3 --json -o " + file
                             + " --sample-every 30 --replication 2 --policy hotline");
  REQUIRE(r.exit_code == 0);
  REQUIRE(std::filesystem::exists(file));
  CHECK_FALSE(std::filesystem::exists(file + ".partial"));
  const hotline::trace::TraceReader trace(file);
  CHECK(trace.identity().kind == "run");
  CHECK(trace.identity().policy_ids == std::vector<std::string>{"hotline"});
  REQUIRE(trace.summary().size() == 1);
  const auto& row = trace.summary()[0];
  CHECK(row.replication == 2);
  CHECK(row.steps == 3 * 1440);
  const auto run = trace.read_run(0);
  CHECK(run.events.size() == row.events_count);
  CHECK(run.hostility.size() == 72 * trace.dyads());  // hourly
  // The printed JSON carries the same numbers.
  for (const auto& d : run.dyads) {
    CHECK(r.out.find("\"encounters\": " + std::to_string(d.encounters)) != std::string::npos);
  }
  auto f = hotline::trace::hdf5::File::open(file, false);
  CHECK(hotline::trace::hdf5::dataset_rows(f, "states/p0_r2/x_km") == 3 * 1440 / 30);
  CHECK(hotline::trace::hdf5::dataset_rows(f, "agents") == 51);
}

TEST_CASE("an existing output is refused unless --force", "[trace][cli]") {
  const std::string dir = fresh_directory("trace_force");
  const std::string file = dir + "/run.h5";
  REQUIRE(run_hotline("run " + kTutorial + " --days 1 -o " + file).exit_code == 0);
  const auto before = std::filesystem::last_write_time(file);
  const auto again = run_hotline("run " + kTutorial + " --days 1 -o " + file);
  CHECK(again.exit_code == 2);
  CHECK(again.out.empty());
  CHECK(again.err == "hotline: error: " + file + ": exists; --force replaces it\n");
  CHECK(std::filesystem::last_write_time(file) == before);
  const auto sweep = run_hotline("sweep " + kTutorial + " --days 1 --replications 1 -o " + file);
  CHECK(sweep.exit_code == 2);
  CHECK(sweep.err == "hotline: error: " + file + ": exists; --force replaces it\n");
  CHECK(run_hotline("run " + kTutorial + " --days 1 --seed 2 -o " + file + " --force").exit_code
        == 0);
}

TEST_CASE("an unwritable output path exits 2 naming the path, leaving nothing", "[trace][cli]") {
  const auto missing = run_hotline("run " + kTutorial + " --days 1 -o /nonexistent-dir/run.h5");
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err == "hotline: error: /nonexistent-dir/run.h5: no directory /nonexistent-dir\n");
  // /proc exists but takes no files, even for root.
  const auto unwritable = run_hotline("run " + kTutorial + " --days 1 -o /proc/run.h5");
  CHECK(unwritable.exit_code == 2);
  CHECK(unwritable.err
        == "hotline: error: /proc/run.h5.lock: cannot make the lock file: No such file or "
           "directory\n");
  const auto sweep =
      run_hotline("sweep " + kTutorial + " --days 1 --replications 1 -o /proc/sweep.h5");
  CHECK(sweep.exit_code == 2);
  CHECK(sweep.err
        == "hotline: error: /proc/sweep.h5.lock: cannot make the lock file: No such file or "
           "directory\n");
}

TEST_CASE("a sweep is identical at 1 and 2 threads, and a run file too", "[trace][cli]") {
  const std::string dir = fresh_directory("trace_threads");
  const std::string base = "sweep " + kTutorial + " --days 4 --replications 3 --events all --quiet";
  REQUIRE(run_hotline(base + " --threads 1 -o " + dir + "/one.h5").exit_code == 0);
  REQUIRE(run_hotline(base + " --threads 2 -o " + dir + "/two.h5").exit_code == 0);
  check_same_content(dir + "/one.h5", dir + "/two.h5");
  const std::string run = "run " + kTutorial + " --days 2 --sample-every 10";
  REQUIRE(run_hotline(run + " --threads 1 -o " + dir + "/run1.h5").exit_code == 0);
  REQUIRE(run_hotline(run + " --threads 2 -o " + dir + "/run2.h5").exit_code == 0);
  check_same_content(dir + "/run1.h5", dir + "/run2.h5");
}

// A run's record with everything that names its policy, its replication
// or its place in the file cleared, as bytes: what the simulation produced.
std::vector<std::byte> outcome_of(hotline::trace::RunRecord record) {
  record.summary.policy = 0;
  record.summary.replication = 0;
  record.summary.events_begin = 0;
  record.summary.hostility_begin = 0;
  for (auto& d : record.dyads)
    d.policy = d.replication = 0;
  for (auto& p : record.presence)
    p.policy = p.replication = 0;
  for (auto& e : record.events)
    e.policy = e.replication = 0;
  return hotline::trace::encode_run_record(record);
}

TEST_CASE("replication k draws the same random streams under every policy", "[trace][cli]") {
  // Common random numbers: a second copy of the policy `none` under another
  // name must give, replication by replication, exactly the runs of `none`
  // (every event, every hostility sample), while replications differ.
  const std::string dir = fresh_directory("trace_common_random_numbers");
  std::ifstream in(kTutorial);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string none = "  - id: none\n";
  REQUIRE(text.find(none) != std::string::npos);
  text.replace(text.find(none), none.size(), none + "  - id: also_none\n");
  // The copy lives elsewhere: its land file by its full path.
  const std::string land = "land: land/tutorial_islands.geojson";
  REQUIRE(text.find(land) != std::string::npos);
  text.replace(text.find(land), land.size(),
               "land: " + kSource + "/scenarios/land/tutorial_islands.geojson");
  const std::string scenario = dir + "/twins.yaml";
  std::ofstream(scenario) << text;
  const auto r = run_hotline("sweep " + scenario
                             + " --policies none,also_none,hotline --days 12 --replications 3"
                               " --events all --quiet -o "
                             + dir + "/twins.h5");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const hotline::trace::TraceReader trace(dir + "/twins.h5");
  REQUIRE(trace.summary().size() == 9);  // policy-major: none 0..2, also_none 0..2, hotline 0..2
  for (std::size_t k = 0; k < 3; ++k) {
    INFO("replication " << k);
    const auto run_none = trace.read_run(k);
    const auto run_twin = trace.read_run(3 + k);
    CHECK(run_twin.summary.replication == k);
    CHECK(run_none.events.size() > 10);
    CHECK(outcome_of(run_none) == outcome_of(run_twin));
  }
  CHECK(outcome_of(trace.read_run(0)) != outcome_of(trace.read_run(1)));
}

TEST_CASE("shards merged are identical to the unsharded sweep, and bad sets are refused",
          "[trace][cli][repeat]") {
  const std::string dir = fresh_directory("trace_shards");
  const std::string base =
      "sweep " + kTutorial + " --days 3 --replications 4 --quiet --events incidents";
  REQUIRE(run_hotline(base + " -o " + dir + "/all.h5").exit_code == 0);
  for (int i = 1; i <= 3; ++i) {
    REQUIRE(run_hotline(base + " --shard " + std::to_string(i) + "/3 -o " + dir + "/s"
                        + std::to_string(i) + ".h5")
                .exit_code
            == 0);
  }
  // In any order.
  const auto merged = run_hotline("merge " + dir + "/s3.h5 " + dir + "/s1.h5 " + dir + "/s2.h5 -o "
                                  + dir + "/m.h5");
  REQUIRE(merged.exit_code == 0);
  check_same_content(dir + "/all.h5", dir + "/m.h5");

  const auto hole = run_hotline("merge " + dir + "/s1.h5 " + dir + "/s3.h5 -o " + dir + "/h.h5");
  CHECK(hole.exit_code == 2);
  CHECK(hole.err.rfind("hotline: error: holes: 9 of the 28 runs", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(dir + "/h.h5"));
  const auto overlap = run_hotline("merge " + dir + "/s1.h5 " + dir + "/s2.h5 " + dir + "/s3.h5 "
                                   + dir + "/all.h5 -o " + dir + "/o.h5");
  CHECK(overlap.exit_code == 2);
  CHECK(overlap.err.rfind("hotline: error: overlap: run (policy none, replication 0) is in both "
                              + dir + "/s1.h5 and " + dir + "/all.h5",
                          0)
        == 0);
  REQUIRE(run_hotline(base + " --seed 2 --shard 2/3 -o " + dir + "/seed2.h5").exit_code == 0);
  const auto seeds = run_hotline("merge " + dir + "/s1.h5 " + dir + "/seed2.h5 " + dir
                                 + "/s3.h5 -o " + dir + "/x.h5");
  CHECK(seeds.exit_code == 2);
  CHECK(seeds.err
        == "hotline: error: shards of different sweeps: seed: 1 in " + dir + "/s1.h5, 2 in " + dir
               + "/seed2.h5\n");
  const auto days = run_hotline("sweep " + kTutorial
                                + " --days 2 --replications 4 --quiet --events incidents "
                                  "--shard 2/3 -o "
                                + dir + "/days.h5");
  REQUIRE(days.exit_code == 0);
  const auto mixed = run_hotline("merge " + dir + "/s1.h5 " + dir + "/days.h5 " + dir + "/s3.h5 -o "
                                 + dir + "/x.h5");
  CHECK(mixed.exit_code == 2);
  CHECK(mixed.err.find("days: 3 in " + dir + "/s1.h5, 2 in " + dir + "/days.h5")
        != std::string::npos);
}

TEST_CASE("a sweep killed with kill -9 again and again resumes to the identical file",
          "[trace][cli][resume][repeat]") {
  const std::string dir = fresh_directory("trace_resume");
  const std::vector<std::string> args{"sweep",   kTutorial,  "--days", "12", "--replications",  "6",
                                      "--quiet", "--events", "all",    "-o", dir + "/killed.h5"};
  {
    std::vector<std::string> reference = args;
    reference.back() = dir + "/reference.h5";
    std::string line;
    for (const auto& a : reference)
      line += (a == "sweep" ? "" : " ") + a;
    REQUIRE(run_hotline(line).exit_code == 0);
  }
  std::random_device entropy;
  std::mt19937 random(entropy());
  std::uniform_int_distribution<int> delay_ms(20, 400);
  int kills = 0;
  bool finished = false;
  for (int attempt = 0; attempt < 12 && kills < 5 && !finished; ++attempt) {
    std::vector<std::string> command = args;
    if (attempt > 0) command.push_back("--resume");
    const pid_t pid = start_hotline(command);
    const int delay = delay_ms(random);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {  // done before the kill
      finished = WIFEXITED(status) && WEXITSTATUS(status) == 0;
      continue;
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++kills;
    // Whenever it was killed, nothing stands under the final name unless
    // the file is complete (then the journal is gone or about to be).
    if (std::filesystem::exists(dir + "/killed.h5")) {
      check_same_content(dir + "/reference.h5", dir + "/killed.h5");
    }
  }
  CHECK(kills == 5);
  if (!finished) {
    std::string line;
    for (const auto& a : args)
      line += (a == "sweep" ? "" : " ") + a;
    const auto last = run_hotline(line + " --resume");
    INFO(last.err);
    REQUIRE(last.exit_code == 0);
  }
  REQUIRE(std::filesystem::exists(dir + "/killed.h5"));
  CHECK_FALSE(std::filesystem::exists(dir + "/killed.h5.journal"));
  check_same_content(dir + "/reference.h5", dir + "/killed.h5");
}

TEST_CASE("Ctrl-C stops a sweep, keeps its finished runs, and --resume finishes it",
          "[trace][cli][resume]") {
  const std::string dir = fresh_directory("trace_sigint");
  const std::string file = dir + "/s.h5";
  CHECK(exit_code_when_signalled({"sweep", kTutorial, "--days", "12", "--replications", "6",
                                  "--quiet", "--threads", "1", "-o", file},
                                 file, SIGINT)
        == 130);
  CHECK_FALSE(std::filesystem::exists(file));
  CHECK(std::filesystem::exists(file + ".journal"));
  const std::string command =
      "sweep " + kTutorial + " --days 12 --replications 6 --quiet --threads 1 -o " + file;
  const auto again = run_hotline(command);
  CHECK(again.exit_code == 2);
  CHECK(again.err == "hotline: error: " + file
                         + ".journal: an interrupted sweep's journal; --resume finishes it, --force "
                           "starts over\n");
  const auto other = run_hotline(command + " --seed 5 --resume");
  CHECK(other.exit_code == 2);
  CHECK(other.err.find("belongs to a different sweep (seed: 5 in this command, 1 in")
        != std::string::npos);
  const auto resumed = run_hotline(command + " --resume");
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.out.find("more from the journal") != std::string::npos);
  const auto complete = run_hotline(command + " --resume");
  CHECK(complete.exit_code == 0);
  CHECK(complete.out == file + ": complete already (42 runs)\n");
}

TEST_CASE("SIGTERM stops a sweep like Ctrl-C, and --resume finishes it identically",
          "[trace][cli][resume]") {
  const std::string dir = fresh_directory("trace_sigterm");
  const std::string base = "sweep " + kTutorial + " --days 8 --replications 4 --quiet -o ";
  REQUIRE(run_hotline(base + dir + "/reference.h5").exit_code == 0);
  const std::string file = dir + "/s.h5";
  CHECK(exit_code_when_signalled(
            {"sweep", kTutorial, "--days", "8", "--replications", "4", "--quiet", "-o", file}, file,
            SIGTERM)
        == 143);
  CHECK_FALSE(std::filesystem::exists(file));
  const auto resumed = run_hotline(base + file + " --resume");
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(file + ".journal"));
  check_same_content(dir + "/reference.h5", file);
}

TEST_CASE("a bad --events value exits 2 naming the choices, writing nothing", "[trace][cli]") {
  const std::string dir = fresh_directory("trace_events_option");
  for (const std::string command : {"run", "sweep"}) {
    INFO(command);
    const auto r = run_hotline(command + " " + kTutorial + " --events some -o " + dir + "/x.h5");
    CHECK(r.exit_code == 2);
    CHECK(r.err
          == "hotline: error: --events expects none, command, incidents or all: got 'some'\n");
    CHECK(std::filesystem::is_empty(dir));
  }
}
