#!/bin/bash
# A real Slurm on this machine, and Hotline's batch scripts under it
# (`make test-slurm`; docs/hpc.md). Needs root and Debian's slurm-wlm and
# munge (scripts/install-deps.sh --slurm). It
#   1. starts munged (unless one answers), slurmctld and slurmd for this
#      host alone, from a configuration in a temporary folder, on ports of
#      its own;
#   2. runs the reference: the same sweep as one plain process;
#   3. submits the array job and the dependent merge job
#      (scripts/slurm/submit-sweep.sh) and checks the merged file equals
#      the reference (build/.../tests/trace_compare);
#   4. submits the MPI batch job (scripts/slurm/sweep-mpi.sbatch, 2 ranks)
#      and checks its file equals the reference;
#   5. cancels one array task in the middle of its shard: the merge job
#      must be cancelled with it (its dependency can no longer be met); the
#      task submitted again resumes from its journal, a new merge succeeds,
#      and the file equals the reference;
# then stops the daemons it started. Prints how long each part took.
#
#   tests/slurm/run-slurm-test.sh BUILD_DIR     (a build with HOTLINE_MPI=ON)
set -euo pipefail

build=$(cd "${1:?usage: run-slurm-test.sh BUILD_DIR}" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
hotline="$build/cli/hotline"
compare="$build/tests/trace_compare"
for tool in "$hotline" "$compare"; do
  [ -x "$tool" ] || { echo "run-slurm-test: $tool is missing: build the mpi preset" >&2; exit 2; }
done
for tool in slurmctld slurmd sbatch munged mpirun; do
  command -v "$tool" > /dev/null || {
    echo "run-slurm-test: $tool is missing: scripts/install-deps.sh --mpi --slurm" >&2
    exit 2
  }
done
if [ "$(id -u)" -ne 0 ]; then
  echo "run-slurm-test: needs root (slurmd starts jobs as their users)" >&2
  exit 2
fi

work=$(mktemp -d /tmp/hotline-slurm-XXXXXX)
host=$(hostname -s)
cpus=$(nproc)
memory_mb=$(awk '/MemTotal/ { print int($2 / 1024 * 0.8) }' /proc/meminfo)
started=()
log() { echo "run-slurm-test: $*"; }
seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f s", b - a }'; }

cleanup() {
  local code=$?
  set +e
  for pid in "${started[@]}"; do kill "$pid" 2> /dev/null; done
  # slurmctld saves its state as it stops: let the daemons finish before
  # their folder goes.
  for pid in "${started[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
  done
  if [ "$code" -ne 0 ]; then
    echo "run-slurm-test: FAILED; the logs:" >&2
    for f in "$work"/*.log "$work"/logs/*; do
      [ -f "$f" ] && { echo "--- $f" >&2; tail -n 40 "$f" >&2; }
    done
  fi
  rm -rf "$work" || echo "run-slurm-test: could not remove $work" >&2
  exit "$code"
}
trap cleanup EXIT

# --- 1. the cluster -----------------------------------------------------
mkdir -p "$work/state" "$work/spool" "$work/logs" "$work/sweep"
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" << CONF
ClusterName=hotline-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MinJobAge=600
KillWait=10
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

t0=$(seconds)
if ! munge -n 2> /dev/null | unmunge > /dev/null 2>&1; then
  if [ ! -s /etc/munge/munge.key ]; then
    mungekey --create --keyfile=/etc/munge/munge.key
    chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
  fi
  mkdir -p /run/munge && chown munge:munge /run/munge
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do munge -n 2> /dev/null | unmunge > /dev/null 2>&1 && break; sleep 0.1; done
  started+=("$(cat /run/munge/munged.pid)")
fi
slurmctld -c -f "$SLURM_CONF"
for _ in $(seq 100); do [ -s "$work/slurmctld.pid" ] && break; sleep 0.1; done
started+=("$(cat "$work/slurmctld.pid")")
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do [ -s "$work/slurmd.pid" ] && break; sleep 0.1; done
started+=("$(cat "$work/slurmd.pid")")
for _ in $(seq 300); do
  state=$(sinfo -h -N -o '%T' 2> /dev/null | head -n 1 || true)
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || { log "the node did not come up (state '$state')"; exit 1; }
log "Slurm $(sinfo -V | awk '{ print $2 }') up on $host ($cpus CPUs) in $(elapsed "$t0")"

# Waits for job $1 (every task of an array) to leave the queue; prints the
# states of its tasks, sorted and unique.
wait_for_job() {
  local id=$1
  while squeue -h -j "$id" 2> /dev/null | grep -q .; do sleep 0.5; done
  scontrol -o show job "$id" | grep -o 'JobState=[A-Z_]*' | sort -u | tr '\n' ' '
}

# --- 2. the reference ------------------------------------------------------
export HOTLINE="$hotline"
export SCENARIO="$source_dir/scenarios/tutorial.yaml"
export REPLICATIONS=2 DAYS=30 EVENTS=incidents
t0=$(seconds)
"$hotline" sweep "$SCENARIO" --replications $REPLICATIONS --days $DAYS --events $EVENTS \
  --quiet -o "$work/reference.h5" > /dev/null
log "reference: one process, 7 policies × $REPLICATIONS replications × $DAYS days, $(elapsed "$t0")"

# --- 3. the array job and the merge job --------------------------------------
# Submitted from the logs folder: the scripts' own --output patterns put
# every job's output there.
cd "$work/logs"
sbatch_resources=(--cpus-per-task=1 --time=10)
t0=$(seconds)
export SWEEP_DIR="$work/sweep" SHARDS=3
submitted=$("$source_dir/scripts/slurm/submit-sweep.sh" "${sbatch_resources[@]}")
log "$submitted"
array_job=$(echo "$submitted" | awk '{ print $3 }')
merge_job=$(echo "$submitted" | awk '{ print $NF }')
states=$(wait_for_job "$array_job")
[ "$states" = "JobState=COMPLETED " ] || { log "array job: $states"; exit 1; }
states=$(wait_for_job "$merge_job")
[ "$states" = "JobState=COMPLETED " ] || { log "merge job: $states"; exit 1; }
"$compare" "$work/reference.h5" "$SWEEP_DIR/sweep.h5"
log "array job of $SHARDS shards + dependent merge: identical to the reference, $(elapsed "$t0")"

# --- 4. the MPI job ----------------------------------------------------------
t0=$(seconds)
export OUTPUT="$work/mpi.h5" OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
mpi_job=$(sbatch --parsable --export=ALL --nodes=1 --ntasks=2 --ntasks-per-node=2 \
  --cpus-per-task=1 --mem=1G --time=10 \
  "$source_dir/scripts/slurm/sweep-mpi.sbatch")
states=$(wait_for_job "$mpi_job")
[ "$states" = "JobState=COMPLETED " ] || { log "MPI job: $states"; exit 1; }
"$compare" "$work/reference.h5" "$OUTPUT"
grep -h "on 2 MPI ranks" "$work"/logs/hotline-mpi-*.out | sed 's/^/run-slurm-test:   /'
log "MPI job, 2 ranks: identical to the reference, $(elapsed "$t0")"
unset OUTPUT  # the merge job's default again: $SWEEP_DIR/sweep.h5

# --- 5. a task cancelled in the middle, submitted again -----------------------
t0=$(seconds)
export SWEEP_DIR="$work/sweep-cancelled"
submitted=$("$source_dir/scripts/slurm/submit-sweep.sh" "${sbatch_resources[@]}")
array_job=$(echo "$submitted" | awk '{ print $3 }')
merge_job=$(echo "$submitted" | awk '{ print $NF }')
journal="$SWEEP_DIR/shard-2-of-3.h5.journal"
for _ in $(seq 600); do
  # The journal holds a run once it is past its header (28 bytes and the
  # identity, whose length is the u32 at byte 20).
  if [ -f "$journal" ]; then
    header=$(od -An -t u4 -j 20 -N 4 "$journal" 2> /dev/null | tr -d ' ')
    [ -n "$header" ] && [ "$(stat -c %s "$journal")" -gt $((28 + header)) ] && break
  fi
  sleep 0.1
done
scancel "${array_job}_2"
states=$(wait_for_job "$array_job")
log "task 2 cancelled mid-shard: the array's tasks ended $states"
states=$(wait_for_job "$merge_job")
[ "$states" = "JobState=CANCELLED " ] || { log "merge job after the cancel: $states"; exit 1; }
[ -f "$journal" ] || { log "task 2 left no journal"; exit 1; }
[ ! -f "$SWEEP_DIR/shard-2-of-3.h5" ] || { log "task 2 left a shard file"; exit 1; }
saved=$(grep -ho "interrupted: [0-9]* of [0-9]* runs" "$work"/logs/hotline-shard-"${array_job}"_2.out || true)
log "  its merge job was cancelled with it; task 2 said: ${saved:-nothing (killed before it could)}"
again=$(sbatch --parsable --array=2 --export=ALL "${sbatch_resources[@]}" \
  "$source_dir/scripts/slurm/sweep-array.sbatch")
merge_again=$(sbatch --parsable --dependency="afterok:$again" --kill-on-invalid-dep=yes \
  --export=ALL "${sbatch_resources[@]}" "$source_dir/scripts/slurm/merge.sbatch")
states=$(wait_for_job "$again")
[ "$states" = "JobState=COMPLETED " ] || { log "task 2 again: $states"; exit 1; }
states=$(wait_for_job "$merge_again")
[ "$states" = "JobState=COMPLETED " ] || { log "the second merge: $states"; exit 1; }
grep -h "more from the journal" "$work"/logs/hotline-shard-"${again}"_2.out > /dev/null || {
  log "task 2 did not resume from its journal"
  exit 1
}
"$compare" "$work/reference.h5" "$SWEEP_DIR/sweep.h5"
log "task 2 submitted again resumed from its journal; merged: identical, $(elapsed "$t0")"
log "passed"
