// Starts the real product once for all browser tests: `node apps/api/dist/main.js` on a free port,
// with a fresh DATA_DIR (so it starts its own embedded PostgreSQL and seeds the demo organization).
// First it finds the browser (find-chromium.mjs): without one, it stops here with one line that
// says how to install it, before the product starts or any test runs.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, openSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissing, findChromium } from './find-chromium.mjs';

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

export default async function globalSetup() {
  if (!findChromium()) {
    process.stderr.write(`${chromiumMissing()}\n`);
    process.exit(1);
  }
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run \`pnpm build\` first`);
  if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run \`pnpm build\` first`);

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'scorecard-web-e2e-'));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as another user when we are root
  const artifacts = join(REPO_ROOT, 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  const logFile = join(artifacts, 'browser-tests-api.log');
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
  writeFileSync(STATE_FILE, JSON.stringify(state));
  process.env.SCORECARD_WEB_TEST_STATE = STATE_FILE;
  process.env.SCORECARD_BASE_URL = baseUrl;
  process.env.SCORECARD_MAIL_SINK_FILE = mailFile;

  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (error) {
    for (const pid of [child.pid, sink.pid]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
    throw error;
  }
}
