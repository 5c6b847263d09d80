#!/usr/bin/env bash
# `cmake --install` gives a prefix from which every command works, away
# from the source and build trees: the installed hotline validates, runs,
# sweeps in shards, merges, reports with plots (finding plots.py beside
# itself), writes a replay page (its script built in) and benchmarks, and
# Debian's python3 imports the results module from the prefix.
#
# Usage: check_install.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1 source=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" > "$work/install.log"
# Run from an empty folder with a copy of the scenario, so that nothing is
# found through the source tree.
cp "$source/scenarios/tutorial.yaml" "$work/"
mkdir -p "$work/land"
cp "$source/scenarios/land/tutorial_islands.geojson" "$work/land/"  # the scenario's own land
cd "$work"
hotline=$prefix/bin/hotline
fail() { echo "FAILED: $*" >&2; exit 1; }

"$hotline" --version | grep -q '^hotline ' || fail "--version"
"$hotline" validate tutorial.yaml > /dev/null || fail "validate"
"$hotline" run tutorial.yaml --days 1 --json -o run.h5 --sample-every 60 > run.json || fail "run"
for i in 1 2; do
  "$hotline" sweep tutorial.yaml --days 1 --replications 2 --policies "none, hotline" \
    --events incidents --quiet --shard "$i/2" -o "shard$i.h5" > /dev/null || fail "sweep shard $i"
done
"$hotline" merge shard1.h5 shard2.h5 -o sweep.h5 > /dev/null || fail "merge"
"$hotline" report sweep.h5 --plots plots > report.md || fail "report --plots"
for png in incident_rate escalation hostility incident_map; do
  [ -s "plots/$png.png" ] || fail "plot $png.png"
done
"$hotline" replay run.h5 -o replay.html --quiet || fail "replay"
grep -q 'id="hotline-positions"' replay.html || fail "replay page"
"$hotline" bench swarm --agents 1000 --steps 5 --threads 1 > /dev/null || fail "bench swarm"

site=$(ls -d "$prefix"/lib/python3*/dist-packages)
PYTHONPATH=$site /usr/bin/python3 - <<'PY' || fail "python import from the prefix"
import hotline_results as hr
assert hr.__file__.startswith(__import__("os").environ["PYTHONPATH"]), hr.__file__
with hr.open_trace("sweep.h5") as trace:
    assert list(trace.summary()["policy"].cat.categories) == ["none", "hotline"]
with hr.open_trace("run.h5") as run:
    assert len(run.states()) > 0
PY
echo "installed prefix works: $(ls "$prefix/bin") and $(ls "$prefix/share/hotline" | tr '\n' ' ')"
