#!/usr/bin/env python3
"""Runs the calibration of a scenario: `hotline run --json --posture 0` over
many seeds (exposure, with escalation held at posture 0), then the median
and range of the calibrated figures and of the untuned predictions
(docs/calibration.md).

    scripts/calibrate.py [--hotline build/release/cli/hotline]
                         [--scenario scenarios/east_china_sea_2023.yaml]
                         [--days 365] [--seeds 20] [--jobs N] [--csv FILE]

Seeds are 1..N. Each run is single-threaded and runs go side by side, one per
core (results do not depend on the thread count). Exits 1 when a calibrated
figure's median is outside +/-20% of its target.
"""

import argparse
import concurrent.futures
import csv
import json
import os
import statistics
import subprocess
import sys

# The published figures the baseline's exposure is tuned to
# (docs/calibration.md). The territorial-sea cases are an input rate: they
# check that the model delivers what it is given.
TARGETS = {
    "jasdf_scrambles_vs_china": 479,         # FY2023, Japan Joint Staff
    "ccg_contiguous_zone_days": 352,         # 2023, Japan Coast Guard
    "ccg_contiguous_zone_vessel_days": 1200,  # 2021-2022: 1,222 and 1,199
    "ccg_territorial_sea_entries": 34,       # 2023 cases
}
TOLERANCE = 0.20


def figures(summary):
    """The figures of one run, by name, from the run's JSON summary."""
    out = {}
    for r in summary["responses"]:
        key = f'{r["responder"]}<-{r["intruder"]}'
        if key == "japan<-china":
            out["jasdf_scrambles_vs_china"] = r["scrambles"]
            out["japan_intrusions_by_china"] = r["intrusions"]
            out["jcg_dispatches_vs_china"] = r["dispatches"]
            out["japan_intercepts_of_china"] = r["intercepts"]
            out["airspace_violations_by_china"] = r["airspace_violations"]
        elif key == "china<-japan":
            out["pla_scrambles_vs_japan"] = r["scrambles"]
        elif key == "china<-united_states":
            out["pla_scrambles_vs_us"] = r["scrambles"]
    for z in summary["zone_presence_days"]:
        if z["nation"] != "china":
            continue
        if z["zone"] == "senkaku_contiguous_zone":
            out["ccg_contiguous_zone_days"] = z["coast_guard_days"]
            out["ccg_contiguous_zone_vessel_days"] = z["coast_guard_vessel_days"]
            out["ccg_contiguous_zone_longest_run_days"] = z["coast_guard_longest_streak_days"]
        elif z["zone"] == "senkaku_territorial_sea":
            out["ccg_territorial_sea_entries"] = z["coast_guard_entries"]
            out["ccg_territorial_sea_days"] = z["coast_guard_days"]
            out["ccg_territorial_sea_hours"] = round(z["coast_guard_hours"], 1)
    for d in summary["dyads"]:
        name = d["dyad"].replace("-", "_")
        inc = d["incidents"]
        out[f"{name}_encounters"] = d["encounters"]
        out[f"{name}_encounter_hours"] = round(d["encounter_hours"], 1)
        out[f"{name}_incidents"] = inc["unsafe"] + inc["dangerous"] + inc["grave"]
        out[f"{name}_grave"] = inc["grave"]
        out[f"{name}_per_100_hours"] = round(d["incidents_per_100_hours"], 3)
        out[f"{name}_crises"] = d["crises"]
        out[f"{name}_days_at_crisis"] = round(d["hours_at_crisis"] / 24.0, 2)
        # A run without a clash counts its whole length (censored).
        first = d["first_clash_day"]
        out[f"{name}_first_clash_day"] = round(first if first is not None else summary["days"], 2)
    return out


def run_one(hotline, scenario, days, seed):
    cmd = [hotline, "run", scenario, "--days", str(days), "--seed", str(seed),
           "--threads", "1", "--posture", "0", "--json"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: exit {done.returncode}\n{done.stderr}")
    return figures(json.loads(done.stdout))


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--hotline", default="build/release/cli/hotline")
    p.add_argument("--scenario", default="scenarios/east_china_sea_2023.yaml")
    p.add_argument("--days", type=int, default=365)
    p.add_argument("--seeds", type=int, default=20)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--csv", help="write every run's figures to this file")
    a = p.parse_args()

    seeds = range(1, a.seeds + 1)
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        runs = list(pool.map(lambda s: run_one(a.hotline, a.scenario, a.days, s), seeds))

    names = list(runs[0].keys())
    if a.csv:
        with open(a.csv, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["seed"] + names)
            for s, r in zip(seeds, runs):
                w.writerow([s] + [r[n] for n in names])

    print(f"{a.scenario}, {a.days:g} days, seeds 1-{a.seeds}\n")
    print("| figure | target | median | min | max |")
    print("|---|---:|---:|---:|---:|")
    failed = False
    for n in names:
        values = [r[n] for r in runs]
        med = statistics.median(values)
        target = TARGETS.get(n)
        mark = ""
        if target is not None:
            off = med / target - 1.0
            mark = f"{target} ({off:+.1%})"
            failed |= abs(off) > TOLERANCE
        print(f"| {n} | {mark} | {med:g} | {min(values):g} | {max(values):g} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
