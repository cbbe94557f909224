import type { EmailStatus } from '@scorecard/contracts';
import { MailService, type OutgoingEmail } from '../../src/modules/mail/mail.service.js';
import { Db } from '../../src/database/db.js';
import type { TestApp } from './test-app.js';

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
