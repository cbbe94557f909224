import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Problem, Readiness } from '@scorecard/contracts';
import { DataSource } from 'typeorm';
import { migrations } from '../../src/database/data-source.js';
import { bearer, signup } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * What a load balancer and Prometheus see: `/api/ready` is 200 only when the database answers and
 * every migration of this build is recorded; `/api/metrics` counts and times every answered request
 * by its route template (never the raw URL), and shows the database pool and the process.
 */

/** The bearer token the scraper sends (METRICS_TOKEN). */
const METRICS_TOKEN = `metrics-${randomUUID()}`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ METRICS_TOKEN });
});
afterAll(async () => {
  await t?.close();
});

/** Every migration of this build, by the name TypeORM records. */
const MIGRATION_NAMES = migrations.map((M) => new M().name ?? M.name);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a text exposition (format 0.0.4): `name{label="value",...} number`. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key!] = raw!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

async function scrape(app: TestApp = t): Promise<Sample[]> {
  const res = await app.http().get('/api/metrics').set(bearer(METRICS_TOKEN)).expect(200);
  expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(res.text);
}

/** The value of one series (0 when it does not exist yet). */
function valueOf(samples: Sample[], name: string, labels: Record<string, string>): number {
  const found = samples.filter(
    (s) =>
      s.name === name &&
      Object.keys(s.labels).length === Object.keys(labels).length &&
      Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.value ?? 0;
}

const series = (method: string, route: string, status: number) => ({
  method,
  route,
  status_code: String(status),
});

describe('GET /api/ready', () => {
  it('answers 200 with the migration counts on a fully migrated database', async () => {
    const res = await t.http().get('/api/ready').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Readiness.parse(res.body)).toEqual({
      status: 'ready',
      migrations: { applied: MIGRATION_NAMES.length, pending: 0, latest: MIGRATION_NAMES.at(-1) },
    });
  });

  it('reads the migrations table as the app role, which may select from it but not change it', async () => {
    const [row] = (await t.db.query(
      `select has_table_privilege('scorecard_app', 'typeorm_migrations', 'select') as can_select,
              has_table_privilege('scorecard_app', 'typeorm_migrations', 'insert,update,delete') as can_write`,
    )) as { can_select: boolean; can_write: boolean }[];
    expect(row).toEqual({ can_select: true, can_write: false });
    const [who] = (await t.app.get(DataSource).query('select current_user as role')) as { role: string }[];
    expect(who!.role).toBe('scorecard_app');
  });

  it('answers 503 problem+json naming the migrations whose rows are missing, while liveness stays 200', async () => {
    const missing = MIGRATION_NAMES.slice(-2);
    const removed = (await t.db.query(
      `select id, "timestamp", name from typeorm_migrations where name = any($1) order by id`,
      [missing],
    )) as { id: number; timestamp: string; name: string }[];
    expect(removed.map((r) => r.name)).toEqual(missing);
    await t.db.query(`delete from typeorm_migrations where name = any($1)`, [missing]);
    try {
      const res = await t.http().get('/api/ready').expect(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Problem.parse(res.body)).toMatchObject({
        status: 503,
        code: 'service_unavailable',
        detail: `2 migrations are not applied: ${missing.join(', ')}.`,
      });
      await t.db.query(`insert into typeorm_migrations (id, "timestamp", name) values ($1, $2, $3)`, [
        removed[0]!.id,
        removed[0]!.timestamp,
        removed[0]!.name,
      ]);
      const one = await t.http().get('/api/ready').expect(503);
      expect(one.body.detail).toBe(`1 migration is not applied: ${removed[1]!.name}.`);
      await t.http().get('/api/health').expect(200);
    } finally {
      for (const r of removed) {
        await t.db.query(
          `insert into typeorm_migrations (id, "timestamp", name) values ($1, $2, $3) on conflict (id) do nothing`,
          [r.id, r.timestamp, r.name],
        );
      }
    }
    await t.http().get('/api/ready').expect(200);
  });

  it('answers 503 when the database does not answer, while the metrics still answer', async () => {
    const ds = t.app.get(DataSource);
    const before = await scrape();
    await ds.destroy();
    try {
      const res = await t.http().get('/api/ready').expect(503);
      expect(res.body).toMatchObject({ code: 'service_unavailable', detail: 'The database does not answer.' });
      const after = await scrape();
      expect(valueOf(after, 'db_pool_connections', {})).toBe(0);
      // The refusal is counted like any other answer.
      const refused = series('GET', '/api/ready', 503);
      expect(valueOf(after, 'http_requests_total', refused) - valueOf(before, 'http_requests_total', refused)).toBe(1);
    } finally {
      await ds.initialize();
    }
    await t.http().get('/api/ready').expect(200);
  });
});

describe('GET /api/metrics', () => {
  it('needs the metrics bearer token: none, a wrong one or a session token answer 401 problem+json', async () => {
    const admin = await signup(t);
    for (const headers of [{}, bearer(`wrong-${randomUUID()}`), bearer(admin.token)]) {
      const res = await t.http().get('/api/metrics').set(headers).expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('unauthenticated');
      expect(res.text).not.toContain('http_requests_total');
    }
  });

  it('is not served at all (404) when METRICS_TOKEN is not set', async () => {
    const bare = await startTestApp({}, { sameDatabaseAs: t });
    try {
      const res = await bare.http().get('/api/metrics').set(bearer(METRICS_TOKEN)).expect(404);
      expect(res.body.code).toBe('not_found');
    } finally {
      await bare.close();
    }
  });

  it('counts and times requests by method, route template and status, never by the raw URL', async () => {
    const admin = await signup(t);
    const before = await scrape();
    const userRoute = '/api/v1/users/:id';
    for (let i = 0; i < 3; i++)
      await t.http().get(`/api/v1/users/${admin.user.id}`).set(bearer(admin.token)).expect(200);
    await t.http().get(`/api/v1/users/${randomUUID()}`).set(bearer(admin.token)).expect(404);
    await t.http().get(`/api/v1/users/${admin.user.id}`).expect(401);
    await t.http().post('/api/v1/users').set(bearer(admin.token)).send({ name: '' }).expect(400);
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);
    expect({
      ok: delta('http_requests_total', series('GET', userRoute, 200)),
      notFound: delta('http_requests_total', series('GET', userRoute, 404)),
      unauthenticated: delta('http_requests_total', series('GET', userRoute, 401)),
      invalid: delta('http_requests_total', series('POST', '/api/v1/users', 400)),
    }).toEqual({ ok: 3, notFound: 1, unauthenticated: 1, invalid: 1 });

    // The histogram: every request in the +Inf bucket, a count and a sum per series.
    const ok = series('GET', userRoute, 200);
    expect(delta('http_request_duration_seconds_bucket', { ...ok, le: '+Inf' })).toBe(3);
    expect(delta('http_request_duration_seconds_count', ok)).toBe(3);
    expect(delta('http_request_duration_seconds_sum', ok)).toBeGreaterThan(0);
    expect(
      after.filter((s) => s.name === 'http_request_duration_seconds_bucket' && s.labels.le === '0.005'),
    ).not.toEqual([]);
    // The previous scrape was counted too.
    expect(valueOf(after, 'http_requests_total', series('GET', '/api/metrics', 200))).toBeGreaterThan(0);
  });

  it('counts requests that match no route under one label, whatever their path', async () => {
    const before = await scrape();
    const paths = [`/api/v1/nothing-here/${randomUUID()}`, '/api/v2/anything', `/no-such-page-${randomUUID()}`];
    for (const path of paths) await t.http().get(path).expect(404);
    await t.http().delete('/api/metrics').expect(404);
    const after = await scrape();

    const unmatched = series('GET', '(unmatched)', 404);
    expect(valueOf(after, 'http_requests_total', unmatched) - valueOf(before, 'http_requests_total', unmatched)).toBe(
      3,
    );
    expect(valueOf(after, 'http_requests_total', series('DELETE', '(unmatched)', 404))).toBe(1);
    const routes = new Set(after.filter((s) => s.name === 'http_requests_total').map((s) => s.labels.route));
    for (const path of paths) expect(routes).not.toContain(path);
  });

  it('never puts a uuid, a query string or a raw path into a label value', async () => {
    const admin = await signup(t);
    await t.http().get(`/api/v1/users/${admin.user.id}?x=${randomUUID()}`).set(bearer(admin.token));
    await t.http().get(`/api/v1/candidates?q=${randomUUID()}`).set(bearer(admin.token)).expect(200);
    await t.http().get(`/${randomUUID()}`).expect(404);
    const samples = await scrape();
    const values = samples.flatMap((s) => Object.values(s.labels));
    expect(values.filter((v) => UUID.test(v) || v.includes('?'))).toEqual([]);
    const routes = new Set(samples.filter((s) => s.name === 'http_requests_total').map((s) => s.labels.route!));
    expect([...routes].filter((r) => r !== '(unmatched)' && !r.startsWith('/'))).toEqual([]);
    expect(routes).toContain('/api/v1/candidates');
  });

  it('shows the database pool and the Node.js process', async () => {
    await t.http().get('/api/health').expect(200);
    const samples = await scrape();
    const pool = {
      connections: valueOf(samples, 'db_pool_connections', {}),
      idle: valueOf(samples, 'db_pool_idle_connections', {}),
      waiting: valueOf(samples, 'db_pool_waiting_requests', {}),
      max: valueOf(samples, 'db_pool_max_connections', {}),
    };
    // The test app's pool holds at most 4 connections (startTestApp), and nothing is running now.
    expect(pool.max).toBe(4);
    expect(pool.connections).toBeGreaterThanOrEqual(1);
    expect(pool.connections).toBeLessThanOrEqual(pool.max);
    expect(pool.idle).toBe(pool.connections);
    expect(pool.waiting).toBe(0);
    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
    ])
      expect(names).toContain(name);
  });

  it('counts each app instance on its own registry: a second instance in the same process starts at zero', async () => {
    await t.http().get('/api/health').expect(200);
    const second = await startTestApp({ METRICS_TOKEN }, { sameDatabaseAs: t });
    try {
      const fresh = await scrape(second);
      expect(valueOf(fresh, 'http_requests_total', series('GET', '/api/health', 200))).toBe(0);
      await second.http().get('/api/health').expect(200);
      const mine = await scrape(t);
      const theirs = await scrape(second);
      expect(valueOf(theirs, 'http_requests_total', series('GET', '/api/health', 200))).toBe(1);
      expect(valueOf(mine, 'http_requests_total', series('GET', '/api/health', 200))).toBeGreaterThan(1);
    } finally {
      await second.close();
    }
  });
});
