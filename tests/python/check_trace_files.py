#!/usr/bin/python3
"""A real client reads Hotline trace files: Debian's python3 with h5py (and
pandas, for the documented example) opens a run file and a sweep file made
by the `hotline` binary, checks the schema of docs/trace-format.md, checks
that the run file's values equal what `hotline run --json` printed, and runs
the Python examples of docs/trace-format.md as written (hotline_results
and plain h5py).

Usage: check_trace_files.py HOTLINE SOURCE_DIR WORK_DIR
"""
import json
import math
import os
import re
import shutil
import subprocess
import sys

import h5py
import numpy as np

hotline, source, work = sys.argv[1:4]
scenario = os.path.join(source, "scenarios", "tutorial.yaml")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run(*args):
    done = subprocess.run([hotline, *args], cwd=work, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"hotline {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done.stdout


SUMMARY = ["point", "policy", "replication", "seed", "days", "steps", "stopped_at_clash", "platforms",
           "encounters", "encounter_hours", "incidents_unsafe", "incidents_dangerous",
           "incidents_grave", "incidents_per_100_hours", "intrusions", "scrambles", "dispatches",
           "unanswered", "intercepts", "airspace_violations", "crisis_episodes", "crisis_days",
           "peak_level", "clashes", "wars", "first_crisis_day",
           "first_clash_day", "first_war_day", "expected_dangerous", "expected_grave",
           "expected_clashes", "calls", "call_attempts", "calls_connected", "calls_relayed",
           "calls_failed", "connect_delay_median_hours", "connect_delay_p90_hours",
           "cues_encounters", "cues_both_adhered", "events_begin", "events_count",
           "hostility_begin", "hostility_count"]
EVENTS = ["point", "policy", "replication", "step", "time_s", "type", "agent_a", "agent_b", "nation_a",
          "nation_b", "severity", "x_km", "y_km", "value"]
ROOT_ATTRS = ["format", "format_version", "hotline_version", "created_utc", "command_line",
              "kind", "seed", "days", "dt_s", "replications", "shard_index", "shard_count",
              "events", "hostility_interval_s", "state_interval_s"]


def check_schema(f, kind):
    for a in ROOT_ATTRS:
        check(a in f.attrs, f"{kind}: root attribute {a}")
    check(f.attrs["format"] == "hotline", f"{kind}: format")
    check(f.attrs["format_version"] == 3, f"{kind}: format_version")
    check(f.attrs["kind"] == kind, f"{kind}: kind")
    for a in ["yaml", "resolved_yaml", "name", "hash", "file"]:
        check(a in f["scenario"].attrs, f"{kind}: /scenario attribute {a}")
    check(f["scenario"].attrs["name"] == "Tutorial: two rivals around an island", "scenario name")
    check(len(f["scenario"].attrs["hash"]) == 16, "scenario hash")
    check(list(f["summary"].dtype.names) == SUMMARY, f"{kind}: /summary columns")
    check(list(f["events"].dtype.names) == EVENTS, f"{kind}: /events columns")
    check(list(f["agents"].dtype.names) == ["index", "nation", "class", "kind", "role", "force",
                                            "name"], f"{kind}: /agents columns")
    check(list(f["policies"].dtype.names) == ["index", "id", "scenario_index", "definition"],
          f"{kind}: /policies columns")
    check(f["policies"].dtype["scenario_index"] == np.uint32, f"{kind}: /policies scenario_index u32")
    for name in ["nations", "dyads", "zones", "event_types", "severities", "platform_states",
                 "dyad_summary", "zone_presence", "hostility"]:
        check(name in f, f"{kind}: /{name}")
    for name in ["summary", "events", "dyad_summary", "hostility"]:
        d = f[name]
        check(d.chunks is not None and d.compression == "gzip" and d.shuffle,
              f"{kind}: /{name} chunked, shuffled, deflated")
        check(d.maxshape[0] is None, f"{kind}: /{name} extendible")
    check(f["hostility"].dtype == np.float32, f"{kind}: /hostility float32")
    check(f["hostility"].shape[1] == len(f["dyads"]), f"{kind}: /hostility columns = dyads")
    s = f["summary"][:]
    # Each run's rows of /events and /hostility are where the summary says.
    events = f["events"][:]
    for row in s:
        b, n = int(row["events_begin"]), int(row["events_count"])
        part = events[b:b + n]
        check(np.all(part["policy"] == row["policy"]) and
              np.all(part["replication"] == row["replication"]), f"{kind}: event ranges")
        check(np.all(np.diff(part["step"].astype(np.int64)) >= 0), f"{kind}: events in step order")
    check(int(s["events_count"].sum()) == len(events), f"{kind}: every event in a run")
    check(int(s["hostility_count"].sum()) == f["hostility"].shape[0], f"{kind}: every hostility row")
    return s


# A run file, and what the same run printed.
printed = json.loads(run("run", scenario, "--days", "3", "--policy", "hotline",
                         "--replication", "4", "--json", "-o", "run.h5", "--sample-every", "20"))
with h5py.File(os.path.join(work, "run.h5"), "r") as f:
    s = check_schema(f, "run")
    check(len(s) == 1, "run: one summary row")
    row = s[0]
    check(row["replication"] == 4 and row["seed"] == 1, "run: replication and seed")
    check(f["policies"]["id"][0].decode() == "hotline", "run: the policy")
    check(math.isclose(row["days"], printed["days"]), "run: days")
    check(row["platforms"] == printed["platforms"], "run: platforms")
    names = [n.decode() for n in f["dyads"]["name"]]
    dyads = f["dyad_summary"][:]
    check(len(dyads) == len(printed["dyads"]), "run: one row per dyad")
    for d, p in zip(dyads, printed["dyads"]):
        check(names[d["dyad"]] == p["dyad"], "run: dyad names")
        for column, key in [("encounters", "encounters"), ("crisis_episodes", "crisis_episodes"),
                            ("wars", "wars"), ("shocks", "shocks"),
                            ("peak_level", "peak_level"), ("clashes", "clashes"),
                            ("calls", "calls"), ("calls_connected", "calls_connected"),
                            ("call_attempts", "call_attempts"), ("level", "level")]:
            check(d[column] == p[key], f"run: {p['dyad']} {column} {d[column]} vs {p[key]}")
        for column, key in [("incidents_unsafe", "unsafe"), ("incidents_dangerous", "dangerous"),
                            ("incidents_grave", "grave")]:
            check(d[column] == p["incidents"][key], f"run: {p['dyad']} {column}")
        for column in ["encounter_hours", "crisis_days", "hostility", "baseline",
                       "incidents_per_100_hours"]:
            check(float(d[column]) == p[column if column != "incidents_per_100_hours"
                                        else "incidents_per_100_hours"],
                  f"run: {p['dyad']} {column} {d[column]!r} vs {p[column]!r}")
    check(int(s["encounters"].sum()) == sum(p["encounters"] for p in printed["dyads"]),
          "run: summary encounters = sum over dyads")
    # Sampled states: [samples × agents], one sample every 20 steps.
    states = f["states/p0_r4"]
    check(states["x_km"].shape == (3 * 1440 // 20, len(f["agents"])), "run: states shape")
    check(list(states["samples"]["step"][:3]) == [20, 40, 60], "run: sample steps")
    for column in ["heading_rad", "speed_km_s", "status"]:
        check(states[column].compression == "gzip", f"run: states {column} compressed")
    for column in ["x_km", "y_km"]:  # stored as they are (docs/trace-format.md)
        check(states[column].compression is None and states[column].chunks is not None,
              f"run: states {column} chunked, not compressed")

# The projection: every base of the run file back at the latitude and
# longitude the scenario gives it (analysis/hotline_geo.py, within 1e-9°).
sys.path.insert(0, os.path.join(source, "analysis"))
import hotline_geo  # noqa: E402

bases_text = open(scenario).read()
with h5py.File(os.path.join(work, "run.h5"), "r") as f:
    check("projection" in f, "run: /projection")
    projection = hotline_geo.Projection.from_file(f)
    matched = 0
    for base in f["bases"][:]:
        name = base["id"].decode() if isinstance(base["id"], bytes) else str(base["id"])
        found = re.search(r"\{id: " + re.escape(name) + r", nation: \w+, lat: ([-\d.]+), lon: ([-\d.]+)",
                          bases_text)
        if not found:
            continue
        lat, lon = projection.to_lat_lon(base["x_km"], base["y_km"])
        matched += 1
        check(abs(lat - float(found.group(1))) < 1e-9 and abs(lon - float(found.group(2))) < 1e-9,
              f"run: base {name} maps back to its latitude and longitude ({lat}, {lon})")
    check(matched >= 3, f"run: bases checked against the scenario ({matched})")

# A sweep file: every policy × replication, in canonical order.
run("sweep", scenario, "--days", "3", "--replications", "3", "--quiet", "-o", "sweep.h5")
with h5py.File(os.path.join(work, "sweep.h5"), "r") as f:
    s = check_schema(f, "sweep")
    policies = len(f["policies"])
    check(policies == 7 and len(s) == 21, "sweep: 7 policies × 3 replications")
    check(list(s["policy"]) == [p for p in range(7) for _ in range(3)], "sweep: policy order")
    check(list(s["replication"]) == [0, 1, 2] * 7, "sweep: replication order")
    check(len(f["dyad_summary"]) == 21 * len(f["dyads"]), "sweep: dyad rows")
    check(f.attrs["events"] == "command", "sweep: default events")

# The example of docs/trace-format.md, as written, beside the sweep file.
doc = open(os.path.join(source, "docs", "trace-format.md")).read()
examples = re.findall(r"```python\n(.*?)```", doc, re.S)
check(len(examples) >= 1, "docs/trace-format.md has a Python example")
# The module the first example imports is analysis/hotline_results.py.
environment = dict(os.environ, PYTHONPATH=os.path.join(source, "analysis"))
check(len(examples) >= 2, "docs/trace-format.md has the hotline_results and h5py examples")
for code in examples:
    done = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True,
                          env=environment)
    check(done.returncode == 0, f"the docs example runs: {done.stderr[-2000:]}")
    check(len(done.stdout) > 0, "the docs example prints something")

# An experiment's file: /design, the point columns, and the tidy table of
# hotline_results; the docs/experiments.md example runs on it.
with open(os.path.join(work, "study.yaml"), "w") as f:
    f.write(f"""experiment: {{name: answer study}}
scenario: {scenario}
factors:
  - name: answer_probability
    path: [policies.hotline.hotline.p_answer.l2, policies.hotline.hotline.p_answer.l3]
    values: [0.1, 0.9]
  - name: retry
    path: policies.hotline.hotline.retry_interval
    values: [30 min, 90 min, 120 min]
policies: [none, hotline]
replications: 2
days: 2
""")
run("sweep", "study.yaml", "--quiet", "-o", "study.h5")
with h5py.File(os.path.join(work, "study.h5"), "r") as f:
    s = f["summary"][:]
    check(len(s) == 6 * 2 * 2, "experiment: 6 points × 2 policies × 2 replications")
    check(list(s["point"]) == [p for p in range(6) for _ in range(4)], "experiment: point order")
    design = f["design"]
    check(design.attrs["type"] == "full_factorial" and design.attrs["points"] == 6,
          "experiment: /design attributes")
    points = design["points"][:]
    check(list(points["point"]) == list(range(6)), "experiment: /design/points")
    check(list(points["retry"]) == [30, 90, 120] * 2, "experiment: values in the unit written")
    check(list(points["retry_si"]) == [1800, 5400, 7200] * 2, "experiment: values in SI")
    factors = design["factors"][:]
    check([x.decode() for x in factors["unit"]] == ["", "min"], "experiment: factor units")
sys.path.insert(0, os.path.join(source, "analysis"))
import hotline_results  # noqa: E402

with hotline_results.open_trace(os.path.join(work, "study.h5")) as trace:
    runs = trace.results()
    check(len(runs) == 24 and list(runs.columns[:3]) == ["point", "answer_probability", "retry"],
          f"experiment: results() columns {list(runs.columns[:4])}")
    check(list(runs["answer_probability"]) == [0.1] * 12 + [0.9] * 12,
          "experiment: each run with its point's values")
    check(trace.design_factors()["paths"][0] == ["policies.hotline.hotline.p_answer.l2",
                                                   "policies.hotline.hotline.p_answer.l3"],
          "experiment: design_factors() paths")
    check(list(trace.design().index) == list(range(6)), "experiment: design() by point")
experiments_doc = open(os.path.join(source, "docs", "experiments.md")).read()
python_examples = re.findall(r"```python\n(.*?)```", experiments_doc, re.S)
check(len(python_examples) == 1, "docs/experiments.md has its Python example")
for code in python_examples:
    done = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True,
                          env=environment)
    check(done.returncode == 0 and "hotline" in done.stdout,
          f"the docs/experiments.md example runs: {done.stdout[-500:]} {done.stderr[-2000:]}")

if failures:
    print("\n".join(f"FAILED: {f}" for f in failures))
    sys.exit(1)
print("h5py read the run and sweep files: schema and values as documented")
