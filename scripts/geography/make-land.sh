#!/usr/bin/env bash
# Rebuilds scenarios/land/east_asia_10m.geojson from Natural Earth (npm
# world-atlas, pinned in package-lock.json) with make-land.mjs. Not part of
# the build: the output is committed. Needs node and npm (Debian: nodejs,
# npm) and the npm registry.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
node make-land.mjs "$@"
