#!/usr/bin/env bash
# Runs every test suite of FocusMate and ends with the line "N passed, N failed".
#
# On a fresh Debian machine with the .NET 10 SDK and Node 20, run as root, it installs what the suites
# need (PostgreSQL, Redis, nginx and Chromium from Debian, the local .NET tools, npm packages), starts
# the services they use on loopback, and stops what it started when it ends. Exits non-zero when any
# suite fails. (FOCUSMATE_SKIP_FRONTEND=1 leaves out the browser app's suites, for backend work.)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

export FOCUSMATE_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=focus;Password=focus"
export FOCUSMATE_TEST_REDIS="127.0.0.1:6379"

passed=0
failed=0
started=()

note() { printf '\n== %s  [%ss]\n' "$*" "$SECONDS"; }
fail_step() { echo "   FAILED: $*"; failed=$((failed + 1)); }

# Adds the counts of a JUnit or TRX result file to the totals; a missing file counts as one failure.
count_results() {
  local file=$1 total fail head
  if [ ! -f "$file" ]; then
    fail_step "no results in $file"; return
  fi
  case "$file" in
    *.trx)
      head=$(grep -o '<Counters [^>]*' "$file")
      total=$(grep -o ' total="[0-9]*"' <<<"$head" | grep -o '[0-9]*')
      fail=$(grep -o ' failed="[0-9]*"' <<<"$head" | grep -o '[0-9]*') ;;
    *)
      head=$(grep -o '<testsuites[^>]*' "$file" | head -n 1)
      total=$(grep -o ' tests="[0-9]*"' <<<"$head" | grep -o '[0-9]*')
      fail=$(( $(grep -o ' failures="[0-9]*"' <<<"$head" | grep -o '[0-9]*' || echo 0) \
             + $(grep -o ' errors="[0-9]*"' <<<"$head" | grep -o '[0-9]*' || echo 0) )) ;;
  esac
  total=${total:-0}; fail=${fail:-0}
  passed=$((passed + total - fail)); failed=$((failed + fail))
  echo "   $((total - fail)) passed, $fail failed ($(basename "$file"))"
}

install_system_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v nginx >/dev/null 2>&1 || missing+=(nginx)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)   # promtool, and the Prometheus the observability tests run
  command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)        # scripts/backup.sh checks its SQLite copy with it
  # Not needed by any assertion, but without them Korean and emoji are boxes in screenshots.
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  [ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "   missing Debian packages: ${missing[*]} — run as root (or install them) so every suite can run"
    return 1
  fi
  echo "   installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_postgres() {
  local cluster version name
  cluster=$(pg_lsclusters -h 2>/dev/null | head -n 1) || return 1
  [ -n "$cluster" ] || return 1
  version=$(awk '{print $1}' <<<"$cluster"); name=$(awk '{print $2}' <<<"$cluster")
  if ! pg_ctlcluster "$version" "$name" status >/dev/null 2>&1; then
    pg_ctlcluster "$version" "$name" start || return 1
    started+=("pg_ctlcluster $version $name stop")
  fi
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'focus'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"CREATE USER focus WITH PASSWORD 'focus' CREATEDB;\"" || return 1
  # A throwaway test server: it may lose data on a crash, and tests drop their databases themselves.
  su postgres -c "psql -qc 'GRANT pg_signal_backend TO focus;' -c 'ALTER SYSTEM SET fsync = off;' -c 'ALTER SYSTEM SET synchronous_commit = off;' -c 'ALTER SYSTEM SET full_page_writes = off;'" >/dev/null
  pg_ctlcluster "$version" "$name" reload >/dev/null
}

start_redis() {
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return 0
  redis-server --daemonize yes --port 6379 --bind 127.0.0.1 --save '' --appendonly no --pidfile /tmp/focusmate-test-redis.pid >/dev/null || return 1
  started+=("redis-cli -h 127.0.0.1 -p 6379 shutdown nosave")
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  return 1
}

stop_services() {
  local i
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do eval "${started[$i]}" >/dev/null 2>&1 || true; done
}
trap stop_services EXIT

# --- Set-up -------------------------------------------------------------------------------------
note "System packages"
install_system_packages || fail_step "installing system packages"
note "Services (PostgreSQL, Redis)"
start_postgres && echo "   PostgreSQL is up" || fail_step "starting PostgreSQL"
start_redis && echo "   Redis is up" || fail_step "starting Redis"
note "Restoring .NET tools"
dotnet tool restore >/dev/null || fail_step "dotnet tool restore"
note "Building (warnings are errors, code metrics enforced)"
if ! dotnet build FocusMate.sln -c Release -nologo -clp:ErrorsOnly -v:q; then
  echo; echo "$passed passed, $((failed + 1)) failed"; exit 1
fi

# --- .NET suites ----------------------------------------------------------------------------------
run_dotnet_suite() {
  local project=$1 label=$2; shift 2
  note "FocusMate.$project ($label)"
  env "$@" dotnet test "tests/FocusMate.$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$project-$label.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS/$project-$label" --collect:"XPlat Code Coverage" --settings tests/coverage.runsettings
  count_results "$RESULTS/$project-$label/$project-$label.trx"
}

run_dotnet_suite UnitTests domain FOCUSMATE_TEST_POSTGRES=
run_dotnet_suite IntegrationTests sqlite FOCUSMATE_TEST_POSTGRES=
run_dotnet_suite IntegrationTests postgres FOCUSMATE_TEST_POSTGRES="$FOCUSMATE_TEST_POSTGRES"

note "Line coverage of src/ (all .NET suites)"
if dotnet reportgenerator -reports:"$RESULTS/**/coverage.cobertura.xml" -targetdir:"$RESULTS/coverage" \
     -reporttypes:TextSummary -verbosity:Warning >/dev/null 2>&1; then
  grep -E '^\s*(Line coverage|Branch coverage):' "$RESULTS/coverage/Summary.txt" | sed 's/^ */   /'
fi

# --- Browser app ----------------------------------------------------------------------------------
if [ -f frontend/package.json ] && [ "${FOCUSMATE_SKIP_FRONTEND:-}" != 1 ]; then
  cd frontend
  note "npm ci"
  npm ci --no-audit --no-fund >/dev/null || fail_step "npm ci"
  note "Lint (ESLint: boundaries, cycles, complexity)"
  npm run --silent lint || fail_step "lint"
  note "Formatting (Prettier)"
  npm run --silent format:check || fail_step "format check"
  note "Type check (tsc, strict)"
  npm run --silent typecheck || fail_step "type check"
  note "Unit tests (Vitest)"
  npm run --silent test -- --reporter=default --reporter=junit --outputFile.junit="$RESULTS/vitest.xml"
  count_results "$RESULTS/vitest.xml"
  note "Build (Vite)"
  npm run --silent build >/dev/null || fail_step "vite build"
  note "End-to-end tests (Playwright, Chromium, against the real backend)"
  # The app was just built above; npm run e2e would build it again. The sync probe samples 12 flips here
  # (PROBE_FLIPS; it prints figures and checks that both pages flip the same seconds, not how closely).
  PROBE_FLIPS=${PROBE_FLIPS:-12} PLAYWRIGHT_JUNIT_OUTPUT_NAME="$RESULTS/playwright.xml" npx playwright test --reporter=list,junit
  count_results "$RESULTS/playwright.xml"
  cd "$ROOT"
fi

# --- Deployment -----------------------------------------------------------------------------------
note "Compose files (docker-compose config)"
docker-compose -f docker-compose.yml config -q && echo "   docker-compose.yml is valid" || fail_step "docker-compose.yml"
FOCUSMATE_SIGNING_KEY=ci-only-key-ci-only-key-ci-only-key POSTGRES_PASSWORD=ci \
  docker-compose -f docker-compose.yml -f docker-compose.scale.yml config -q \
  && echo "   docker-compose.scale.yml is valid" || fail_step "docker-compose.scale.yml"
docker-compose -f docker-compose.yml --profile observability config -q \
  && echo "   docker-compose.yml with the observability profile is valid" || fail_step "docker-compose.yml (observability profile)"
FOCUSMATE_SIGNING_KEY=ci-only-key-ci-only-key-ci-only-key POSTGRES_PASSWORD=ci \
  docker-compose -f docker-compose.yml -f docker-compose.scale.yml --profile observability config -q \
  && echo "   docker-compose.scale.yml with the observability profile is valid" || fail_step "docker-compose.scale.yml (observability profile)"

if [ ! -f frontend/dist/index.html ] && [ -f frontend/package.json ]; then
  note "Building the browser app for nginx"
  (cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; } && npm run --silent build >/dev/null) || fail_step "vite build"
fi
run_dotnet_suite ScaleOutTests nginx-postgres-redis FOCUSMATE_TEST_POSTGRES="$FOCUSMATE_TEST_POSTGRES" \
  FOCUSMATE_OBSERVABILITY_REPORT="$RESULTS/observability-dashboard.txt"
[ -f "$RESULTS/observability-dashboard.txt" ] && echo "   dashboard rendered from Prometheus: $RESULTS/observability-dashboard.txt"

# Both compose shapes built and run by a real Docker engine (it installs and starts one, and builds stand-ins
# for the base images where no registry answers): scripts/compose-test.sh.
note "Docker compose, both shapes (scripts/compose-test.sh)"
if FOCUSMATE_COMPOSE_RESULTS="$RESULTS/compose" bash scripts/compose-test.sh > "$RESULTS/compose.log" 2>&1; then
  sed 's/^/   /' "$RESULTS/compose/report.txt"
else
  tail -n 40 "$RESULTS/compose.log" | sed 's/^/   /'
fi
count_results "$RESULTS/compose/compose.trx"

# --- Load generator -------------------------------------------------------------------------------
# Seconds of each scenario at tiny sizes against FocusMate (this work tree) and the bare baseline: it
# keeps bench/ working and checks that every event arrives. It judges no timing (bench/README.md).
note "Load generator smoke (bench/run.sh --smoke)"
if BENCH_FM_SRC=worktree BENCH_OUT="$RESULTS/bench-smoke" bash bench/run.sh --smoke >"$RESULTS/bench-smoke.log" 2>&1; then
  grep -E 'fan-out|smoke passed' "$RESULTS/bench-smoke.log" | sed 's/^/   /'
  passed=$((passed + 1)); echo "   1 passed, 0 failed (bench smoke)"
else
  tail -n 30 "$RESULTS/bench-smoke.log" | sed 's/^/   /'
  failed=$((failed + 1)); echo "   0 passed, 1 failed (bench smoke)"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
