import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startProduct } from '../support/product-process.js';
import { createTestDatabase } from '../support/test-app.js';

// Runs the built product the way a user does (`node apps/api/dist/main.js`); `pnpm test` builds first.
// Logs at info in development, as `pnpm start` does, so the start-up lines can be checked.
const start = (env: Record<string, string>) => startProduct({ NODE_ENV: 'development', LOG_LEVEL: 'info', ...env });

function exited(child: ChildProcess, timeoutMs = 20_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => reject(new Error('did not exit in time')), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveExit(code);
    });
  });
}

const login = (base: string, email: string, password: string) =>
  fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

/** One request through a given keep-alive agent; resolves with the status. */
function send(agent: http.Agent, base: string, method: string, path: string, body?: string): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const req = http.request(
      `${base}${path}`,
      { method, agent, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        res.resume();
        res.on('end', () => resolveStatus(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens the live stream of the demo debrief as its hiring manager; resolves once it is ready. */
async function debriefStream(base: string): Promise<{ ended: Promise<string> }> {
  const { token } = (await (await login(base, 'hm@acme.test', 'scorecard-demo')).json()) as { token: string };
  const get = async <T>(path: string) =>
    (await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
  const openings = await get<{ items: { id: string; title: string }[] }>('/api/v1/openings');
  const board = await get<{ columns: { stage: string; cards: { applicationId: string }[] }[] }>(
    `/api/v1/openings/${openings.items.find((o) => o.title === 'Tech Lead, Platform')!.id}/board`,
  );
  const id = board.columns.find((c) => c.stage === 'debrief')!.cards[0]!.applicationId;
  return new Promise((resolveReady, reject) => {
    http
      .get(
        `${base}/api/v1/applications/${id}/debrief/events`,
        { headers: { authorization: `Bearer ${token}` } },
        (res) => {
          let text = '';
          const ended = new Promise<string>((resolveEnded) => res.on('end', () => resolveEnded(text)));
          res.on('data', (d: Buffer) => {
            text += d.toString();
            if (text.includes('event: ready')) resolveReady({ ended });
          });
        },
      )
      .on('error', reject);
  });
}

let dataDir: string;
const started: ChildProcess[] = [];
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'scorecard-process-'));
  chmodSync(dataDir, 0o755);
});
afterAll(async () => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      /* already gone */
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

// Each start on an empty database seeds the demo (about thirty past candidates through the
// services): seconds on a busy machine, so more time than the default per test.
jest.setTimeout(90_000);

describe('the product as a user runs it (embedded PostgreSQL)', () => {
  it('starts on one port with the API, the web app, the API docs and the demo logins, and stops cleanly on SIGTERM', async () => {
    const p = await start({ DATA_DIR: dataDir });
    started.push(p.child);
    const home = await fetch(`${p.base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<html/i);
    const deepLink = await fetch(`${p.base}/users`);
    expect(await deepLink.text()).toMatch(/<html/i);
    const docs = await fetch(`${p.base}/api/docs/`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    const spec = (await (await fetch(`${p.base}/api/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(spec.paths).length).toBeGreaterThan(0);
    const signedIn = await login(p.base, 'admin@acme.test', 'scorecard-demo');
    expect(signedIn.status).toBe(200);
    const { token } = (await signedIn.json()) as { token: string };
    expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

    // A debrief's live stream stays open until the client leaves: SIGTERM must end it, not wait for it.
    const stream = await debriefStream(p.base);

    // Twelve connections are opened and accepted first (a health check on each), then a sign-in is
    // sent on each. Sign-ins hash with argon2 on 4 threads, so when the first answer arrives the
    // others are still being worked on: SIGTERM then must let every one of them finish.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 12 });
    await Promise.all(Array.from({ length: 12 }, () => send(agent, p.base, 'GET', '/api/health')));
    // Spread over the seven demo logins: the sign-in limit counts each attempt before its password
    // is checked (5 per account), so twelve at once for one account would be partly refused.
    const logins = ['admin', 'recruiter', 'hm', 'interviewer1', 'interviewer2', 'interviewer3', 'interviewer4'];
    const inFlight = Array.from({ length: 12 }, (_, i) =>
      send(
        agent,
        p.base,
        'POST',
        '/api/v1/auth/login',
        JSON.stringify({ email: `${logins[i % logins.length]}@acme.test`, password: 'scorecard-demo' }),
      ),
    );
    await Promise.race(inFlight);
    p.child.kill('SIGTERM');
    expect(await Promise.all(inFlight)).toEqual(Array(12).fill(200));
    expect(await stream.ended).toContain('event: ready');
    agent.destroy();
    expect(await exited(p.child)).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(p.output()).toContain(`Scorecard is running at ${p.base} (embedded PostgreSQL)`);
    expect(p.output()).not.toContain(token);
  });

  it('keeps its data across a restart and does not seed the demo twice', async () => {
    const p = await start({ DATA_DIR: dataDir });
    started.push(p.child);
    const signup = await fetch(`${p.base}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organizationName: 'Kept Co',
        name: 'K',
        email: 'kept@kept.test',
        password: 'kept-password-1',
      }),
    });
    expect(signup.status).toBe(201);
    p.child.kill('SIGTERM');
    expect(await exited(p.child)).toBe(0);

    const again = await start({ DATA_DIR: dataDir });
    started.push(again.child);
    expect((await login(again.base, 'kept@kept.test', 'kept-password-1')).status).toBe(200);
    expect(again.output()).not.toContain('demo organization');
    expect(`${p.output()}${again.output()}`).not.toContain('kept-password-1');
    again.child.kill('SIGTERM');
    expect(await exited(again.child)).toBe(0);
  });

  it('recovers when started after a crash that left PostgreSQL running', async () => {
    const p = await start({ DATA_DIR: dataDir });
    started.push(p.child);
    p.child.kill('SIGKILL');
    await exited(p.child);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    const again = await start({ DATA_DIR: dataDir });
    started.push(again.child);
    expect((await login(again.base, 'admin@acme.test', 'scorecard-demo')).status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await exited(again.child)).toBe(0);
  });
});

describe('the product on an external database', () => {
  it('uses DATABASE_URL and starts no embedded PostgreSQL', async () => {
    const db = await createTestDatabase();
    const otherDir = mkdtempSync(join(tmpdir(), 'scorecard-external-'));
    try {
      const p = await start({ DATABASE_URL: db.url, DATA_DIR: otherDir });
      started.push(p.child);
      expect((await login(p.base, 'hm@acme.test', 'scorecard-demo')).status).toBe(200);
      expect(existsSync(join(otherDir, 'postgres'))).toBe(false);
      p.child.kill('SIGTERM');
      expect(await exited(p.child)).toBe(0);
    } finally {
      await db.drop();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

describe('the web app beside the API (served from WEB_DIST)', () => {
  const INDEX = '<!doctype html><title>Scorecard</title><script type="module" src="/assets/app-1a2b3c.js"></script>';

  it('serves built files cached for a year, pages as index.html, and a built file that is not there as a 404, never as the page', async () => {
    const db = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-web-'));
    try {
      mkdirSync(join(dir, 'dist/assets'), { recursive: true });
      writeFileSync(join(dir, 'dist/index.html'), INDEX);
      writeFileSync(join(dir, 'dist/assets/app-1a2b3c.js'), 'export {};\n');
      const p = await start({ DATABASE_URL: db.url, DATA_DIR: dir, WEB_DIST: join(dir, 'dist'), SEED_DEMO: 'false' });
      started.push(p.child);
      const get = (path: string, accept = '*/*') => fetch(`${p.base}${path}`, { headers: { accept } });

      const file = await get('/assets/app-1a2b3c.js');
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toMatch(/javascript/);
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

      // Pages of the app, which routes them itself: index.html, revalidated on every load. An address
      // bar asks for HTML, so it gets the page even where the path looks like a file name.
      for (const [path, accept] of [
        ['/', '*/*'],
        ['/openings/6f1c1e0e-6a53-4c1b-9d0e-0d6c2f6b7a11/pipeline', '*/*'],
        ['/candidates?q=a.b', '*/*'],
        ['/candidates/jane.doe', 'text/html,application/xhtml+xml,*/*;q=0.8'],
      ] as const) {
        const res = await get(path, accept);
        const page = { status: res.status, cache: res.headers.get('cache-control'), body: await res.text() };
        expect({ path, ...page }).toEqual({ path, status: 200, cache: 'no-cache', body: INDEX });
      }

      // A tab of the previous release asks for a chunk that a deploy replaced: a 404 it can report,
      // not the page with a 200 that the browser would try to run as a script.
      for (const [path, accept] of [
        ['/assets/app-gone.js', '*/*'],
        ['/assets/app-gone.js', 'text/html'],
        ['/assets/style-gone.css', 'text/css,*/*;q=0.1'],
        ['/logo-gone.png', 'image/avif,image/webp,*/*'],
        ['/api/v1/nothing-here', 'text/html'],
      ] as const) {
        const res = await get(path, accept);
        const answer = { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
        expect({ path, accept, ...answer }).toEqual({
          path,
          accept,
          status: 404,
          type: expect.stringMatching(/^application\/problem\+json/),
          body: expect.objectContaining({ code: 'not_found', status: 404 }),
        });
      }
      p.child.kill('SIGTERM');
      expect(await exited(p.child)).toBe(0);
    } finally {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
