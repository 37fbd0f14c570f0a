#!/usr/bin/env bash
# Backs up FocusMate's data while it serves: the database and the token signing key (so tokens issued before
# the backup stay valid after a restore). Writes a folder of its own, readable by its owner only, and prints its
# path as the last line. Restore with scripts/restore.sh. The procedure is in docs/operations.md#backups-and-restore.
#
#   scripts/backup.sh local   [DEST]   the app as scripts/run.sh runs it (or any process on this machine): the same
#                                      settings from the environment (DataDirectory, default ./data;
#                                      ConnectionStrings__FocusMate; Database__Provider; Auth__SigningKey)
#   scripts/backup.sh compose [DEST]   `docker compose up` (single shape): SQLite in the api container's volume
#   scripts/backup.sh scale   [DEST]   the scale shape: PostgreSQL in the postgres container
#
# DEST defaults to ./backups. SQLite is copied with the API's own `backup` command (VACUUM INTO: a consistent copy
# while the app writes); PostgreSQL with `pg_dump -Fc`. Compose shapes use `docker compose` (or docker-compose)
# with the repository's compose files, or COMPOSE_FILE when set; COMPOSE_PROJECT_NAME picks the project.
#   FOCUSMATE_API_DLL   local SQLite: the API binary (default src/FocusMate.Api/bin/Release/net10.0/FocusMate.Api.dll,
#                       what scripts/run.sh builds)
#   FOCUSMATE_BACKUP_TIMEOUT  seconds the copy may take (default 900)
# The single-quoted commands below are meant for a shell inside a container.
# shellcheck disable=SC2016
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/shellcheck|single-quoted/ { sub(/^# ?/, ""); print }' "$0" >&2; exit 2; }
say() { printf '%s\n' "$*" >&2; }
die() { say "backup: $*"; exit 1; }

[ $# -ge 1 ] || usage
SHAPE=$1
DEST=${2:-$ROOT/backups}
case "$SHAPE" in local | compose | scale) ;; -h | --help) usage ;; *) say "unknown shape: $SHAPE"; usage ;; esac

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
umask 077
mkdir -p "$DEST"
# Backups hold the signing key: never let git pick them up, wherever DEST is.
[ -e "$DEST/.gitignore" ] || echo "*" > "$DEST/.gitignore"
OUT=$(cd "$DEST" && pwd)/focusmate-$SHAPE-$STAMP
[ ! -e "$OUT" ] || die "$OUT exists already"
mkdir "$OUT"
finished=0
trap '[ "$finished" = 1 ] || { say "backup: failed; removing the incomplete $OUT"; rm -rf "$OUT"; }' EXIT

# --- Helpers -----------------------------------------------------------------------------------------------------
lower() { tr '[:upper:]' '[:lower:]' <<<"$1"; }

# Npgsql connection string (Host=…;Port=…;Username=…;Password=…;Database=…) → libpq environment for pg_dump.
pg_environment() {
  local part key value parts
  IFS=';' read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    [ -n "${part// /}" ] || continue
    key=$(lower "$(sed 's/^ *//; s/ *=.*$//' <<<"$part")")
    value=${part#*=}
    case "$key" in
      host | server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      username | "user id" | userid | user) export PGUSER=$value ;;
      password | pwd) export PGPASSWORD=$value ;;
      database | db) export PGDATABASE=$value ;;
      "ssl mode" | sslmode) PGSSLMODE=$(lower "$value"); export PGSSLMODE ;;
    esac
  done
  [ -n "${PGDATABASE:-}" ] || die "ConnectionStrings__FocusMate names no Database"
}

compose() {
  local files=()
  if [ -z "${COMPOSE_FILE:-}" ]; then
    files=(-f "$ROOT/docker-compose.yml")
    [ "$SHAPE" = scale ] && files+=(-f "$ROOT/docker-compose.scale.yml")
  fi
  if docker compose version > /dev/null 2>&1; then
    (cd "$ROOT" && docker compose "${files[@]}" "$@")
  elif command -v docker-compose > /dev/null 2>&1; then
    (cd "$ROOT" && docker-compose "${files[@]}" "$@")
  else
    die "neither 'docker compose' nor docker-compose is installed"
  fi
}

# Keeps the signing key: the key file of the data folder, or the configured Auth__SigningKey.
save_key() {
  local key=$1 source=$2
  [ -n "$key" ] || { say "  no signing key found ($source): tokens will not survive a restore"; return 0; }
  printf '%s' "$key" > "$OUT/signing-key"
  KEY_SOURCE=$source
  say "  signing key saved ($source)"
}

PROVIDER=sqlite
KEY_SOURCE=none

# --- Shapes ------------------------------------------------------------------------------------------------------
backup_local() {
  PROVIDER=$(lower "${Database__Provider:-Sqlite}")
  export DataDirectory=${DataDirectory:-$ROOT/data}
  case "$DataDirectory" in /*) ;; *) DataDirectory=$ROOT/$DataDirectory ;; esac
  case "$PROVIDER" in
    sqlite)
      local dll=${FOCUSMATE_API_DLL:-$ROOT/src/FocusMate.Api/bin/Release/net10.0/FocusMate.Api.dll}
      [ -f "$dll" ] || die "$dll is missing: build the API first (dotnet build src/FocusMate.Api -c Release, or scripts/run.sh once)"
      say "SQLite in $DataDirectory: online copy with the API's backup command"
      # The API's content root is its own folder (appsettings.json); the settings come from this environment.
      (cd "$(dirname "$dll")" && timeout "${FOCUSMATE_BACKUP_TIMEOUT:-900}" dotnet "$(basename "$dll")" backup "$OUT/focusmate.db") >&2 \
        || die "the API's backup command failed (see above)"
      ;;
    postgres)
      [ -n "${ConnectionStrings__FocusMate:-}" ] || die "Database__Provider=Postgres needs ConnectionStrings__FocusMate"
      command -v pg_dump > /dev/null || die "pg_dump is not installed (Debian: postgresql-client)"
      pg_environment "$ConnectionStrings__FocusMate"
      say "PostgreSQL database $PGDATABASE on ${PGHOST:-localhost}:${PGPORT:-5432}: pg_dump -Fc"
      pg_dump -Fc -f "$OUT/focusmate.dump"
      ;;
    *) die "unknown Database__Provider: ${Database__Provider}" ;;
  esac
  if [ -n "${Auth__SigningKey:-}" ]; then
    save_key "$Auth__SigningKey" "Auth__SigningKey"
  elif [ -f "$DataDirectory/signing-key" ]; then
    save_key "$(cat "$DataDirectory/signing-key")" "$DataDirectory/signing-key"
  else
    save_key "" "no Auth__SigningKey and no $DataDirectory/signing-key"
  fi
}

backup_compose() {
  local id inside=/app/data/.backup-$STAMP.db
  id=$(compose ps -q api)
  [ -n "$id" ] || die "the api service is not running (docker compose up -d)"
  say "SQLite in the api container's volume: online copy with the API's backup command"
  # Written into the data volume by the app's own user, copied out through the same exec, then removed.
  compose exec -T api dotnet FocusMate.Api.dll backup "$inside" >&2 || die "the API's backup command failed (see above)"
  if ! compose exec -T api cat "$inside" > "$OUT/focusmate.db"; then
    compose exec -T api rm -f "$inside" || true
    die "copying $inside out of the container failed"
  fi
  compose exec -T api rm -f "$inside"
  local key
  key=$(compose exec -T api sh -c 'if [ -n "${Auth__SigningKey:-}" ]; then printf %s "$Auth__SigningKey"; elif [ -f /app/data/signing-key ]; then cat /app/data/signing-key; fi')
  save_key "$key" "the api container"
}

backup_scale() {
  local id
  id=$(compose ps -q postgres)
  [ -n "$id" ] || die "the postgres service is not running"
  say "PostgreSQL in the postgres container: pg_dump -Fc"
  # -T: no terminal, so the binary dump arrives unaltered. The image's POSTGRES_USER/POSTGRES_DB name the database.
  compose exec -T postgres sh -c 'pg_dump -U "$POSTGRES_USER" -Fc "$POSTGRES_DB"' > "$OUT/focusmate.dump" \
    || die "pg_dump in the postgres container failed"
  PROVIDER=postgres
  local key=""
  if [ -n "$(compose ps -q api)" ]; then
    key=$(compose exec -T api sh -c 'printf %s "${Auth__SigningKey:-}"')
  fi
  save_key "$key" "Auth__SigningKey of the api container (FOCUSMATE_SIGNING_KEY in .env)"
}

"backup_$SHAPE"

# --- Check what was written and describe it ------------------------------------------------------------------------
if [ -f "$OUT/focusmate.db" ]; then
  [ -s "$OUT/focusmate.db" ] || die "the SQLite copy is empty"
  if command -v sqlite3 > /dev/null; then
    check=$(sqlite3 "file:$OUT/focusmate.db?mode=ro" 'PRAGMA integrity_check;' 2>&1) || true
    [ "$check" = ok ] || die "the SQLite copy fails its integrity check: $check"
    rooms=$(sqlite3 "file:$OUT/focusmate.db?mode=ro" 'SELECT count(*) FROM rooms;' 2>/dev/null || echo "?")
    say "  integrity check: ok ($rooms rooms)"
  fi
else
  [ -s "$OUT/focusmate.dump" ] || die "the dump is empty"
  if command -v pg_restore > /dev/null; then
    entries=$(pg_restore --list "$OUT/focusmate.dump" | grep -c 'TABLE DATA' || true)
    say "  dump readable by pg_restore ($entries tables with data)"
  fi
fi

{
  echo "shape: $SHAPE"
  echo "provider: $PROVIDER"
  echo "created: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host: $(hostname)"
  echo "signing key: $KEY_SOURCE"
} > "$OUT/manifest.txt"
(cd "$OUT" && files=(*) && sha256sum -- "${files[@]}" > SHA256SUMS)
finished=1
say "backup written: $(du -sh "$OUT" | cut -f1) in $OUT"
say "  it holds the token signing key: keep it as secret as the .env file"
echo "$OUT"
