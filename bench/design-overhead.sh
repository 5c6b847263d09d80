#!/usr/bin/env bash
# What an experiment's design costs outside its runs, and its memory
# (docs/experiments.md, "Costs"): sweeps of east_china_sea_2023 under
# policy `none` for DAYS-day runs, one replication per design point, over a
# full factorial of POINTS values of a factor that only the hotline policy
# reads, with --no-reuse (so every point's world is built and every run
# simulated, each the same work), for each POINTS given. For each: the wall time of the whole command, the
# sweep's own line (its run phase, the design-point worlds built and their
# thread time), and the peak resident memory (GNU time).
#
# Usage: bench/design-overhead.sh BUILD_DIR "10 100 1000"
#   DAYS from the environment (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: design-overhead.sh BUILD_DIR [POINTS...]}
counts=${2:-"10 100 1000"}
days=${DAYS:-1}
hotline="$build/cli/hotline"
work=$(mktemp -d /tmp/hotline-design-XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "east_china_sea_2023, policy none, 1 replication per point, $days-day runs; $(nproc) CPUs"
printf '%8s %9s %10s  %s\n' points "wall s" "max RSS MB" "the sweep's own line"
for n in $counts; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$hotline" sweep scenarios/east_china_sea_2023.yaml \
    --policies none --replications 1 --days "$days" --quiet --force --events none --no-reuse \
    --vary "policies.hotline.hotline.p_answer.l2=0.01..0.99:$n" -o "$work/design.h5" \
    > "$work/out"
  end=$(date +%s.%N)
  printf '%8d %9.1f %10.1f  %s\n' "$n" "$(echo "$end - $start" | bc)" \
    "$(echo "$(cat "$work/rss") / 1024" | bc -l)" "$(sed -n 2p "$work/out")"
done
