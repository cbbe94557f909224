import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthSession, Role } from '@scorecard/contracts';
import { addMember, bearer, count, PASSWORD, signup, uniqueEmail } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let admin: AuthSession;
beforeAll(async () => {
  admin = await signup(t, 'Initech');
});

describe('an admin manages users', () => {
  it('adds a user with a role, who can then sign in with that role', async () => {
    const email = uniqueEmail('new');
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin.token))
      .send({ name: 'Nora New', email, role: 'hiring_manager', password: PASSWORD })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Nora New',
      email,
      role: 'hiring_manager',
      active: true,
      status: 'active',
      invitedAt: null,
      createdAt: expect.any(String),
      deactivatedAt: null,
    });
    const login = await t.http().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    expect(login.body.user.role).toBe('hiring_manager');
    expect(login.body.organization.id).toBe(admin.organization.id);
  });

  it('refuses a second user with the same email (409 email_taken) and writes nothing', async () => {
    const before = await count(t, 'users');
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin.token))
      .send({ name: 'Clone', email: admin.user.email, role: 'interviewer', password: PASSWORD })
      .expect(409);
    expect(res.body.code).toBe('email_taken');
    expect(await count(t, 'users')).toBe(before);
  });

  it('rejects an unknown role, a short password and extra fields with field errors, writing nothing', async () => {
    const before = await count(t, 'users');
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin.token))
      .send({
        name: 'X',
        email: uniqueEmail(),
        role: 'owner',
        password: 'short',
        organizationId: admin.organization.id,
      })
      .expect(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['(body)', 'password', 'role']);
    expect(await count(t, 'users')).toBe(before);
  });

  it('lists users a page at a time, with the total, search by name or email prefix, and filters', async () => {
    const a = await addMember(t, admin, 'interviewer');
    await addMember(t, admin, 'recruiter');
    const page = await t.http().get('/api/v1/users?pageSize=2&page=1').set(bearer(admin.token)).expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe(await count(t, 'users'));
    const interviewers = await t.http().get('/api/v1/users?role=interviewer').set(bearer(admin.token)).expect(200);
    expect(interviewers.body.items.length).toBeGreaterThan(0);
    expect(interviewers.body.items.every((u: { role: Role }) => u.role === 'interviewer')).toBe(true);
    const found = await t
      .http()
      .get(`/api/v1/users?q=${encodeURIComponent(a.user.email.slice(0, 14).toUpperCase())}`)
      .set(bearer(admin.token))
      .expect(200);
    expect(found.body.items.map((u: { id: string }) => u.id)).toEqual([a.user.id]);
    const wildcard = await t.http().get('/api/v1/users?q=%25').set(bearer(admin.token)).expect(200);
    expect(wildcard.body.total).toBe(0);
  });

  it('search finds a user by the start of their last name or of their email domain, not by a middle fragment', async () => {
    const email = `grace@${uniqueEmail('hopper').split('@')[0]}.navy.test`;
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin.token))
      .send({ name: 'Grace Brewster Hopper', email, role: 'interviewer', password: PASSWORD })
      .expect(201);
    const ids = async (q: string) =>
      (
        await t
          .http()
          .get(`/api/v1/users?q=${encodeURIComponent(q)}`)
          .set(bearer(admin.token))
          .expect(200)
      ).body.items.map((u: { id: string }) => u.id);
    expect(await ids('hopp')).toEqual([created.body.id]);
    expect(await ids('Brew')).toEqual([created.body.id]);
    expect(await ids(email.split('@')[1]!.slice(0, 12))).toEqual([created.body.id]);
    expect(await ids('opper')).toEqual([]);
  });

  it('a role change takes effect on the user’s very next request', async () => {
    const m = await addMember(t, admin, 'interviewer');
    await t.http().get('/api/v1/users').set(bearer(m.token)).expect(403);
    const res = await t
      .http()
      .patch(`/api/v1/users/${m.user.id}`)
      .set(bearer(admin.token))
      .send({ role: 'admin' })
      .expect(200);
    expect(res.body.role).toBe('admin');
    await t.http().get('/api/v1/users').set(bearer(m.token)).expect(200);
  });

  it('deactivating a user ends their sessions at once and stops them signing in; reactivating lets them back', async () => {
    const m = await addMember(t, admin, 'recruiter');
    await t.http().get('/api/v1/me').set(bearer(m.token)).expect(200);
    const res = await t
      .http()
      .patch(`/api/v1/users/${m.user.id}`)
      .set(bearer(admin.token))
      .send({ active: false })
      .expect(200);
    expect(res.body.active).toBe(false);
    expect(res.body.deactivatedAt).not.toBeNull();
    await t.http().get('/api/v1/me').set(bearer(m.token)).expect(401);
    const login = await t.http().post('/api/v1/auth/login').send({ email: m.user.email, password: PASSWORD });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('account_deactivated');
    await t.http().patch(`/api/v1/users/${m.user.id}`).set(bearer(admin.token)).send({ active: true }).expect(200);
    await t.http().post('/api/v1/auth/login').send({ email: m.user.email, password: PASSWORD }).expect(200);
  });

  it('never leaves the organization without an active admin (409 last_admin, nothing changed)', async () => {
    const solo = await signup(t, 'Solo Ltd');
    for (const change of [{ role: 'recruiter' }, { active: false }]) {
      const res = await t
        .http()
        .patch(`/api/v1/users/${solo.user.id}`)
        .set(bearer(solo.token))
        .send(change)
        .expect(409);
      expect(res.body.code).toBe('last_admin');
    }
    const [row] = await t.db.query(`select role, active from users where id = $1`, [solo.user.id]);
    expect(row).toEqual({ role: 'admin', active: true });
  });

  it('an empty change is a validation error', async () => {
    const m = await addMember(t, admin, 'interviewer');
    const res = await t.http().patch(`/api/v1/users/${m.user.id}`).set(bearer(admin.token)).send({}).expect(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('a malformed id is a 400, an unknown id a 404', async () => {
    await t.http().get('/api/v1/users/not-a-uuid').set(bearer(admin.token)).expect(400);
    const res = await t
      .http()
      .get('/api/v1/users/00000000-0000-4000-8000-000000000000')
      .set(bearer(admin.token))
      .expect(404);
    expect(res.body.code).toBe('not_found');
  });
});

describe('only admins manage users', () => {
  it.each(['recruiter', 'hiring_manager', 'interviewer'] as const)(
    'a %s gets 403 on every users route',
    async (role) => {
      const m = await addMember(t, admin, role);
      const target = admin.user.id;
      const calls = [
        t.http().get('/api/v1/users').set(bearer(m.token)),
        t.http().get(`/api/v1/users/${target}`).set(bearer(m.token)),
        t
          .http()
          .post('/api/v1/users')
          .set(bearer(m.token))
          .send({ name: 'Z', email: uniqueEmail(), role: 'admin', password: PASSWORD }),
        t.http().patch(`/api/v1/users/${target}`).set(bearer(m.token)).send({ role: 'interviewer' }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
      const [row] = await t.db.query(`select role from users where id = $1`, [target]);
      expect(row.role).toBe('admin');
    },
  );

  it('without a session every users route answers 401', async () => {
    await t.http().get('/api/v1/users').expect(401);
    await t.http().post('/api/v1/users').send({}).expect(401);
    await t.http().patch(`/api/v1/users/${admin.user.id}`).send({ role: 'interviewer' }).expect(401);
  });
});

describe('an email in several organizations', () => {
  it('adds an address that has an account in another organization exactly like a new one: nothing says it exists there', async () => {
    const elsewhere = await signup(t, 'Elsewhere Inc');
    const added = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin.token))
      .send({ name: 'Dana Double', email: elsewhere.user.email, role: 'recruiter', password: `${PASSWORD}-initech` })
      .expect(201);
    expect(added.body).toMatchObject({ email: elsewhere.user.email, role: 'recruiter', status: 'active' });
    // Each password opens its own organization; the other organization's account is untouched.
    const here = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: elsewhere.user.email, password: `${PASSWORD}-initech` })
      .expect(200);
    expect(here.body.organization.id).toBe(admin.organization.id);
    const there = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: elsewhere.user.email, password: PASSWORD })
      .expect(200);
    expect(there.body.organization.id).toBe(elsewhere.organization.id);
  });

  it('asks which organization when one password opens accounts in two, and signs in to the one named', async () => {
    const first = await signup(t, 'Twin One');
    const second = await signup(t, 'Twin Two');
    await t
      .http()
      .post('/api/v1/users')
      .set(bearer(second.token))
      .send({ name: 'Tess Twin', email: first.user.email, role: 'interviewer', password: PASSWORD })
      .expect(201);
    const ask = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: first.user.email, password: PASSWORD })
      .expect(409);
    expect(ask.body.code).toBe('organization_required');
    expect(ask.body.organizations).toEqual(
      expect.arrayContaining([
        { slug: 'twin-one', name: 'Twin One' },
        { slug: 'twin-two', name: 'Twin Two' },
      ]),
    );
    const chosen = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: first.user.email, password: PASSWORD, organization: 'twin-two' })
      .expect(200);
    expect(chosen.body.organization.id).toBe(second.organization.id);
    expect(chosen.body.user.role).toBe('interviewer');
    // A wrong password says nothing about either account.
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: first.user.email, password: 'not-the-password' })
      .expect(401);
    expect(wrong.body.organizations).toBeUndefined();
  });
});
