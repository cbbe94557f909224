// The built product for the web scripts (lighthouse.mjs, request-timing.mjs): start it on a free
// port with its own embedded PostgreSQL and the demo organization, sign the demo users in, and find
// the pages worth auditing (ids looked up through the API, as a person would click to them).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS } from '../../test/browser/find-chromium.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Headless Chromium's flags, as the browser tests run it. */
export { CHROMIUM_FLAGS };
/** Every demo user's password (apps/api/src/database/seed-demo.ts). */
const DEMO_PASSWORD = 'scorecard-demo';
/** Seeding the demo takes seconds, but over a minute on a machine busy with other work. */
const HEALTHY_WITHIN_MS = 180_000;

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * `node apps/api/dist/main.js` with a fresh DATA_DIR (its own embedded PostgreSQL, the demo seeded),
 * serving `webDist`. Answers its base URL and `stop()`, which ends it by its pid and removes the data.
 */
export async function startProduct({
  webDist = resolve(REPO_ROOT, process.env.WEB_DIST ?? 'apps/web/dist'),
  logFile,
} = {}) {
  const main = join(REPO_ROOT, 'apps/api/dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`pnpm build\` first`);
  if (!existsSync(join(webDist, 'index.html'))) throw new Error(`${webDist}/index.html is missing: build the web app`);
  const dataDir = mkdtempSync(join(tmpdir(), 'scorecard-lighthouse-'));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as another user when we are root
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIST: webDist,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    RATE_LIMIT_ADDRESS_PER_MINUTE: '1000000',
  };
  delete env.DATABASE_URL; // its own embedded PostgreSQL in DATA_DIR
  delete env.NODE_OPTIONS;
  const log = openSync(logFile ?? join(dataDir, 'api.log'), 'w');
  const child = spawn(process.execPath, [main], { cwd: REPO_ROOT, env, stdio: ['ignore', log, log] });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the product exited with ${child.exitCode} before it was healthy (log: ${logFile ?? 'removed'})`);
    }
    const healthy = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the product was not healthy within ${HEALTHY_WITHIN_MS / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, pid: child.pid, stop };
}

/** Signs a demo user in through the API; answers the session's `Cookie` header value. */
export async function signIn(base, email) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'scorecard' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function getJson(base, cookie, path) {
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/**
 * The five screens audited, with who opens them, their route's code chunk and their data request
 * (both as they appear in the page's resource timings).
 */
export async function demoPages(base) {
  const interviewer = await signIn(base, 'interviewer1@acme.test');
  const interviews = await getJson(base, interviewer, '/api/v1/me/interviews');
  const interview = interviews.items[0];
  if (!interview) throw new Error('interviewer1@acme.test has no interview in the demo');

  const hm = await signIn(base, 'hm@acme.test');
  const home = await getJson(base, hm, '/api/v1/home/hiring-manager');
  const decision = home.decisions.items[0];
  if (!decision) throw new Error('hm@acme.test has no application in debrief in the demo');

  const recruiter = await signIn(base, 'recruiter@acme.test');
  const openings = await getJson(base, recruiter, '/api/v1/openings?status=open');
  const opening = openings.items[0];
  if (!opening) throw new Error('recruiter@acme.test sees no open opening in the demo');

  return [
    { name: 'login', user: null, path: '/login', chunk: /\/LoginRoute-[^/]*\.js$/, data: null },
    {
      name: 'home',
      user: 'hm@acme.test',
      path: '/',
      chunk: /\/HomeRoute-[^/]*\.js$/,
      data: /^\/api\/v1\/home\/hiring-manager$/,
    },
    {
      name: 'scorecard',
      user: 'interviewer1@acme.test',
      path: `/interviews/${interview.interviewId}`,
      chunk: /\/InterviewRoute-[^/]*\.js$/,
      data: /^\/api\/v1\/interviews\/[^/]+\/kit$/,
    },
    {
      name: 'debrief',
      user: 'hm@acme.test',
      path: `/applications/${decision.applicationId}/debrief`,
      chunk: /\/DebriefRoute-[^/]*\.js$/,
      data: /^\/api\/v1\/applications\/[^/]+\/debrief$/,
    },
    {
      name: 'pipeline',
      user: 'recruiter@acme.test',
      path: `/openings/${opening.id}/pipeline`,
      chunk: /\/PipelineRoute-[^/]*\.js$/,
      data: /^\/api\/v1\/openings\/[^/]+\/board/,
    },
  ];
}
