import { randomUUID } from 'node:crypto';
import type {
  Application,
  AuthSession,
  CandidateImport,
  ChecklistDetail,
  Interview,
  InterviewKit,
  Opening,
  RubricDetail,
  Scorecard,
  User,
} from '@scorecard/contracts';
import {
  addMember,
  bearer,
  checklistContent,
  openOpeningWithFocus,
  PASSWORD,
  rubricContent,
  signup,
  uniqueEmail,
  type FocusedOpening,
} from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * A valid request for every operation of the API, against an organization with real data: the
 * mass-assignment and fuzz tests start from these and add or break things. Write operations get
 * fresh resources of their own (a draft opening, a new application…), so that sending the valid
 * request once, as a control, succeeds and disturbs no other operation.
 */

export interface Member {
  user: User;
  token: string;
}

/** An organization with data in every part of the product, and a second one to borrow ids from. */
export interface DataOrg {
  admin: AuthSession;
  recruiter: Member;
  hiringManager: Member;
  interviewer: Member;
  /** Open, with a focused two-step plan; the admin is its hiring manager. */
  opening: FocusedOpening;
  /** A rubric and a checklist of the organization's own, each with a draft version. */
  rubric: RubricDetail;
  checklist: ChecklistDetail;
  candidateId: string;
  /** An application of `candidateId` to `opening`, with `interview` and a submitted scorecard. */
  applicationId: string;
  /** Another application to the opening, for comparisons. */
  secondApplicationId: string;
  /** The interviewer's interview of `applicationId`, with their draft scorecard. */
  interview: Interview;
  /** A scorecard of `applicationId` the interviewer submitted. */
  submittedScorecardId: string;
  /** A candidate import with a staged row. */
  importId: string;
  other: {
    admin: AuthSession;
    /** Ids of the other organization's user, opening, rubric version, candidate and application. */
    ids: string[];
  };
}

const HOUR = 3_600_000;
export const hoursFromNow = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

/** Sends a request and insists on the status, with the answer in the error message otherwise. */
export async function must<T>(
  t: TestApp,
  token: string | null,
  method: 'get' | 'post' | 'patch' | 'put' | 'delete',
  path: string,
  status: number,
  body?: unknown,
): Promise<T> {
  let req = t.http()[method](path);
  if (token) req = req.set(bearer(token));
  const res = body === undefined ? await req : await req.send(body as object);
  if (res.status !== status) {
    throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}, not ${status}: ${res.text}`);
  }
  return res.body as T;
}

export function fullCandidate(name = 'Noor Haddad') {
  return {
    name,
    email: uniqueEmail('cand'),
    phone: '+351 21 000 0000',
    location: 'Lisbon',
    currentTitle: 'Staff Engineer',
    currentCompany: 'Acme',
    links: { linkedin: 'https://linkedin.com/in/noor', github: 'https://github.com/noor', blog: '', talks: '' },
    source: 'referral',
    internal: false,
    signals: ['mentoring', 'technical_writing'],
    desiredCareerPath: 'technical',
    desiredCodingSharePct: 40,
    compensationExpectation: { currency: 'EUR', amountMinor: 12_000_000 },
    notes: 'Met at a conference.',
    tags: ['backend', 'payments'],
  };
}

async function newCandidate(t: TestApp, org: DataOrg): Promise<string> {
  return (await must<{ id: string }>(t, org.recruiter.token, 'post', '/api/v1/candidates', 201, fullCandidate())).id;
}

async function newApplication(t: TestApp, org: DataOrg, stages: string[] = []): Promise<Application> {
  let a = await must<Application>(t, org.recruiter.token, 'post', '/api/v1/applications', 201, {
    candidateId: await newCandidate(t, org),
    openingId: org.opening.id,
  });
  for (const to of stages) {
    a = await must<Application>(t, org.recruiter.token, 'post', `/api/v1/applications/${a.id}/moves`, 200, {
      to,
      note: '',
      version: a.version,
    });
  }
  return a;
}

async function schedule(t: TestApp, org: DataOrg, applicationId: string): Promise<Interview> {
  return must<Interview>(t, org.recruiter.token, 'post', `/api/v1/applications/${applicationId}/interviews`, 201, {
    stepKey: org.opening.steps[0]!.key,
    interviewerId: org.interviewer.user.id,
    startsAt: hoursFromNow(-3),
  });
}

/** A complete scorecard for the first plan step: every focus criterion rated, with a red flag. */
export function completeScorecard(org: DataOrg) {
  return {
    ratings: org.opening.focus
      .flatMap((c) => c.criteria)
      .map((c, i) => ({ criterionKey: c.key, rating: i === 0 ? 4 : 3, evidence: `Evidence ${i + 1}.` })),
    redFlags: [{ flagKey: org.opening.redFlags.find((f) => f.severity === 'concern')!.key, evidence: 'Once.' }],
    recommendation: 'yes',
    summary: 'A clear, grounded lead.',
    notes: 'Private notes.',
  };
}

async function savedScorecard(t: TestApp, org: DataOrg, applicationId: string): Promise<Scorecard> {
  const interview = await schedule(t, org, applicationId);
  const id = interview.scorecard!.id;
  const kit = await must<InterviewKit>(t, org.interviewer.token, 'get', `/api/v1/interviews/${interview.id}/kit`, 200);
  return must<Scorecard>(t, org.interviewer.token, 'put', `/api/v1/scorecards/${id}`, 200, {
    ...completeScorecard(org),
    revision: kit.scorecard.revision,
  });
}

async function submittedScorecard(t: TestApp, org: DataOrg, applicationId: string): Promise<Scorecard> {
  const saved = await savedScorecard(t, org, applicationId);
  return must<Scorecard>(t, org.interviewer.token, 'post', `/api/v1/scorecards/${saved.id}/submit`, 200, {
    revision: saved.revision,
  });
}

async function draftOpening(t: TestApp, org: DataOrg): Promise<Opening> {
  return must<Opening>(t, org.admin.token, 'post', '/api/v1/openings', 201, {
    title: 'Draft opening',
    level: 'staff',
    archetype: 'architecture',
    hiringManagerId: org.hiringManager.user.id,
    rubricVersionId: org.opening.rubricVersionId,
    checklistVersionId: org.opening.checklistVersionId,
  });
}

const newRubric = (t: TestApp, org: DataOrg) =>
  must<RubricDetail>(t, org.admin.token, 'post', '/api/v1/rubrics', 201, {
    name: `Rubric ${randomUUID().slice(0, 6)}`,
    description: 'For the tests.',
    content: rubricContent(),
  });

const newChecklist = (t: TestApp, org: DataOrg) =>
  must<ChecklistDetail>(t, org.admin.token, 'post', '/api/v1/red-flag-checklists', 201, {
    name: `Checklist ${randomUUID().slice(0, 6)}`,
    description: 'For the tests.',
    content: checklistContent(),
  });

async function newImport(t: TestApp, org: DataOrg, staged: boolean): Promise<CandidateImport> {
  const imp = await must<CandidateImport>(t, org.recruiter.token, 'post', '/api/v1/candidate-imports', 201, {});
  if (staged) {
    await must(t, org.recruiter.token, 'post', `/api/v1/candidate-imports/${imp.id}/rows`, 200, {
      rows: [{ row: 1, values: { name: 'Imported Person', email: uniqueEmail('imp'), source: 'LinkedIn' } }],
    });
  }
  return imp;
}

/** Builds the organization with data (and the other organization); about fifty requests. */
export async function createDataOrg(t: TestApp, name = 'Data Co'): Promise<DataOrg> {
  const admin = await signup(t, `${name} ${randomUUID().slice(0, 4)}`);
  const [recruiter, hiringManager, interviewer] = await Promise.all([
    addMember(t, admin, 'recruiter'),
    addMember(t, admin, 'hiring_manager'),
    addMember(t, admin, 'interviewer'),
  ]);
  const opening = await openOpeningWithFocus(t, admin, { title: `Tech Lead, ${name}` });
  const partial = { admin, recruiter, hiringManager, interviewer, opening } as DataOrg;
  const rubric = await newRubric(t, partial);
  const checklist = await newChecklist(t, partial);
  const first = await newApplication(t, partial);
  const second = await newApplication(t, partial);
  const interview = await schedule(t, partial, first.id);
  const submitted = await submittedScorecard(t, partial, first.id);
  const imp = await newImport(t, partial, true);

  const otherAdmin = await signup(t, `Other of ${name} ${randomUUID().slice(0, 4)}`);
  const otherOpening = await openOpeningWithFocus(t, otherAdmin, { title: 'Their opening' });
  const otherCandidate = await must<{ id: string }>(
    t,
    otherAdmin.token,
    'post',
    '/api/v1/candidates',
    201,
    fullCandidate('Their Candidate'),
  );
  const otherApplication = await must<{ id: string }>(t, otherAdmin.token, 'post', '/api/v1/applications', 201, {
    candidateId: otherCandidate.id,
    openingId: otherOpening.id,
  });
  return {
    ...partial,
    rubric,
    checklist,
    candidateId: first.candidate.id,
    applicationId: first.id,
    secondApplicationId: second.id,
    interview,
    submittedScorecardId: submitted.id,
    importId: imp.id,
    other: {
      admin: otherAdmin,
      ids: [
        otherAdmin.organization.id,
        otherAdmin.user.id,
        otherOpening.id,
        otherOpening.rubricVersionId,
        otherCandidate.id,
        otherApplication.id,
      ],
    },
  };
}

/** One request of an operation: its path parameters, query, body and who sends it (null: nobody). */
export interface ValidRequest {
  params: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  token: string | null;
}

export type RequestFactory = (t: TestApp, org: DataOrg) => Promise<ValidRequest>;

const asAdmin = (org: DataOrg, params: Record<string, string>, body?: unknown): ValidRequest => ({
  params,
  body,
  token: org.admin.token,
});

/**
 * A valid body for every write operation (post, patch, put, delete), by operation id, with the
 * resources it needs made fresh. Filling every nested object and array the schema allows, so that
 * fields can be slipped in at every depth. A new write operation needs an entry here: the
 * mass-assignment and fuzz tests fail until it has one.
 */
export const validWrites: Record<string, RequestFactory> = {
  signup: async () => ({
    params: {},
    body: { organizationName: 'Signed Up Co', name: 'Ada Admin', email: uniqueEmail('signup'), password: PASSWORD },
    token: null,
  }),
  login: async (_t, org) => ({ params: {}, body: { email: org.admin.user.email, password: PASSWORD }, token: null }),
  logout: async (t, org) => {
    const session = await must<AuthSession>(t, null, 'post', '/api/v1/auth/login', 200, {
      email: org.admin.user.email,
      password: PASSWORD,
    });
    return { params: {}, body: {}, token: session.token };
  },
  createUser: async (_t, org) =>
    asAdmin(org, {}, { name: 'New Member', email: uniqueEmail('member'), role: 'interviewer', password: PASSWORD }),
  updateUser: async (t, org) => {
    const member = await addMember(t, org.admin, 'recruiter');
    return asAdmin(org, { id: member.user.id }, { name: 'Renamed Member', role: 'hiring_manager', active: true });
  },

  createRubric: async (_t, org) =>
    asAdmin(org, {}, { name: 'New rubric', description: 'Described.', content: rubricContent() }),
  updateRubric: async (t, org) =>
    asAdmin(org, { id: (await newRubric(t, org)).id }, { name: 'Renamed', description: 'Changed.', archived: false }),
  duplicateRubric: async (_t, org) => asAdmin(org, { id: org.rubric.id }, { name: 'Copied rubric' }),
  startRubricDraft: async (_t, org) => asAdmin(org, { id: org.rubric.id }, {}),
  saveRubricVersion: async (t, org) => {
    const r = await newRubric(t, org);
    return asAdmin(org, { id: r.draft!.id }, { content: rubricContent(), revision: r.draft!.revision });
  },
  publishRubricVersion: async (t, org) => {
    const r = await newRubric(t, org);
    return asAdmin(org, { id: r.draft!.id }, { revision: r.draft!.revision });
  },

  createChecklist: async (_t, org) =>
    asAdmin(org, {}, { name: 'New checklist', description: 'Described.', content: checklistContent() }),
  updateChecklist: async (t, org) =>
    asAdmin(
      org,
      { id: (await newChecklist(t, org)).id },
      { name: 'Renamed', description: 'Changed.', archived: false },
    ),
  duplicateChecklist: async (_t, org) => asAdmin(org, { id: org.checklist.id }, { name: 'Copied checklist' }),
  startChecklistDraft: async (_t, org) => asAdmin(org, { id: org.checklist.id }, {}),
  saveChecklistVersion: async (t, org) => {
    const c = await newChecklist(t, org);
    return asAdmin(org, { id: c.draft!.id }, { content: checklistContent(), revision: c.draft!.revision });
  },
  publishChecklistVersion: async (t, org) => {
    const c = await newChecklist(t, org);
    return asAdmin(org, { id: c.draft!.id }, { revision: c.draft!.revision });
  },

  createOpening: async (_t, org) =>
    asAdmin(
      org,
      {},
      {
        title: 'Tech Lead, Platform',
        team: 'Platform',
        level: 'senior',
        archetype: 'player_coach',
        codingSharePct: 50,
        peopleManagement: 'some',
        decisionAuthority: 'team',
        emPartnership: 'Weekly one-to-ones.',
        compensation: { currency: 'EUR', minMinor: 10_000_000, maxMinor: 14_000_000 },
        careerPath: 'technical',
        expectations: {
          technicalAuthority: 'Owns the architecture.',
          codingTime: 'Half the week.',
          teamQuality: 'Five seniors.',
          emPartnership: 'Close.',
          growthPath: 'Staff.',
        },
        hiringManagerId: org.hiringManager.user.id,
        recruiterId: org.recruiter.user.id,
        rubricVersionId: org.opening.rubricVersionId,
        checklistVersionId: org.opening.checklistVersionId,
        hideCandidateDetails: true,
      },
    ),
  updateOpening: async (t, org) => {
    const o = await draftOpening(t, org);
    return asAdmin(
      org,
      { id: o.id },
      {
        title: 'Renamed opening',
        team: 'Core',
        compensation: { currency: 'USD', minMinor: 100, maxMinor: 200 },
        expectations: {
          technicalAuthority: 'a',
          codingTime: 'b',
          teamQuality: 'c',
          emPartnership: 'd',
          growthPath: 'e',
        },
        revision: o.revision,
      },
    );
  },
  saveOpeningPlan: async (t, org) => {
    const o = await draftOpening(t, org);
    const competency = org.opening.competencies[0]!;
    return asAdmin(
      org,
      { id: o.id },
      {
        steps: [
          {
            key: randomUUID(),
            name: 'Deep dive',
            durationMinutes: 60,
            focusCompetencyKeys: [competency.key],
            interviewerIds: [org.interviewer.user.id],
            criterionKeys: [competency.criteria[0]!.key],
          },
        ],
        revision: o.revision,
      },
    );
  },
  changeOpeningStatus: async (t, org) => {
    const o = await draftOpening(t, org);
    return asAdmin(
      org,
      { id: o.id },
      { status: 'open', overrideReason: 'Opened for a test with no plan yet.', revision: o.revision },
    );
  },

  createCandidate: async (_t, org) => asAdmin(org, {}, fullCandidate('Created Candidate')),
  updateCandidate: async (t, org) => {
    const id = await newCandidate(t, org);
    const { revision } = await must<{ revision: number }>(t, org.admin.token, 'get', `/api/v1/candidates/${id}`, 200);
    return asAdmin(
      org,
      { id },
      {
        name: 'Renamed Candidate',
        links: { linkedin: '', github: 'https://github.com/renamed', blog: '', talks: '' },
        compensationExpectation: { currency: 'USD', amountMinor: 100 },
        tags: ['renamed'],
        revision,
      },
    );
  },
  eraseCandidate: async (t, org) => asAdmin(org, { id: await newCandidate(t, org) }, { confirm: 'Noor Haddad' }),
  createApplication: async (t, org) =>
    asAdmin(org, {}, { candidateId: await newCandidate(t, org), openingId: org.opening.id }),
  moveApplication: async (t, org) => {
    const a = await newApplication(t, org);
    return asAdmin(org, { id: a.id }, { to: 'screen', note: 'Looks good.', version: a.version });
  },

  scheduleInterview: async (t, org) => {
    const a = await newApplication(t, org);
    return asAdmin(
      org,
      { id: a.id },
      {
        stepKey: org.opening.steps[0]!.key,
        interviewerId: org.interviewer.user.id,
        startsAt: hoursFromNow(24),
        durationMinutes: 60,
        feedbackDueAt: hoursFromNow(48),
      },
    );
  },
  updateInterview: async (t, org) => {
    const i = await schedule(t, org, (await newApplication(t, org)).id);
    return asAdmin(org, { id: i.id }, { startsAt: hoursFromNow(30), durationMinutes: 45, version: i.version });
  },
  cancelInterview: async (t, org) => {
    const i = await schedule(t, org, (await newApplication(t, org)).id);
    return asAdmin(org, { id: i.id }, { version: i.version });
  },

  createCandidateImport: async (_t, org) => asAdmin(org, {}, {}),
  addCandidateImportRows: async (t, org) =>
    asAdmin(
      org,
      { id: (await newImport(t, org, false)).id },
      {
        rows: [
          { row: 1, values: { name: 'Row One', email: uniqueEmail('row'), source: 'LinkedIn', tags: 'a;b' } },
          { row: 2, values: { name: 'Row Two', email: uniqueEmail('row'), source: 'referral' } },
        ],
      },
    ),
  commitCandidateImport: async (t, org) =>
    asAdmin(org, { id: (await newImport(t, org, true)).id }, { skipInvalid: false }),

  saveScorecard: async (t, org) => {
    const i = await schedule(t, org, (await newApplication(t, org)).id);
    return {
      params: { id: i.scorecard!.id },
      body: { ...completeScorecard(org), revision: 0 },
      token: org.interviewer.token,
    };
  },
  submitScorecard: async (t, org) => {
    const s = await savedScorecard(t, org, (await newApplication(t, org)).id);
    return { params: { id: s.id }, body: { revision: s.revision }, token: org.interviewer.token };
  },
  amendScorecard: async (t, org) => {
    const s = await submittedScorecard(t, org, (await newApplication(t, org)).id);
    return {
      params: { id: s.id },
      body: { ...completeScorecard(org), reason: 'I misread my notes.', revision: s.revision },
      token: org.interviewer.token,
    };
  },
  decide: async (t, org) => {
    const a = await newApplication(t, org, ['screen', 'interviews']);
    await submittedScorecard(t, org, a.id);
    const debrief = await newApplicationMoves(t, org, a.id, ['debrief']);
    return asAdmin(
      org,
      { id: a.id },
      {
        decision: 'no_hire',
        rationale: 'Not enough leadership evidence.',
        acknowledgeDealbreakers: false,
        rejectionReason: 'leadership_gap',
        version: debrief.version,
      },
    );
  },
};

async function newApplicationMoves(t: TestApp, org: DataOrg, id: string, stages: string[]): Promise<Application> {
  let a = await must<Application>(t, org.recruiter.token, 'get', `/api/v1/applications/${id}`, 200);
  for (const to of stages) {
    a = await must<Application>(t, org.recruiter.token, 'post', `/api/v1/applications/${id}/moves`, 200, {
      to,
      note: '',
      version: a.version,
    });
  }
  return a;
}

const read =
  (f: (org: DataOrg) => Omit<ValidRequest, 'token'> & { token?: string | null }): RequestFactory =>
  async (_t, org) => ({ token: org.admin.token, ...f(org) });

/** A valid request for every read operation, on the organization's existing data. */
export const validReads: Record<string, RequestFactory> = {
  health: read(() => ({ params: {}, token: null })),
  me: read(() => ({ params: {} })),
  listUsers: read(() => ({
    params: {},
    query: { page: '1', pageSize: '25', q: 'a', role: 'interviewer', active: 'true' },
  })),
  getUser: read((o) => ({ params: { id: o.interviewer.user.id } })),
  listPeople: read(() => ({ params: {}, query: { q: 'a', role: 'recruiter' } })),
  listRubrics: read(() => ({ params: {}, query: { q: 'r', archived: 'false', page: '1', pageSize: '10' } })),
  getRubric: read((o) => ({ params: { id: o.rubric.id } })),
  getRubricVersion: read((o) => ({ params: { id: o.rubric.draft!.id } })),
  listChecklists: read(() => ({ params: {}, query: { q: 'c', archived: 'false' } })),
  getChecklist: read((o) => ({ params: { id: o.checklist.id } })),
  getChecklistVersion: read((o) => ({ params: { id: o.checklist.draft!.id } })),
  listOpenings: read(() => ({ params: {}, query: { q: 'tech', status: 'open' } })),
  getOpening: read((o) => ({ params: { id: o.opening.id } })),
  listCandidates: read((o) => ({
    params: {},
    query: { q: 'noor', source: 'referral', stage: 'applied', openingId: o.opening.id, tag: 'backend', sort: 'name' },
  })),
  getCandidate: read((o) => ({ params: { id: o.candidateId } })),
  exportCandidate: read((o) => ({ params: { id: o.candidateId } })),
  getApplication: read((o) => ({ params: { id: o.applicationId } })),
  getPipelineBoard: read((o) => ({ params: { id: o.opening.id }, query: { cardsPerColumn: '50' } })),
  listApplicationInterviews: read((o) => ({ params: { id: o.applicationId }, query: { page: '1' } })),
  getRecruiterHome: read(() => ({ params: {}, query: { stuckDays: '7', scope: 'all' } })),
  getCandidateImport: read((o) => ({ params: { id: o.importId } })),
  listMyInterviews: read((o) => ({ params: {}, query: { view: 'awaiting' }, token: o.interviewer.token })),
  getInterviewKit: read((o) => ({ params: { id: o.interview.id }, token: o.interviewer.token })),
  getScorecard: read((o) => ({ params: { id: o.submittedScorecardId } })),
  listApplicationScorecards: read((o) => ({ params: { id: o.applicationId } })),
  getDebrief: read((o) => ({ params: { id: o.applicationId } })),
  debriefEvents: read((o) => ({ params: { id: o.applicationId } })),
  getComparison: read((o) => ({
    params: { id: o.opening.id },
    query: { applicationIds: `${o.applicationId},${o.secondApplicationId}` },
  })),
  getCalibration: read((o) => ({
    params: {},
    query: { openingId: o.opening.id, from: '2020-01-01', to: '2099-12-31' },
  })),
  getPipelineAnalytics: read((o) => ({ params: {}, query: { openingId: o.opening.id, from: '2020-01-01' } })),
  listAuditEvents: read((o) => ({
    params: {},
    query: {
      actor: o.admin.user.id,
      action: 'createCandidate',
      entityType: 'candidate',
      from: '2020-01-01',
      pageSize: '10',
    },
  })),
};

/** Every table of the application's schema, with an md5 of its rows: equal fingerprints, same data. */
export async function fingerprint(t: TestApp): Promise<Record<string, string>> {
  const tables = (await t.db.query(
    `select tablename from pg_tables where schemaname = 'public' and tablename <> 'typeorm_migrations' order by 1`,
  )) as { tablename: string }[];
  const sql = tables
    .map(
      ({ tablename }) =>
        `select '${tablename}' as t, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as h from "${tablename}" x`,
    )
    .join(' union all ');
  const rows = (await t.db.query(sql)) as { t: string; h: string }[];
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The whole data of the schema as text, for searching it for a value. */
export async function dumpText(t: TestApp): Promise<string> {
  const tables = (await t.db.query(
    `select tablename from pg_tables where schemaname = 'public' and tablename <> 'typeorm_migrations'`,
  )) as { tablename: string }[];
  const parts = await Promise.all(
    tables.map(
      async ({ tablename }) =>
        (
          (await t.db.query(`select coalesce(string_agg(x::text, E'\\n'), '') as s from "${tablename}" x`)) as {
            s: string;
          }[]
        )[0]!.s,
    ),
  );
  return parts.join('\n');
}

/** `/api/v1/users/{id}` with its parameters filled in. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return v;
  });
}
