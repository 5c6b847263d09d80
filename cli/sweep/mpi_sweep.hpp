// `mpirun -n R hotline sweep ...`: one sweep spread over R MPI ranks (the
// MPI build, HOTLINE_MPI=ON), into the file a one-process sweep writes.
//
// Rank 0 does everything a one-process sweep does — reads the scenario,
// checks the output, opens or resumes the journal, and at the end assembles
// the file from the journal in canonical order — and also runs runs on its
// own threads. The other ranks only run runs: they rebuild the sweep from
// rank 0's identity (broadcast; its resolved scenario text, so no other
// node needs the scenario file), ask rank 0 for runs whenever a thread of
// theirs is free (dynamic balancing: runs stopped early by a clash are
// short) and send each finished run's record back. Only rank 0 touches the
// disk, so the file is the one-process file whatever R, and `--resume`
// after a job was killed works at any R (or with no MPI at all).
//
// Failures: an error or signal on any rank reaches rank 0, which stops every
// rank (completed runs keep arriving and are journaled), prints that rank's
// message and exits 1 (an error) or 128 + the signal; the other ranks exit
// 0 quietly, so mpirun reports rank 0's code. A rank that dies outright
// (kill -9, a node lost) is noticed by mpirun, which signals the others;
// rank 0 then keeps its journal, says how to resume, and aborts the job.
// Ranks other than 0 print nothing.
#pragma once

#include <iosfwd>

#include "sweep/sweep.hpp"

namespace hotline::cli {

// Runs the sweep on this rank of the MPI job it was launched into (MPI is
// initialized and finalized here). Returns this process's exit code.
int run_sweep_on_ranks(SweepOptions options, int& argc, char**& argv, std::ostream& out,
                       std::ostream& err);

}  // namespace hotline::cli
