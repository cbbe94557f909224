import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  API_SCOPES,
  type ApiScope,
  type AuditEventList,
  TOKEN_SCOPES,
  type CreatedApiToken,
} from '@scorecard/contracts';
import { PASSWORD, uniqueEmail } from '../support/factories.js';
import { buildOrg, completeScorecard, listen, type OrgFixture } from '../support/org-fixture.js';
import { contractProblems, documentOperations, send, validRequest, type Operation } from '../support/operations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Organization API tokens: what each scope opens (walking every operation of the OpenAPI document
 * with its sample request), that a token acts as its creator as they are now, that it ends the
 * moment it is revoked or expires, never reads drafts, and that everything it does is audited.
 */

let t: TestApp;
let base: string;
let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  t = await startTestApp({ QUEUE_SCHEDULES: 'false' });
  base = await listen(t);
  a = await buildOrg(t, 'Tokens Co');
  b = await buildOrg(t, 'Other Co');
}, 180_000);
afterAll(async () => {
  await t?.close();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> | null;
}

/** One HTTP call with a bearer token (a session's or an API token's); no CSRF header is ever sent. */
async function call(method: string, path: string, token: string | null, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const json =
    /json/.test(res.headers.get('content-type') ?? '') && text ? (JSON.parse(text) as Record<string, unknown>) : null;
  return { status: res.status, headers: res.headers, text, json };
}

const admin = () => a.members.admin.token;

async function createToken(
  scopes: readonly ApiScope[],
  options: { name?: string; as?: string; expiresAt?: string } = {},
): Promise<CreatedApiToken> {
  const r = await call('POST', '/api/v1/api-tokens', options.as ?? admin(), {
    name: options.name ?? `Machine ${randomBytes(3).toString('hex')}`,
    scopes,
    ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
  });
  expect({ status: r.status, body: r.json }).toMatchObject({ status: 201 });
  return r.json as unknown as CreatedApiToken;
}

const tokenRows = async () => ((await t.db.query(`select count(*)::int as n from api_tokens`)) as [{ n: number }])[0].n;

describe('creating, listing and revoking API tokens', () => {
  it('shows the secret once, prefixed sc_, and never again in the list, the audit log or the logs', async () => {
    const created = await createToken(['candidates:read'], { name: 'Warehouse sync' });
    expect(created.token).toMatch(/^sc_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: 'Warehouse sync',
      scopes: ['candidates:read'],
      createdBy: { id: a.members.admin.user.id },
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect((await call('GET', `/api/v1/candidates/${a.candidates.debriefed.id}`, created.token)).status).toBe(200);

    const list = await call('GET', '/api/v1/api-tokens?pageSize=100', admin());
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(created.token);
    const listed = (list.json!.items as { id: string; lastUsedAt: string | null }[]).find((x) => x.id === created.id);
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(list.json).toMatchObject({ page: 1, pageSize: 100 });

    const audit = await call('GET', '/api/v1/audit-events?pageSize=100', admin());
    expect(audit.text).not.toContain(created.token);
    expect(t.logs.join('')).not.toContain(created.token);
    const stored = (await t.db.query(`select token_hash from api_tokens where id = $1`, [created.id])) as {
      token_hash: Buffer;
    }[];
    expect(stored[0]!.token_hash.toString('utf8')).not.toContain(created.token);
  });

  it.each([
    ['no scopes', { name: 'CI', scopes: [] }, 'scopes'],
    ['an unknown scope', { name: 'CI', scopes: ['candidates:delete'] }, 'scopes.0'],
    [
      'an expiry in the past',
      { name: 'CI', scopes: ['candidates:read'], expiresAt: '2020-01-01T00:00:00Z' },
      'expiresAt',
    ],
    ['an empty name', { name: ' ', scopes: ['candidates:read'] }, 'name'],
  ])('refuses %s with a 400 problem naming the field, and creates nothing', async (_what, body, path) => {
    const before = await tokenRows();
    const r = await call('POST', '/api/v1/api-tokens', admin(), body);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.json).toMatchObject({ code: 'validation_failed' });
    expect((r.json!.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    expect(await tokenRows()).toBe(before);
  });

  it('is for admins only: a recruiter may neither list nor create tokens', async () => {
    const recruiter = a.members.recruiter.token;
    expect((await call('GET', '/api/v1/api-tokens', recruiter)).status).toBe(403);
    const before = await tokenRows();
    expect((await call('POST', '/api/v1/api-tokens', recruiter, { name: 'x', scopes: ['audit:read'] })).status).toBe(
      403,
    );
    expect(await tokenRows()).toBe(before);
  });

  it('a revoked token is refused from the very next request', async () => {
    const { id, token } = await createToken(['candidates:read']);
    const path = `/api/v1/candidates/${a.candidates.debriefed.id}`;
    expect((await call('GET', path, token)).status).toBe(200);
    expect((await call('DELETE', `/api/v1/api-tokens/${id}`, admin())).status).toBe(204);
    const refused = await call('GET', path, token);
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ code: 'unauthenticated' });
    const listed = (await call('GET', '/api/v1/api-tokens?pageSize=100', admin())).json!.items as {
      id: string;
      revokedAt: string | null;
    }[];
    expect(listed.find((x) => x.id === id)?.revokedAt).not.toBeNull();
  });

  it('another organization’s token cannot be revoked (404), and nothing changes', async () => {
    const r = await call('DELETE', `/api/v1/api-tokens/${a.apiToken.id}`, b.members.admin.token);
    expect(r.status).toBe(404);
    const rows = (await t.db.query(`select revoked_at from api_tokens where id = $1`, [a.apiToken.id])) as {
      revoked_at: Date | null;
    }[];
    expect(rows[0]!.revoked_at).toBeNull();
  });

  it('an expired token is refused (401)', async () => {
    const { id, token } = await createToken(['candidates:read'], {
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const path = `/api/v1/candidates/${a.candidates.debriefed.id}`;
    expect((await call('GET', path, token)).status).toBe(200);
    await t.db.query(`update api_tokens set expires_at = now() - interval '1 second' where id = $1`, [id]);
    expect((await call('GET', path, token)).status).toBe(401);
  });

  it('an unknown token is refused (401)', async () => {
    const r = await call('GET', '/api/v1/candidates', `sc_${randomBytes(32).toString('base64url')}`);
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ code: 'unauthenticated' });
  });
});

describe('a token acts as its creator, as they are now', () => {
  async function newAdmin(): Promise<{ id: string; session: string }> {
    const email = uniqueEmail('token-admin');
    const user = await call('POST', '/api/v1/users', admin(), {
      name: 'Tia Tokens',
      email,
      role: 'admin',
      password: PASSWORD,
    });
    expect(user.status).toBe(201);
    const login = await call('POST', '/api/v1/auth/login', null, { email, password: PASSWORD });
    expect(login.status).toBe(200);
    return { id: user.json!.id as string, session: login.json!.token as string };
  }

  it('a deactivated creator’s tokens stop working (401)', async () => {
    const creator = await newAdmin();
    const { token } = await createToken(['candidates:read'], { as: creator.session });
    expect((await call('GET', '/api/v1/candidates', token)).status).toBe(200);
    expect((await call('PATCH', `/api/v1/users/${creator.id}`, admin(), { active: false })).status).toBe(200);
    expect((await call('GET', '/api/v1/candidates', token)).status).toBe(401);
  });

  it('a creator demoted to recruiter caps the token: admin-only routes answer 403', async () => {
    const creator = await newAdmin();
    const { token } = await createToken(['candidates:read', 'audit:read'], { as: creator.session });
    expect((await call('GET', '/api/v1/audit-events', token)).status).toBe(200);
    expect((await call('PATCH', `/api/v1/users/${creator.id}`, admin(), { role: 'recruiter' })).status).toBe(200);
    const refused = await call('GET', '/api/v1/audit-events', token);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'forbidden' });
    expect((await call('GET', '/api/v1/candidates', token)).status).toBe(200);
  });

  it('sees only its own organization: another organization’s ids answer 404', async () => {
    const { token } = await createToken(['candidates:read', 'applications:read', 'scorecards:read', 'decisions:read']);
    for (const path of [
      `/api/v1/candidates/${b.candidates.debriefed.id}`,
      `/api/v1/applications/${b.applications.debriefed.id}`,
      `/api/v1/scorecards/${b.interviews.admin.scorecardId}`,
      `/api/v1/applications/${b.applications.debriefed.id}/debrief`,
    ]) {
      expect({ path, status: (await call('GET', path, token)).status }).toEqual({ path, status: 404 });
    }
  });
});

describe('drafts and the independence rule', () => {
  let scorecardId: string;
  let interviewId: string;
  const secretWords = 'draft-words-never-for-tokens';

  beforeAll(async () => {
    // The creator (the admin member) is put on the interviewing application's panel and saves a draft.
    const scheduled = await call('POST', `/api/v1/applications/${a.applications.interviewing.id}/interviews`, admin(), {
      stepKey: a.opening.steps[0]!.key,
      interviewerId: a.members.admin.user.id,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationMinutes: 60,
      feedbackDueAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect({ status: scheduled.status, body: scheduled.json }).toMatchObject({ status: 201 });
    interviewId = scheduled.json!.id as string;
    const kit = await call('GET', `/api/v1/interviews/${interviewId}/kit`, admin());
    expect(kit.status).toBe(200);
    const card = kit.json!.scorecard as { id: string; revision: number };
    scorecardId = card.id;
    const saved = await call('PUT', `/api/v1/scorecards/${scorecardId}`, admin(), {
      ...completeScorecard(a.opening, 'saved'),
      summary: secretWords,
      notes: secretWords,
      revision: card.revision,
    });
    expect({ status: saved.status, body: saved.json }).toMatchObject({ status: 200 });
  });

  it('the creator at a screen sees their draft; a token gets its id, status and revision, never its content', async () => {
    expect((await call('GET', `/api/v1/scorecards/${scorecardId}`, admin())).text).toContain(secretWords);
    const { token } = await createToken(['scorecards:read', 'interviews:read', 'candidates:read']);
    const got = await call('GET', `/api/v1/scorecards/${scorecardId}`, token);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({
      id: scorecardId,
      status: 'draft',
      ratings: [],
      redFlags: [],
      summary: '',
      notes: '',
    });
    expect(got.text).not.toContain(secretWords);
    const kit = await call('GET', `/api/v1/interviews/${interviewId}/kit`, token);
    expect(kit.status).toBe(200);
    expect(kit.json!.scorecard).toMatchObject({ id: scorecardId, status: 'draft', ratings: [], summary: '' });
    expect(kit.text).not.toContain(secretWords);
    const mine = await call('GET', '/api/v1/me/interviews?view=awaiting&pageSize=100', token);
    expect(mine.status).toBe(200);
    expect(mine.text).not.toContain(secretWords);
    // The export shows the panel's scorecards, which the creator may not see while their draft is open.
    const exported = await call('GET', `/api/v1/candidates/${a.candidates.interviewing.id}/export`, token);
    expect(exported.text).not.toContain(secretWords);
  });

  it('a token writing its creator’s draft gets the draft back without content', async () => {
    const { token } = await createToken(['scorecards:write']);
    const current = await call('GET', `/api/v1/scorecards/${scorecardId}`, admin());
    const saved = await call('PUT', `/api/v1/scorecards/${scorecardId}`, token, {
      ...completeScorecard(a.opening, 'by-machine'),
      summary: secretWords,
      revision: current.json!.revision,
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ status: 'draft', summary: '', ratings: [] });
  });

  it('obeys the independence rule as its creator: with the creator’s draft open, the panel’s feedback is hidden', async () => {
    const { token } = await createToken(['scorecards:read', 'decisions:read']);
    const app = a.applications.interviewing.id;
    expect((await call('GET', `/api/v1/applications/${app}/scorecards`, token)).status).toBe(403);
    expect((await call('GET', `/api/v1/applications/${app}/debrief`, token)).status).toBe(403);
    // Where the creator has scored, it sees the panel's submitted scorecards like them.
    expect((await call('GET', `/api/v1/applications/${a.applications.debriefed.id}/scorecards`, token)).status).toBe(
      200,
    );
  });
});

describe('audit and rate limits', () => {
  it('records every token request, a read too, with the token’s name; the log says so', async () => {
    const { id, token } = await createToken(['candidates:read', 'candidates:write'], { name: 'ATS bridge' });
    expect((await call('GET', `/api/v1/candidates/${a.candidates.applied.id}`, token)).status).toBe(200);
    const note = await call('POST', `/api/v1/candidates/${a.candidates.applied.id}/notes`, token, {
      body: 'From the ATS',
    });
    expect(note.status).toBe(201);
    const rows = (await t.db.query(
      `select action, actor_user_id from audit_events where api_token_id = $1 order by occurred_at, id`,
      [id],
    )) as { action: string; actor_user_id: string }[];
    expect(rows).toEqual([
      { action: 'getCandidate', actor_user_id: a.members.admin.user.id },
      { action: 'addCandidateNote', actor_user_id: a.members.admin.user.id },
    ]);
    const log = (await call('GET', '/api/v1/audit-events?action=getCandidate&pageSize=100', admin()))
      .json as unknown as AuditEventList;
    const event = log.items.find((e) => e.apiToken?.id === id);
    expect(event).toMatchObject({ apiToken: { id, name: 'ATS bridge' }, actor: { id: a.members.admin.user.id } });
    // A person at a screen: no token.
    const screen = (await call('GET', '/api/v1/audit-events?action=createApiToken&pageSize=100', admin()))
      .json as unknown as AuditEventList;
    expect(screen.items[0]?.apiToken).toBeNull();
  });

  it('counts requests per token, not per creator', async () => {
    const first = await createToken(['candidates:read']);
    const second = await createToken(['candidates:read']);
    const remaining = (r: Answer) => Number(/"token";r=(\d+)/.exec(r.headers.get('ratelimit') ?? '')?.[1]);
    const r1 = await call('GET', '/api/v1/candidates', first.token);
    expect(r1.headers.get('ratelimit-policy')).toMatch(/"token";q=\d+;w=60/);
    const r2 = await call('GET', '/api/v1/candidates', first.token);
    const r3 = await call('GET', '/api/v1/candidates', second.token);
    expect(remaining(r2)).toBe(remaining(r1) - 1);
    expect(remaining(r3)).toBe(remaining(r1));
    const session = await call('GET', '/api/v1/candidates', admin());
    expect(session.headers.get('ratelimit')).toMatch(/"user";r=/);
  });
});

/**
 * Each scope opens exactly its routes: for every operation of the OpenAPI document, with the
 * matrices' sample request, a token holding exactly the operation's scope is let through, a token
 * holding every other scope is refused 403 `insufficient_scope`, and an operation no scope opens
 * refuses a token holding them all. Public operations take no credentials, so they are not walked.
 */
describe('each scope allows exactly its routes', () => {
  const OPERATIONS = documentOperations().filter((op) => !op.public);
  const tokens = new Map<string, string>();
  const tokenFor = async (key: string, scopes: readonly ApiScope[]) => {
    if (!tokens.has(key)) tokens.set(key, (await createToken(scopes, { name: `Walk ${key}` })).token);
    return tokens.get(key)!;
  };
  const scopeOf = (op: Operation): ApiScope | undefined => TOKEN_SCOPES[op.operationId];
  const scoped = OPERATIONS.filter((op) => scopeOf(op));
  const refusing = OPERATIONS.filter((op) => !scopeOf(op));

  async function sendWith(op: Operation, token: string) {
    const req = await validRequest(op.operationId, a, { org: a, role: 'admin' });
    expect(contractProblems(op.operationId, req)).toEqual([]);
    return send(base, op, req, token);
  }

  it('walks operations of both kinds', () => {
    expect(scoped.length).toBeGreaterThan(40);
    expect(refusing.length).toBeGreaterThan(30);
  });

  it.each(scoped.map((op) => ({ op, title: `${op.operationId} refuses a token with every scope but ${scopeOf(op)}` })))(
    '$title',
    async ({ op }) => {
      const scope = scopeOf(op)!;
      const token = await tokenFor(
        `all-but-${scope}`,
        API_SCOPES.filter((s) => s !== scope),
      );
      const reply = await sendWith(op, token);
      expect({ status: reply.status, code: reply.json?.code }).toEqual({ status: 403, code: 'insufficient_scope' });
      expect(String(reply.json?.detail)).toContain(scope);
    },
  );

  it.each(scoped.map((op) => ({ op, title: `${op.operationId} lets a token with only ${scopeOf(op)} through` })))(
    '$title',
    async ({ op }) => {
      const scope = scopeOf(op)!;
      const reply = await sendWith(op, await tokenFor(`only-${scope}`, [scope]));
      const summary = { status: reply.status, code: reply.json?.code, body: reply.text.slice(0, 300) };
      expect(summary.status).not.toBe(401);
      expect(summary.code).not.toBe('insufficient_scope');
      expect(summary.status).toBeLessThan(500);
    },
  );

  it.each(refusing.map((op) => ({ op, title: `${op.operationId} refuses a token holding every scope` })))(
    '$title',
    async ({ op }) => {
      const reply = await sendWith(op, await tokenFor('all', API_SCOPES));
      expect({ status: reply.status, code: reply.json?.code }).toEqual({ status: 403, code: 'insufficient_scope' });
    },
  );
});
