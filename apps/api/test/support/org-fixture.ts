import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  type Application,
  type AuthSession,
  type Candidate,
  type CandidateImport,
  type ChecklistDetail,
  type Interview,
  type Opening,
  type Role,
  type RubricDetail,
  type Scorecard,
  type User,
  ROLES,
} from '@scorecard/contracts';
import {
  bearer,
  checklistContent,
  openOpeningWithFocus,
  PASSWORD,
  rubricContent,
  type FocusedOpening,
} from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * A fully populated organization, built through the API, for the isolation and role matrices:
 * a member of every role, a rubric and a checklist of its own (each published, with a pending
 * draft), an open opening whose plan has interviews on it, candidates and applications in several
 * stages, a scorecard submitted by every member on one application (one of them amended), a
 * decision, and candidate imports (one committed, one still staged).
 */
export interface OrgFixture {
  label: string;
  /**
   * A lowercase word in every name, email, title, note and evidence the fixture writes, so that
   * any of the organization's text in a response is easy to spot.
   */
  marker: string;
  organizationId: string;
  members: Record<Role, Member>;
  /** A member nobody signs in as: the target of user reads and changes. */
  spare: User;
  rubric: VersionedDoc;
  checklist: VersionedDoc;
  /** Open, with a two-step plan; the hiring manager and recruiter members run it. */
  opening: FocusedOpening;
  /** A draft opening on the organization's own rubric and checklist: the target of opening changes. */
  draftOpening: { id: string; revision: number };
  /** `unapplied` has no application; `erasable` neither, and is the one to erase. */
  candidates: Record<
    'debriefed' | 'applied' | 'interviewing' | 'unapplied' | 'erasable',
    { id: string; name: string; revision: number }
  >;
  applications: {
    /** In debrief: every member submitted a scorecard on it, and the hiring manager decided to hold. */
    debriefed: { id: string; version: number };
    /** Just applied, no interviews. */
    applied: { id: string; version: number };
    /** In interviews, with two interviews whose draft scorecards are pending. */
    interviewing: { id: string; version: number };
  };
  /** Each member's interview on the debriefed application and their submitted scorecard. */
  interviews: Record<Role, { id: string; scorecardId: string; scorecardRevision: number }>;
  /** Scheduled interviews on the interviewing application, feedback overdue (the interviewer's drafts). */
  pending: { id: string; version: number; scorecardId: string; scorecardRevision: number }[];
  decisionId: string;
  imports: { staged: string; committed: string };
}

export interface Member {
  user: User;
  email: string;
  token: string;
}

export interface VersionedDoc {
  id: string;
  publishedVersionId: string;
  draftVersionId: string;
  draftRevision: number;
}

const HOUR = 3_600_000;

/** Sends one request as a signed-in member (or none) and fails with the answer unless it has the status. */
async function api<T>(
  t: TestApp,
  token: string | null,
  method: 'get' | 'post' | 'put' | 'patch',
  path: string,
  body: unknown,
  status: number,
): Promise<T> {
  let req = t.http()[method](path);
  if (token) req = req.set(bearer(token));
  const res = await (body === undefined ? req : req.send(body as object));
  if (res.status !== status) {
    throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}, not ${status}: ${res.text}`);
  }
  return res.body as T;
}

/** The same complete scorecard content the fixture submits: every focus criterion rated, one concern flagged. */
export function completeScorecard(opening: FocusedOpening, marker: string, rating: 2 | 3 = 3) {
  const concern = opening.redFlags.find((f) => f.severity === 'concern')!;
  return {
    ratings: opening.focus
      .flatMap((c) => c.criteria)
      .map((c) => ({ criterionKey: c.key, rating, evidence: `Evidence ${marker}` })),
    redFlags: [{ flagKey: concern.key, evidence: `Flag ${marker}` }],
    recommendation: rating === 3 ? ('yes' as const) : ('no' as const),
    summary: `Summary ${marker}`,
    notes: `Notes ${marker}`,
  };
}

const NAMES: Record<Role, string> = {
  admin: 'Ada',
  recruiter: 'Rita',
  hiring_manager: 'Hugo',
  interviewer: 'Ivan',
};

/** Builds one organization through the API (about a hundred requests, one after the other). */
export async function buildOrg(t: TestApp, label: string): Promise<OrgFixture> {
  const marker = `mk${randomBytes(5).toString('hex')}`;
  const email = (who: string) => `${who}-${marker}@example.test`;

  const session = await api<AuthSession>(
    t,
    null,
    'post',
    '/api/v1/auth/signup',
    { organizationName: `${label} ${marker}`, name: `Ada ${marker}`, email: email('ada'), password: PASSWORD },
    201,
  );
  const admin = session.token;
  const addUser = (name: string, role: Role) =>
    api<User>(
      t,
      admin,
      'post',
      '/api/v1/users',
      { name: `${name} ${marker}`, email: email(name.toLowerCase()), role, password: PASSWORD },
      201,
    );
  const adminUser = await api<User>(t, admin, 'get', `/api/v1/users/${session.user.id}`, undefined, 200);
  const members = { admin: { user: adminUser, email: adminUser.email, token: admin } } as Record<Role, Member>;
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const user = await addUser(NAMES[role], role);
    const login = await api<AuthSession>(
      t,
      null,
      'post',
      '/api/v1/auth/login',
      { email: user.email, password: PASSWORD },
      200,
    );
    members[role] = { user, email: user.email, token: login.token };
  }
  const spare = await addUser('Sam', 'interviewer');
  const hm = members.hiring_manager.token;
  const recruiter = members.recruiter.token;

  // The open opening, run by the hiring manager and recruiter members.
  const focused = await openOpeningWithFocus(t, session, { title: `Tech Lead ${marker}` });
  const current = await api<Opening>(t, admin, 'get', `/api/v1/openings/${focused.id}`, undefined, 200);
  await api(
    t,
    admin,
    'patch',
    `/api/v1/openings/${focused.id}`,
    {
      team: `Team ${marker}`,
      hiringManagerId: members.hiring_manager.user.id,
      recruiterId: members.recruiter.user.id,
      revision: current.revision,
    },
    200,
  );
  // The organization's own rubric and checklist (after the opening, which takes the first listed,
  // the built-in kit): version 1 published, version 2 a draft.
  const versioned = async (docs: string, versions: string, content: object): Promise<VersionedDoc> => {
    const created = await api<RubricDetail | ChecklistDetail>(
      t,
      hm,
      'post',
      `/api/v1/${docs}`,
      { name: `${label} ${marker}`, description: `About ${marker}`, content },
      201,
    );
    const draft = created.draft!;
    await api(t, hm, 'post', `/api/v1/${versions}/${draft.id}/publish`, { revision: draft.revision }, 200);
    const next = await api<{ id: string; revision: number }>(
      t,
      hm,
      'post',
      `/api/v1/${docs}/${created.id}/draft`,
      {},
      200,
    );
    return { id: created.id, publishedVersionId: draft.id, draftVersionId: next.id, draftRevision: next.revision };
  };
  const rubric = await versioned('rubrics', 'rubric-versions', rubricContent());
  const checklist = await versioned('red-flag-checklists', 'red-flag-checklist-versions', checklistContent());

  const draftOpening = await api<Opening>(
    t,
    hm,
    'post',
    '/api/v1/openings',
    {
      title: `Draft ${marker}`,
      level: 'staff',
      archetype: 'architecture',
      hiringManagerId: members.hiring_manager.user.id,
      recruiterId: members.recruiter.user.id,
      rubricVersionId: rubric.publishedVersionId,
      checklistVersionId: checklist.publishedVersionId,
    },
    201,
  );

  // Candidates, and their applications in several stages.
  const candidate = async (name: string) => {
    const c = await api<Candidate>(
      t,
      recruiter,
      'post',
      '/api/v1/candidates',
      {
        name: `${name} ${marker}`,
        email: email(name.toLowerCase()),
        source: 'referral',
        currentCompany: `Company ${marker}`,
        notes: `Notes ${marker}`,
        tags: [marker],
      },
      201,
    );
    return { id: c.id, name: c.name, revision: c.revision };
  };
  const candidates = {
    debriefed: await candidate('Dana'),
    applied: await candidate('Abel'),
    interviewing: await candidate('Iris'),
    unapplied: await candidate('Uma'),
    erasable: await candidate('Eve'),
  };
  const apply = (candidateId: string) =>
    api<Application>(t, recruiter, 'post', '/api/v1/applications', { candidateId, openingId: focused.id }, 201);
  const move = async (a: Application, to: string) =>
    api<Application>(
      t,
      recruiter,
      'post',
      `/api/v1/applications/${a.id}/moves`,
      { to, note: `Moved ${marker}`, version: a.version },
      200,
    );
  const schedule = (applicationId: string, interviewerId: string, startsAt: number, feedbackDueAt?: number) =>
    api<Interview>(
      t,
      recruiter,
      'post',
      `/api/v1/applications/${applicationId}/interviews`,
      {
        stepKey: focused.steps[0]!.key,
        interviewerId,
        startsAt: new Date(startsAt).toISOString(),
        ...(feedbackDueAt ? { feedbackDueAt: new Date(feedbackDueAt).toISOString() } : {}),
      },
      201,
    );

  let debriefed = await move(await move(await apply(candidates.debriefed.id), 'screen'), 'interviews');
  const applied = await apply(candidates.applied.id);
  const interviewing = await move(await move(await apply(candidates.interviewing.id), 'screen'), 'interviews');

  // Every member interviews the debriefed candidate and submits; the interviewer then amends.
  const interviews = {} as OrgFixture['interviews'];
  for (const role of ROLES) {
    const interview = await schedule(debriefed.id, members[role].user.id, Date.now() - 3 * HOUR);
    const scorecardId = interview.scorecard!.id;
    const content = completeScorecard(focused, marker, role === 'interviewer' ? 2 : 3);
    const saved = await api<Scorecard>(
      t,
      members[role].token,
      'put',
      `/api/v1/scorecards/${scorecardId}`,
      { ...content, revision: 0 },
      200,
    );
    const submitted = await api<Scorecard>(
      t,
      members[role].token,
      'post',
      `/api/v1/scorecards/${scorecardId}/submit`,
      { revision: saved.revision },
      200,
    );
    interviews[role] = { id: interview.id, scorecardId, scorecardRevision: submitted.revision };
  }
  const amended = await api<Scorecard>(
    t,
    members.interviewer.token,
    'post',
    `/api/v1/scorecards/${interviews.interviewer.scorecardId}/amendments`,
    {
      ...completeScorecard(focused, marker, 3),
      reason: `Amended ${marker}`,
      revision: interviews.interviewer.scorecardRevision,
    },
    200,
  );
  interviews.interviewer.scorecardRevision = amended.revision;
  debriefed = await move(debriefed, 'debrief');
  const decision = await api<{ id: string }>(
    t,
    hm,
    'post',
    `/api/v1/applications/${debriefed.id}/decisions`,
    { decision: 'hold', rationale: `Rationale ${marker}`, version: debriefed.version },
    201,
  );
  debriefed = await api<Application>(t, recruiter, 'get', `/api/v1/applications/${debriefed.id}`, undefined, 200);

  // Two interviews whose feedback is overdue: the interviewer's drafts, on another application.
  const pending: OrgFixture['pending'] = [];
  for (let i = 0; i < 2; i++) {
    const interview = await schedule(
      interviewing.id,
      members.interviewer.user.id,
      Date.now() - 72 * HOUR,
      Date.now() - 48 * HOUR,
    );
    pending.push({
      id: interview.id,
      version: interview.version,
      scorecardId: interview.scorecard!.id,
      scorecardRevision: 0,
    });
  }
  const draft = completeScorecard(focused, marker);
  const saved = await api<Scorecard>(
    t,
    members.interviewer.token,
    'put',
    `/api/v1/scorecards/${pending[0]!.scorecardId}`,
    { ...draft, recommendation: null, revision: 0 },
    200,
  );
  pending[0]!.scorecardRevision = saved.revision;

  // Candidate imports: one committed, one staged with an invalid row.
  const startImport = () => api<CandidateImport>(t, recruiter, 'post', '/api/v1/candidate-imports', {}, 201);
  const committed = await startImport();
  await api(
    t,
    recruiter,
    'post',
    `/api/v1/candidate-imports/${committed.id}/rows`,
    { rows: [{ row: 1, values: { name: `Cora ${marker}`, email: email('cora'), source: 'LinkedIn' } }] },
    200,
  );
  await api(t, recruiter, 'post', `/api/v1/candidate-imports/${committed.id}/commit`, {}, 200);
  const staged = await startImport();
  await api(
    t,
    recruiter,
    'post',
    `/api/v1/candidate-imports/${staged.id}/rows`,
    {
      rows: [
        { row: 1, values: { name: `Stan ${marker}`, email: email('stan'), source: 'GitHub' } },
        { row: 2, values: { name: `Nell ${marker}`, email: `not-an-email ${marker}` } },
      ],
    },
    200,
  );

  const opening = await api<Opening>(t, admin, 'get', `/api/v1/openings/${focused.id}`, undefined, 200);
  const interviewingNow = await api<Application>(
    t,
    recruiter,
    'get',
    `/api/v1/applications/${interviewing.id}`,
    undefined,
    200,
  );
  return {
    label,
    marker,
    organizationId: session.organization.id,
    members,
    spare,
    rubric,
    checklist,
    opening: { ...focused, id: opening.id },
    draftOpening: { id: draftOpening.id, revision: draftOpening.revision },
    candidates,
    applications: {
      debriefed: { id: debriefed.id, version: debriefed.version },
      applied: { id: applied.id, version: applied.version },
      interviewing: { id: interviewingNow.id, version: interviewingNow.version },
    },
    interviews,
    pending,
    decisionId: decision.id,
    imports: { staged: staged.id, committed: committed.id },
  };
}

/** The tables holding an organization's rows: every table with an `organization_id`, and `organizations`. */
export async function tenantTables(t: TestApp): Promise<string[]> {
  const rows = (await t.db.query(
    `select table_name as name from information_schema.columns
      where table_schema = 'public' and column_name = 'organization_id' order by table_name`,
  )) as { name: string }[];
  return rows.map((r) => r.name);
}

export type Fingerprint = Record<string, { rows: number; md5: string }>;

/**
 * Every row of one organization, table by table: how many, and the md5 of their JSON in order,
 * in one statement. Pass the owner connection (`t.db`), which sees every organization's rows.
 */
export async function fingerprint(
  db: Pick<TestApp['db'], 'query'>,
  organizationId: string,
  tables: string[],
): Promise<Fingerprint> {
  const parts = [
    `select 'organizations' as name, count(*)::int as rows,
            md5(coalesce(string_agg(row_to_json(x)::text, E'\\n' order by row_to_json(x)::text), '')) as md5
       from organizations x where x.id = $1`,
    ...tables.map(
      (table) =>
        `select '${table}', count(*)::int,
                md5(coalesce(string_agg(row_to_json(x)::text, E'\\n' order by row_to_json(x)::text), ''))
           from ${table} x where x.organization_id = $1`,
    ),
  ];
  const rows = (await db.query(parts.join('\nunion all\n'), [organizationId])) as {
    name: string;
    rows: number;
    md5: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, md5: r.md5 }]));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Every uuid found anywhere in the organization's rows (ids, references, keys inside JSON
 * content) that no other organization's rows hold; the built-in kit's fixed keys are shared, so
 * they drop out.
 */
export async function distinctiveIds(t: TestApp, organizationId: string, tables: string[]): Promise<Set<string>> {
  const collect = async (where: string, param: string) => {
    const found = new Set<string>();
    const queries = [
      `select row_to_json(x)::text as j from organizations x where x.id ${where} $1`,
      ...tables.map((table) => `select row_to_json(x)::text from ${table} x where x.organization_id ${where} $1`),
    ];
    const rows = (await t.db.query(queries.join('\nunion all\n'), [param])) as { j: string }[];
    for (const r of rows) for (const id of r.j.match(UUID) ?? []) found.add(id);
    return found;
  };
  const own = await collect('=', organizationId);
  const others = await collect('<>', organizationId);
  return new Set([...own].filter((id) => !others.has(id)));
}

/** Starts the app's HTTP server on a free port, for requests that must not wait for a whole body. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}
