#!/usr/bin/env bash
# Before/after figures for a change: the fan-out at 2,000 clients in 400 rooms against FocusMate built from
# two commits (or one commit with two environments), one after the other on the same machine.
#   bench/compare.sh REF_A REF_B                     e.g. bench/compare.sh 8387c06 HEAD
#   COMPARE_ENV_B="DOTNET_gcServer=0" bench/compare.sh HEAD HEAD      (A/B of a runtime setting)
# COMPARE_RATES (default 500,1000), COMPARE_SECONDS (12), COMPARE_ENV_A / COMPARE_ENV_B (space-separated VAR=value),
# COMPARE_OUT (default bench/results/profile/compare-<a>-<b>.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
A=${1:?usage: compare.sh REF_A REF_B}
B=${2:?usage: compare.sh REF_A REF_B}
RATES=${COMPARE_RATES:-500,1000}
SECONDS_PER_RATE=${COMPARE_SECONDS:-12}
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true
dotnet build bench/FocusMate.Bench -c Release -nologo -v quiet >/dev/null
G="dotnet $ROOT/bench/FocusMate.Bench/bin/Release/net10.0/FocusMate.Bench.dll"
WORK=$(mktemp -d /tmp/fm-compare.XXXXXX)
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

run_side() { # side ref env...
  local side=$1 ref=$2; shift 2
  local sha; sha=$(git rev-parse --short "$ref")
  mkdir -p "$WORK/$side/src" "$WORK/$side/data"
  git archive "$ref" | tar -x -C "$WORK/$side/src"
  dotnet build "$WORK/$side/src/src/FocusMate.Api" -c Release -nologo -v quiet -o "$WORK/$side/api" >/dev/null
  (cd "$WORK/$side/api" && exec env DataDirectory="$WORK/$side/data" Urls=http://127.0.0.1:8240 RateLimiting__Enabled=false Serilog__MinimumLevel__Default=Warning \
    Spa__RootPath="$WORK/no-spa" "$@" dotnet FocusMate.Api.dll >"$WORK/$side.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 60); do curl -sf http://127.0.0.1:8240/health >/dev/null && break; sleep 0.5; done
  $G fanout --target http://127.0.0.1:8240 --server-pid "$PID" --clients 2000 --rate "$RATES" --warmup 3 \
    --seconds "$SECONDS_PER_RATE" --name "$side: $sha $*" >"$WORK/$side.json" 2>/dev/null || true
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

# shellcheck disable=SC2086
run_side A "$A" ${COMPARE_ENV_A:-}
# shellcheck disable=SC2086
run_side B "$B" ${COMPARE_ENV_B:-}
OUT=${COMPARE_OUT:-$ROOT/bench/results/profile/compare-$(git rev-parse --short "$A")-$(git rev-parse --short "$B")${COMPARE_ENV_B:+-env}.md}
mkdir -p "$(dirname "$OUT")"
python3 - "$WORK/A.json" "$WORK/B.json" <<'PY' | tee "$OUT"
import json, sys
print('| FocusMate | cmd/s | p50 ms | p95 ms | p99 ms | lost | server cores | µs CPU / delivery | others cores |')
print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for path in sys.argv[1:]:
    text, dec, i = open(path).read(), json.JSONDecoder(), 0
    while (i := text.find('{', i)) >= 0:
        d, n = dec.raw_decode(text[i:]); i += n
        l, c = d['latency'], d['cpu']
        print(f"| {d['target']} | {d['commands_per_second']:.0f} | {l['p50']:.1f} | {l['p95']:.1f} | {l['p99']:.1f} | {d['lost']} | "
              f"{c['server_cores']:.2f} | {d['server_cpu_micros_per_delivery']:.0f} | {c['other_cores']:.2f} |")
PY
