#!/usr/bin/env bash
# Runs the Google Benchmark suite, `hotline bench platforms` and `hotline bench swarm` at the docs/benchmarks.md
# sizes (median of 5 runs, 1 thread and all hardware threads), and writes
# them with a description of the machine to bench/results/<date>-<host>/.
# Usage: [HOTLINE_BENCH_LABEL=name] bench/run-benchmarks.sh [BUILD_DIR]
# (default build/release; the label names the machine in the folder name)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
out="bench/results/$(date -u +%Y-%m-%d)-${HOTLINE_BENCH_LABEL:-$(hostname -s)}"
mkdir -p "$out"

{
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (modified)')"
  echo "build: $build ($(grep -m1 CMAKE_BUILD_TYPE "$build/CMakeCache.txt" | cut -d= -f2))"
  echo "compiler: $(c++ --version | head -1)"
  echo "kernel: $(uname -sr)"
  echo "cpus: $(nproc)"
  lscpu | grep -E '^(Model name|Thread|Core|Socket|L1d|L2|L3|CPU max MHz)' | sed 's/^/lscpu: /'
  grep MemTotal /proc/meminfo | sed 's/^/meminfo: /'
  # Whether every vCPU streams its cache at full speed (shared hosts
  # sometimes slow one down: docs/benchmarks.md); again at the end.
  echo "before: $("$build/bench/cpu_balance")"
} > "$out/machine.txt"

"$build/bench/hotline_benchmarks" --benchmark_repetitions=3 --benchmark_min_time=2 \
  --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/google-benchmark.json" --benchmark_out_format=json \
  | tee "$out/google-benchmark.txt"

hw=$(nproc)
{
  for threads in 1 "$hw"; do
    for n in 1e3 1e4 1e5 1e6; do
      "$build/cli/hotline" bench swarm --agents "$n" --threads "$threads" --repeat 5
    done
  done
  # The full counting sort every step instead of the incremental re-sort.
  for n in 1e4 1e5 1e6; do
    "$build/cli/hotline" bench swarm --agents "$n" --threads 1 --repeat 5 --resort full
  done
} | tee "$out/hotline-bench-swarm.txt"

# The platform model at its benchmark size: east_china_sea_2023 with tenfold
# fishing and militia fleets, 30 days, 1 and all hardware threads.
{
  "$build/bench/cpu_balance"
  "$build/cli/hotline" bench platforms --days 30 --threads "1,$hw" --repeat 3
  "$build/bench/cpu_balance"
} | tee "$out/hotline-bench-platforms.txt"
echo "after: $("$build/bench/cpu_balance")" >> "$out/machine.txt"
echo "results in $out"
