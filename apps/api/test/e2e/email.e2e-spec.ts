import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HELD_REASON } from '@scorecard/contracts';
import { Db } from '../../src/database/db.js';
import { MailService } from '../../src/modules/mail/mail.service.js';
import { apiOf } from '../support/api-client.js';
import { addMember, signup } from '../support/factories.js';
import { given } from '../support/given.js';
import { emailsOf, enqueueEmail, waitForEmailStatus } from '../support/mail.js';
import { startMailServer, type TestMailServer } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const content = (what: string) => ({
  heading: `About ${what}`,
  paragraphs: ['First paragraph.', 'Second <b>paragraph</b> & more.'],
  details: [['When', 'Tomorrow']] as [string, string][],
  action: { label: 'Open Scorecard', url: 'http://localhost:3000/home' },
  reason: 'You get this because a test sent it.',
});

describe('email without a mail server (the one-machine default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ JOB_POLL_SECONDS: '0.5' });
  });
  afterAll(() => t.close());

  it('holds every email in the Email log, readable by an admin, with the reason', async () => {
    const admin = await signup(t, 'Held Mail Co');
    const ana = await addMember(t, admin, 'interviewer');
    const result = await enqueueEmail(t, {
      organizationId: admin.organization.id,
      kind: 'invitation',
      recipientId: ana.user.id,
      subject: 'Welcome to Held Mail Co',
      content: content('held'),
    });
    if (!result.queued) throw new Error(`not queued: ${result.why}`);
    const row = await waitForEmailStatus(t, result.emailId, 'held');
    expect(row.last_error).toBe(HELD_REASON);
    expect(row.attempts).toBe(0);

    const api = apiOf(t).as(admin);
    const list = await api.call('listEmails', { query: { status: 'held' } });
    expect(list.items.map((e) => e.id)).toContain(result.emailId);
    const detail = await api.call('getEmail', { params: { id: result.emailId } });
    expect(detail.text).toContain('Held Mail Co');
    expect(detail.html).toContain('Second &lt;b&gt;paragraph&lt;/b&gt; &amp; more.');
    // Not an admin: the log is refused; another organization's email is not found.
    await apiOf(t).as(ana).call('listEmails', { query: {} }).expect(403);
    const other = await signup(t, 'Other Co');
    await apiOf(t)
      .as(other)
      .call('getEmail', { params: { id: result.emailId } })
      .expect(404);
  });

  it('shows an admin a held password-reset email without its link’s token', async () => {
    const admin = await signup(t, 'Reset Log Co');
    const ana = await addMember(t, admin, 'interviewer');
    await apiOf(t).anonymous.call('requestPasswordReset', { body: { email: ana.user.email } });
    const deadline = Date.now() + 15_000;
    let id: string | undefined;
    while (!id && Date.now() < deadline) {
      id = (await emailsOf(t, admin.organization.id)).find((e) => e.kind === 'password_reset')?.id;
      if (!id) await new Promise((r) => setTimeout(r, 100));
    }
    if (!id) throw new Error('no password-reset email');
    const [row] = (await t.db.query(`select text_body from emails where id = $1`, [id])) as { text_body: string }[];
    const token = /token=([\w-]+)/.exec(row!.text_body)![1]!;
    const shown = await apiOf(t).as(admin).call('getEmail', { params: { id } });
    expect(shown.text).toContain('token=[hidden: only the recipient may see it]');
    expect(JSON.stringify(shown)).not.toContain(token);
  });

  it('writes no email and no job for a change that rolls back', async () => {
    const admin = await signup(t, 'Rollback Co');
    const ana = await addMember(t, admin, 'interviewer');
    const db = t.app.get(Db);
    await expect(
      db.asTenant(admin.organization.id, async () => {
        await t.app.get(MailService).enqueue({
          organizationId: admin.organization.id,
          kind: 'invitation',
          recipientId: ana.user.id,
          subject: 'Never sent',
          content: content('rollback'),
        });
        throw new Error('the change fails after its email was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await emailsOf(t, admin.organization.id)).toEqual([]);
    const [jobs] = (await t.db.query(
      `select count(*)::int as n from pgboss.job where name = 'email' and data->>'organizationId' = $1`,
      [admin.organization.id],
    )) as { n: number }[];
    expect(jobs!.n).toBe(0);
  });

  it('skips an optional email the recipient turned off, and any email to a deactivated member', async () => {
    const admin = await signup(t, 'Opt Out Co');
    const ana = await addMember(t, admin, 'interviewer');
    await t.db.query(`update users set email_opt_outs = '{digest}' where id = $1`, [ana.user.id]);
    const base = { organizationId: admin.organization.id, recipientId: ana.user.id, content: content('x') };
    expect(await enqueueEmail(t, { ...base, kind: 'digest', subject: 'Digest' })).toEqual({
      queued: false,
      why: 'opted_out',
    });
    await apiOf(t)
      .as(admin)
      .call('updateUser', { params: { id: ana.user.id }, body: { active: false } })
      .expect(200);
    expect(await enqueueEmail(t, { ...base, kind: 'password_reset', subject: 'Reset' })).toEqual({
      queued: false,
      why: 'inactive',
    });
  });

  it('keeps an email about an erased candidate in the log without the candidate’s name', async () => {
    const g = await given(t, 'Erasure Mail Co');
    const ana = await g.member();
    const candidate = await g.candidate({ name: 'Grace Hopper' });
    const result = await enqueueEmail(t, {
      organizationId: g.session.organization.id,
      kind: 'scorecard_reminder',
      recipientId: ana.user.id,
      subject: 'Scorecard due: Grace Hopper',
      content: content('Grace Hopper'),
      candidateId: candidate.id,
    });
    if (!result.queued) throw new Error(result.why);
    await apiOf(t)
      .as(g.admin)
      .call('eraseCandidate', { params: { id: candidate.id }, body: { confirm: 'Grace Hopper' } })
      .expect(200);
    const detail = await apiOf(t)
      .as(g.admin)
      .call('getEmail', { params: { id: result.emailId } });
    expect(JSON.stringify(detail)).not.toContain('Grace Hopper');
    expect(detail.subject).toMatch(/erased/);
  });

  it('makes an email with a dedupe key once, however often it is asked for', async () => {
    const admin = await signup(t, 'Dedupe Co');
    const ana = await addMember(t, admin, 'interviewer');
    const e = {
      organizationId: admin.organization.id,
      recipientId: ana.user.id,
      kind: 'scorecard_reminder' as const,
      subject: 'Reminder',
      content: content('dedupe'),
      dedupeKey: 'reminder:x:1',
    };
    const results = await Promise.all([enqueueEmail(t, e), enqueueEmail(t, e), enqueueEmail(t, e)]);
    expect(results.filter((r) => r.queued)).toHaveLength(1);
    expect(await emailsOf(t, admin.organization.id)).toHaveLength(1);
  });
});

describe('email through a real SMTP server', () => {
  let t: TestApp;
  let smtp: TestMailServer;
  beforeAll(async () => {
    smtp = await startMailServer();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Scorecard <hiring@scorecard.test>',
      PUBLIC_URL: 'https://scorecard.example.com',
      JOB_POLL_SECONDS: '0.5',
      MAIL_RETRY_DELAY_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers an HTML and a plain-text part with the organization name and the link, and logs it sent', async () => {
    const admin = await signup(t, 'Delivered Co');
    const ana = await addMember(t, admin, 'interviewer');
    const result = await enqueueEmail(t, {
      organizationId: admin.organization.id,
      kind: 'scorecard_reminder',
      recipientId: ana.user.id,
      subject: 'Your scorecard for Grace Hopper is due',
      content: content('delivery'),
    });
    if (!result.queued) throw new Error(result.why);
    const mail = await smtp.waitFor(ana.user.email);
    expect(mail.from).toBe('hiring@scorecard.test');
    expect(mail.subject).toBe('Your scorecard for Grace Hopper is due');
    expect(mail.text).toContain('Delivered Co');
    expect(mail.text).toContain('Open Scorecard: http://localhost:3000/home');
    expect(mail.html).toContain('Delivered Co');
    expect(mail.html).toContain('href="http://localhost:3000/home"');
    // An optional email says how to stop it, in the body and in one-click headers (RFC 8058).
    expect(mail.text).toMatch(/Unsubscribe from these emails: https:\/\/scorecard\.example\.com\/unsubscribe\?token=/);
    expect(mail.raw).toMatch(
      /^List-Unsubscribe: <https:\/\/scorecard\.example\.com\/api\/v1\/unsubscribe\?token=[\w-]+>\r?$/im,
    );
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/im);
    const row = await waitForEmailStatus(t, result.emailId, 'sent');
    expect(row).toMatchObject({ attempts: 1, last_error: null });
  });

  it('retries when the mail server refuses, logging why, and delivers once it accepts', async () => {
    const admin = await signup(t, 'Refused Co');
    const ana = await addMember(t, admin, 'interviewer');
    smtp.refuseNext(1, { code: 451, message: 'Mailbox busy, try later' });
    const result = await enqueueEmail(t, {
      organizationId: admin.organization.id,
      kind: 'invitation',
      recipientId: ana.user.id,
      subject: 'Welcome',
      content: content('retry'),
    });
    if (!result.queued) throw new Error(result.why);
    const failedOnce = await waitForEmailStatus(t, result.emailId, (r) => r.attempts >= 1);
    expect(failedOnce.status).toBe('queued');
    expect(failedOnce.last_error).toMatch(/451.*Mailbox busy/);
    await smtp.waitFor(ana.user.email, (m) => m.subject === 'Welcome', 20_000);
    expect(await waitForEmailStatus(t, result.emailId, 'sent', 20_000)).toMatchObject({
      attempts: 2,
      last_error: null,
    });
  });
});

describe('email when the mail server is down', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 9 (discard) here: every attempt is refused at connect.
    t = await startTestApp({
      SMTP_URL: 'smtp://127.0.0.1:9',
      JOB_POLL_SECONDS: '0.5',
      MAIL_RETRY_DELAY_SECONDS: '1',
      MAIL_RETRY_LIMIT: '1',
    });
  });
  afterAll(() => t.close());

  it('keeps the email as failed with the connection error once its retries are spent; nothing else fails', async () => {
    const admin = await signup(t, 'Down Co');
    const ana = await addMember(t, admin, 'interviewer');
    const result = await enqueueEmail(t, {
      organizationId: admin.organization.id,
      kind: 'invitation',
      recipientId: ana.user.id,
      subject: 'Welcome',
      content: content('down'),
    });
    if (!result.queued) throw new Error(result.why);
    const failed = await waitForEmailStatus(t, result.emailId, 'failed', 25_000);
    expect(failed.attempts).toBe(2);
    expect(failed.last_error).toMatch(/ECONNREFUSED/);
    const [job] = (await t.db.query(`select state from pgboss.job where name = 'email' and data->>'emailId' = $1`, [
      result.emailId,
    ])) as { state: string }[];
    expect(job?.state).toBe('failed');
    await apiOf(t).as(admin).call('listUsers', { query: {} }).expect(200);
  });
});
