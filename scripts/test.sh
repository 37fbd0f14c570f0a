#!/usr/bin/env bash
# Runs every test suite of FocusMate and ends with the line "N passed, N failed".
# On a fresh Debian machine with the .NET 10 SDK and Node 20 it installs what the suites need
# (Debian packages when run as root, the local .NET tools, npm packages) and starts and stops the
# services they use. Exits non-zero when any suite fails.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

passed=0
failed=0
suite_failed=0

note() { printf '\n== %s\n' "$*"; }

# Adds the counts of a JUnit or TRX result file to the totals.
count_results() {
  local file=$1 total fail
  if [ ! -f "$file" ]; then
    echo "   no results in $file: counting the suite as one failure"
    failed=$((failed + 1)); return
  fi
  case "$file" in
    *.trx)
      total=$(grep -o '<Counters [^>]*' "$file" | grep -o ' total="[0-9]*"' | grep -o '[0-9]*')
      fail=$(grep -o '<Counters [^>]*' "$file" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*') ;;
    *)
      local head; head=$(grep -o '<testsuites[^>]*' "$file" | head -n 1)
      total=$(grep -o ' tests="[0-9]*"' <<<"$head" | grep -o '[0-9]*')
      fail=$(( $(grep -o ' failures="[0-9]*"' <<<"$head" | grep -o '[0-9]*' || echo 0) + $(grep -o ' errors="[0-9]*"' <<<"$head" | grep -o '[0-9]*' || echo 0) )) ;;
  esac
  total=${total:-0}; fail=${fail:-0}
  passed=$((passed + total - fail)); failed=$((failed + fail))
  echo "   $((total - fail)) passed, $fail failed ($(basename "$file"))"
}

run_step() {
  local name=$1; shift
  note "$name"
  if ! "$@"; then
    echo "   FAILED: $name"
    suite_failed=1
    return 1
  fi
}

install_system_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "   missing Debian packages: ${missing[*]} (run as root, or install them, to run the browser tests)"
    return 0
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- Set-up -------------------------------------------------------------------------------------
run_step "Installing system packages" install_system_packages
run_step "Restoring .NET tools" dotnet tool restore
run_step "Building (warnings are errors, code metrics enforced)" dotnet build FocusMate.sln -c Release -nologo -clp:ErrorsOnly || {
  echo "0 passed, 1 failed"; exit 1; }

# --- .NET suites ----------------------------------------------------------------------------------
for project in UnitTests IntegrationTests; do
  note "FocusMate.$project"
  dotnet test "tests/FocusMate.$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS/$project" --collect:"XPlat Code Coverage" --settings tests/coverage.runsettings \
    || suite_failed=1
  count_results "$RESULTS/$project/$project.trx"
done

note "Line coverage of src/ (unit + integration)"
if dotnet reportgenerator -reports:"$RESULTS/**/coverage.cobertura.xml" -targetdir:"$RESULTS/coverage" \
     -reporttypes:TextSummary -verbosity:Warning >/dev/null 2>&1; then
  grep -E '^\s*(Line coverage|Branch coverage):' "$RESULTS/coverage/Summary.txt" | sed 's/^ */   /'
fi

# --- Browser app ----------------------------------------------------------------------------------
if [ -f frontend/package.json ] && [ "${FOCUSMATE_SKIP_FRONTEND:-}" != 1 ]; then
  cd frontend
  run_step "npm ci" npm ci --no-audit --no-fund
  run_step "Lint (ESLint: boundaries, cycles, complexity)" npm run --silent lint
  run_step "Formatting (Prettier)" npm run --silent format:check
  run_step "Type check (tsc, strict)" npm run --silent typecheck
  note "Unit tests (Vitest)"
  npm run --silent test -- --reporter=default --reporter=junit --outputFile.junit="$RESULTS/vitest.xml" || suite_failed=1
  count_results "$RESULTS/vitest.xml"
  run_step "Build (Vite)" npm run --silent build
  note "End-to-end tests (Playwright, Chromium, against the real backend)"
  PLAYWRIGHT_JUNIT_OUTPUT_NAME="$RESULTS/playwright.xml" npm run --silent e2e -- --reporter=list,junit || suite_failed=1
  count_results "$RESULTS/playwright.xml"
  cd "$ROOT"
fi

[ $suite_failed -ne 0 ] && [ $failed -eq 0 ] && failed=1
echo
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
