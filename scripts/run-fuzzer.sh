#!/usr/bin/env bash
# Runs the scenario-loader fuzzer for a while (default 60 s) from a seed
# corpus of every shipped scenario, every golden invalid file and every past
# regression. Needs the "fuzz" preset built (`make fuzz` does both). Exits
# non-zero on a crash, leak, timeout or sanitizer report; the input that did
# it is left in build/fuzz/artifacts/ — add it to tests/data/fuzz_regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
fuzzer=build/fuzz/tests/fuzz/fuzz_scenario_loader
corpus=build/fuzz/corpus
artifacts=build/fuzz/artifacts/

mkdir -p "$corpus" "$artifacts"
cp scenarios/*.yaml tests/data/invalid/*.yaml "$corpus"/
find tests/data/fuzz_regressions -type f ! -name README.md -exec cp {} "$corpus"/ \;

# The corpus grows in build/fuzz/corpus between runs on one machine; in CI
# it starts from the seeds every time.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
"$fuzzer" "$corpus" \
  -dict=tests/fuzz/scenario.dict \
  -max_total_time="$seconds" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts" \
  -print_final_stats=1
