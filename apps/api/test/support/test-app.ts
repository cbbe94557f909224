import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createLogger } from '../../src/common/logger.js';
import { type AppConfig, loadConfig } from '../../src/config/env.js';
import { createApp } from '../../src/create-app.js';
import { migrate } from '../../src/database/data-source.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  db: DataSource;
  /** The database this app runs on; another instance can share it (`startTestApp({}, { sameDatabaseAs })`). */
  databaseUrl: string;
  /** Every log line the app wrote, as text. */
  logs: string[];
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
 * `sameDatabaseAs`, a second instance on another app's database (which that app drops).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { sameDatabaseAs?: TestApp } = {},
): Promise<TestApp> {
  const database = options.sameDatabaseAs
    ? { url: options.sameDatabaseAs.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const config: AppConfig & { databaseUrl: string } = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', ...env }),
    databaseUrl: database.url,
    dbPoolSize: 4,
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const app = await createApp(config, createLogger(config.logLevel, sink), { assets: false });
  const db = app.get(DataSource);
  await migrate(db);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db,
    databaseUrl: database.url,
    logs,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
