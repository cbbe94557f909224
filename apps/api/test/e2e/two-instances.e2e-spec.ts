import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, AuthSession, Interview, User } from '@scorecard/contracts';
import pg from 'pg';
import request from 'supertest';
import { knownMigrations } from '../../src/database/migration-status.js';
import { freePort } from '../../src/database/embedded-postgres.js';
import {
  addMember,
  bearer,
  openOpeningWithFocus,
  PASSWORD,
  signup,
  type FocusedOpening,
} from '../support/factories.js';
import { eventually, openStream } from '../support/sse.js';
import { createTestDatabase, type TestApp } from '../support/test-app.js';

// The deployment of docker-compose.yml, as processes on this machine: the migrate step
// (dist/migrate.js) runs once, then two API instances (dist/main.js, RUN_MIGRATIONS=false, production
// mode) serve one database. Everything they share lives in PostgreSQL: sessions, the sign-in limit,
// and live updates (LISTEN/NOTIFY). `pnpm test` builds first.
const DIST = resolve(process.cwd(), 'dist');
const MAIN = resolve(DIST, 'main.js');
const MIGRATE = resolve(DIST, 'migrate.js');

let database: { url: string; drop(): Promise<void> };
const children: ChildProcess[] = [];

beforeAll(async () => {
  for (const file of [MAIN, MIGRATE]) if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm build\``);
  database = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(children.map((c) => stop(c)));
  await database?.drop();
});

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    SECRETS_KEY: 'test-secrets-key-of-at-least-32-characters',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    DB_WAIT_SECONDS: '5',
    ...env,
  };
  delete e.NODE_OPTIONS;
  for (const [k, v] of Object.entries(env)) if (v === '') delete e[k];
  return e;
}

/** Runs a script to its end; resolves with its exit code and everything it wrote. */
function runToExit(script: string, env: Record<string, string>, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [script], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, output });
    });
  });
}

interface RunResult {
  code: number | null;
  output: string;
}

interface Instance {
  child: ChildProcess;
  base: string;
  output: () => string;
  /**
   * The output once it contains `text`, or as it is after `timeoutMs`: a log line travels through a
   * pipe and may arrive after the answer to the health check that said the instance is up.
   */
  logged: (text: string, timeoutMs?: number) => Promise<string>;
  /** A TestApp look-alike for the factories: supertest on this instance's URL. */
  t: TestApp;
}

/** Starts dist/main.js and resolves once GET /api/health answers 200 (fails if it exits first). */
async function startInstance(env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: childEnv({ RUN_MIGRATIONS: 'false', TRUST_PROXY: 'true', PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the instance exited with ${child.exitCode}:\n${out}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`not healthy within 30 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const t = { http: () => request(base) } as unknown as TestApp;
  const logged = (text: string, timeoutMs = 10_000) =>
    new Promise<string>((resolve) => {
      if (out.includes(text)) return resolve(out);
      const done = () => {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.stderr!.off('data', check);
        resolve(out);
      };
      // Listeners added after the ones above, so `out` already holds the new data.
      const check = () => void (out.includes(text) && done());
      const timer = setTimeout(done, timeoutMs);
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
    });
  return { child, base, output: () => out, logged, t };
}

/** SIGTERM, then SIGKILL if it has not exited within 10 s; resolves once it is gone. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

describe('the migrate step', () => {
  it('an instance with RUN_MIGRATIONS=false refuses a database never migrated, and says to run the migrate step', async () => {
    const port = await freePort();
    const run = await runToExit(MAIN, { RUN_MIGRATIONS: 'false', PORT: String(port) });
    expect(run.code).toBe(1);
    expect(run.output).toContain('failed to start');
    expect(run.output).toContain('run the migrate step first');
  });

  it('migrate.js applies every migration, names them and exits 0; run again, it has nothing to do', async () => {
    const known = knownMigrations();
    const first = await runToExit(MIGRATE, {});
    expect(first.code).toBe(0);
    expect(first.output).toContain(`applied ${known.length} migrations: ${known.join(', ')}`);
    const again = await runToExit(MIGRATE, {});
    expect(again.code).toBe(0);
    expect(again.output).toContain(`the database is up to date (${known.length} migrations, latest ${known.at(-1)})`);
  });

  it('migrate.js exits 1 with the reason: no DATABASE_URL, or a database it cannot reach', async () => {
    const missing = await runToExit(MIGRATE, { DATABASE_URL: '' });
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/DATABASE_URL: required in production/);
    const development = await runToExit(MIGRATE, { DATABASE_URL: '', NODE_ENV: 'development' });
    expect(development.code).toBe(1);
    expect(development.output).toMatch(/DATABASE_URL: required by the migrate step/);
    const nowhere = new URL(database.url);
    nowhere.port = String(await freePort());
    const unreachable = await runToExit(MIGRATE, { DATABASE_URL: nowhere.toString(), DB_WAIT_SECONDS: '0' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.output).toMatch(/migrations failed: .*ECONNREFUSED/);
  });

  it('an instance refuses a database that lacks one migration of its build, naming it', async () => {
    const latest = knownMigrations().at(-1)!;
    const [row] = (await ownerQuery(`delete from typeorm_migrations where name = $1 returning *`, [latest])) as {
      id: number;
      timestamp: string;
      name: string;
    }[];
    try {
      const run = await runToExit(MAIN, { PORT: String(await freePort()), RUN_MIGRATIONS: 'false' });
      expect(run.code).toBe(1);
      expect(run.output).toContain(`the database lacks 1 migration this build needs (${latest})`);
    } finally {
      await ownerQuery(`insert into typeorm_migrations (id, timestamp, name) values ($1, $2, $3)`, [
        row!.id,
        row!.timestamp,
        row!.name,
      ]);
    }
  });

  it('an instance serves a database that a newer build migrated further (rolling deploy), with a warning', async () => {
    await ownerQuery(
      `insert into typeorm_migrations (timestamp, name) values (9999999999999, 'FromNextBuild9999999999999')`,
    );
    try {
      const c = await startInstance();
      expect(await c.logged('the database has migrations this build does not know')).toContain(
        'the database has migrations this build does not know',
      );
      await stop(c.child);
    } finally {
      await ownerQuery(`delete from typeorm_migrations where name = 'FromNextBuild9999999999999'`);
    }
  });
});

describe('two API instances on one database', () => {
  let a: Instance;
  let b: Instance;
  let admin: AuthSession;
  let interviewer: { user: User; token: string };
  let opening: FocusedOpening;

  beforeAll(async () => {
    [a, b] = await Promise.all([startInstance(), startInstance()]);
    admin = await signup(a.t, 'Two Instances Co');
    interviewer = await addMember(b.t, admin, 'interviewer');
    opening = await openOpeningWithFocus(a.t, admin);
  }, 60_000);

  it('are two processes, each started without migrating', async () => {
    expect(a.child.pid).not.toBe(b.child.pid);
    for (const i of [a, b]) {
      expect(await i.logged('RUN_MIGRATIONS=false: not migrating')).toContain('RUN_MIGRATIONS=false: not migrating');
    }
  });

  it('a session opened on one instance works on the other, and signing out on the other ends it on both', async () => {
    const login = await a.t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: interviewer.user.email, password: PASSWORD });
    expect(login.status).toBe(200);
    const token = (login.body as AuthSession).token;
    // The browser's way: the HttpOnly cookie set by instance A, sent to instance B.
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const viaCookie = await b.t.http().get('/api/v1/me').set('cookie', cookie);
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body.user.email).toBe(interviewer.user.email);
    expect((await b.t.http().get('/api/v1/me').set(bearer(token))).status).toBe(200);

    await b.t.http().post('/api/v1/auth/logout').set(bearer(token)).expect(204);
    expect((await a.t.http().get('/api/v1/me').set(bearer(token))).status).toBe(401);
    expect((await a.t.http().get('/api/v1/me').set('cookie', cookie)).status).toBe(401);
    expect((await b.t.http().get('/api/v1/me').set(bearer(token))).status).toBe(401);
  });

  it('the sign-in limit counts failures made on both instances (per account)', async () => {
    const { email } = (await addMember(a.t, admin, 'hiring_manager')).user;
    // 5 failures for one account: 3 on A, 2 on B, each from its own address so only the account limit applies.
    for (let i = 0; i < 5; i++) {
      const via = i % 2 === 0 ? a : b;
      const res = await via.t
        .http()
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', `198.51.100.${i + 1}`)
        .send({ email, password: 'not-the-password' });
      expect(res.status).toBe(401);
    }
    // Neither instance saw 5 failures itself; both refuse the next attempt, even with the right password.
    for (const via of [a, b]) {
      const res = await via.t
        .http()
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', '198.51.100.50')
        .send({ email, password: PASSWORD });
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('the sign-in limit counts failures made on both instances (per client address, through the proxy header)', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 30; i++) {
      const via = i % 2 === 0 ? a : b;
      const res = await via.t
        .http()
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', ip)
        .send({ email: `nobody-${i}@example.test`, password: 'not-the-password' });
      expect(res.status).toBe(401);
    }
    const member = await addMember(a.t, admin, 'recruiter');
    const blocked = await b.t
      .http()
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', ip)
      .send({ email: member.user.email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    // Another address is not limited: the limit is per client, not global.
    await a.t
      .http()
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '203.0.113.78')
      .send({ email: member.user.email, password: PASSWORD })
      .expect(200);
  });

  it('a debrief stream open on one instance hears a scorecard submitted through the other (LISTEN/NOTIFY)', async () => {
    const auth = bearer(admin.token);
    const candidate = await a.t
      .http()
      .post('/api/v1/candidates')
      .set(auth)
      .send({ name: 'Sam Streamed', email: `sam-${Date.now()}@example.test`, source: 'referral' })
      .expect(201);
    let application = (
      await a.t
        .http()
        .post('/api/v1/applications')
        .set(auth)
        .send({ candidateId: candidate.body.id, openingId: opening.id })
        .expect(201)
    ).body as Application;
    for (const to of ['screen', 'interviews']) {
      application = (
        await a.t
          .http()
          .post(`/api/v1/applications/${application.id}/moves`)
          .set(auth)
          .send({ to, note: '', revision: application.revision })
          .expect(200)
      ).body as Application;
    }
    const interview = (
      await a.t
        .http()
        .post(`/api/v1/applications/${application.id}/interviews`)
        .set(auth)
        .send({
          stepKey: opening.steps[0]!.key,
          interviewerId: interviewer.user.id,
          startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        })
        .expect(201)
    ).body as Interview;
    // The interviewer's session from addMember (opened on B), untouched by the sign-out test.
    const token = interviewer.token;

    const stream = await openStream(a.base, `/api/v1/applications/${application.id}/debrief/events`, auth);
    try {
      expect(stream.status).toBe(200);
      await eventually(() => stream.events.some((e) => e.event === 'ready'), 10_000, 'ready on A');
      const ratings = opening.focus
        .flatMap((c) => c.criteria)
        .map((c) => ({ criterionKey: c.key, rating: 3, evidence: '' }));
      const saved = await b.t
        .http()
        .put(`/api/v1/scorecards/${interview.scorecard!.id}`)
        .set(bearer(token))
        .send({ ratings, redFlags: [], recommendation: 'yes', summary: 'Clear.', notes: '', revision: 0 })
        .expect(200);
      await b.t
        .http()
        .post(`/api/v1/scorecards/${interview.scorecard!.id}/submit`)
        .set(bearer(token))
        .send({ revision: saved.body.revision })
        .expect(200);
      await eventually(
        () => stream.events.some((e) => e.event === 'changed' && e.data === '{"kind":"scorecard_submitted"}'),
        10_000,
        'scorecard_submitted on A',
      );
    } finally {
      stream.close();
    }
  });
});

async function ownerQuery(sql: string, params: unknown[] = []): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}
