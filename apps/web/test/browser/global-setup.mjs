// Starts the real product for the browser tests: `node apps/api/dist/main.js` on a free port, with a
// fresh DATA_DIR (so it starts its own embedded PostgreSQL and seeds the demo organization) and a
// mail sink of its own. One product per jest worker (one by default, two with `--maxWorkers=2`),
// all started here at once: worker N's test files use product N only (worker-env.ts picks it by
// JEST_WORKER_ID), so test files share a demo organization exactly as when they ran one after
// another, and never run at the same time against the same data. When fewer test files are
// selected than there are workers (one file: jest runs it in band), fewer products start.
// First it finds the browser (find-chromium.mjs): without one, it stops here with one line that
// says how to install it, before the product starts or any test runs.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  openSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissing, findChromium } from './find-chromium.mjs';
import globalTeardown from './global-teardown.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../../../..');
const API_MAIN = join(REPO_ROOT, 'apps/api/dist/main.js');
// The product serves the web build from WEB_DIST when it is set (as the API's config reads it).
const WEB_INDEX = join(resolve(REPO_ROOT, process.env.WEB_DIST ?? 'apps/web/dist'), 'index.html');
export const STATE_FILE = join(tmpdir(), `scorecard-web-browser-tests-${process.pid}.json`);

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Seeding the demo takes seconds, but over a minute on a machine busy with other work. */
const HEALTHY_WITHIN_MS = 180_000;

/**
 * Starts the mail sink (mail-sink.mjs) as a child process: a real SMTP server that writes each
 * message it receives to `file` as a JSON line. Answers its pid and port once it listens.
 */
async function startMailSink(file, logFd) {
  const portFile = `${file}.port`;
  const child = spawn(process.execPath, [join(here, 'mail-sink.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_OPTIONS: '', MAIL_SINK_FILE: file, MAIL_SINK_PORT_FILE: portFile },
    stdio: ['ignore', logFd, logFd],
  });
  child.unref();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The mail sink exited (${child.exitCode}) before it listened`);
    if (existsSync(portFile)) {
      const port = Number(readFileSync(portFile, 'utf8'));
      if (port > 0) return { pid: child.pid, port };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  try {
    process.kill(child.pid, 'SIGKILL');
  } catch {}
  throw new Error('The mail sink did not listen within 30 s');
}

async function waitForHealth(baseUrl, child, logFile) {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The API exited (${child.exitCode ?? child.signalCode}) before it was healthy; see ${logFile}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The API was not healthy within ${HEALTHY_WITHIN_MS / 1000} s (last: ${last}); see ${logFile}`);
}

/**
 * How many products to start: one per jest worker, but no more than the test files this run selected
 * (jest runs a single file in band, in worker 1). An unknown selection counts as every file.
 */
export function productsFor(globalConfig) {
  const workers = globalConfig?.runInBand ? 1 : Math.max(1, Number(globalConfig?.maxWorkers) || 1);
  if (workers === 1) return 1;
  let selected = Infinity;
  try {
    const patterns = globalConfig.testPathPatterns;
    if (patterns?.isSet?.()) {
      const matcher = patterns.toExecutor({ rootDir: globalConfig.rootDir });
      selected = readdirSync(here)
        .filter((name) => name.endsWith('.test.ts'))
        .filter((name) => matcher.isMatch(join(here, name))).length;
    }
  } catch {
    selected = Infinity;
  }
  return Math.max(1, Math.min(workers, selected));
}

/** One product (API + web build + its own embedded PostgreSQL and mail sink); answers its state. */
async function startProduct(index, port, artifacts) {
  const dataDir = mkdtempSync(join(tmpdir(), 'scorecard-web-e2e-'));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as another user when we are root
  const logFile = join(artifacts, index === 0 ? 'browser-tests-api.log' : `browser-tests-api-${index + 1}.log`);
  const log = openSync(logFile, 'w');
  // Email goes to a real SMTP server of the tests' own, so a test can read what was sent (inbox.ts).
  const mailFile = join(dataDir, 'mail-sink.jsonl');
  const sink = await startMailSink(mailFile, log);

  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    // Links in emails point at the product as the tests open it.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    JOB_POLL_SECONDS: '0.5',
    // Every test signs up and signs in from 127.0.0.1: the request limits must not throttle the suite.
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    RATE_LIMIT_ADDRESS_PER_MINUTE: '1000000',
    SIGNUP_LIMIT_PER_HOUR: '10000',
  };
  delete env.DATABASE_URL; // the product must use its own embedded PostgreSQL in DATA_DIR
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not for the product

  const child = spawn(process.execPath, [API_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', log, log] });
  child.unref();
  const baseUrl = `http://127.0.0.1:${port}`;
  const state = { pid: child.pid, baseUrl, dataDir, logFile, mailSinkPid: sink.pid, mailFile };
  const healthy = waitForHealth(baseUrl, child, logFile);
  healthy.catch(() => undefined); // awaited by globalSetup; not an unhandled rejection meanwhile
  return { state, healthy };
}

export default async function globalSetup(globalConfig) {
  if (!findChromium()) {
    process.stderr.write(`${chromiumMissing()}\n`);
    process.exit(1);
  }
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run \`pnpm build\` first`);
  if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run \`pnpm build\` first`);

  const count = productsFor(globalConfig);
  const ports = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const artifacts = join(REPO_ROOT, 'artifacts');
  mkdirSync(artifacts, { recursive: true });

  const started = [];
  const servers = [];
  // Written before waiting, so a failed start is still cleaned up by global-teardown.mjs.
  const save = () => writeFileSync(STATE_FILE, JSON.stringify({ servers }));
  process.env.SCORECARD_WEB_TEST_STATE = STATE_FILE;
  try {
    for (let i = 0; i < count; i++) {
      const product = await startProduct(i, ports[i], artifacts);
      started.push(product);
      servers.push(product.state);
      save();
    }
    await Promise.all(started.map((p) => p.healthy));
  } catch (error) {
    // Jest runs no teardown after a failed setup: stop every product started (and its PostgreSQL).
    await globalTeardown();
    await Promise.allSettled(started.map((p) => p.healthy));
    throw error;
  }
  // Worker N uses servers[N - 1] (worker-env.ts); these name product 1 for anything run outside a worker.
  process.env.SCORECARD_BROWSER_SERVERS = JSON.stringify(
    servers.map(({ baseUrl, mailFile }) => ({ baseUrl, mailFile })),
  );
  process.env.SCORECARD_BASE_URL = servers[0].baseUrl;
  process.env.SCORECARD_MAIL_SINK_FILE = servers[0].mailFile;
}
