import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { DEFAULT_SELF_ID_DIMENSIONS, type Endpoint, endpoints, type Role } from '@scorecard/contracts';
import { buildOpenApiDocument } from '../../src/openapi/document.js';
import { TECH_LEAD_KEYS } from '../../src/modules/library/tech-lead-kit.js';
import { checklistContent, PASSWORD, rubricContent, uniqueEmail } from './factories.js';
import { webhookSinkUrl } from './webhook-sink.js';
import {
  completeScorecard,
  meetingBallot,
  type LibraryKind,
  type OrgFixture,
  standing,
  type Targets,
  UNKNOWN_LINK_TOKEN,
} from './org-fixture.js';

/** A well-formed link token that no link carries (invitation, password reset, unsubscribe, feed). */
export { UNKNOWN_LINK_TOKEN };

/** One operation of the OpenAPI document, as the matrices call it. */
export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** In OpenAPI form: `/api/v1/openings/{id}`. */
  path: string;
  /** Needs no session. */
  public: boolean;
  /** Answers a stream of server-sent events. */
  stream: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the API's OpenAPI document (the one committed as docs/openapi.json), in document order. */
export function documentOperations(): Operation[] {
  const doc = buildOpenApiDocument('test');
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      // SCIM operations take an identity provider's SCIM token, never a session, and answer SCIM errors:
      // test/e2e/scim.e2e-spec.ts covers them.
      if (path.startsWith('/scim/')) continue;
      if (!op.operationId) throw new Error(`${method} ${path} has no operationId`);
      const responses = Object.values(op.responses ?? {}) as { content?: Record<string, unknown> }[];
      ops.push({
        operationId: op.operationId,
        method: method.toUpperCase() as Operation['method'],
        path,
        public: !op.security || op.security.length === 0,
        stream: responses.some((r) => Object.keys(r.content ?? {}).includes('text/event-stream')),
      });
    }
  }
  return ops;
}

/** What to send: path params, query and body; `freshSession` signs in again first (logout ends its session). */
export interface OperationRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  freshSession?: boolean;
}

/** Who calls: a member of some organization, with a role. */
export interface Caller {
  org: OrgFixture;
  role: Role;
}

/**
 * Builds the request for an operation on the objects of `o`, the target, for `c` to send (the
 * caller's token is the test's business). The role matrix, mass assignment and fuzzing target the
 * caller's own organization; the isolation matrix another's. What a write changes comes from
 * `use`: the fixture's own objects (`standing`), or fresh ones that let the request succeed.
 */
export type RequestBuilder = (o: OrgFixture, c: Caller, use: Targets) => OperationRequest | Promise<OperationRequest>;

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const page = { page: '1', pageSize: '100' };

/** Saves new content to the draft version of a rubric or checklist. */
const saveDraft =
  (kind: LibraryKind, content: () => object): RequestBuilder =>
  async (_o, _c, use) => {
    const doc = await use.document(kind);
    return { params: { id: doc.draftVersionId }, body: { content: content(), revision: doc.draftRevision } };
  };

/** Publishes the draft version of a rubric or checklist. */
const publishDraft =
  (kind: LibraryKind): RequestBuilder =>
  async (_o, _c, use) => {
    const doc = await use.document(kind);
    return { params: { id: doc.draftVersionId }, body: { revision: doc.draftRevision } };
  };

/**
 * A valid request for every operation of the OpenAPI document, by operation id: the one table the
 * isolation and role matrices, mass assignment and fuzzing all start from, and fail without. It is
 * valid when the ids in it are the caller's own (the role matrix proves that, as every role), and
 * fills every field and nested object the schema allows, so that fields can be slipped in and
 * broken at every depth. Ids of the target's members, rubric and checklist, openings, candidates,
 * applications, interviews, scorecards and imports go into the path, the query and the body; list
 * filters name the caller's own organization, so that a list shows what the caller may see.
 * Each builder runs just before its call, so unique fields (emails) are fresh every time.
 */
export const VALID_REQUESTS: Record<string, RequestBuilder> = {
  health: () => ({}),
  ready: () => ({}),
  metrics: () => ({}),
  signup: () => ({
    body: { organizationName: 'Signed Up Co', name: 'Ada Admin', email: uniqueEmail('signup'), password: PASSWORD },
  }),
  login: (_o, c) => ({ body: { email: c.org.members[c.role].email, password: PASSWORD } }),
  logout: () => ({ body: {}, freshSession: true }),
  me: () => ({}),

  listUsers: (_o, c) => ({ query: { ...page, q: c.org.marker, role: 'interviewer', active: 'true' } }),
  createUser: () => ({
    body: { name: 'New Member', email: uniqueEmail('member'), role: 'interviewer', password: PASSWORD },
  }),
  getUser: (o) => ({ params: { id: o.spare.id } }),
  // On the fixture's own spare member, who has a password: 409 not_invited (after the guard).
  resendInvitation: async (_o, _c, use) => ({ params: { id: (await use.invitee()).id }, body: {} }),
  revokeInvitation: async (_o, _c, use) => ({ params: { id: (await use.invitee()).id }, body: {} }),
  // Link tokens arrive by email: working ones on fresh targets, a well-formed unknown one on the
  // fixture's own (400 token_unknown, after the guard let the call through).
  inspectInvitation: async (_o, _c, use) => ({ body: { token: await use.linkToken('invitation') } }),
  acceptInvitation: async (_o, _c, use) => ({
    body: { token: await use.linkToken('invitation'), password: PASSWORD },
  }),
  // An address with no account: the same 202, and no email for the queue to deliver during a test.
  requestPasswordReset: () => ({ body: { email: uniqueEmail('nobody') } }),
  confirmPasswordReset: async (_o, _c, use) => ({
    body: { token: await use.linkToken('password_reset'), password: PASSWORD },
  }),
  updateUser: async (_o, _c, use) => ({
    params: { id: (await use.member()).id },
    body: { name: 'Renamed Member', role: 'interviewer', active: true },
  }),
  listPeople: (_o, c) => ({ query: { ...page, q: c.org.marker, role: 'recruiter' } }),

  listRubrics: (_o, c) => ({ query: { ...page, q: c.org.marker, archived: 'false' } }),
  createRubric: () => ({ body: { name: 'New rubric', description: 'Described.', content: rubricContent() } }),
  getRubric: (o) => ({ params: { id: o.rubric.id } }),
  updateRubric: async (_o, _c, use) => ({
    params: { id: (await use.document('rubric')).id },
    body: { name: 'Renamed rubric', description: 'Described again.', archived: false },
  }),
  duplicateRubric: (o) => ({ params: { id: o.rubric.id }, body: { name: 'Copied rubric' } }),
  startRubricDraft: (o) => ({ params: { id: o.rubric.id }, body: {} }),
  getRubricVersion: (o) => ({ params: { id: o.rubric.publishedVersionId } }),
  saveRubricVersion: saveDraft('rubric', rubricContent),
  publishRubricVersion: publishDraft('rubric'),

  listChecklists: (_o, c) => ({ query: { ...page, q: c.org.marker, archived: 'false' } }),
  createChecklist: () => ({ body: { name: 'New checklist', description: 'Described.', content: checklistContent() } }),
  getChecklist: (o) => ({ params: { id: o.checklist.id } }),
  updateChecklist: async (_o, _c, use) => ({
    params: { id: (await use.document('checklist')).id },
    body: { name: 'Renamed checklist', description: 'Described again.', archived: false },
  }),
  duplicateChecklist: (o) => ({ params: { id: o.checklist.id }, body: { name: 'Copied checklist' } }),
  startChecklistDraft: (o) => ({ params: { id: o.checklist.id }, body: {} }),
  getChecklistVersion: (o) => ({ params: { id: o.checklist.publishedVersionId } }),
  saveChecklistVersion: saveDraft('checklist', checklistContent),
  publishChecklistVersion: publishDraft('checklist'),

  listOpenings: (_o, c) => ({ query: { ...page, q: c.org.marker, status: 'open' } }),
  createOpening: (o) => ({
    body: {
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
      hiringManagerId: o.members.hiring_manager.user.id,
      recruiterId: o.members.recruiter.user.id,
      rubricVersionId: o.rubric.publishedVersionId,
      checklistVersionId: o.checklist.publishedVersionId,
      hideCandidateDetails: true,
    },
  }),
  getOpening: (o) => ({ params: { id: o.opening.id } }),
  updateOpening: async (o, _c, use) => {
    const draft = await use.draftOpening();
    return {
      params: { id: draft.id },
      body: {
        title: 'Renamed opening',
        team: 'Core',
        recruiterId: o.members.recruiter.user.id,
        compensation: { currency: 'USD', minMinor: 100, maxMinor: 200 },
        expectations: {
          technicalAuthority: 'a',
          codingTime: 'b',
          teamQuality: 'c',
          emPartnership: 'd',
          growthPath: 'e',
        },
        revision: draft.revision,
      },
    };
  },
  saveOpeningPlan: async (o, _c, use) => {
    const draft = await use.draftOpening();
    const competency = o.rubric.content.competencies[0]!;
    return {
      params: { id: draft.id },
      body: {
        steps: [
          {
            key: randomUUID(),
            name: 'Architecture',
            durationMinutes: 60,
            focusCompetencyKeys: [competency.key],
            interviewerIds: [o.members.interviewer.user.id, o.spare.id],
            criterionKeys: [competency.criteria[0]!.key],
          },
        ],
        revision: draft.revision,
      },
    };
  },
  changeOpeningStatus: async (_o, _c, use) => {
    const draft = await use.draftOpening();
    return {
      params: { id: draft.id },
      body: { status: 'open', overrideReason: 'Opened for a test, whatever its plan.', revision: draft.revision },
    };
  },

  listCandidates: (_o, c) => ({
    query: {
      ...page,
      q: c.org.candidates.applied.name,
      source: 'referral',
      stage: 'applied',
      openingId: c.org.opening.id,
      tag: c.org.marker,
      sort: 'name',
    },
  }),
  createCandidate: () => ({
    body: {
      name: 'Noor Haddad',
      email: uniqueEmail('candidate'),
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
    },
  }),
  getCandidate: (o) => ({ params: { id: o.candidates.debriefed.id } }),
  updateCandidate: async (_o, _c, use) => {
    const candidate = await use.candidate('interviewing');
    return {
      params: { id: candidate.id },
      body: {
        name: 'Renamed Candidate',
        location: 'Lisbon',
        links: { linkedin: '', github: 'https://github.com/renamed', blog: '', talks: '' },
        compensationExpectation: { currency: 'USD', amountMinor: 100 },
        tags: ['renamed'],
        revision: candidate.revision,
      },
    };
  },
  addCandidateNote: async (o, _c, use) => ({
    params: { id: (await use.candidate('interviewing')).id },
    body: { body: `Note ${o.marker}` },
  }),
  getCandidateActivity: (o) => ({ params: { id: o.candidates.debriefed.id }, query: { limit: '50' } }),
  exportCandidate: (o) => ({ params: { id: o.candidates.debriefed.id } }),
  eraseCandidate: async (_o, _c, use) => {
    const candidate = await use.candidate('erasable');
    return { params: { id: candidate.id }, body: { confirm: candidate.name } };
  },
  // An empty JSON body: the upload itself is multipart (files.e2e-spec.ts); here the guard and the 415 for JSON.
  uploadCandidateFile: (o) => ({ params: { id: o.candidates.debriefed.id }, body: {} }),
  listCandidateFiles: (o) => ({ params: { id: o.candidates.debriefed.id }, query: page }),
  downloadFile: (o) => ({ params: { id: o.file }, query: { inline: '1' } }),
  deleteFile: (o) => ({ params: { id: o.file }, body: {} }),
  createApplication: async (o, _c, use) => ({
    body: { candidateId: (await use.candidate('unapplied')).id, openingId: o.opening.id },
  }),
  getApplication: (o) => ({ params: { id: o.applications.debriefed.id } }),
  moveApplication: async (_o, _c, use) => {
    const application = await use.application('applied');
    return {
      params: { id: application.id },
      body: { to: 'screen', note: 'Looks promising.', revision: application.revision },
    };
  },
  getPipelineBoard: (o) => ({ params: { id: o.opening.id }, query: { cardsPerColumn: '50' } }),
  getBoardColumn: (o) => ({ params: { id: o.opening.id, stage: 'debrief' }, query: { limit: '20' } }),
  listApplicationInterviews: (o) => ({ params: { id: o.applications.debriefed.id }, query: page }),
  scheduleInterview: async (o, _c, use) => ({
    params: { id: (await use.application('interviewing')).id },
    body: {
      stepKey: o.opening.steps[1]!.key,
      interviewerId: o.members.interviewer.user.id,
      startsAt: inHours(24),
      durationMinutes: 60,
      feedbackDueAt: inHours(48),
    },
  }),
  updateInterview: async (_o, _c, use) => {
    const interview = await use.interview(0);
    return {
      params: { id: interview.id },
      body: { startsAt: inHours(30), durationMinutes: 45, revision: interview.revision },
    };
  },
  cancelInterview: async (_o, _c, use) => {
    const interview = await use.interview(1);
    return { params: { id: interview.id }, body: { revision: interview.revision } };
  },
  getRecruiterHome: () => ({ query: { scope: 'all', stuckDays: '1' } }),
  getInterviewerHome: () => ({ query: { timeZone: 'Europe/Paris' } }),
  getHiringManagerHome: () => ({}),

  createCandidateImport: () => ({ body: {} }),
  getCandidateImport: (o) => ({ params: { id: o.imports.staged } }),
  addCandidateImportRows: async (_o, _c, use) => ({
    params: { id: await use.stagedImport() },
    body: {
      rows: [
        { row: 3, values: { name: 'Row Three', email: uniqueEmail('row'), source: 'LinkedIn', tags: 'a;b' } },
        { row: 4, values: { name: 'Row Four', email: uniqueEmail('row'), source: 'referral' } },
      ],
    },
  }),
  commitCandidateImport: async (_o, _c, use) => ({
    params: { id: await use.stagedImport() },
    body: { skipInvalid: true },
  }),
  listCandidateImportCandidates: (o) => ({ params: { id: o.imports.committed }, query: page }),
  applyCandidateImport: (o) => ({ params: { id: o.imports.committed }, body: { openingId: o.opening.id } }),

  listMyInterviews: () => ({ query: { ...page, view: 'submitted' } }),
  getInterviewKit: (o, c) => ({ params: { id: o.interviews[c.role].id } }),
  getScorecard: (o, c) => ({ params: { id: o.interviews[c.role].scorecardId } }),
  saveScorecard: async (o, _c, use) => {
    const scorecard = await use.scorecard('draft');
    return {
      params: { id: scorecard.id },
      body: { ...completeScorecard(o.opening, 'saved'), revision: scorecard.revision },
    };
  },
  submitScorecard: async (_o, _c, use) => {
    const scorecard = await use.scorecard('saved');
    return { params: { id: scorecard.id }, body: { revision: scorecard.revision } };
  },
  amendScorecard: async (o, _c, use) => {
    const scorecard = await use.scorecard('submitted');
    return {
      params: { id: scorecard.id },
      body: {
        ...completeScorecard(o.opening, 'amended'),
        reason: 'Corrected the evidence.',
        revision: scorecard.revision,
      },
    };
  },
  listApplicationScorecards: (o) => ({ params: { id: o.applications.debriefed.id } }),
  getDebrief: (o) => ({ params: { id: o.applications.debriefed.id } }),
  getDecisionPacket: (o) => ({ params: { id: o.applications.debriefed.id } }),
  getCommitteePacket: (o) => ({
    params: { id: o.applications.debriefed.id },
    query: { anonymise: 'true', redact: 'Stanford' },
  }),
  // The external id follows the application: on the fixture's own (standing) one, the first call
  // imports and later ones answer that import unchanged; on a fresh one, each call imports.
  importScorecard: async (o, _c, use) => {
    const application = await use.application('debriefed');
    const concern = o.opening.redFlags.find((f) => f.severity === 'concern')!;
    return {
      body: {
        applicationId: application.id,
        interviewerId: o.members.interviewer.user.id,
        stepKey: o.opening.steps[0]!.key,
        source: `greenhouse ${o.marker}`,
        externalId: `ext-${application.id}`,
        submittedAt: '2025-06-01T10:00:00.000Z',
        ratings: o.opening.focus
          .flatMap((c) => c.criteria)
          .map((c) => ({ criterionKey: c.key, rating: 3, evidence: `Imported ${o.marker}` })),
        redFlags: [{ flagKey: concern.key, evidence: `Imported flag ${o.marker}` }],
        recommendation: 'yes',
        summary: `Imported summary ${o.marker}`,
      },
    };
  },
  decide: async (_o, _c, use) => {
    const application = await use.application('debriefed');
    return {
      params: { id: application.id },
      body: {
        decision: 'no_hire',
        rationale: 'Not enough leadership evidence.',
        acknowledgeDealbreakers: false,
        rejectionReason: 'leadership_gap',
        revision: application.revision,
      },
    };
  },
  debriefEvents: (o) => ({ params: { id: o.applications.debriefed.id } }),
  // Debrief meetings (issue 24 §1): the fixture's open meeting on the debriefed application, hosted
  // by the hiring manager with every member on the panel; fresh targets host it by the caller when
  // they may host. Standing, a start answers 409 (one open meeting) after the guard.
  startMeeting: async (_o, _c, use) => ({ params: { id: (await use.meetingApplication()).id }, body: {} }),
  listApplicationMeetings: (o) => ({ params: { id: o.applications.debriefed.id }, query: page }),
  getMeeting: (o) => ({ params: { id: o.meeting.id } }),
  castMeetingVote: async (o, _c, use) => ({
    params: { id: (await use.meeting('round_1')).id },
    body: meetingBallot(o.opening, 1),
  }),
  revealMeetingRound: async (_o, _c, use) => ({ params: { id: (await use.meeting('voted')).id }, body: { round: 1 } }),
  openMeetingRoundTwo: async (_o, _c, use) => ({ params: { id: (await use.meeting('discussion')).id }, body: {} }),
  cancelMeeting: async (_o, _c, use) => ({ params: { id: (await use.meeting('round_1')).id }, body: {} }),
  getComparison: (o) => ({
    params: { id: o.opening.id },
    query: { applicationIds: `${o.applications.debriefed.id},${o.applications.applied.id}` },
  }),
  getCalibration: (o) => ({
    query: { openingId: o.opening.id, from: '2020-01-01', to: '2099-12-31', includeImported: 'true' },
  }),
  getPipelineAnalytics: (o) => ({ query: { openingId: o.opening.id, from: '2020-01-01' } }),
  getQuestionBank: (o) => ({ query: { rubricId: o.questionMark.rubricId } }),
  markQuestion: (o) => ({
    params: { id: o.questionMark.rubricId },
    body: { criterionKey: o.questionMark.criterionKey, kind: 'retired', note: `Asked too often ${o.marker}` },
  }),
  getOrganizationSettings: () => ({}),
  updateOrganizationSettings: () => ({ body: { calibrationMinUnits: 10 } }),
  listAuditEvents: (_o, c) => ({
    query: {
      actor: c.org.members.recruiter.user.id,
      action: 'createCandidate',
      entityType: 'candidate',
      from: '2020-01-01',
      pageSize: '100',
    },
  }),
  listEmails: () => ({ query: { kind: 'scorecard_reminder', pageSize: '100' } }),
  getEmail: (o) => ({ params: { id: o.email } }),
  getCalendarFeed: () => ({}),
  // Writes without a body, sent an empty JSON one like logout's: anything in it is refused (400).
  enableCalendarFeed: () => ({ body: {} }),
  disableCalendarFeed: () => ({ body: {} }),
  // A feed link's token is shown once: the caller's own, turned on, on fresh targets; on the
  // fixture's own, a well-formed unknown one, which answers 404 like a revoked link.
  calendarFeed: async (_o, _c, use) => ({ params: { file: await use.calendarFeedFile() } }),
  getReminderSettings: () => ({}),
  updateReminderSettings: () => ({
    body: {
      firstHours: 2,
      repeatHours: 24,
      escalateAfter: 2,
      remindInterviewers: true,
      escalateToHiringManager: true,
      escalateToRecruiter: true,
    },
  }),
  // An interview that has ended with its draft scorecard pending; a second call within the hour
  // answers 429 reminder_too_soon (after the guard).
  remindInterviewer: async (_o, _c, use) => ({ params: { id: (await use.interview(0)).id }, body: {} }),
  getPreferences: () => ({}),
  updatePreferences: () => ({ body: { timeZone: 'Europe/Berlin', emails: { digest: false } } }),
  // An unsubscribe link's token arrives by email: a working one on fresh targets, a well-formed
  // unknown one on the fixture's own (400 token_unknown).
  describeUnsubscribe: async (_o, _c, use) => ({ query: { token: await use.linkToken('unsubscribe') } }),
  unsubscribe: async (_o, _c, use) => ({ query: { token: await use.linkToken('unsubscribe') }, body: {} }),
  // SAML (public; the fixture has no SAML connection): the metadata answers 404 sso_not_configured, the
  // ACS a 303 to /sso?error=sso_not_configured (a browser form POST; its body is form-encoded or JSON).
  listScimTokens: () => ({}),
  createScimToken: () => ({ body: { name: 'Matrix IdP' } }),
  revokeScimToken: async (_o, _c, use) => ({ params: { id: (await use.scimToken()).id }, body: {} }),
  // API tokens (admins): revoking the fixture's own token again is a no-op (204); another's is 404.
  listApiTokens: () => ({ query: page }),
  createApiToken: () => ({
    body: { name: 'Matrix machine', scopes: ['candidates:read', 'scorecards:write'], expiresAt: inHours(24 * 30) },
  }),
  revokeApiToken: (o) => ({ params: { id: o.apiToken.id }, body: {} }),
  // Webhooks (admins): the fixture's endpoint posts to a receiver in the test process that answers
  // 204 (webhook-sink.ts), so deliveries succeed at once; deletion takes the spare endpoint.
  listWebhooks: () => ({ query: page }),
  createWebhook: async () => ({
    body: { url: await webhookSinkUrl(), events: ['candidate.created'], description: 'Matrix receiver' },
  }),
  getWebhook: (o) => ({ params: { id: o.webhook.id } }),
  updateWebhook: (o) => ({ params: { id: o.webhook.id }, body: { description: 'Matrix receiver, renamed' } }),
  deleteWebhook: (o) => ({ params: { id: o.spareWebhook.id }, body: {} }),
  listWebhookDeliveries: (o) => ({ params: { id: o.webhook.id }, query: page }),
  redeliverWebhook: (o) => ({ params: { id: o.webhook.id, deliveryId: o.webhook.deliveryId }, body: {} }),
  sendTestWebhook: (o) => ({ params: { id: o.webhook.id }, body: {} }),
  // SSO connection (admins): a disabled OIDC connection. Sign-in start (public) answers 404
  // sso_not_configured for the fixture (no connection); the OIDC callback without a pending sign-in
  // a 302 to /sso?error=expired.
  getSsoConnection: () => ({}),
  updateSsoConnection: () => ({
    body: {
      protocol: 'oidc',
      enabled: false,
      allowedDomains: ['fixture.test'],
      defaultRole: 'interviewer',
      requireSso: false,
      breakGlassUserId: null,
    },
  }),
  startSso: () => ({ body: { organization: 'fixture-without-sso' } }),
  oidcCallback: () => ({ query: { code: 'matrix-code', state: 'matrix-state' } }),
  samlMetadata: () => ({ params: { organizationSlug: 'fixture-without-saml' } }),
  samlAcs: () => ({
    params: { organizationSlug: 'fixture-without-saml' },
    body: { SAMLResponse: Buffer.from('<samlp:Response/>').toString('base64'), RelayState: '/' },
  }),
  // Two-factor (anyone, their own): set-up keeps a pending secret (two-factor stays off); enabling
  // with a made-up code answers 409 without one, else 400 (a field error; the guess counts toward
  // the caller's sign-in limit); new recovery codes 409 while off; turning off while off is a no-op
  // (204). The policy (admins) is written back unchanged. The sign-in steps (public) answer 400
  // token_unknown for a well-formed unknown challenge, before anything is counted.
  getTwoFactor: () => ({}),
  setupTwoFactor: () => ({ body: {} }),
  enableTwoFactor: () => ({ body: { code: '123456' } }),
  regenerateRecoveryCodes: () => ({ body: { code: '123456' } }),
  disableTwoFactor: () => ({ body: { password: PASSWORD } }),
  getTwoFactorPolicy: () => ({}),
  updateTwoFactorPolicy: () => ({ body: { required: false } }),
  setupTwoFactorLogin: () => ({ body: { challenge: 'x'.repeat(43) } }),
  completeTwoFactorLogin: () => ({ body: { challenge: 'x'.repeat(43), code: '123456' } }),
  // Interviewer qualification (issue 24 §5): the settings written back as the defaults (admins); the
  // caller's own path; the members (deciders); a promotion of the spare member in a step's competency,
  // where they are qualified (422 not_ready_for_promotion, after the guard); starting the spare member
  // shadowing in a competency no step of the fixture focuses on (admins); a shadow beside a pending
  // interview offered the spare member, qualified in every step competency (422 training_refused).
  getQualificationSettings: () => ({}),
  updateQualificationSettings: () => ({
    body: { shadowSessions: 2, reverseShadowSessions: 2, needsCalibration: false, newInterviewersShadow: false },
  }),
  getMyQualification: () => ({}),
  listQualificationMembers: () => ({ query: { ...page, filter: 'all' } }),
  promoteInterviewer: (o) => ({ params: { id: o.spare.id }, body: { competencyKey: o.opening.focus[0]!.key } }),
  startTraining: (o) => ({
    params: { id: o.spare.id },
    body: { competencyKeys: [TECH_LEAD_KEYS.competencies.communication] },
  }),
  addTrainingSeat: async (o, _c, use) => ({
    params: { id: (await use.interview(1)).id },
    body: { mode: 'shadow', interviewerId: o.spare.id },
  }),
  // Voluntary self-identification (issue 24 §3): the questions written back as the defaults (admins);
  // a candidate's link (recruiting roles; not emailed, so no delivery changes the database later);
  // the candidate's page with a working link on fresh targets, a well-formed unknown one on the
  // fixture's own (400 token_unknown); the adverse-impact report (admins and hiring managers).
  getSelfIdSettings: () => ({}),
  updateSelfIdSettings: () => ({ body: { dimensions: DEFAULT_SELF_ID_DIMENSIONS } }),
  getSelfIdLink: (o) => ({ params: { id: o.candidates.debriefed.id } }),
  createSelfIdLink: (o) => ({ params: { id: o.candidates.debriefed.id }, body: { sendEmail: false } }),
  getSelfIdForm: async (_o, _c, use) => ({ body: { token: await use.linkToken('self_id') } }),
  submitSelfId: async (_o, _c, use) => ({
    body: {
      token: await use.linkToken('self_id'),
      answers: [
        { question: 'race_ethnicity', answer: 'asian' },
        { question: 'sex', answer: 'prefer_not_to_say' },
      ],
    },
  }),
  withdrawSelfId: async (_o, _c, use) => ({ body: { token: await use.linkToken('self_id') } }),
  getAdverseImpact: (o) => ({ query: { openingId: o.opening.id, from: '2020-01-01', minGroupSize: '5' } }),
};

/**
 * The valid request for an operation on `o`'s objects, sent by `c`; by default, its writes change
 * `o`'s own objects. Fails for an operation the table has no entry for.
 */
export async function validRequest(
  operationId: string,
  o: OrgFixture,
  c: Caller,
  use: Targets = standing(o, c.role),
): Promise<OperationRequest> {
  const build = VALID_REQUESTS[operationId];
  if (!build) throw new Error(`test/support/operations.ts has no valid request for ${operationId}: add one`);
  return build(o, c, use);
}

/**
 * What the contract's zod schemas say about a request: the list of problems, empty when params,
 * query and body all parse. A request the schemas refuse would answer 400 and prove nothing.
 */
export function contractProblems(operationId: string, req: OperationRequest): string[] {
  const endpoint = (endpoints as Record<string, Endpoint>)[operationId];
  if (!endpoint) return [`${operationId} is not in the contracts' endpoint table`];
  const problems: string[] = [];
  for (const part of ['params', 'query', 'body'] as const) {
    const schema = endpoint[part];
    const value = req[part];
    if (!schema) {
      if (value !== undefined && !(part === 'body' && typeof value === 'object' && Object.keys(value!).length === 0))
        problems.push(`${part}: the operation takes none`);
      continue;
    }
    const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
    if (!parsed.success) problems.push(`${part}: ${parsed.error.message}`);
  }
  return problems;
}

export interface Reply {
  status: number;
  contentType: string;
  /** The body as text; empty for a stream, which is closed as soon as its headers arrive. */
  text: string;
  /** The parsed body when it is JSON. */
  json: Record<string, unknown> | null;
  /** Where a redirect (3xx) sends the browser. */
  location?: string;
}

/**
 * Calls an operation over real HTTP (a fresh connection each time). A stream of server-sent events
 * is never waited on: its headers are read and the connection dropped at once.
 */
export function send(base: string, op: Operation, req: OperationRequest, token: string | null): Promise<Reply> {
  const params = Object.entries(req.params ?? {}).map(([name, value]) => [name, encodeURIComponent(value)]);
  let path = fillPath(op.path, Object.fromEntries(params) as Record<string, string>);
  if (req.query) path += `?${new URLSearchParams(req.query).toString()}`;
  const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
  const headers: Record<string, string> = { accept: op.stream ? 'text/event-stream' : 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise<Reply>((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method: op.method, headers, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      const contentType = String(res.headers['content-type'] ?? '');
      const location = res.headers.location;
      if (contentType.startsWith('text/event-stream')) {
        resolve({ status, contentType, text: '', json: null });
        request.destroy();
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let json: Record<string, unknown> | null = null;
        if (/json/.test(contentType) && text) json = JSON.parse(text) as Record<string, unknown>;
        resolve({ status, contentType, text, json, ...(location === undefined ? {} : { location }) });
      });
      res.on('error', reject);
    });
    // Nothing here should take long; a hung request fails the test instead of hanging it.
    request.setTimeout(20_000, () => request.destroy(new Error(`${op.operationId}: no answer within 20 s`)));
    request.on('error', reject);
    request.end(payload);
  });
}

/** `/api/v1/users/{id}` with its parameters filled in (as given: encode them first where needed). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return value;
  });
}
