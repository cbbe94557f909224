import { beforeEach, describe, expect, it } from '@jest/globals';
import { SESSION_COOKIE } from '@scorecard/contracts';
import { bearer, count, PASSWORD, signup, uniqueEmail } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();

function cookieFrom(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'] as string[] | undefined;
  const c = raw?.find((x) => x.startsWith(`${SESSION_COOKIE}=`));
  if (!c) throw new Error('no session cookie set');
  return c;
}

describe('sign-up', () => {
  it('creates an organization and its first admin, answers 201 with a session that says when it ends, and sets an HttpOnly SameSite=Lax cookie', async () => {
    const email = uniqueEmail('founder');
    const res = await t
      .http()
      .post('/api/v1/auth/signup')
      .send({ organizationName: 'Globex', name: 'Gia Founder', email, password: PASSWORD })
      .expect(201);
    expect(res.body).toEqual({
      token: expect.any(String),
      expiresAt: expect.any(String),
      user: { id: expect.any(String), name: 'Gia Founder', email, role: 'admin' },
      organization: { id: expect.any(String), name: 'Globex' },
    });
    // SESSION_TTL_HOURS (a week by default) from now, as the session row has it.
    const [session] = await t.db.query(`select expires_at from sessions where user_id = $1`, [res.body.user.id]);
    expect(new Date(res.body.expiresAt as string).getTime()).toBe(new Date(session.expires_at as Date).getTime());
    expect(new Date(res.body.expiresAt as string).getTime() - Date.now()).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    const cookie = cookieFrom(res);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const me = await t.http().get('/api/v1/me').set(bearer(res.body.token)).expect(200);
    expect(me.body).toEqual({ user: res.body.user, organization: res.body.organization });
  });

  it('stores the password as argon2id with at least m=19456, t=2, p=1', async () => {
    const s = await signup(t);
    const [row] = await t.db.query(`select password_hash from users where id = $1`, [s.user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('answers an email that has an account elsewhere exactly like a new one: a new organization, nothing revealed', async () => {
    const s = await signup(t);
    const before = await count(t, 'organizations');
    const res = await t
      .http()
      .post('/api/v1/auth/signup')
      .send({ organizationName: 'Dup Inc', name: 'Dup', email: s.user.email.toUpperCase(), password: PASSWORD })
      .expect(201);
    expect(Object.keys(res.body as object).sort()).toEqual(['expiresAt', 'organization', 'token', 'user']);
    expect(res.body.organization.id).not.toBe(s.organization.id);
    expect(res.body.user.email).toBe(s.user.email);
    expect(await count(t, 'organizations')).toBe(before + 1);
  });

  it('rejects invalid input with field errors as problem+json and writes nothing', async () => {
    const [orgs, users] = [await count(t, 'organizations'), await count(t, 'users')];
    const res = await t
      .http()
      .post('/api/v1/auth/signup')
      .send({ organizationName: 'X', name: '', email: 'not-an-email', password: 'short', role: 'admin' })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'validation_failed', requestId: expect.any(String) });
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['(body)', 'email', 'name', 'organizationName', 'password']);
    expect(res.body.errors).toContainEqual({ path: 'password', message: 'Use at least 12 characters.' });
    expect(res.body.errors).toContainEqual({ path: '(body)', message: 'Unknown field(s): role.' });
    expect([await count(t, 'organizations'), await count(t, 'users')]).toEqual([orgs, users]);
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the right password, whatever the email case', async () => {
    const s = await signup(t);
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: `  ${s.user.email.toUpperCase()} `, password: PASSWORD })
      .expect(200);
    expect(res.body.user).toEqual(s.user);
    expect(res.body.organization).toEqual(s.organization);
    expect(res.body.token).not.toBe(s.token);
  });

  it('answers 401 invalid_credentials for a wrong password and for an unknown email alike', async () => {
    const s = await signup(t);
    const wrong = await t.http().post('/api/v1/auth/login').send({ email: s.user.email, password: 'wrong-password-1' });
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: uniqueEmail('ghost'), password: PASSWORD });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('logout revokes the session: the same token then answers 401', async () => {
    const s = await signup(t);
    await t.http().post('/api/v1/auth/logout').set(bearer(s.token)).expect(204);
    const res = await t.http().get('/api/v1/me').set(bearer(s.token)).expect(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('needs a session for /me: no token, a malformed token and an unknown token all answer 401', async () => {
    await t.http().get('/api/v1/me').expect(401);
    await t.http().get('/api/v1/me').set('authorization', 'Basic abc').expect(401);
    await t
      .http()
      .get('/api/v1/me')
      .set(bearer('x'.repeat(43)))
      .expect(401);
  });

  it('an expired session answers 401', async () => {
    const s = await signup(t);
    await t.db.query(`update sessions set expires_at = now() - interval '1 second' where user_id = $1`, [s.user.id]);
    await t.http().get('/api/v1/me').set(bearer(s.token)).expect(401);
  });
});

describe('cookie sessions and CSRF', () => {
  it('the session cookie authenticates reads, and writes only with the x-requested-with header', async () => {
    const s = await signup(t);
    const login = await t.http().post('/api/v1/auth/login').send({ email: s.user.email, password: PASSWORD });
    const cookie = cookieFrom(login).split(';')[0]!;
    await t.http().get('/api/v1/me').set('cookie', cookie).expect(200);
    const refused = await t.http().post('/api/v1/auth/logout').set('cookie', cookie).expect(403);
    expect(refused.body.code).toBe('csrf_failed');
    await t.http().get('/api/v1/me').set('cookie', cookie).expect(200);
    await t.http().post('/api/v1/auth/logout').set('cookie', cookie).set('x-requested-with', 'scorecard').expect(204);
    await t.http().get('/api/v1/me').set('cookie', cookie).expect(401);
  });
});

describe('failed sign-in limit', () => {
  beforeEach(async () => {
    await t.db.query(`delete from rate_limits where key like 'login:%'`);
  });

  it('after 5 failures for one account even the right password answers 429 with Retry-After', async () => {
    const s = await signup(t);
    for (let i = 0; i < 5; i++) {
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: s.user.email, password: `wrong-password-${i}` })
        .expect(401);
    }
    const res = await t.http().post('/api/v1/auth/login').send({ email: s.user.email, password: PASSWORD }).expect(429);
    expect(res.body.code).toBe('too_many_attempts');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
  });

  it('a person who signs in successfully between typos is never slowed down', async () => {
    const s = await signup(t);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) {
        await t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: s.user.email, password: 'typo-password-1' })
          .expect(401);
      }
      await t.http().post('/api/v1/auth/login').send({ email: s.user.email, password: PASSWORD }).expect(200);
    }
  });

  it('one IP failing against many accounts is limited after 30 failures', async () => {
    for (let i = 0; i < 30; i++) {
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: uniqueEmail('spray'), password: 'guess-password-1' })
        .expect(401);
    }
    const s = await signup(t);
    const res = await t.http().post('/api/v1/auth/login').send({ email: s.user.email, password: PASSWORD }).expect(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});
