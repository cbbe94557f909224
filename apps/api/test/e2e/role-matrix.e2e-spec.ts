import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Role, ROLES } from '@scorecard/contracts';
import { PASSWORD } from '../support/factories.js';
import { buildOrg, fingerprint, listen, queueIdle, tenantTables, type OrgFixture } from '../support/org-fixture.js';
import {
  contractProblems,
  documentOperations,
  send,
  validRequest,
  type Operation,
  type Reply,
} from '../support/operations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Who may call what, written out by hand from the product brief rather than read from the
 * contracts' endpoint table, so that it is a second, independent statement of the policy: a
 * change to the endpoint table that changes who may do what fails here until this table agrees.
 *
 * - Anyone, without a session: sign-up, sign-in, liveness, readiness and metrics (which take the
 *   scraper's METRICS_TOKEN instead); the SSO and SAML sign-in steps and the code step of a
 *   two-factor sign-in (the challenge is the key).
 * - Everyone signed in: their own two-factor settings. Admin alone: the organization's SSO
 *   connection, SCIM tokens and whether two-factor sign-in is required.
 * - Everyone signed in: their own session and interviews; a scorecard is its interviewer's; the
 *   debrief and the panel's scorecards for whoever the independence rule lets see them (checked
 *   per object, not per role).
 * - Admin: everything, and alone manages users, exports and erases candidate data, reads the
 *   audit log and changes the organization's settings (which everyone signed in may read).
 * - Hiring manager: designs the hiring kit (rubrics, red flags, openings and their plans), runs the
 *   pipeline with the recruiter, compares finalists and decides; sees calibration.
 * - Recruiter: candidates, applications, stage moves, scheduling, imports, the recruiter home and
 *   pipeline analytics; reads (never edits) the kit and openings.
 * - Interviewer: only what their own interviews need.
 * - A debrief meeting (per object): the opening's hiring manager or an admin starts and hosts it;
 *   its panel (every member submitted a scorecard on the fixture's application) votes; its host
 *   (the fixture's hiring manager) reveals and opens round 2; the host or an admin cancels.
 */
const POLICY = policyTable(`
  operation                  admin  recruiter  hiring_manager  interviewer
  health                     public
  ready                      public
  metrics                    public
  signup                     public
  login                      public
  logout                     yes    yes        yes             yes
  me                         yes    yes        yes             yes

  listUsers                  yes    no         no              no
  createUser                 yes    no         no              no
  getUser                    yes    no         no              no
  updateUser                 yes    no         no              no
  resendInvitation           yes    no         no              no
  revokeInvitation           yes    no         no              no
  inspectInvitation          public
  acceptInvitation           public
  requestPasswordReset       public
  confirmPasswordReset       public
  listPeople                 yes    yes        yes             no

  listRubrics                yes    yes        yes             no
  createRubric               yes    no         yes             no
  getRubric                  yes    yes        yes             no
  updateRubric               yes    no         yes             no
  duplicateRubric            yes    no         yes             no
  startRubricDraft           yes    no         yes             no
  getRubricVersion           yes    yes        yes             no
  saveRubricVersion          yes    no         yes             no
  publishRubricVersion       yes    no         yes             no

  listChecklists             yes    yes        yes             no
  createChecklist            yes    no         yes             no
  getChecklist               yes    yes        yes             no
  updateChecklist            yes    no         yes             no
  duplicateChecklist         yes    no         yes             no
  startChecklistDraft        yes    no         yes             no
  getChecklistVersion        yes    yes        yes             no
  saveChecklistVersion       yes    no         yes             no
  publishChecklistVersion    yes    no         yes             no

  listOpenings               yes    yes        yes             no
  createOpening              yes    no         yes             no
  getOpening                 yes    yes        yes             no
  updateOpening              yes    no         yes             no
  saveOpeningPlan            yes    no         yes             no
  changeOpeningStatus        yes    no         yes             no

  listCandidates             yes    yes        yes             no
  createCandidate            yes    yes        yes             no
  getCandidate               yes    yes        yes             no
  updateCandidate            yes    yes        yes             no
  addCandidateNote           yes    yes        yes             no
  getCandidateActivity       yes    yes        yes             no
  exportCandidate            yes    no         no              no
  eraseCandidate             yes    no         no              no
  uploadCandidateFile        yes    yes        yes             no
  listCandidateFiles         yes    yes        yes             yes
  downloadFile               yes    yes        yes             yes
  deleteFile                 yes    yes        yes             no
  createApplication          yes    yes        yes             no
  getApplication             yes    yes        yes             no
  moveApplication            yes    yes        yes             no
  getPipelineBoard           yes    yes        yes             no
  getBoardColumn             yes    yes        yes             no
  listApplicationInterviews  yes    yes        yes             no
  scheduleInterview          yes    yes        yes             no
  updateInterview            yes    yes        yes             no
  cancelInterview            yes    yes        yes             no
  getRecruiterHome           yes    yes        yes             no
  getInterviewerHome         yes    yes        yes             yes
  getHiringManagerHome       yes    no         yes             no
  createCandidateImport      yes    yes        yes             no
  getCandidateImport         yes    yes        yes             no
  addCandidateImportRows     yes    yes        yes             no
  commitCandidateImport      yes    yes        yes             no
  listCandidateImportCandidates yes  yes        yes             no
  applyCandidateImport       yes    yes        yes             no

  listMyInterviews           yes    yes        yes             yes
  getInterviewKit            yes    yes        yes             yes
  getScorecard               yes    yes        yes             yes
  saveScorecard              yes    yes        yes             yes
  submitScorecard            yes    yes        yes             yes
  amendScorecard             yes    yes        yes             yes
  listApplicationScorecards  yes    yes        yes             yes
  getDebrief                 yes    yes        yes             yes
  decide                     yes    no         yes             no
  debriefEvents              yes    yes        yes             yes
  getComparison              yes    yes        yes             no

  getCalibration             yes    no         yes             no
  getPipelineAnalytics       yes    yes        yes             no
  getQuestionBank            yes    no         yes             no
  markQuestion               yes    no         yes             no
  getOrganizationSettings    yes    yes        yes             yes
  updateOrganizationSettings yes    no         no              no
  listAuditEvents            yes    no         no              no
  listEmails                 yes    no         no              no
  getEmail                   yes    no         no              no

  getReminderSettings        yes    yes        yes             yes
  updateReminderSettings     yes    no         no              no
  remindInterviewer          yes    yes        yes             no

  getQualificationSettings   yes    yes        yes             yes
  updateQualificationSettings yes   no         no              no
  getMyQualification         yes    yes        yes             yes
  listQualificationMembers   yes    no         yes             no
  promoteInterviewer         yes    no         yes             no
  startTraining              yes    no         no              no
  addTrainingSeat            yes    yes        yes             no

  getPreferences             yes    yes        yes             yes
  updatePreferences          yes    yes        yes             yes
  describeUnsubscribe        public
  unsubscribe                public

  getCalendarFeed            yes    yes        yes             yes
  enableCalendarFeed         yes    yes        yes             yes
  disableCalendarFeed        yes    yes        yes             yes
  calendarFeed               public

  listScimTokens             yes    no         no              no
  createScimToken            yes    no         no              no
  revokeScimToken            yes    no         no              no

  listApiTokens              yes    no         no              no
  createApiToken             yes    no         no              no
  revokeApiToken             yes    no         no              no

  listWebhooks               yes    no         no              no
  createWebhook              yes    no         no              no
  getWebhook                 yes    no         no              no
  updateWebhook              yes    no         no              no
  deleteWebhook              yes    no         no              no
  listWebhookDeliveries      yes    no         no              no
  redeliverWebhook           yes    no         no              no
  sendTestWebhook            yes    no         no              no

  getSelfIdSettings          yes    no         no              no
  updateSelfIdSettings       yes    no         no              no
  getSelfIdLink              yes    yes        yes             no
  createSelfIdLink           yes    yes        yes             no
  getSelfIdForm              public
  submitSelfId               public
  withdrawSelfId             public
  getAdverseImpact           yes    no         yes             no

  importScorecard            yes    no         no              no
  getDecisionPacket          yes    yes        yes             yes
  getCommitteePacket         yes    yes        yes             yes

  startMeeting               yes    no         yes             no
  listApplicationMeetings    yes    yes        yes             yes
  getMeeting                 yes    yes        yes             yes
  castMeetingVote            yes    yes        yes             yes
  revealMeetingRound         no     no         yes             no
  openMeetingRoundTwo        no     no         yes             no
  cancelMeeting              yes    no         yes             no

  samlMetadata               public
  samlAcs                    public

  getSsoConnection           yes    no         no              no
  updateSsoConnection        yes    no         no              no
  startSso                   public
  oidcCallback               public

  getTwoFactor               yes    yes        yes             yes
  setupTwoFactor             yes    yes        yes             yes
  enableTwoFactor            yes    yes        yes             yes
  regenerateRecoveryCodes    yes    yes        yes             yes
  disableTwoFactor           yes    yes        yes             yes
  getTwoFactorPolicy         yes    no         no              no
  updateTwoFactorPolicy      yes    no         no              no
  setupTwoFactorLogin        public
  completeTwoFactorLogin     public
`);

type Access = 'public' | Record<Role, boolean>;

/** Reads the table above: a header naming the roles, then one operation a line. */
function policyTable(text: string): Record<string, Access> {
  const [header, ...lines] = text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((cells) => cells[0] !== '');
  if (header!.slice(1).join() !== ROLES.join()) throw new Error(`the header must name ${ROLES.join(', ')}`);
  const table: Record<string, Access> = {};
  for (const [operation, ...cells] of lines) {
    if (table[operation!]) throw new Error(`${operation} is listed twice`);
    if (cells.join() === 'public') table[operation!] = 'public';
    else if (cells.length === ROLES.length && cells.every((c) => c === 'yes' || c === 'no'))
      table[operation!] = Object.fromEntries(ROLES.map((r, i) => [r, cells[i] === 'yes'])) as Record<Role, boolean>;
    else throw new Error(`${operation}: write "public", or yes or no for each role`);
  }
  return table;
}

const OPERATIONS = documentOperations();
const access = (op: Operation, role: Role): boolean | undefined => {
  const row = POLICY[op.operationId];
  return row === undefined ? undefined : row === 'public' || row[role];
};

const ROWS = OPERATIONS.flatMap((op) =>
  ROLES.map((role) => ({
    op,
    role,
    allowed: access(op, role),
    title: `${role} ${access(op, role) === false ? 'may not' : 'may'} ${op.operationId}`,
  })),
);

/** GET /api/metrics takes the scraper's bearer token (whoever else calls), never a session. */
const METRICS_TOKEN = `matrix-metrics-${randomUUID()}`;

let t: TestApp;
let base: string;
let org: OrgFixture;
let tables: string[];
let calls = 0;

beforeAll(async () => {
  // The rows a refusal must leave alone change only by requests: no periodic sweep (reminders of the
  // fixture's overdue scorecards, every minute) runs, and jobs are picked up fast (see `queueIdle`).
  t = await startTestApp({ JOB_POLL_SECONDS: '0.5', QUEUE_SCHEDULES: 'false', METRICS_TOKEN });
  base = await listen(t);
  org = await buildOrg(t, 'Roles Co');
  tables = await tenantTables(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const LOGIN = OPERATIONS.find((o) => o.operationId === 'login')!;

async function call(op: Operation, role: Role | null): Promise<Reply> {
  const req = await validRequest(op.operationId, org, { org, role: role ?? 'admin' });
  expect(contractProblems(op.operationId, req)).toEqual([]);
  let token = op.operationId === 'metrics' ? METRICS_TOKEN : role ? org.members[role].token : null;
  if (role && req.freshSession) {
    const login = await send(base, LOGIN, { body: { email: org.members[role].email, password: PASSWORD } }, null);
    token = login.json!.token as string;
  }
  calls++;
  return send(base, op, req, token);
}

const summary = (r: Reply) => ({ status: r.status, body: r.json ?? r.text.slice(0, 300) });

/**
 * Operations whose one-time code comes from the caller's authenticator app (a secret the matrix does
 * not hold): a made-up code is refused after the guard, as a field error on `code` alone.
 */
const ONE_TIME_CODE = new Set(['enableTwoFactor', 'regenerateRecoveryCodes']);

/** A 400 that says only that the one-time code is wrong: the service checked it, so the guard let the call through. */
function wrongOneTimeCode(op: Operation, reply: Reply): boolean {
  if (!ONE_TIME_CODE.has(op.operationId) || reply.status !== 400 || reply.json?.code !== 'validation_failed')
    return false;
  const errors = reply.json.errors as { path?: unknown }[] | undefined;
  return Array.isArray(errors) && errors.length === 1 && errors[0]!.path === 'code';
}

/** The guard let the call through: whatever happened next (2xx, 404, 409, 422) is the operation's business. */
function expectLetThrough(op: Operation, reply: Reply) {
  const s = reply.status;
  // The requests are valid, so a 400 would mean the matrix proved nothing about this call.
  // A link's token (sent by email) is checked after the guard: token_unknown on a public link page is let through.
  const linkToken = s === 400 && /^token_/.test(String(reply.json?.code));
  const verdict =
    s === 401 || s === 403
      ? 'refused'
      : linkToken || wrongOneTimeCode(op, reply)
        ? 'let through'
        : s === 400
          ? 'invalid'
          : s >= 500
            ? 'failed'
            : 'let through';
  expect({ verdict, ...summary(reply) }).toEqual({ verdict: 'let through', ...summary(reply) });
}

async function expectRefusedUnchanged(op: Operation, role: Role | null, status: 401 | 403, code: string) {
  // The jobs of earlier, allowed calls (an email's delivery) settle first: else their changes would
  // look like the refused call's.
  await queueIdle(t);
  const before = await fingerprint(t.db, org.organizationId, tables);
  const reply = await call(op, role);
  expect(summary(reply)).toMatchObject({ status, body: { status, code } });
  expect(reply.contentType).toMatch(/^application\/problem\+json/);
  expect(await fingerprint(t.db, org.organizationId, tables)).toEqual(before);
}

describe('the role matrix', () => {
  it('states a policy for exactly the operations of the OpenAPI document', () => {
    const documented = OPERATIONS.map((o) => o.operationId).sort();
    expect(documented.length).toBeGreaterThan(60);
    expect(Object.keys(POLICY).sort()).toEqual(documented);
  });

  it('marks as public exactly the operations the document serves without a session', () => {
    const publicInPolicy = Object.keys(POLICY).filter((k) => POLICY[k] === 'public');
    const publicInDocument = OPERATIONS.filter((o) => o.public).map((o) => o.operationId);
    expect(publicInDocument.sort()).toEqual(publicInPolicy.sort());
    expect(publicInPolicy.sort()).toEqual(
      [
        'health',
        'login',
        'metrics',
        'ready',
        'signup',
        'inspectInvitation',
        'acceptInvitation',
        'requestPasswordReset',
        'confirmPasswordReset',
        'describeUnsubscribe',
        'unsubscribe',
        'calendarFeed',
        'samlMetadata',
        'samlAcs',
        'startSso',
        'oidcCallback',
        'setupTwoFactorLogin',
        'completeTwoFactorLogin',
        'getSelfIdForm',
        'submitSelfId',
        'withdrawSelfId',
      ].sort(),
    );
  });

  describe('as each role, with its own organization’s ids', () => {
    it.each(ROWS)('$title', async ({ op, role, allowed }) => {
      expect(allowed).toBeDefined();
      if (allowed) expectLetThrough(op, await call(op, role));
      else await expectRefusedUnchanged(op, role, 403, 'forbidden');
    });
  });

  describe('without a session', () => {
    it.each(
      OPERATIONS.map((op) => ({
        op,
        title: `${op.operationId} ${POLICY[op.operationId] === 'public' ? 'runs' : 'answers 401'}`,
      })),
    )('$title', async ({ op }) => {
      if (POLICY[op.operationId] === 'public') expectLetThrough(op, await call(op, null));
      else await expectRefusedUnchanged(op, null, 401, 'unauthenticated');
    });
  });

  it('made every call it meant to', () => {
    expect(calls).toBe(ROWS.length + OPERATIONS.length);
  });
});
