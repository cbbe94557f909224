import { describe, expect, it } from '@jest/globals';
import type { Preferences } from '@scorecard/contracts';
import { Db } from '../../src/database/db.js';
import { UserTokensService } from '../../src/modules/tokens/user-tokens.service.js';
import { apiOf } from '../support/api-client.js';
import { addMember, signup, type Member } from '../support/factories.js';
import { enqueueEmail, useMailedApp } from '../support/mail.js';

const PUBLIC_URL = 'https://scorecard.example.com';

const content = {
  heading: 'Your daily digest',
  paragraphs: ['Two decisions are waiting on you.'],
  action: { label: 'Open your home page', url: `${PUBLIC_URL}/` },
  reason: 'You get this digest as a hiring manager.',
};

const ALL_ON: Preferences['emails'] = {
  scorecard_reminder: true,
  scorecard_escalation: true,
  calendar_invitation: true,
  digest: true,
};

describe('email preferences and one-click unsubscribe', () => {
  const [t, smtp] = useMailedApp({ PUBLIC_URL });

  const optOutsOf = async (member: Member) => {
    const [row] = (await t.db.query(`select time_zone, email_opt_outs from users where id = $1`, [member.user.id])) as {
      time_zone: string;
      email_opt_outs: string[];
    }[];
    return row!;
  };

  /** An optional email of `kind` sent to `member` and received by the mail server; its unsubscribe link's path. */
  const receivedUnsubscribeLink = async (admin: { organization: { id: string } }, member: Member, subject: string) => {
    const result = await enqueueEmail(t, {
      organizationId: admin.organization.id,
      kind: 'digest',
      recipientId: member.user.id,
      subject,
      content,
    });
    expect(result.queued).toBe(true);
    const mail = await smtp.waitFor(member.user.email, (m) => m.subject === subject);
    const header = /^List-Unsubscribe: <([^>]+)>\r?$/im.exec(mail.raw)?.[1];
    expect(header).toMatch(new RegExp(`^${PUBLIC_URL}/api/v1/unsubscribe\\?token=[\\w-]+$`));
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/im);
    const url = new URL(header!);
    return { path: `${url.pathname}${url.search}`, token: url.searchParams.get('token')! };
  };

  it('gives every member UTC and every optional email until they choose, and keeps what they save', async () => {
    const admin = await signup(t, 'Prefs Co');
    const ana = await addMember(t, admin, 'interviewer');
    const api = apiOf(t).as(ana);
    expect(await api.call('getPreferences')).toEqual({ timeZone: 'UTC', emails: ALL_ON });

    const saved = await api.call('updatePreferences', {
      body: { timeZone: 'America/New_York', emails: { digest: false, calendar_invitation: false } },
    });
    expect(saved).toEqual({
      timeZone: 'America/New_York',
      emails: { ...ALL_ON, digest: false, calendar_invitation: false },
    });
    expect(await api.call('getPreferences')).toEqual(saved);

    // Turning one back on leaves the others as they were; saving the same twice changes nothing more.
    await api.call('updatePreferences', { body: { emails: { calendar_invitation: true } } });
    await api.call('updatePreferences', { body: { emails: { calendar_invitation: true } } });
    expect(await api.call('getPreferences')).toEqual({
      timeZone: 'America/New_York',
      emails: { ...ALL_ON, digest: false },
    });
    expect(await optOutsOf(ana)).toEqual({ time_zone: 'America/New_York', email_opt_outs: ['digest'] });

    // Each member's own: the admin's preferences did not move.
    expect(await apiOf(t).as(admin).call('getPreferences')).toEqual({ timeZone: 'UTC', emails: ALL_ON });
  });

  it('refuses an unknown time zone or email kind with a field message, and a refused change changes nothing', async () => {
    const admin = await signup(t, 'Prefs Validation Co');
    const ana = await addMember(t, admin, 'interviewer');
    const api = apiOf(t).as(ana);
    await api.call('updatePreferences', { body: { timeZone: 'Europe/Berlin' } });

    const zone = await api
      .raw('updatePreferences', { body: { timeZone: 'Mars/Olympus_Mons', emails: { digest: false } } })
      .expect(400);
    expect(zone.body).toMatchObject({ code: 'validation_failed' });
    expect(zone.body.errors).toEqual([
      { path: 'timeZone', message: 'Choose a time zone from the list, for example Europe/Berlin.' },
    ]);

    // Invitations and password resets cannot be turned off: not a field of the request.
    const always = await api
      .raw('updatePreferences', { body: { timeZone: 'Asia/Tokyo', emails: { invitation: false } } })
      .expect(400);
    expect(always.body.code).toBe('validation_failed');
    expect(always.body.errors.map((e: { path: string }) => e.path)).toContain('emails');

    await api.raw('updatePreferences', { body: { emails: { digest: 'no' } } }).expect(400);
    await api.raw('updatePreferences', { body: { timeZone: '' } }).expect(400);

    expect(await api.call('getPreferences')).toEqual({ timeZone: 'Europe/Berlin', emails: ALL_ON });
    // No session: refused.
    await apiOf(t).anonymous.raw('getPreferences').expect(401);
    await apiOf(t)
      .anonymous.raw('updatePreferences', { body: { timeZone: 'UTC' } })
      .expect(401);
  });

  it('sends no optional email a member turned off, and always sends invitations and password resets', async () => {
    const admin = await signup(t, 'Prefs Opt Out Co');
    const ana = await addMember(t, admin, 'interviewer');
    await apiOf(t)
      .as(ana)
      .call('updatePreferences', { body: { emails: { scorecard_reminder: false } } });
    const base = { organizationId: admin.organization.id, recipientId: ana.user.id, content };
    expect(await enqueueEmail(t, { ...base, kind: 'scorecard_reminder', subject: 'Reminder' })).toEqual({
      queued: false,
      why: 'opted_out',
    });
    const escalation = await enqueueEmail(t, { ...base, kind: 'scorecard_escalation', subject: 'Escalation' });
    expect(escalation.queued).toBe(true);
    expect((await enqueueEmail(t, { ...base, kind: 'password_reset', subject: 'Reset' })).queued).toBe(true);
    await smtp.waitFor(ana.user.email, (m) => m.subject === 'Escalation');
    await smtp.waitFor(ana.user.email, (m) => m.subject === 'Reset');
    expect(smtp.to(ana.user.email).map((m) => m.subject)).not.toContain('Reminder');
  });

  it('unsubscribes with the received email’s one-click link: a form POST with no session turns that email off', async () => {
    const admin = await signup(t, 'One Click Co');
    const ana = await addMember(t, admin, 'hiring_manager');
    const { path } = await receivedUnsubscribeLink(admin, ana, 'Your Scorecard digest: 1 decision waiting');

    // A GET (a link scanner, or the page showing what it is about) describes it and changes nothing.
    for (let i = 0; i < 2; i++) {
      const described = await t.http().get(path).expect(200);
      expect(described.body).toEqual({
        organization: { id: admin.organization.id, name: 'One Click Co' },
        user: { id: ana.user.id, name: ana.user.name },
        kind: 'digest',
        kindLabel: 'Daily digest',
        description: expect.stringContaining('daily summary'),
        unsubscribed: false,
      });
    }
    expect((await optOutsOf(ana)).email_opt_outs).toEqual([]);

    // What a mail client sends under RFC 8058: no cookie, no CSRF header, a form-encoded body.
    const done = await t
      .http()
      .post(path)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(done.body).toMatchObject({ kind: 'digest', kindLabel: 'Daily digest', unsubscribed: true });
    expect((await optOutsOf(ana)).email_opt_outs).toEqual(['digest']);
    expect((await apiOf(t).as(ana).call('getPreferences')).emails).toEqual({ ...ALL_ON, digest: false });

    // Again (the link is reusable): still off, once.
    await t
      .http()
      .post(path)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect((await optOutsOf(ana)).email_opt_outs).toEqual(['digest']);
    const described = await t.http().get(path).expect(200);
    expect(described.body.unsubscribed).toBe(true);

    // The next digest is not written at all.
    const next = await enqueueEmail(t, {
      organizationId: admin.organization.id,
      kind: 'digest',
      recipientId: ana.user.id,
      subject: 'Another digest',
      content,
    });
    expect(next).toEqual({ queued: false, why: 'opted_out' });

    // Recorded in the audit log, as the member themself.
    const [event] = (await t.db.query(
      `select actor_user_id, action from audit_events where organization_id = $1 and action = 'unsubscribe' limit 1`,
      [admin.organization.id],
    )) as { actor_user_id: string; action: string }[];
    expect(event).toEqual({ actor_user_id: ana.user.id, action: 'unsubscribe' });
  });

  it('unsubscribes from the web page’s POST too (an empty body or JSON) with no session', async () => {
    const admin = await signup(t, 'Unsubscribe Page Co');
    const ana = await addMember(t, admin, 'interviewer');
    const empty = await receivedUnsubscribeLink(admin, ana, 'Digest one');
    await t.http().post(empty.path).expect(200);
    expect((await optOutsOf(ana)).email_opt_outs).toEqual(['digest']);

    const bob = await addMember(t, admin, 'interviewer');
    const json = await receivedUnsubscribeLink(admin, bob, 'Digest two');
    const res = await apiOf(t)
      .anonymous.raw('unsubscribe', { query: { token: json.token }, body: {} })
      .expect(200);
    expect(res.body.unsubscribed).toBe(true);
    expect((await optOutsOf(bob)).email_opt_outs).toEqual(['digest']);
  });

  it('answers 400 token_unknown or token_expired for a link that does not work, and changes nothing', async () => {
    const admin = await signup(t, 'Bad Link Co');
    const ana = await addMember(t, admin, 'interviewer');
    const { path, token } = await receivedUnsubscribeLink(admin, ana, 'Digest to expire');
    const anonymous = apiOf(t).anonymous;

    for (const bad of ['not-a-token', 'A'.repeat(43), `${token.slice(0, -2)}xx`]) {
      const get = await anonymous.raw('describeUnsubscribe', { query: { token: bad } }).expect(400);
      expect(get.body).toMatchObject({ code: 'token_unknown', status: 400 });
      expect(get.headers['content-type']).toContain('application/problem+json');
      const post = await anonymous.raw('unsubscribe', { query: { token: bad } }).expect(400);
      expect(post.body.code).toBe('token_unknown');
    }
    await anonymous.raw('unsubscribe').expect(400);

    // A token of another purpose (a calendar feed's) is not an unsubscribe link.
    const feed = await t.app
      .get(Db)
      .asTenant(admin.organization.id, () =>
        t.app
          .get(UserTokensService)
          .issue({ organizationId: admin.organization.id, userId: ana.user.id, purpose: 'calendar_feed' }),
      );
    expect((await anonymous.raw('unsubscribe', { query: { token: feed } }).expect(400)).body.code).toBe(
      'token_unknown',
    );

    // A body that is neither empty nor RFC 8058's is refused.
    await t
      .http()
      .post(path)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=Everything')
      .expect(400);

    await t.db.query(`update user_tokens set expires_at = now() - interval '1 day' where user_id = $1`, [ana.user.id]);
    const expired = await t
      .http()
      .post(path)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(400);
    expect(expired.body.code).toBe('token_expired');
    await t.http().get(path).expect(400);
    expect((await optOutsOf(ana)).email_opt_outs).toEqual([]);
  });
});
