#!/usr/bin/env python3
"""The policy comparison: every policy of a scenario over the same
replications (common random numbers), with means, 95% intervals and paired
differences against a baseline policy (docs/results.md).

    scripts/policy_table.py [--hotline build/release/cli/hotline]
                            [--scenario scenarios/east_china_sea_2023.yaml]
                            [--days 180] [--replications 50] [--seed 1]
                            [--baseline none] [--jobs N] [--json FILE]
                            [--append YAML]

Replication k runs `hotline run --json --seed S --replication k --policy P`
for every policy P: its random streams are the same under every policy, so
the difference between two policies is paired by replication. Each run is
single-threaded and runs go side by side, one per core (results do not
depend on the thread count). Prints a Markdown table; --json keeps every
run's summary.

Intervals are Student t intervals: mean +/- t(0.975, n-1) * sd / sqrt(n),
for a policy's values and for the per-replication differences from the
baseline.

--append adds top-level YAML to a temporary copy of the scenario, for a
sensitivity run ("incidents: {base_rate: 0.002 per h}" when the file has no
`incidents` section); the table's heading says what was appended.
"""

import argparse
import concurrent.futures
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile


def policies_of(hotline, scenario):
    """The scenario's policy ids, in file order, from `validate --explain`."""
    text = subprocess.run([hotline, "validate", "--explain", scenario], check=True,
                          capture_output=True, text=True).stdout
    ids, inside = [], False
    for line in text.splitlines():
        if line.startswith("policies:"):
            inside = True
        elif inside and line and not line.startswith(" "):
            break
        elif inside and line.startswith("  - id: "):
            ids.append(line[len("  - id: "):].strip())
    return ids


def run_one(args, policy, replication):
    out = subprocess.run(
        [args.hotline, "run", args.scenario, "--json", "--threads", "1", "--days",
         str(args.days), "--seed", str(args.seed), "--replication", str(replication),
         "--policy", policy], check=True, capture_output=True, text=True).stdout
    return policy, replication, json.loads(out)


def metrics(summary, days):
    """The compared figures of one run, summed over the rival dyads."""
    dyads = summary["dyads"]
    incidents = sum(d["incidents"]["unsafe"] + d["incidents"]["dangerous"]
                    + d["incidents"]["grave"] for d in dyads)
    grave = sum(d["incidents"]["grave"] for d in dyads)
    hours = sum(d["encounter_hours"] for d in dyads)
    first = [d["first_clash_day"] for d in dyads if d["first_clash_day"] is not None]
    return {
        "incidents": incidents,
        "grave incidents": grave,
        "incidents per 100 encounter-h": 100.0 * incidents / hours if hours else 0.0,
        "crises": sum(d["crises"] for d in dyads),
        "days at L2+ (summed over dyads)": sum(d["hours_at_crisis"] for d in dyads) / 24.0,
        "clashes": sum(d["clashes"] for d in dyads),
        "replications with a clash": 1 if first else 0,
        "day of first clash (horizon if none)": min(first) if first else float(days),
        "hotline calls": sum(d["calls"] for d in dyads),
        "calls connected": sum(d["calls_connected"] for d in dyads),
    }


def betacf(a, b, x):
    """Continued fraction of the regularized incomplete beta (Lentz)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def t_cdf(t, df):
    x = df / (df + t * t)
    a, b = df / 2.0, 0.5
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                     + a * math.log(x) + b * math.log(1.0 - x))
    if x < (a + 1.0) / (a + b + 2.0):
        tail = front * betacf(a, b, x) / a
    else:
        tail = 1.0 - front * betacf(b, a, 1.0 - x) / b
    return 1.0 - 0.5 * tail if t >= 0 else 0.5 * tail


def t_quantile(p, df):
    lo, hi = 0.0, 100.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def interval(values):
    n = len(values)
    mean = statistics.fmean(values)
    if n < 2:
        return mean, mean, mean
    half = t_quantile(0.975, n - 1) * statistics.stdev(values) / math.sqrt(n)
    return mean, mean - half, mean + half


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hotline", default="build/release/cli/hotline")
    parser.add_argument("--scenario", default="scenarios/east_china_sea_2023.yaml")
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--replications", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--baseline", default="none")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--json", help="write every run's summary here")
    parser.add_argument("--append", help="top-level YAML appended to a copy of the scenario")
    args = parser.parse_args()
    shown_scenario = args.scenario
    if args.append:
        with open(args.scenario) as f:
            text = f.read()
        copy = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
        copy.write(text + "\n" + args.append + "\n")
        copy.close()
        args.scenario = copy.name
        shown_scenario += f" with `{args.append}` appended"

    policies = policies_of(args.hotline, args.scenario)
    if args.baseline not in policies:
        sys.exit(f"policy_table: the scenario has no policy '{args.baseline}' ({policies})")
    runs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_one, args, p, k) for k in range(args.replications)
                   for p in policies]
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            policy, k, summary = future.result()
            runs[(policy, k)] = summary
            print(f"\r{done}/{len(futures)} runs", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    if args.json:
        with open(args.json, "w") as f:
            json.dump([{"policy": p, "replication": k, "summary": s}
                       for (p, k), s in sorted(runs.items())], f)

    reps = range(args.replications)
    values = {p: [metrics(runs[(p, k)], args.days) for k in reps] for p in policies}
    names = list(values[args.baseline][0].keys())
    print(f"{shown_scenario}, {args.days} days, {args.replications} replications per policy "
          f"(seed {args.seed}, replications 0-{args.replications - 1}, the same under every "
          f"policy); mean [95% interval]; paired difference from {args.baseline} "
          f"[95% interval]\n")
    for name in names:
        print(f"### {name}\n")
        print(f"| policy | mean [95% CI] | difference from {args.baseline} [95% CI] | "
              f"change |")
        print("|---|---|---|---|")
        base = [values[args.baseline][k][name] for k in reps]
        base_mean = statistics.fmean(base)
        for p in policies:
            xs = [values[p][k][name] for k in reps]
            m, lo, hi = interval(xs)
            if p == args.baseline:
                print(f"| {p} | {m:.4g} [{lo:.4g}, {hi:.4g}] | | |")
                continue
            dm, dlo, dhi = interval([x - b for x, b in zip(xs, base)])
            change = f"{100 * dm / base_mean:+.1f}%" if base_mean else "-"
            mark = "" if dlo > 0 or dhi < 0 else " (not distinguishable)"
            print(f"| {p} | {m:.4g} [{lo:.4g}, {hi:.4g}] | {dm:+.4g} [{dlo:+.4g}, {dhi:+.4g}]"
                  f"{mark} | {change} |")
        print()


if __name__ == "__main__":
    main()
