#!/usr/bin/env python3
"""The replay page in a real browser: Debian's Chromium, headless, driven
through ChromeDriver by Debian's python3-selenium.

  replay_page.py check HOTLINE SOURCE_DIR WORK_DIR [--record FILE]
      writes a 3-day run of scenarios/tutorial_tense.yaml sampled every 10
      steps, its page (hotline replay), opens the page from disk and checks:
      it loads with no console error; the map is not blank; at a given time
      the page shows the platforms the trace has then, where it has them;
      the slider moves the map and the timeline together; a click on an
      incident gives its details, with how each side saw it; a nation's
      filter hides its platforms; and it records the frame rate of playing
      (printed, and written to FILE as JSON with --record).

  replay_page.py measure PAGE [--seconds S] [--speed SIM_S_PER_S] [--record FILE]
      opens any replay page and records its load time and frame rate while
      it plays (bench/replay-page.sh: east_china_sea_2023, 30 days).

  replay_page.py screenshot PAGE OUT.png [--at FRACTION] [--zoom Z] [--details]
      opens a replay page, sets it to FRACTION of the run (zoomed Z times
      about the map's centre; with --details, the newest incident on the
      map clicked) and saves the whole window as a PNG
      (scripts/replay-screenshot.sh: the image in docs/replay.md).

The page exposes a small test hook, window.hotlineReplay (docs/replay.md);
every check reads the trace itself with h5py to know what to expect.
Exit status 1 with a line per failure.
"""
import argparse
import io
import json
import os
import subprocess
import sys
import time

import h5py
import numpy as np
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
AT_BASE = {"reserve", "ready", "turnaround"}
# The page's nation colours, in nation order (replay.js, NATION_COLOURS).
NATION_COLOURS = ["#c0392b", "#1f5fa8", "#2e8b57", "#8e44ad", "#d35400", "#16a085"]

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def open_browser():
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            sys.exit(f"replay_page: {path} is missing: install Debian's chromium and "
                     "chromium-driver (scripts/install-deps.sh)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1400,900", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def load(driver, page):
    """Opens the page from disk; the seconds until its hook says ready."""
    started = time.monotonic()
    driver.get("file://" + os.path.abspath(page))
    while time.monotonic() - started < 60:
        if driver.execute_script("return !!(window.hotlineReplay && window.hotlineReplay.ready)"):
            return time.monotonic() - started
        time.sleep(0.05)
    sys.exit(f"replay_page: {page} did not get ready in 60 s: "
             f"{driver.get_log('browser')}")


def play_and_measure(driver, seconds, speed):
    driver.execute_script(f"hotlineReplay.setTime(0); hotlineReplay.setSpeed({speed}); "
                          "hotlineReplay.play()")
    time.sleep(seconds)
    return driver.execute_script("hotlineReplay.pause(); return hotlineReplay.frameStats()")


def screenshot(driver, element_id):
    png = driver.find_element(By.ID, element_id).screenshot_as_png
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


# ---- the checks -----------------------------------------------------------


def check_loads_cleanly(driver):
    errors = console_errors(driver) + driver.execute_script("return hotlineReplay.errors")
    expect(not errors, f"console errors while loading: {errors}")


def check_map_not_blank(driver):
    pixels = screenshot(driver, "map")
    colours = len(np.unique(pixels.reshape(-1, 3), axis=0))
    sea = np.array([0xdf, 0xea, 0xf2])
    drawn = float(np.mean(np.any(pixels != sea, axis=2)))
    print(f"map: {colours} colours, {drawn:.1%} of pixels not sea")
    expect(colours >= 20, f"the map has only {colours} colours")
    expect(drawn >= 0.05, f"only {drawn:.1%} of the map is drawn on")


def trace_at(trace, sample):
    """The platforms the trace has out of base at a sample: id → (x, y)."""
    states = trace["states/p0_r0"]
    names = [n.decode() if isinstance(n, bytes) else n for n in trace["platform_states"]["name"]]
    status = states["status"][sample]
    x, y = states["x_km"][sample], states["y_km"][sample]
    return {j: (float(x[j]), float(y[j])) for j in range(len(status))
            if names[status[j]] not in AT_BASE}


def check_platforms_at_a_time(driver, trace):
    times = trace["states/p0_r0/samples"]["time_s"]
    sample = len(times) // 2
    driver.execute_script(f"hotlineReplay.setTime({float(times[sample])})")
    shown = driver.execute_script(f"return hotlineReplay.platformsAt({float(times[sample])})")
    expected = trace_at(trace, sample)
    quantum = driver.execute_script("return hotlineReplay.quantum_km")
    expect({p["id"] for p in shown} == set(expected),
           f"sample {sample}: the page shows platforms {sorted(p['id'] for p in shown)}, "
           f"the trace has {sorted(expected)}")
    worst = max((abs(p["x_km"] - expected[p["id"]][0]) + abs(p["y_km"] - expected[p["id"]][1])
                 for p in shown if p["id"] in expected), default=0.0)
    expect(worst <= quantum + 1e-6, f"a platform is {worst:.3f} km from the trace's place "
           f"(quantum {quantum} km)")
    expect(driver.execute_script("return hotlineReplay.drawnPlatformCount()") == len(expected),
           "the map did not draw every platform the trace has")
    check_symbols_drawn(driver, shown)
    print(f"sample {sample} (t = {float(times[sample]):.0f} s): {len(shown)} platforms, "
          f"largest error {worst:.4f} km")


def check_symbols_drawn(driver, shown):
    """Each platform's nation colour is on the map at its place (within 2 px)."""
    pixels = screenshot(driver, "map")
    nations = driver.execute_script("return hotlineReplay.agentNations()")
    found = 0
    for p in shown:
        px, py = driver.execute_script(f"return hotlineReplay.screenOf({p['x_km']}, {p['y_km']})")
        colour = NATION_COLOURS[nations[p["id"]] % len(NATION_COLOURS)]
        rgb = np.array([int(colour[k:k + 2], 16) for k in (1, 3, 5)])
        row, col = int(round(py)), int(round(px))
        patch = pixels[max(0, row - 2):row + 3, max(0, col - 2):col + 3].reshape(-1, 3)
        found += bool(np.any(np.all(np.abs(patch.astype(int) - rgb) <= 8, axis=1)))
    share = found / max(1, len(shown))
    print(f"symbols: {found} of {len(shown)} platforms have their nation's colour at their place")
    expect(share >= 0.9, f"only {share:.0%} of the platforms are drawn at their place")


def check_slider_moves_both(driver):
    duration = driver.execute_script("return hotlineReplay.duration_s")
    driver.execute_script("hotlineReplay.setTime(0)")
    cursor_before = driver.execute_script("return hotlineReplay.timelineCursorX()")
    map_before = screenshot(driver, "map")
    slider = driver.find_element(By.ID, "slider")
    width = slider.size["width"]
    # Selenium's offsets are from the element's centre: a quarter of the
    # width right of it is three quarters along.
    ActionChains(driver).move_to_element_with_offset(slider, int(width * 0.25), 0).click().perform()
    t = driver.execute_script("return hotlineReplay.time()")
    cursor_after = driver.execute_script("return hotlineReplay.timelineCursorX()")
    cursor_left = driver.find_element(By.ID, "cursor").rect["x"]
    timeline = driver.find_element(By.ID, "timeline").rect
    expect(abs(t / duration - 0.75) < 0.03, f"the slider at 3/4 set the time to {t / duration:.3f}"
           " of the run")
    expect(abs((cursor_left + 1) - (timeline["x"] + cursor_after)) < 2,
           f"the timeline's cursor is at {cursor_left + 1:.1f} px, the page says {cursor_after:.1f}")
    expect(cursor_after - cursor_before > 0.6 * timeline["width"],
           f"the timeline's cursor moved {cursor_after - cursor_before:.0f} px of "
           f"{timeline['width']}")
    changed = float(np.mean(np.any(screenshot(driver, "map") != map_before, axis=2)))
    expect(changed > 0.001, "the map did not change when the slider moved")
    print(f"slider: time {t:.0f} s of {duration:.0f}, cursor {cursor_before:.0f} → "
          f"{cursor_after:.0f} px, {changed:.2%} of the map changed")


def first_incident(trace):
    events = trace["events"][:]
    names = [n.decode() if isinstance(n, bytes) else n for n in trace["event_types"]["name"]]
    for k, e in enumerate(events):
        if names[e["type"]] == "incident":
            return k, float(e["time_s"])
    return None, None


def check_incident_details(driver, trace):
    k, t = first_incident(trace)
    if not expect(k is not None, "the test run has no incident to click"):
        return
    driver.execute_script(f"hotlineReplay.setTime({t + 60})")
    drawn = driver.execute_script("return hotlineReplay.drawnEvents()")
    target = next((d for d in drawn if d["index"] == k), None)
    if not expect(target is not None, f"incident {k} is not on the map at its time"):
        return
    expect(target["type"] == "incident", f"event {k} is drawn as a {target['type']}")
    click_event(driver, target)
    details = driver.execute_script("return hotlineReplay.details()") or ""
    for word in ("incident", "Severity", "Conduct", "How each side saw it", "Platforms"):
        expect(word in details, f"the incident's details lack '{word}': {details!r}")
    print("incident details:", " ".join(details.split())[:200])


def check_nation_filter(driver):
    box = driver.find_elements(By.CSS_SELECTOR, "#filter-nations input")[0]
    t = driver.execute_script("return hotlineReplay.time()")
    nations = driver.execute_script("return hotlineReplay.agentNations()")
    before = driver.execute_script(f"return hotlineReplay.platformsAt({t})")
    box.click()
    after = driver.execute_script(f"return hotlineReplay.platformsAt({t})")
    box.click()
    expect(all(nations[p["id"]] != 0 for p in after),
           "the first nation's platforms are still shown with its filter off")
    expect(len(after) < len(before) or all(nations[p["id"]] != 0 for p in before),
           "turning the first nation off hid nothing")


def make_page(hotline, source_dir, work_dir):
    os.makedirs(work_dir, exist_ok=True)
    trace = os.path.join(work_dir, "run.h5")
    page = os.path.join(work_dir, "replay.html")
    subprocess.run([hotline, "run", os.path.join(source_dir, "scenarios/tutorial_tense.yaml"),
                    "--days", "3", "--sample-every", "10", "--force", "-o", trace],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([hotline, "replay", trace, "-o", page, "--force"], check=True)
    return trace, page


def record(path, stats):
    print("frame rate:", json.dumps(stats))
    if path:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=2)


def check(arguments):
    trace_path, page = make_page(arguments.hotline, arguments.source_dir, arguments.work_dir)
    driver = open_browser()
    try:
        load_s = load(driver, page)
        with h5py.File(trace_path, "r") as trace:
            check_loads_cleanly(driver)
            check_map_not_blank(driver)
            check_platforms_at_a_time(driver, trace)
            check_slider_moves_both(driver)
            check_incident_details(driver, trace)
            check_nation_filter(driver)
        stats = play_and_measure(driver, 3, 3600)
        stats.update(page=page, load_s=load_s, page_bytes=os.path.getsize(page))
        record(arguments.record, stats)
        expect(stats["fps"] >= 10, f"the page played at {stats['fps']:.1f} frames per second")
        check_loads_cleanly(driver)
    finally:
        driver.quit()


def measure(arguments):
    driver = open_browser()
    try:
        load_s = load(driver, arguments.page)
        driver.execute_script("hotlineReplay.setTime(0)")
        runs = [play_and_measure(driver, arguments.seconds, arguments.speed)
                for _ in range(arguments.repeats)]
        stats = {"page": arguments.page, "page_bytes": os.path.getsize(arguments.page),
                 "load_s": load_s, "speed_sim_s_per_s": arguments.speed, "runs": runs,
                 "fps_median": float(np.median([r["fps"] for r in runs]))}
        record(arguments.record, stats)
        expect(not console_errors(driver), "console errors while playing")
    finally:
        driver.quit()


def click_event(driver, drawn):
    canvas = driver.find_element(By.ID, "map")
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(drawn["px"] - canvas.size["width"] / 2),
        int(drawn["py"] - canvas.size["height"] / 2)).click().perform()


def click_newest_incident(driver):
    drawn = [d for d in driver.execute_script("return hotlineReplay.drawnEvents()")
             if d["type"] == "incident"]
    if expect(drawn, "no incident on the map to click"):
        click_event(driver, max(drawn, key=lambda d: d["index"]))


def take_screenshot(arguments):
    driver = open_browser()
    try:
        load(driver, arguments.page)
        driver.execute_script(
            "hotlineReplay.setTime(arguments[0] * hotlineReplay.duration_s);"
            "if (arguments[1] !== 1) hotlineReplay.zoomBy(arguments[1]);",
            arguments.at, arguments.zoom)
        time.sleep(0.5)
        if arguments.details:
            click_newest_incident(driver)
        driver.save_screenshot(arguments.out)
        expect(not console_errors(driver), "console errors while drawing")
        print(f"wrote {arguments.out}")
    finally:
        driver.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    c = commands.add_parser("check")
    c.add_argument("hotline")
    c.add_argument("source_dir")
    c.add_argument("work_dir")
    c.add_argument("--record")
    m = commands.add_parser("measure")
    m.add_argument("page")
    m.add_argument("--seconds", type=float, default=5)
    m.add_argument("--speed", type=float, default=6 * 3600)
    m.add_argument("--repeats", type=int, default=3)
    m.add_argument("--record")
    s = commands.add_parser("screenshot")
    s.add_argument("page")
    s.add_argument("out")
    s.add_argument("--at", type=float, default=0.5)
    s.add_argument("--zoom", type=float, default=1.0)
    s.add_argument("--details", action="store_true")
    arguments = parser.parse_args()
    {"check": check, "measure": measure, "screenshot": take_screenshot}[arguments.command](arguments)
    if failures:
        print(f"replay_page: {len(failures)} check(s) failed")
        sys.exit(1)
    print("replay_page: every check holds")


if __name__ == "__main__":
    main()
