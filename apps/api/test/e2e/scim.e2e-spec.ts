import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthSession, CreatedScimToken } from '@scorecard/contracts';
import { addMember, bearer, count, signup, uniqueEmail } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const SCIM = 'application/scim+json';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

let admin: AuthSession;
let token: string;

async function createToken(session: AuthSession, name = 'Okta'): Promise<CreatedScimToken> {
  const res = await t.http().post('/api/v1/scim-tokens').set(bearer(session.token)).send({ name }).expect(201);
  return res.body as CreatedScimToken;
}

/** One SCIM request as an identity provider sends it: its token, SCIM JSON both ways. */
function scim(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: unknown, as = token) {
  const req = t.http()[method](`/scim/v2${path}`).set('authorization', `Bearer ${as}`).set('accept', SCIM);
  return body === undefined ? req : req.set('content-type', SCIM).send(JSON.stringify(body));
}

function expectScimError(
  res: { status: number; body: unknown; headers: Record<string, string> },
  status: number,
  scimType?: string,
) {
  expect(res.headers['content-type']).toContain(SCIM);
  expect(res.body).toMatchObject({ schemas: [ERROR], status: String(status), detail: expect.any(String) });
  if (scimType) expect((res.body as { scimType?: string }).scimType).toBe(scimType);
}

beforeAll(async () => {
  admin = await signup(t, 'Provisioned Inc');
  token = (await createToken(admin)).token;
});

describe('SCIM tokens (admins)', () => {
  it('shows a new token once, stores only its SHA-256 hash, and never lists the token', async () => {
    const created = await createToken(admin, 'Entra ID');
    expect(created).toMatchObject({ name: 'Entra ID', revokedAt: null, lastUsedAt: null });
    expect(created.createdBy).toEqual({ id: admin.user.id, name: admin.user.name });
    expect(created.token.length).toBeGreaterThanOrEqual(43);
    const rows = (await t.db.query(`select encode(token_hash, 'hex') as h from scim_tokens where id = $1`, [
      created.id,
    ])) as { h: string }[];
    expect(rows[0]?.h).toBe(createHash('sha256').update(created.token).digest('hex'));
    const list = await t.http().get('/api/v1/scim-tokens').set(bearer(admin.token)).expect(200);
    const listed = (list.body.items as Record<string, unknown>[]).find((i) => i.id === created.id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('token');
    expect(JSON.stringify(list.body)).not.toContain(created.token);
  });

  it('records when a token was last used', async () => {
    const created = await createToken(admin, 'Used');
    await scim('get', '/ServiceProviderConfig', undefined, created.token).expect(200);
    const list = await t.http().get('/api/v1/scim-tokens').set(bearer(admin.token)).expect(200);
    const listed = (list.body.items as { id: string; lastUsedAt: string | null }[]).find((i) => i.id === created.id);
    expect(listed?.lastUsedAt).toEqual(expect.any(String));
  });

  it('revokes a token: the identity provider using it gets 401 from then on', async () => {
    const created = await createToken(admin, 'Soon revoked');
    await scim('get', '/Users', undefined, created.token).expect(200);
    await t.http().delete(`/api/v1/scim-tokens/${created.id}`).set(bearer(admin.token)).expect(204);
    expectScimError(await scim('get', '/Users', undefined, created.token).expect(401), 401);
  });

  it('is for admins only, validates the name, and answers 404 for another organization’s token', async () => {
    const recruiter = await addMember(t, admin, 'recruiter');
    await t.http().get('/api/v1/scim-tokens').set(bearer(recruiter.token)).expect(403);
    await t.http().post('/api/v1/scim-tokens').set(bearer(recruiter.token)).send({ name: 'x' }).expect(403);
    const before = await count(t, 'scim_tokens');
    const bad = await t.http().post('/api/v1/scim-tokens').set(bearer(admin.token)).send({ name: '  ' }).expect(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(await count(t, 'scim_tokens')).toBe(before);
    const other = await signup(t, 'Other Inc');
    const theirs = await createToken(other);
    await t.http().delete(`/api/v1/scim-tokens/${theirs.id}`).set(bearer(admin.token)).expect(404);
    await scim('get', '/ServiceProviderConfig', undefined, theirs.token).expect(200);
  });
});

describe('SCIM discovery', () => {
  it('describes what it supports: patch and filter yes; bulk, sort, etag and changePassword no', async () => {
    const res = await scim('get', '/ServiceProviderConfig').expect(200);
    expect(res.headers['content-type']).toContain(SCIM);
    expect(res.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      changePassword: { supported: false },
      authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })],
    });
    const schemas = await scim('get', '/Schemas').expect(200);
    expect(schemas.body.Resources.map((r: { id: string }) => r.id)).toEqual([
      USER,
      'urn:ietf:params:scim:schemas:core:2.0:Group',
    ]);
    const types = await scim('get', '/ResourceTypes').expect(200);
    expect(types.body.Resources.map((r: { endpoint: string }) => r.endpoint)).toEqual(['/Users', '/Groups']);
  });
});

describe('Okta’s SCIM 2.0 validator sequence', () => {
  const email = uniqueEmail('okta').replace(/^okta/, 'Okta');
  let id: string;

  it('runs create, filter, get, deactivate and unknown id as Okta sends them', async () => {
    // 1. Paging probe.
    const probe = await scim('get', '/Users?count=1&startIndex=1').expect(200);
    expect(probe.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      startIndex: 1,
    });
    expect(probe.body.Resources.length).toBeLessThanOrEqual(1);
    // 2. The user does not exist yet.
    const none = await scim(
      'get',
      `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}&startIndex=1&count=100`,
    ).expect(200);
    expect(none.body.totalResults).toBe(0);
    // 3. Create (Okta sends a password too: it is ignored, the person signs in through SSO).
    const created = await scim('post', '/Users', {
      schemas: [USER],
      userName: email,
      name: { givenName: 'Olga', familyName: 'Okta' },
      emails: [{ primary: true, value: email, type: 'work' }],
      displayName: 'Olga Okta',
      locale: 'en-US',
      externalId: '00u1okta',
      groups: [],
      password: '1mz050nq',
      active: true,
    }).expect(201);
    id = created.body.id as string;
    expect(created.headers['content-type']).toContain(SCIM);
    expect(created.headers.location).toMatch(new RegExp(`/scim/v2/Users/${id}$`));
    expect(created.body).toMatchObject({
      schemas: [USER],
      userName: email.toLowerCase(),
      externalId: '00u1okta',
      name: { givenName: 'Olga', familyName: 'Okta' },
      active: true,
      groups: [expect.objectContaining({ value: 'interviewer' })],
    });
    const [row] = (await t.db.query(
      `select name, role, password_hash, invited_at, scim_external_id from users where id = $1`,
      [id],
    )) as Record<string, unknown>[];
    expect(row).toEqual({
      name: 'Olga Okta',
      role: 'interviewer',
      password_hash: null,
      invited_at: null,
      scim_external_id: '00u1okta',
    });
    // 4. Get by id.
    const got = await scim('get', `/Users/${id}`).expect(200);
    expect(got.body.userName).toBe(email.toLowerCase());
    // 5. Filter by userName (case-insensitive, as userName is in SCIM).
    const found = await scim(
      'get',
      `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}&startIndex=1&count=100`,
    ).expect(200);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [expect.objectContaining({ id })] });
    // 6. Deactivate, in Okta's path-less form.
    const off = await scim('patch', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    }).expect(200);
    expect(off.body.active).toBe(false);
    // 7. Reactivate the same way.
    const on = await scim('patch', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: true } }],
    }).expect(200);
    expect(on.body.active).toBe(true);
    // 8. An id that does not exist.
    expectScimError(await scim('get', '/Users/010101001010101010').expect(404), 404);
    expectScimError(await scim('get', '/Users/00000000-0000-4000-8000-000000000000').expect(404), 404);
  });

  it('audits every SCIM change with no actor (the identity provider)', async () => {
    const events = (await t.db.query(
      `select action, actor_user_id, changed_fields from audit_events where entity_id = $1 order by occurred_at, id`,
      [id],
    )) as { action: string; actor_user_id: string | null; changed_fields: string[] }[];
    expect(events.map((e) => e.action)).toEqual(['scimCreateUser', 'scimPatchUser', 'scimPatchUser']);
    expect(events.every((e) => e.actor_user_id === null)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('password');
  });

  it('refuses a second user with the same userName: 409 uniqueness, nothing written', async () => {
    const before = await count(t, 'users');
    const res = await scim('post', '/Users', {
      schemas: [USER],
      userName: email,
      name: { givenName: 'A', familyName: 'B' },
    }).expect(409);
    expectScimError(res, 409, 'uniqueness');
    expect(await count(t, 'users')).toBe(before);
  });
});

describe('Microsoft Entra ID’s SCIM validator sequence', () => {
  const email = uniqueEmail('entra');
  let id: string;

  it('creates a user and finds it by userName and by externalId', async () => {
    const created = await scim('post', '/Users', {
      schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: 'e1c2-entra',
      userName: email,
      active: true,
      displayName: 'Edna Entra',
      emails: [{ primary: true, type: 'work', value: email }],
      name: { formatted: 'Edna Entra', familyName: 'Entra', givenName: 'Edna' },
      roles: [],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Hiring' },
    }).expect(201);
    id = created.body.id as string;
    const byName = await scim('get', `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`).expect(200);
    expect(byName.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);
    const byExternal = await scim('get', `/Users?filter=${encodeURIComponent('externalId eq "e1c2-entra"')}`).expect(
      200,
    );
    expect(byExternal.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);
    const byEmail = await scim(
      'get',
      `/Users?filter=${encodeURIComponent(`emails[type eq "work"].value eq "${email}"`)}`,
    ).expect(200);
    expect(byEmail.body.totalResults).toBe(1);
  });

  it('renames with PATCH Replace name.givenName / name.familyName', async () => {
    const res = await scim('patch', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'Replace', path: 'name.givenName', value: 'Ednah' },
        { op: 'Replace', path: 'name.familyName', value: 'Entra-Smith' },
      ],
    }).expect(200);
    expect(res.body.name).toMatchObject({ givenName: 'Ednah', familyName: 'Entra-Smith' });
    const [row] = (await t.db.query(`select name from users where id = $1`, [id])) as { name: string }[];
    expect(row?.name).toBe('Ednah Entra-Smith');
  });

  it('deactivates with PATCH Replace active "False" (a string) and reactivates with "True"', async () => {
    const off = await scim('patch', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    }).expect(200);
    expect(off.body.active).toBe(false);
    const on = await scim('patch', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
    }).expect(200);
    expect(on.body.active).toBe(true);
  });

  it('replaces a user with PUT (new email, name and externalId)', async () => {
    const newEmail = uniqueEmail('entra-moved');
    const res = await scim('put', `/Users/${id}`, {
      schemas: [USER],
      userName: newEmail,
      externalId: 'e1c2-entra-2',
      name: { givenName: 'Edna', familyName: 'Moved' },
      active: true,
    }).expect(200);
    expect(res.body).toMatchObject({ userName: newEmail, externalId: 'e1c2-entra-2', displayName: 'Edna Moved' });
  });

  it('refuses a PATCH that is not SCIM and an unknown op, changing nothing', async () => {
    expectScimError(await scim('patch', `/Users/${id}`, { Operations: [] }).expect(400), 400);
    expectScimError(
      await scim('patch', `/Users/${id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'Frobnicate', path: 'active', value: false }],
      }).expect(400),
      400,
    );
    const got = await scim('get', `/Users/${id}`).expect(200);
    expect(got.body.active).toBe(true);
  });
});

describe('paging and filters', () => {
  it('pages with startIndex and count', async () => {
    const all = await scim('get', '/Users?count=200').expect(200);
    const total = all.body.totalResults as number;
    expect(total).toBeGreaterThanOrEqual(3);
    const page2 = await scim('get', '/Users?startIndex=2&count=2').expect(200);
    expect(page2.body).toMatchObject({ totalResults: total, startIndex: 2 });
    expect(page2.body.Resources.map((r: { id: string }) => r.id)).toEqual(
      all.body.Resources.slice(1, 3).map((r: { id: string }) => r.id),
    );
  });

  it('answers 400 invalidFilter to a filter it does not support', async () => {
    for (const filter of [
      'name.givenName eq "A"',
      'userName co "a"',
      'userName eq "a" or userName eq "b"',
      'nonsense',
    ]) {
      expectScimError(
        await scim('get', `/Users?filter=${encodeURIComponent(filter)}`).expect(400),
        400,
        'invalidFilter',
      );
    }
  });
});

describe('groups are the roles', () => {
  it('lists four groups and finds one by displayName (members left out on request)', async () => {
    const all = await scim('get', '/Groups').expect(200);
    expect(all.body.Resources.map((g: { id: string; displayName: string }) => [g.id, g.displayName])).toEqual([
      ['admin', 'Admins'],
      ['recruiter', 'Recruiters'],
      ['hiring_manager', 'Hiring managers'],
      ['interviewer', 'Interviewers'],
    ]);
    const one = await scim(
      'get',
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Recruiters"')}`,
    ).expect(200);
    expect(one.body.Resources).toEqual([expect.objectContaining({ id: 'recruiter' })]);
    expect(one.body.Resources[0]).not.toHaveProperty('members');
    expectScimError(await scim('get', '/Groups/owners').expect(404), 404);
  });

  it('adding a member gives the role; removing (Okta’s and Entra’s forms) makes them interviewer', async () => {
    const created = await scim('post', '/Users', {
      schemas: [USER],
      userName: uniqueEmail('grp'),
      name: { givenName: 'Greta', familyName: 'Group' },
    }).expect(201);
    const id = created.body.id as string;
    const add = await scim('patch', '/Groups/hiring_manager', {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: id, display: 'Greta Group' }] }],
    }).expect(200);
    expect(add.body.members.map((m: { value: string }) => m.value)).toContain(id);
    expect((await scim('get', `/Users/${id}`).expect(200)).body.groups[0].value).toBe('hiring_manager');
    // Entra's removal: path "members" with the member in the value.
    await scim('patch', '/Groups/hiring_manager', {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: id }] }],
    }).expect(200);
    expect((await scim('get', `/Users/${id}`).expect(200)).body.groups[0].value).toBe('interviewer');
    // Okta's: a filter in the path.
    await scim('patch', '/Groups/recruiter', {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }],
    }).expect(200);
    await scim('patch', '/Groups/recruiter', {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${id}"]` }],
    }).expect(200);
    expect((await scim('get', `/Users/${id}`).expect(200)).body.groups[0].value).toBe('interviewer');
    const roles = (await t.db.query(
      `select changed_fields from audit_events where entity_id = $1 and action = 'scimPatchGroup'`,
      [id],
    )) as unknown[];
    expect(roles).toHaveLength(4);
  });

  it('keeps the last admin: removing them from Admins is refused', async () => {
    const res = await scim('patch', '/Groups/admin', {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${admin.user.id}"]` }],
    }).expect(409);
    expectScimError(res, 409);
    const [row] = (await t.db.query(`select role from users where id = $1`, [admin.user.id])) as { role: string }[];
    expect(row?.role).toBe('admin');
  });

  it('a PATCH with one bad operation changes nothing, not even the operations before it', async () => {
    const created = await scim('post', '/Users', {
      schemas: [USER],
      userName: uniqueEmail('atomic'),
      displayName: 'Ada Atomic',
    }).expect(201);
    const id = created.body.id as string;
    const res = await scim('patch', '/Groups/recruiter', {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'add', path: 'members', value: [{ value: id }] },
        { op: 'add', path: 'members', value: [{ value: '00000000-0000-4000-8000-000000000000' }] },
      ],
    }).expect(400);
    expectScimError(res, 400, 'invalidValue');
    expect((await scim('get', `/Users/${id}`).expect(200)).body.groups[0].value).toBe('interviewer');
  });

  it('refuses creating and deleting groups with a SCIM error', async () => {
    expectScimError(await scim('post', '/Groups', { displayName: 'Owners' }).expect(501), 501);
    expectScimError(await scim('delete', '/Groups/admin').expect(501), 501);
  });
});

describe('deprovisioning', () => {
  it('DELETE deactivates the user and ends their sessions at once', async () => {
    const member = await addMember(t, admin, 'recruiter');
    await t.http().get('/api/v1/me').set(bearer(member.token)).expect(200);
    const found = await scim('get', `/Users?filter=${encodeURIComponent(`userName eq "${member.user.email}"`)}`).expect(
      200,
    );
    expect(found.body.Resources[0].id).toBe(member.user.id);
    await scim('delete', `/Users/${member.user.id}`).expect(204);
    await t.http().get('/api/v1/me').set(bearer(member.token)).expect(401);
    const got = await scim('get', `/Users/${member.user.id}`).expect(200);
    expect(got.body.active).toBe(false);
  });

  it('PATCH active=false ends sessions the same way', async () => {
    const member = await addMember(t, admin, 'interviewer');
    await scim('patch', `/Users/${member.user.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    }).expect(200);
    await t.http().get('/api/v1/me').set(bearer(member.token)).expect(401);
  });
});

describe('authentication and isolation', () => {
  it('answers 401 in SCIM’s format without a token, with a session token, or with a made-up one', async () => {
    const none = await t.http().get('/scim/v2/Users').expect(401);
    expectScimError(none, 401);
    expectScimError(await scim('get', '/Users', undefined, admin.token).expect(401), 401);
    expectScimError(
      await scim('get', '/Users', undefined, 'scim_not-a-real-token-at-all-0000000000000').expect(401),
      401,
    );
  });

  it('a SCIM token opens nothing outside /scim/v2', async () => {
    await t.http().get('/api/v1/users').set(bearer(token)).expect(401);
  });

  it('another organization’s token cannot see or change this organization’s users', async () => {
    const other = await signup(t, 'Elsewhere');
    const theirs = (await createToken(other)).token;
    const member = await addMember(t, admin, 'recruiter');
    expectScimError(await scim('get', `/Users/${member.user.id}`, undefined, theirs).expect(404), 404);
    await scim(
      'patch',
      `/Users/${member.user.id}`,
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
      theirs,
    ).expect(404);
    await scim('delete', `/Users/${member.user.id}`, undefined, theirs).expect(404);
    const list = await scim(
      'get',
      `/Users?filter=${encodeURIComponent(`userName eq "${member.user.email}"`)}`,
      undefined,
      theirs,
    ).expect(200);
    expect(list.body.totalResults).toBe(0);
    await t.http().get('/api/v1/me').set(bearer(member.token)).expect(200);
  });

  it('accepts plain application/json bodies too', async () => {
    await t
      .http()
      .post('/scim/v2/Users')
      .set('authorization', `Bearer ${token}`)
      .send({ schemas: [USER], userName: uniqueEmail('json'), displayName: 'Jay Son' })
      .expect(201);
  });

  it('answers an unknown SCIM path and an unparsable body in SCIM’s format too', async () => {
    expectScimError(await scim('get', '/Bulk').expect(404), 404);
    const broken = await t
      .http()
      .post('/scim/v2/Users')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', SCIM)
      .send('{"userName":');
    expect(broken.status).toBe(400);
    expectScimError(broken, 400);
  });

  it('answers a body that is not valid for SCIM with 400 in SCIM’s format', async () => {
    const res = await scim('post', '/Users', { schemas: [USER], userName: 'not-an-email' }).expect(400);
    expectScimError(res, 400, 'invalidValue');
  });
});
