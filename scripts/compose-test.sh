#!/usr/bin/env bash
# The compose stage: proves that both compose shapes of the repository's own files build and run
# (tests/FocusMate.ComposeTests drives `docker compose` for real), writes a TRX result file whose path it
# prints, and exits non-zero on any failure.
#
# Run as root on a Debian 12 machine with the .NET 10 SDK. It installs what it needs from Debian (docker.io, and
# debootstrap when stand-ins must be built), starts dockerd when no engine answers (and stops only what it
# started), pulls the base images the Dockerfiles and compose files name, and builds local stand-ins of them
# (../shared/docker-standins/build.sh) where a pull fails. The engine's build cache is kept between runs.
#   FOCUSMATE_COMPOSE_RESULTS   where the TRX, the report and the logs go (default TestResults/compose)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RESULTS=${FOCUSMATE_COMPOSE_RESULTS:-$ROOT/TestResults/compose}
STANDINS=$ROOT/../shared/docker-standins/build.sh
STANDINS_WORK=${FM_STANDINS_WORK:-/var/tmp/fm-standins}
PREFIX="fmct$$"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
REPORT=$RESULTS/report.txt
: > "$REPORT"

note() { printf '\n== %s  [%ss]\n' "$*" "$SECONDS"; }
fail() { echo "   FAILED: $*"; echo "compose stage: 0 passed, 1 failed"; exit 1; }
timed() { printf '%s\n' "$*" >> "$REPORT"; echo "   $*"; }

DOCKERD_PID=
cleanup() {
  # Whatever a crashed or killed test run left of its projects (the tests take their stacks down themselves).
  if docker info > /dev/null 2>&1; then
    local project
    for project in $(docker ps -a --format '{{.Label "com.docker.compose.project"}}' | grep "^$PREFIX-" | sort -u); do
      echo "   removing what is left of $project"
      docker ps -aq --filter "label=com.docker.compose.project=$project" | xargs -r docker rm -f -v > /dev/null
      docker network ls -q --filter "label=com.docker.compose.project=$project" | xargs -r docker network rm > /dev/null
      docker volume ls -q --filter "label=com.docker.compose.project=$project" | xargs -r docker volume rm > /dev/null
    done
    docker ps -aq --filter "name=^$PREFIX-" | xargs -r docker rm -f -v > /dev/null
  fi
  if [ -n "$DOCKERD_PID" ] && kill -0 "$DOCKERD_PID" 2> /dev/null; then
    echo "   stopping the dockerd this stage started (pid $DOCKERD_PID)"
    kill "$DOCKERD_PID"
    for _ in $(seq 1 30); do kill -0 "$DOCKERD_PID" 2> /dev/null || break; sleep 1; done
  fi
}
trap cleanup EXIT

apt_install() {
  [ $# -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || fail "missing $* — run as root (or install them)"
  echo "   installing $*"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" > /dev/null \
    || fail "apt-get install $*"
}

# --- Engine ---------------------------------------------------------------------------------------
note "Docker engine"
missing=()
command -v docker > /dev/null 2>&1 || missing+=(docker.io)
if ! docker info > /dev/null 2>&1; then
  command -v dockerd > /dev/null 2>&1 || missing+=(docker.io)
fi
command -v git > /dev/null 2>&1 || missing+=(git)
apt_install $(printf '%s\n' "${missing[@]}" | sort -u)
if docker info > /dev/null 2>&1; then
  echo "   an engine answers: $(docker version --format '{{.Server.Version}}')"
else
  dockerd > "$RESULTS/dockerd.log" 2>&1 &
  DOCKERD_PID=$!
  for _ in $(seq 1 60); do docker info > /dev/null 2>&1 && break; sleep 1; done
  docker info > /dev/null 2>&1 || { tail -n 20 "$RESULTS/dockerd.log"; fail "dockerd did not start"; }
  echo "   started dockerd $(docker version --format '{{.Server.Version}}') (pid $DOCKERD_PID; log in $RESULTS/dockerd.log)"
fi

# --- Base images: the real ones where they can be pulled, local stand-ins where not ----------------
note "Base images"
mapfile -t BASES < <({ grep -hE '^FROM ' src/FocusMate.Api/Dockerfile frontend/Dockerfile | awk '{print $2}'
                       # The observability profile's images (Prometheus, Grafana) are not stood in for: the stage does not run that profile.
                       grep -hE '^\s*image:' docker-compose.yml docker-compose.scale.yml | awk '{print $2}' | grep -vE '^(focusmate-|prom/prometheus:|grafana/grafana:)'; } | sort -u)
t0=$SECONDS
declare -A PULLED
for image in "${BASES[@]}"; do
  (timeout 300 docker pull -q "$image" > "$RESULTS/pull-${image//[\/:]/_}.log" 2>&1) &
  PULLED[$image]=$!
done
need_standins=0
for image in "${BASES[@]}"; do
  if wait "${PULLED[$image]}"; then PULLED[$image]=pulled; else PULLED[$image]=failed; need_standins=1; fi
done
echo "   pulls took $((SECONDS - t0)) s"
if [ "$need_standins" = 1 ] || ! docker compose version > /dev/null 2>&1; then
  [ -f "$STANDINS" ] || fail "a base image cannot be pulled (see $RESULTS/pull-*.log) and $STANDINS is missing"
  command -v debootstrap > /dev/null 2>&1 || apt_install debootstrap
  t0=$SECONDS
  bash "$STANDINS" > "$RESULTS/standins.log" 2>&1 || { tail -n 30 "$RESULTS/standins.log"; fail "building the stand-ins"; }
  timed "stand-ins: $((SECONDS - t0)) s (build.sh; it keeps what it built before)"
fi
for image in "${BASES[@]}"; do
  docker image inspect "$image" > /dev/null 2>&1 || fail "$image is neither pulled nor built"
  if [ "${PULLED[$image]}" = pulled ]; then kind="pulled from its registry"; else kind="local stand-in (the pull failed)"; fi
  printf '   %-40s %s, %s\n' "$image" "$kind" "$(docker image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1 / 1e6}')"
done

# --- Compose v2 -----------------------------------------------------------------------------------
note "Compose v2"
if ! docker compose version > /dev/null 2>&1; then
  export DOCKER_CONFIG=$STANDINS_WORK/docker-config
  docker compose version > /dev/null 2>&1 || fail "no Compose v2: neither 'docker compose' nor the plugin in $DOCKER_CONFIG"
fi
echo "   $(docker compose version) (DOCKER_CONFIG=${DOCKER_CONFIG:-default})"
# Restores inside image builds stall minutes on certificate revocation checks here (see TOOLCHAIN.md):
# the compose file passes this on to the API image's build as a build argument.
export NUGET_CERT_REVOCATION_MODE=offline

# --- The suite ------------------------------------------------------------------------------------
note "Building tests/FocusMate.ComposeTests"
t0=$SECONDS
dotnet build tests/FocusMate.ComposeTests -c Release -nologo -v q -clp:ErrorsOnly || fail "building the compose tests"
echo "   built in $((SECONDS - t0)) s"

note "Compose tests (both shapes, real engine)"
t0=$SECONDS
FOCUSMATE_COMPOSE_REPORT="$REPORT" FOCUSMATE_COMPOSE_PROJECT_PREFIX="$PREFIX" \
  timeout 1500 dotnet test tests/FocusMate.ComposeTests -c Release --no-build --nologo \
    --logger "trx;LogFileName=compose.trx" --logger "console;verbosity=normal" --results-directory "$RESULTS"
status=$?
timed "compose tests: $((SECONDS - t0)) s"

TRX=$RESULTS/compose.trx
note "Compose stage summary"
cat "$REPORT" | sed 's/^/   /'
if [ -f "$TRX" ]; then
  counters=$(grep -o '<Counters [^>]*' "$TRX")
  total=$(grep -o ' total="[0-9]*"' <<< "$counters" | grep -o '[0-9]*')
  failed=$(grep -o ' failed="[0-9]*"' <<< "$counters" | grep -o '[0-9]*')
  echo "   results: $TRX"
  echo "compose stage: $((total - failed)) passed, $failed failed (whole stage $SECONDS s)"
else
  echo "   no results file: $TRX is missing"
  status=1
fi
exit "$status"
