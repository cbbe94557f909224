import { describe, expect, it } from '@jest/globals';
import { type AuthSession, SESSION_COOKIE, type User } from '@scorecard/contracts';
import { apiOf } from '../support/api-client.js';
import { addMember, count, PASSWORD, signup, uniqueEmail } from '../support/factories.js';
import { useMailedApp } from '../support/mail.js';
import { linkIn } from '../support/smtp.js';

const PUBLIC_URL = 'https://scorecard.example.com';
const NEW_PASSWORD = 'a-brand-new-passphrase';

function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'] as string[] | undefined;
  const c = raw?.find((x) => x.startsWith(`${SESSION_COOKIE}=`));
  if (!c) throw new Error('no session cookie set');
  return c.split(';')[0]!;
}

describe('invitations', () => {
  const [t, smtp] = useMailedApp({ PUBLIC_URL });

  const api = () => apiOf(t);

  /** The admin invites a new interviewer; answers the user and the token of the link their email carries. */
  async function invite(admin: AuthSession, name = 'Ines Invitee') {
    const email = uniqueEmail('invitee');
    const user = (await api()
      .as(admin)
      .call('createUser', { body: { name, email, role: 'interviewer' } })) as User;
    const mail = await smtp.waitFor(email);
    return { user, email, mail, token: tokenOf(mail.text) };
  }

  const tokenOf = (text: string) =>
    new URL(linkIn(text, `${PUBLIC_URL}/accept-invitation?token=`)).searchParams.get('token')!;

  it('invites by email: HTML and text with the organization and a link whose token signs the person in once', async () => {
    const admin = await signup(t, 'Invite Works Co');
    const { user, email, mail, token } = await invite(admin);
    expect(user).toMatchObject({ status: 'invited', active: true, invitedAt: expect.any(String) });
    expect(mail.subject).toBe('First Admin invited you to Invite Works Co on Scorecard');
    expect(mail.text).toContain('Invite Works Co');
    expect(mail.text).toContain('as interviewer');
    expect(mail.html).toContain('Invite Works Co');
    expect(mail.html).toContain(`href="${PUBLIC_URL}/accept-invitation?token=${token}"`);

    // Invited, so not yet able to sign in.
    await api()
      .anonymous.call('login', { body: { email, password: PASSWORD } })
      .expect(401);

    const info = await api().anonymous.call('inspectInvitation', { body: { token } });
    expect(info).toEqual({ organizationName: 'Invite Works Co', name: 'Ines Invitee', email });

    const res = await api()
      .anonymous.call('acceptInvitation', { body: { token, password: NEW_PASSWORD } })
      .expect(200);
    expect(res.body).toMatchObject({
      token: expect.any(String),
      user: { id: user.id, email, role: 'interviewer' },
      organization: { id: admin.organization.id, name: 'Invite Works Co' },
    });
    const me = await t.http().get('/api/v1/me').set('cookie', sessionCookie(res)).expect(200);
    expect(me.body.user.id).toBe(user.id);
    await api().anonymous.call('login', { body: { email, password: NEW_PASSWORD } });

    const listed = await api()
      .as(admin)
      .call('getUser', { params: { id: user.id } });
    expect(listed).toMatchObject({ status: 'active', invitedAt: null });

    const again = await api()
      .anonymous.call('acceptInvitation', { body: { token, password: 'someone-elses-password' } })
      .expect(400);
    expect(again.body).toMatchObject({ status: 400, code: 'token_used' });
    expect(again.headers['content-type']).toContain('application/problem+json');
    await api().anonymous.call('login', { body: { email, password: NEW_PASSWORD } });
  });

  it('answers token_expired for a link older than its 7 days, and changes nothing', async () => {
    const admin = await signup(t);
    const { user, token } = await invite(admin);
    const [row] = await t.db.query(
      `select extract(epoch from expires_at - created_at)::int as ttl from user_tokens where user_id = $1 and purpose = 'invitation'`,
      [user.id],
    );
    expect(row.ttl).toBe(7 * 24 * 3600);
    await t.db.query(`update user_tokens set expires_at = now() - interval '1 minute' where user_id = $1`, [user.id]);
    const accepted = await api()
      .anonymous.call('acceptInvitation', { body: { token, password: NEW_PASSWORD } })
      .expect(400);
    expect(accepted.body.code).toBe('token_expired');
    expect(accepted.body.detail).toContain('resend');
    const res = await api().anonymous.call('inspectInvitation', { body: { token } }).expect(400);
    expect(res.body.code).toBe('token_expired');
    const [u] = await t.db.query(`select password_hash, invited_at from users where id = $1`, [user.id]);
    expect(u.password_hash).toBeNull();
    expect(u.invited_at).not.toBeNull();
  });

  it('answers token_unknown for a made-up or malformed token', async () => {
    for (const token of ['x'.repeat(43), 'not a token', 'A'.repeat(200)]) {
      const res = await api()
        .anonymous.call('acceptInvitation', { body: { token, password: NEW_PASSWORD } })
        .expect(400);
      expect(res.body.code).toBe('token_unknown');
    }
    const sessionsBefore = await count(t, 'sessions');
    await api()
      .anonymous.call('inspectInvitation', { body: { token: 'y'.repeat(43) } })
      .expect(400);
    expect(await count(t, 'sessions')).toBe(sessionsBefore);
  });

  it('resending sends a new link and the old one stops working', async () => {
    const admin = await signup(t, 'Resend Co');
    const { user, email, token: first } = await invite(admin);
    const resent = await api()
      .as(admin)
      .call('resendInvitation', { params: { id: user.id } });
    expect(resent.status).toBe('invited');
    const second = await smtp.waitFor(email, (m) => tokenOf(m.text) !== first);
    const token = tokenOf(second.text);
    const old = await api()
      .anonymous.call('acceptInvitation', { body: { token: first, password: NEW_PASSWORD } })
      .expect(400);
    expect(old.body.code).toBe('token_unknown');
    await api().anonymous.call('acceptInvitation', { body: { token, password: NEW_PASSWORD } });
  });

  it('revoking ends the link and deactivates the user; resending reopens the invitation', async () => {
    const admin = await signup(t, 'Revoke Co');
    const { user, email, token } = await invite(admin);
    const revoked = await api()
      .as(admin)
      .call('revokeInvitation', { params: { id: user.id } });
    expect(revoked).toMatchObject({ status: 'deactivated', active: false });
    const res = await api()
      .anonymous.call('acceptInvitation', { body: { token, password: NEW_PASSWORD } })
      .expect(400);
    expect(res.body.code).toBe('token_unknown');
    const deactivated = await api()
      .as(admin)
      .call('listUsers', { query: { status: 'deactivated' } });
    expect(deactivated.items.map((u) => u.id)).toEqual([user.id]);

    await api()
      .as(admin)
      .call('resendInvitation', { params: { id: user.id } });
    const invited = await api()
      .as(admin)
      .call('listUsers', { query: { status: 'invited' } });
    expect(invited.items.map((u) => u.id)).toEqual([user.id]);
    const mail = await smtp.waitFor(email, (m) => tokenOf(m.text) !== token);
    await api().anonymous.call('acceptInvitation', { body: { token: tokenOf(mail.text), password: NEW_PASSWORD } });
  });

  it('resend and revoke answer not_invited for a user who has a password, and 404 for another organization', async () => {
    const admin = await signup(t);
    const member = await addMember(t, admin, 'recruiter');
    for (const name of ['resendInvitation', 'revokeInvitation'] as const) {
      const res = await api()
        .as(admin)
        .call(name, { params: { id: member.user.id } })
        .expect(409);
      expect(res.body.code).toBe('not_invited');
    }
    const other = await signup(t);
    const { user } = await invite(admin);
    for (const name of ['resendInvitation', 'revokeInvitation'] as const) {
      await api()
        .as(other)
        .call(name, { params: { id: user.id } })
        .expect(404);
    }
    const after = await api()
      .as(admin)
      .call('getUser', { params: { id: user.id } });
    expect(after.status).toBe('invited');
  });

  it('only admins invite, resend or revoke', async () => {
    const admin = await signup(t);
    const { user } = await invite(admin);
    for (const role of ['recruiter', 'hiring_manager', 'interviewer'] as const) {
      const member = await addMember(t, admin, role);
      await api()
        .as(member)
        .call('createUser', { body: { name: 'Nope', email: uniqueEmail('nope'), role: 'interviewer' } })
        .expect(403);
      await api()
        .as(member)
        .call('resendInvitation', { params: { id: user.id } })
        .expect(403);
      await api()
        .as(member)
        .call('revokeInvitation', { params: { id: user.id } })
        .expect(403);
    }
  });

  it('an invitation with bad input or a taken email creates no user, no token and no email', async () => {
    const admin = await signup(t, 'Bad Input Co');
    const before = await Promise.all(['users', 'user_tokens', 'emails'].map((table) => count(t, table)));
    const bad = await api()
      .as(admin)
      .raw('createUser', { body: { name: '', email: 'not-an-email', role: 'wizard' } })
      .expect(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'name', 'role']);
    const shortPassword = await api()
      .as(admin)
      .raw('createUser', { body: { name: 'Pat', email: uniqueEmail(), role: 'interviewer', password: 'short' } })
      .expect(400);
    expect(shortPassword.body.code).toBe('validation_failed');
    const taken = await api()
      .as(admin)
      .call('createUser', { body: { name: 'Again', email: admin.user.email, role: 'interviewer' } })
      .expect(409);
    expect(taken.body.code).toBe('email_taken');
    const after = await Promise.all(['users', 'user_tokens', 'emails'].map((table) => count(t, table)));
    expect(after).toEqual(before);
  });

  it('adding a user with a password sends no email and makes them active at once', async () => {
    const admin = await signup(t, 'Password Co');
    const email = uniqueEmail('direct');
    const user = await api()
      .as(admin)
      .call('createUser', { body: { name: 'Dee Direct', email, role: 'recruiter', password: PASSWORD } });
    expect(user).toMatchObject({ status: 'active', invitedAt: null });
    await api().anonymous.call('login', { body: { email, password: PASSWORD } });
    const [row] = await t.db.query(`select count(*)::int as n from emails where recipient_id = $1`, [user.id]);
    expect(row.n).toBe(0);
  });

  it('an invitation to a user deactivated since does not work', async () => {
    const admin = await signup(t);
    const { user, token } = await invite(admin);
    await api()
      .as(admin)
      .call('updateUser', { params: { id: user.id }, body: { active: false } });
    const res = await api()
      .anonymous.call('acceptInvitation', { body: { token, password: NEW_PASSWORD } })
      .expect(400);
    expect(res.body.code).toBe('token_unknown');
    const [u] = await t.db.query(`select password_hash from users where id = $1`, [user.id]);
    expect(u.password_hash).toBeNull();
  });

  it('records accepting an invitation in the audit log as the invited user', async () => {
    const admin = await signup(t);
    const { user, token } = await invite(admin);
    await api().anonymous.call('acceptInvitation', { body: { token, password: NEW_PASSWORD } });
    const rows = await t.db.query(
      `select actor_user_id, entity_id, changed_fields from audit_events where organization_id = $1 and action = 'acceptInvitation'`,
      [admin.organization.id],
    );
    expect(rows).toEqual([{ actor_user_id: user.id, entity_id: user.id, changed_fields: [] }]);
  });
});
