#!/usr/bin/env sh
# Run by the build (profile web, on by default): brings the web client's two browser libraries
# in from npm, pinned by src/main/web-client/package-lock.json. Without npm the build goes on and
# the page follows games by polling the REST API (it says so); -DskipWebClient skips this.
set -eu
cd "$(dirname "$0")/../src/main/web-client"
if ! command -v npm >/dev/null 2>&1; then
  echo "[WARNING] npm not found: the web client is built without its live library (the page polls REST); install node and npm for the live board"
  exit 0
fi
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0  # installed already from this lockfile
fi
npm ci --no-audit --no-fund
