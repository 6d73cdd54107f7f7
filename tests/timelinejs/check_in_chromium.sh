#!/usr/bin/env bash
# Loads a TimelineJS3 JSON file in Knight Lab's real TimelineJS (from the npm registry) in
# headless Chromium; prints {"slides": N, "markers": N, "message": …, "errors": […]} and fails
# on any error of the page.
#
#   tests/timelinejs/check_in_chromium.sh TIMELINE.json
#
# TimelineJS and playwright-core are installed once into a cache outside the repository
# ($TIMELINEJS_CACHE, default /tmp/belarus-timeline-timelinejs). 3.9.10 is the newest release
# whose package ships the built dist/js/timeline.js (3.9.11's has only the sources).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${TIMELINEJS_CACHE:-${TMPDIR:-/tmp}/belarus-timeline-timelinejs}"
timelinejs_version=3.9.10
playwright_version=1.65.1
mkdir -p "$cache"
if [ ! -f "$cache/package/dist/js/timeline.js" ]; then
  (cd "$cache" && npm pack --silent "@knight-lab/timelinejs@$timelinejs_version" >/dev/null \
    && tar xzf "knight-lab-timelinejs-$timelinejs_version.tgz")
fi
if [ ! -d "$cache/node_modules/playwright-core" ]; then
  (cd "$cache" && npm install --silent --no-audit --no-fund --no-save "playwright-core@$playwright_version" >/dev/null)
fi
NODE_PATH="$cache/node_modules" node "$here/load_in_timelinejs.cjs" "$1" "$cache/package/dist"
