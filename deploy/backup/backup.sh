#!/usr/bin/env bash
# Backs up the Scorecard database with pg_dump (custom format: compressed, restorable with
# deploy/backup/restore.sh or pg_restore). Needs only the PostgreSQL client tools (pg_dump,
# pg_restore, psql) and bash, so it also runs inside the postgres image. See docs/BACKUP.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: backup.sh [--url URL] [FILE | -]

Backs up one Scorecard database with pg_dump into FILE (custom format), or to standard output
with "-". FILE defaults to $BACKUP_DIR/scorecard-<database>-<UTC time>.dump (BACKUP_DIR: ./backups).
A file is written as FILE.partial and renamed only once pg_dump succeeded and pg_restore can read
it back, so a FILE that exists is complete. The file is created readable by its owner only.

  --url URL   the database, as a role that is superuser or has BYPASSRLS (the tables FORCE
              row-level security, so any other role would dump no tenant rows); default: $DATABASE_URL
  -h, --help  this text

Environment:
  DATABASE_URL  the database when --url is not given
  PGPASSWORD    the password, when the URL has none (or ~/.pgpass): keeps it out of the process list
  PG_BIN        directory of pg_dump, pg_restore and psql (default: the ones on PATH)
  BACKUP_DIR    directory for the default file name (default: ./backups)

Version rule: pg_dump's major version must be at least the server's (pg_dump refuses a newer
server). The script checks this first and names the version it needs.

Exit status: 0 when the backup is complete, non-zero otherwise (nothing is left at FILE then).
EOF
}

die() {
  printf 'backup: %s\n' "$*" >&2
  exit 1
}
say() { printf 'backup: %s\n' "$*" >&2; }

# The URL with its password hidden, for messages.
masked() { printf '%s' "$1" | sed -E 's#^([a-z]+://[^:/@]*):[^@]*@#\1:***@#'; }

# The major version in `tool --version` output: "pg_dump (PostgreSQL) 15.18 (Debian …)" -> 15.
major_of() { "$1" --version | sed -nE 's/^[^)]*\) ([0-9]+).*/\1/p' | head -n1; }

url="${DATABASE_URL:-}"
file=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help)
      usage
      exit 0
      ;;
    --url)
      [ $# -ge 2 ] || die "--url needs a value"
      url="$2"
      shift 2
      ;;
    --url=*)
      url="${1#--url=}"
      shift
      ;;
    -)
      [ -z "$file" ] || die "more than one output given (see --help)"
      file="-"
      shift
      ;;
    -*) die "unknown option $1 (see --help)" ;;
    *)
      [ -z "$file" ] || die "more than one output given (see --help)"
      file="$1"
      shift
      ;;
  esac
done

[ -n "$url" ] || die "no database given: pass --url URL or set DATABASE_URL (see --help)"

tool() {
  local path="${PG_BIN:+${PG_BIN%/}/}$1"
  command -v "$path" >/dev/null 2>&1 ||
    die "$1 not found${PG_BIN:+ in PG_BIN=$PG_BIN}: install the PostgreSQL client tools of the server's major version or newer (Debian: apt-get install postgresql-client-<major>), or point PG_BIN at their directory"
  printf '%s' "$path"
}
PG_DUMP="$(tool pg_dump)"
PG_RESTORE="$(tool pg_restore)"
PSQL="$(tool psql)"

dump_major="$(major_of "$PG_DUMP")"
[ -n "$dump_major" ] || die "cannot tell the version of $PG_DUMP"

# One look at the server: its major version, the database's name, and whether this role would see
# every row (superuser or BYPASSRLS) of tables under row-level security.
if ! info="$("$PSQL" -X -w -At -v ON_ERROR_STOP=1 -F '|' -d "$url" -c "
  select current_setting('server_version_num')::int / 10000,
         current_database(),
         current_user,
         (select rolsuper or rolbypassrls from pg_roles where rolname = current_user),
         (select count(*) from pg_class where relkind in ('r', 'p') and relrowsecurity
             and relnamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace))" 2>&1)"; then
  die "cannot connect to $(masked "$url"): $info"
fi
IFS='|' read -r server_major database role bypass rls_tables <<<"$info"

if [ "$dump_major" -lt "$server_major" ]; then
  die "pg_dump $dump_major cannot back up a PostgreSQL $server_major server (pg_dump must be of the server's major version or newer). Use pg_dump $server_major: set PG_BIN to its directory (Debian: /usr/lib/postgresql/$server_major/bin), or run this script where it is installed, e.g. inside the postgres:$server_major container (docs/BACKUP.md)."
fi
if [ "$bypass" != "t" ] && [ "$rls_tables" -gt 0 ]; then
  die "role $role is subject to row-level security on $rls_tables tables, so pg_dump cannot read every row: back up as a superuser (the docker compose POSTGRES_USER is one) or a role with BYPASSRLS"
fi

if [ -z "$file" ]; then
  dir="${BACKUP_DIR:-./backups}"
  mkdir -p "$dir"
  file="$dir/scorecard-$database-$(date -u +%Y%m%dT%H%M%SZ).dump"
fi

umask 077
# --lock-wait-timeout: pg_dump takes share locks on every table; if a migration holds an exclusive
# one, fail after a minute rather than queue behind it (and in front of the app's queries).
dump_args=(--format=custom --lock-wait-timeout=60s --no-password --dbname="$url")

if [ "$file" = "-" ]; then
  [ ! -t 1 ] || die "refusing to write a binary dump to a terminal: redirect standard output, or give a FILE"
  "$PG_DUMP" "${dump_args[@]}" || die "pg_dump failed (the output is incomplete: discard it)"
  say "backed up $database (PostgreSQL $server_major) to standard output with pg_dump $dump_major"
  exit 0
fi

[ ! -e "$file" ] || die "$file exists already: name another file"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT
"$PG_DUMP" "${dump_args[@]}" --file="$partial" || die "pg_dump failed: nothing written to $file"
# Read it back: a file pg_restore cannot list is no backup.
toc="$("$PG_RESTORE" --list "$partial")" || die "pg_restore cannot read back what pg_dump wrote: nothing written to $file"
tables="$(grep -cE '^[0-9]+; [0-9]+ [0-9]+ TABLE DATA ' <<<"$toc" || true)"
mv "$partial" "$file"
trap - EXIT
size="$(wc -c <"$file" | tr -d ' ')"
say "backed up $database (PostgreSQL $server_major, $tables tables) with pg_dump $dump_major to $file ($size bytes)"
printf '%s\n' "$file"
