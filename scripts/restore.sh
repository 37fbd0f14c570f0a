#!/usr/bin/env bash
# Restores a folder written by scripts/backup.sh: the database and the token signing key (tokens issued before the
# backup stay valid). It replaces the data of the deployment it points at, so it asks first (--yes: don't ask).
# The procedure is in docs/operations.md#backups-and-restore.
#
#   scripts/restore.sh local   BACKUP [--yes]   the app on this machine, with the same settings from the environment
#                                               as it runs with (DataDirectory, default ./data; ConnectionStrings__FocusMate;
#                                               Database__Provider; Auth__SigningKey). STOP THE APP FIRST.
#   scripts/restore.sh compose BACKUP [--yes]   `docker compose up` (single shape): stops api, replaces the SQLite file
#                                               and the key in its volume, starts it again
#   scripts/restore.sh scale   BACKUP [--yes]   the scale shape: stops api and api-2, pg_restore into the postgres
#                                               container, starts them again
#
# SQLite: the current database is kept beside the restored one as focusmate.db.before-restore-<time>.
# PostgreSQL: pg_restore --clean --if-exists in one transaction (all or nothing). With a configured signing key
# (Auth__SigningKey, FOCUSMATE_SIGNING_KEY in .env) the key is not written anywhere: the script says whether the
# configured key is the one in the backup.
# The single-quoted commands below are meant for a shell inside a container.
# shellcheck disable=SC2016
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/shellcheck|single-quoted/ { sub(/^# ?/, ""); print }' "$0" >&2; exit 2; }
say() { printf '%s\n' "$*" >&2; }
die() { say "restore: $*"; exit 1; }

[ $# -ge 2 ] || usage
SHAPE=$1
BACKUP=$2
YES=0
[ "${3:-}" = "--yes" ] && YES=1
case "$SHAPE" in local | compose | scale) ;; *) say "unknown shape: $SHAPE"; usage ;; esac
[ -d "$BACKUP" ] || die "$BACKUP is not a folder written by scripts/backup.sh"
BACKUP=$(cd "$BACKUP" && pwd)
{ [ -f "$BACKUP/manifest.txt" ] && [ -f "$BACKUP/SHA256SUMS" ]; } || die "$BACKUP has no manifest.txt/SHA256SUMS: not a backup folder"
(cd "$BACKUP" && sha256sum --quiet -c SHA256SUMS) || die "$BACKUP does not match its checksums (damaged or edited)"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
umask 077

if [ -f "$BACKUP/focusmate.db" ]; then KIND=sqlite; elif [ -f "$BACKUP/focusmate.dump" ]; then KIND=postgres; else die "$BACKUP holds no database"; fi
KEY=""
[ -f "$BACKUP/signing-key" ] && KEY=$(cat "$BACKUP/signing-key")
say "backup: $BACKUP ($(grep -E '^(shape|provider|created):' "$BACKUP/manifest.txt" | tr '\n' ' '))"

confirm() {
  [ "$YES" = 1 ] && return 0
  [ -t 0 ] || die "this replaces data; run it from a terminal or add --yes"
  local answer
  read -r -p "$1 Type 'yes' to go on: " answer
  [ "$answer" = yes ] || die "nothing changed"
}

lower() { tr '[:upper:]' '[:lower:]' <<<"$1"; }

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

# Says whether a configured key matches the backup's; tokens from before the backup are valid only if it does.
compare_configured_key() {
  local configured=$1 where=$2
  if [ -z "$KEY" ]; then
    say "  the backup holds no signing key: participants may have to join again"
  elif [ "$configured" = "$KEY" ]; then
    say "  signing key: the configured key ($where) is the backup's: existing tokens stay valid"
  else
    say "  WARNING: the configured signing key ($where) is not the backup's: tokens issued before the backup are"
    say "  refused until you configure the key in $BACKUP/signing-key (FOCUSMATE_SIGNING_KEY in .env, then docker compose up -d)"
  fi
}

restore_local() {
  local provider
  provider=$(lower "${Database__Provider:-Sqlite}")
  export DataDirectory=${DataDirectory:-$ROOT/data}
  case "$DataDirectory" in /*) ;; *) DataDirectory=$ROOT/$DataDirectory ;; esac
  case "$provider/$KIND" in
    sqlite/sqlite)
      local target=$DataDirectory/focusmate.db
      # A Data Source in the connection string moves the file elsewhere.
      local source
      source=$(sed -nE 's/.*(^|;) *(Data Source|DataSource|Filename) *= *([^;]*).*/\3/Ip' <<<"${ConnectionStrings__FocusMate:-}")
      if [ -n "$source" ]; then
        case "$source" in /*) target=$source ;; *) target=$DataDirectory/$source ;; esac
      fi
      confirm "This replaces $target (the app must be stopped)."
      mkdir -p "$(dirname "$target")" "$DataDirectory"
      cp "$BACKUP/focusmate.db" "$target.restoring"
      local suffix
      for suffix in "" -wal -shm; do
        # The old file's write-ahead log must never meet the restored file: it would be replayed into it.
        [ -e "$target$suffix" ] && mv "$target$suffix" "$target.before-restore-$STAMP$suffix"
      done
      mv "$target.restoring" "$target"
      say "SQLite restored to $target"
      [ -e "$target.before-restore-$STAMP" ] && say "  the previous database is kept as $target.before-restore-$STAMP"
      ;;
    postgres/postgres)
      [ -n "${ConnectionStrings__FocusMate:-}" ] || die "Database__Provider=Postgres needs ConnectionStrings__FocusMate"
      command -v pg_restore > /dev/null || die "pg_restore is not installed (Debian: postgresql-client)"
      pg_environment "$ConnectionStrings__FocusMate"
      confirm "This replaces FocusMate's tables in database $PGDATABASE on ${PGHOST:-localhost} (stop every instance first)."
      pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error -d "$PGDATABASE" "$BACKUP/focusmate.dump"
      say "PostgreSQL restored into $PGDATABASE"
      ;;
    *) die "the backup holds a $KIND database but Database__Provider is ${Database__Provider:-Sqlite}" ;;
  esac
  if [ -n "${Auth__SigningKey:-}" ]; then
    compare_configured_key "$Auth__SigningKey" "Auth__SigningKey"
  elif [ -n "$KEY" ]; then
    mkdir -p "$DataDirectory"
    [ -e "$DataDirectory/signing-key" ] && mv "$DataDirectory/signing-key" "$DataDirectory/signing-key.before-restore-$STAMP"
    printf '%s' "$KEY" > "$DataDirectory/signing-key"
    chmod 600 "$DataDirectory/signing-key"
    say "  signing key restored to $DataDirectory/signing-key: existing tokens stay valid"
  fi
}

restore_compose() {
  [ "$KIND" = sqlite ] || die "the backup holds a PostgreSQL dump: restore it with the scale shape"
  confirm "This stops the api service and replaces the database in its volume."
  compose stop api >&2
  # One-off containers of the api service (same image, user and volume) write the files, so they get the owner and
  # modes the app expects; the running api is stopped meanwhile.
  compose run --rm --no-deps -T --entrypoint sh api -c 'cat > /app/data/.restoring.db' < "$BACKUP/focusmate.db" >&2
  compose run --rm --no-deps -T --entrypoint sh api -c "set -e; cd /app/data
    for suffix in '' -wal -shm; do [ ! -e focusmate.db\$suffix ] || mv focusmate.db\$suffix focusmate.db.before-restore-$STAMP\$suffix; done
    mv .restoring.db focusmate.db" >&2
  local configured
  configured=$(compose run --rm --no-deps -T --entrypoint sh api -c 'printf %s "${Auth__SigningKey:-}"')
  if [ -n "$configured" ]; then
    compare_configured_key "$configured" "FOCUSMATE_SIGNING_KEY"
  elif [ -n "$KEY" ]; then
    printf '%s' "$KEY" | compose run --rm --no-deps -T --entrypoint sh api -c \
      'umask 077; cd /app/data; [ ! -e signing-key ] || mv signing-key signing-key.before-restore-'"$STAMP"'; cat > signing-key' >&2
    say "  signing key restored into the volume: existing tokens stay valid"
  fi
  compose start api >&2
  say "SQLite restored into the api volume; api started again (the previous database is kept there as focusmate.db.before-restore-$STAMP)"
}

restore_scale() {
  [ "$KIND" = postgres ] || die "the backup holds a SQLite database: restore it with the compose (single) shape"
  [ -n "$(compose ps -q postgres)" ] || die "the postgres service is not running (docker compose … up -d postgres)"
  confirm "This stops api and api-2 and replaces FocusMate's tables in the postgres container."
  compose stop api api-2 >&2
  if ! compose exec -T postgres sh -c \
    'pg_restore -U "$POSTGRES_USER" -d "$POSTGRES_DB" --clean --if-exists --no-owner --single-transaction --exit-on-error' \
    < "$BACKUP/focusmate.dump" >&2; then
    compose start api api-2 >&2 || true
    die "pg_restore failed; nothing was changed (one transaction); api and api-2 started again"
  fi
  compose start api api-2 >&2
  compare_configured_key "$(compose exec -T api sh -c 'printf %s "${Auth__SigningKey:-}"')" "FOCUSMATE_SIGNING_KEY"
  say "PostgreSQL restored; api and api-2 started again"
}

"restore_$SHAPE"
say "done. Check: curl -fsS http://<host>/health/ready, then open a room you know."
