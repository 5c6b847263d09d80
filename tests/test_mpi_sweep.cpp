// `mpirun -n R hotline sweep` end to end (the MPI build): the file is the
// one-process sweep's at R = 2 and 3, with runs on every rank; a rank
// killed with kill -9 or sent SIGTERM fails the job with a message that
// says what happened and how to resume, and --resume (at another R, or
// without MPI) finishes it into the identical file; bad input is reported
// once. Ranks are oversubscribed (this runs on 2 cores) and, where the tests
// run as root (CI), allowed to run as root.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.hpp"
#include "same_content_check.hpp"

using hotline::test::check_same_content;
using hotline::test::CliResult;
using hotline::test::fresh_directory;
using hotline::test::run_command;
using hotline::test::run_hotline;

namespace {

const std::string kSource = HOTLINE_SOURCE_DIR;
const std::string kTutorial = kSource + "/scenarios/tutorial.yaml";

// mpirun with R ranks on however many cores there are.
std::string mpirun(int ranks) {
  if (geteuid() == 0) {
    // Open MPI refuses root unless told twice; CI's machine runs as root.
    setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1);
    setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1);
  }
  return std::string(HOTLINE_MPIEXEC) + " --oversubscribe -n " + std::to_string(ranks) + " "
         + HOTLINE_EXE + " ";
}

// The runs per rank from the sweep's line "... on R MPI ranks (a, b, c runs)".
std::vector<int> runs_by_rank(const std::string& out) {
  static const std::regex pattern(R"( on (\d+) MPI ranks \(([0-9, ]+) runs\))");
  std::smatch match;
  if (!std::regex_search(out, match, pattern)) return {};
  std::vector<int> runs;
  std::istringstream list(match[2].str());
  std::string item;
  while (std::getline(list, item, ','))
    runs.push_back(std::stoi(item));
  return runs;
}

// An MPI job started in the background, its output in files.
struct Job {
  pid_t pid = -1;
  std::string out_path;
  std::string err_path;

  // Waits for the job; its exit code (-1 if it was killed).
  int wait() {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  [[nodiscard]] std::string err() const {
    std::ifstream in(err_path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
};

// Starts `command_line` through the shell with HOTLINE_TEST_JOB=`tag` in
// its environment, which mpirun hands to every rank.
Job start_job(const std::string& command_line, const std::string& dir, const std::string& tag) {
  Job job{-1, dir + "/job.out", dir + "/job.err"};
  const std::string line = "exec " + command_line + " >" + job.out_path + " 2>" + job.err_path;
  job.pid = fork();
  if (job.pid == 0) {
    setenv("HOTLINE_TEST_JOB", tag.c_str(), 1);
    execl("/bin/sh", "sh", "-c", line.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return job;
}

// The pid of rank `rank` of the job tagged `tag`: the process whose
// environment holds both HOTLINE_TEST_JOB=tag and OMPI_COMM_WORLD_RANK=rank.
pid_t rank_pid(const std::string& tag, int rank) {
  const std::string want_tag = "HOTLINE_TEST_JOB=" + tag;
  const std::string want_rank = "OMPI_COMM_WORLD_RANK=" + std::to_string(rank);
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "environ", std::ios::binary);
    std::string variable;
    bool tagged = false;
    bool ranked = false;
    while (std::getline(in, variable, '\0')) {
      tagged = tagged || variable == want_tag;
      ranked = ranked || variable == want_rank;
    }
    if (tagged && ranked) return static_cast<pid_t>(std::stol(name));
  }
  return -1;
}

// Waits until the journal holds a run and rank `rank` is up; its pid, or
// -1 after a minute.
pid_t rank_once_a_run_is_saved(const std::string& journal, const std::string& tag, int rank) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (std::chrono::steady_clock::now() < deadline) {
    if (hotline::test::journal_holds_a_run(journal)) return rank_pid(tag, rank);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return -1;
}

// The 42-run sweep of the failure tests, started on 3 ranks; once a run is
// saved, rank `rank` gets `signal`. The job's exit code and stderr.
struct Stopped {
  int code = -1;
  std::string err;
};
Stopped signal_a_rank_mid_sweep(const std::string& dir, const std::string& sweep,
                                const std::string& file, int rank, int signal) {
  const std::string tag = std::to_string(signal) + "-" + std::to_string(getpid());
  Job job = start_job(mpirun(3) + sweep + "--threads 1 -o " + file, dir, tag);
  const pid_t victim = rank_once_a_run_is_saved(file + ".journal", tag, rank);
  if (victim > 0) kill(victim, signal);
  Stopped stopped;
  stopped.code = job.wait();
  stopped.err = job.err();
  if (victim <= 0) stopped.err = "no rank " + std::to_string(rank) + " to signal\n" + stopped.err;
  return stopped;
}

// Rank 0's closing line after `rank` got SIGTERM, as a pattern.
std::regex interrupted_line(int rank, const std::string& file) {
  return std::regex("hotline: interrupted \\(rank " + std::to_string(rank)
                    + R"( on \S+ got SIGTERM\): \d+ of 42 runs are saved in )" + file
                    + R"(\.journal; the same command with --resume finishes the sweep)");
}

}  // namespace

TEST_CASE("mpirun -n 2 and -n 3 write the one-process sweep's file, with runs on every rank",
          "[mpi]") {
  const std::string dir = fresh_directory("mpi_identical");
  const std::string sweep =
      "sweep " + kTutorial + " --days 12 --replications 4 --events all --quiet ";
  REQUIRE(run_hotline(sweep + "-o " + dir + "/one.h5").exit_code == 0);
  struct Case {
    int ranks;
    int threads;
  };
  for (const Case c : {Case{2, 1}, Case{3, 1}, Case{2, 2}}) {
    INFO(c.ranks << " ranks × " << c.threads << " threads");
    const std::string file =
        dir + "/r" + std::to_string(c.ranks) + "t" + std::to_string(c.threads) + ".h5";
    const CliResult r = run_command(mpirun(c.ranks) + sweep + "--threads "
                                    + std::to_string(c.threads) + " -o " + file);
    INFO(r.both());
    REQUIRE(r.exit_code == 0);
    const std::vector<int> runs = runs_by_rank(r.out);
    REQUIRE(runs.size() == static_cast<std::size_t>(c.ranks));
    int total = 0;
    int ranks_used = 0;
    for (int n : runs) {
      total += n;
      ranks_used += n > 0 ? 1 : 0;
    }
    CHECK(total == 28);
    CHECK(ranks_used >= 2);  // the workers took runs, not rank 0 alone
    CHECK_FALSE(std::filesystem::exists(file + ".journal"));
    check_same_content(dir + "/one.h5", file);
  }
}

TEST_CASE("mpirun -n 3 writes an experiment's one-process file, every rank rebuilding its points",
          "[mpi][experiment]") {
  const std::string dir = fresh_directory("mpi_experiment");
  const std::string sweep = "sweep " + kTutorial
                            + " --days 4 --replications 3 --policies none,hotline --events all "
                              "--quiet --vary forces.red_cutters.count=2..6:3 "
                              "--vary policies.hotline.hotline.p_answer.l2=0.1,0.9 ";
  REQUIRE(run_hotline(sweep + "-o " + dir + "/one.h5").exit_code == 0);
  const CliResult r = run_command(mpirun(3) + sweep + "--threads 1 -o " + dir + "/three.h5");
  INFO(r.both());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("6 design points × 2 policies × 3 replications") != std::string::npos);
  const std::vector<int> runs = runs_by_rank(r.out);
  REQUIRE(runs.size() == 3);
  // 36 runs: `none` is the same at both answer probabilities, so 9 are
  // copies made on rank 0 and 27 simulated on the ranks.
  CHECK(runs[0] + runs[1] + runs[2] == 27);
  CHECK(r.out.find("9 more the same as another design point's") != std::string::npos);
  check_same_content(dir + "/one.h5", dir + "/three.h5");
}

TEST_CASE("mpirun -n 3 writes the one-process risk file", "[mpi][risk]") {
  const std::string dir = fresh_directory("mpi_risk");
  const std::string risk = "risk " + kSource
                           + "/scenarios/tutorial_tense.yaml --days 3 --effort 5 --repetitions 3 "
                             "--policies none,hotline --levels L1,L1:0.3,clash --quiet ";
  REQUIRE(run_hotline(risk + "-o " + dir + "/one.h5").exit_code == 0);
  const CliResult r = run_command(mpirun(3) + risk + "--threads 1 -o " + dir + "/three.h5");
  INFO(r.both());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("on 3 MPI ranks (") != std::string::npos);
  check_same_content(dir + "/one.h5", dir + "/three.h5");
}

TEST_CASE("kill -9 on one rank fails the MPI job, and --resume on 2 ranks finishes it identically",
          "[mpi][resume]") {
  const std::string dir = fresh_directory("mpi_kill");
  const std::string sweep = "sweep " + kTutorial + " --days 40 --replications 6 --quiet ";
  REQUIRE(run_hotline(sweep + "-o " + dir + "/reference.h5").exit_code == 0);
  const std::string file = dir + "/killed.h5";
  const Stopped stopped = signal_a_rank_mid_sweep(dir, sweep, file, 1, SIGKILL);
  INFO(stopped.err);
  CHECK(stopped.code != 0);
  // mpirun names the rank that died and signals the others; rank 0 says
  // what it kept.
  CHECK(stopped.err.find("rank 1") != std::string::npos);
  CHECK(stopped.err.find("signal 9") != std::string::npos);
  CHECK(std::regex_search(stopped.err, interrupted_line(0, file)));
  CHECK_FALSE(std::filesystem::exists(file));
  REQUIRE(std::filesystem::exists(file + ".journal"));

  const CliResult resumed = run_command(mpirun(2) + sweep + "--threads 1 --resume -o " + file);
  INFO(resumed.both());
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.out.find("more from the journal") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(file + ".journal"));
  check_same_content(dir + "/reference.h5", file);
}

TEST_CASE(
    "SIGTERM on one rank stops the MPI job naming that rank, and --resume without MPI finishes it",
    "[mpi][resume]") {
  const std::string dir = fresh_directory("mpi_sigterm");
  const std::string sweep = "sweep " + kTutorial + " --days 40 --replications 6 --quiet ";
  REQUIRE(run_hotline(sweep + "-o " + dir + "/reference.h5").exit_code == 0);
  const std::string file = dir + "/stopped.h5";
  const Stopped stopped = signal_a_rank_mid_sweep(dir, sweep, file, 2, SIGTERM);
  INFO(stopped.err);
  CHECK(stopped.code == 143);
  CHECK(std::regex_search(stopped.err, interrupted_line(2, file)));
  CHECK_FALSE(std::filesystem::exists(file));

  const CliResult resumed = run_hotline(sweep + "--resume -o " + file);
  INFO(resumed.both());
  REQUIRE(resumed.exit_code == 0);
  check_same_content(dir + "/reference.h5", file);
}

TEST_CASE("under mpirun, bad input is reported once by rank 0 and the job exits 2", "[mpi]") {
  const std::string dir = fresh_directory("mpi_bad_input");
  const CliResult missing =
      run_command(mpirun(3) + "sweep " + dir + "/nowhere.yaml -o " + dir + "/x.h5");
  CHECK(missing.exit_code == 2);
  const std::string message = dir + "/nowhere.yaml:1:1: cannot read the file";
  CHECK(missing.err.find(message) != std::string::npos);
  CHECK(missing.err.find(message) == missing.err.rfind(message));
  CHECK(missing.out.empty());

  std::ofstream(dir + "/taken.h5") << "not a sweep";
  const CliResult taken =
      run_command(mpirun(2) + "sweep " + kTutorial + " --days 1 -o " + dir + "/taken.h5");
  CHECK(taken.exit_code == 2);
  const std::string exists = "hotline: error: " + dir + "/taken.h5: exists; --force replaces it\n";
  CHECK(taken.err.find(exists) != std::string::npos);
  CHECK(taken.err.find(exists) == taken.err.rfind(exists));

  const CliResult run = run_command(mpirun(2) + "run " + kTutorial + " --days 1");
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("hotline: error: started as 2 MPI ranks (OMPI_COMM_WORLD_SIZE); only "
                     "`hotline sweep` runs across ranks: start this command without mpirun\n")
        != std::string::npos);
}
