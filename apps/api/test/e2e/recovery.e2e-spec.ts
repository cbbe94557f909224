import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthSession } from '@scorecard/contracts';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from '../../src/common/problem.js';
import { prepareDatabase } from '../../src/database/data-source.js';
import { ApplicationEvents, MAX_RETRY_MS, reconnectDelayMs } from '../../src/modules/events/application-events.js';
import { bearer, openOpeningWithPlan, signup, uniqueEmail } from '../support/factories.js';
import { eventually, openStream, type SseStream } from '../support/sse.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Recovery from database faults without restarting the API. PostgreSQL going away (a restart, a
// failover, a cut connection) may cost the requests made while it is gone, which then answer 503
// with Retry-After, never later ones; and the live-update listener comes back by itself.
// `pnpm faults` covers the whole story across processes (SIGKILL of PostgreSQL and of an API
// instance under concurrent writes); these tests pin each piece inside one process.

let t: TestApp;
let admin: AuthSession;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signup(t, 'Recovery Co');
});
afterAll(async () => {
  await t.close();
});

/** Polls until `check` holds, or fails after `ms`. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh connection per request, so each one really goes through the app's pool anew. */
function get(
  base: string,
  path: string,
  token?: string,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: token ? bearer(token) : {}, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      })
      .on('error', reject);
  });
}

async function listen(app: TestApp): Promise<string> {
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
}

describe('when PostgreSQL ends every connection of the app (pg_terminate_backend)', () => {
  it('requests racing with it answer 200 or 503 (never 500); once the connections are gone, every request succeeds', async () => {
    const base = await listen(t);
    const role = decodeURIComponent(new URL(t.appDatabaseUrl).username);
    for (let round = 0; round < 3; round++) {
      // Every pooled connection open and idle, then all of them ended at once.
      const warm = await Promise.all(Array.from({ length: 8 }, () => get(base, '/api/v1/me', admin.token)));
      expect(warm.map((r) => r.status)).toEqual(Array(8).fill(200));
      const killed = (await t.db.query(
        `select pid, pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and usename = $1 and pid <> pg_backend_pid()`,
        [role],
      )) as { pid: number }[];
      expect(killed.length).toBeGreaterThanOrEqual(1);
      // The backends end a moment later: a request sent meanwhile may lose its connection.
      const racing = await Promise.all(Array.from({ length: 8 }, () => get(base, '/api/v1/me', admin.token)));
      for (const r of racing) {
        expect([200, 503]).toContain(r.status);
        if (r.status === 503) expect(r.headers['retry-after']).toBe('1');
      }
      const pids = killed.map((k) => k.pid);
      const left = async () =>
        (
          (await t.db.query(`select count(*)::int as n from pg_stat_activity where pid = any($1)`, [pids])) as {
            n: number;
          }[]
        )[0]!.n;
      await eventually(async () => (await left()) === 0, 5_000, 'the terminated backends to go');
      const after = await Promise.all(Array.from({ length: 8 }, () => get(base, '/api/v1/me', admin.token)));
      expect(after.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect((await get(base, '/api/health')).status).toBe(200);
    }
    expect(t.logs.join('')).not.toContain('unexpected error');
  });
});

/**
 * A TCP proxy in front of PostgreSQL that one app instance connects through, so a test can take
 * "the database" away from that instance alone: `down` closes every connection and refuses new
 * ones (a restart), `blackhole` accepts connections but never answers (a hung server or proxy),
 * `stale` ends the server side of every connection while the app's side stays open until the app
 * next sends on it, which is then reset (a failover, a cut network path), `up` forwards again.
 */
class FaultyProxy {
  private server: net.Server | null = null;
  private mode: 'up' | 'blackhole' = 'up';
  private readonly pairs = new Map<net.Socket, net.Socket>();
  private readonly held = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    this.mode = 'up';
    await this.listen();
  }

  async blackhole(): Promise<void> {
    this.cutAll();
    this.mode = 'blackhole';
    await this.listen();
  }

  down(): void {
    const server = this.server;
    this.server = null;
    this.cutAll();
    // Stops listening at once; its callback would wait for the held connections too.
    server?.close();
  }

  stale(): void {
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.removeAllListeners('close');
      upstream.removeAllListeners('close');
      upstream.destroy();
      client.on('data', () => client.resetAndDestroy());
      client.resume();
      this.held.add(client);
    }
    this.pairs.clear();
  }

  close(): void {
    this.down();
    for (const s of this.held) s.destroy();
  }

  private cutAll(): void {
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  private async listen(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      client.on('error', () => undefined);
      if (this.mode === 'blackhole') {
        this.held.add(client);
        return;
      }
      const upstream = net.connect(this.target.port, this.target.host);
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      this.pairs.set(client, upstream);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }
}

describe('when the database goes away and comes back (through a proxy that one instance uses)', () => {
  const heartbeatMs = ApplicationEvents.heartbeatMs;
  let proxy: FaultyProxy;
  let p: TestApp;
  let base: string;
  let stream: SseStream;
  let applicationId: string;

  const kinds = () =>
    stream.events.filter((e) => e.event === 'changed').map((e) => (JSON.parse(e.data) as { kind: string }).kind);
  const announce = () =>
    t.db.query(`select pg_notify('scorecard_events', $1)`, [
      JSON.stringify({ organizationId: admin.organization.id, applicationId, kind: 'interviews_changed' }),
    ]);

  beforeAll(async () => {
    ApplicationEvents.heartbeatMs = 300;
    const appUrl = new URL(t.appDatabaseUrl);
    proxy = new FaultyProxy({ host: appUrl.hostname, port: Number(appUrl.port) });
    await proxy.up();
    appUrl.port = String(proxy.port);
    p = await startTestApp({ DATABASE_APP_URL: appUrl.toString() }, { sameDatabaseAs: t });
    base = await listen(p);
    const opening = await openOpeningWithPlan(t, admin);
    const candidate = await t
      .http()
      .post('/api/v1/candidates')
      .set(bearer(admin.token))
      .send({ name: 'Proxy Candidate', email: uniqueEmail('proxy'), source: 'referral' })
      .expect(201);
    const application = await t
      .http()
      .post('/api/v1/applications')
      .set(bearer(admin.token))
      .send({ candidateId: candidate.body.id, openingId: opening.id })
      .expect(201);
    applicationId = application.body.id as string;
    stream = await openStream(base, `/api/v1/applications/${applicationId}/debrief/events`, bearer(admin.token));
    expect(stream.status).toBe(200);
    await eventually(() => stream.events.some((e) => e.event === 'ready'), 5_000, 'ready');
  });
  afterAll(async () => {
    stream?.close();
    await proxy?.up();
    await p?.close();
    proxy?.close();
    ApplicationEvents.heartbeatMs = heartbeatMs;
  });

  it('answers 503 with Retry-After while it is gone (not a 500), then serves, and live updates resume', async () => {
    proxy.down();
    const during = await get(base, '/api/v1/me', admin.token);
    expect(during.status).toBe(503);
    expect(JSON.parse(during.body)).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(during.headers['retry-after']).toBe('1');
    expect((await get(base, '/api/health')).status).toBe(503);
    expect(p.logs.join('')).not.toContain('unexpected error');

    await sleep(1_500);
    const resyncsBefore = kinds().filter((k) => k === 'resync').length;
    await proxy.up();
    expect((await get(base, '/api/v1/me', admin.token)).status).toBe(200);
    expect((await get(base, '/api/health')).status).toBe(200);
    await eventually(
      () => kinds().filter((k) => k === 'resync').length > resyncsBefore,
      MAX_RETRY_MS + 3_000,
      'resync',
    );
    await announce();
    await eventually(() => kinds().includes('interviews_changed'), 5_000, 'a change after the outage');
  }, 30_000);

  it('the listener gets over a connection attempt that hangs: it times out and tries again', async () => {
    const resyncsBefore = kinds().filter((k) => k === 'resync').length;
    const changesBefore = kinds().filter((k) => k === 'interviews_changed').length;
    // Every connection cut, and the listener's next attempts accepted but never answered.
    await proxy.blackhole();
    await sleep(1_000);
    proxy.down();
    await proxy.up();
    await eventually(
      () => kinds().filter((k) => k === 'resync').length > resyncsBefore,
      5_000 + MAX_RETRY_MS + 3_000,
      'resync after a hung connection attempt',
    );
    await announce();
    await eventually(
      () => kinds().filter((k) => k === 'interviews_changed').length > changesBefore,
      5_000,
      'a change after the hung attempt',
    );
  }, 30_000);
  it('a connection that died silently (a failover) costs no request, and the listener notices it', async () => {
    const resyncsBefore = kinds().filter((k) => k === 'resync').length;
    const changesBefore = kinds().filter((k) => k === 'interviews_changed').length;
    // Every pooled connection open and idle; then the server side of each one is gone, which the
    // app learns only when it next sends on it.
    const warm = await Promise.all(Array.from({ length: 8 }, () => get(base, '/api/v1/me', admin.token)));
    expect(warm.map((r) => r.status)).toEqual(Array(8).fill(200));
    proxy.stale();
    const after = await Promise.all(Array.from({ length: 8 }, () => get(base, '/api/v1/me', admin.token)));
    expect(after.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect((await get(base, '/api/health')).status).toBe(200);
    // The listener only reads, so its heartbeat is what finds out.
    await eventually(
      () => kinds().filter((k) => k === 'resync').length > resyncsBefore,
      ApplicationEvents.heartbeatMs + MAX_RETRY_MS + 3_000,
      'resync after the silent failure',
    );
    await announce();
    await eventually(
      () => kinds().filter((k) => k === 'interviews_changed').length > changesBefore,
      5_000,
      'a change after the silent failure',
    );
  }, 30_000);
});

describe('start-up while the database cannot be reached', () => {
  let proxy: FaultyProxy;
  let ownerUrl: URL;
  beforeAll(() => {
    const server = new URL(t.databaseUrl);
    proxy = new FaultyProxy({ host: server.hostname, port: Number(server.port) });
  });
  afterAll(() => proxy.close());

  it('waits for the database to come up, then migrates and answers the app role’s URL', async () => {
    await proxy.up();
    ownerUrl = new URL(t.databaseUrl);
    ownerUrl.port = String(proxy.port);
    proxy.down();
    let waits = 0;
    const prepared = prepareDatabase(ownerUrl.toString(), undefined, { ms: 30_000, onWait: () => waits++ });
    await eventually(() => waits >= 2, 10_000, 'two attempts refused');
    await proxy.up();
    const { appUrl, applied } = await prepared;
    expect(applied).toEqual([]);
    expect(new URL(appUrl).username).toBe('scorecard_app');
  });

  it('gives up with the connection error after the time it was given', async () => {
    proxy.down();
    await expect(prepareDatabase(ownerUrl.toString(), undefined, { ms: 300 })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it('does not wait on an error that waiting cannot cure (a wrong password)', async () => {
    await proxy.up();
    const wrong = new URL(ownerUrl);
    wrong.password = 'not-the-password';
    let waits = 0;
    await expect(
      prepareDatabase(wrong.toString(), undefined, { ms: 30_000, onWait: () => waits++ }),
    ).rejects.toMatchObject({ code: '28P01' });
    expect(waits).toBe(0);
  });
});

describe('the rules behind it', () => {
  it('connection failures of every kind count as "database unavailable"; other errors do not', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    // TypeORM's QueryFailedError copies the driver's code and keeps the error itself.
    expect(isDatabaseUnavailable({ message: 'x', driverError: { code: '57P01' } })).toBe(true);
    expect(isDatabaseUnavailable({ code: '57P03', message: 'the database system is starting up' })).toBe(true);
    expect(isDatabaseUnavailable({ code: '08006', message: 'connection failure' })).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused], 'all addresses failed'))).toBe(true);
    // TypeORM releases a request's connection when it fails; the request's next statement says so.
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable({ code: '23505', message: 'duplicate key value' })).toBe(false);
    expect(isDatabaseUnavailable({ code: '40001', message: 'could not serialize access' })).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('the listener retries at least every few seconds however long the database was gone', () => {
    for (let failures = 0; failures < 100; failures++) {
      expect(reconnectDelayMs(failures, () => 1)).toBeLessThanOrEqual(MAX_RETRY_MS);
    }
    expect(MAX_RETRY_MS).toBeLessThanOrEqual(5_000);
    expect(reconnectDelayMs(0, () => 0)).toBe(125);
    expect(reconnectDelayMs(50, () => 0)).toBe(MAX_RETRY_MS / 2);
  });
});
