"""The pictures of an experiment's study, drawn from `hotline report
--format json` of an experiment's sweep file (plots.py calls this with
--experiment).

For each headline measure it writes:

  response_<measure>.png    the response against each factor, one panel per
                            factor, one line per policy: the mean over the
                            level's points and replications with its
                            interval (a sampled factor: each point's mean)
  difference_<measure>.png  each policy minus the baseline against each
                            factor, with the zero line: where the interval
                            leaves zero the policy makes a difference
                            (only with two or more policies)
  tornado_<measure>.png     the factors ranked by their standardized
                            regression coefficient (SRC) with its
                            interval, on the difference against the
                            baseline (on the response with one policy)

Every number drawn is the report's own: nothing is recomputed here.
"""

import math

import numpy as np


class BadExperiment(Exception):
    """An experiment JSON that does not fit its sweep file."""


def number(x):
    return float("nan") if x is None else float(x)


def check(experiment, trace, path):
    """The JSON is of this file: the same scenario, policies and design."""
    design = trace.design()
    if (experiment.get("kind") != "experiment"
            or experiment.get("scenario_hash") != trace.scenario_hash
            or experiment.get("policies") != trace.policies
            or experiment["design"]["points"] != len(design)
            or [f["name"] for f in experiment["design"]["factors"]] != trace.factors):
        raise BadExperiment(f"{path}: an experiment report of another file than {trace.path}")


def axes_grid(plt, count, height=3.0):
    columns = min(count, 3)
    rows = math.ceil(count / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(max(4.2 * columns, 6.5), height * rows),
                                squeeze=False, constrained_layout=True)
    for extra in axes.flat[count:]:
        extra.set_visible(False)
    return figure, list(axes.flat[:count])


def factor_label(factor):
    return f"{factor['name']} ({factor['unit']})" if factor["unit"] else factor["name"]


def level_series(measure, factor_index, policy, key):
    rows = [r for r in measure["levels"] if r["factor"] == factor_index and r["policy"] == policy]
    x = np.array([number(r["level"]) for r in rows])
    values = [r[key] for r in rows]
    mean = np.array([number(v["mean"]) for v in values])
    low = np.array([number(v["low"]) for v in values])
    high = np.array([number(v["high"]) for v in values])
    return x, mean, low, high


def point_series(experiment, measure, factor_index, policy, key):
    values = experiment["design"]["values"]
    rows = [r for r in measure["points"] if r["policy"] == policy]
    x = np.array([number(values[r["point"]][factor_index]) for r in rows])
    mean = np.array([number(r[key]["mean"]) for r in rows])
    return x, mean


def draw_series(axis, x, mean, low, high, colour, label):
    order = np.argsort(x)
    x, mean, low, high = x[order], mean[order], low[order], high[order]
    error = np.vstack([mean - low, high - mean])
    error = np.where(np.isnan(error), 0.0, error)
    axis.errorbar(x, mean, yerr=error, fmt="o-", color=colour, capsize=3, markersize=4,
                  label=label)


def draw_factor_panel(axis, experiment, measure, f, policies, palette, key):
    factor = experiment["design"]["factors"][f]
    for policy in policies:
        if factor["levels"]:
            x, mean, low, high = level_series(measure, f, policy, key)
            draw_series(axis, x, mean, low, high, palette[policy], policy)
        else:
            x, mean = point_series(experiment, measure, f, policy, key)
            axis.scatter(x, mean, s=10, color=palette[policy], label=policy)
    if key == "difference":
        axis.axhline(0.0, color="0.4", linewidth=0.8)
    axis.set_xlabel(factor_label(factor))
    axis.grid(alpha=0.3)


def plot_curves(plt, experiment, measure, palette, save, out, key):
    factors = experiment["design"]["factors"]
    baseline = experiment["baseline"]
    policies = experiment["policies"]
    if key == "difference":
        policies = [p for p in policies if p != baseline]
    figure, axes = axes_grid(plt, len(factors))
    for f, axis in enumerate(axes):
        draw_factor_panel(axis, experiment, measure, f, policies, palette, key)
    axes[0].set_ylabel(measure["unit"] if key == "value" else f"minus {baseline}, {measure['unit']}")
    axes[0].legend(fontsize=7)
    level = round(experiment["confidence"] * 100)
    what = "response" if key == "value" else f"difference against {baseline}"
    figure.suptitle(f"{measure['title']}: {what}\n(mean and {level}% interval over "
                    f"{experiment['replications']} replications)", fontsize=10)
    name = ("response_" if key == "value" else "difference_") + measure["id"] + ".png"
    return save(figure, out, name)


def plot_tornado(plt, experiment, measure, palette, save, out):
    factors = experiment["design"]["factors"]
    baseline = experiment["baseline"]
    on = "difference" if len(experiment["policies"]) > 1 else "response"
    effects = [e for e in measure["effects"] if e["on"] == on]
    figure, axes = axes_grid(plt, len(effects), height=0.45 * len(factors) + 1.6)
    for axis, effect in zip(axes, effects):
        rows = sorted(effect["factors"], key=lambda r: -abs(number(r["src"]))
                      if not math.isnan(number(r["src"])) else 0.0)
        y = np.arange(len(rows))[::-1]
        src = np.array([number(r["src"]) for r in rows])
        low = np.array([number(r["src_low"]) for r in rows])
        high = np.array([number(r["src_high"]) for r in rows])
        error = np.where(np.isnan(np.vstack([src - low, high - src])), 0.0,
                         np.vstack([src - low, high - src]))
        axis.barh(y, np.nan_to_num(src), xerr=error, color=palette[effect["policy"]],
                  alpha=0.8, capsize=3)
        axis.set_yticks(y)
        axis.set_yticklabels([factors[r["factor"]]["name"] for r in rows])
        axis.axvline(0.0, color="0.3", linewidth=0.8)
        axis.set_xlabel("standardized regression coefficient")
        title = effect["policy"] if on == "response" else f"{effect['policy']} − {baseline}"
        r_squared = number(effect["r_squared"])
        fit = "-" if math.isnan(r_squared) else f"{r_squared:.2f}"
        axis.set_title(f"{title} (R² {fit})", fontsize=9)
        axis.grid(axis="x", alpha=0.3)
    figure.suptitle(f"{measure['title']}: factors by effect", fontsize=10)
    return save(figure, out, "tornado_" + measure["id"] + ".png")


def draw(plt, experiment, palette, save, out):
    """Every picture of the headline measures; the paths written."""
    written = []
    for measure in experiment["measures"]:
        if not measure["headline"]:
            continue
        written.append(plot_curves(plt, experiment, measure, palette, save, out, "value"))
        if len(experiment["policies"]) > 1:
            written.append(plot_curves(plt, experiment, measure, palette, save, out,
                                       "difference"))
        written.append(plot_tornado(plt, experiment, measure, palette, save, out))
    return written
