import type { EmailStatus } from '@scorecard/contracts';
import { MailService, type OutgoingEmail } from '../../src/modules/mail/mail.service.js';
import { Db } from '../../src/database/db.js';
import { afterAll, beforeAll } from '@jest/globals';
import { startMailServer, type TestMailServer } from './smtp.js';
import { startTestApp, type TestApp } from './test-app.js';

/** An email row as the test reads it (as the database's owner). */
export interface EmailRow {
  id: string;
  kind: string;
  status: EmailStatus;
  attempts: number;
  last_error: string | null;
  to_address: string;
  subject: string;
}

/** Waits up to `timeoutMs` for email `id` to reach `status` (the queue works it in the background). */
export async function waitForEmailStatus(
  t: TestApp,
  id: string,
  status: EmailStatus | ((row: EmailRow) => boolean),
  timeoutMs = 15_000,
): Promise<EmailRow> {
  const deadline = Date.now() + timeoutMs;
  const done = typeof status === 'function' ? status : (r: EmailRow) => r.status === status;
  for (;;) {
    const [row] = (await t.db.query(
      `select id, kind, status, attempts, last_error, to_address, subject from emails where id = $1`,
      [id],
    )) as EmailRow[];
    if (row && done(row)) return row;
    if (Date.now() > deadline) throw new Error(`email ${id} did not reach the expected state: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The emails of an organization, newest first (as the owner, across row-level security). */
export async function emailsOf(t: TestApp, organizationId: string): Promise<EmailRow[]> {
  return (await t.db.query(
    `select id, kind, status, attempts, last_error, to_address, subject from emails
      where organization_id = $1 order by created_at desc, id desc`,
    [organizationId],
  )) as EmailRow[];
}

/** Enqueues an email the way a feature does: inside a transaction of its organization. */
export function enqueueEmail(t: TestApp, e: OutgoingEmail) {
  return t.app.get(Db).asTenant(e.organizationId, () => t.app.get(MailService).enqueue(e));
}

/** A handle that forwards to the object `get` returns once a `beforeAll` has made it. */
function handle<T extends object>(get: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = get();
      if (!target) throw new Error(`${what} starts in beforeAll: use it inside a hook or a test`);
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The mail server, whose `waitFor` says on a timeout what the queue did meanwhile: each job of the
 * last minute (state, attempts, error), each email row, and the app's warnings. A wait that fails
 * on a slow machine then tells a failed attempt waiting for its retry from a job never picked up.
 */
function explainingTimeouts(smtp: TestMailServer, app: () => TestApp | undefined): TestMailServer {
  const waitFor = smtp.waitFor.bind(smtp);
  smtp.waitFor = (...args) =>
    waitFor(...args).catch(async (err: Error) => {
      const t = app();
      if (!t) throw err;
      const jobs = await t.db
        .query(
          `select name, state, retry_count, output->>'message' as error, created_on, started_on, completed_on
             from pgboss.job where created_on > now() - interval '1 minute' and name not like '\\_\\_%'
            order by created_on`,
        )
        .catch((e: Error) => [{ unreadable: e.message }]);
      const emails = await t.db
        .query(`select kind, status, attempts, last_error, to_address, created_at from emails order by created_at`)
        .catch((e: Error) => [{ unreadable: e.message }]);
      const warnings = t.logs.filter((line) => /"level":(40|50|60)/.test(line));
      err.message += `\n\nqueue jobs of the last minute:\n${JSON.stringify(jobs, null, 1)}\nemails:\n${JSON.stringify(emails, null, 1)}\napp warnings:\n${warnings.join('') || '(none)'}`;
      throw err;
    });
  return smtp;
}

/**
 * The app for a whole spec file, sending its email through a real SMTP server in the test process
 * (`SMTP_URL`), its queue polling every 0.5 s; both are closed after the file's tests.
 *
 *   const [t, smtp] = useMailedApp({ PUBLIC_URL });
 */
export function useMailedApp(env: Record<string, string> = {}): [TestApp, TestMailServer] {
  let t: TestApp | undefined;
  let smtp: TestMailServer | undefined;
  beforeAll(async () => {
    smtp = explainingTimeouts(await startMailServer(), () => t);
    t = await startTestApp({ SMTP_URL: smtp.url, JOB_POLL_SECONDS: '0.5', ...env });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  return [handle(() => t, 'the app'), handle(() => smtp, 'the mail server')];
}
