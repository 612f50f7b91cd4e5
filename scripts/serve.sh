#!/usr/bin/env bash
# `npm run serve [-- --port N]`: the console in browser mode, on the demo workspace until another is
# chosen. On a fresh clone it installs the npm dependencies first, then builds and starts.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm dependencies (first run; better-sqlite3 compiles for about 2 minutes)…"
  ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}" npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build >/dev/null
# No --enable-source-maps: reading the bundle's maps added ~60 ms to every start. Stack traces in
# the log still name functions (the bundle keeps names); to map them to the sources when
# debugging: NODE_OPTIONS=--enable-source-maps npm run serve
exec node dist-electron/cli.mjs serve "$@"
