import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Application,
  type Debrief,
  endpoints,
  type Opening,
  type Endpoint,
  type PipelineBoard,
  type ScorecardList,
} from '@scorecard/contracts';
import { Controller, Get, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Route } from '../../src/common/route.decorator.js';
import { ConfigError, loadConfig } from '../../src/config/env.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../../src/database/seed-demo.js';
import { bearer, count, PASSWORD, signup } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** helmet's headers for the app's options, HSTS aside (it depends on COOKIE_SECURE). */
const EXPECTED_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';" +
    "connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

function securityHeaders(res: { headers: Record<string, string> }): Record<string, string> {
  return Object.fromEntries(Object.keys(EXPECTED_SECURITY_HEADERS).map((k) => [k, res.headers[k]!]));
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo organization', () => {
  it('is created in an empty database with every demo login, and only once', async () => {
    expect(await seedDemo(t.app, t.databaseUrl)).toBe(true);
    expect(await seedDemo(t.app, t.databaseUrl)).toBe(false);
    expect(await count(t, 'organizations')).toBe(1);
    for (const u of DEMO_USERS) {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: u.email, password: DEMO_PASSWORD })
        .expect(200);
      expect(res.body.user.role).toBe(u.role);
      expect(res.body.organization.name).toBe('Acme Robotics');
    }
  });

  it('has the Tech Lead kit, an open Tech Lead opening whose plan passes the check and a closed one', async () => {
    const login = await t.http().post('/api/v1/auth/login').send({ email: 'hm@acme.test', password: DEMO_PASSWORD });
    const token = login.body.token as string;
    const list = await t.http().get('/api/v1/openings').set(bearer(token)).expect(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Tech Lead, Platform', status: 'open' }),
        expect.objectContaining({ title: 'Tech Lead, Payments', status: 'closed' }),
      ]),
    );
    const id = await demoOpeningId(token);
    const opening = await t.http().get(`/api/v1/openings/${id}`).set(bearer(token)).expect(200);
    // No override, no warning: every competency is asked by two steps of different interviewers.
    expect(opening.body).toMatchObject({ planCheck: { ok: true, issues: [] }, planOverride: null, codingSharePct: 60 });
    expect(opening.body.plan.steps.map((s: { kind: string }) => s.kind)).toEqual([
      'assessment',
      'assessment',
      'assessment',
      'assessment',
      'candidate_questions',
    ]);
  });

  it('has candidates at several stages of the demo opening, one stuck and three interviews overdue', async () => {
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'recruiter@acme.test', password: DEMO_PASSWORD });
    const token = login.body.token as string;
    const board = await t
      .http()
      .get(`/api/v1/openings/${await demoOpeningId(token)}/board`)
      .set(bearer(token))
      .expect(200);
    const counts = Object.fromEntries(
      (board.body.columns as { stage: string; count: number }[]).map((c) => [c.stage, c.count]),
    );
    expect(counts).toMatchObject({ applied: 2, screen: 1, interviews: 6, debrief: 1, offer: 1 });
    const [late] = (await t.db.query(
      `select count(*)::int as n from scorecards s join interviews i on i.id = s.interview_id
        where s.status = 'draft' and i.feedback_due_at < now()`,
    )) as { n: number }[];
    // One on the hand-written pipeline, two for the home pages (interviewer1's and the hiring manager's).
    expect(late!.n).toBe(3);
    const [stuck] = (await t.db.query(
      `select count(*)::int as n from applications a join openings o on o.id = a.opening_id
        where o.title = 'Tech Lead, Platform' and a.stage_entered_at < now() - interval '7 days'`,
    )) as { n: number }[];
    expect(stuck!.n).toBe(1);
    // Every scorecard went in after its interview had started.
    const [early] = (await t.db.query(
      `select count(*)::int as n from scorecards s join interviews i on i.id = s.interview_id
        where s.status = 'submitted' and (i.starts_at > now() or s.submitted_at < i.starts_at)`,
    )) as { n: number }[];
    expect(early!.n).toBe(0);
  });

  it('has a real debrief: four submitted scorecards that disagree, with a dealbreaker; a candidate with feedback pending; a hire decided', async () => {
    const login = await t.http().post('/api/v1/auth/login').send({ email: 'hm@acme.test', password: DEMO_PASSWORD });
    const hm = bearer(login.body.token as string);
    const openingId = await demoOpeningId(login.body.token as string);
    const opening = (await t.http().get(`/api/v1/openings/${openingId}`).set(hm).expect(200)).body as Opening;
    const board = (await t.http().get(`/api/v1/openings/${openingId}/board`).set(hm).expect(200)).body as PipelineBoard;
    const cards = board.columns.flatMap((c) => c.cards);
    const stages = new Set(cards.map((c) => c.stage));
    expect(cards.length).toBeGreaterThanOrEqual(5);
    expect(stages.size).toBeGreaterThanOrEqual(5);

    const [debrief] = board.columns.find((c) => c.stage === 'debrief')!.cards;
    expect(debrief).toMatchObject({ scorecardsIn: 4, dealbreaker: true });
    const panel = (await t.http().get(`/api/v1/applications/${debrief!.applicationId}/scorecards`).set(hm).expect(200))
      .body as ScorecardList;
    // Four counted scorecards, and the demo's trainee (issue 24 §5) beside one of them as a shadow.
    const counted = panel.items.filter((s) => !s.shadow);
    expect(new Set(counted.map((s) => s.interviewer.id)).size).toBe(4);
    expect(panel.items.filter((s) => s.shadow).map((s) => s.interviewer.name)).toEqual(['Theo Nakamura']);
    // Each scorecard rates exactly the questions its step asked, nothing else.
    for (const s of panel.items) {
      const asked = opening.plan.steps.find((p) => p.name === s.step)!.criterionKeys;
      expect(s.ratings.every((r) => r.asked && r.rating !== null)).toBe(true);
      expect(s.ratings.map((r) => r.criterionKey).sort()).toEqual([...asked].sort());
    }
    // A disagreement on a question two interviewers both asked: 4 from one, 1 from the other, as
    // first submitted (the debrief's default view), and a yes/no split.
    const view = (
      await t
        .http()
        .get(`/api/v1/applications/${debriefOf(board)}/debrief`)
        .set(hm)
        .expect(200)
    ).body as Debrief;
    expect(view.ratingsView).toBe('independent');
    const disputed = view.competencies
      .flatMap((c) => c.criteria)
      .filter((c) => view.disagreements.criteria.includes(c.key));
    expect(disputed).toEqual([expect.objectContaining({ title: 'Code review philosophy' })]);
    expect(disputed[0]!.stat).toMatchObject({ count: 2, min: 1, max: 4 });
    // One interviewer amended his rating after reading the panel's feedback: labelled, and kept out
    // of the independent figures.
    const amended = panel.items.filter((s) => s.amendments.length > 0);
    expect(amended).toHaveLength(1);
    expect(amended[0]!.amendments).toEqual([expect.objectContaining({ afterFeedback: true })]);
    const withAmendments = (
      await t
        .http()
        .get(`/api/v1/applications/${debriefOf(board)}/debrief?ratings=with_amendments`)
        .set(hm)
        .expect(200)
    ).body as Debrief;
    const codeReview = withAmendments.competencies.flatMap((c) => c.criteria).find((c) => c.key === disputed[0]!.key);
    expect(codeReview!.stat).toMatchObject({ count: 2, min: 1, max: 2 });
    const recommendations = panel.items.map((s) => s.recommendation);
    expect(recommendations.some((r) => r === 'yes' || r === 'strong_yes')).toBe(true);
    expect(recommendations.some((r) => r === 'no' || r === 'strong_no')).toBe(true);
    // Every rating at either end of the scale and every red flag has evidence, as a real panel's would.
    for (const s of panel.items) {
      expect(s.summary.length).toBeGreaterThan(40);
      for (const r of s.ratings) if (r.rating === 1 || r.rating === 4) expect(r.evidence.length).toBeGreaterThan(40);
      for (const f of s.redFlags) expect(f.evidence.length).toBeGreaterThan(40);
    }

    const pending = board.columns.find((c) => c.stage === 'interviews')!.cards.find((c) => c.scorecardsIn === 2)!;
    expect(pending.interviews).toBe(3);

    const [offer] = board.columns.find((c) => c.stage === 'offer')!.cards;
    const hired = (await t.http().get(`/api/v1/applications/${offer!.applicationId}`).set(hm).expect(200))
      .body as Application;
    expect(hired.history.at(-1)).toMatchObject({ from: 'debrief', to: 'offer', by: { name: 'Harper Lindqvist' } });
    const decided = (await t.db.query(
      `select decision, rationale from application_decisions where application_id = $1`,
      [offer!.applicationId],
    )) as { decision: string; rationale: string }[];
    expect(decided).toEqual([{ decision: 'hire', rationale: hired.history.at(-1)!.note }]);
  });

  async function demoOpeningId(token: string): Promise<string> {
    const list = await t.http().get('/api/v1/openings').set(bearer(token)).expect(200);
    return (list.body.items as { id: string; title: string }[]).find((o) => o.title === 'Tech Lead, Platform')!.id;
  }
  const debriefOf = (board: PipelineBoard) => board.columns.find((c) => c.stage === 'debrief')!.cards[0]!.applicationId;

  it('is never created in a database that already has an organization', async () => {
    const other = await startTestApp();
    try {
      await signup(other);
      expect(await seedDemo(other.app, other.databaseUrl)).toBe(false);
      expect(await count(other, 'users')).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('is never wanted in production: asking for it there is a configuration error', () => {
    const DATABASE_URL = 'postgres://owner:secret@db/scorecard';
    expect(() =>
      loadConfig({ NODE_ENV: 'production', SECRETS_KEY: 'k'.repeat(32), DATABASE_URL, SEED_DEMO: 'true' }),
    ).toThrow(/SEED_DEMO/);
    expect(loadConfig({ NODE_ENV: 'production', SECRETS_KEY: 'k'.repeat(32), DATABASE_URL }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).seedDemo).toBe(true);
  });
});

describe('configuration', () => {
  it('names every bad value at start', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL: must be a postgres/);
    }
  });

  it('uses Secure cookies in production unless told otherwise', () => {
    expect(
      loadConfig({ NODE_ENV: 'production', SECRETS_KEY: 'k'.repeat(32), DATABASE_URL: 'postgres://owner@db/scorecard' })
        .cookieSecure,
    ).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).cookieSecure).toBe(false);
  });
});

describe('HTTP surface', () => {
  it('GET /api/health answers {"status":"ok"} when the database answers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('the OpenAPI document lists every operation of the endpoint table with its method', async () => {
    const res = await t.http().get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const [id, e] of Object.entries(endpoints) as [string, Endpoint][]) {
      const op = res.body.paths[e.path.replace(/:(\w+)/g, '{$1}')]?.[e.method];
      expect(op?.operationId).toBe(id);
    }
  });

  it('every operation of the endpoint table is routed (none answers 404 for lack of a route)', async () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    for (const e of Object.values(endpoints) as Endpoint[]) {
      expect(fastify.hasRoute({ method: e.method.toUpperCase() as 'GET', url: e.path })).toBe(true);
    }
  });

  it('sends the same security headers on every kind of answer, and echoes a request id or makes one', async () => {
    const answers = [
      await t.http().get('/api/health').set('x-request-id', 'trace-123').expect(200),
      await t.http().get('/api/v1/me').expect(401), // the guard's problem answer
      await t.http().get('/api/v1/nothing-here').expect(404), // no route
      await t.http().post('/api/v1/auth/login').set('content-type', 'application/json').send('{"email":').expect(400),
      await t.http().get('/api/openapi.json').expect(200), // a plain Fastify route
    ];
    for (const res of answers) expect(securityHeaders(res)).toEqual(EXPECTED_SECURITY_HEADERS);
    expect(answers[0]!.headers['x-request-id']).toBe('trace-123');
    for (const res of answers.slice(1)) expect(res.headers['x-request-id']).toMatch(UUID);
    expect(new Set(answers.slice(1).map((r) => r.headers['x-request-id'])).size).toBe(answers.length - 1);
  });

  it('asks browsers to keep to HTTPS (Strict-Transport-Security) only when cookies are secure', async () => {
    expect((await t.http().get('/api/health').expect(200)).headers['strict-transport-security']).toBeUndefined();
    const secure = await startTestApp({ COOKIE_SECURE: 'true' }, { sameDatabaseAs: t });
    try {
      const res = await secure.http().get('/api/v1/me').expect(401);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(securityHeaders(res)).toEqual(EXPECTED_SECURITY_HEADERS);
    } finally {
      await secure.close();
    }
  });

  it('an unknown API path answers a problem+json 404', async () => {
    const res = await t.http().get('/api/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'not_found', status: 404, requestId: expect.any(String) });
  });

  it('malformed JSON answers 400 problem+json, and a body over the limit 413', async () => {
    const bad = await t.http().post('/api/v1/auth/login').set('content-type', 'application/json').send('{"email":');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const big = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'a@b.test', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload_too_large');
  });

  it('never writes passwords, tokens or emails to the logs', async () => {
    const s = await signup(t);
    await t.http().post('/api/v1/auth/login').send({ email: s.user.email, password: PASSWORD }).expect(200);
    await t.http().get('/api/v1/users?q=secret-search').set(bearer(s.token)).expect(200);
    const logs = t.logs.join('');
    expect(logs).toContain('request completed');
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toContain(s.token);
    expect(logs).not.toContain(s.user.email);
    expect(logs).not.toContain('secret-search');
  });

  it('GET /api/health answers 503 when the database does not', async () => {
    await t.app.get(DataSource).destroy();
    const res = await t.http().get('/api/health').expect(503);
    expect(res.body.code).toBe('service_unavailable');
    await t.app.get(DataSource).initialize();
  });
});

describe('modules served beside the app (createApp imports, as the benchmark adds its constant route)', () => {
  @Controller()
  class ExtraController {
    @Route({
      method: 'get',
      path: '/api/extra/open',
      summary: 'Open',
      tag: 'system',
      access: { auth: 'public' },
      status: 200,
      response: null,
    })
    open() {
      return { status: 'ok' };
    }

    @Route({
      method: 'get',
      path: '/api/extra/admins',
      summary: 'Admins only',
      tag: 'system',
      access: { auth: 'session', roles: ['admin'] },
      status: 200,
      response: null,
    })
    admins() {
      return { for: 'admins' };
    }

    @Get('/api/extra/unlisted')
    unlisted() {
      return { leaked: true };
    }
  }

  @Module({ controllers: [ExtraController] })
  class ExtraModule {}

  it("run under the app's guard, validation, exception filter and headers", async () => {
    const x = await startTestApp({}, { imports: [ExtraModule] });
    try {
      const open = await x.http().get('/api/extra/open').expect(200);
      expect(open.body).toEqual({ status: 'ok' });
      expect(securityHeaders(open)).toEqual(EXPECTED_SECURITY_HEADERS);
      // The request pipeline's validation: the entry takes no query.
      const query = await x.http().get('/api/extra/open?x=1').expect(400);
      expect(query.body.code).toBe('validation_failed');
      // The guard: a session with the admin role.
      const anonymous = await x.http().get('/api/extra/admins').expect(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      const admin = await signup(x);
      expect((await x.http().get('/api/extra/admins').set(bearer(admin.token)).expect(200)).body).toEqual({
        for: 'admins',
      });
      // A route without an endpoint entry is refused (fail closed), and its handler never runs.
      const unlisted = await x.http().get('/api/extra/unlisted');
      expect(unlisted.status).toBe(500);
      expect(JSON.stringify(unlisted.body)).not.toContain('leaked');
    } finally {
      await x.close();
    }
  });
});
