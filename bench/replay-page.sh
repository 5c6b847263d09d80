#!/usr/bin/env bash
# The replay page on the shipped default scenario (docs/replay.md, "Size
# and speed"): a 30-day run of east_china_sea_2023 sampled every 10 steps
# (10 minutes), its page, the page's size, and its load time and frame rate
# in headless Chromium (Debian's, through tests/browser/replay_page.py
# measure: REPEATS plays of SECONDS_EACH s each from day 0 at SPEED simulated
# seconds per second; 6 h/s is the page's default for a 30-day run).
#
# Usage: bench/replay-page.sh BUILD_DIR [OUT_FILE]
#   DAYS (30), SAMPLE_EVERY (10), SECONDS_EACH (5), SPEED (21600), REPEATS (3)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: replay-page.sh BUILD_DIR [OUT_FILE]}
out=${2:-/dev/stdout}
hotline="$build/cli/hotline"
work=$(mktemp -d /tmp/hotline-replay-XXXXXX)
trap 'rm -rf "$work"' EXIT

{
  echo "# bench/replay-page.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; $(chromium --version 2>/dev/null | head -1)"
  start=$(date +%s.%N)
  "$hotline" run scenarios/east_china_sea_2023.yaml --days "${DAYS:-30}" \
    --sample-every "${SAMPLE_EVERY:-10}" -o "$work/run.h5" > /dev/null
  echo "run: $(echo "$(date +%s.%N) - $start" | bc) s; trace $(stat -c %s "$work/run.h5") bytes"
  start=$(date +%s.%N)
  "$hotline" replay "$work/run.h5" -o "$work/replay.html"
  echo "replay: $(echo "$(date +%s.%N) - $start" | bc) s; page $(stat -c %s "$work/replay.html") bytes"
  /usr/bin/python3 tests/browser/replay_page.py measure "$work/replay.html" \
    --seconds "${SECONDS_EACH:-5}" --speed "${SPEED:-21600}" --repeats "${REPEATS:-3}" \
    --record "$work/fps.json" > /dev/null
  /usr/bin/python3 - "$work/fps.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"browser: loaded in {s['load_s']:.2f} s; {s['speed_sim_s_per_s']:.0f} simulated s per s")
for k, r in enumerate(s["runs"]):
    print(f"  play {k + 1}: {r['frames']} frames in {r['seconds']:.2f} s = {r['fps']:.1f} fps; "
          f"script per frame median {r['draw_ms_median']:.1f} ms, p95 {r['draw_ms_p95']:.1f} ms")
fps = sorted(r["fps"] for r in s["runs"])
print(f"frame rate: median {s['fps_median']:.1f} fps (min {fps[0]:.1f}, max {fps[-1]:.1f})")
PY
} > "$out"
