// Whether this process is one of several started by an MPI launcher
// (mpirun/mpiexec, or srun with PMI or PMIx), read from the variables the
// launchers set, before and without MPI itself.
//
// Both builds need to know: the MPI build (HOTLINE_MPI=ON) starts MPI only
// for a sweep under a launcher, so every other command and a plain `hotline
// sweep` pay nothing for it; the serial build refuses to run as R copies,
// which would be R identical sweeps racing for one output file.
#pragma once

#include <optional>
#include <string>

namespace hotline::cli {

struct MpiLaunch {
  int rank = 0;
  int size = 1;
  std::string variable;  // where the size was read, e.g. OMPI_COMM_WORLD_SIZE
};

// The launch this process is part of, or nullopt when no launcher started
// it. Reads OMPI_COMM_WORLD_RANK/SIZE (Open MPI), PMI_RANK/PMI_SIZE (MPICH
// Hydra, srun --mpi=pmi2), PMIX_RANK with SLURM_STEP_NUM_TASKS (srun
// --mpi=pmix).
[[nodiscard]] std::optional<MpiLaunch> mpi_launch_from_environment();

}  // namespace hotline::cli
