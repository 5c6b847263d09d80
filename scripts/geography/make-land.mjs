// Builds scenarios/land/east_asia_10m.geojson, the land the shipped
// scenarios stand on, from Natural Earth's 1:10m land polygons as the npm
// package world-atlas carries them (TopoJSON, quantized to 0.0036° of
// longitude by 0.0017° of latitude). Run by make-land.sh; never at build or
// run time: the output is committed.
//
// Steps:
//   1. decode world-atlas's land-10m.json (its SHA-256 is checked against
//      the one recorded below, so a different file cannot slip in);
//   2. keep the polygons that reach the region, clipped to it (lineclip's
//      Sutherland–Hodgman polygon clipping);
//   3. move the small islands that Natural Earth draws off their surveyed
//      position onto it (CORRECTIONS), one rigid shift per island group;
//   4. check that every surveyed place in CHECKS is land where it should be
//      and sea where it should be, and stop with an error if not;
//   5. write GeoJSON with the provenance in a "hotline" member.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {clipPolygon} from 'lineclip';
import * as topojson from 'topojson-client';

const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.join(here, 'node_modules/world-atlas/land-10m.json');
const SOURCE_VERSION = JSON.parse(
    fs.readFileSync(path.join(here, 'node_modules/world-atlas/package.json'))).version;
const SOURCE_SHA256 = '9b9f584709c119d63fbadf484ce425260497697b7166be7a2fe360e8c0b171a8';
const OUTPUT = process.argv[2] ?? path.join(here, '../../scenarios/land/east_asia_10m.geojson');

// [west, south, east, north], degrees. Wide enough that no shipped scenario
// comes within 100 km of an edge, where clipped continents get artificial
// straight coasts.
const REGION = [114.0, 18.0, 136.0, 36.0];

// Surveyed positions (degrees, WGS 84) of islands Natural Earth misplaces.
// The Senkaku positions are the Geospatial Information Authority of Japan's
// Digital Japan Basic Map as tabulated to the minute by the Ocean Policy
// Research Foundation ("The Senkaku Islands: Location, Area, and Other
// Geographical Data"): ±0.5′, about ±0.9 km. Natural Earth puts the Uotsuri
// group some 6 km east-north-east of these, Kuba-jima 1.5 km and Taisho-jima
// 3 km off. Each group moves as one rigid piece (its shape and the gaps
// between its islands are Natural Earth's) by the mean of its islands'
// offsets; `near` is where Natural Earth has the island (its polygon is the
// one whose vertex mean lies closest).
const CORRECTIONS = [
  {group: 'Senkaku, Uotsuri group', islands: [
    {name: 'Uotsuri-jima', lat: 25 + 44 / 60, lon: 123 + 28 / 60, near: [25.766, 123.528]},
    {name: 'Kitakojima', lat: 25 + 43 / 60, lon: 123 + 32 / 60, near: [25.749, 123.591]},
    {name: 'Minamikojima', lat: 25 + 43 / 60, lon: 123 + 33 / 60, near: [25.743, 123.604]},
    {name: 'Tobise', lat: 25 + 44 / 60, lon: 123 + 30 / 60, near: [25.756, 123.557]},
    {name: 'Okinokitaiwa', lat: 25 + 46 / 60, lon: 123 + 32 / 60, near: [25.800, 123.593]},
    {name: 'Okinominamiiwa', lat: 25 + 45 / 60, lon: 123 + 34 / 60, near: [25.774, 123.618]},
  ]},
  {group: 'Senkaku, Kuba-jima', islands: [
    {name: 'Kuba-jima', lat: 25 + 55 / 60, lon: 123 + 40 / 60, near: [25.925, 123.679]},
  ]},
  {group: 'Senkaku, Taisho-jima', islands: [
    {name: 'Taisho-jima', lat: 25 + 55 / 60, lon: 124 + 33 / 60, near: [25.896, 124.568]},
  ]},
];

// Islands Natural Earth leaves out: the Matsu islands (Taiwan-held, off
// Fuzhou). Added as 16-gons of the island's area about the position given
// (the county seat on Nangan as Lienchiang County gives it; the airport on
// Beigan; Dongyin's township office): the outline is approximate, the
// position and size are not.
const ADDITIONS = [
  {name: 'Nangan (Matsu)', lat: 26.1511, lon: 119.9272, area_km2: 10.4},
  {name: 'Beigan (Matsu)', lat: 26.224, lon: 120.003, area_km2: 8.9},
  {name: 'Dongyin (Matsu)', lat: 26.367, lon: 120.49, area_km2: 3.9},
];

// Places the land must get right: land at surveyed positions of the islands
// and towns the scenarios depend on, sea where ships sail.
const CHECKS = [
  {name: 'Uotsuri-jima', lat: 25 + 44 / 60, lon: 123 + 28 / 60, land: true},
  {name: 'Kuba-jima', lat: 25 + 55 / 60, lon: 123 + 40 / 60, land: true},
  {name: 'Taisho-jima', lat: 25 + 55 / 60, lon: 124 + 33 / 60, land: true},
  {name: '2 km north of Uotsuri-jima', lat: 25 + 44 / 60 + 2 / 111.2, lon: 123 + 28 / 60, land: false},
  {name: 'Taipei', lat: 25.033, lon: 121.565, land: true},
  {name: 'Magong, Penghu', lat: 23.566, lon: 119.586, land: true},
  {name: 'Kinmen', lat: 24.432, lon: 118.372, land: true},
  {name: 'Nangan, Matsu', lat: 26.1511, lon: 119.9272, land: true},
  {name: 'Yonaguni-jima', lat: 24.455, lon: 123.000, land: true},
  {name: 'Ishigaki-jima', lat: 24.41, lon: 124.18, land: true},
  {name: 'Miyako-jima', lat: 24.78, lon: 125.31, land: true},
  {name: 'Naha, Okinawa', lat: 26.21, lon: 127.68, land: true},
  {name: 'Fuzhou', lat: 26.07, lon: 119.30, land: true},
  {name: 'Middle of the Taiwan Strait', lat: 24.30, lon: 119.90, land: false},
  {name: 'Miyako Strait', lat: 25.20, lon: 126.00, land: false},
  {name: 'East China Sea, middle', lat: 28.00, lon: 125.80, land: false},
];

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function regionPolygons(topology) {
  const land = topojson.feature(topology, topology.objects.land);
  const out = [];
  for (const feature of land.features) {
    const g = feature.geometry;
    for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      const rings = polygon
          .map((ring) => clipPolygon(ring.slice(0, -1), REGION))
          .filter((ring) => ring.length >= 3);
      // A hole can only survive if its outer ring did.
      if (rings.length > 0 && polygon[0] && clipPolygon(polygon[0].slice(0, -1), REGION).length >= 3) {
        out.push({rings, name: null});
      }
    }
  }
  return out;
}

function vertexMean(ring) {
  let x = 0, y = 0;
  for (const [lon, lat] of ring) { x += lon; y += lat; }
  return [y / ring.length, x / ring.length];
}

function closestPolygon(polygons, [lat, lon]) {
  let best = null, bestD = Infinity;
  for (const p of polygons) {
    const [mlat, mlon] = vertexMean(p.rings[0]);
    const d = Math.hypot(mlat - lat, (mlon - lon) * Math.cos(lat * Math.PI / 180));
    if (d < bestD) { bestD = d; best = p; }
  }
  if (bestD > 0.01) throw new Error(`no Natural Earth island within 1 km of ${lat}, ${lon}`);
  return best;
}

function applyCorrections(polygons) {
  const applied = [];
  for (const {group, islands} of CORRECTIONS) {
    const matched = islands.map((island) => ({island, polygon: closestPolygon(polygons, island.near)}));
    let dlat = 0, dlon = 0;
    for (const {island, polygon} of matched) {
      const [mlat, mlon] = vertexMean(polygon.rings[0]);
      dlat += island.lat - mlat;
      dlon += island.lon - mlon;
    }
    dlat /= matched.length;
    dlon /= matched.length;
    const residuals = [];
    for (const {island, polygon} of matched) {
      polygon.rings = polygon.rings.map((ring) => ring.map(([lon, lat]) => [lon + dlon, lat + dlat]));
      polygon.name = island.name;
      const [mlat, mlon] = vertexMean(polygon.rings[0]);
      residuals.push({island: island.name,
                      residual_km: +(Math.hypot(mlat - island.lat,
                          (mlon - island.lon) * Math.cos(island.lat * Math.PI / 180)) * 111.2).toFixed(2)});
    }
    const km = Math.hypot(dlat, dlon * Math.cos(25.8 * Math.PI / 180)) * 111.2;
    applied.push({group, shift_deg: {lat: +dlat.toFixed(5), lon: +dlon.toFixed(5)},
                  shift_km: +km.toFixed(2), residuals});
  }
  return applied;
}

function addIslands(polygons) {
  for (const {name, lat, lon, area_km2} of ADDITIONS) {
    const radiusKm = Math.sqrt(area_km2 / (16 / 2 * Math.sin(2 * Math.PI / 16)));
    const ring = [];
    for (let k = 0; k < 16; ++k) {
      const a = 2 * Math.PI * k / 16;
      ring.push([lon + radiusKm * Math.cos(a) / (111.32 * Math.cos(lat * Math.PI / 180)),
                 lat + radiusKm * Math.sin(a) / 110.6]);
    }
    polygons.push({rings: [ring], name, added: true});
  }
  return ADDITIONS.map(({name, lat, lon, area_km2}) => ({name, lat, lon, area_km2}));
}

// Even-odd rule over every ring of every polygon.
function onLand(polygons, lat, lon) {
  let inside = false;
  for (const p of polygons) {
    for (const ring of p.rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i], [xj, yj] = ring[j];
        if ((yi > lat) !== (yj > lat) && lon < xj + (lat - yj) / (yi - yj) * (xi - xj)) inside = !inside;
      }
    }
  }
  return inside;
}

const round = (v) => Math.round(v * 1e5) / 1e5;

function main() {
  const digest = sha256(SOURCE);
  if (digest !== SOURCE_SHA256) {
    throw new Error(`world-atlas land-10m.json has SHA-256 ${digest}, expected ${SOURCE_SHA256}`);
  }
  const polygons = regionPolygons(JSON.parse(fs.readFileSync(SOURCE)));
  const corrections = applyCorrections(polygons);
  const additions = addIslands(polygons);
  for (const check of CHECKS) {
    if (onLand(polygons, check.lat, check.lon) !== check.land) {
      throw new Error(`${check.name} (${check.lat}, ${check.lon}) should be ${check.land ? 'land' : 'sea'}`);
    }
  }
  const features = polygons.map((p) => ({
    type: 'Feature',
    properties: p.name ? {name: p.name, [p.added ? 'added' : 'corrected']: true} : {},
    geometry: {type: 'Polygon',
               coordinates: p.rings.map((ring) => {
                 const r = ring.map(([lon, lat]) => [round(lon), round(lat)]);
                 return [...r, r[0]];
               })},
  }));
  const vertices = features.reduce((n, f) => n + f.geometry.coordinates.reduce((m, r) => m + r.length - 1, 0), 0);
  const collection = {
    type: 'FeatureCollection',
    bbox: REGION,
    hotline: {
      what: 'land polygons of East Asia for hotline scenarios',
      source: 'Natural Earth 1:10m land (public domain), as TopoJSON in the npm package world-atlas',
      source_package: `world-atlas@${SOURCE_VERSION}`,
      source_file: 'land-10m.json',
      source_sha256: digest,
      made_by: 'scripts/geography/make-land.sh',
      region: {west: REGION[0], south: REGION[1], east: REGION[2], north: REGION[3]},
      corrections,
      additions,
      polygons: features.length,
      vertices,
    },
    features,
  };
  fs.mkdirSync(path.dirname(OUTPUT), {recursive: true});
  const lines = ['{"type":"FeatureCollection",',
    `"bbox":${JSON.stringify(REGION)},`,
    `"hotline":${JSON.stringify(collection.hotline, null, 1)},`,
    '"features":[',
    features.map((f) => JSON.stringify(f)).join(',\n'),
    ']}', ''];
  fs.writeFileSync(OUTPUT, lines.join('\n'));
  console.log(`${OUTPUT}: ${features.length} polygons, ${vertices} vertices`);
  for (const c of corrections) console.log(`  ${c.group}: moved ${c.shift_km} km`, JSON.stringify(c.residuals));
}

main();
