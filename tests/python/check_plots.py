#!/usr/bin/python3
"""The plot script end to end: `hotline report --plots` on a small sweep
draws every PNG (whole, with its size and a non-blank picture), and
analysis/plots.py refuses malformed and foreign files clearly, exit 2, with
no PNG written.

    check_plots.py HOTLINE_EXE SOURCE_DIR WORK_DIR
"""

import os
import shutil
import subprocess
import sys

import h5py
import matplotlib.image as mpimg
import numpy as np

PLOTS = ["incident_rate.png", "escalation.png", "hostility.png", "incident_map.png"]


def run(arguments, expect):
    result = subprocess.run(arguments, capture_output=True, text=True)
    if result.returncode != expect:
        sys.exit(f"FAILED: {' '.join(arguments)} exited {result.returncode}, expected {expect}\n"
                 f"stdout: {result.stdout}\nstderr: {result.stderr}")
    return result


def check(condition, message):
    if not condition:
        sys.exit(f"FAILED: {message}")


def check_picture(path):
    check(os.path.exists(path), f"{os.path.basename(path)} drawn")
    picture = mpimg.imread(path)
    height, width = picture.shape[:2]
    check(width >= 400 and height >= 250, f"{path} is {width}x{height}, too small to read")
    colours = np.unique(picture.reshape(-1, picture.shape[2])[::37], axis=0)
    check(len(colours) > 20, f"{path} looks blank ({len(colours)} colours)")


def check_experiment_plots(hotline, source, work, script):
    """An experiment's file: the response, difference and tornado pictures of
    every headline measure, and a study of another file refused."""
    tutorial = os.path.join(source, "scenarios", "tutorial.yaml")
    study = os.path.join(work, "study.h5")
    common = ["--days", "10", "--replications", "3", "--policies", "none,hotline", "--quiet",
              "--vary", "forces.red_militia.count=10..30:3"]
    run([hotline, "sweep", tutorial, *common, "--vary",
         "policies.hotline.hotline.p_answer.l2=0.1,0.9", "-o", study], 0)
    plots = os.path.join(work, "study_plots")
    result = run([hotline, "report", study, "--plots", plots], 0)
    check("response_*.png" in result.stdout, "report names the experiment's plots")
    for measure in ("dangerous_incidents", "grave_incidents", "crisis_days", "clashes"):
        for kind in ("response", "difference", "tornado"):
            check_picture(os.path.join(plots, f"{kind}_{measure}.png"))
    experiment = os.path.join(plots, "experiment.json")
    other = os.path.join(work, "other_study.h5")
    run([hotline, "sweep", tutorial, *common, "-o", other], 0)
    out = os.path.join(work, "refused_study")
    result = run(["/usr/bin/python3", script, other, "--experiment", experiment, "--out", out], 2)
    check("an experiment report of another file" in result.stderr, result.stderr)
    check(not os.path.exists(out) or not os.listdir(out), "nothing drawn for another file")


def main():
    hotline, source, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    script = os.path.join(source, "analysis", "plots.py")
    sweep = os.path.join(work, "sweep.h5")
    run([hotline, "sweep", os.path.join(source, "scenarios", "tutorial.yaml"), "--days", "20",
         "--replications", "3", "--policies", "none,hotline,cues", "--events", "incidents",
         "--quiet", "-o", sweep], 0)

    # Every PNG, through hotline report --plots.
    plots = os.path.join(work, "plots")
    result = run([hotline, "report", sweep, "--plots", plots], 0)
    check(f"plots: {plots}" in result.stdout, "report names the plots folder")
    for name in PLOTS:
        path = os.path.join(plots, name)
        check(os.path.exists(path), f"{name} drawn")
        picture = mpimg.imread(path)
        height, width = picture.shape[:2]
        check(width >= 600 and height >= 300, f"{name} is {width}x{height}, too small to read")
        # Not blank: many distinct colours.
        colours = np.unique(picture.reshape(-1, picture.shape[2])[::37], axis=0)
        check(len(colours) > 20, f"{name} looks blank ({len(colours)} colours)")
    check(os.path.exists(os.path.join(plots, "comparison.json")), "comparison.json beside them")
    leftovers = [n for n in os.listdir(plots) if "partial" in n]
    check(not leftovers, f"no partial files left: {leftovers}")

    comparison = os.path.join(plots, "comparison.json")

    def refused(path, message, comparison_path=comparison):
        out = os.path.join(work, "refused")
        shutil.rmtree(out, ignore_errors=True)
        result = run(["/usr/bin/python3", script, path, "--comparison", comparison_path, "--out",
                      out], 2)
        check(message in result.stderr, f"expected '{message}' in: {result.stderr}")
        check(result.stderr.startswith("plots.py: error: "), "errors start plots.py: error:")
        check(not os.path.exists(out) or not os.listdir(out), "nothing drawn for a bad file")

    # Not HDF5.
    text_file = os.path.join(work, "notes.h5")
    with open(text_file, "w") as f:
        f.write("not a trace\n")
    refused(text_file, f"{text_file}: not an HDF5 file")
    # HDF5, but foreign.
    foreign = os.path.join(work, "foreign.h5")
    with h5py.File(foreign, "w") as f:
        f["data"] = np.arange(10)
    refused(foreign, f"{foreign}: an HDF5 file, but not a Hotline trace")
    # A Hotline sweep with a table torn out.
    torn = os.path.join(work, "torn.h5")
    shutil.copy(sweep, torn)
    with h5py.File(torn, "a") as f:
        del f["bases"]
    refused(torn, f"{torn}: not a whole Hotline trace: no /bases")
    # Another format version.
    future = os.path.join(work, "future.h5")
    shutil.copy(sweep, future)
    with h5py.File(future, "a") as f:
        f.attrs["format_version"] = np.int64(4)
    refused(future, f"{future}: trace format version 4; this script reads version 3")
    # A comparison of another sweep.
    other = os.path.join(work, "other.h5")
    run([hotline, "sweep", os.path.join(source, "scenarios", "tutorial.yaml"), "--days", "2",
         "--replications", "2", "--policies", "none,cues", "--quiet", "-o", other], 0)
    refused(other, f"{comparison}: a comparison of another sweep than {other}")
    # A comparison that is not JSON.
    refused(sweep, "not JSON (line 1)", comparison_path=text_file)

    # hotline report itself refuses an inconsistent file, before drawing.
    twice = os.path.join(work, "twice.h5")
    shutil.copy(sweep, twice)
    with h5py.File(twice, "a") as f:
        rows = f["summary"][:]
        rows[1]["replication"] = rows[0]["replication"]
        f["summary"][:] = rows
    out = os.path.join(work, "twice_plots")
    result = run([hotline, "report", twice, "--plots", out], 2)
    check(result.stdout == "", "nothing printed for an inconsistent file")
    check("/summary row 1: the run (policy none, replication 0) appears twice" in result.stderr,
          result.stderr)
    check(not os.path.exists(out), "no plots folder for an inconsistent file")
    check_experiment_plots(hotline, source, work, script)
    print("plots: every PNG drawn; malformed and foreign files refused")


if __name__ == "__main__":
    main()
