import { describe, expect, it } from '@jest/globals';
import { SESSION_COOKIE, type AuthSession, type TwoFactorChallenge } from '@scorecard/contracts';
import { Secret, TOTP } from 'otpauth';
import { apiOf } from '../support/api-client.js';
import { addMember, bearer, PASSWORD, signup, uniqueEmail } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

// Behind a proxy, so a test can guess from its own address (the per-address count is shared by the file).
const t = useTestApp({ TRUST_PROXY: 'true' });
const api = apiOf(t);

/** The code an authenticator app shows for `secret`, `steps` time steps from now (RFC 6238, as the app computes it). */
function codeOf(secret: string, steps = 0): string {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** Lets the next code be used right away (a new time step has begun, as it would 30 s later). */
async function nextStep(userId: string): Promise<void> {
  await t.db.query(`update users set two_factor_last_step = null where id = $1`, [userId]);
}

/** Signs up an organization and turns two-factor sign-in on for its admin. */
async function enrolled(): Promise<{ admin: AuthSession; secret: string; recoveryCodes: string[] }> {
  const admin = await signup(t);
  const me = api.as(admin);
  const { secret } = await me.call('setupTwoFactor', { body: {} });
  const { recoveryCodes } = await me.call('enableTwoFactor', { body: { code: codeOf(secret) } });
  await nextStep(admin.user.id);
  return { admin, secret, recoveryCodes };
}

/** A 6-digit code that is not `code`. */
const notThe = (code: string) => (code === '000000' ? '111111' : '000000');

async function challengeOf(email: string): Promise<TwoFactorChallenge> {
  const res = await api.anonymous.raw('login', { body: { email, password: PASSWORD } }).expect(200);
  expect(res.headers['set-cookie']).toBeUndefined();
  return res.body as TwoFactorChallenge;
}

describe('two-factor enrolment', () => {
  it('answers a new secret with its otpauth URI and QR code, keeps it sealed in the database and off until a code confirms it', async () => {
    const admin = await signup(t, 'Initech');
    const me = api.as(admin);
    const setup = await me.call('setupTwoFactor', { body: {} });
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/); // 20 bytes in base32
    const [, label, query] = /^otpauth:\/\/totp\/([^?]+)\?(.*)$/.exec(setup.uri) ?? [];
    expect(decodeURIComponent(label ?? '')).toBe(`Initech:${admin.user.email}`);
    const params = new URLSearchParams(query);
    expect(params.get('issuer')).toBe('Scorecard');
    expect(params.get('secret')).toBe(setup.secret);
    expect(params.get('algorithm')).toBe('SHA1');
    expect(params.get('digits')).toBe('6');
    expect(params.get('period')).toBe('30');
    expect(setup.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);

    const [row] = await t.db.query(`select two_factor_secret, two_factor_enabled_at from users where id = $1`, [
      admin.user.id,
    ]);
    expect(row.two_factor_secret).toMatch(/^v1\./);
    expect(row.two_factor_secret).not.toContain(setup.secret);
    expect(row.two_factor_enabled_at).toBeNull();
    expect(await me.call('getTwoFactor')).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      required: false,
      available: true,
    });
    // Still off: signing in needs no code.
    await api.signIn({ email: admin.user.email, password: PASSWORD });
  });

  it('refuses a wrong code, then turns on with a real one and answers 10 readable recovery codes once, stored hashed', async () => {
    const admin = await signup(t);
    const me = api.as(admin);
    const { secret } = await me.call('setupTwoFactor', { body: {} });
    // A field error, not 401: the session itself is fine.
    const wrong = await me.raw('enableTwoFactor', { body: { code: notThe(codeOf(secret)) } }).expect(400);
    expect(wrong.body).toMatchObject({ code: 'validation_failed' });
    expect(wrong.body.errors).toEqual([{ path: 'code', message: expect.stringContaining('not right') }]);
    expect((await me.call('getTwoFactor')).enabled).toBe(false);

    const { recoveryCodes } = await me.call('enableTwoFactor', { body: { code: codeOf(secret) } });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
    const status = await me.call('getTwoFactor');
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10, required: false });
    expect(JSON.stringify(status)).not.toContain(secret);

    const rows = await t.db.query(`select code_hash from two_factor_recovery_codes where user_id = $1`, [
      admin.user.id,
    ]);
    expect(rows).toHaveLength(10);
    const stored = JSON.stringify(rows.map((r: { code_hash: Buffer }) => r.code_hash.toString('latin1')));
    for (const c of recoveryCodes) expect(stored).not.toContain(c.replace('-', ''));
    // Once on, a new set-up is refused (turn it off first) and the secret is never shown again.
    await me.raw('setupTwoFactor', { body: {} }).expect(409);
    // Neither the secret nor the recovery codes are logged.
    const logs = t.logs.join('');
    expect(logs).not.toContain(secret);
    for (const c of recoveryCodes) expect(logs).not.toContain(c);
  });

  it('refuses codes that are not 6 digits with a field error, and changes nothing', async () => {
    const admin = await signup(t);
    const me = api.as(admin);
    await me.call('setupTwoFactor', { body: {} });
    const res = await me.raw('enableTwoFactor', { body: { code: 'abc' } }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toContainEqual({
      path: 'code',
      message: 'Enter the 6-digit code from your authenticator app.',
    });
    await me.raw('disableTwoFactor', { body: {} }).expect(400);
    expect((await me.call('getTwoFactor')).enabled).toBe(false);
  });
});

describe('signing in with two-factor', () => {
  it('answers a 5-minute challenge instead of a session, refuses a wrong code, then signs in with the code and sets the cookie', async () => {
    const { admin, secret } = await enrolled();
    const sessionsBefore = await t.db.query(`select count(*)::int as n from sessions where user_id = $1`, [
      admin.user.id,
    ]);
    const challenge = await challengeOf(admin.user.email);
    expect(challenge).toEqual({
      twoFactorRequired: true,
      challenge: expect.any(String),
      expiresAt: expect.any(String),
      setupRequired: false,
    });
    const ttl = new Date(challenge.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
    const sessionsAfter = await t.db.query(`select count(*)::int as n from sessions where user_id = $1`, [
      admin.user.id,
    ]);
    expect(sessionsAfter[0].n).toBe(sessionsBefore[0].n);

    const wrong = await api.anonymous
      .raw('completeTwoFactorLogin', {
        body: { challenge: challenge.challenge, code: notThe(codeOf(secret)) },
      })
      .expect(401);
    expect(wrong.body).toMatchObject({ code: 'invalid_code' });

    // The challenge survives a wrong code.
    const res = await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge: challenge.challenge, code: codeOf(secret) } })
      .expect(200);
    expect(res.body).toMatchObject({
      token: expect.any(String),
      expiresAt: expect.any(String),
      user: { id: admin.user.id },
    });
    expect(res.body.recoveryCodes).toBeUndefined();
    expect((res.headers['set-cookie'] as unknown as string[]).some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(
      true,
    );
    await t.http().get('/api/v1/me').set(bearer(res.body.token)).expect(200);

    const [event] = await t.db.query(
      `select action, changed_fields from audit_events where actor_user_id = $1 order by occurred_at desc limit 1`,
      [admin.user.id],
    );
    expect(event.action).toBe('completeTwoFactorLogin');

    // The challenge was used up.
    const again = await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge: challenge.challenge, code: codeOf(secret, 1) } })
      .expect(400);
    expect(again.body).toMatchObject({ code: 'token_used' });
  });

  it('refuses a code replayed in the same time step, even with a new challenge', async () => {
    const { admin, secret } = await enrolled();
    const code = codeOf(secret);
    const first = await challengeOf(admin.user.email);
    await api.anonymous.raw('completeTwoFactorLogin', { body: { challenge: first.challenge, code } }).expect(200);
    const second = await challengeOf(admin.user.email);
    const replay = await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge: second.challenge, code } })
      .expect(401);
    expect(replay.body).toMatchObject({ code: 'invalid_code' });
  });

  it('takes a recovery code (any case) once instead of a code', async () => {
    const { admin, recoveryCodes } = await enrolled();
    const code = recoveryCodes[3]!;
    const first = await challengeOf(admin.user.email);
    await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge: first.challenge, code: code.toUpperCase() } })
      .expect(200);
    const second = await challengeOf(admin.user.email);
    const reused = await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge: second.challenge, code } })
      .expect(401);
    expect(reused.body).toMatchObject({ code: 'invalid_code' });
    const session = await api.anonymous.call('completeTwoFactorLogin', {
      body: { challenge: second.challenge, code: recoveryCodes[4]! },
    });
    expect((await api.as(session).call('getTwoFactor')).recoveryCodesLeft).toBe(8);
  });

  it('counts wrong codes toward the sign-in limit: enough of them answer 429, and then even the right code is refused', async () => {
    const { admin, secret } = await enrolled();
    const { challenge } = await challengeOf(admin.user.email);
    const guesser = api.anonymous.with({ 'x-forwarded-for': '203.0.113.7' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await guesser.raw('completeTwoFactorLogin', { body: { challenge, code: '99999' + (i % 10) } });
      statuses.push(res.status);
    }
    // DEFAULT_LOGIN_THROTTLE: 5 per account in the window, code guesses included, and the password
    // step that asked for the code is one of them (it takes nothing back until a code is right).
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const res = await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge, code: codeOf(secret) } })
      .expect(429);
    expect(res.body).toMatchObject({ status: 429 });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('signs in once when ten requests send the same challenge and code at the same moment', async () => {
    const { admin, secret } = await enrolled();
    const { challenge } = await challengeOf(admin.user.email);
    const code = codeOf(secret);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.anonymous.raw('completeTwoFactorLogin', { body: { challenge, code } }).then((r) => r.status),
      ),
    );
    expect(answers.filter((s) => s === 200)).toHaveLength(1);
    const [events] = await t.db.query(
      `select count(*)::int as n from audit_events where actor_user_id = $1 and action = 'completeTwoFactorLogin'`,
      [admin.user.id],
    );
    expect(events.n).toBe(1);
  });

  it('answers token_expired once the 5 minutes are over, even with the right code', async () => {
    const { admin, secret } = await enrolled();
    const { challenge } = await challengeOf(admin.user.email);
    await t.db.query(
      `update user_tokens set expires_at = now() - interval '1 second' where user_id = $1 and purpose = 'two_factor_challenge'`,
      [admin.user.id],
    );
    const res = await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge, code: codeOf(secret) } })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'token_expired' });
  });

  it('answers token_unknown for a challenge that does not exist, and validates the body', async () => {
    const unknown = await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge: 'x'.repeat(43), code: '123456' } })
      .expect(400);
    expect(unknown.body).toMatchObject({ code: 'token_unknown' });
    const invalid = await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge: 'x'.repeat(43) } })
      .expect(400);
    expect(invalid.body).toMatchObject({ code: 'validation_failed' });
  });
});

describe('recovery codes and turning two-factor off', () => {
  it('replaces the recovery codes with a current code only; the old ones stop working', async () => {
    const { admin, secret, recoveryCodes } = await enrolled();
    const me = api.as(admin);
    await me.raw('regenerateRecoveryCodes', { body: { code: notThe(codeOf(secret)) } }).expect(400);
    const fresh = await me.call('regenerateRecoveryCodes', { body: { code: codeOf(secret) } });
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(fresh.recoveryCodes).not.toContain(recoveryCodes[0]);
    const { challenge } = await challengeOf(admin.user.email);
    await api.anonymous.raw('completeTwoFactorLogin', { body: { challenge, code: recoveryCodes[0]! } }).expect(401);
    await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge, code: fresh.recoveryCodes[0]! } })
      .expect(200);
  });

  it('turns off with the password (a wrong one changes nothing); sign-in then needs no code', async () => {
    const { admin } = await enrolled();
    const me = api.as(admin);
    const wrong = await me.raw('disableTwoFactor', { body: { password: 'not-the-password' } }).expect(400);
    expect(wrong.body.errors).toEqual([{ path: 'password', message: 'That password is not right.' }]);
    expect((await me.call('getTwoFactor')).enabled).toBe(true);
    await me.raw('disableTwoFactor', { body: { password: PASSWORD } }).expect(204);
    expect(await me.call('getTwoFactor')).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    const [row] = await t.db.query(`select two_factor_secret from users where id = $1`, [admin.user.id]);
    expect(row.two_factor_secret).toBeNull();
    await api.signIn({ email: admin.user.email, password: PASSWORD });
  });

  it('counts code guesses on a signed-in session too: a stolen session cannot guess its way to turning it off', async () => {
    const { admin, secret } = await enrolled();
    const thief = api.as(admin).with({ 'x-forwarded-for': '198.51.100.9' });
    const wrong = notThe(codeOf(secret));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await thief.raw('disableTwoFactor', { body: { code: wrong } })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    await thief.raw('disableTwoFactor', { body: { code: codeOf(secret) } }).expect(429);
    expect((await api.as(admin).call('getTwoFactor')).enabled).toBe(true);
  });

  it('turns off with a current code', async () => {
    const { admin, secret } = await enrolled();
    await api
      .as(admin)
      .raw('disableTwoFactor', { body: { code: codeOf(secret) } })
      .expect(204);
    expect((await api.as(admin).call('getTwoFactor')).enabled).toBe(false);
  });
});

describe('the organization requirement', () => {
  it('is for admins only, and makes a password account set up two-factor at sign-in, then answers the session and the recovery codes', async () => {
    const admin = await signup(t);
    const member = await addMember(t, admin, 'interviewer');
    await api
      .as(member)
      .raw('updateTwoFactorPolicy', { body: { required: true } })
      .expect(403);
    await api.as(member).raw('getTwoFactorPolicy').expect(403);
    await api
      .as(admin)
      .raw('updateTwoFactorPolicy', { body: { required: 'yes' } })
      .expect(400);
    expect(await api.as(admin).call('getTwoFactorPolicy')).toEqual({ required: false });
    expect(await api.as(admin).call('updateTwoFactorPolicy', { body: { required: true } })).toEqual({ required: true });

    const challenge = await challengeOf(member.user.email);
    expect(challenge).toMatchObject({ twoFactorRequired: true, setupRequired: true });
    // No secret yet: a code is refused until set-up.
    const early = await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge: challenge.challenge, code: '123456' } })
      .expect(403);
    expect(early.body).toMatchObject({ code: 'two_factor_setup_required' });

    const setup = await api.anonymous.call('setupTwoFactorLogin', { body: { challenge: challenge.challenge } });
    const res = await api.anonymous
      .raw('completeTwoFactorLogin', { body: { challenge: challenge.challenge, code: codeOf(setup.secret) } })
      .expect(200);
    expect(res.body.recoveryCodes).toHaveLength(10);
    const me = api.as({ token: res.body.token as string });
    expect(await me.call('getTwoFactor')).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 10 });

    // Required: it cannot be turned off.
    const off = await me.raw('disableTwoFactor', { body: { password: PASSWORD } }).expect(403);
    expect(off.body).toMatchObject({ code: 'forbidden' });
    // Next sign-in: an ordinary code challenge, and its challenge cannot be used to set up a new app.
    await nextStep(member.user.id);
    const next = await challengeOf(member.user.email);
    expect(next.setupRequired).toBe(false);
    await api.anonymous.raw('setupTwoFactorLogin', { body: { challenge: next.challenge } }).expect(409);
  });
});

describe('accounts without a password (single sign-on)', () => {
  it('are not affected by the requirement and cannot set up two-factor in Scorecard', async () => {
    const admin = await signup(t);
    const member = await addMember(t, admin, 'recruiter');
    await api.as(admin).call('updateTwoFactorPolicy', { body: { required: true } });
    // As a just-in-time SSO account is: no password.
    await t.db.query(`update users set password_hash = null where id = $1`, [member.user.id]);
    const me = api.as(member);
    expect(await me.call('getTwoFactor')).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      required: false,
      available: false,
    });
    await me.raw('setupTwoFactor', { body: {} }).expect(409);
  });
});

describe('an email with accounts in two organizations', () => {
  it('answers 409 organization_required with both choices when the password fits both, then signs in to the one named', async () => {
    const email = uniqueEmail('twice');
    const orgs: AuthSession[] = [];
    for (const name of ['Alpha Works', 'Beta Works']) {
      const res = await t
        .http()
        .post('/api/v1/auth/signup')
        .send({ organizationName: `${name} ${email.slice(6, 12)}`, name: 'Twice', email, password: PASSWORD })
        .expect(201);
      orgs.push(res.body as AuthSession);
    }
    const slugs = await t.db.query(`select id, slug, name from organizations where id = any($1) order by name`, [
      orgs.map((o) => o.organization.id),
    ]);
    const res = await api.anonymous.raw('login', { body: { email, password: PASSWORD } }).expect(409);
    expect(res.body).toMatchObject({ code: 'organization_required' });
    expect(
      [...(res.body.organizations as { slug: string; name: string }[])].sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(slugs.map((s: { slug: string; name: string }) => ({ slug: s.slug, name: s.name })));
    const session = await api.signIn({ email, password: PASSWORD, organization: slugs[1].slug });
    expect(session.organization.id).toBe(slugs[1].id);
  });
});
