import { describe, expect, it } from '@jest/globals';
import { PASSWORD_RESET_REQUESTED_MESSAGE, SESSION_COOKIE } from '@scorecard/contracts';
import { apiOf } from '../support/api-client.js';
import { addMember, PASSWORD, signup, uniqueEmail } from '../support/factories.js';
import { useMailedApp } from '../support/mail.js';
import { linkIn } from '../support/smtp.js';

const PUBLIC_URL = 'https://scorecard.example.com';
const NEW_PASSWORD = 'a-fresh-reset-passphrase';

describe('password reset', () => {
  const [t, smtp] = useMailedApp({ PUBLIC_URL });

  const api = () => apiOf(t);
  const tokenOf = (text: string) =>
    new URL(linkIn(text, `${PUBLIC_URL}/reset-password?token=`)).searchParams.get('token')!;

  /** Waits until the reset jobs sent so far are worked (sent or skipped). */
  async function jobsDone() {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [row] = await t.db.query(
        `select count(*)::int as n from pgboss.job where name = 'passwordReset' and state in ('created', 'retry', 'active')`,
      );
      if (row.n === 0) return;
      if (Date.now() > deadline) throw new Error('passwordReset jobs still pending');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function requestReset(email: string) {
    const res = await api().anonymous.call('requestPasswordReset', { body: { email } }).expect(202);
    const mail = await smtp.waitFor(email, (m) => m.subject === 'Reset your Scorecard password');
    return { res, mail, token: tokenOf(mail.text) };
  }

  it('answers 202 with the same body for a known and an unknown address, and emails only the known one', async () => {
    const admin = await signup(t, 'Reset Known Co');
    const member = await addMember(t, admin, 'recruiter');
    const unknown = uniqueEmail('nobody');
    const known = await api()
      .anonymous.call('requestPasswordReset', { body: { email: member.user.email } })
      .expect(202);
    const missing = await api()
      .anonymous.call('requestPasswordReset', { body: { email: unknown } })
      .expect(202);
    expect(known.body).toEqual({ message: PASSWORD_RESET_REQUESTED_MESSAGE });
    expect(missing.body).toEqual(known.body);
    expect(Object.keys(missing.headers).sort()).toEqual(Object.keys(known.headers).sort());

    const mail = await smtp.waitFor(member.user.email);
    expect(mail.subject).toBe('Reset your Scorecard password');
    expect(mail.text).toContain('Reset Known Co');
    expect(mail.html).toContain(`href="${PUBLIC_URL}/reset-password?token=${tokenOf(mail.text)}"`);
    await jobsDone();
    expect(smtp.to(unknown)).toEqual([]);
  });

  it('sends nothing to a deactivated member or an invited one (their way in is the invitation)', async () => {
    const admin = await signup(t);
    const gone = await addMember(t, admin, 'interviewer');
    await api()
      .as(admin)
      .call('updateUser', { params: { id: gone.user.id }, body: { active: false } });
    const invitedEmail = uniqueEmail('invited');
    await api()
      .as(admin)
      .call('createUser', { body: { name: 'Ivy Invited', email: invitedEmail, role: 'interviewer' } });
    await smtp.waitFor(invitedEmail);
    for (const email of [gone.user.email, invitedEmail]) {
      await api().anonymous.call('requestPasswordReset', { body: { email } }).expect(202);
    }
    await jobsDone();
    expect(smtp.to(gone.user.email)).toEqual([]);
    expect(smtp.to(invitedEmail).map((m) => m.subject)).toEqual([expect.stringContaining('invited you')]);
    const [row] = await t.db.query(
      `select count(*)::int as n from user_tokens where user_id = any($1::uuid[]) and purpose = 'password_reset'`,
      [[gone.user.id]],
    );
    expect(row.n).toBe(0);
  });

  it('confirming sets the new password, ends every other session, signs in, and works once', async () => {
    const admin = await signup(t);
    const member = await addMember(t, admin, 'hiring_manager');
    const secondDevice = await api().signIn({ email: member.user.email, password: PASSWORD });
    const { token } = await requestReset(member.user.email);

    const res = await api()
      .anonymous.call('confirmPasswordReset', { body: { token, password: NEW_PASSWORD } })
      .expect(200);
    expect(res.body.user).toMatchObject({ id: member.user.id, email: member.user.email });
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toBeDefined();
    await t.http().get('/api/v1/me').set('cookie', cookie!.split(';')[0]!).expect(200);

    // Every session from before is over; the new one works.
    await api().as(member).call('me').expect(401);
    await api().as(secondDevice).call('me').expect(401);
    await api().as(res.body).call('me');
    // The old password fails, the new one works.
    await api()
      .anonymous.call('login', { body: { email: member.user.email, password: PASSWORD } })
      .expect(401);
    await api().anonymous.call('login', { body: { email: member.user.email, password: NEW_PASSWORD } });

    const again = await api()
      .anonymous.call('confirmPasswordReset', { body: { token, password: 'yet-another-passphrase' } })
      .expect(400);
    expect(again.body.code).toBe('token_used');
    await api().anonymous.call('login', { body: { email: member.user.email, password: NEW_PASSWORD } });
  });

  it('a link works for 1 hour: an expired one answers token_expired and changes nothing', async () => {
    const admin = await signup(t);
    const member = await addMember(t, admin, 'interviewer');
    const { token } = await requestReset(member.user.email);
    const [row] = await t.db.query(
      `select extract(epoch from expires_at - created_at)::int as ttl from user_tokens where user_id = $1 and purpose = 'password_reset'`,
      [member.user.id],
    );
    expect(row.ttl).toBe(3600);
    await t.db.query(`update user_tokens set expires_at = now() - interval '1 second' where user_id = $1`, [
      member.user.id,
    ]);
    const res = await api()
      .anonymous.call('confirmPasswordReset', { body: { token, password: NEW_PASSWORD } })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'token_expired', status: 400 });
    await api().as(member).call('me');
    await api().anonymous.call('login', { body: { email: member.user.email, password: PASSWORD } });
  });

  it('a newer link replaces the older one; an unknown token or a weak password is refused', async () => {
    const admin = await signup(t);
    const member = await addMember(t, admin, 'recruiter');
    const first = await requestReset(member.user.email);
    await api()
      .anonymous.call('requestPasswordReset', { body: { email: member.user.email } })
      .expect(202);
    const second = await smtp.waitFor(member.user.email, (m) => tokenOf(m.text) !== first.token);
    const old = await api()
      .anonymous.call('confirmPasswordReset', { body: { token: first.token, password: NEW_PASSWORD } })
      .expect(400);
    expect(old.body.code).toBe('token_unknown');
    const weak = await api()
      .anonymous.raw('confirmPasswordReset', { body: { token: tokenOf(second.text), password: 'short' } })
      .expect(400);
    expect(weak.body.code).toBe('validation_failed');
    const bad = await api()
      .anonymous.raw('requestPasswordReset', { body: { email: 'not an email' } })
      .expect(400);
    expect(bad.body.code).toBe('validation_failed');
    await api().anonymous.call('confirmPasswordReset', {
      body: { token: tokenOf(second.text), password: NEW_PASSWORD },
    });
  });

  it('records the reset in the audit log as the user, never the password', async () => {
    const admin = await signup(t);
    const member = await addMember(t, admin, 'interviewer');
    const { token } = await requestReset(member.user.email);
    await api().anonymous.call('confirmPasswordReset', { body: { token, password: NEW_PASSWORD } });
    const rows = await t.db.query(
      `select actor_user_id, entity_type, entity_id, changed_fields from audit_events
        where organization_id = $1 and action = 'confirmPasswordReset'`,
      [admin.organization.id],
    );
    expect(rows).toEqual([
      { actor_user_id: member.user.id, entity_type: 'user', entity_id: member.user.id, changed_fields: [] },
    ]);
  });
});
