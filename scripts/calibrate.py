#!/usr/bin/env python3
"""Runs the calibration of a scenario: `hotline run --json` over many seeds
(the whole model, its postures free), then the median and range of the
calibrated exposure figures, the pooled yearly rates of the calibrated
incident figures, and the untuned predictions (docs/calibration.md).

    scripts/calibrate.py [--hotline build/release/cli/hotline]
                         [--scenario scenarios/east_china_sea_2023.yaml]
                         [--days 365] [--seeds 20] [--jobs N] [--csv FILE]

Seeds are 1..N. Each run is single-threaded and runs go side by side, one per
core (results do not depend on the thread count). Exits 1 when a calibrated
exposure figure's median is outside +/-20% of its target, or a calibrated
incident rate is more than a factor of 2 off its target. The incident rates
are pooled over every run's years (most runs count none, so a median says
nothing), and held against the target as the hazard expected them (the sum
of the incident probability over every encounter-step: the count's mean,
with far less noise); the counts themselves are printed beside, with their
exact Poisson interval.
"""

import argparse
import concurrent.futures
import csv
import json
import math
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

# Publicly protested Japan-China military incidents, 2010-2025 (16 years):
# dangerous about 6 (two Su-27 passes at 30-45 m in 2014; J-15 and JH-7
# passes in June-July 2025), grave 4 (the 2010 trawler collision, two
# fire-control radar locks in January 2013, a J-15's radar lock on an F-15
# in December 2025). Per year; each within a factor of 2.
RATE_TARGETS = {
    "japan_china_dangerous": 6 / 16,
    "japan_china_grave": 4 / 16,
}
RATE_FACTOR = 2.0


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
        out[f"{name}_dangerous"] = inc["dangerous"]
        out[f"{name}_grave"] = inc["grave"]
        # What the hazard expected (the sum of p over encounter-steps): the
        # same mean as the counts, far less noise.
        out[f"{name}_expected_dangerous"] = round(d["expected_dangerous"], 4)
        out[f"{name}_expected_grave"] = round(d["expected_grave"], 4)
        out[f"{name}_expected_clashes"] = round(d["expected_clashes"], 6)
        out[f"{name}_per_100_hours"] = round(d["incidents_per_100_hours"], 3)
        conduct = d["encounter_hours_by_conduct"]
        hours = sum(conduct.values())
        out[f"{name}_harassment_share"] = round(conduct["harassment"] / hours, 4) if hours else 0
        out[f"{name}_crisis_episodes"] = d["crisis_episodes"]
        out[f"{name}_crisis_days"] = round(d["crisis_days"], 2)
        out[f"{name}_peak_level"] = d["peak_level"]
        out[f"{name}_clashes"] = d["clashes"]
        out[f"{name}_wars"] = d["wars"]
        out[f"{name}_shocks"] = d["shocks"]
    return out


def run_one(hotline, scenario, days, seed):
    cmd = [hotline, "run", scenario, "--days", str(days), "--seed", str(seed),
           "--threads", "1", "--json"]
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
    years = a.days / 365.0 * len(runs)
    print(f"\nIncident rates pooled over {years:g} simulated years (exact Poisson 90% interval):\n")
    print("| figure | target per year | expected per year (hazard) | off | counted per year | "
          "90% interval |")
    print("|---|---:|---:|---:|---:|---|")
    for n, target in RATE_TARGETS.items():
        total = sum(r[n] for r in runs)
        expected = sum(r[n.replace("japan_china_", "japan_china_expected_")] for r in runs)
        rate = total / years
        low, high = poisson_interval(total, 0.90)
        # The band is held on the hazard's expectation: with a handful of
        # events in 20 years a count cannot settle a factor of 2 either way.
        ratio = expected / years / target
        failed |= not (1.0 / RATE_FACTOR <= ratio <= RATE_FACTOR)
        print(f"| {n} | {target:.3f} | {expected / years:.3f} | x{ratio:.2f} | "
              f"{rate:.3f} ({total} in all) | [{low / years:.3f}, {high / years:.3f}] |")
    return 1 if failed else 0


def poisson_interval(count, confidence):
    """Garwood's exact interval for a Poisson mean, by bisection on the
    Poisson distribution function (no SciPy needed)."""
    alpha = 1.0 - confidence

    def cdf(k, mu):  # P(X <= k)
        term = total = math.exp(-mu)
        for i in range(1, k + 1):
            term *= mu / i
            total += term
        return total

    def solve(f, lo, hi):
        for _ in range(200):
            mid = (lo + hi) / 2
            if f(mid):
                hi = mid
            else:
                lo = mid
        return (lo + hi) / 2

    upper = solve(lambda mu: cdf(count, mu) <= alpha / 2, 0.0, 10.0 * count + 50.0)
    lower = 0.0 if count == 0 else solve(lambda mu: 1.0 - cdf(count - 1, mu) >= alpha / 2,
                                         0.0, 10.0 * count + 50.0)
    return lower, upper


if __name__ == "__main__":
    sys.exit(main())
