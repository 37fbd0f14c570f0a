#!/usr/bin/env bash
# Runs FocusMate as one process on http://localhost:8000: the API, the SignalR hub, Swagger and the
# browser app, on SQLite in ./data. Builds the browser app first when it is missing or older than
# its sources. Any setting can be overridden with environment variables (see README).
set -euo pipefail
cd "$(dirname "$0")/.."

spa_is_stale() {
  [ ! -f frontend/dist/index.html ] && return 0
  [ -n "$(find frontend/src frontend/public frontend/index.html frontend/package.json frontend/package-lock.json \
            frontend/vite.config.ts -newer frontend/dist/index.html -print -quit 2>/dev/null)" ]
}

if [ -f frontend/package.json ] && spa_is_stale; then
  echo "Building the browser app (frontend/dist)…"
  (
    cd frontend
    if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then npm ci --no-audit --no-fund; fi
    npm run build
  )
fi

export DataDirectory="${DataDirectory:-$PWD/data}"
# Readable log lines for a person at a terminal; JSON lines when the output goes to a file or a collector.
if [ -t 1 ] && [ -z "${Logs__Format:-}" ]; then export Logs__Format=Text; fi
export Spa__RootPath="${Spa__RootPath:-$PWD/frontend/dist}"
exec dotnet run --project src/FocusMate.Api -c Release "$@"
