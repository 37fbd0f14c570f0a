#!/usr/bin/env bash
# One command for the whole benchmark (see bench/README.md):
#   bench/run.sh           builds FocusMate.Api, bench/BareHub and the generator in Release, starts FocusMate
#                          (fresh temporary SQLite data directory, Warning logs) and the bare app on loopback,
#                          runs every scenario against both, stops them, and writes bench/results/
#                          (report.md, results.json, PNG charts).
#   bench/run.sh --smoke   a few seconds at tiny sizes; exits non-zero unless events actually arrive
#                          (no timing is judged). Writes to bench/results/tmp/smoke/.
# Environment: FM_PORT (8200), BARE_PORT (8201), BENCH_OUT (output folder), BENCH_KEEP=1 keeps the temp folder,
# BENCH_FM_REF (the commit of FocusMate to build, default HEAD), BENCH_FM_SRC=worktree (build the work tree instead),
# BENCH_POSTGRES (a PostgreSQL server's connection string without a database: then the fan-out at 2,000 clients also
# runs against FocusMate on PostgreSQL, single instance, in a fresh database, and report.md gets its table).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SMOKE=""
[[ "${1:-}" == "--smoke" ]] && SMOKE="--smoke"
FM_PORT=${FM_PORT:-8200}
BARE_PORT=${BARE_PORT:-8201}
if [[ -n "$SMOKE" ]]; then OUT=${BENCH_OUT:-$ROOT/bench/results/tmp/smoke}; else OUT=${BENCH_OUT:-$ROOT/bench/results}; fi
mkdir -p "$OUT"

# Thousands of sockets on each side of loopback.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true

log() { echo "[run.sh $(date -u +%H:%M:%S)] $*"; }

for port in "$FM_PORT" "$BARE_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: set FM_PORT / BARE_PORT" >&2; exit 1
  fi
done

WORK=$(mktemp -d /tmp/fm-bench.XXXXXX)
log "building in Release"
# FocusMate is built from a commit (default HEAD) exported to a temporary folder: the shared work tree may
# hold someone's unfinished change, and a build there could collide with theirs. BENCH_FM_SRC=worktree
# builds the work tree as it is instead (to measure a change before committing it).
if [[ "${BENCH_FM_SRC:-}" == "worktree" ]]; then
  FM_LABEL="work tree of $(git rev-parse --short HEAD) ($(git status --porcelain src | wc -l) changed files under src/)"
  dotnet build src/FocusMate.Api -c Release -nologo -v quiet
  cp -r src/FocusMate.Api/bin/Release/net10.0 "$WORK/api"
else
  FM_REF=${BENCH_FM_REF:-HEAD}
  FM_LABEL="commit $(git rev-parse --short "$FM_REF")"
  mkdir -p "$WORK/src"
  git archive "$FM_REF" | tar -x -C "$WORK/src"
  dotnet build "$WORK/src/src/FocusMate.Api" -c Release -nologo -v quiet -o "$WORK/api"
fi
dotnet build bench/BareHub -c Release -nologo -v quiet
dotnet build bench/FocusMate.Bench -c Release -nologo -v quiet
# A private copy of the bare app too: nobody's rebuild can replace binaries under a run.
cp -r bench/BareHub/bin/Release/net10.0 "$WORK/bare"
mkdir -p "$WORK/data"
log "FocusMate: $FM_LABEL"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ "${BENCH_KEEP:-}" == "1" ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log "starting FocusMate on :$FM_PORT (data $WORK/data, Warning logs) and the bare app on :$BARE_PORT"
(cd "$WORK/api" && exec env DataDirectory="$WORK/data" Urls="http://127.0.0.1:$FM_PORT" \
  RateLimiting__Enabled=false Serilog__MinimumLevel__Default=Warning Spa__RootPath="$WORK/no-spa" \
  dotnet FocusMate.Api.dll >"$WORK/focusmate.log" 2>&1) &
FM_PID=$!
PIDS+=("$FM_PID")
(cd "$WORK/bare" && exec env Urls="http://127.0.0.1:$BARE_PORT" dotnet BareHub.dll >"$WORK/bare.log" 2>&1) &
BARE_PID=$!
PIDS+=("$BARE_PID")

wait_up() {
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server on :$1 did not come up" >&2; cat "$WORK"/*.log >&2; exit 1
}
wait_up "$FM_PORT"
wait_up "$BARE_PORT"

log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
STATUS=0
dotnet bench/FocusMate.Bench/bin/Release/net10.0/FocusMate.Bench.dll suite \
  --focusmate "http://127.0.0.1:$FM_PORT" --focusmate-pid "$FM_PID" --focusmate-label "$FM_LABEL" \
  --bare "http://127.0.0.1:$BARE_PORT" --bare-pid "$BARE_PID" \
  --out "$OUT" $SMOKE || STATUS=$?

# The same fan-out on PostgreSQL, after the SQLite servers have stopped (the two would share the cores).
if [[ -n "${BENCH_POSTGRES:-}" && -z "$SMOKE" && "$STATUS" == 0 ]]; then
  kill "$FM_PID" "$BARE_PID" 2>/dev/null || true
  wait "$FM_PID" "$BARE_PID" 2>/dev/null || true
  PG_DB="focusmate_bench_$(date +%s)"
  log "FocusMate on PostgreSQL (database $PG_DB) on :$FM_PORT"
  (cd "$WORK/api" && exec env DataDirectory="$WORK/data-pg" Urls="http://127.0.0.1:$FM_PORT" Database__Provider=Postgres \
    ConnectionStrings__FocusMate="$BENCH_POSTGRES;Database=$PG_DB" \
    RateLimiting__Enabled=false Serilog__MinimumLevel__Default=Warning Spa__RootPath="$WORK/no-spa" \
    dotnet FocusMate.Api.dll >"$WORK/focusmate-pg.log" 2>&1) &
  PG_PID=$!
  PIDS+=("$PG_PID")
  wait_up "$FM_PORT"
  dotnet bench/FocusMate.Bench/bin/Release/net10.0/FocusMate.Bench.dll fanout --target "http://127.0.0.1:$FM_PORT" \
    --server-pid "$PG_PID" --clients 2000 --room-size 5 --rate "${BENCH_POSTGRES_RATES:-1000,2000,3000}" --warmup 3 --seconds 15 \
    >"$OUT/fanout-postgres.json" || STATUS=$?
  python3 bench/tools/postgres-table.py "$OUT/fanout-postgres.json" "$FM_LABEL" >>"$OUT/report.md" || STATUS=$?
  kill "$PG_PID" 2>/dev/null || true
fi

if grep -q '"@l":"\(Error\|Fatal\)"' "$WORK/focusmate.log"; then
  log "FocusMate logged errors during the run (first 5):"
  grep '"@l":"\(Error\|Fatal\)"' "$WORK/focusmate.log" | head -5 | cut -c1-400
fi
cp "$WORK/focusmate.log" "$OUT/focusmate-server.log" 2>/dev/null || true
log "done (exit $STATUS); results in $OUT"
exit "$STATUS"
