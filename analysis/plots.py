#!/usr/bin/python3
"""The pictures of a policy comparison, drawn from a Hotline sweep file.

    plots.py SWEEP.h5 --comparison COMPARISON.json --out DIR
    plots.py SWEEP.h5 --experiment EXPERIMENT.json --out DIR

An experiment's file (a sweep with a design) gets the pictures of its study
instead: response curves, policy differences and tornado charts
(experiment_plots.py, beside this script).

`hotline report SWEEP.h5 --plots DIR` runs this with the comparison it has
just computed (written to DIR/comparison.json), so every interval drawn is
the report's own: the statistics are computed once, in C++ (analysis/).
From the sweep file itself come the hostility series and the map.

It writes four PNG files into DIR:

  incident_rate.png  incidents per 100 encounter-hours by policy, mean and
                     interval
  escalation.png     dangerous and grave incidents, crisis-days and clashes per year by policy
  hostility.png        each dyad's hostility over time per policy: the median
                     over replications and the 10-90% band, with the levels' entries
                     with the level thresholds
  incident_map.png   where incidents happened, over the scenario's zones and
                     bases (the file keeps incident locations with
                     `hotline sweep --events incidents` or `all`)

Each is drawn whole and then renamed into place, so DIR never holds half a
picture. A file that is not a Hotline sweep, or a comparison made from
another file, is refused with a message naming it and exit code 2.

It reads the file through hotline_results (beside it). Needs Debian's
python3-matplotlib, python3-h5py, python3-numpy and python3-pandas; run it
with /usr/bin/python3 (the python3 first on PATH may not see them).
"""

import argparse
import json
import math
import os
import re
import sys
import tempfile
import warnings

EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """A file this script cannot draw from; the message names it."""


def fail(message):
    print(f"plots.py: error: {message}", file=sys.stderr)
    sys.exit(EXIT_BAD_INPUT)


try:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import hotline_results
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.patches import Polygon
except ImportError as e:  # pragma: no cover - depends on the machine
    print(
        f"plots.py: error: {e.name} is missing: install Debian's python3-matplotlib, "
        "python3-h5py, python3-numpy and python3-pandas (make deps) and run with "
        "/usr/bin/python3",
        file=sys.stderr,
    )
    sys.exit(1)


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


# --- reading -----------------------------------------------------------------


class Sweep:
    """What the plots need from a sweep file, read through hotline_results
    (which checks that it is a Hotline trace of this format)."""

    REQUIRED = ("zone_vertices", "bases")

    def __init__(self, path, point=None):
        self.path = path
        self.point = point  # an experiment's design point: its runs alone
        try:
            trace = hotline_results.open_trace(path)
        except hotline_results.TraceError as e:
            raise BadInput(str(e)) from None
        with trace:
            missing = [name for name in self.REQUIRED if name not in trace._file]
            if missing:
                raise BadInput(f"{path}: not a whole Hotline trace: no /{', /'.join(missing)}")
            try:
                self._read(trace)
            except (KeyError, ValueError, TypeError) as e:
                raise BadInput(f"{path}: not a readable Hotline trace: {e}") from None

    def _read(self, trace):
        f = trace._file
        self.events_kept = trace.attrs["events"]
        self.hostility_interval_s = trace.hostility_interval_s
        self.scenario_name = trace.scenario_name
        self.scenario_hash = text(f["scenario"].attrs["hash"])
        resolved = trace.resolved_yaml
        # The levels' entries (hostility.levels.enter in the resolved YAML).
        match = re.search(r"enter:\s*\[([^\]]*)\]", resolved)
        self.thresholds = [float(x) for x in match.group(1).split(",")] if match else []
        # The land the scenario stood on, and the projection back to the
        # globe (files from before these existed are drawn in plane km).
        land = re.search(r"^geography:\n  land: \"?([^\"\n]*)\"?$", resolved, re.M)
        self.land = land.group(1) if land else None
        self.projection = trace.projection
        self.policies = trace.policies
        self.dyads = trace.dyads
        self.nations = trace.nations
        self.summary = trace.raw("summary")
        if self.point is not None:
            self.summary = self.summary[self.summary["point"] == self.point]
        for column in ("policy", "replication", "hostility_begin", "hostility_count"):
            if column not in self.summary.dtype.names:
                raise BadInput(f"{self.path}: /summary has no column {column}")
        if len(self.summary) and self.summary["policy"].max() >= len(self.policies):
            raise BadInput(f"{self.path}: /summary names a policy past /policies")
        self.zones = trace.raw("zones")
        self.zone_vertices = trace.raw("zone_vertices")
        # Land belts (zones drawn from the coast) keep their land's coast.
        self.zone_coast = trace.raw("zone_coast") if "zone_coast" in f else None
        self.bases = trace.raw("bases")
        for zone in self.zones:
            if text(zone["shape"]) == "polygon":
                corners = int((self.zone_vertices["zone"] == zone["index"]).sum())
                if corners < 3:
                    raise BadInput(f"{self.path}: zone {text(zone['id'])} is a polygon of "
                                   f"{corners} vertices")
        if "incident" not in trace.event_types:
            raise BadInput(f"{self.path}: /event_types has no 'incident'")
        incident = trace.event_types.index("incident")
        events = f["events"]
        kept = events["type"][:] == incident if len(events) else np.zeros(0, bool)
        if self.point is not None and len(events):
            kept &= events["point"][:] == self.point
        self.incidents = events[:][kept] if len(events) else events[:]
        self.severities = trace.severities
        self.hostility = self._hostility_by_policy(f)

    def _hostility_by_policy(self, f):
        """Per policy, a [runs x samples x dyads] array padded with NaN (a run
        stopped at a clash is shorter)."""
        series_by_policy = {}
        if not self.dyads or "hostility" not in f:
            return series_by_policy
        matrix = f["hostility"]
        longest = int(self.summary["hostility_count"].max()) if len(self.summary) else 0
        for p in range(len(self.policies)):
            rows = self.summary[self.summary["policy"] == p]
            series = np.full((len(rows), longest, len(self.dyads)), np.nan)
            for k, run in enumerate(rows):
                begin, count = int(run["hostility_begin"]), int(run["hostility_count"])
                if begin + count > matrix.shape[0]:
                    raise BadInput(f"{self.path}: a run's rows lie past the end of /hostility")
                series[k, :count] = matrix[begin:begin + count]
            series_by_policy[self.policies[p]] = series
        return series_by_policy


def comparison_point(path):
    """The design point a comparison is of (hotline report --point), or None;
    a file that does not read is left to read_comparison to refuse."""
    try:
        with open(path, encoding="utf-8") as f:
            point = json.load(f).get("point")
    except (OSError, ValueError, AttributeError):
        return None
    return point if isinstance(point, int) else None


def read_comparison(path, sweep):
    try:
        with open(path, encoding="utf-8") as f:
            comparison = json.load(f)
    except OSError as e:
        raise BadInput(f"{path}: cannot read: {e.strerror}") from None
    except json.JSONDecodeError as e:
        raise BadInput(f"{path}: not JSON (line {e.lineno}): {e.msg}") from None
    if not isinstance(comparison, dict) or "metrics" not in comparison:
        raise BadInput(f"{path}: not a comparison (hotline report --format json)")
    if (comparison.get("scenario_hash") != sweep.scenario_hash
            or comparison.get("policies") != sweep.policies):
        raise BadInput(f"{path}: a comparison of another sweep than {sweep.path}")
    comparison["by_id"] = {m["id"]: m for m in comparison["metrics"]}
    for needed in ("dangerous_incidents", "grave_incidents", "crisis_days", "clashes"):
        if needed not in comparison["by_id"]:
            raise BadInput(f"{path}: no measure '{needed}'")
    return comparison


# --- drawing -----------------------------------------------------------------


def colours(policies):
    cycle = plt.get_cmap("tab10")
    return {p: cycle(i % 10) for i, p in enumerate(policies)}


UMASK = os.umask(0)
os.umask(UMASK)


def save(figure, directory, name):
    """Drawn whole under a temporary name, then renamed into place."""
    final = os.path.join(directory, name)
    # Created new with a name nobody can guess (O_EXCL: never through a
    # link planted there); os.replace then replaces whatever stands at the
    # final name itself, a link included, never what a link points to.
    descriptor, partial = tempfile.mkstemp(dir=directory, prefix="." + name + ".",
                                           suffix=".partial.png")
    try:
        os.chmod(partial, 0o666 & ~UMASK)  # as open() would have made it
        with os.fdopen(descriptor, "wb") as out:
            figure.savefig(out, format="png", dpi=130, bbox_inches="tight")
        os.replace(partial, final)
    except BaseException:
        os.unlink(partial)
        raise
    finally:
        plt.close(figure)
    return final


def number_or_nan(x):
    """JSON null (no value) as NaN."""
    return float("nan") if x is None else float(x)


def draw_means(axis, metric, comparison, palette):
    """One row per policy: the mean and its interval; the baseline's
    interval shaded behind all of them."""
    rows = metric["policies"]
    names = [r["policy"] for r in rows]
    means = np.array([number_or_nan(r["mean"]) for r in rows])
    low = np.array([number_or_nan(r["low"]) for r in rows])
    high = np.array([number_or_nan(r["high"]) for r in rows])
    y = np.arange(len(rows))[::-1]
    base = names.index(comparison["baseline"])
    if not math.isnan(low[base]):
        axis.axvspan(low[base], high[base], color="0.9", zorder=0,
                     label=f"{comparison['baseline']}'s interval")
    for i, row in enumerate(rows):
        has_interval = not (math.isnan(low[i]) or math.isnan(high[i]))
        error = [[means[i] - low[i]], [high[i] - means[i]]] if has_interval else None
        axis.errorbar(means[i], y[i], xerr=error, fmt="o", color=palette[row["policy"]],
                      capsize=4, markersize=6)
        verdict = row.get("against_baseline", {}).get("verdict", "baseline")
        if verdict in ("lower", "higher"):
            axis.annotate(verdict, (means[i], y[i]), textcoords="offset points",
                          xytext=(0, 7), ha="center", fontsize=7, color="0.25")
    axis.set_yticks(y)
    axis.set_yticklabels([f"{n} (baseline)" if i == base else n for i, n in enumerate(names)])
    axis.grid(axis="x", alpha=0.3)
    axis.set_xlabel(f"{metric['unit']}")
    axis.set_title(metric["title"], fontsize=10)


def confidence_text(comparison):
    level = round(comparison["confidence"] * 100)
    return (f"mean and {level}% interval over {comparison['replications']} replications; "
            f"'lower'/'higher': paired change vs {comparison['baseline']} "
            f"distinguishable at {level}%")


def plot_incident_rate(sweep, comparison, palette, out):
    figure, axis = plt.subplots(figsize=(8, 0.5 * len(sweep.policies) + 1.8))
    draw_means(axis, comparison["by_id"]["incident_rate"], comparison, palette)
    axis.set_title(f"Incident rate by policy: {sweep.scenario_name}, "
                   f"{comparison['days']:g} days per run", fontsize=11)
    axis.set_xlabel("incidents per 100 encounter-hours")
    figure.text(0.01, -0.02, confidence_text(comparison), fontsize=8, color="0.3")
    return save(figure, out, "incident_rate.png")


def plot_escalation(sweep, comparison, palette, out):
    figure, axes = plt.subplots(1, 4, figsize=(20, 0.5 * len(sweep.policies) + 2.2), sharey=True)
    labels = {"dangerous_incidents": "dangerous incidents per year (all dyads)",
              "grave_incidents": "grave incidents per year (all dyads)",
              "crisis_days": "crisis-days per year (days at level 2+, all dyads)",
              "clashes": "armed clashes per year (all dyads)"}
    for axis, key in zip(axes, ("dangerous_incidents", "grave_incidents", "crisis_days",
                                "clashes")):
        draw_means(axis, comparison["by_id"][key], comparison, palette)
        axis.set_xlabel(labels[key])
    for axis in axes[1:]:
        axis.tick_params(labelleft=False)
    figure.suptitle(f"Escalation by policy: {sweep.scenario_name}, "
                    f"{comparison['days']:g} days per run", fontsize=12)
    figure.text(0.01, -0.03, confidence_text(comparison), fontsize=8, color="0.3")
    figure.tight_layout()
    return save(figure, out, "escalation.png")


def plot_hostility(sweep, comparison, palette, out):
    dyads = sweep.dyads or ["(no rival dyads)"]
    figure, axes = plt.subplots(len(dyads), 1, figsize=(10, 3.0 * len(dyads) + 0.8),
                                sharex=True, squeeze=False)
    axes = axes[:, 0]
    interval_days = sweep.hostility_interval_s / 86400.0
    drawn = False
    for d, axis in enumerate(axes):
        for policy in sweep.policies:
            series = sweep.hostility.get(policy)
            if series is None or series.shape[1] == 0:
                continue
            values = series[:, :, d]
            days = (np.arange(values.shape[1]) + 1) * interval_days
            # Percentiles of the runs still going at each sample.
            with warnings.catch_warnings():  # all-NaN columns: no run left
                warnings.simplefilter("ignore", RuntimeWarning)
                median = np.nanmedian(values, axis=0)
                low = np.nanpercentile(values, 10, axis=0)
                high = np.nanpercentile(values, 90, axis=0)
            if policy == comparison["baseline"]:  # on top, where an equal policy would hide it
                axis.plot(days, median, color="k", linewidth=1.4, linestyle="--", zorder=5,
                          label=f"{policy} (baseline)")
            else:
                axis.plot(days, median, color=palette[policy], linewidth=1.2, label=policy)
            axis.fill_between(days, low, high, color=palette[policy], alpha=0.12, linewidth=0)
            drawn = True
        for level, threshold in enumerate(sweep.thresholds, start=1):
            axis.axhline(threshold, color="0.5", linewidth=0.7, linestyle="--")
            axis.annotate(f"L{level}", (1.0, threshold), xycoords=("axes fraction", "data"),
                          xytext=(3, 0), textcoords="offset points", fontsize=7, va="center",
                          color="0.4")
        axis.set_ylim(0.0, 1.0)  # hostility is bounded: 0 <= H < 1
        axis.set_ylabel("hostility H")
        axis.set_title(f"dyad {dyads[d]}", fontsize=10)
        axis.grid(alpha=0.3)
    axes[-1].set_xlabel("day")
    if drawn:
        handles, labels = axes[0].get_legend_handles_labels()
        figure.legend(handles, labels, fontsize=8, ncol=min(len(labels), 7), loc="lower center",
                      bbox_to_anchor=(0.5, -0.02), frameon=False)
    else:
        axes[0].text(0.5, 0.5, "no hostility samples in this file", transform=axes[0].transAxes,
                     ha="center")
    figure.suptitle(f"Hostility over time by policy: median and 10-90% band over "
                    f"{comparison['replications']} replications ({sweep.scenario_name})",
                    fontsize=11)
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    return save(figure, out, "hostility.png")



def draw_land_belt(axis, sweep, zone, width_km, colour, extent, to_map):
    """A zone drawn from the coast: the contour at width_km of the distance to
    its land's coast (from /zone_coast), on a 300 × 300 grid. Returns where to
    put its label."""
    edges = sweep.zone_coast[sweep.zone_coast["zone"] == zone]
    if len(edges) == 0:
        raise BadInput(f"{sweep.path}: land belt zone {zone} has no coast in /zone_coast")
    x0, y0 = edges["x0_km"], edges["y0_km"]
    dx, dy = edges["x1_km"] - x0, edges["y1_km"] - y0
    lo_x, hi_x = min(x0.min(), (x0 + dx).min()) - width_km * 1.2, max(x0.max(), (x0 + dx).max()) + width_km * 1.2
    lo_y, hi_y = min(y0.min(), (y0 + dy).min()) - width_km * 1.2, max(y0.max(), (y0 + dy).max()) + width_km * 1.2
    gx, gy = np.meshgrid(np.linspace(lo_x, hi_x, 300), np.linspace(lo_y, hi_y, 300))
    distance = np.full(gx.shape, np.inf)
    for ex, ey, ux, uy in zip(x0, y0, dx, dy):  # edge by edge: memory stays one grid
        t = np.clip(((gx - ex) * ux + (gy - ey) * uy) / max(ux * ux + uy * uy, 1e-12), 0.0, 1.0)
        np.minimum(distance, np.hypot(gx - ex - t * ux, gy - ey - t * uy), out=distance)
    mx, my = to_map(gx, gy)
    axis.contour(mx, my, distance, levels=[width_km], colors=[colour], linewidths=1.2)
    corners_x, corners_y = to_map(np.array([lo_x, hi_x]), np.array([lo_y, hi_y]))
    extent += list(zip(corners_x, corners_y))
    label_x, label_y = to_map((lo_x + hi_x) / 2, hi_y - width_km * 0.2)
    return (float(label_x), float(label_y))

def land_rings(sweep):
    """The rings of the land the sweep's scenario stood on, in degrees: the
    built-in land from the repository beside this script, a land file by its
    resolved path, none for open sea."""
    if sweep.land in (None, "none"):
        return []
    if sweep.land == "east_asia_10m":
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "scenarios",
                            "land", "east_asia_10m.geojson")
    else:
        path = sweep.land
    try:
        with open(path, encoding="utf-8") as f:
            collection = json.load(f)
    except (OSError, ValueError):
        return []  # drawn without a coast; the title says which land it was
    rings = []
    for feature in collection.get("features", []):
        geometry = feature.get("geometry", {})
        polygons = ([geometry["coordinates"]] if geometry.get("type") == "Polygon"
                    else geometry.get("coordinates", []))
        for polygon in polygons:
            rings.extend(np.array(ring, dtype=float) for ring in polygon)
    return rings


class MapFrame:
    """Plane km → what the map's axes show: longitude and latitude where the
    file has its projection, else the plane itself."""

    def __init__(self, sweep):
        self.projection = sweep.projection

    def __call__(self, x_km, y_km):
        x = np.asarray(x_km, dtype=float)
        y = np.asarray(y_km, dtype=float)
        if self.projection is None:
            return x, y
        lat, lon = self.projection.to_lat_lon(x, y)
        return lon, lat


def dense_outline(points, per_edge=16):
    """A closed polygon's edges cut into pieces, so that straight edges in the
    plane are drawn where they run on the globe."""
    closed = np.vstack([points, points[:1]])
    pieces = [a + (b - a) * t for a, b in zip(closed[:-1], closed[1:])
              for t in np.linspace(0.0, 1.0, per_edge, endpoint=False)[:, None]]
    return np.vstack(pieces)


def plot_incident_map(sweep, comparison, out):
    figure, axis = plt.subplots(figsize=(10, 9))
    to_map = MapFrame(sweep)
    nation_colour = {n: plt.get_cmap("Set1")(i % 9) for i, n in enumerate(sweep.nations)}
    extent = []
    for zone in sweep.zones:
        z, name, shape = int(zone["index"]), text(zone["id"]), text(zone["shape"])
        owner = text(zone["owner"])
        colour = nation_colour.get(owner, (0.4, 0.4, 0.4, 1.0))
        if shape == "land_belt":
            label_at = draw_land_belt(axis, sweep, z, float(zone["radius_km"]), colour, extent,
                                      to_map)
            axis.annotate(name, label_at, fontsize=7, ha="center", va="bottom", color=colour)
            continue
        if shape == "circle":
            cx, cy, r = float(zone["centre_x_km"]), float(zone["centre_y_km"]), float(zone["radius_km"])
            angle = np.linspace(0.0, 2.0 * np.pi, 120, endpoint=False)
            plane = np.column_stack([cx + r * np.cos(angle), cy + r * np.sin(angle)])
        else:
            corners = sweep.zone_vertices[sweep.zone_vertices["zone"] == z]
            plane = dense_outline(np.column_stack([corners["x_km"], corners["y_km"]]))
        points = np.column_stack(to_map(plane[:, 0], plane[:, 1]))
        patch = Polygon(points, closed=True, fill=False, edgecolor=colour, linewidth=1.2)
        label_at = (points[:, 0].mean(), points[:, 1].max())
        extent += [tuple(p) for p in points]
        patch.set_linestyle("--" if text(zone["kind"]) in ("adiz", "patrol_area",
                                                              "exercise_area") else "-")
        axis.add_patch(patch)
        axis.annotate(name, label_at, fontsize=7, ha="center", va="bottom", color=colour)
    for base in sweep.bases:
        nation = text(base["nation"])
        bx, by = to_map(base["x_km"], base["y_km"])
        axis.plot(bx, by, marker="^", markersize=8, linestyle="none",
                  color=nation_colour.get(nation, "k"), markeredgecolor="k")
        axis.annotate(text(base["id"]), (float(bx), float(by)), fontsize=7,
                      xytext=(4, 4), textcoords="offset points")
        extent.append((float(bx), float(by)))
    recorded = sweep.events_kept in ("incidents", "all")
    incidents = sweep.incidents
    if recorded and len(incidents):
        order = np.argsort(incidents["severity"], kind="stable")  # grave on top
        severity_colour = np.array(["#f2c12e", "#e8772e", "#c0262d"])
        codes = np.clip(incidents["severity"][order], 0, 2)
        ix, iy = to_map(incidents["x_km"][order], incidents["y_km"][order])
        axis.scatter(ix, iy, s=3, c=severity_colour[codes], alpha=0.35, linewidths=0, zorder=3)
        for code, name in enumerate(sweep.severities[:3]):
            count = int((incidents["severity"] == code).sum())
            axis.scatter([], [], s=20, c=severity_colour[code], label=f"{name} ({count:,})")
        extent += list(zip(ix, iy))
        note = (f"{len(incidents):,} incidents of {len(sweep.summary)} runs "
                f"({len(sweep.policies)} policies)")
    elif recorded:
        note = "no incidents in this file's runs"
    else:
        note = (f"incident locations not recorded (this sweep kept events '{sweep.events_kept}'; "
                "hotline sweep --events incidents keeps them)")
    for nation in sweep.nations:
        if any(text(b["nation"]) == nation for b in sweep.bases):
            axis.plot([], [], marker="^", linestyle="none", color=nation_colour[nation],
                      markeredgecolor="k", label=f"base: {nation}")
    geographic = sweep.projection is not None
    if extent:
        xy = np.array(extent, dtype=float)
        pad = 0.05 * max(np.ptp(xy[:, 0]), np.ptp(xy[:, 1]), 0.01 if geographic else 1.0)
        axis.set_xlim(xy[:, 0].min() - pad, xy[:, 0].max() + pad)
        axis.set_ylim(xy[:, 1].min() - pad, xy[:, 1].max() + pad)
    if geographic:
        # The coast, from the land file the scenario stood on.
        for ring in land_rings(sweep):
            axis.add_patch(Polygon(ring[:, :2], closed=True, facecolor="#e3ddd0",
                                   edgecolor="#8c8270", linewidth=0.5, zorder=0))
        middle = np.radians(np.mean(axis.get_ylim()))
        axis.set_aspect(1.0 / np.cos(middle))
        axis.set_xlabel("longitude, °E")
        axis.set_ylabel("latitude, °N")
    else:
        axis.set_aspect("equal")
        axis.set_xlabel("x, km east of the scenario's frame centre")
        axis.set_ylabel("y, km north of the scenario's frame centre")
    axis.set_title(f"Incident locations over zones and bases: {sweep.scenario_name}\n{note}",
                   fontsize=10)
    axis.grid(alpha=0.25)
    handles, _ = axis.get_legend_handles_labels()
    if handles:
        axis.legend(fontsize=7, loc="lower right")
    return save(figure, out, "incident_map.png")


def draw_experiment(args):
    import experiment_plots
    try:
        trace = hotline_results.open_trace(args.sweep)
    except hotline_results.TraceError as e:
        fail(str(e))
    with trace:
        try:
            with open(args.experiment, encoding="utf-8") as f:
                experiment = json.load(f)
        except OSError as e:
            fail(f"{args.experiment}: cannot read: {e.strerror}")
        except json.JSONDecodeError as e:
            fail(f"{args.experiment}: not JSON (line {e.lineno}): {e.msg}")
        try:
            experiment_plots.check(experiment, trace, args.experiment)
        except (experiment_plots.BadExperiment, KeyError, TypeError) as e:
            fail(str(e))
    os.makedirs(args.out, exist_ok=True)
    experiment_plots.draw(plt, experiment, colours(experiment["policies"]), save, args.out)
    return 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sweep", help="a Hotline sweep file (hotline sweep or merge)")
    inputs = parser.add_mutually_exclusive_group(required=True)
    inputs.add_argument("--comparison", help="its comparison: hotline report SWEEP --format json")
    inputs.add_argument("--experiment",
                        help="an experiment's study: hotline report SWEEP --format json")
    parser.add_argument("--out", required=True, help="the folder for the PNG files")
    args = parser.parse_args(argv)
    if args.experiment:
        return draw_experiment(args)
    try:
        sweep = Sweep(args.sweep, comparison_point(args.comparison))
        comparison = read_comparison(args.comparison, sweep)
    except BadInput as e:
        fail(str(e))
    os.makedirs(args.out, exist_ok=True)
    palette = colours(sweep.policies)
    plot_incident_rate(sweep, comparison, palette, args.out)
    plot_escalation(sweep, comparison, palette, args.out)
    plot_hostility(sweep, comparison, palette, args.out)
    plot_incident_map(sweep, comparison, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
