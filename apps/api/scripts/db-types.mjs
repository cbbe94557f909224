// `pnpm db:types [--check]`: the database's TypeScript types (src/database/schema.generated.ts, by
// kysely-codegen) and its schema (docs/schema.sql, by pg_dump), both read from a throwaway database
// migrated by the real migrations (dist: build first). With --check, nothing is written: it fails
// when the committed files differ from what the migrations give.
//
// pg_dump refuses a server newer than itself and Debian 12 only has pg_dump 15, while the app's
// embedded PostgreSQL is 18: so the throwaway database lives on a cluster of pg_dump's own version
// (Debian's initdb/pg_ctl, as the backup test does), or on the server DATABASE_URL names.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as prettier from 'prettier';

const API = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(API, '../..');
const TYPES = join(API, 'src/database/schema.generated.ts');
const SCHEMA = join(ROOT, 'docs/schema.sql');
const check = process.argv.includes('--check');

/**
 * Columns whose values a check constraint or the API's zod schemas narrow beyond their SQL type
 * (text with a fixed set of values, jsonb of a known shape): their type from @scorecard/contracts.
 */
const COLUMNS = {
  'application_decisions.decision': 'DecisionKind',
  'applications.stage': 'Stage',
  'application_moves.from_stage': 'Stage | null',
  'application_moves.to_stage': 'Stage',
  'application_moves.reason': 'StageReason | null',
  'candidate_files.storage': "'postgres' | 's3'",
  'candidate_files.content_type': 'FileContentType',
  'emails.kind': 'EmailKind',
  'emails.status': 'EmailStatus',
  'emails.ical_method': "'REQUEST' | 'CANCEL' | null",
  'emails.headers': '{ [key: string]: string }',
  'scorecard_reminders.audience': "'interviewer' | 'hiring_manager' | 'recruiter'",
  'user_tokens.purpose': "'invitation' | 'password_reset' | 'calendar_feed' | 'unsubscribe' | 'two_factor_challenge'",
  'user_tokens.data': '{ [key: string]: string }',
  'users.email_opt_outs': 'OptionalEmailKind[]',
  'candidate_imports.status': "CandidateImport['status']",
  'candidate_imports.errors': "CandidateImport['errors']",
  'candidates.desired_career_path': 'DesiredCareerPath',
  'candidates.source': 'CandidateSource',
  'candidates.links': 'CandidateLinks',
  'candidates.signals': 'LeadershipSignal[]',
  'interviews.status': 'InterviewStatus',
  'interviews.step_kind': 'PlanStepKind',
  'openings.archetype': 'Archetype',
  'openings.career_path': 'CareerPath',
  'openings.decision_authority': 'DecisionAuthority',
  'openings.level': 'Level',
  'openings.people_management': 'PeopleManagement',
  'openings.status': 'OpeningStatus',
  'openings.expectations': 'Expectations',
  'openings.plan': 'InterviewPlan',
  'red_flag_checklist_versions.status': 'VersionStatus',
  'red_flag_checklist_versions.content': 'ChecklistContent',
  'rubric_versions.status': 'VersionStatus',
  'rubric_versions.content': 'RubricContent',
  'scorecards.status': "ScorecardStatus | 'void'",
  'scorecards.recommendation': 'Recommendation | null',
  'scorecards.first_recommendation': 'Recommendation | null',
  'users.role': 'Role',
  'sso_connections.default_role': 'Role',
  'sso_connections.protocol': 'SsoProtocol',
  'question_marks.kind': 'QuestionMarkKind',
};
const imports = Object.fromEntries(
  [...new Set(Object.values(COLUMNS).flatMap((t) => t.match(/\b[A-Z]\w+/g) ?? []))].map((t) => [
    t,
    `@scorecard/contracts#${t}`,
  ]),
);
const { createDataSource, migrate } = await import(join(API, 'dist/database/data-source.js'));
const { freePort } = await import(join(API, 'dist/database/embedded-postgres.js'));

/** The newest Debian PostgreSQL with server and pg_dump (/usr/lib/postgresql/N/bin), or PG_BIN. */
function pgBin() {
  const dirs = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : readdirSync('/usr/lib/postgresql', { withFileTypes: true })
        .filter((d) => /^\d+$/.test(d.name))
        .sort((a, b) => Number(b.name) - Number(a.name))
        .map((d) => `/usr/lib/postgresql/${d.name}/bin`);
  const found = dirs.find((d) => ['initdb', 'pg_ctl', 'pg_dump'].every((t) => existsSync(join(d, t))));
  if (!found) throw new Error('db:types needs PostgreSQL programs: apt-get install -y postgresql-15 (or set PG_BIN)');
  return found;
}

/** A throwaway cluster in a temporary directory, run as `postgres` when we are root. */
async function startCluster(bin) {
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot
    ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) }
    : {};
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-db-types-'));
  chmodSync(dir, 0o755);
  if (asRoot) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (tool, args) => execFileSync(join(bin, tool), args, { ...owner, stdio: 'pipe' });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const bin = pgBin();
const cluster = process.env.DATABASE_URL ? null : await startCluster(bin);
const serverUrl = process.env.DATABASE_URL ?? cluster.url;
const database = `scorecard_types_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const out = mkdtempSync(join(tmpdir(), 'scorecard-db-types-out-'));
let failed = false;
try {
  await admin.query(`create database ${database}`);
  const url = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
  const ds = await createDataSource(url, 2).initialize();
  await migrate(ds);
  await ds.destroy();

  const codegen = join(API, 'node_modules/.bin/kysely-codegen');
  const types = join(out, 'schema.generated.ts');
  execFileSync(
    codegen,
    [
      '--dialect',
      'postgres',
      '--url',
      url,
      '--out-file',
      types,
      '--include-pattern',
      'public.*',
      '--exclude-pattern',
      'typeorm_migrations',
      '--log-level',
      'error',
      '--overrides',
      JSON.stringify({ columns: COLUMNS }),
      '--custom-imports',
      JSON.stringify(imports),
    ],
    { stdio: 'inherit' },
  );
  const header =
    '// Generated by `pnpm db:types` (apps/api/scripts/db-types.mjs) from the migrated schema: do not edit.\n';
  const options = (await prettier.resolveConfig(TYPES)) ?? {};
  writeFileSync(types, await prettier.format(header + readFileSync(types, 'utf8'), { ...options, filepath: TYPES }));

  // pg_dump's version lines and its per-run \restrict key would change the file on every run.
  const dump = execFileSync(
    join(bin, 'pg_dump'),
    ['--schema-only', '--no-owner', '--no-privileges', '--exclude-schema=pgboss', url],
    {
      encoding: 'utf8',
    },
  );
  const schema = dump
    .split('\n')
    .filter((l) => !/^\\(un)?restrict\b|^-- Dumped (from|by)/.test(l))
    .join('\n');
  writeFileSync(
    join(out, 'schema.sql'),
    `-- Generated by \`pnpm db:types\` from the migrated schema: do not edit.\n${schema}`,
  );

  const stale = [
    [types, TYPES],
    [join(out, 'schema.sql'), SCHEMA],
  ].filter(
    ([fresh, committed]) => !existsSync(committed) || readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8'),
  );
  if (check) {
    if (stale.length) {
      const names = stale.map(([, c]) => relative(ROOT, c)).join(' and ');
      console.error(`${names} ${stale.length > 1 ? 'are' : 'is'} not current: run 'pnpm db:types' and commit`);
      failed = true;
    } else console.log('database types and docs/schema.sql are current');
  } else {
    for (const [fresh, committed] of stale) writeFileSync(committed, readFileSync(fresh, 'utf8'));
    console.log(stale.length ? `wrote ${stale.map(([, c]) => relative(ROOT, c)).join(', ')}` : 'already current');
  }
} finally {
  await admin.query(`drop database if exists ${database}`).catch(() => undefined);
  await admin.end();
  rmSync(out, { recursive: true, force: true });
  cluster?.stop();
}
// Set only now: something the migrations load resets process.exitCode.
if (failed) process.exit(1);
