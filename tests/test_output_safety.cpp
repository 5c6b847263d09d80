// Outputs are exclusive and atomic, and --force replaces only regular files:
// a second writer refused while a lock is held, stale locks free, planted
// links never followed, special files never replaced, and a full disk
// leaving the earlier file and the journal intact (a real small tmpfs where
// this machine may mount one, a file-size limit otherwise).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "hotline/trace/output_file.hpp"
#include "hotline/trace/record_journal.hpp"
#include "same_content_check.hpp"

using hotline::test::fresh_directory;
using hotline::test::run_command;
using hotline::test::run_hotline;

namespace fs = std::filesystem;

namespace {

const std::string kTutorial = std::string(HOTLINE_SOURCE_DIR) + "/scenarios/tutorial.yaml";

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

bool is_symlink(const std::string& path) {
  std::error_code error;
  return fs::is_symlink(fs::symlink_status(path, error));
}

std::string run_args(const std::string& output) {
  return "run " + kTutorial + " --days 1 -o " + output;
}

std::string sweep_args(const std::string& output) {
  return "sweep " + kTutorial + " --days 1 --replications 2 --quiet -o " + output;
}

}  // namespace

TEST_CASE("a second writer on a held output is refused at once, naming the holder",
          "[output][cli]") {
  const std::string dir = fresh_directory("output_lock");
  const std::string out = dir + "/out.h5";
  REQUIRE(run_hotline(run_args(out)).exit_code == 0);
  const std::string before = file_text(out);
  {
    const hotline::trace::OutputLock held(out, "hotline run holder-of-the-test");
    const std::string holder = "in use by process " + std::to_string(::getpid())
                               + " (hotline run holder-of-the-test); wait for it or stop it\n";
    for (const std::string& args : {run_args(out) + " --force", sweep_args(out) + " --force",
                                    sweep_args(out) + " --resume"}) {
      const auto second = run_hotline(args);
      CHECK(second.exit_code == 2);
      CHECK(second.err == "hotline: error: " + out + ": " + holder);
    }
    CHECK(file_text(out) == before);  // the good file is untouched
    CHECK_FALSE(fs::exists(out + ".partial"));
    CHECK_FALSE(fs::exists(out + ".journal"));
  }
  // Released: the lock file is gone and the output free again.
  CHECK_FALSE(fs::exists(out + ".lock"));
  CHECK(run_hotline(run_args(out) + " --force").exit_code == 0);
}

TEST_CASE("a lock left by a killed process does not hold the output", "[output][cli]") {
  const std::string dir = fresh_directory("output_stale_lock");
  const std::string out = dir + "/out.h5";
  write_text(out + ".lock", "999999 hotline run killed long ago\n");
  const auto run = run_hotline(run_args(out));
  CHECK(run.exit_code == 0);
  CHECK(fs::exists(out));
  CHECK_FALSE(fs::exists(out + ".lock"));
}

TEST_CASE("merge holds its output too", "[output][cli]") {
  const std::string dir = fresh_directory("output_merge_lock");
  const std::string base = "sweep " + kTutorial + " --days 1 --replications 2 --quiet";
  REQUIRE(run_hotline(base + " --shard 1/2 -o " + dir + "/a.h5").exit_code == 0);
  REQUIRE(run_hotline(base + " --shard 2/2 -o " + dir + "/b.h5").exit_code == 0);
  const std::string out = dir + "/merged.h5";
  {
    const hotline::trace::OutputLock held(out, "test");
    const auto merge = run_hotline("merge " + dir + "/a.h5 " + dir + "/b.h5 -o " + out);
    CHECK(merge.exit_code == 2);
    CHECK(merge.err.find("in use by process") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
  CHECK(run_hotline("merge " + dir + "/a.h5 " + dir + "/b.h5 -o " + out).exit_code == 0);
}

TEST_CASE("only regular files are replaced by --force", "[output][cli]") {
  const std::string dir = fresh_directory("output_special");
  const std::string fifo = dir + "/fifo.h5";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  const auto on_fifo = run_hotline(run_args(fifo) + " --force");
  CHECK(on_fifo.exit_code == 2);
  CHECK(on_fifo.err == "hotline: error: " + fifo
                           + ": is a FIFO; hotline writes only regular files, and --force "
                             "replaces only those\n");
  struct stat st {};
  REQUIRE(::lstat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  const auto on_device = run_hotline(run_args("/dev/null") + " --force");
  CHECK(on_device.exit_code == 2);
  CHECK(on_device.err.find("/dev/null: is a device") != std::string::npos);
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
  const auto on_directory = run_hotline(sweep_args(dir) + " --force");
  CHECK(on_directory.exit_code == 2);
  CHECK(on_directory.err == "hotline: error: " + dir + ": is a directory, not a file name\n");
  const auto merge_on_fifo = run_hotline("merge " + dir + "/x.h5 -o " + fifo + " --force");
  CHECK(merge_on_fifo.exit_code == 2);
  CHECK(merge_on_fifo.err.find("is a FIFO") != std::string::npos);
}

TEST_CASE("links planted at the names hotline makes up are never followed", "[output][cli]") {
  const std::string dir = fresh_directory("output_planted");
  const std::string victim = dir + "/victim.txt";
  write_text(victim, "precious\n");
  // A temporary file's name: the link is removed, the run writes its own.
  fs::create_symlink(victim, dir + "/run.h5.partial");
  CHECK(run_hotline(run_args(dir + "/run.h5")).exit_code == 0);
  CHECK_FALSE(fs::exists(dir + "/run.h5.partial"));
  // A journal's name: refused under --resume, replaced (the link) by --force.
  fs::create_symlink(victim, dir + "/sweep.h5.journal");
  const auto resume = run_hotline(sweep_args(dir + "/sweep.h5") + " --resume");
  CHECK(resume.exit_code == 2);
  CHECK(resume.err.find("sweep.h5.journal: a symbolic link stands here") != std::string::npos);
  CHECK(run_hotline(sweep_args(dir + "/sweep.h5") + " --force").exit_code == 0);
  // A lock file's name: refused.
  fs::create_symlink(victim, dir + "/locked.h5.lock");
  const auto locked = run_hotline(run_args(dir + "/locked.h5"));
  CHECK(locked.exit_code == 2);
  CHECK(locked.err
        == "hotline: error: " + dir + "/locked.h5.lock: a symbolic link stands here; remove it\n");
  // The plots' temporary names are random and created exclusively
  // (tests/python/check_plots.py), comparison.json's like the run's.
  fs::create_directories(dir + "/plots");
  fs::create_symlink(victim, dir + "/plots/comparison.json.partial");
  CHECK(run_hotline("report " + dir + "/sweep.h5 --plots " + dir + "/plots").exit_code == 0);
  CHECK(file_text(victim) == "precious\n");
  CHECK(fs::is_regular_file(dir + "/plots/comparison.json"));
  // A sweep file named like an option reaches the plot script as a file.
  fs::copy_file(dir + "/sweep.h5", dir + "/-h");
  const auto dashed =
      run_command("cd " + dir + " && " + HOTLINE_EXE + " report --plots dashed -- -h");
  CHECK(dashed.exit_code == 0);
  CHECK(fs::is_regular_file(dir + "/dashed/incident_rate.png"));
}

TEST_CASE("a link named as the output is followed only to a regular file", "[output][cli]") {
  const std::string dir = fresh_directory("output_named_link");
  const std::string target = dir + "/target.h5";
  write_text(target, "old\n");
  fs::create_symlink(target, dir + "/link.h5");
  const auto without_force = run_hotline(run_args(dir + "/link.h5"));
  CHECK(without_force.exit_code == 2);
  CHECK(without_force.err == "hotline: error: " + dir + "/link.h5: exists; --force replaces it\n");
  CHECK(run_hotline(run_args(dir + "/link.h5") + " --force").exit_code == 0);
  CHECK(is_symlink(dir + "/link.h5"));  // the link stays, its target is the new file
  CHECK(file_text(target).substr(1, 3) == "HDF");
  fs::create_symlink(dir + "/nothing.h5", dir + "/dangling.h5");
  const auto dangling = run_hotline(run_args(dir + "/dangling.h5") + " --force");
  CHECK(dangling.exit_code == 2);
  CHECK(dangling.err.find("a symbolic link to nothing") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/nothing.h5"));
  fs::create_symlink(dir, dir + "/to_dir.h5");
  const auto to_dir = run_hotline(run_args(dir + "/to_dir.h5") + " --force");
  CHECK(to_dir.exit_code == 2);
  CHECK(to_dir.err.find("a symbolic link to a directory") != std::string::npos);
}

namespace {

// Runs `args` with every file it writes limited to `kilobytes` (SIGXFSZ
// ignored, so that a write past it fails with EFBIG as a full disk does).
hotline::test::CliResult with_file_limit(const std::string& args, int kilobytes) {
  return run_command("trap '' XFSZ; ulimit -f " + std::to_string(kilobytes * 2) + "; " + HOTLINE_EXE
                     + " " + args);
}

}  // namespace

TEST_CASE("a write that fails is one line, exit 1, nothing partial, the earlier file intact",
          "[output][cli]") {
  const std::string dir = fresh_directory("output_write_failure");
  const std::string out = dir + "/out.h5";
  REQUIRE(run_hotline(run_args(out)).exit_code == 0);
  const std::string before = file_text(out);
  const std::string traced = "run " + kTutorial + " --days 2 --sample-every 1 -o " + out;
  const auto run = with_file_limit(traced + " --force", 64);
  CHECK(run.exit_code == 1);
  CHECK(hotline::test::line_count(run.err) == 1);
  CHECK(run.err.find(out + ".partial: ") != std::string::npos);
  CHECK(run.err.find("File too large") != std::string::npos);
  CHECK(file_text(out) == before);
  CHECK_FALSE(fs::exists(out + ".partial"));

  // A sweep whose journal is written but whose file cannot be: the journal
  // stays, and --resume finishes once there is room.
  const std::string sweep = dir + "/sweep.h5";
  // The journal of this sweep is about 68 kB, the file 105 kB.
  const std::string sweep_cmd =
      "sweep " + kTutorial + " --days 1 --replications 1 --quiet -o " + sweep;
  const auto failed = with_file_limit(sweep_cmd, 86);
  CHECK(failed.exit_code == 1);
  CHECK(failed.err.find(sweep + ".partial: cannot finish writing the file: File too large")
        != std::string::npos);
  CHECK(failed.err.find("--resume tries again") != std::string::npos);
  CHECK_FALSE(fs::exists(sweep));
  CHECK_FALSE(fs::exists(sweep + ".partial"));
  REQUIRE(fs::exists(sweep + ".journal"));
  const auto resumed = run_hotline(sweep_cmd + " --resume");
  CHECK(resumed.exit_code == 0);
  CHECK(fs::exists(sweep));
  CHECK_FALSE(fs::exists(sweep + ".journal"));
}

TEST_CASE("a full disk (a real 300 kB tmpfs, where this machine may mount one)", "[output][cli]") {
  const std::string dir = fresh_directory("output_tmpfs");
  if (run_command("mount -t tmpfs -o size=300k tmpfs " + dir + " 2>/dev/null").exit_code != 0) {
    WARN(
        "cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN); the file-size limit test "
        "covers the failure paths");
    return;
  }
  struct Unmount {
    std::string dir;
    ~Unmount() { (void)run_command("umount " + dir); }
  } unmount{dir};
  const std::string out = dir + "/out.h5";
  const auto run = run_hotline("run " + kTutorial + " --days 3 --sample-every 1 -o " + out);
  CHECK(run.exit_code == 1);
  CHECK(hotline::test::line_count(run.err) == 1);
  CHECK(run.err.find("No space left on device") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(out + ".partial"));
  CHECK_FALSE(fs::exists(out + ".lock"));
}

TEST_CASE("a journal record whose checksum holds but which does not decode is run again",
          "[output][cli][journal]") {
  const std::string dir = fresh_directory("output_undecodable_record");
  const std::string sweep = dir + "/sweep.h5";
  const std::string cmd = "sweep " + kTutorial + " --days 1 --replications 1 --quiet -o " + sweep;
  // A complete journal, and no file: the assembly hit the file-size limit.
  REQUIRE(with_file_limit(cmd, 86).exit_code == 1);
  REQUIRE(fs::exists(sweep + ".journal"));
  {
    // Rewrite it with record 3 replaced by bytes that pass the checksum
    // (the journal computes it) but are no run record.
    const std::string path = sweep + ".journal";
    const hotline::trace::RecordJournal old = hotline::trace::RecordJournal::open(path);
    std::vector<std::vector<std::byte>> records;
    for (std::size_t r = 0; r < old.size(); ++r)
      records.push_back(old.read(r));
    const std::vector<std::byte> identity = old.identity();
    REQUIRE(records.size() == 7);
    records[3].assign(40, std::byte{0x5a});
    hotline::trace::RecordJournal rewritten = hotline::trace::RecordJournal::create(path, identity);
    for (const auto& record : records)
      rewritten.append(record);
    rewritten.close();
  }
  const auto resumed = run_hotline(cmd + " --resume");
  CHECK(resumed.exit_code == 0);
  CHECK(resumed.err.find("cut 4 records that did not decode as runs of this sweep (damaged); "
                         "their runs run again")
        != std::string::npos);
  REQUIRE(run_hotline("sweep " + kTutorial + " --days 1 --replications 1 --quiet -o " + dir
                      + "/reference.h5")
              .exit_code
          == 0);
  hotline::test::check_same_content(sweep, dir + "/reference.h5");
}

TEST_CASE("a signal during a sweep's assembly leaves the file complete or absent",
          "[output][cli][signal]") {
  const std::string dir = fresh_directory("output_late_signal");
  const std::string sweep = dir + "/s.h5";
  const std::string cmd = std::string(HOTLINE_EXE) + " sweep " + kTutorial
                          + " --days 5 --replications 6 --events all --quiet -o " + sweep;
  // SIGTERM as soon as the assembly's partial file appears (or at the end,
  // if it came and went between two looks).
  const auto late = run_command(cmd + " 2>" + dir + "/err.txt & pid=$!; while [ ! -e " + sweep
                                + ".partial ] && kill -0 $pid 2>/dev/null; do sleep 0.005; done; "
                                  "kill -TERM $pid; wait $pid; echo $?");
  const std::string err = file_text(dir + "/err.txt");
  INFO(err);
  CHECK(late.out == "143\n");
  CHECK_FALSE(fs::exists(sweep + ".partial"));
  if (fs::exists(sweep)) {
    // Too late to stop: the file is whole and the message says so.
    CHECK(err.find("as the sweep ended; " + sweep + " is complete") != std::string::npos);
    CHECK_FALSE(fs::exists(sweep + ".journal"));
  } else {
    CHECK(err.find("while writing " + sweep + "; every run is in " + sweep + ".journal")
          != std::string::npos);
    REQUIRE(fs::exists(sweep + ".journal"));
    const auto resumed = run_command(cmd + " --resume");
    CHECK(resumed.exit_code == 0);
  }
  CHECK(run_hotline("report " + sweep).exit_code == 0);
}
