#!/usr/bin/env bash
# Restores a backup made by deploy/backup/backup.sh (a pg_dump custom-format archive) into a new,
# empty database, in one transaction: it restores completely or not at all. Needs only the
# PostgreSQL client tools (pg_restore, psql) and bash, so it also runs inside the postgres image.
# See docs/BACKUP.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: restore.sh [--create] [--app-role ROLE] FILE [TARGET_URL]

Restores FILE (made by backup.sh, or pg_dump --format=custom) into the database TARGET_URL names
(default: $DATABASE_URL), which must be empty: the script never overwrites data. Everything is
restored in one transaction, so a failed restore leaves the database as empty as it was.

  --create          create the target database first if it does not exist (the URL's role needs
                    CREATEDB; it connects to the "postgres" database of the same server for that)
  --app-role ROLE   the role the API serves requests as (default: scorecard_app)
  -h, --help        this text

What it does about what pg_dump leaves out:
  * Roles belong to the server, not the database, so a dump has none. The archive's GRANTs name
    the app role: if it does not exist on the target server it is created NOLOGIN, as the
    migrations create it. The API enables its login when it starts (DATABASE_APP_URL unset);
    with DATABASE_APP_URL set, give it its password: ALTER ROLE scorecard_app LOGIN PASSWORD '…'.
    Any other role the archive grants to must exist already, or the script stops before restoring.
  * Ownership is not restored (--no-owner): every object belongs to TARGET_URL's role, which is
    the owner the API's DATABASE_URL must name (it runs the migrations). The archive's default
    privileges (tables a later migration creates are granted to the app role) are re-applied for
    that role. Row-level security, its policies and the append-only triggers come back as they were.
  * Planner statistics are rebuilt with ANALYZE.

Environment:
  DATABASE_URL  the target when TARGET_URL is not given
  PGPASSWORD    the password, when the URL has none (or ~/.pgpass): keeps it out of the process list
  PG_BIN        directory of pg_restore and psql (default: the ones on PATH); psql must be of the
                same version as pg_restore or newer

Version rule: the target server's major version must be at least the one the backup was taken
from (restoring into a newer PostgreSQL is supported; into an older one it is not), and
pg_restore must be at least as new as the pg_dump that wrote the file.

Exit status: 0 when the database was restored, non-zero otherwise.
EOF
}

die() {
  printf 'restore: %s\n' "$*" >&2
  exit 1
}
say() { printf 'restore: %s\n' "$*" >&2; }
masked() { printf '%s' "$1" | sed -E 's#^([a-z]+://[^:/@]*):[^@]*@#\1:***@#'; }
major_of() { "$1" --version | sed -nE 's/^[^)]*\) ([0-9]+).*/\1/p' | head -n1; }

create=false
app_role="scorecard_app"
file=""
url=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help)
      usage
      exit 0
      ;;
    --create)
      create=true
      shift
      ;;
    --app-role)
      [ $# -ge 2 ] || die "--app-role needs a value"
      app_role="$2"
      shift 2
      ;;
    --app-role=*)
      app_role="${1#--app-role=}"
      shift
      ;;
    -*) die "unknown option $1 (see --help)" ;;
    *)
      if [ -z "$file" ]; then
        file="$1"
      elif [ -z "$url" ]; then
        url="$1"
      else
        die "too many arguments (see --help)"
      fi
      shift
      ;;
  esac
done

[ -n "$file" ] || die "no backup file given (see --help)"
[ -f "$file" ] && [ -r "$file" ] || die "$file is not a readable file"
url="${url:-${DATABASE_URL:-}}"
[ -n "$url" ] || die "no target database given: pass TARGET_URL or set DATABASE_URL (see --help)"

tool() {
  local path="${PG_BIN:+${PG_BIN%/}/}$1"
  command -v "$path" >/dev/null 2>&1 ||
    die "$1 not found${PG_BIN:+ in PG_BIN=$PG_BIN}: install the PostgreSQL client tools (Debian: apt-get install postgresql-client-<major>), or point PG_BIN at their directory"
  printf '%s' "$path"
}
PG_RESTORE="$(tool pg_restore)"
PSQL="$(tool psql)"
restore_major="$(major_of "$PG_RESTORE")"

# The archive's table of contents; also proves that this pg_restore can read it.
if ! toc="$("$PG_RESTORE" --list "$file" 2>&1)"; then
  die "pg_restore $restore_major cannot read $file: $toc. Is it a custom-format pg_dump archive? A file written by a newer pg_dump needs a pg_restore at least as new (PG_BIN)."
fi
from_major="$(sed -nE 's/^;[[:space:]]+Dumped from database version: ([0-9]+).*/\1/p' <<<"$toc")"
by_major="$(sed -nE 's/^;[[:space:]]+Dumped by pg_dump version: ([0-9]+).*/\1/p' <<<"$toc")"
[ -n "$from_major" ] && [ -n "$by_major" ] || die "$file has no version header: not a pg_dump archive"
[ "$restore_major" -ge "$by_major" ] ||
  die "$file was written by pg_dump $by_major: restore it with pg_restore $by_major or newer (PG_BIN), not $restore_major"

# psql runs SQL given on standard input, with :'name' variables set from name=value arguments.
sql() {
  local target="$1"
  shift
  local args=()
  for kv in "$@"; do args+=(-v "$kv"); done
  "$PSQL" -X -w -q -At -v ON_ERROR_STOP=1 -F '|' "${args[@]}" -d "$target"
}

# The target database: it may be created (--create), it must be empty.
if ! probe="$(sql "$url" <<<'select 1' 2>&1)"; then
  if [ "$create" = true ] && grep -q 'does not exist' <<<"$probe"; then
    [[ "$url" =~ ^(postgres(ql)?://[^/?]*)/([^?]+)(\?.*)?$ ]] ||
      die "--create needs TARGET_URL as postgres://user:password@host:port/database"
    name="$(printf '%b' "${BASH_REMATCH[3]//%/\\x}")"
    maintenance="${BASH_REMATCH[1]}/postgres${BASH_REMATCH[4]}"
    created="$(sql "$maintenance" "db=$name" <<<'create database :"db"' 2>&1)" ||
      die "cannot create database $name: $created"
    say "created database $name"
  else
    hint=""
    [ "$create" = true ] || hint=" (pass --create to create a missing database)"
    die "cannot connect to $(masked "$url"): $probe$hint"
  fi
fi
if ! info="$(sql "$url" <<'SQL' 2>&1
select current_setting('server_version_num')::int / 10000,
       current_database(),
       current_user,
       (select rolsuper or rolbypassrls from pg_roles where rolname = current_user),
       (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp)')
     + (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname not in ('pg_catalog', 'information_schema'))
     + (select count(*) from pg_namespace n
         where n.nspname not in ('public', 'pg_catalog', 'information_schema') and n.nspname !~ '^pg_')
SQL
)"; then
  die "cannot read the target database $(masked "$url"): $info"
fi
IFS='|' read -r server_major database owner bypass objects <<<"$info"
[ "$objects" -eq 0 ] ||
  die "database $database is not empty ($objects relations, functions or schemas): restore into a new database (--create with a new name), or drop and create this one first"
[ "$server_major" -ge "$from_major" ] ||
  die "the backup comes from PostgreSQL $from_major and the target server is PostgreSQL $server_major: restore into PostgreSQL $from_major or newer"

# Roles the archive grants to. The app role is created if missing; any other must exist already.
grantees="$("$PG_RESTORE" --schema-only --file=- "$file" |
  sed -nE 's/^(GRANT|ALTER DEFAULT PRIVILEGES .* GRANT) .* TO (.+);$/\2/p; s/^(REVOKE|ALTER DEFAULT PRIVILEGES .* REVOKE) .* FROM (.+);$/\2/p' |
  sed -E 's/ WITH GRANT OPTION$//; s/ GRANTED BY .*$//' | tr ',' '\n' | sed -E 's/^ +| +$//g; s/^"(.*)"$/\1/; s/""/"/g' |
  grep -vxE 'PUBLIC|pg_database_owner' | sort -u || true)"
missing=()
while IFS= read -r role; do
  [ -n "$role" ] || continue
  exists="$(sql "$url" "r=$role" <<<"select count(*) from pg_roles where rolname = :'r'")"
  [ "$exists" = 0 ] || continue
  if [ "$role" = "$app_role" ]; then
    if created="$(sql "$url" "r=$role" <<<'create role :"r" nologin' 2>&1)"; then
      say "created role $role (NOLOGIN): the API enables its login at start when DATABASE_APP_URL is unset; otherwise ALTER ROLE $role LOGIN PASSWORD '…'"
    elif [ "$(sql "$url" "r=$role" <<<"select count(*) from pg_roles where rolname = :'r'")" = 0 ]; then
      # (It may also have been created meanwhile by another database's migration on this server.)
      die "the app role $role does not exist on the target server and $owner cannot create it ($created): as a superuser, run CREATE ROLE $role NOLOGIN, then run this again"
    fi
  else
    missing+=("$role")
  fi
done <<<"$grantees"
[ ${#missing[@]} -eq 0 ] ||
  die "the backup grants privileges to roles that do not exist on the target server: ${missing[*]}. Create them first (roles belong to the server and pg_dump does not include them), or pass --app-role if one of them is the API's role"

# Default privileges ("tables created later are granted to the app role") are per role: the
# archive's name the old owner. Restore everything else as pg_dump wrote it, then re-apply them for
# the new owner, in the same transaction.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
defacl='^[0-9]+; [0-9]+ [0-9]+ DEFAULT ACL '
sed -E "/$defacl/s/^/;/" <<<"$toc" >"$work/main.list"
{
  printf '%s\n' '\if :{?restore_stream_complete}' '\else' \
    "do \$\$ begin raise exception 'pg_restore stopped before the end of the archive'; end \$\$;" '\endif'
  if grep -qE "$defacl" <<<"$toc"; then
    grep -E "$defacl" <<<"$toc" >"$work/defacl.list"
    "$PG_RESTORE" --use-list="$work/defacl.list" --file=- "$file" |
      grep -E '^ALTER DEFAULT PRIVILEGES ' |
      sed -E 's/^ALTER DEFAULT PRIVILEGES FOR ROLE ("([^"]|"")+"|[^ ]+) /ALTER DEFAULT PRIVILEGES /'
  fi
} >"$work/tail.sql"

say "restoring $file (PostgreSQL $from_major, pg_dump $by_major) into $database on PostgreSQL $server_major as $owner"
# pg_restore writes the archive as SQL; psql runs it and the tail in one transaction (-1) and rolls
# back at the first error. The marker line is added only if pg_restore got through the whole archive.
if ! {
  "$PG_RESTORE" --no-owner --use-list="$work/main.list" --file=- "$file" &&
    printf '\n\\set restore_stream_complete on\n'
} | "$PSQL" -X -w -q -v ON_ERROR_STOP=1 --single-transaction -d "$url" -f - -f "$work/tail.sql" >/dev/null; then
  die "the restore failed and was rolled back: $database is still empty"
fi
# Statistics for the planner (pg_dump has none): the restored tables only, which this role owns.
sql "$url" >/dev/null <<'SQL'
select format('analyze %I.%I', schemaname, tablename) from pg_tables where schemaname = 'public' \gexec
SQL

# What came back: the schema's safeguards, and each table's rows when this role sees them all.
summary="$(sql "$url" <<'SQL'
select format('%s tables (%s under row-level security, %s forced), %s policies, %s triggers',
  count(*),
  count(*) filter (where c.relrowsecurity),
  count(*) filter (where c.relforcerowsecurity),
  (select count(*) from pg_policy p join pg_class t on t.oid = p.polrelid where t.relnamespace = 'public'::regnamespace),
  (select count(*) from pg_trigger g join pg_class t on t.oid = g.tgrelid
    where t.relnamespace = 'public'::regnamespace and not g.tgisinternal))
  from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p');
SQL
)"
if [ "$bypass" = t ]; then
  summary+=$'\n'"$(sql "$url" <<'SQL'
select format('%s rows in %s', (xpath('/row/n/text()',
         query_to_xml(format('select count(*) as n from %I.%I', schemaname, tablename), false, true, '')))[1]::text,
       tablename)
  from pg_tables where schemaname = 'public' order by tablename;
SQL
)"
else
  summary+=$'\n'"(rows not counted: $owner is subject to row-level security; count them as a superuser)"
fi
say "restored $database:"
sed "s/^/  /" <<<"$summary" >&2
