// What either build does when an MPI launcher starts it as several ranks,
// tested by setting the launcher's variables by hand (no mpirun needed):
// only a sweep runs across ranks, the serial build refuses to run a sweep R
// times over, and ranks other than 0 print nothing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "cli_runner.hpp"

using hotline::test::CliResult;
using hotline::test::fresh_directory;
using hotline::test::run_command;

namespace {

const std::string kTutorial = std::string(HOTLINE_SOURCE_DIR) + "/scenarios/tutorial.yaml";

// `hotline <arguments>` as rank `rank` of `size` of an Open MPI launch.
CliResult as_rank(int rank, int size, const std::string& arguments) {
  return run_command("env OMPI_COMM_WORLD_RANK=" + std::to_string(rank) + " OMPI_COMM_WORLD_SIZE="
                     + std::to_string(size) + " " + HOTLINE_EXE + " " + arguments);
}

}  // namespace

TEST_CASE("started as several MPI ranks, commands other than sweep are refused by rank 0 alone",
          "[cli][mpi-launch]") {
  const CliResult rank0 = as_rank(0, 3, "run " + kTutorial + " --days 1");
  CHECK(rank0.exit_code == 2);
  CHECK(rank0.out.empty());
  CHECK(rank0.err
        == "hotline: error: started as 3 MPI ranks (OMPI_COMM_WORLD_SIZE); only `hotline sweep` "
           "runs across ranks: start this command without mpirun\n");
  const CliResult rank1 = as_rank(1, 3, "validate " + kTutorial);
  CHECK(rank1.exit_code == 2);
  CHECK(rank1.both().empty());
  // One rank is no spread at all: the command runs as usual.
  CHECK(as_rank(0, 1, "validate " + kTutorial).exit_code == 0);
}

#if !HOTLINE_WITH_MPI
TEST_CASE("the build without MPI refuses a sweep started as several ranks, writing nothing",
          "[cli][mpi-launch]") {
  const std::string dir = fresh_directory("mpi_launch_serial");
  const CliResult r = as_rank(0, 4, "sweep " + kTutorial + " --days 1 -o " + dir + "/s.h5");
  CHECK(r.exit_code == 2);
  CHECK(r.err
        == "hotline: error: started as 4 MPI ranks (OMPI_COMM_WORLD_SIZE), but this hotline was "
           "built without MPI: build it with -DHOTLINE_MPI=ON (cmake --preset mpi, "
           "docs/hpc.md), or split the sweep with --shard i/n\n");
  CHECK_FALSE(std::filesystem::exists(dir + "/s.h5"));
  CHECK_FALSE(std::filesystem::exists(dir + "/s.h5.journal"));
}
#endif
