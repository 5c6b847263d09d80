#!/usr/bin/env bash
# The replay page's picture in docs/replay.md and the README: a 10-day run
# of the shipped default (east_china_sea_crisis, policy none, seed 1)
# sampled every 10 minutes, its page, and a screenshot of it in headless
# Chromium (Debian's, through tests/browser/replay_page.py screenshot) at
# the run's first incident, zoomed in, the incident's details open.
#
# Usage: scripts/replay-screenshot.sh BUILD_DIR [OUT_PNG]
#   (default OUT_PNG: docs/images/replay-east-china-sea-crisis.png)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: replay-screenshot.sh BUILD_DIR [OUT_PNG]}
out=${2:-docs/images/replay-east-china-sea-crisis.png}
hotline="$build/cli/hotline"
work=$(mktemp -d /tmp/hotline-screenshot-XXXXXX)
trap 'rm -rf "$work"' EXIT

"$hotline" run scenarios/east_china_sea_crisis.yaml --days 10 --policy none --seed 1 \
  --sample-every 10 -o "$work/run.h5" > /dev/null
"$hotline" replay "$work/run.h5" -o "$work/replay.html" --quiet
# The first incident's time, as a fraction of the run, ten minutes after it.
at=$(/usr/bin/python3 - "$work/run.h5" <<'PY'
import sys
import h5py
with h5py.File(sys.argv[1], "r") as f:
    names = [n.decode() if isinstance(n, bytes) else n for n in f["event_types"]["name"]]
    days = float(f.attrs["days"])
    times = [e["time_s"] for e in f["events"][:] if names[e["type"]] == "incident"]
    print((times[0] + 600) / (days * 86400) if times else 0.5)
PY
)
/usr/bin/python3 tests/browser/replay_page.py screenshot "$work/replay.html" "$out" \
  --at "$at" --zoom 1.8 --details
