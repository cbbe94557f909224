import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApplicationEvents, CHANNEL } from '../../src/modules/events/application-events.js';
import { eventually } from '../support/sse.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Behind PgBouncer in transaction mode, requests may share server connections but LISTEN needs a
// session of its own: DATABASE_LISTEN_URL gives the live-update listener its own connection.

let base: TestApp;
let t: TestApp;
const role = `listener_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('hex');

beforeAll(async () => {
  base = await startTestApp();
  await base.db.query(`create role ${role} login password '${password}'`);
  const url = new URL(base.appDatabaseUrl);
  url.username = role;
  url.password = password;
  t = await startTestApp({ DATABASE_LISTEN_URL: url.toString() }, { sameDatabaseAs: base });
});
afterAll(async () => {
  await t?.close();
  // The role is the cluster's, not the test database's: drop it before that database goes.
  await base?.db.query(`drop role if exists ${role}`);
  await base?.close();
});

describe('DATABASE_LISTEN_URL', () => {
  it('the live-update listener connects with it, and notifications arrive through it', async () => {
    const listening = async () => {
      const rows: { n: number }[] = await base.db.query(
        `select count(*)::int as n from pg_stat_activity where usename = $1 and datname = current_database()`,
        [role],
      );
      return rows[0]!.n === 1;
    };
    await eventually(listening, 10_000, `a connection of ${role}`);
    const [listener] = (await base.db.query(
      `select application_name from pg_stat_activity where usename = $1 and datname = current_database()`,
      [role],
    )) as { application_name: string }[];
    expect(listener).toEqual({ application_name: 'scorecard-events' });

    const events = t.app.get(ApplicationEvents);
    const organizationId = randomUUID();
    const applicationId = randomUUID();
    const seen: string[] = [];
    const unsubscribe = events.subscribe(organizationId, applicationId, {
      changed: (kind) => seen.push(kind),
      close: () => undefined,
    });
    try {
      await base.db.query(`select pg_notify($1, $2)`, [
        CHANNEL,
        JSON.stringify({ organizationId, applicationId, kind: 'scorecard_submitted' }),
      ]);
      await eventually(() => seen.length > 0, 10_000, 'the notification');
      expect(seen).toEqual(['scorecard_submitted']);
    } finally {
      unsubscribe();
    }
  });
});
