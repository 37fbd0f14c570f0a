#!/usr/bin/env bash
# Profiles FocusMate under the fan-out load, for the "Hot spots" of the report (see bench/README.md).
#   bench/profile.sh
# 1. SQL statements per timer command, per GET room and per join (EF Core command log, a few operations).
# 2. Under 2,000 clients in 400 rooms at PROFILE_RATE (500) commands/s: dotnet-counters (GC, allocation,
#    thread pool), dotnet-trace (sampled thread time, as speedscope) and perf (CPU, with the JIT's perf map).
# 3. Before/after (bench/compare.sh): the fan-out at 500 and 1,000 commands/s against FocusMate built from PROFILE_BEFORE
#    (default 8387c06, the code the first report measured) and from BENCH_FM_REF (default HEAD).
# Writes bench/results/profile/ (text summaries; the raw traces go to bench/results/tmp/profile/).
#    PROFILE_COMPARE=0 stops after step 2.
# The diagnostic tools are installed into /tmp/fm-tools (dotnet tool install --tool-path).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/results/profile
RAW=$ROOT/bench/results/tmp/profile
RATE=${PROFILE_RATE:-500}
BEFORE=${PROFILE_BEFORE:-8387c06}
TOOLS=/tmp/fm-tools
mkdir -p "$OUT" "$RAW"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true
log() { echo "[profile.sh $(date -u +%H:%M:%S)] $*"; }

for tool in dotnet-counters dotnet-trace; do
  [[ -x "$TOOLS/$tool" ]] || dotnet tool install "$tool" --version 10.0.750501 --tool-path "$TOOLS" >/dev/null
done
WORK=$(mktemp -d /tmp/fm-profile.XXXXXX)
# FocusMate from a commit (BENCH_FM_REF, default HEAD), built outside the shared work tree, as run.sh does.
mkdir -p "$WORK/src"
git archive "${BENCH_FM_REF:-HEAD}" | tar -x -C "$WORK/src"
dotnet build "$WORK/src/src/FocusMate.Api" -c Release -nologo -v quiet -o "$WORK/api" >/dev/null
dotnet build bench/FocusMate.Bench -c Release -nologo -v quiet >/dev/null
G="dotnet $ROOT/bench/FocusMate.Bench/bin/Release/net10.0/FocusMate.Bench.dll"
PID=""
stop() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; PID=""; }
trap 'stop; rm -rf "$WORK"' EXIT

# start PORT NAME [ENV=VALUE...]: a fresh FocusMate (own data directory, Warning logs) in the background.
start() {
  local port=$1 name=$2; shift 2
  mkdir -p "$WORK/$name"
  (cd "$WORK/api" && exec env DataDirectory="$WORK/$name" Urls="http://127.0.0.1:$port" RateLimiting__Enabled=false Serilog__MinimumLevel__Default=Warning \
    Spa__RootPath="$WORK/no-spa" "$@" dotnet FocusMate.Api.dll >"$WORK/$name.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0; sleep 0.5; done
  echo "FocusMate did not start" >&2; exit 1
}

log "1. SQL statements per operation"
start 8230 sql "Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information"
$G fanout --target http://127.0.0.1:8230 --clients 5 --room-size 5 --rate 5 --warmup 0 --seconds 4 >/dev/null 2>&1
{
  echo "## SQL statements per timer command (pause/resume over the hub)"
  python3 bench/tools/sql_per_operation.py "$WORK/sql.log"
  ROOM=$(curl -sf -XPOST http://127.0.0.1:8230/api/v1/rooms -H 'content-type: application/json' -d '{"room_name":"sqlcount","host_name":"h"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["room_id"])')
  before=$(grep -c "Executed DbCommand" "$WORK/sql.log")
  for _ in $(seq 1 20); do curl -sf "http://127.0.0.1:8230/api/v1/rooms/$ROOM" >/dev/null; done
  after=$(grep -c "Executed DbCommand" "$WORK/sql.log")
  echo "## GET /api/v1/rooms/{id}: $(( (after - before) / 20 )) statements per request"
  before=$after
  $G joinstorm --target http://127.0.0.1:8230 --clients 10 >/dev/null 2>&1
  after=$(grep -c "Executed DbCommand" "$WORK/sql.log")
  echo "## join (REST join + hub connect + join_room, 10 clients into one room, then their disconnects): $(( (after - before) / 10 )) statements per client"
} | tee "$OUT/sql-per-operation.txt"
stop

log "2. counters, trace and perf under 2,000 clients at $RATE commands/s"
# Perf map for JIT code; W^X off so perf sees the JIT code where the map says it is (not in a memfd double mapping).
start 8231 load DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
SERVER=$PID
$G fanout --target http://127.0.0.1:8231 --server-pid "$SERVER" --clients 2000 --rate "$RATE" --warmup 3 --seconds 45 \
  >"$RAW/fanout-profiled.json" 2>"$RAW/fanout-profiled.err" &
GEN=$!
for _ in $(seq 1 600); do grep -q "stage:" "$RAW/fanout-profiled.err" 2>/dev/null && break; sleep 0.5; done
sleep 4
timeout 40 "$TOOLS/dotnet-counters" collect -p "$SERVER" --format csv -o "$RAW/counters.csv" --refresh-interval 1 \
  --counters System.Runtime --duration 00:00:00:12 >/dev/null 2>&1 || true
timeout 90 "$TOOLS/dotnet-trace" collect -p "$SERVER" --profile dotnet-sampled-thread-time --duration 00:00:00:10 \
  --format speedscope -o "$RAW/fanout.nettrace" >/dev/null 2>&1 || true
if command -v perf >/dev/null; then
  timeout 30 perf record -e cpu-clock -F 499 -g -p "$SERVER" -o "$RAW/perf.data" -- sleep 10 >/dev/null 2>&1 || true
fi
wait "$GEN" || true
{
  echo "## fan-out while profiled (2,000 clients, $RATE commands/s; the tools themselves cost CPU)"
  python3 - "$RAW/fanout-profiled.json" <<'PY' || true
import json, sys
d = json.load(open(sys.argv[1])); l = d['latency']
print('p50', l['p50'], 'ms, p99', l['p99'], 'ms, lost', d['lost'], ', server', d['cpu']['server_cores'], 'cores,',
      d['server_cpu_micros_per_delivery'], 'us/delivery, others', d['cpu']['other_cores'], 'cores')
PY
  echo
  echo "## dotnet-counters (System.Runtime), means over 12 s"
  python3 - "$RAW/counters.csv" "$RATE" <<'PY'
import csv, collections, sys
rows = list(csv.reader(open(sys.argv[1])))[1:]
rate = float(sys.argv[2])
sums, counts = collections.defaultdict(float), collections.Counter()
for r in rows:
    try:
        sums[r[2]] += float(r[4]); counts[r[2]] += 1
    except (ValueError, IndexError):
        pass
def mean(prefix):
    keys = [k for k in sums if k.startswith(prefix)]
    return sum(sums[k] / counts[k] for k in keys)
alloc = mean('dotnet.gc.heap.total_allocated')
print(f'allocated: {alloc / 1e6:.1f} MB/s = {alloc / rate / 1024:.0f} KiB per timer command')
print(f'GC pause: {1000 * mean("dotnet.gc.pause.time"):.0f} ms per second')
print(f'gen0 / gen1 / gen2 collections per second: {mean("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0]"):.2f} / {mean("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen1]"):.2f} / {mean("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen2]"):.2f}')
print(f'lock contentions per second: {mean("dotnet.monitor.lock_contentions"):.0f}')
PY
  echo
  echo "## dotnet-trace, sampled thread time (threads in managed code, on CPU or suspended: use for the split of a path, perf for CPU)"
  [[ -f "$RAW/fanout.speedscope.json" ]] && python3 bench/tools/speedscope_summary.py "$RAW/fanout.speedscope.json"
  if [[ -f "$RAW/perf.data" ]]; then
    echo
    echo "## perf (cpu-clock, whole process incl. native code), top shared objects and symbols"
    set +o pipefail
    perf report -i "$RAW/perf.data" --no-children --sort dso -g none --stdio 2>/dev/null | grep '%' | head -12
    echo
    perf report -i "$RAW/perf.data" --no-children --sort dso,sym -g none --stdio 2>/dev/null | grep '%' | head -60
    echo
    echo "### perf, inclusive (children) by symbol"
    perf report -i "$RAW/perf.data" --children --sort sym -g none --stdio 2>/dev/null | grep '%' | head -70
    set -o pipefail
  fi
} >"$OUT/fanout-profile.txt" 2>&1
stop
log "wrote $OUT/fanout-profile.txt"

if [[ "${PROFILE_COMPARE:-1}" == 0 ]]; then log "done (PROFILE_COMPARE=0: no before/after): $OUT"; exit 0; fi
log "3. before/after: the fan-out at 500 and 1,000 commands/s, FocusMate at $BEFORE (before the fixes) and at ${BENCH_FM_REF:-HEAD}"
COMPARE_OUT="$OUT/before-after.md" bench/compare.sh "$BEFORE" "${BENCH_FM_REF:-HEAD}"
log "done: $OUT"
