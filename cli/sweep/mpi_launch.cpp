#include "sweep/mpi_launch.hpp"

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace hotline::cli {

namespace {

std::optional<int> integer_variable(const char* name) {
  const char* text = std::getenv(name);
  if (text == nullptr) return std::nullopt;
  int value = 0;
  const char* end = text + std::strlen(text);
  const auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end || value < 0) return std::nullopt;
  return value;
}

}  // namespace

std::optional<MpiLaunch> mpi_launch_from_environment() {
  struct Pair {
    const char* rank;
    const char* size;
  };
  for (const Pair pair :
       {Pair{"OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE"}, Pair{"PMI_RANK", "PMI_SIZE"},
        Pair{"PMIX_RANK", "SLURM_STEP_NUM_TASKS"}}) {
    const auto rank = integer_variable(pair.rank);
    const auto size = integer_variable(pair.size);
    if (rank && size && *size >= 1 && *rank < *size) return MpiLaunch{*rank, *size, pair.size};
  }
  return std::nullopt;
}

}  // namespace hotline::cli
