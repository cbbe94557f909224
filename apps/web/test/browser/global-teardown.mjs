// Stops the products started by global-setup.mjs, all at once: each SIGTERM, up to 20 s to exit,
// then SIGKILL (and the embedded PostgreSQL it started, if it outlived it); removes the data directories.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stop(pid, graceMs) {
  if (!alive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
}

function isPostgres(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

/** postmaster.pid files under the data dir: a postgres left running after a SIGKILLed API. */
function postmasterPids(dir) {
  const pids = [];
  const walk = (d, depth) => {
    if (depth > 4) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isFile() && entry.name === 'postmaster.pid') {
        const pid = Number(readFileSync(p, 'utf8').split('\n')[0]);
        if (Number.isInteger(pid) && pid > 0 && isPostgres(pid)) pids.push(pid);
      } else if (entry.isDirectory()) walk(p, depth + 1);
    }
  };
  try {
    walk(dir, 0);
  } catch {}
  return pids;
}

async function stopProduct({ pid, dataDir, mailSinkPid }) {
  await stop(pid, 20_000);
  if (mailSinkPid) await stop(mailSinkPid, 5_000);
  for (const pgPid of postmasterPids(dataDir)) await stop(pgPid, 10_000);
  rmSync(dataDir, { recursive: true, force: true });
}

export default async function globalTeardown() {
  const file = process.env.SCORECARD_WEB_TEST_STATE;
  if (!file || !existsSync(file)) return;
  const { servers } = JSON.parse(readFileSync(file, 'utf8'));
  await Promise.all(servers.map(stopProduct));
  rmSync(file, { force: true });
}
