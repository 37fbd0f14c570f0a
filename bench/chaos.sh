#!/usr/bin/env bash
# The long chaos drill: the scale-out suite's chaos test (tests/FocusMate.ScaleOutTests/ChaosDrillTests.cs) run
# for CHAOS_TRANSITIONS transitions (default 100,000) — two API instances on PostgreSQL, a Redis of its own and
# nginx, 200 rooms of one-minute phases on a clock CHAOS_SPEED times faster (default 30), instances killed and
# Redis stopped at random — and its ledger written to docs/chaos-drill.md.
#   bench/chaos.sh                          # ~17 minutes on a 2-core box
#   CHAOS_TRANSITIONS=20000 bench/chaos.sh  # a shorter run
# Run as root on the machines the test script runs on (it starts PostgreSQL the same way).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TRANSITIONS=${CHAOS_TRANSITIONS:-100000}
OUT=${CHAOS_OUT:-$ROOT/docs/chaos-drill.md}
LOG=$(mktemp /tmp/focusmate-chaos-XXXX.log)

cluster=$(pg_lsclusters -h | head -n 1)
version=$(awk '{print $1}' <<<"$cluster"); name=$(awk '{print $2}' <<<"$cluster")
if ! pg_ctlcluster "$version" "$name" status >/dev/null 2>&1; then
  pg_ctlcluster "$version" "$name" start
  trap 'pg_ctlcluster "$version" "$name" stop' EXIT
fi
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'focus'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE USER focus WITH PASSWORD 'focus' CREATEDB;\""

[ -f frontend/dist/index.html ] || (cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)
dotnet build FocusMate.sln -c Release -nologo -clp:ErrorsOnly -v:q

started=$(date -u +%Y-%m-%dT%H:%MZ)
CHAOS_TRANSITIONS=$TRANSITIONS FOCUSMATE_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=focus;Password=focus" \
  dotnet test tests/FocusMate.ScaleOutTests -c Release --no-build --nologo --filter "FullyQualifiedName~ChaosDrill" \
  --logger "console;verbosity=normal" 2>&1 | tee "$LOG" | grep --line-buffered '\[chaos\]' || true   # a failed drill is written up too
outcome=$(grep -qE '^\s*Passed!|Test Run Successful' "$LOG" && echo "passed" || echo "FAILED")

{
  echo "# Chaos drill"
  echo
  echo "The long run of the scale-out suite's chaos test (\`bench/chaos.sh\`): two API instances on PostgreSQL with a Redis"
  echo "of their own behind nginx, 200 rooms of one-minute phases that start each other, the instances' clock running"
  echo "${CHAOS_SPEED:-30}× faster, one client per room through nginx, while an instance is killed (SIGKILL) and restarted or"
  echo "Redis is stopped and started every 3–7 s. The ledger compares the phases the database recorded with what"
  echo "every client was told. CI runs the same test for 10,000 transitions."
  echo
  echo "Run of $started, $(nproc) cores, commit $(git rev-parse --short HEAD): **$outcome**."
  echo
  echo '```'
  grep '\[chaos\] [0-9]* transitions\|\[chaos\] database\|\[chaos\] convergence' "$LOG" | sed 's/^ *//'
  echo '```'
  echo
  echo "Every fault, with how long after its end every client knew the database's versions:"
  echo
  echo '```'
  grep '\[chaos\] .* for .* s, every client' "$LOG" | sed 's/^ *//'
  echo '```'
} > "$OUT"
echo "written: $OUT ($outcome)"
[ "$outcome" = passed ]
