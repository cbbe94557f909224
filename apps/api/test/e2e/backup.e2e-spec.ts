import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from '../../src/database/embedded-postgres.js';
import { seedDemo } from '../../src/database/seed-demo.js';
import { bearer } from '../support/factories.js';
import { backgroundSettled, buildOrg, must, type OrgFixture } from '../support/org-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The backup and restore scripts (deploy/backup/), run for real: a seeded database is backed up
// with pg_dump, restored with pg_restore into fresh databases, and every row of every table must
// come back, with the roles' grants, row-level security and the append-only triggers.
//
// pg_dump refuses a server newer than itself, and the only pg_dump a Debian 12 machine can install
// is 15's, while the app's own PostgreSQL is 18. So the source database lives on a throwaway
// cluster of the pg_dump's own version (Debian's server binaries of that version: initdb, pg_ctl,
// postgres), migrated and seeded by the real app; the backup is restored both there and into the
// tests' PostgreSQL 18 (an older dump into a newer server is supported), where the app serves it.

const ROOT = resolve(process.cwd(), '../..');
const BACKUP = join(ROOT, 'deploy/backup/backup.sh');
const RESTORE = join(ROOT, 'deploy/backup/restore.sh');
const TOOLS = ['initdb', 'pg_ctl', 'postgres', 'pg_dump', 'pg_restore', 'psql'];
const INSTALL =
  'The backup test needs the server and client programs of one PostgreSQL version (' +
  TOOLS.join(', ') +
  '). On Debian 12: apt-get install -y postgresql-15. Or set BACKUP_TEST_PG_BIN to a directory that has them all.';

/** The newest /usr/lib/postgresql/N/bin with every tool (Debian's layout), or BACKUP_TEST_PG_BIN. */
function findPgBin(): string {
  const given = process.env.BACKUP_TEST_PG_BIN;
  const dirs = given
    ? [given]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .filter((v) => /^\d+$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  const found = dirs.find((d) => TOOLS.every((t) => existsSync(join(d, t))));
  if (!found) throw new Error(`${INSTALL} Looked in: ${dirs.join(', ') || '/usr/lib/postgresql/*/bin (none)'}`);
  return found;
}

function majorOf(bin: string): number {
  const out = execFileSync(join(bin, 'pg_dump'), ['--version'], { encoding: 'utf8' });
  const major = Number(/\) (\d+)/.exec(out)?.[1]);
  if (!major) throw new Error(`cannot tell the version of ${bin}/pg_dump: ${out}`);
  return major;
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user (as embedded-postgres does). */
function serverUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(`Running as root, PostgreSQL needs a "postgres" user to run as, and there is none. ${INSTALL}`);
  }
}

function run(
  file: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(file, args, { ...options, encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, stdout, stderr: stderr || (err && !stderr ? String(err) : '') });
    });
  });
}

const SUPERUSER_PASSWORD = 'backup-test-password';

/** A throwaway PostgreSQL cluster of the pg_dump's own version, in a temporary directory, on a free port. */
async function startCluster(bin: string): Promise<{ url(db: string): string; stop(): Promise<void> }> {
  const owner = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-backup-pg-'));
  chmodSync(dir, 0o755);
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, SUPERUSER_PASSWORD);
  if (owner.uid !== undefined) {
    chownSync(dir, owner.uid, owner.gid!);
    chownSync(pwfile, owner.uid, owner.gid!);
  }
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const stop = async () => {
    if (existsSync(join(data, 'postmaster.pid'))) {
      await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], owner);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const init = await run(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'],
      owner,
    );
    if (init.code !== 0) throw new Error(`initdb failed: ${init.stderr}`);
    const port = await freePort();
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;
    const start = await run(
      join(bin, 'pg_ctl'),
      ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start'],
      owner,
    );
    if (start.code !== 0) {
      const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
      throw new Error(`PostgreSQL did not start: ${start.stderr}${start.stdout}\n${text}`);
    }
    return { url: (db) => `postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/${db}`, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The API on an existing database (migrated as its owner, serving as `scorecard_app`), for supertest. */
function appOn(ownerUrl: string): Promise<TestApp> {
  return startTestApp({}, { databaseUrl: ownerUrl });
}

/** The same text for the same values on any server, whatever its own settings. */
const STABLE_OUTPUT = [
  "set timezone = 'UTC'",
  "set datestyle = 'ISO, YMD'",
  "set intervalstyle = 'postgres'",
  "set bytea_output = 'hex'",
  'set extra_float_digits = 1',
];

type Fingerprint = Record<string, { rows: number; md5: string }>;

/**
 * Every table of the schema, read as the superuser (row-level security does not hide rows from
 * it): how many rows, and the md5 of all of them in primary-key order; and every sequence's
 * position, which must come back too or the next insert would collide.
 */
async function dataFingerprint(url: string): Promise<Fingerprint> {
  return withClient(url, async (c) => {
    for (const s of STABLE_OUTPUT) await c.query(s);
    const { rows: tables } = await c.query<{ name: string; key: string[] | null }>(`
      select t.relname as name,
             (select array_agg(a.attname::text order by k.n)
                from pg_index i
                cross join unnest(i.indkey) with ordinality k(attnum, n)
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
               where i.indrelid = t.oid and i.indisprimary) as key
        from pg_class t
       where t.relnamespace = 'public'::regnamespace and t.relkind in ('r', 'p')
       order by t.relname`);
    const out: Fingerprint = {};
    for (const { name, key } of tables) {
      if (!key) throw new Error(`table ${name} has no primary key: the backup test orders rows by it`);
      const order = key.map((k) => `x.${c.escapeIdentifier(k)}`).join(', ');
      const { rows } = await c.query<{ rows: number; md5: string }>(
        `select count(*)::int as rows, md5(coalesce(string_agg(x::text, E'\\n' order by ${order}), '')) as md5
           from public.${c.escapeIdentifier(name)} x`,
      );
      out[name] = rows[0]!;
    }
    const { rows: sequences } = await c.query<{ name: string; last: string | null }>(
      `select sequencename as name, last_value::text as last from pg_sequences where schemaname = 'public'`,
    );
    for (const s of sequences) out[`sequence ${s.name}`] = { rows: Number(s.last ?? 0), md5: '' };
    return out;
  });
}

/**
 * What makes the database safe to serve, beyond its rows: row-level security (enabled, forced, the
 * policies), the triggers that freeze and append-only tables, the functions they call, and what the
 * app role may do on every table and sequence.
 */
async function safeguards(url: string, appRole = 'scorecard_app'): Promise<Record<string, unknown>> {
  return withClient(url, async (c) => {
    const q = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows;
    return {
      rowSecurity: await q(`
        select relname, relrowsecurity, relforcerowsecurity from pg_class
         where relnamespace = 'public'::regnamespace and relkind = 'r' order by relname`),
      policies: await q(`
        select tablename, policyname, permissive, roles::text, cmd, qual, with_check
          from pg_policies where schemaname = 'public' order by tablename, policyname`),
      triggers: await q(`
        select tgrelid::regclass::text as table, tgname, tgtype, tgfoid::regproc::text as function, tgenabled
          from pg_trigger where not tgisinternal order by 1, 2`),
      functions: await q(`
        select proname, md5(prosrc) as body, provolatile, prosecdef from pg_proc
         where pronamespace = 'public'::regnamespace order by proname`),
      tablePrivileges: await q(
        `select relname, ${['select', 'insert', 'update', 'delete', 'truncate']
          .map((p) => `has_table_privilege($1, oid, '${p}') as ${p}`)
          .join(', ')}
           from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by relname`,
        [appRole],
      ),
      sequencePrivileges: await q(
        `select relname, has_sequence_privilege($1, oid, 'usage') as usage, has_sequence_privilege($1, oid, 'select') as select
           from pg_class where relnamespace = 'public'::regnamespace and relkind = 'S' order by relname`,
        [appRole],
      ),
      schemaUsage: (await q(`select has_schema_privilege($1, 'public', 'usage') as usage`, [appRole]))[0],
      // Tables a later migration creates (as the owner) are granted to the app role by default.
      defaultPrivileges: await q(`
        select defaclobjtype,
               pg_get_userbyid(defaclrole) = (select tableowner from pg_tables where tablename = 'organizations') as for_owner,
               array(select split_part(a::text, '/', 1) from unnest(defaclacl) a where a::text like '${appRole}=%') as acl
          from pg_default_acl order by 1`),
    };
  });
}

const backupEnv = (bin: string): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, PG_BIN: bin };
  delete env.DATABASE_URL;
  return env;
};

describe('backup and restore (deploy/backup)', () => {
  let bin: string;
  let binMajor: number;
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  let work: string;
  let sourceUrl: string;
  let source: TestApp & { applied: string[] };
  let org: OrgFixture;
  let dump: string;
  let before: Fingerprint;
  let beforeSafeguards: Record<string, unknown>;
  const dropOnServer: string[] = [];
  const serverUrl = () => {
    const url = process.env.TEST_PG_SERVER_URL;
    if (!url) throw new Error('TEST_PG_SERVER_URL is not set: run the tests through jest (global-setup.mjs)');
    return url;
  };
  const onServer = (db: string) => {
    const url = new URL(serverUrl());
    url.pathname = `/${db}`;
    return url.toString();
  };
  const script = (path: string, args: string[]) => run('bash', [path, ...args], { env: backupEnv(bin) });

  beforeAll(async () => {
    bin = findPgBin();
    binMajor = majorOf(bin);
    work = mkdtempSync(join(tmpdir(), 'scorecard-backup-'));
    cluster = await startCluster(bin);
    await withClient(cluster.url('postgres'), (c) => c.query('create database scorecard'));
    sourceUrl = cluster.url('scorecard');

    // The real migrations, then data in every table: the demo organization, and a second
    // organization built through the API (members of every role, submitted and amended scorecards,
    // a decision, staged and committed imports), a failed sign-in and an erased candidate.
    source = await appOn(sourceUrl);
    expect(await seedDemo(source.app, sourceUrl)).toBe(true);
    org = await buildOrg(source, 'Backup');
    await source
      .http()
      .post('/api/v1/auth/login')
      .send({ email: org.members.admin.email, password: 'not-the-password' })
      .expect(401);
    await must(source, org.members.admin.token, 'post', `/api/v1/candidates/${org.candidates.erasable.id}/erase`, 200, {
      confirm: org.candidates.erasable.name,
    });
    await backgroundSettled(source);
    before = await dataFingerprint(sourceUrl);
    beforeSafeguards = await safeguards(sourceUrl);

    dump = join(work, 'scorecard.dump');
    const backup = await script(BACKUP, ['--url', sourceUrl, dump]);
    if (backup.code !== 0) throw new Error(`backup.sh failed (${backup.code}): ${backup.stderr}`);
    expect(backup.stdout.trim()).toBe(dump);
  }, 180_000);

  afterAll(async () => {
    await source?.close();
    for (const db of dropOnServer) {
      await withClient(serverUrl(), (c) => c.query(`drop database if exists ${db} with (force)`)).catch(
        () => undefined,
      );
    }
    await cluster?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('the seed leaves no table empty, so that every table is checked', () => {
    const empty = Object.entries(before)
      .filter(([name, f]) => !name.startsWith('sequence ') && f.rows === 0)
      .map(([name]) => name);
    expect(empty).toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThan(20);
  });

  it('writes a complete custom-format archive, readable only by its owner', () => {
    const stat = statSync(dump);
    expect(stat.size).toBeGreaterThan(10_000);
    expect(stat.mode & 0o077).toBe(0);
    expect(existsSync(`${dump}.partial`)).toBe(false);
    const toc = execFileSync(join(bin, 'pg_restore'), ['--list', dump], { encoding: 'utf8' });
    const tables = Object.keys(before).filter((n) => !n.startsWith('sequence '));
    for (const table of tables) expect(toc).toMatch(new RegExp(`TABLE DATA public ${table} `));
  });

  it('restores into a new database on the same server: every row, every safeguard', async () => {
    const target = cluster.url('restored');
    const restore = await script(RESTORE, ['--create', dump, target]);
    if (restore.code !== 0) throw new Error(`restore.sh failed (${restore.code}): ${restore.stderr}`);
    expect(await dataFingerprint(target)).toEqual(before);
    expect(await safeguards(target)).toEqual(beforeSafeguards);
    const tables = Object.keys(before).filter((n) => !n.startsWith('sequence ')).length;
    const forced = (beforeSafeguards.rowSecurity as { relforcerowsecurity: boolean }[]).filter(
      (t) => t.relforcerowsecurity,
    ).length;
    expect(restore.stderr).toContain(`${tables} tables (${forced} under row-level security, ${forced} forced)`);
  }, 120_000);

  it('refuses to restore into a database that is not empty, and changes nothing there', async () => {
    const target = cluster.url('restored');
    const again = await script(RESTORE, [dump, target]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/is not empty/);
    expect(await dataFingerprint(target)).toEqual(before);
  }, 60_000);

  it('restores nothing at all from a damaged archive', async () => {
    const damaged = join(work, 'damaged.dump');
    copyFileSync(dump, damaged);
    // The table of contents is at the start: cut the end, and the last tables' data is missing.
    truncateSync(damaged, statSync(damaged).size - 300);
    const target = cluster.url('from_damaged');
    const restore = await script(RESTORE, ['--create', damaged, target]);
    expect(restore.code).not.toBe(0);
    expect(restore.stderr).toMatch(/rolled back/);
    const [{ n }] = (await withClient(
      target,
      async (c) =>
        (
          await c.query<{ n: number }>(
            `select count(*)::int as n from pg_class where relnamespace = 'public'::regnamespace`,
          )
        ).rows,
    )) as [{ n: number }];
    expect(n).toBe(0);
  }, 60_000);

  it("refuses, naming the version it needs, to back up a server newer than its pg_dump (the app's PostgreSQL)", async () => {
    const serverMajor = await withClient(serverUrl(), async (c) =>
      Number(
        (await c.query<{ v: string }>(`select current_setting('server_version_num')::int / 10000 as v`)).rows[0]!.v,
      ),
    );
    const file = join(work, 'newer.dump');
    const backup = await script(BACKUP, ['--url', serverUrl(), file]);
    if (binMajor >= serverMajor) {
      // A pg_dump as new as the server: the same script just works.
      expect(backup.code).toBe(0);
      return;
    }
    expect(backup.code).not.toBe(0);
    expect(backup.stderr).toContain(`pg_dump ${binMajor} cannot back up a PostgreSQL ${serverMajor} server`);
    expect(backup.stderr).toContain('PG_BIN');
    expect(existsSync(file) || existsSync(`${file}.partial`)).toBe(false);
  });

  describe('restored on another server, where neither the app role nor the old owner exist, by an owner that is not superuser', () => {
    let other: Awaited<ReturnType<typeof startCluster>>;
    let restored: TestApp & { applied: string[] };
    let target: string;
    let restore: Awaited<ReturnType<typeof run>>;

    beforeAll(async () => {
      if (!dump) throw new Error('no backup to restore: see the first failure');
      other = await startCluster(bin);
      await withClient(other.url('postgres'), (c) =>
        c.query(`create role scorecard_owner login createdb createrole password 'owner-password'`),
      );
      target = other.url('scorecard').replace('postgres:' + SUPERUSER_PASSWORD, 'scorecard_owner:owner-password');
      restore = await script(RESTORE, ['--create', dump, target]);
      if (restore.code !== 0) throw new Error(`restore.sh failed (${restore.code}): ${restore.stderr}`);
      restored = await appOn(target);
    }, 120_000);

    afterAll(async () => {
      await restored?.close();
      await other?.stop();
    }, 60_000);

    it('creates the app role, which pg_dump does not carry, and the app enables its login at start', async () => {
      expect(restore.stderr).toMatch(/created role scorecard_app \(NOLOGIN\)/);
      const role = await withClient(
        other.url('postgres'),
        async (c) =>
          (await c.query(`select rolcanlogin, rolsuper, rolbypassrls from pg_roles where rolname = 'scorecard_app'`))
            .rows,
      );
      expect(role).toEqual([{ rolcanlogin: true, rolsuper: false, rolbypassrls: false }]);
    });

    it('makes the restoring role the owner of everything, with the default privileges for it', async () => {
      const owners = await withClient(
        other.url('scorecard'),
        async (c) => (await c.query(`select distinct tableowner from pg_tables where schemaname = 'public'`)).rows,
      );
      expect(owners).toEqual([{ tableowner: 'scorecard_owner' }]);
      const defaults = (await safeguards(other.url('scorecard'))).defaultPrivileges;
      expect(defaults).toEqual([
        { defaclobjtype: 'S', for_owner: true, acl: ['scorecard_app=rU'] },
        { defaclobjtype: 'r', for_owner: true, acl: ['scorecard_app=arwd'] },
      ]);
    });

    it('has every row and every safeguard back (read as the superuser)', async () => {
      expect(await dataFingerprint(other.url('scorecard'))).toEqual(before);
      expect(await safeguards(other.url('scorecard'))).toEqual(beforeSafeguards);
      expect(restore.stderr).toMatch(/rows not counted: scorecard_owner is subject to row-level security/);
    });

    it('serves the sessions signed in before the backup', async () => {
      expect(restored.applied).toEqual([]);
      const path = `/api/v1/applications/${org.applications.debriefed.id}/debrief`;
      const original = await source.http().get(path).set(bearer(org.members.hiring_manager.token)).expect(200);
      const copy = await restored.http().get(path).set(bearer(org.members.hiring_manager.token)).expect(200);
      expect(copy.body).toEqual(original.body);
    });
  });

  describe("restored into the app's own PostgreSQL (the tests' server, 18 unless DATABASE_URL names another)", () => {
    let restored: TestApp & { applied: string[] };
    let target: string;

    beforeAll(async () => {
      if (!dump) throw new Error('no backup to restore: see the first failure');
      const name = `scorecard_restore_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      dropOnServer.push(name);
      target = onServer(name);
      const restore = await script(RESTORE, ['--create', dump, target]);
      if (restore.code !== 0) throw new Error(`restore.sh failed (${restore.code}): ${restore.stderr}`);
      restored = await appOn(target);
    }, 120_000);

    afterAll(async () => {
      await restored?.close();
    });

    it('has every row and every safeguard back', async () => {
      expect(await dataFingerprint(target)).toEqual(before);
      expect(await safeguards(target)).toEqual(beforeSafeguards);
    });

    it('needs no migration: the migrations table came back too', () => {
      expect(restored.applied).toEqual([]);
    });

    it('answers what the original answered, to the sessions signed in before the backup', async () => {
      const reads: [string, string][] = [
        [org.members.recruiter.token, '/api/v1/candidates'],
        [org.members.admin.token, `/api/v1/openings/${org.opening.id}`],
        [org.members.hiring_manager.token, `/api/v1/applications/${org.applications.debriefed.id}/debrief`],
        [org.members.admin.token, '/api/v1/audit-events'],
      ];
      for (const [token, path] of reads) {
        const original = await source.http().get(path).set(bearer(token)).expect(200);
        const copy = await restored.http().get(path).set(bearer(token)).expect(200);
        expect({ path, body: copy.body }).toEqual({ path, body: original.body });
      }
    });

    it('takes new writes as the app role', async () => {
      const created = await must<{ id: string }>(
        restored,
        org.members.recruiter.token,
        'post',
        '/api/v1/candidates',
        201,
        {
          name: 'After the restore',
          email: `restored-${randomUUID().slice(0, 8)}@example.test`,
          source: 'referral',
        },
      );
      await must(restored, org.members.recruiter.token, 'get', `/api/v1/candidates/${created.id}`, 200);
    });

    it('still hides every row from the app role without an organization (row-level security)', async () => {
      const counts = await withClient(restored.appDatabaseUrl, async (c) => {
        const { rows } = await c.query<{ user: string; candidates: number; users: number }>(
          `select current_user as user, (select count(*)::int from candidates) as candidates,
                  (select count(*)::int from users) as users`,
        );
        return rows[0];
      });
      expect(counts).toEqual({ user: 'scorecard_app', candidates: 0, users: 0 });
    });

    it('still refuses to rewrite history, even as the superuser (append-only and freeze triggers)', async () => {
      await withClient(target, async (c) => {
        await expect(c.query(`update audit_events set action = action`)).rejects.toThrow(/append-only/);
        await expect(c.query(`delete from application_decisions`)).rejects.toThrow(/append-only/);
        await expect(c.query(`update scorecards set summary = 'rewritten' where status = 'submitted'`)).rejects.toThrow(
          /submitted scorecard cannot change/,
        );
      });
    });
  });
});
