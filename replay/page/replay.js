// The replay page's script (hotline replay; docs/replay.md). It decodes the
// run's packed states, then draws each frame from one time t: the map (a
// cached base layer of land, zones and graticule, then tracks, platforms
// and events) and the timeline (a cached layer of each dyad's level and
// hostility, then the cursor). Everything is in the trace's plane km; the
// view maps km to pixels (x east, y north). No library: canvas 2D only.
(function () {
  'use strict';

  const DATA = JSON.parse(document.getElementById('hotline-data').textContent);
  const AT_BASE = new Set(['reserve', 'ready', 'turnaround']);
  const NATION_COLOURS = ['#c0392b', '#1f5fa8', '#2e8b57', '#8e44ad', '#d35400', '#16a085',
    '#7f8c8d', '#b7950b', '#34495e', '#e84393'];
  const SEVERITY_COLOURS = { unsafe: '#e6b800', dangerous: '#e67e22', grave: '#d0021b' };
  const LEVEL_COLOURS = ['#ffffff', '#fdf3c4', '#fbd2a0', '#f5a3a3', '#8b1a1a'];
  // Events drawn on the map (they have a place); the command layer's go on
  // the timeline.
  const PLACED = new Set(['encounter_begin', 'encounter_end', 'incident', 'intrusion', 'scramble',
    'dispatch', 'intercept', 'airspace_violation']);
  const SHOWN_AT_FIRST = new Set(['incident', 'intrusion', 'intercept', 'airspace_violation']);
  const CONDUCT = ['routine', 'signalling', 'harassment'];
  const JUDGEMENT = ['an accident', 'deliberate', 'an accident (a hotline call explained it)'];
  const SPEEDS = [[60, '1 min/s'], [600, '10 min/s'], [3600, '1 h/s'], [6 * 3600, '6 h/s'],
    [86400, '1 day/s'], [3 * 86400, '3 days/s'], [7 * 86400, '1 week/s']];
  const TRACKS = [[0, 'none'], [3, '3 samples'], [6, '6 samples'], [18, '18 samples'],
    [72, '72 samples']];
  const WINDOWS = [[3600, '1 hour'], [6 * 3600, '6 hours'], [86400, '1 day'],
    [7 * 86400, '1 week'], [Infinity, 'the whole run']];

  const $ = (id) => document.getElementById(id);
  const state = {
    t: 0, playing: false, speed: 3600, trackSamples: 6, eventWindow: 86400, showBase: false,
    nations: [], roles: [], eventTypes: [], view: null, baseDirty: true, dirty: true,
    drawnEvents: [], drawnPlatforms: 0, errors: [],
  };
  const frames = { count: 0, started: 0, drawMs: [] };
  window.addEventListener('error', (e) => state.errors.push(String(e.message)));

  // ---- decoding -------------------------------------------------------

  function base64Bytes(text) {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  async function inflated(id) {
    const bytes = base64Bytes(document.getElementById(id).textContent.trim());
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // Positions: [agents × 2 × samples] int16 from the planes of low and high
  // bytes of their differences (track_pack.hpp). Int16Array wraps mod 2^16.
  function undifference(planes, samples) {
    const n = planes.length / 2;
    const out = new Int16Array(n);
    for (let start = 0; start < n; start += samples) {
      let value = 0;
      for (let k = start; k < start + samples; ++k) {
        value = (value + (planes[k] | (planes[n + k] << 8))) & 0xffff;
        out[k] = value;
      }
    }
    return out;
  }

  const run = {
    agents: DATA.agents.count,
    times: DATA.samples.time_s,
    samples: DATA.samples.time_s.length,
    quantum: DATA.samples.quantum_km,
    positions: null,
    status: null,
    atBase: DATA.platform_states.map((name) => AT_BASE.has(name)),
    duration: 0,
    kindOf: DATA.agents.kind.map((k) => DATA.agents.kinds[k]),
    roleOf: DATA.agents.role.map((r) => DATA.agents.roles[r]),
  };
  run.duration = Math.max(DATA.days * 86400, run.times.length ? run.times[run.times.length - 1] : 0);

  // ---- time and positions ---------------------------------------------

  // The last sample at or before t (0 before the first).
  function sampleAt(t) {
    const times = run.times;
    let lo = 0, hi = times.length - 1;
    if (hi < 0 || t <= times[0]) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function xAt(j, i) { return run.positions[(2 * j) * run.samples + i] * run.quantum; }
  function yAt(j, i) { return run.positions[(2 * j + 1) * run.samples + i] * run.quantum; }
  function statusAt(j, i) { return run.status[j * run.samples + i]; }

  // Where platform j is at t: between its samples, along the straight line.
  function placeAt(j, i, t) {
    const next = Math.min(i + 1, run.samples - 1);
    const span = run.times[next] - run.times[i];
    const f = span > 0 ? Math.min(1, Math.max(0, (t - run.times[i]) / span)) : 0;
    const x0 = xAt(j, i), y0 = yAt(j, i);
    return [x0 + f * (xAt(j, next) - x0), y0 + f * (yAt(j, next) - y0)];
  }

  // The heading of its motion about sample i (the last motion if it holds
  // still): radians counter-clockwise from east.
  function headingAt(j, i) {
    for (let k = Math.min(i + 1, run.samples - 1); k > 0 && k > i - 6; --k) {
      const dx = xAt(j, k) - xAt(j, k - 1), dy = yAt(j, k) - yAt(j, k - 1);
      if (dx !== 0 || dy !== 0) return Math.atan2(dy, dx);
    }
    return Math.PI / 2;
  }

  function platformShown(j, i) {
    if (!state.nations[DATA.agents.nation[j]] || !state.roles[DATA.agents.role[j]]) return false;
    return state.showBase || !run.atBase[statusAt(j, i)];
  }

  // The platforms the map shows at t, with their places.
  function platformsAt(t) {
    const i = sampleAt(t);
    const shown = [];
    for (let j = 0; j < run.agents; ++j) {
      if (!platformShown(j, i)) continue;
      const [x, y] = placeAt(j, i, t);
      shown.push({ id: j, name: DATA.agents.name[j], x_km: x, y_km: y,
        status: DATA.platform_states[statusAt(j, i)] });
    }
    return shown;
  }

  // ---- projection: plane km back to latitude and longitude -------------

  function toLatLon(x, y) {
    const p = DATA.projection;
    const rho = Math.hypot(x, y);
    if (rho === 0) return [p.centre_lat_deg, p.centre_lon_deg];
    const gamma = rho / p.sphere_radius_km, s0 = Math.sin(p.sphere_centre_lat_rad),
      c0 = Math.cos(p.sphere_centre_lat_rad);
    const chi = Math.asin(Math.cos(gamma) * s0 + y * Math.sin(gamma) * c0 / rho);
    const lambda = Math.atan2(x * Math.sin(gamma), rho * c0 * Math.cos(gamma) -
      y * s0 * Math.sin(gamma));
    const f = p.ellipsoid_flattening, e = Math.sqrt(f * (2 - f));
    const target = (Math.atanh(Math.sin(chi)) - p.isometric_offset) / p.longitude_factor;
    let phi = Math.atan(Math.sinh(target));
    for (let k = 0; k < 4; ++k) {
      const s = Math.sin(phi);
      const g = Math.atanh(s) - e * Math.atanh(e * s) - target;
      const dg = (1 - e * e) / ((1 - e * e * s * s) * Math.cos(phi));
      phi -= g / dg;
    }
    return [phi * 180 / Math.PI, p.centre_lon_deg + lambda / p.longitude_factor * 180 / Math.PI];
  }

  function formatLatLon(lat, lon) {
    return `${Math.abs(lat).toFixed(3)}°${lat >= 0 ? 'N' : 'S'} ` +
      `${Math.abs(lon).toFixed(3)}°${lon >= 0 ? 'E' : 'W'}`;
  }

  function formatTime(t) {
    const day = Math.floor(t / 86400), rest = t - day * 86400;
    const h = Math.floor(rest / 3600), m = Math.floor((rest - h * 3600) / 60);
    return `day ${day}, ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  }

  // ---- the map's view --------------------------------------------------

  const map = $('map');
  const mapContext = map.getContext('2d');
  const base = document.createElement('canvas');
  const baseContext = base.getContext('2d');

  function fitView() {
    const [x0, y0, x1, y1] = DATA.extent;
    const w = map.clientWidth || 800, h = map.clientHeight || 600;
    state.view = { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2,
      scale: Math.min(w / (x1 - x0), h / (y1 - y0)) };
    state.baseDirty = state.dirty = true;
  }

  function toScreen(x, y) {
    const v = state.view;
    return [map.clientWidth / 2 + (x - v.cx) * v.scale, map.clientHeight / 2 - (y - v.cy) * v.scale];
  }

  function toPlane(px, py) {
    const v = state.view;
    return [v.cx + (px - map.clientWidth / 2) / v.scale, v.cy - (py - map.clientHeight / 2) / v.scale];
  }

  function zoomAbout(px, py, factor) {
    const [x, y] = toPlane(px, py);
    const v = state.view;
    v.scale = Math.min(2000, Math.max(0.01, v.scale * factor));
    const [x2, y2] = toPlane(px, py);
    v.cx += x - x2;
    v.cy += y - y2;
    state.baseDirty = state.dirty = true;
  }

  // Sizes a canvas's backing store to w × h CSS pixels (its own client size
  // by default; an offscreen layer has none) at the screen's pixel ratio.
  function sizeCanvas(canvas, context, w = canvas.clientWidth, h = canvas.clientHeight) {
    const ratio = window.devicePixelRatio || 1;
    w = Math.max(1, w);
    h = Math.max(1, h);
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  // ---- the base layer: land, zones, bases, graticule --------------------

  function tracePolyline(context, points, closed) {
    if (points.length < 4) return;
    let [px, py] = toScreen(points[0], points[1]);
    context.moveTo(px, py);
    for (let k = 2; k < points.length; k += 2) {
      [px, py] = toScreen(points[k], points[k + 1]);
      context.lineTo(px, py);
    }
    if (closed) context.closePath();
  }

  function drawLand(c) {
    c.fillStyle = '#efe8d8';
    c.beginPath();
    for (const ring of DATA.land) tracePolyline(c, ring, true);
    c.fill('evenodd');
    c.strokeStyle = '#8a7f6a';
    c.lineWidth = 0.8;
    c.beginPath();
    for (const chain of DATA.coastline) tracePolyline(c, chain, false);
    c.stroke();
  }

  function nationColour(id) {
    const k = DATA.nations.indexOf(id);
    return k < 0 ? '#56626f' : NATION_COLOURS[k % NATION_COLOURS.length];
  }

  function drawZone(c, zone) {
    const colour = zone.owner ? nationColour(zone.owner) : '#56626f';
    if (zone.shape === 'land_belt') return drawLandBelt(c, zone, colour);
    c.beginPath();
    if (zone.shape === 'circle') {
      const [px, py] = toScreen(zone.cx, zone.cy);
      c.arc(px, py, zone.r * state.view.scale, 0, 2 * Math.PI);
    } else {
      tracePolyline(c, zone.vertices, true);
    }
    c.strokeStyle = colour;
    c.globalAlpha = 0.08;
    c.fillStyle = colour;
    c.fill();
    c.globalAlpha = 0.6;
    c.setLineDash([5, 4]);
    c.lineWidth = 1;
    c.stroke();
    c.setLineDash([]);
    c.globalAlpha = 1;
  }

  // A belt of sea along land (a territorial sea): every point within r of
  // the coast edges. Its area is the union of the edges stroked r wide on
  // each side with round ends, drawn opaque on a scratch canvas and laid
  // on the map translucent (overlapping strokes must not darken); its
  // outline is the same union one pixel wider, less the union itself.
  const scratch = document.createElement('canvas');

  function strokeBelt(c, zone, widthPx) {
    c.lineWidth = widthPx;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.beginPath();
    for (let k = 0; k + 3 < zone.coast.length; k += 4) {
      const [x0, y0] = toScreen(zone.coast[k], zone.coast[k + 1]);
      const [x1, y1] = toScreen(zone.coast[k + 2], zone.coast[k + 3]);
      c.moveTo(x0, y0);
      c.lineTo(x1, y1);
    }
    c.stroke();
  }

  function drawLandBelt(c, zone, colour) {
    const w = map.clientWidth, h = map.clientHeight, width = 2 * zone.r * state.view.scale;
    const s = scratch.getContext('2d');
    sizeCanvas(scratch, s, w, h);
    const layer = (alpha, outline) => {
      s.globalCompositeOperation = 'source-over';
      s.clearRect(0, 0, w, h);
      s.strokeStyle = colour;
      strokeBelt(s, zone, width + (outline ? 2 : 0));
      if (outline) {
        s.globalCompositeOperation = 'destination-out';
        strokeBelt(s, zone, width);
      }
      c.globalAlpha = alpha;
      c.drawImage(scratch, 0, 0, w, h);
    };
    layer(0.08, false);
    layer(0.6, true);
    c.globalAlpha = 1;
  }

  // The finest spacing whose lines stay at least 70 px apart.
  function graticuleSpacing() {
    const kmPerDegree = 111;
    for (const s of [0.25, 1, 5]) if (s * kmPerDegree * state.view.scale >= 70) return s;
    return 5;
  }

  function drawGraticule(c) {
    const spacing = graticuleSpacing();
    c.strokeStyle = '#7d93a8';
    c.globalAlpha = 0.45;
    c.lineWidth = 0.6;
    c.beginPath();
    for (const line of DATA.graticule) if (line.spacing >= spacing) tracePolyline(c, line.points, false);
    c.stroke();
    c.globalAlpha = 1;
    c.fillStyle = '#4a5d70';
    c.font = '10px system-ui, sans-serif';
    for (const line of DATA.graticule) {
      if (line.spacing < spacing) continue;
      const label = line.latitude ? `${line.value}°${line.value >= 0 ? 'N' : 'S'}`
        : `${line.value}°${line.value >= 0 ? 'E' : 'W'}`;
      const at = graticuleLabelPlace(line);
      if (at) c.fillText(label, at[0] + 2, at[1] - 2);
    }
  }

  // A parallel is labelled at the map's left edge, a meridian at its bottom.
  function graticuleLabelPlace(line) {
    const w = map.clientWidth, h = map.clientHeight;
    for (let k = 0; k < line.points.length; k += 2) {
      const [px, py] = toScreen(line.points[k], line.points[k + 1]);
      if (line.latitude && px >= 0 && px < w && py > 12 && py < h) return [Math.max(px, 40), py];
      if (!line.latitude && py <= h - 4 && py > h - 30 && px > 0 && px < w - 30) return [px, h - 4];
    }
    if (line.latitude) return null;
    // A meridian that leaves through the sides: where it crosses the bottom.
    for (let k = line.points.length - 2; k >= 0; k -= 2) {
      const [px, py] = toScreen(line.points[k], line.points[k + 1]);
      if (px > 0 && px < w - 30 && py > 0 && py < h) return [px, Math.min(h - 4, py)];
    }
    return null;
  }

  function drawBases(c) {
    for (const b of DATA.bases) {
      const [px, py] = toScreen(b.x, b.y);
      c.fillStyle = nationColour(b.nation);
      c.strokeStyle = '#fff';
      c.lineWidth = 1;
      c.fillRect(px - 3, py - 3, 6, 6);
      c.strokeRect(px - 3, py - 3, 6, 6);
    }
  }

  function drawBase() {
    sizeCanvas(base, baseContext, map.clientWidth, map.clientHeight);
    const c = baseContext;
    c.fillStyle = '#dfeaf2';
    c.fillRect(0, 0, map.clientWidth, map.clientHeight);
    drawLand(c);
    for (const zone of DATA.zones) drawZone(c, zone);
    drawGraticule(c);
    drawBases(c);
    state.baseDirty = false;
  }

  // ---- platforms, tracks and events -------------------------------------

  // The symbols' outlines by role, in px, pointing east (+x).
  const SHAPES = {
    warship: [[7, 0], [-5, 4], [-5, -4]],
    coast_guard: [[6, 0], [0, 4], [-6, 0], [0, -4]],
    militia: [[4, 3], [-4, 3], [-4, -3], [4, -3]],
    fishing: [[3, 0], [0, 2.5], [-3, 0], [0, -2.5]],
    fighter: [[8, 0], [-5, 5], [-2, 0], [-5, -5]],
    patrol: [[7, 0], [-2, 7], [-4, 0], [-2, -7]],
    bomber: [[9, 0], [-6, 7], [-3, 0], [-6, -7]],
    uav: [[5, 0], [-4, 5], [-2, 0], [-4, -5]],
    balloon: [[4, 0], [0, 4], [-4, 0], [0, -4]],
  };
  const DEFAULT_SHAPE = [[4, 0], [0, 4], [-4, 0], [0, -4]];

  const AIRCRAFT_ROLES = new Set(['fighter', 'patrol', 'bomber', 'uav', 'balloon']);
  const HEADINGS = 32;  // sprite directions: 11.25° apart
  const SPRITE_PX = 20;

  // Every platform's symbol drawn once per (nation, role, heading step)
  // into one atlas canvas, then stamped from it with drawImage: thousands of
  // stamps from one source cost far less than as many filled and stroked
  // polygons. Row: a (nation, role) pair the run has; column: the heading.
  const atlas = { canvas: null, rowOf: new Map() };

  function buildAtlas() {
    const ratio = window.devicePixelRatio || 1, cell = Math.ceil(SPRITE_PX * ratio);
    for (let j = 0; j < run.agents; ++j) {
      const key = DATA.agents.nation[j] * 64 + DATA.agents.role[j];
      if (!atlas.rowOf.has(key)) atlas.rowOf.set(key, atlas.rowOf.size);
    }
    const canvas = document.createElement('canvas');
    canvas.width = cell * HEADINGS;
    canvas.height = cell * Math.max(1, atlas.rowOf.size);
    const c = canvas.getContext('2d');
    for (const [key, row] of atlas.rowOf) {
      const nation = Math.floor(key / 64), role = DATA.agents.roles[key % 64];
      for (let step = 0; step < HEADINGS; ++step) {
        c.setTransform(ratio, 0, 0, ratio, step * cell, row * cell);
        drawSymbol(c, role, NATION_COLOURS[nation % NATION_COLOURS.length],
          step / HEADINGS * 2 * Math.PI);
      }
    }
    atlas.canvas = canvas;
    atlas.cell = cell;
  }

  function headingStep(heading) {
    const step = Math.round(heading / (2 * Math.PI) * HEADINGS) % HEADINGS;
    return step < 0 ? step + HEADINGS : step;
  }

  // A symbol per role, pointing along the heading; ships filled and edged
  // dark, aircraft edged white.
  function drawSymbol(c, role, colour, heading) {
    const shape = SHAPES[role] || DEFAULT_SHAPE, centre = SPRITE_PX / 2;
    // c's transform puts the cell's corner at 0, 0.
    const cos = Math.cos(heading), sin = Math.sin(heading);
    c.beginPath();
    shape.forEach(([u, v], k) => {
      const x = centre + u * cos - v * sin, y = centre - (u * sin + v * cos);
      if (k === 0) c.moveTo(x, y); else c.lineTo(x, y);
    });
    c.closePath();
    c.fillStyle = colour;
    c.fill();
    const aircraft = AIRCRAFT_ROLES.has(role);
    c.strokeStyle = aircraft ? '#ffffff' : '#1d2733';
    c.lineWidth = aircraft ? 1.2 : 0.5;
    c.stroke();
  }

  // The view as a map from quantised positions to pixels: px = ox + q·k,
  // py = oy − q·k, for the hot loops (no arrays made per point).
  function screenMap() {
    const v = state.view, w = map.clientWidth, h = map.clientHeight;
    return { k: run.quantum * v.scale, ox: w / 2 - v.cx * v.scale, oy: h / 2 + v.cy * v.scale };
  }

  // Tracks go into one path per nation, stroked once each: a few strokes a
  // frame, whatever the fleet.
  function drawPlatforms(c, t) {
    const i = sampleAt(t);
    const tracks = new Map();
    const stamps = [];
    const w = map.clientWidth, h = map.clientHeight, half = SPRITE_PX / 2, cell = atlas.cell;
    const screen = screenMap(), pos = run.positions, n = run.samples;
    const next = Math.min(i + 1, n - 1), span = run.times[next] - run.times[i];
    const f = span > 0 ? Math.min(1, Math.max(0, (t - run.times[i]) / span)) : 0;
    for (let j = 0; j < run.agents; ++j) {
      if (!platformShown(j, i)) continue;
      const xs = 2 * j * n, ys = xs + n;  // placeAt, inline
      const qx = pos[xs + i] + f * (pos[xs + next] - pos[xs + i]);
      const qy = pos[ys + i] + f * (pos[ys + next] - pos[ys + i]);
      const px = screen.ox + qx * screen.k, py = screen.oy - qy * screen.k;
      const nation = DATA.agents.nation[j];
      if (state.trackSamples > 0) addTrack(tracks, nation, j, i, px, py, screen);
      if (px < -half || py < -half || px > w + half || py > h + half) continue;
      const row = atlas.rowOf.get(nation * 64 + DATA.agents.role[j]);
      stamps.push(headingStep(headingAt(j, i)) * cell, row * cell, px - half, py - half);
    }
    strokeTracks(c, tracks);
    for (let k = 0; k < stamps.length; k += 4) {
      c.drawImage(atlas.canvas, stamps[k], stamps[k + 1], cell, cell, stamps[k + 2], stamps[k + 3],
        SPRITE_PX, SPRITE_PX);
    }
    state.drawnPlatforms = stamps.length / 4;
  }

  // Its last samples and where it is now, leaving out points within 1.5 px
  // of the last one kept: a slow or still platform's track costs nothing.
  function addTrack(tracks, nation, j, i, px, py, screen) {
    const first = Math.max(0, i - state.trackSamples + 1);
    const xs = (2 * j) * run.samples, ys = xs + run.samples, pos = run.positions;
    let lx = screen.ox + pos[xs + first] * screen.k, ly = screen.oy - pos[ys + first] * screen.k;
    let path = null;
    for (let k = first + 1; k <= i + 1; ++k) {
      const qx = k <= i ? screen.ox + pos[xs + k] * screen.k : px;
      const qy = k <= i ? screen.oy - pos[ys + k] * screen.k : py;
      if (Math.abs(qx - lx) + Math.abs(qy - ly) < 1.5) continue;
      if (path === null) {
        path = tracks.get(nation);
        if (path === undefined) tracks.set(nation, path = new Path2D());
        path.moveTo(lx, ly);
      }
      path.lineTo(qx, qy);
      lx = qx;
      ly = qy;
    }
  }

  function strokeTracks(c, tracks) {
    c.lineWidth = 1;
    c.globalAlpha = 0.45;
    for (const [nation, path] of tracks) {
      c.strokeStyle = NATION_COLOURS[nation % NATION_COLOURS.length];
      c.stroke(path);
    }
    c.globalAlpha = 1;
  }

  // Events in [t − window, t], oldest first; `first` is the first index at
  // or after t − window (events are in time order).
  function eventsInWindow(t) {
    const times = DATA.events.t;
    let lo = 0, hi = times.length;
    const from = t - state.eventWindow;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] < from) lo = mid + 1; else hi = mid;
    }
    const out = [];
    for (let k = lo; k < times.length && times[k] <= t; ++k) if (eventShown(k)) out.push(k);
    return out;
  }

  function eventShown(k) {
    const e = DATA.events;
    const type = DATA.event_types[e.type[k]];
    if (!PLACED.has(type) || !state.eventTypes[e.type[k]]) return false;
    return nationShownByIndex(e.na[k]) || nationShownByIndex(e.nb[k]);
  }

  function nationShownByIndex(n) { return n < state.nations.length ? state.nations[n] : true; }

  function eventColour(k) {
    const e = DATA.events, type = DATA.event_types[e.type[k]];
    if (type === 'incident') return SEVERITY_COLOURS[DATA.severities[e.sev[k]]] || '#d0021b';
    return { intrusion: '#7b3fa0', airspace_violation: '#c2185b', scramble: '#1f78b4',
      dispatch: '#1f78b4', intercept: '#0097a7' }[type] || '#7f8c8d';
  }

  function drawEvents(c, t) {
    state.drawnEvents = [];
    for (const k of eventsInWindow(t)) {
      const e = DATA.events;
      const [px, py] = toScreen(e.x[k], e.y[k]);
      const age = Number.isFinite(state.eventWindow) ? (t - e.t[k]) / state.eventWindow : 0;
      const incident = DATA.event_types[e.type[k]] === 'incident';
      const radius = incident ? 4 + 2 * e.sev[k] : 3;
      c.globalAlpha = 1 - 0.7 * age;
      c.fillStyle = eventColour(k);
      c.strokeStyle = '#1d2733';
      c.lineWidth = 1;
      c.beginPath();
      c.arc(px, py, radius, 0, 2 * Math.PI);
      c.fill();
      c.stroke();
      state.drawnEvents.push({ k, px, py, radius });
    }
    c.globalAlpha = 1;
  }

  function drawMap() {
    if (!state.view) fitView();
    sizeCanvas(map, mapContext);
    if (state.baseDirty) drawBase();
    const c = mapContext;
    c.drawImage(base, 0, 0, map.clientWidth, map.clientHeight);
    drawPlatforms(c, state.t);
    drawEvents(c, state.t);
  }

  // ---- the timeline ----------------------------------------------------

  const timeline = $('timeline');
  const timelineContext = timeline.getContext('2d');
  const lanes = { dirty: true, left: 90, right: 12 };

  function laneOf(d) {
    const h = timeline.clientHeight, n = Math.max(1, DATA.dyads.length);
    const top = 6, height = (h - 24) / n;
    return { top: top + d * height, height: height - 4 };
  }

  function timeToX(t) {
    const w = timeline.clientWidth - lanes.left - lanes.right;
    return lanes.left + (run.duration > 0 ? t / run.duration : 0) * w;
  }

  function xToTime(px) {
    const w = timeline.clientWidth - lanes.left - lanes.right;
    return Math.min(run.duration, Math.max(0, (px - lanes.left) / w * run.duration));
  }

  // Each dyad's level over the run, from its level_change events (a run
  // that opens above L0 has one at time 0): a list of [time, level].
  function levelSteps(d) {
    const e = DATA.events, steps = [[0, 0]];
    const [a, b] = DATA.dyads[d].split('-');
    const na = DATA.nations.indexOf(a), nb = DATA.nations.indexOf(b);
    for (let k = 0; k < e.t.length; ++k) {
      if (DATA.event_types[e.type[k]] !== 'level_change') continue;
      if (!((e.na[k] === na && e.nb[k] === nb) || (e.na[k] === nb && e.nb[k] === na))) continue;
      steps.push([e.t[k], e.v[k]]);
    }
    return steps;
  }

  function drawLane(c, d) {
    const { top, height } = laneOf(d);
    const steps = levelSteps(d);
    for (let k = 0; k < steps.length; ++k) {
      const x0 = timeToX(steps[k][0]), x1 = timeToX(k + 1 < steps.length ? steps[k + 1][0] : run.duration);
      c.fillStyle = LEVEL_COLOURS[Math.min(4, steps[k][1])];
      c.fillRect(x0, top, Math.max(1, x1 - x0), height);
    }
    c.strokeStyle = '#c9d2db';
    c.strokeRect(lanes.left, top, timeline.clientWidth - lanes.left - lanes.right, height);
    drawHostility(c, d, top, height);
    drawLaneMarks(c, d, top, height);
    c.fillStyle = '#1d2733';
    c.font = '11px system-ui, sans-serif';
    c.fillText(DATA.dyads[d], 6, top + height / 2 + 4);
  }

  function drawHostility(c, d, top, height) {
    const interval = DATA.hostility.interval_s, n = DATA.dyads.length, values = DATA.hostility.values;
    if (!(interval > 0) || n === 0) return;
    c.strokeStyle = '#1d2733';
    c.lineWidth = 1.2;
    c.beginPath();
    for (let r = 0; r * n + d < values.length; ++r) {
      const x = timeToX((r + 1) * interval), y = top + height * (1 - values[r * n + d]);
      if (r === 0) c.moveTo(x, y); else c.lineTo(x, y);
    }
    c.stroke();
  }

  // Incidents as ticks along the lane's foot, clashes and calls as marks.
  function drawLaneMarks(c, d, top, height) {
    const e = DATA.events;
    const [a, b] = DATA.dyads[d].split('-');
    const pair = new Set([DATA.nations.indexOf(a), DATA.nations.indexOf(b)]);
    for (let k = 0; k < e.t.length; ++k) {
      if (!pair.has(e.na[k]) || !pair.has(e.nb[k]) || e.na[k] === e.nb[k]) continue;
      const type = DATA.event_types[e.type[k]], x = timeToX(e.t[k]);
      if (type === 'incident') {
        c.fillStyle = SEVERITY_COLOURS[DATA.severities[e.sev[k]]];
        c.fillRect(x - 1, top + height - 6 - 2 * e.sev[k], 2, 6 + 2 * e.sev[k]);
      } else if (type === 'clash' || type === 'war') {
        c.fillStyle = '#000';
        c.fillRect(x - 2, top, 4, height);
      } else if (type === 'call_connected' || type === 'call_placed') {
        c.fillStyle = type === 'call_connected' ? '#1e8449' : '#7f8c8d';
        c.beginPath();
        c.arc(x, top + 5, 3, 0, 2 * Math.PI);
        c.fill();
      }
    }
  }

  function drawTimeAxis(c) {
    const h = timeline.clientHeight, days = run.duration / 86400;
    const step = days <= 3 ? 0.25 : days <= 14 ? 1 : days <= 90 ? 7 : 30;
    c.fillStyle = '#56626f';
    c.font = '10px system-ui, sans-serif';
    for (let day = 0; day <= days + 1e-9; day += step) {
      const x = timeToX(day * 86400);
      c.fillRect(x, h - 16, 1, 4);
      if (x < timeline.clientWidth - 40) {
        c.fillText(step < 1 ? `${day.toFixed(2)} d` : `day ${day}`, x + 2, h - 4);
      }
    }
  }

  function drawLanes() {
    sizeCanvas(timeline, timelineContext);
    const c = timelineContext;
    c.fillStyle = '#fff';
    c.fillRect(0, 0, timeline.clientWidth, timeline.clientHeight);
    for (let d = 0; d < DATA.dyads.length; ++d) drawLane(c, d);
    if (DATA.dyads.length === 0) {
      c.fillStyle = '#56626f';
      c.fillText('No rival dyads: no hostility to show.', lanes.left, 30);
    }
    drawTimeAxis(c);
    lanes.dirty = false;
  }

  // The lanes are drawn only when they change; the cursor is an element
  // over them, moved each frame (no canvas redrawn for it).
  function drawTimeline() {
    if (lanes.dirty) drawLanes();
    const x = timeToX(state.t);
    $('cursor').style.transform = `translateX(${(x - 1).toFixed(1)}px)`;
    state.cursorX = x;
  }

  // ---- details of an incident or platform -------------------------------

  function platformLine(j) {
    if (!(j < run.agents)) return '—';
    const nation = DATA.nations[DATA.agents.nation[j]];
    return `${escapeHtml(DATA.agents.name[j])} (${escapeHtml(nation)}, ` +
      `${escapeHtml(DATA.agents.classes[DATA.agents.class[j]])}, ${escapeHtml(run.roleOf[j])})`;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;',
      '"': '&quot;', "'": '&#39;' }[ch]));
  }

  // The sides' judgements of incident k: the report_judged events of its
  // pair that follow it, before the pair's next incident.
  function judgementsOf(k) {
    const e = DATA.events, lines = [];
    for (let m = k + 1; m < e.t.length; ++m) {
      const type = DATA.event_types[e.type[m]];
      if (e.a[m] !== e.a[k] || e.b[m] !== e.b[k]) continue;
      if (type === 'incident') break;
      if (type !== 'report_judged') continue;
      const side = e.v[m] >> 2, judged = e.v[m] & 3;
      const nation = DATA.nations[side === 0 ? e.na[m] : e.nb[m]];
      lines.push(`${escapeHtml(nation)} (${formatTime(e.t[m])}): ${JUDGEMENT[judged] || '?'}`);
    }
    return lines.length ? lines.join('<br>') : 'no report arrived within the run';
  }

  function incidentRows(k) {
    const e = DATA.events, value = e.v[k];
    return [
      ['Severity', escapeHtml(DATA.severities[e.sev[k]])],
      ['Conduct', escapeHtml(CONDUCT[value & 3] || '?') + ((value & 4) ? ', on the on-scene link' : '')],
      ['How each side saw it', judgementsOf(k)],
    ];
  }

  function showEvent(k) {
    const e = DATA.events, type = DATA.event_types[e.type[k]];
    const [lat, lon] = toLatLon(e.x[k], e.y[k]);
    const rows = [['Time', formatTime(e.t[k])], ['Place', formatLatLon(lat, lon)],
      ['Platforms', platformLine(e.a[k]) + (type === 'intrusion' || type === 'scramble' ||
        type === 'dispatch' || type === 'airspace_violation' ? '' : '<br>' + platformLine(e.b[k]))]];
    if (type === 'incident') rows.push(...incidentRows(k));
    else if (type === 'intrusion' || type === 'airspace_violation') {
      rows.push(['Zone', escapeHtml(DATA.zones[e.v[k]] ? DATA.zones[e.v[k]].id : e.v[k])]);
    } else if (type === 'scramble' || type === 'dispatch') rows.push(['Sent', String(e.v[k])]);
    showDetails(type.replace('_', ' '), rows, 'event-' + k);
  }

  function showPlatform(j) {
    const i = sampleAt(state.t);
    const [x, y] = placeAt(j, i, state.t);
    const [lat, lon] = toLatLon(x, y);
    showDetails(DATA.agents.name[j], [['Platform', platformLine(j)],
      ['Status', escapeHtml(DATA.platform_states[statusAt(j, i)])], ['Place', formatLatLon(lat, lon)]],
    'platform-' + j);
  }

  function showDetails(title, rows, key) {
    const body = rows.map(([k, v]) => `<tr><td>${k}</td><td>${v}</td></tr>`).join('');
    $('details-body').innerHTML = `<h3>${escapeHtml(title)}</h3><table>${body}</table>`;
    $('details').dataset.key = key;
    $('details').hidden = false;
  }

  function clickMap(px, py) {
    let best = null, bestDistance = 10;
    for (const d of state.drawnEvents) {
      const distance = Math.hypot(d.px - px, d.py - py) - d.radius;
      if (distance <= bestDistance) { best = d; bestDistance = distance; }
    }
    if (best) return showEvent(best.k);
    const near = nearestPlatform(px, py);
    if (near !== null) return showPlatform(near);
    $('details').hidden = true;
  }

  function nearestPlatform(px, py) {
    let best = null, bestDistance = 8;
    for (const p of platformsAt(state.t)) {
      const [qx, qy] = toScreen(p.x_km, p.y_km);
      const distance = Math.hypot(qx - px, qy - py);
      if (distance < bestDistance) { best = p.id; bestDistance = distance; }
    }
    return best;
  }

  // ---- controls --------------------------------------------------------

  function setTime(t) {
    state.t = Math.min(run.duration, Math.max(0, t));
    $('slider').value = String(Math.round(state.t));
    $('clock').textContent = `${formatTime(state.t)} of ${(run.duration / 86400).toFixed(1)} days`;
    state.dirty = true;
  }

  function setPlaying(playing) {
    if (playing && state.t >= run.duration) setTime(0);
    state.playing = playing;
    state.lastTick = null;
    $('play').textContent = playing ? 'Pause' : 'Play';
  }

  function fillSelect(select, options, chosen, onChange) {
    for (const [value, label] of options) {
      const option = document.createElement('option');
      option.value = String(value);
      option.textContent = label;
      option.selected = value === chosen;
      select.appendChild(option);
    }
    select.addEventListener('change', () => { onChange(Number(select.value)); state.dirty = true; });
  }

  // A checkbox row; `mark` is a colour for a swatch, or an element (a
  // role's symbol), or null.
  function addFilter(container, label, mark, checked, onChange) {
    const row = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = checked;
    box.addEventListener('change', () => { onChange(box.checked); state.dirty = true; });
    row.appendChild(box);
    if (typeof mark === 'string') {
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = mark;
      row.appendChild(swatch);
    } else if (mark) {
      row.appendChild(mark);
    }
    row.appendChild(document.createTextNode(label));
    container.appendChild(row);
    return box;
  }

  // The role's symbol, pointing north, in grey: the key to the map's shapes.
  function roleIcon(role) {
    const icon = document.createElement('canvas');
    icon.className = 'role-icon';
    icon.style.width = icon.style.height = SPRITE_PX + 'px';
    const c = icon.getContext('2d');
    sizeCanvas(icon, c, SPRITE_PX, SPRITE_PX);
    drawSymbol(c, role, '#56626f', Math.PI / 2);
    return icon;
  }

  function setUpFilters() {
    DATA.nations.forEach((id, n) => {
      state.nations[n] = true;
      addFilter($('filter-nations'), DATA.nation_names[n] || id, nationColour(id), true,
        (on) => { state.nations[n] = on; });
    });
    DATA.agents.roles.forEach((role, r) => {
      state.roles[r] = true;
      addFilter($('filter-roles'), role.replace('_', ' '), roleIcon(role), true,
        (on) => { state.roles[r] = on; });
    });
    DATA.event_types.forEach((type, k) => {
      state.eventTypes[k] = SHOWN_AT_FIRST.has(type);
      if (!PLACED.has(type)) return;
      const present = DATA.events.type.includes(k);
      addFilter($('filter-events'), type.replace('_', ' ') + (present ? '' : ' (none)'), null,
        state.eventTypes[k], (on) => { state.eventTypes[k] = on; });
    });
    for (const name of DATA.severities) {
      const row = document.createElement('div');
      row.innerHTML = `<span class="swatch" style="background:${SEVERITY_COLOURS[name]}"></span>${escapeHtml(name)}`;
      $('legend').appendChild(row);
    }
  }

  // The speed that plays the whole run in about a minute.
  function defaultSpeed() {
    let best = SPEEDS[0][0];
    for (const [speed] of SPEEDS) if (speed * 60 <= run.duration) best = speed;
    return best;
  }

  function setUpControls() {
    state.speed = defaultSpeed();
    fillSelect($('speed'), SPEEDS, state.speed, (v) => { state.speed = v; });
    fillSelect($('track-length'), TRACKS, state.trackSamples, (v) => { state.trackSamples = v; });
    fillSelect($('event-window'), WINDOWS, state.eventWindow, (v) => { state.eventWindow = v; });
    $('show-base').addEventListener('change', (e) => { state.showBase = e.target.checked; state.dirty = true; });
    $('play').addEventListener('click', () => setPlaying(!state.playing));
    const slider = $('slider');
    slider.max = String(Math.ceil(run.duration));
    slider.addEventListener('input', () => setTime(Number(slider.value)));
    $('details-close').addEventListener('click', () => { $('details').hidden = true; });
    document.addEventListener('keydown', keyDown);
  }

  // Space plays or pauses, the arrows step a sample (the slider's own
  // arrow steps, a second each, are replaced by these).
  function keyDown(e) {
    const target = e.target;
    if ((target instanceof HTMLInputElement && target.type !== 'range') ||
      target instanceof HTMLSelectElement) return;
    const step = DATA.samples.interval_s || 600;
    if (e.key === ' ') setPlaying(!state.playing);
    else if (e.key === 'ArrowRight') setTime(state.t + step);
    else if (e.key === 'ArrowLeft') setTime(state.t - step);
    else return;
    e.preventDefault();
  }

  function setUpMapInput() {
    let drag = null;
    map.addEventListener('pointerdown', (e) => {
      drag = { x: e.offsetX, y: e.offsetY, moved: false };
      map.setPointerCapture(e.pointerId);
    });
    map.addEventListener('pointermove', (e) => {
      const [x, y] = toPlane(e.offsetX, e.offsetY);
      $('readout').textContent = formatLatLon(...toLatLon(x, y));
      if (!drag) return;
      const dx = e.offsetX - drag.x, dy = e.offsetY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 3) return;
      drag.moved = true;
      map.classList.add('dragging');
      state.view.cx -= dx / state.view.scale;
      state.view.cy += dy / state.view.scale;
      drag.x = e.offsetX;
      drag.y = e.offsetY;
      state.baseDirty = state.dirty = true;
    });
    map.addEventListener('pointerup', (e) => {
      if (drag && !drag.moved) clickMap(e.offsetX, e.offsetY);
      drag = null;
      map.classList.remove('dragging');
    });
    map.addEventListener('wheel', (e) => {
      e.preventDefault();
      zoomAbout(e.offsetX, e.offsetY, Math.exp(-e.deltaY * 0.0015));
    }, { passive: false });
    $('zoom-in').addEventListener('click', () => zoomAbout(map.clientWidth / 2, map.clientHeight / 2, 1.5));
    $('zoom-out').addEventListener('click', () => zoomAbout(map.clientWidth / 2, map.clientHeight / 2, 1 / 1.5));
    $('zoom-fit').addEventListener('click', fitView);
  }

  function setUpTimelineInput() {
    let held = false;
    const seek = (e) => setTime(xToTime(e.offsetX));
    timeline.addEventListener('pointerdown', (e) => { held = true; timeline.setPointerCapture(e.pointerId); seek(e); });
    timeline.addEventListener('pointermove', (e) => { if (held) seek(e); });
    timeline.addEventListener('pointerup', () => { held = false; });
  }

  // ---- the frame loop --------------------------------------------------

  function frame(now) {
    if (state.playing) {
      if (state.lastTick !== null) setTime(state.t + (now - state.lastTick) / 1000 * state.speed);
      state.lastTick = now;
      if (state.t >= run.duration) setPlaying(false);
    }
    if (state.dirty) {
      const started = performance.now();
      drawMap();
      drawTimeline();
      state.dirty = false;
      if (state.playing) {
        frames.count += 1;
        frames.drawMs.push(performance.now() - started);
      }
    }
    requestAnimationFrame(frame);
  }

  function frameStats() {
    const seconds = (performance.now() - frames.started) / 1000;
    const sorted = [...frames.drawMs].sort((a, b) => a - b);
    const at = (q) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null;
    return { frames: frames.count, seconds, fps: seconds > 0 ? frames.count / seconds : 0,
      draw_ms_median: at(0.5), draw_ms_p95: at(0.95) };
  }

  function resetFrameStats() {
    frames.count = 0;
    frames.drawMs = [];
    frames.started = performance.now();
  }

  // The test hook: what a browser test drives and reads (docs/replay.md).
  function exposeHook() {
    window.hotlineReplay = {
      ready: true, duration_s: run.duration, sampleTimes: run.times, quantum_km: run.quantum,
      setTime: (t) => { setTime(t); drawMap(); drawTimeline(); state.dirty = false; },
      time: () => state.t, play: () => { resetFrameStats(); setPlaying(true); },
      pause: () => setPlaying(false), playing: () => state.playing,
      setSpeed: (s) => { state.speed = s; },
      platformsAt, drawnPlatformCount: () => state.drawnPlatforms,
      agentNations: () => DATA.agents.nation,
      screenOf: (x, y) => toScreen(x, y), timelineCursorX: () => state.cursorX,
      setView: (x_km, y_km, px_per_km) => {
        state.view = { cx: x_km, cy: y_km, scale: px_per_km };
        state.baseDirty = state.dirty = true;
      },
      zoomBy: (factor) => zoomAbout(map.clientWidth / 2, map.clientHeight / 2, factor),
      sliderValue: () => Number($('slider').value), frameStats, errors: state.errors,
      setNation: (id, on) => { state.nations[DATA.nations.indexOf(id)] = on; state.dirty = true; },
      details: () => ($('details').hidden ? null : $('details').textContent),
      drawnEvents: () => state.drawnEvents.map((d) => ({
        index: d.k, px: d.px, py: d.py, type: DATA.event_types[DATA.events.type[d.k]] })),
    };
  }

  function describeRun() {
    $('run-title').textContent = `${DATA.scenario}`;
    $('run-info').textContent = `policy ${DATA.policy}, replication ${DATA.replication}, seed ` +
      `${DATA.seed}; ${DATA.days.toFixed(2)} days, ${run.agents} platforms sampled every ` +
      `${(DATA.samples.interval_s / 60).toFixed(0)} min; ${DATA.events.t.length} events`;
    $('map-note').textContent = DATA.coastline_note ? `No coastline: ${DATA.coastline_note}` : '';
  }

  async function start() {
    describeRun();
    setUpFilters();
    setUpControls();
    setUpMapInput();
    setUpTimelineInput();
    const [planes, status] = await Promise.all([inflated('hotline-positions'), inflated('hotline-status')]);
    run.positions = undifference(planes, run.samples);
    run.status = status;
    buildAtlas();
    window.addEventListener('resize', () => { state.baseDirty = lanes.dirty = state.dirty = true; });
    setTime(0);
    $('loading').hidden = true;
    exposeHook();
    requestAnimationFrame(frame);
  }

  start().catch((error) => {
    state.errors.push(String(error));
    $('loading').textContent = `This page could not load its run: ${error}`;
    throw error;
  });
})();
