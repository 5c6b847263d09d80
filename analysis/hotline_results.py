"""Hotline run and sweep files as tidy pandas DataFrames.

Opens a trace file written by `hotline run -o`, `hotline sweep` or `hotline
merge` (docs/trace-format.md), checks that it is one, and returns its tables
with the codes decoded: policies, nations, dyads, zones, event types,
severities and platform states by name, positions with latitude and
longitude beside the plane km, times in days as well as seconds. One row per
observation, one column per variable, so that groupby and plotting need no
decoding of their own.

    import hotline_results as hr
    trace = hr.open_trace("sweep.h5")
    runs = trace.summary()                    # one row per (point, policy, replication)
    print(runs.groupby("policy")[["incidents_grave", "crisis_days"]].mean())
    study = trace.results()                   # an experiment: each run with its factors' values
    print(study.groupby(["answer_probability", "policy"])["crisis_days"].mean())
    per_dyad = trace.dyad_summary()           # one row per run and rival dyad
    incidents = trace.events(types=["incident"])   # with lat, lon, severity names
    series = trace.hostility()                # one row per run, sample and dyad

Needs Debian's python3-h5py, python3-numpy and python3-pandas (`make deps`).
A file this module cannot read raises TraceError naming the file and why.
"""

import os
import re

import h5py
import numpy as np
import pandas as pd

import hotline_geo

FORMAT_VERSION = 3

__all__ = ["TraceError", "Trace", "open_trace", "FORMAT_VERSION"]


class TraceError(Exception):
    """A file that is not a readable Hotline trace; the message names it."""


def _text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def _names(f, table, column):
    return [_text(x) for x in f[table][column]]


def _decoded(frame):
    """Fixed-size UTF-8 text columns as str."""
    for column in frame.columns:
        if frame[column].dtype == object and len(frame) and isinstance(frame[column].iloc[0], bytes):
            frame[column] = frame[column].str.decode("utf-8")
    return frame


def _category(codes, names):
    """Codes as a categorical of their names, in code order."""
    return pd.Categorical.from_codes(np.asarray(codes, dtype=np.int64), categories=names)


class Trace:
    """An open trace file: its name tables at once, its tables on demand."""

    REQUIRED = ("summary", "policies", "nations", "dyads", "zones", "events", "event_types",
                "severities", "platform_states", "agents", "dyad_summary", "zone_presence")

    def __init__(self, path):
        self.path = os.fspath(path)
        if not os.path.exists(self.path):
            raise TraceError(f"{self.path}: no such file")
        try:
            self._file = h5py.File(self.path, "r")
        except OSError:
            raise TraceError(f"{self.path}: not an HDF5 file (a Hotline trace is written by "
                             "hotline run -o, hotline sweep or hotline merge)") from None
        try:
            self._check()
            self._read_names()
        except TraceError:
            self._file.close()
            raise
        except (KeyError, ValueError, TypeError) as e:
            self._file.close()
            raise TraceError(f"{self.path}: not a readable Hotline trace: {e}") from None

    # --- opening -------------------------------------------------------------

    def _check(self):
        f = self._file
        if _text(f.attrs.get("format", b"")) != "hotline":
            raise TraceError(f"{self.path}: an HDF5 file, but not a Hotline trace (no root "
                             "attribute format = \"hotline\")")
        version = int(f.attrs.get("format_version", -1))
        if version != FORMAT_VERSION:
            raise TraceError(f"{self.path}: trace format version {version}; this script reads "
                             f"version {FORMAT_VERSION}")
        missing = [name for name in self.REQUIRED if name not in f]
        if missing:
            raise TraceError(f"{self.path}: not a whole Hotline trace: no /{', /'.join(missing)}")

    def _read_names(self):
        f = self._file
        self.attrs = {key: _text(value) if isinstance(value, bytes) else value
                      for key, value in f.attrs.items()}
        self.kind = self.attrs["kind"]
        self.dt_s = float(self.attrs["dt_s"])
        self.hostility_interval_s = float(self.attrs["hostility_interval_s"])
        scenario = f["scenario"].attrs
        self.scenario_name = _text(scenario["name"])
        self.resolved_yaml = _text(scenario["resolved_yaml"])
        self.policies = _names(f, "policies", "id")
        self.nations = _names(f, "nations", "id")
        self.dyads = _names(f, "dyads", "name")
        self.zone_ids = _names(f, "zones", "id")
        self.event_types = _names(f, "event_types", "name")
        self.severities = _names(f, "severities", "name")
        self.platform_states = _names(f, "platform_states", "name")
        self.projection = hotline_geo.Projection.from_file(f) if "projection" in f else None
        self.factors = _names(f, "design/factors", "name") if "design" in f else []
        self.scenario_hash = _text(scenario["hash"])

    def close(self):
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- helpers -------------------------------------------------------------

    def raw(self, name):
        """A dataset as the file holds it (a numpy structured array)."""
        return self._file[name][:]

    def _frame(self, name):
        return _decoded(pd.DataFrame(self._file[name][:]))

    def _with_lat_lon(self, frame, x="x_km", y="y_km", prefix=""):
        if self.projection is not None and len(frame):
            xs, ys = frame[x].to_numpy(), frame[y].to_numpy()
            lat, lon = self.projection.to_lat_lon(xs, ys)
            missing = np.isnan(xs) | np.isnan(ys)  # a polygon zone has no centre
            frame[prefix + "lat"] = np.where(missing, np.nan, lat)
            frame[prefix + "lon"] = np.where(missing, np.nan, lon)
        else:
            frame[prefix + "lat"] = np.nan
            frame[prefix + "lon"] = np.nan
        return frame

    def _run_names(self, frame):
        frame["policy"] = _category(frame["policy"], self.policies)
        return frame

    # --- tables --------------------------------------------------------------

    def summary(self):
        """One row per run: every /summary column, `policy` by name, `point` the
        design point (0 in a file without a design)."""
        return self._run_names(self._frame("summary"))

    def design(self):
        """An experiment's design points, one row each (index = point): every factor's
        value in the unit the experiment wrote it in, and in SI as `<factor>_si`. A
        file without a design has one point and no factors."""
        if "design" not in self._file:
            return pd.DataFrame(index=pd.RangeIndex(1, name="point"))
        frame = self._frame("design/points").drop(columns=["index"])
        return frame.set_index("point")

    def design_factors(self):
        """The factors: name, the scenario paths each sets, unit, SI unit, SI per unit,
        and whether its values are whole numbers."""
        if "design" not in self._file:
            return pd.DataFrame(columns=["name", "paths", "unit", "si_unit", "si_per_unit",
                                         "whole"])
        frame = self._frame("design/factors").drop(columns=["index"])
        frame["paths"] = frame["paths"].str.split("; ")
        frame["whole"] = frame["whole"].astype(bool)
        return frame

    def results(self):
        """The tidy table of an experiment: one row per run, its design point's factor
        values (in the experiment's units) beside every /summary column, `policy` by
        name. For a file without a design, the summary alone."""
        runs = self.summary()
        design = self.design()
        if design.empty and not len(design.columns):
            return runs
        values = design[self.factors].reset_index()
        merged = runs.merge(values, on="point", how="left", validate="many_to_one")
        order = ["point"] + self.factors + [c for c in runs.columns if c != "point"]
        return merged[order]

    def dyad_summary(self):
        """One row per run and rival dyad: `dyad` by name, with `nation_a`, `nation_b`."""
        frame = self._run_names(self._frame("dyad_summary"))
        table = self._frame("dyads")
        frame.insert(3, "nation_a", table["nation_a"].to_numpy()[frame["dyad"]])
        frame.insert(4, "nation_b", table["nation_b"].to_numpy()[frame["dyad"]])
        frame["dyad"] = _category(frame["dyad"], self.dyads)
        return frame

    def zone_presence(self):
        """One row per run, zone and nation: `zone` and `nation` by id."""
        frame = self._run_names(self._frame("zone_presence"))
        frame["zone"] = _category(frame["zone"], self.zone_ids)
        frame["nation"] = _category(frame["nation"], self.nations)
        return frame

    def zones(self):
        """The zones with their plane geometry and, for circles, the centre's lat, lon."""
        frame = self._frame("zones")
        return self._with_lat_lon(frame, "centre_x_km", "centre_y_km", "centre_")

    def agents(self):
        """One row per platform (index = agent id): nation, class, kind, role, force, name."""
        return self._frame("agents").set_index("index")

    def events(self, types=None):
        """The kept events (the file's `events` attribute says which), one row each:
        `type`, `severity`, `nation_a`, `nation_b` by name, `day`, and `lat`, `lon`.
        `types`: names to keep (e.g. ["incident"]), all if None."""
        frame = self._run_names(self._frame("events"))
        if types is not None:
            unknown = [t for t in types if t not in self.event_types]
            if unknown:
                raise ValueError(f"unknown event types {unknown}; the file has "
                                 f"{self.event_types}")
            codes = [self.event_types.index(t) for t in types]
            frame = frame[frame["type"].isin(codes)].reset_index(drop=True)
        frame["type"] = _category(frame["type"], self.event_types)
        frame["severity"] = _category(frame["severity"], self.severities)
        frame["nation_a"] = _category(frame["nation_a"], self.nations)
        frame["nation_b"] = _category(frame["nation_b"], self.nations)
        frame["day"] = frame["time_s"] / 86400.0
        return self._with_lat_lon(frame)

    def hostility(self):
        """Each run's hostility samples, long: one row per (run, sample, dyad) with
        `time_s` (the end of the sample's step), `day`, `dyad` by name, `hostility`."""
        columns = ["point", "policy", "replication", "sample", "time_s", "day", "dyad",
                   "hostility"]
        if "hostility" not in self._file or not self.dyads:
            return pd.DataFrame(columns=columns)
        matrix = self._file["hostility"][:]
        summary = self._file["summary"][:]
        every_s = self.hostility_interval_s
        parts = []
        for run in summary:
            begin, count = int(run["hostility_begin"]), int(run["hostility_count"])
            block = matrix[begin:begin + count]
            samples = np.repeat(np.arange(count), len(self.dyads))
            parts.append(pd.DataFrame({
                "point": int(run["point"]),
                "policy": int(run["policy"]),
                "replication": int(run["replication"]),
                "sample": samples,
                "time_s": (samples + 1) * every_s,
                "dyad": np.tile(np.arange(len(self.dyads)), count),
                "hostility": block.reshape(-1),
            }))
        frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
        frame["day"] = frame["time_s"] / 86400.0
        frame = self._run_names(frame)
        frame["dyad"] = _category(frame["dyad"], self.dyads)
        return frame[columns]

    def states(self, policy=None, replication=None):
        """A run file's sampled platform states, long: one row per (sample, agent) with
        `step`, `time_s`, `day`, `agent`, its `name`, `nation`, `role`, plane and lat/lon
        position, heading, speed and `status` by name. A run file holds one run; give
        `policy` (name) and `replication` to choose among several."""
        groups = sorted(self._file["states"]) if "states" in self._file else []
        if not groups:
            raise TraceError(f"{self.path}: no sampled states (hotline run -o FILE "
                             "--sample-every K writes them)")
        if policy is not None or replication is not None:
            p = self.policies.index(policy) if policy is not None else 0
            name = f"p{p}_r{replication if replication is not None else 0}"
            if name not in groups:
                raise TraceError(f"{self.path}: no states of policy {policy}, replication "
                                 f"{replication} (the file has {', '.join(groups)})")
        else:
            name = groups[0]
        group = self._file["states"][name]
        samples = group["samples"][:]
        agents = self.agents()
        n = len(agents)
        frame = pd.DataFrame({
            "step": np.repeat(samples["step"], n),
            "time_s": np.repeat(samples["time_s"], n),
            "agent": np.tile(np.arange(n), len(samples)),
        })
        for column in ("x_km", "y_km", "heading_rad", "speed_km_s"):
            frame[column] = group[column][:].reshape(-1).astype(np.float64)
        frame["status"] = _category(group["status"][:].reshape(-1), self.platform_states)
        frame["day"] = frame["time_s"] / 86400.0
        for column in ("name", "nation", "role"):
            frame[column] = agents[column].to_numpy()[frame["agent"]]
        return self._with_lat_lon(frame)


def open_trace(path):
    """Opens a Hotline run or sweep file; raises TraceError if it is not one."""
    return Trace(path)
