#!/usr/bin/env bash
# Runs each libFuzzer target for a while (default 60 s each), needs the
# "fuzz" preset built (`make fuzz` does both):
#  - fuzz_scenario_loader (scenarios, and the same input as a land file),
#    from a seed corpus of every shipped scenario, the tutorial's land file,
#    every golden invalid file and every past regression;
#  - fuzz_trace_records (journal, run record, identity decoders), from seeds
#    the target writes itself, so they match this build's layouts;
#  - fuzz_trace_files (the report and merge readers on a small sweep file
#    with its datasets and attributes edited: types, shapes, sizes).
# Exits non-zero on a crash, leak, timeout or sanitizer report; the input
# that did it is left in build/fuzz/artifacts/ — add it to
# tests/data/fuzz_regressions/ (scenario loader) or fix and cover it in
# tests/test_trace_decoders.cpp (trace records).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
artifacts=build/fuzz/artifacts/
mkdir -p "$artifacts"

# The corpora grow in build/fuzz/ between runs on one machine; in CI they
# start from the seeds every time.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
common=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048
        -artifact_prefix="$artifacts" -print_final_stats=1)

corpus=build/fuzz/corpus
mkdir -p "$corpus"
cp scenarios/*.yaml tests/data/invalid/*.yaml "$corpus"/
# A small land file: the same target reads every input as one too.
cp scenarios/land/tutorial_islands.geojson "$corpus"/
find tests/data/fuzz_regressions -type f ! -name README.md -exec cp {} "$corpus"/ \;
echo "== fuzz_scenario_loader, ${seconds} s"
build/fuzz/tests/fuzz/fuzz_scenario_loader "$corpus" -dict=tests/fuzz/scenario.dict "${common[@]}"

corpus=build/fuzz/corpus_trace_records
mkdir -p "$corpus"
echo "== fuzz_trace_records, ${seconds} s"
HOTLINE_FUZZ_SEEDS="$corpus" build/fuzz/tests/fuzz/fuzz_trace_records "$corpus" \
  -dict=tests/fuzz/trace_records.dict "${common[@]}"

corpus=build/fuzz/corpus_trace_files
mkdir -p "$corpus"
# Seeds: one edit of each kind, so that every operation is reached at once.
for op in 0 1 2 3 4 5 6 7; do printf "\\x0$op\\x01\\x02\\x05" > "$corpus/seed_op$op"; done
echo "== fuzz_trace_files, ${seconds} s"
build/fuzz/tests/fuzz/fuzz_trace_files "$corpus" "${common[@]}"
