#!/usr/bin/env bash
# The validation of `hotline risk` on a model world (docs/rare-events.md,
# "Validation"), parts (b) and (c):
#  (b) scenarios/tutorial_tense.yaml, 30 days, P(clash) near 2%: splitting
#      and plain Monte Carlo estimate the same probability (their difference
#      within 1.96 combined standard errors);
#  (c) scenarios/tutorial_tense_rare.yaml, 30 days, P(clash) near 10⁻³: the
#      simulated work (platform-steps) each method needs for a 20% relative
#      error — splitting's from its measured work and the spread of its
#      repetitions, plain's from its variance: runs = (1 − p)/(p · 0.2²) at
#      splitting's p, times the mean work of a plain run (measured).
# Splitting counts expected clashes at its last stage (the default); plain
# counts clashes, except where said.
# Policy none. Part (a), the exact birth–death chain, is a unit test
# (tests/test_splitting.cpp).
#
# Usage: bench/risk-validation.sh BUILD_DIR [b|c|bc]
#   EFFORT (100), REPETITIONS (10), PLAIN_RUNS (2000 for b; 400 for c),
#   LEVELS (L1,L1:0.3,L1:0.4,L2,L3:0.8,clash), SEED (1) from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: risk-validation.sh BUILD_DIR [b|c|bc]}
parts=${2:-bc}
hotline="$build/cli/hotline"
effort=${EFFORT:-100}
repetitions=${REPETITIONS:-10}
levels=${LEVELS:-L1,L1:0.3,L1:0.4,L2,L3:0.8,clash}
work=$(mktemp -d /tmp/hotline-risk-XXXXXX)
trap 'rm -rf "$work"' EXIT

# estimate NAME SCENARIO ARGS...: the JSON of one estimate, timed.
estimate() {
  local name=$1 scenario=$2
  shift 2
  local start end
  start=$(date +%s.%N)
  "$hotline" risk "$scenario" --policies none --days 30 --seed "${SEED:-1}" --quiet --force --json \
    -o "$work/$name.h5" "$@" > "$work/$name.json"
  end=$(date +%s.%N)
  echo "$end - $start" | bc > "$work/$name.seconds"
}

echo "hotline risk validation, $(nproc) CPUs, commit $(git rev-parse --short HEAD), $(date -u +%FT%TZ)"
echo "splitting: effort $effort, $repetitions repetitions, levels $levels, seed ${SEED:-1}"
if [[ $parts == *b* ]]; then
  plain_runs=${PLAIN_RUNS:-2000}
  estimate b_split scenarios/tutorial_tense.yaml --effort "$effort" \
    --repetitions "$repetitions" --levels "$levels"
  estimate b_plain scenarios/tutorial_tense.yaml --method plain --clashes indicator \
    --effort $((plain_runs / 4)) --repetitions 4
fi
if [[ $parts == *c* ]]; then
  plain_runs=${PLAIN_RUNS:-400}
  estimate c_split scenarios/tutorial_tense_rare.yaml --effort "$effort" \
    --repetitions "$repetitions" --levels "$levels"
  estimate c_plain scenarios/tutorial_tense_rare.yaml --method plain --clashes indicator \
    --effort $((plain_runs / 2)) --repetitions 2
fi
python3 - "$work" "$parts" <<'PY'
import json, math, sys
work, parts = sys.argv[1], sys.argv[2]
def load(name):
    with open(f"{work}/{name}.json") as f:
        policy = json.load(f)["policies"][0]
    with open(f"{work}/{name}.seconds") as f:
        policy["seconds"] = float(f.read())
    return policy
def line(label, p):
    print(f"  {label:<10} p = {p['probability']:.4g}  SE {p['standard_error']:.3g}  "
          f"rel. error {100 * p['relative_error']:.1f}%  work {p['work_platform_steps']:.3g} "
          f"platform-steps  {p['seconds']:.0f} s")
    print(f"  {'':<10} stage fractions " + ", ".join(f"{f:.3g}" for f in p["stage_fractions"]))
if "b" in parts:
    s, p = load("b_split"), load("b_plain")
    print("(b) tutorial_tense, 30 days:")
    line("splitting", s)
    line("plain", p)
    print(f"  plain's exact 95% interval [{p['exact_low']:.4g}, {p['exact_high']:.4g}]")
    z = (s["probability"] - p["probability"]) / math.hypot(s["standard_error"], p["standard_error"])
    print(f"  difference {s['probability'] - p['probability']:+.4g} = {z:+.2f} combined SE: "
          f"{'agree' if abs(z) < 1.96 else 'DISAGREE'} (|z| < 1.96)")
if "c" in parts:
    s, p = load("c_split"), load("c_plain")
    print("(c) tutorial_tense_rare, 30 days:")
    line("splitting", s)
    line("plain", p)
    runs = json.load(open(f"{work}/c_plain.json"))["effort"] * json.load(open(f"{work}/c_plain.json"))["repetitions"]
    per_run = p["work_platform_steps"] / runs
    prob = s["probability"]
    plain_runs = (1 - prob) / (prob * 0.04)
    plain_work = plain_runs * per_run
    split_work = s["work_for_20_percent"]
    print(f"  work for a 20% relative error at p = {prob:.3g}:")
    print(f"    splitting {split_work:.3g} platform-steps (measured {s['work_platform_steps']:.3g} "
          f"at {100 * s['relative_error']:.1f}%)")
    print(f"    plain     {plain_work:.3g} platform-steps ({plain_runs:.0f} runs of "
          f"{per_run:.3g}, the mean of {runs} plain runs)")
    print(f"    gain      {plain_work / split_work:.1f}x")
PY
