#!/usr/bin/env bash
# Sweep throughput across MPI ranks × threads (docs/hpc.md, "How it
# scales"): the same sweep — east_china_sea_2023, every policy, REPLICATIONS
# replications of DAYS days — as one plain process and under
# `mpirun -n R` with T threads per rank, REPEAT times each; prints the
# median wall time (the whole command: MPI start, runs, the file written)
# and runs and replications (every policy of one replication) per second,
# with that repetition's own line (its run phase, and the time to write the
# file),
# and checks each file equals the one-process file.
#
# Usage: bench/sweep-scaling.sh BUILD_DIR "R×T R×T ..."
#   BUILD_DIR: a Release build with HOTLINE_MPI=ON; the configurations
#   default to 1×1 1×2 2×1 2×2. REPLICATIONS, DAYS, REPEAT from the
#   environment (defaults 4, 30, 3); TRACE_COMPARE: the trace_compare tool
#   (default BUILD_DIR/tests/trace_compare).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: sweep-scaling.sh BUILD_DIR [CONFIGURATIONS]}
configurations=${2:-"1x1 1x2 2x1 2x2"}
replications=${REPLICATIONS:-4}
days=${DAYS:-30}
repeat=${REPEAT:-3}
hotline="$build/cli/hotline"
compare=${TRACE_COMPARE:-$build/tests/trace_compare}
scenario=scenarios/east_china_sea_2023.yaml
work=$(mktemp -d /tmp/hotline-scaling-XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ "$(id -u)" -eq 0 ]; then export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1; fi
policies=$("$hotline" validate "$scenario" | grep -o '[0-9]* policies' | grep -o '[0-9]*')

sweep=(sweep "$scenario" --replications "$replications" --days "$days" --quiet --force)
echo "sweep: $scenario, $policies policies × $replications replications × $days days" \
  "($((policies * replications)) runs), median of $repeat; $(nproc) CPUs"
printf '%-22s %9s %9s %12s %16s  %s\n' configuration "wall s" "runs s" "runs/s" "replications/s" \
  "the sweep's own line"
# The repetition of median wall time: "wall|the sweep's timing line".
measure() {
  local results=() line start end
  for ((i = 0; i < repeat; ++i)); do
    start=$(date +%s.%N)
    line=$("$@" | grep ' runs in ')
    end=$(date +%s.%N)
    results+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')|$line")
  done
  printf '%s\n' "${results[@]}" | sort -g -t '|' -k 1 | sed -n "$(((repeat + 1) / 2))p"
}
report() {
  local name=$1 result=$2 runs=$((policies * replications))
  local wall=${result%%|*} line=${result#*|}
  local run_seconds
  run_seconds=$(echo "$line" | sed -E 's/.* runs in ([0-9.]+) s.*/\1/')
  printf '%-22s %9.2f %9.2f %12.3f %16.3f  %s\n' "$name" "$wall" "$run_seconds" \
    "$(awk -v n="$runs" -v t="$wall" 'BEGIN { print n / t }')" \
    "$(awk -v n="$replications" -v t="$wall" 'BEGIN { print n / t }')" \
    "$(echo "$line" | sed -E 's/;.*(written in [0-9.]+ s).*/; \1/')"
}

for threads in 1 2; do
  report "1 process × $threads thr" \
    "$(measure "$hotline" "${sweep[@]}" --threads "$threads" -o "$work/plain-$threads.h5")"
done
for configuration in $configurations; do
  ranks=${configuration%x*}
  threads=${configuration#*x}
  report "mpirun -n $ranks × $threads thr" \
    "$(measure mpirun --oversubscribe --bind-to none -n "$ranks" "$hotline" "${sweep[@]}" \
      --threads "$threads" -o "$work/mpi-$configuration.h5")"
  if [ -x "$compare" ]; then
    "$compare" "$work/plain-1.h5" "$work/mpi-$configuration.h5" > /dev/null
  fi
done
echo "every file identical in content to the one-process file: $([ -x "$compare" ] && echo yes || echo "not checked ($compare missing)")"
