import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Role, ROLES } from '@scorecard/contracts';
import { PASSWORD } from '../support/factories.js';
import {
  buildOrg,
  distinctiveIds,
  fingerprint,
  listen,
  queueIdle,
  tenantTables,
  type Fingerprint,
  type OrgFixture,
} from '../support/org-fixture.js';
import {
  contractProblems,
  documentOperations,
  send,
  UNKNOWN_LINK_TOKEN,
  VALID_REQUESTS,
  validRequest,
  type Caller,
  type Operation,
  type OperationRequest,
  type Reply,
} from '../support/operations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every operation of the OpenAPI document, called by every role of organization B with the ids
 * of organization A in its path, query and body (lists filter by B's own objects, and the cross
 * links below by A's). Nothing of A may come back; a foreign id answers
 * exactly what an id that exists nowhere answers: 404 in the path, 403 for a role refused before
 * any lookup, 400 naming the body field that holds it, and for a list filtered by it, the same
 * empty list; and no row of A changes.
 */

const OPERATIONS = documentOperations();

/**
 * Requests that mix B's own objects with a reference into A: the reference is what is refused.
 * The builders get A (the target) and B (the caller's organization).
 */
const CROSS_LINKS: Record<
  string,
  Record<string, (a: OrgFixture, b: OrgFixture) => OperationRequest | Promise<OperationRequest>>
> = {
  createOpening: {
    'A’s hiring manager': (a, b) => ownWith(b, 'createOpening', { hiringManagerId: a.members.hiring_manager.user.id }),
    'A’s recruiter': (a, b) => ownWith(b, 'createOpening', { recruiterId: a.members.recruiter.user.id }),
    'A’s rubric version': (a, b) => ownWith(b, 'createOpening', { rubricVersionId: a.rubric.publishedVersionId }),
    'A’s checklist version': (a, b) =>
      ownWith(b, 'createOpening', { checklistVersionId: a.checklist.publishedVersionId }),
  },
  updateOpening: {
    'B’s opening, A’s hiring manager': (a, b) => ({
      params: { id: b.draftOpening.id },
      body: { hiringManagerId: a.members.admin.user.id, revision: b.draftOpening.revision },
    }),
    'B’s opening, A’s rubric version': (a, b) => ({
      params: { id: b.draftOpening.id },
      body: { rubricVersionId: a.rubric.publishedVersionId, revision: b.draftOpening.revision },
    }),
  },
  saveOpeningPlan: {
    'B’s opening, A’s interviewer': async (a, b) => {
      const req = await validRequest('saveOpeningPlan', b, caller(b));
      const body = req.body as { steps: { interviewerIds: string[] }[] };
      body.steps[0]!.interviewerIds = [b.members.interviewer.user.id, a.members.interviewer.user.id];
      return req;
    },
  },
  createApplication: {
    'A’s candidate, B’s opening': (a, b) => ({
      body: { candidateId: a.candidates.unapplied.id, openingId: b.opening.id },
    }),
    'B’s candidate, A’s opening': (a, b) => ({
      body: { candidateId: b.candidates.unapplied.id, openingId: a.opening.id },
    }),
  },
  scheduleInterview: {
    'B’s application, A’s interviewer': (a, b) =>
      ownWith(b, 'scheduleInterview', { interviewerId: a.members.interviewer.user.id }),
    'B’s application, A’s plan step': (a, b) => ownWith(b, 'scheduleInterview', { stepKey: a.opening.steps[1]!.key }),
  },
  updateInterview: {
    'B’s interview, A’s interviewer': (a, b) => ({
      params: { id: b.pending[0]!.id },
      body: { interviewerId: a.members.interviewer.user.id, revision: b.pending[0]!.revision },
    }),
  },
  getComparison: {
    'B’s opening, one of A’s applications': (a, b) => ({
      params: { id: b.opening.id },
      query: { applicationIds: `${b.applications.debriefed.id},${a.applications.debriefed.id}` },
    }),
  },
  listCandidates: {
    'filtered by A’s opening': (a) => ({ query: { openingId: a.opening.id, pageSize: '100' } }),
  },
  listAuditEvents: {
    'filtered by A’s candidate': (a) => ({ query: { entityId: a.candidates.debriefed.id } }),
    'filtered by A’s admin': (a) => ({ query: { actor: a.members.admin.user.id } }),
  },
};

function caller(org: OrgFixture, role: Role = 'admin'): Caller {
  return { org, role };
}

/** B's own valid request for the operation, with some fields of its body changed. */
async function ownWith(b: OrgFixture, operationId: string, change: Record<string, unknown>): Promise<OperationRequest> {
  const req = await validRequest(operationId, b, caller(b));
  return { ...req, body: { ...(req.body as object), ...change } };
}

/** Operations whose answer, when the role may call them, holds some of the caller's organization's data. */
const SHOWS_B = [
  'me',
  'listUsers',
  'listPeople',
  'listRubrics',
  'listChecklists',
  'listOpenings',
  'listCandidates',
  'getRecruiterHome',
  'getInterviewerHome',
  'getHiringManagerHome',
  'listMyInterviews',
  'listAuditEvents',
];

/**
 * Operations that cannot succeed on what the matrix can send, whatever the caller's organization:
 * public SSO steps for an organization slug with no connection and without a pending sign-in,
 * the sign-in's code step with a challenge nobody was given, and the caller's own two-factor
 * settings with a code from an authenticator app the matrix does not hold. Their answer is the
 * refusal anyone gets, named here; nothing of A in it is checked like everywhere else.
 */
const REFUSED_TO_ANYONE: Record<string, { status: number; code?: string; location?: RegExp }[]> = {
  startSso: [{ status: 404, code: 'sso_not_configured' }],
  samlMetadata: [{ status: 404, code: 'sso_not_configured' }],
  // A browser's form POST and the identity provider's redirect: answered with a redirect to the web's SSO page.
  samlAcs: [{ status: 303, location: /\/sso\?error=sso_not_configured$/ }],
  oidcCallback: [{ status: 302, location: /\/sso\?error=expired$/ }],
  setupTwoFactorLogin: [{ status: 400, code: 'token_unknown' }],
  completeTwoFactorLogin: [{ status: 400, code: 'token_unknown' }],
  // After set-up (a pending secret) a made-up code is a field error on `code`; without one, a conflict.
  enableTwoFactor: [
    { status: 400, code: 'validation_failed' },
    { status: 409, code: 'conflict' },
  ],
  // Two-factor sign-in is off for B's members: there are no recovery codes to replace.
  regenerateRecoveryCodes: [{ status: 409, code: 'conflict' }],
};

/** The answer is one of the refusals `op` gives anyone (see REFUSED_TO_ANYONE). */
function refusedToAnyone(op: Operation, reply: Reply): boolean {
  return (REFUSED_TO_ANYONE[op.operationId] ?? []).some(
    (r) =>
      r.status === reply.status &&
      (r.code === undefined || reply.json?.code === r.code) &&
      (r.location === undefined || r.location.test(reply.location ?? '')),
  );
}

/** GET /api/metrics takes the scraper's bearer token, not a session. */
const METRICS_TOKEN = `matrix-metrics-${randomUUID()}`;

interface Row {
  title: string;
  op: Operation;
  role: Role;
  build: (a: OrgFixture, b: OrgFixture, role: Role) => OperationRequest | Promise<OperationRequest>;
}

const ROWS: Row[] = OPERATIONS.flatMap((op) => [
  ...ROLES.map((role) => ({
    title: `${role} of B gets nothing of A from ${op.operationId}`,
    op,
    role,
    build: (a: OrgFixture, b: OrgFixture, r: Role) => validRequest(op.operationId, a, caller(b, r)),
  })),
  ...Object.entries(CROSS_LINKS[op.operationId] ?? {}).flatMap(([label, build]) =>
    ROLES.map((role) => ({
      title: `${role} of B cannot reach A through ${op.operationId} (${label})`,
      op,
      role,
      build: (a: OrgFixture, b: OrgFixture) => build(a, b),
    })),
  ),
]);

let t: TestApp;
let base: string;
let a: OrgFixture;
let b: OrgFixture;
let tables: string[];
/** Every uuid of A's rows that no other organization holds. */
let idsOfA: Set<string>;
let before: Fingerprint;
let calls = 0;

beforeAll(async () => {
  // A's rows change only by requests: no periodic sweep (reminders of A's overdue scorecards, every
  // minute) runs, and jobs are picked up fast (see `queueIdle`).
  t = await startTestApp({ JOB_POLL_SECONDS: '0.5', QUEUE_SCHEDULES: 'false', METRICS_TOKEN });
  base = await listen(t);
  a = await buildOrg(t, 'Org A');
  b = await buildOrg(t, 'Org B');
  tables = await tenantTables(t);
  idsOfA = await distinctiveIds(t, a.organizationId, tables);
  await queueIdle(t);
  before = await fingerprint(t.db, a.organizationId, tables);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** What of A a response holds: its ids, its marker word (in every name, email and text), its sessions. */
function traces(reply: Reply): string[] {
  const text = reply.text.toLowerCase();
  const found = (text.match(UUID) ?? []).filter((id) => idsOfA.has(id));
  if (text.includes(a.marker)) found.push(`the marker ${a.marker}`);
  for (const role of ROLES) if (reply.text.includes(a.members[role].token)) found.push(`${role}'s session token`);
  return found;
}

/** Dotted paths inside a value whose text holds one of A's ids. */
function pathsToA(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return (value.match(UUID) ?? []).some((id) => idsOfA.has(id)) ? [prefix] : [];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => pathsToA(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

/** The request with each of A's ids swapped for a uuid that exists nowhere (the same one for each occurrence). */
function withUnknownIds(req: OperationRequest): OperationRequest {
  const swap = new Map<string, string>();
  const json = JSON.stringify(req).replace(UUID, (id) => {
    if (!idsOfA.has(id)) return id;
    if (!swap.has(id)) swap.set(id, randomUUID());
    return swap.get(id)!;
  });
  return JSON.parse(json) as OperationRequest;
}

async function call(op: Operation, req: OperationRequest, role: Role): Promise<Reply> {
  let token = op.operationId === 'metrics' ? METRICS_TOKEN : b.members[role].token;
  if (req.freshSession) {
    const login = await send(base, LOGIN, { body: { email: b.members[role].email, password: PASSWORD } }, null);
    token = login.json!.token as string;
  }
  calls++;
  return send(base, op, req, token);
}
const LOGIN = OPERATIONS.find((o) => o.operationId === 'login')!;

/** The parts of a problem answer that could tell one id from another. */
const problemOf = (r: Reply) => ({
  status: r.status,
  contentType: r.contentType,
  code: r.json?.code,
  title: r.json?.title,
  detail: r.json?.detail,
  errors: r.json?.errors,
});

describe('the isolation matrix', () => {
  it('has a valid request for every operation of the OpenAPI document, and for nothing else', () => {
    const documented = OPERATIONS.map((o) => o.operationId).sort();
    expect(documented.length).toBeGreaterThan(60);
    expect(Object.keys(VALID_REQUESTS).sort()).toEqual(documented);
    for (const op of Object.keys(CROSS_LINKS)) expect(documented).toContain(op);
  });

  it('starts from an organization A with rows in every table, and ids to look for', () => {
    const empty = Object.entries(before)
      .filter(([, v]) => v.rows === 0)
      .map(([table]) => table);
    expect(empty).toEqual([]);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['organizations', 'users', 'scorecards', 'candidates']));
    expect(idsOfA.size).toBeGreaterThan(100);
    for (const id of [a.organizationId, a.opening.id, a.interviews.admin.scorecardId, a.imports.staged]) {
      expect(idsOfA).toContain(id);
    }
  });

  it('would notice A’s data in an answer, and a change to any of A’s rows', async () => {
    const getDebrief = OPERATIONS.find((o) => o.operationId === 'getDebrief')!;
    const own = await send(base, getDebrief, { params: { id: a.applications.debriefed.id } }, a.members.admin.token);
    expect(own.status).toBe(200);
    expect(traces(own)).toEqual(expect.arrayContaining([a.applications.debriefed.id, `the marker ${a.marker}`]));
    await t.db
      .transaction(async (m) => {
        await m.query(`update candidates set phone = '+1 555' where organization_id = $1 and id = $2`, [
          a.organizationId,
          a.candidates.applied.id,
        ]);
        const changed = await fingerprint(m, a.organizationId, tables);
        expect(changed.candidates).not.toEqual(before.candidates);
        expect({ ...changed, candidates: before.candidates }).toEqual(before);
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
  });

  it.each(ROWS)('$title', async ({ op, role, build }) => {
    const req = await build(a, b, role);
    expect(contractProblems(op.operationId, req)).toEqual([]);
    const reply = await call(op, req, role);
    const where = { params: pathsToA(req.params), query: pathsToA(req.query), body: pathsToA(req.body) };
    const foreign = where.params.length + where.query.length + where.body.length > 0;
    const summary = { status: reply.status, body: reply.json ?? reply.text.slice(0, 300) };

    expect(traces(reply)).toEqual([]);
    expect(reply.contentType).not.toMatch(/^text\/event-stream/);
    expect(reply.status).toBeLessThan(500);

    if (!foreign) {
      // Nothing of A was named (lists, creations, the caller's own things): it runs, or the role is refused.
      const unknownLink = op.public && JSON.stringify(req).includes(UNKNOWN_LINK_TOKEN);
      if (reply.status === 403) expect(reply.json).toMatchObject({ code: 'forbidden' });
      else if (REFUSED_TO_ANYONE[op.operationId])
        expect({ ...summary, location: reply.location, refusedToAnyone: refusedToAnyone(op, reply) }).toMatchObject({
          refusedToAnyone: true,
        });
      // A public link page given a well-formed token of no link (its token is its only key).
      else if (unknownLink && reply.status === 400 && /^token_/.test(String(reply.json?.code)))
        expect(reply.json).toMatchObject({ code: 'token_unknown' });
      // A calendar feed's address is its token: a token of no feed is a file not found, as a revoked one.
      else if (unknownLink && reply.status === 404) {
        expect(reply.contentType).toMatch(/^application\/problem\+json/);
        expect(reply.json).toMatchObject({ status: 404, code: 'not_found' });
      } else
        expect({ ...summary, succeeded: reply.status >= 200 && reply.status < 300 }).toMatchObject({ succeeded: true });
      // The lists are not empty: they show B's own data, where A's would show too.
      if (SHOWS_B.includes(op.operationId) && reply.status === 200) expect(reply.text).toContain(b.marker);
      return;
    }
    // A foreign id is indistinguishable from an id that exists nowhere.
    const unknown = await call(op, withUnknownIds(req), role);
    expect(problemOf(reply)).toEqual(problemOf(unknown));
    if (reply.status >= 200 && reply.status < 300) {
      // Only a list filtered by a foreign id may answer, and then just as for an unknown id: nothing found.
      expect({ ...where, status: reply.status }).toEqual({ params: [], body: [], query: where.query, status: 200 });
      expect(reply.json).toEqual(unknown.json);
      return;
    }
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    if (reply.status === 403) {
      expect(reply.json).toMatchObject({ code: 'forbidden' });
    } else if (where.params.length > 0) {
      expect(summary).toMatchObject({ status: 404, body: { code: 'not_found' } });
    } else if (reply.status === 400) {
      // Refused for naming something that is not the caller's: each error is about a field holding one of A's ids.
      const paths = ((reply.json!.errors ?? []) as { path: string }[]).map((e) => e.path);
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.filter((path) => !where.body.some((p) => p === path || p.startsWith(`${path}.`)))).toEqual([]);
    } else {
      expect(summary).toMatchObject({ status: 404, body: { code: 'not_found' } });
    }
  });

  it('leaves every row of A as it was', async () => {
    expect(calls).toBeGreaterThan(ROWS.length);
    // Including whatever the jobs of B's calls do once they run.
    await queueIdle(t);
    expect(await fingerprint(t.db, a.organizationId, tables)).toEqual(before);
  });
});
