import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { afterAll, beforeAll } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createLogger } from '../../src/common/logger.js';
import { type AppConfig, loadConfig } from '../../src/config/env.js';
import { createApp, type CreateAppOptions } from '../../src/create-app.js';
import { createDataSource, prepareDatabase } from '../../src/database/data-source.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  /**
   * The database as its owner (a superuser here), for tests to arrange and inspect rows across
   * organizations. The app itself connects as `scorecard_app`, under row-level security.
   */
  db: DataSource;
  /** The URL the app itself connects with (the non-owner role). */
  appDatabaseUrl: string;
  /** The database this app runs on; another instance can share it (`startTestApp({}, { sameDatabaseAs })`). */
  databaseUrl: string;
  /** Every log line the app wrote, as text. */
  logs: string[];
  /** The migrations applied when this app started (none on a database that was already migrated). */
  applied: string[];
  close(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_PG_SERVER_URL;
  if (!url) throw new Error('TEST_PG_SERVER_URL is not set: run the tests through jest (global-setup.mjs)');
  return url;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh database on the test server, migrated; dropped again by `close()`. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `scorecard_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/**
 * The whole API on its own fresh database, with real migrations, ready for supertest; or, with
 * `sameDatabaseAs`, a second instance on another app's database (which that app drops); or, with
 * `databaseUrl`, on an existing database given by its owner's URL (which the caller drops).
 * `imports` go to `createApp`: modules served beside the app's.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { sameDatabaseAs?: TestApp; databaseUrl?: string; imports?: CreateAppOptions['imports'] } = {},
): Promise<TestApp> {
  const existing = options.databaseUrl ?? options.sameDatabaseAs?.databaseUrl;
  const database = existing ? { url: existing, drop: async () => undefined } : await createTestDatabase();
  const { appUrl, applied } = await prepareDatabase(database.url, env.DATABASE_APP_URL);
  const config: AppConfig & { databaseUrl: string } = {
    // The periodic jobs (reminders, digests) run only where a test asks for them: a sweep firing in
    // the middle of another test would add its queries to the ones that test counts.
    // The request limits are high unless a test asks for small ones (rate-limits.e2e-spec.ts).
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      QUEUE_SCHEDULES: 'false',
      RATE_LIMIT_USER_PER_MINUTE: '1000000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '1000000',
      SIGNUP_LIMIT_PER_HOUR: '10000',
      ...env,
    }),
    databaseUrl: appUrl,
    dbPoolSize: 4,
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const app = await createApp(config, createLogger(config.logLevel, sink), { assets: false, imports: options.imports });
  const db = await createDataSource(database.url, 2).initialize();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db,
    databaseUrl: database.url,
    appDatabaseUrl: appUrl,
    logs,
    applied,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await db.destroy();
      await database.drop();
    },
  };
}

/**
 * The app for a whole spec file: started before its tests (in a `beforeAll` registered first, so
 * the spec's own `beforeAll` hooks run after it) and closed after them. The handle forwards to
 * the running app, so it is used as is inside hooks and tests.
 */
export function useTestApp(...args: Parameters<typeof startTestApp>): TestApp {
  let running: TestApp | undefined;
  beforeAll(async () => {
    running = await startTestApp(...args);
  });
  afterAll(async () => {
    await running?.close();
  });
  return new Proxy({} as TestApp, {
    get(_, key) {
      if (!running) throw new Error('the test app starts in beforeAll: use it inside a hook or a test');
      return Reflect.get(running, key) as unknown;
    },
  });
}

/** Statements that only frame a transaction or name its organization; not work a request asks for. */
const FRAMING = /^\s*(start transaction|commit|rollback|savepoint|release savepoint|select set_config\()/i;
/** The email worker's statements: it reads and settles `emails` rows in the background, not for a request. */
const BACKGROUND = /^\s*(select \* from emails|update emails)\b/i;
/** The request limits' counter statement (rate-limits), the same one for every request: not the request's own work. */
const LIMITS = /insert into rate_limits as r /;

/**
 * Counts the SQL statements the app itself sends (not the test's own `db`), leaving out transaction
 * framing, so a test can pin how many queries a request costs. `statements()` returns the counted
 * statements with their parameters, so a test can EXPLAIN exactly what a request ran.
 */
export function countAppQueries(t: TestApp): {
  take(): number;
  fewest(request: () => Promise<unknown>, times?: number): Promise<number>;
  statements(): { sql: string; params: unknown[] }[];
  restore(): void;
} {
  const appDataSource = t.app.get(DataSource);
  const runner = appDataSource.createQueryRunner();
  const proto = Object.getPrototypeOf(runner) as { query: (sql: string) => Promise<unknown> };
  void runner.release();
  let seen: { sql: string; params: unknown[] }[] = [];
  const original = proto.query;
  proto.query = function (this: { dataSource: unknown }, sql: string, ...rest: unknown[]) {
    if (this.dataSource === appDataSource && !FRAMING.test(sql) && !BACKGROUND.test(sql) && !LIMITS.test(sql))
      seen.push({ sql, params: (rest[0] as unknown[]) ?? [] });
    return (original as (...a: unknown[]) => Promise<unknown>).call(this, sql, ...rest);
  };
  return {
    take: () => {
      const taken = seen.length;
      seen = [];
      return taken;
    },
    // The fewest statements `request` costs over a few runs: a background statement (a queue
    // worker's, a pool's) that lands during one run counts in that run only, so the fewest is the
    // request's own cost. A request that grows costs more in every run.
    fewest: async (request, times = 3) => {
      let least = Infinity;
      for (let i = 0; i < times; i++) {
        seen = [];
        await request();
        least = Math.min(least, seen.length);
      }
      seen = [];
      return least;
    },
    statements: () => seen,
    restore: () => {
      proto.query = original;
    },
  };
}
