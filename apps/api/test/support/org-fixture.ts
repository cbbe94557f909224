import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Secret, TOTP } from 'otpauth';
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
  type SsoConnection,
  type Stage,
  type User,
  DEFAULT_SELF_ID_DIMENSIONS,
  ROLES,
  WEBHOOK_EVENT_TYPES,
} from '@scorecard/contracts';
import {
  bearer,
  checklistContent,
  openOpeningWithFocus,
  PASSWORD,
  rubricContent,
  signup,
  uniqueEmail,
  type FocusedOpening,
} from './factories.js';
import { startSamlIdp } from './saml-idp.js';
import type { TestApp } from './test-app.js';
import { Db } from '../../src/database/db.js';
import { UserTokensService } from '../../src/modules/tokens/user-tokens.service.js';
import { webhookSinkUrl } from './webhook-sink.js';
import { TECH_LEAD_KEYS } from '../../src/modules/library/tech-lead-kit.js';

/**
 * A fully populated organization, built through the API, for the security tests (the isolation
 * and role matrices, mass assignment, fuzzing): a member of every role, a rubric and a checklist
 * of its own (each published, with a pending draft), an open opening whose plan has interviews on
 * it, candidates and applications in several stages, a scorecard submitted by every member on one
 * application (one of them amended), a decision, and candidate imports (one committed, one still
 * staged).
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
  /** A SCIM token of the organization (never used): the target of token revocation. */
  scimToken: { id: string };
  /** An API token of the organization (never used): the target of API token revocation. */
  apiToken: { id: string };
  /** A webhook endpoint subscribed to every event (a receiver that answers 204), with a test delivery. */
  webhook: { id: string; deliveryId: string };
  /** Another webhook endpoint: the target of deletion. */
  spareWebhook: { id: string };
  rubric: VersionedDoc<ReturnType<typeof rubricContent>>;
  checklist: VersionedDoc<ReturnType<typeof checklistContent>>;
  /** Open, with a two-step plan; the hiring manager and recruiter members run it. */
  opening: FocusedOpening;
  /** A draft opening on the organization's own rubric and checklist: the target of opening changes. */
  draftOpening: Revised;
  /** `unapplied` has no application; `erasable` neither, and is the one to erase. */
  candidates: Record<'debriefed' | 'applied' | 'interviewing' | 'unapplied' | 'erasable', CandidateRef>;
  applications: {
    /** In debrief: every member submitted a scorecard on it, and the hiring manager decided to hold. */
    debriefed: Revised;
    /** Just applied, no interviews. */
    applied: Revised;
    /** In interviews, with two interviews whose draft scorecards are pending. */
    interviewing: Revised;
  };
  /** Each member's interview on the debriefed application and their submitted scorecard. */
  interviews: Record<Role, { id: string; scorecardId: string; scorecardRevision: number }>;
  /** Scheduled interviews on the interviewing application, feedback overdue (the interviewer's drafts). */
  pending: { id: string; revision: number; scorecardId: string; scorecardRevision: number }[];
  decisionId: string;
  /** An open debrief meeting on the debriefed application, hosted by the hiring manager, who voted (issue 24 §1). */
  meeting: { id: string };
  /**
   * A question of the opening's (built-in) rubric marked possibly leaked, which drafted that rubric's
   * next version without it (issue 24 §4); `criterionKey` is another question of it, still in the draft.
   */
  questionMark: { rubricId: string; markedKey: string; criterionKey: string };
  imports: { staged: string; committed: string };
  /** A text file on the debriefed candidate, uploaded by the recruiter (its content names the marker). */
  file: string;
  /** The email of a manual scorecard reminder (to the interviewer, about the second pending interview). */
  email: string;
}

export interface Member {
  user: User;
  email: string;
  token: string;
}

/** A rubric or checklist with a pending draft. */
export interface DraftDoc {
  id: string;
  draftVersionId: string;
  draftRevision: number;
}

/** A rubric or checklist whose version 1 (`content`) is published, with version 2 a draft. */
export interface VersionedDoc<C> extends DraftDoc {
  publishedVersionId: string;
  content: C;
}

export type Revised = { id: string; revision: number };
export type CandidateRef = { id: string; name: string; revision: number };

const HOUR = 3_600_000;
const LIBRARY = {
  rubric: { docs: 'rubrics', versions: 'rubric-versions', content: rubricContent },
  checklist: { docs: 'red-flag-checklists', versions: 'red-flag-checklist-versions', content: checklistContent },
} as const;
/** The kinds of document in the hiring kit's library. */
export type LibraryKind = keyof typeof LIBRARY;

/** Sends one request as a signed-in member (or nobody) and fails with the answer unless it has the status. */
export async function must<T>(
  t: TestApp,
  token: string | null,
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  status: number,
  body?: unknown,
): Promise<T> {
  let req = t.http()[method](path);
  if (token) req = req.set(bearer(token));
  const res = await (body === undefined ? req : req.send(body as object));
  if (res.status !== status) {
    throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}, not ${status}: ${res.text}`);
  }
  return res.body as T;
}

/** A debrief meeting vote: every competency of the opening's rubric rated 3, and a yes. */
export function meetingBallot(opening: FocusedOpening, round: 1 | 2) {
  return {
    round,
    recommendation: 'yes' as const,
    ratings: opening.competencies.map((c) => ({ competencyKey: c.key, rating: 3 })),
  };
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

// The steps the fixture is built from, and fresh objects are made with (`fresh` below): each
// writes the organization's marker into every name and text.

const markedEmail = (marker: string, who: string) =>
  uniqueEmail(`${who.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${marker}`);

const addUser = (t: TestApp, admin: string, marker: string, name: string, role: Role) =>
  must<User>(t, admin, 'post', '/api/v1/users', 201, {
    name: `${name} ${marker}`,
    email: markedEmail(marker, name),
    role,
    password: PASSWORD,
  });

/** A rubric or checklist of the organization's own, version 1 a draft. */
async function newDocument(
  t: TestApp,
  token: string,
  kind: LibraryKind,
  name: string,
  marker: string,
  content: object,
): Promise<DraftDoc> {
  const created = await must<RubricDetail | ChecklistDetail>(t, token, 'post', `/api/v1/${LIBRARY[kind].docs}`, 201, {
    name: `${name} ${marker}`,
    description: `About ${marker}`,
    content,
  });
  return { id: created.id, draftVersionId: created.draft!.id, draftRevision: created.draft!.revision };
}

/** A draft opening run by the hiring manager and recruiter members, on the organization's own rubric and checklist. */
async function newDraftOpening(
  t: TestApp,
  o: Pick<OrgFixture, 'marker' | 'members' | 'rubric' | 'checklist'>,
): Promise<Revised> {
  const opening = await must<Opening>(t, o.members.hiring_manager.token, 'post', '/api/v1/openings', 201, {
    title: `Draft ${o.marker}`,
    level: 'staff',
    archetype: 'architecture',
    hiringManagerId: o.members.hiring_manager.user.id,
    recruiterId: o.members.recruiter.user.id,
    rubricVersionId: o.rubric.publishedVersionId,
    checklistVersionId: o.checklist.publishedVersionId,
  });
  return { id: opening.id, revision: opening.revision };
}

async function newCandidate(t: TestApp, recruiter: string, marker: string, name: string): Promise<CandidateRef> {
  const c = await must<Candidate>(t, recruiter, 'post', '/api/v1/candidates', 201, {
    name: `${name} ${marker}`,
    email: markedEmail(marker, name),
    source: 'referral',
    currentCompany: `Company ${marker}`,
    notes: `Notes ${marker}`,
    tags: [marker],
  });
  return { id: c.id, name: c.name, revision: c.revision };
}

const move = (t: TestApp, recruiter: string, marker: string, a: Revised, to: Stage) =>
  must<Application>(t, recruiter, 'post', `/api/v1/applications/${a.id}/moves`, 200, {
    to,
    note: `Moved ${marker}`,
    revision: a.revision,
  });

/** Applies the candidate to the opening, and moves the application through `stages`. */
async function newApplication(
  t: TestApp,
  recruiter: string,
  marker: string,
  candidateId: string,
  openingId: string,
  stages: Stage[] = [],
): Promise<Application> {
  let a = await must<Application>(t, recruiter, 'post', '/api/v1/applications', 201, { candidateId, openingId });
  for (const to of stages) a = await move(t, recruiter, marker, a, to);
  return a;
}

/** An interview of the opening's first step (its draft scorecard with it). */
const schedule = (
  t: TestApp,
  recruiter: string,
  opening: FocusedOpening,
  applicationId: string,
  interviewerId: string,
  startsAt: number,
  feedbackDueAt?: number,
) =>
  must<Interview>(t, recruiter, 'post', `/api/v1/applications/${applicationId}/interviews`, 201, {
    stepKey: opening.steps[0]!.key,
    interviewerId,
    startsAt: new Date(startsAt).toISOString(),
    ...(feedbackDueAt ? { feedbackDueAt: new Date(feedbackDueAt).toISOString() } : {}),
  });

/** Its interviewer saves a new scorecard (at revision 0), and submits it unless `until` is `saved`. */
async function fillScorecard(
  t: TestApp,
  token: string,
  id: string,
  content: object,
  until: 'saved' | 'submitted',
): Promise<Scorecard> {
  const saved = await must<Scorecard>(t, token, 'put', `/api/v1/scorecards/${id}`, 200, { ...content, revision: 0 });
  if (until === 'saved') return saved;
  return must<Scorecard>(t, token, 'post', `/api/v1/scorecards/${id}/submit`, 200, { revision: saved.revision });
}

/** A candidate import with these rows staged. */
async function newImport(t: TestApp, recruiter: string, rows: object[]): Promise<string> {
  const created = await must<CandidateImport>(t, recruiter, 'post', '/api/v1/candidate-imports', 201, {});
  await must(t, recruiter, 'post', `/api/v1/candidate-imports/${created.id}/rows`, 200, { rows });
  return created.id;
}

const importRow = (row: number, marker: string, name: string, source: string) => ({
  row,
  values: { name: `${name} ${marker}`, email: markedEmail(marker, name), source },
});

/** Builds one organization through the API (about a hundred requests, one after the other). */
export async function buildOrg(t: TestApp, label: string): Promise<OrgFixture> {
  const marker = `mk${randomBytes(5).toString('hex')}`;

  const session = await must<AuthSession>(t, null, 'post', '/api/v1/auth/signup', 201, {
    organizationName: `${label} ${marker}`,
    name: `Ada ${marker}`,
    email: markedEmail(marker, 'ada'),
    password: PASSWORD,
  });
  const admin = session.token;
  const adminUser = await must<User>(t, admin, 'get', `/api/v1/users/${session.user.id}`, 200);
  const members = { admin: { user: adminUser, email: adminUser.email, token: admin } } as Record<Role, Member>;
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const user = await addUser(t, admin, marker, NAMES[role], role);
    const login = await must<AuthSession>(t, null, 'post', '/api/v1/auth/login', 200, {
      email: user.email,
      password: PASSWORD,
    });
    members[role] = { user, email: user.email, token: login.token };
  }
  const spare = await addUser(t, admin, marker, 'Sam', 'interviewer');
  const scimToken = await must<{ id: string }>(t, admin, 'post', '/api/v1/scim-tokens', 201, { name: `IdP ${marker}` });
  const apiToken = await must<{ id: string }>(t, admin, 'post', '/api/v1/api-tokens', 201, {
    name: `Machine ${marker}`,
    scopes: ['candidates:read'],
  });
  const webhookBody = { url: await webhookSinkUrl(), events: [...WEBHOOK_EVENT_TYPES], description: `Sink ${marker}` };
  const webhook = await must<{ id: string }>(t, admin, 'post', '/api/v1/webhooks', 201, webhookBody);
  const webhookDelivery = await must<{ id: string }>(t, admin, 'post', `/api/v1/webhooks/${webhook.id}/test`, 202, {});
  // Made with an Idempotency-Key, so that idempotency_keys has a row of the organization.
  const spareWebhookAnswer = await t
    .http()
    .post('/api/v1/webhooks')
    .set(bearer(admin))
    .set('idempotency-key', `fixture-${marker}`)
    .send({ ...webhookBody, events: ['candidate.erased'] });
  if (spareWebhookAnswer.status !== 201) throw new Error(`the spare webhook answered ${spareWebhookAnswer.status}`);
  const spareWebhook = spareWebhookAnswer.body as { id: string };
  // A password-reset link of the spare member (never used), so that user_tokens has a row of the organization.
  await t.app.get(Db).asTenant(session.organization.id, () =>
    t.app.get(UserTokensService).issue({
      organizationId: session.organization.id,
      userId: spare.id,
      purpose: 'password_reset',
      ttlSeconds: 3600,
    }),
  );
  await enterpriseAccessRows(t, admin, spare);
  const hm = members.hiring_manager.token;
  const recruiter = members.recruiter.token;

  // The open opening, run by the hiring manager and recruiter members.
  const focused = await openOpeningWithFocus(t, session, { title: `Tech Lead ${marker}` });
  const current = await must<Opening>(t, admin, 'get', `/api/v1/openings/${focused.id}`, 200);
  await must(t, admin, 'patch', `/api/v1/openings/${focused.id}`, 200, {
    team: `Team ${marker}`,
    hiringManagerId: members.hiring_manager.user.id,
    recruiterId: members.recruiter.user.id,
    revision: current.revision,
  });
  // The organization's own rubric and checklist (after the opening, which takes the first listed,
  // the built-in kit): version 1 published, version 2 a draft.
  const published = async <C extends object>(kind: LibraryKind, content: C): Promise<VersionedDoc<C>> => {
    const doc = await newDocument(t, hm, kind, label, marker, content);
    await must(t, hm, 'post', `/api/v1/${LIBRARY[kind].versions}/${doc.draftVersionId}/publish`, 200, {
      revision: doc.draftRevision,
    });
    const next = await must<Revised>(t, hm, 'post', `/api/v1/${LIBRARY[kind].docs}/${doc.id}/draft`, 200, {});
    return {
      id: doc.id,
      publishedVersionId: doc.draftVersionId,
      draftVersionId: next.id,
      draftRevision: next.revision,
      content,
    };
  };
  const rubric = await published('rubric', rubricContent());
  const checklist = await published('checklist', checklistContent());
  const draftOpening = await newDraftOpening(t, { marker, members, rubric, checklist });

  // Candidates, and their applications in several stages.
  const candidates = {
    debriefed: await newCandidate(t, recruiter, marker, 'Dana'),
    applied: await newCandidate(t, recruiter, marker, 'Abel'),
    interviewing: await newCandidate(t, recruiter, marker, 'Iris'),
    unapplied: await newCandidate(t, recruiter, marker, 'Uma'),
    erasable: await newCandidate(t, recruiter, marker, 'Eve'),
  };
  await must(t, recruiter, 'post', `/api/v1/candidates/${candidates.debriefed.id}/notes`, 201, {
    body: `Note ${marker}`,
  });
  const apply = (c: CandidateRef, stages: Stage[] = []) =>
    newApplication(t, recruiter, marker, c.id, focused.id, stages);
  let debriefed = await apply(candidates.debriefed, ['screen', 'interviews']);
  const applied = await apply(candidates.applied);
  const interviewing = await apply(candidates.interviewing, ['screen', 'interviews']);

  // Every member interviews the debriefed candidate and submits; the interviewer then amends.
  const interviews = {} as OrgFixture['interviews'];
  for (const role of ROLES) {
    const interview = await schedule(t, recruiter, focused, debriefed.id, members[role].user.id, Date.now() - 3 * HOUR);
    const scorecardId = interview.scorecard!.id;
    const content = completeScorecard(focused, marker, role === 'interviewer' ? 2 : 3);
    const submitted = await fillScorecard(t, members[role].token, scorecardId, content, 'submitted');
    interviews[role] = { id: interview.id, scorecardId, scorecardRevision: submitted.revision };
  }
  // Everyone reads the debrief (recorded in feedback_views), the interviewer before amending.
  for (const role of ROLES) {
    await must(t, members[role].token, 'get', `/api/v1/applications/${debriefed.id}/debrief`, 200);
  }
  const amended = await must<Scorecard>(
    t,
    members.interviewer.token,
    'post',
    `/api/v1/scorecards/${interviews.interviewer.scorecardId}/amendments`,
    200,
    {
      ...completeScorecard(focused, marker, 3),
      reason: `Amended ${marker}`,
      revision: interviews.interviewer.scorecardRevision,
    },
  );
  interviews.interviewer.scorecardRevision = amended.revision;
  debriefed = await move(t, recruiter, marker, debriefed, 'debrief');
  const decision = await must<{ id: string }>(t, hm, 'post', `/api/v1/applications/${debriefed.id}/decisions`, 201, {
    decision: 'hold',
    rationale: `Rationale ${marker}`,
    revision: debriefed.revision,
  });
  debriefed = await must<Application>(t, recruiter, 'get', `/api/v1/applications/${debriefed.id}`, 200);
  // A debrief meeting on it, hosted by the hiring manager (every member is on its panel), who voted.
  const meeting = await must<{ id: string }>(t, hm, 'post', `/api/v1/applications/${debriefed.id}/meetings`, 201, {});
  await must(t, hm, 'put', `/api/v1/meetings/${meeting.id}/votes/mine`, 200, meetingBallot(focused, 1));

  // Two interviews whose feedback is overdue: the interviewer's drafts, on another application.
  const pending: OrgFixture['pending'] = [];
  for (let i = 0; i < 2; i++) {
    const interview = await schedule(
      t,
      recruiter,
      focused,
      interviewing.id,
      members.interviewer.user.id,
      Date.now() - 72 * HOUR,
      Date.now() - 48 * HOUR,
    );
    pending.push({
      id: interview.id,
      revision: interview.revision,
      scorecardId: interview.scorecard!.id,
      scorecardRevision: 0,
    });
  }
  const draft = { ...completeScorecard(focused, marker), recommendation: null };
  const saved = await fillScorecard(t, members.interviewer.token, pending[0]!.scorecardId, draft, 'saved');
  pending[0]!.scorecardRevision = saved.revision;

  // A question of the built-in rubric marked possibly leaked (issue 24 §4): its next version is drafted without it.
  const builtIn = await must<{ documentId: string }>(
    t,
    hm,
    'get',
    `/api/v1/rubric-versions/${focused.rubricVersionId}`,
    200,
  );
  const questionMark = {
    rubricId: builtIn.documentId,
    markedKey: focused.competencies[3]!.criteria[3]!.key,
    criterionKey: focused.competencies[3]!.criteria[2]!.key,
  };
  await must(t, hm, 'post', `/api/v1/rubrics/${questionMark.rubricId}/question-marks`, 201, {
    criterionKey: questionMark.markedKey,
    kind: 'possibly_leaked',
    note: `Seen online ${marker}`,
  });

  // Issue 24 §3: the organization's self-identification questions, a link for the candidate with no
  // application and their answers through it (self_id_settings, self_id_links, self_id_answers).
  await must(t, admin, 'put', '/api/v1/organization/self-id', 200, { dimensions: DEFAULT_SELF_ID_DIMENSIONS });
  const selfIdLink = await must<{ url: string }>(
    t,
    recruiter,
    'post',
    `/api/v1/candidates/${candidates.unapplied.id}/self-id-link`,
    201,
    { sendEmail: false },
  );
  await must(t, null, 'put', '/api/v1/self-id/answers', 200, {
    token: new URL(selfIdLink.url).pathname.split('/').pop(),
    answers: [{ question: 'sex', answer: 'female' }],
  });
  // Issue 24 §5: the spare member (whom no matrix signs in as) shadowing the one competency no step of
  // the fixture focuses on (interviewer_levels), so they stay qualified for every step's interviews.
  await must(t, admin, 'post', `/api/v1/qualification/members/${spare.id}/training`, 200, {
    competencyKeys: [TECH_LEAD_KEYS.competencies.communication],
  });

  // Candidate imports: one committed, one staged with an invalid row.
  const committed = await newImport(t, recruiter, [importRow(1, marker, 'Cora', 'LinkedIn')]);
  await must(t, recruiter, 'post', `/api/v1/candidate-imports/${committed}/commit`, 200, {});
  const staged = await newImport(t, recruiter, [
    importRow(1, marker, 'Stan', 'GitHub'),
    { row: 2, values: { name: `Nell ${marker}`, email: `not-an-email ${marker}` } },
  ]);

  const uploaded = await t
    .http()
    .post(`/api/v1/candidates/${candidates.debriefed.id}/files`)
    .set(bearer(recruiter))
    .attach('file', Buffer.from(`CV of Dana ${marker}\n`), { filename: `cv-${marker}.txt`, contentType: 'text/plain' });
  if (uploaded.status !== 201)
    throw new Error(`uploading the fixture's file answered ${uploaded.status}: ${uploaded.text}`);

  // A manual reminder of the second pending interview (a scorecard_reminders row and its email),
  // settled by the queue before anyone fingerprints the organization.
  await must(t, recruiter, 'post', `/api/v1/interviews/${pending[1]!.id}/remind`, 202, {});
  const email = await settledEmail(t, session.organization.id);

  const opening = await must<Opening>(t, admin, 'get', `/api/v1/openings/${focused.id}`, 200);
  const interviewingNow = await must<Application>(t, recruiter, 'get', `/api/v1/applications/${interviewing.id}`, 200);
  return {
    label,
    marker,
    organizationId: session.organization.id,
    members,
    spare,
    scimToken: { id: scimToken.id },
    apiToken: { id: apiToken.id },
    webhook: { id: webhook.id, deliveryId: webhookDelivery.id },
    spareWebhook: { id: spareWebhook.id },
    rubric,
    checklist,
    opening: { ...focused, id: opening.id },
    draftOpening,
    candidates,
    applications: {
      debriefed: { id: debriefed.id, revision: debriefed.revision },
      applied: { id: applied.id, revision: applied.revision },
      interviewing: { id: interviewingNow.id, revision: interviewingNow.revision },
    },
    interviews,
    pending,
    decisionId: decision.id,
    meeting: { id: meeting.id },
    questionMark,
    imports: { staged, committed },
    file: (uploaded.body as { id: string }).id,
    email,
  };
}

/** The code an authenticator app shows for a base32 `secret` now (RFC 6238). */
const totpCode = (secret: string) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate();

/**
 * The organization's rows of issue 22's tables, made the way they are made in use: an enabled SAML
 * connection to a real (in-process) IdP saved through the admin API (sso_connections), a SAML sign-in
 * of the spare member with a signed assertion posted to the ACS (saml_assertions, kept against replay),
 * and the spare member's two-factor enrolment with a real TOTP code (two_factor_recovery_codes).
 * Only the spare member, whom no matrix signs in as, is touched: the role members keep signing in
 * with a password alone.
 */
async function enterpriseAccessRows(t: TestApp, admin: string, spare: User): Promise<void> {
  const idp = await startSamlIdp();
  const connection = await must<SsoConnection>(t, admin, 'put', '/api/v1/sso-connection', 200, {
    protocol: 'saml',
    enabled: true,
    samlEntryPoint: idp.ssoUrl,
    samlIdpIssuer: idp.entityId,
    samlIdpCertificate: idp.certificate,
    allowedDomains: [spare.email.split('@')[1]!],
    defaultRole: 'interviewer',
    requireSso: false,
    breakGlassUserId: null,
  });
  const slug = encodeURIComponent(connection.organizationSlug);
  const metadata = await t.http().get(`/api/v1/auth/saml/${slug}/metadata`);
  if (metadata.status !== 200) throw new Error(`the SAML metadata answered ${metadata.status}: ${metadata.text}`);
  const SAMLResponse = await idp.respond(metadata.text, { nameId: spare.email });
  const acs = await t.http().post(`/api/v1/auth/saml/${slug}/acs`).type('form').send({ SAMLResponse });
  if (acs.status !== 303 || /error=/.test(String(acs.headers.location))) {
    throw new Error(`the fixture's SAML sign-in answered ${acs.status} ${String(acs.headers.location)}: ${acs.text}`);
  }

  const login = await must<AuthSession>(t, null, 'post', '/api/v1/auth/login', 200, {
    email: spare.email,
    password: PASSWORD,
  });
  const setup = await must<{ secret: string }>(t, login.token, 'post', '/api/v1/me/two-factor/setup', 200, {});
  await must(t, login.token, 'post', '/api/v1/me/two-factor/enable', 200, { code: totpCode(setup.secret) });
}

/** The id of the organization's one email, once the queue has worked it (held or sent), within 30 s. */
async function settledEmail(t: TestApp, organizationId: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = (await t.db.query(`select id, status from emails where organization_id = $1`, [organizationId])) as {
      id: string;
      status: string;
    }[];
    if (rows.length === 1 && rows[0]!.status !== 'queued') return rows[0]!.id;
    if (Date.now() > deadline) throw new Error(`the fixture's email did not settle: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until the job queue has nothing waiting or running (within 20 s): a write's jobs (an
 * email's delivery) change rows after its answer, which would otherwise show up as a change made
 * by whatever request comes next. Start the app with `QUEUE_SCHEDULES: 'false'` as well, so that
 * no periodic sweep (scorecard reminders, every minute) changes rows in between; and with a short
 * `JOB_POLL_SECONDS`, so that waiting here is short.
 */
export async function queueIdle(t: TestApp): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [row] = (await t.db.query(
      `select count(*)::int as n from pgboss.job where state in ('created', 'retry', 'active') and start_after <= now()`,
    )) as { n: number }[];
    if (row!.n === 0) return;
    if (Date.now() > deadline) throw new Error(`the job queue is still busy after 20 s (${row!.n} jobs)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until nothing in the background will change rows for the next two minutes: the job queue
 * is idle and no webhook delivery is due in that time. The demo's webhook endpoint has no receiver
 * (a demo machine runs none), so its test event's first retry comes 5 s after the first attempt and
 * the next one 5 minutes later: a test that compares the database at two moments waits for this.
 */
export async function backgroundSettled(t: TestApp): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await queueIdle(t);
    const [row] = (await t.db.query(
      `select count(*)::int as n from webhook_deliveries
        where status = 'pending' and (next_attempt_at is null or next_attempt_at < now() + interval '2 minutes')`,
    )) as { n: number }[];
    if (row!.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${row!.n} webhook deliveries are still due after 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The objects a request changes, in the state it needs them: with `standing`, the fixture's own
 * (whatever earlier calls left of them: the matrices only need the guard's verdict, and must not
 * add to the organization); with `fresh`, new ones made for the request, so that sending it once
 * succeeds and disturbs nothing else (mass assignment's control request, fuzzing).
 */
export interface Targets {
  /** A member nobody signs in as. */
  member(): Promise<{ id: string }>;
  /** The organization's own rubric or checklist, with a draft version. */
  document(kind: LibraryKind): Promise<DraftDoc>;
  /** A draft opening on the organization's own rubric and checklist. */
  draftOpening(): Promise<Revised>;
  /** A candidate; `unapplied` and `erasable` without applications. */
  candidate(kind: 'interviewing' | 'unapplied' | 'erasable'): Promise<CandidateRef>;
  /** An application to the open opening: just applied, in interviews, or in debrief with a submitted scorecard. */
  application(kind: 'applied' | 'interviewing' | 'debriefed'): Promise<Revised>;
  /** A scheduled interview (two distinct ones: 0 and 1). */
  interview(which: 0 | 1): Promise<Revised>;
  /** A scorecard of the caller's own: a draft never saved, saved, or submitted. */
  scorecard(state: 'draft' | 'saved' | 'submitted'): Promise<Revised>;
  /** A candidate import with rows staged. */
  stagedImport(): Promise<string>;
  /**
   * An application in debrief with a panel (the caller's and another interviewer's submitted
   * scorecards) and no open meeting; standing: the debriefed one (whose meeting is open).
   */
  meetingApplication(): Promise<{ id: string }>;
  /**
   * A debrief meeting hosted by the caller when they may host (admin, hiring manager), else by the
   * hiring manager: in round 1 with no vote, with the host's vote, or revealed (discussion);
   * standing: the fixture's meeting, as earlier calls left it.
   */
  meeting(state: 'round_1' | 'voted' | 'discussion'): Promise<{ id: string }>;
  /**
   * The token of a working link sent by email (an invitation to a new invited user, a password
   * reset of a new member nobody signs in as, or a digest unsubscribe link of such a member);
   * standing: a well-formed unknown one (400 token_unknown).
   */
  linkToken(purpose: 'invitation' | 'password_reset' | 'unsubscribe' | 'self_id'): Promise<string>;
  /** A user with an open invitation; standing: the spare member, who has a password (409 not_invited). */
  invitee(): Promise<{ id: string }>;
  /**
   * The file name (`<token>.ics`) of a working calendar feed: the caller's own, turned on (or its
   * link reset); standing: a well-formed unknown one (404 not_found, like a revoked link).
   */
  calendarFeedFile(): Promise<string>;
  /** A SCIM token of the organization; standing: the fixture's own. */
  scimToken(): Promise<{ id: string }>;
}

/** A well-formed link token that no link carries. */
export const UNKNOWN_LINK_TOKEN = 'unknown-link-token-0123456789abcdefghijklmno';

/**
 * The fixture's own objects, as they are; the scorecard, whatever state is asked for, is the
 * caller's (`role`) submitted one on the debriefed application.
 */
export function standing(o: OrgFixture, role: Role): Targets {
  const mine = o.interviews[role];
  return {
    member: async () => o.spare,
    document: async (kind) => o[kind],
    draftOpening: async () => o.draftOpening,
    candidate: async (kind) => o.candidates[kind],
    application: async (kind) => o.applications[kind],
    interview: async (which) => o.pending[which]!,
    scorecard: async () => ({ id: mine.scorecardId, revision: mine.scorecardRevision }),
    stagedImport: async () => o.imports.staged,
    meetingApplication: async () => o.applications.debriefed,
    meeting: async () => o.meeting,
    linkToken: async () => UNKNOWN_LINK_TOKEN,
    invitee: async () => o.spare,
    calendarFeedFile: async () => `${UNKNOWN_LINK_TOKEN}.ics`,
    scimToken: async () => o.scimToken,
  };
}

/** New objects in the fixture's organization for every call; scorecards are the caller's (`role`). */
export function fresh(t: TestApp, o: OrgFixture, role: Role): Targets {
  const recruiter = o.members.recruiter.token;
  const caller = o.members[role];
  const unique = () => `Fresh ${randomBytes(3).toString('hex')}`;
  const candidate = () => newCandidate(t, recruiter, o.marker, unique());
  const application = async (stages: Stage[] = []) =>
    newApplication(t, recruiter, o.marker, (await candidate()).id, o.opening.id, stages);
  const scorecard = async (state: 'draft' | 'saved' | 'submitted', applicationId?: string): Promise<Revised> => {
    const on = applicationId ?? (await application()).id;
    const interview = await schedule(t, recruiter, o.opening, on, caller.user.id, Date.now() - 3 * HOUR);
    const id = interview.scorecard!.id;
    if (state === 'draft') return { id, revision: 0 };
    return fillScorecard(t, caller.token, id, completeScorecard(o.opening, o.marker), state);
  };
  const meetingApplication = async () => {
    const a = await application(['screen', 'interviews']);
    await scorecard('submitted', a.id);
    if (role !== 'interviewer') {
      const interviewer = o.members.interviewer;
      const interview = await schedule(t, recruiter, o.opening, a.id, interviewer.user.id, Date.now() - 3 * HOUR);
      await fillScorecard(
        t,
        interviewer.token,
        interview.scorecard!.id,
        completeScorecard(o.opening, o.marker),
        'submitted',
      );
    }
    const now = await must<Application>(t, recruiter, 'get', `/api/v1/applications/${a.id}`, 200);
    return move(t, recruiter, o.marker, now, 'debrief');
  };
  const meeting = async (state: 'round_1' | 'voted' | 'discussion') => {
    const a = await meetingApplication();
    const host = role === 'admin' || role === 'hiring_manager' ? caller : o.members.hiring_manager;
    const m = await must<{ id: string }>(t, host.token, 'post', `/api/v1/applications/${a.id}/meetings`, 201, {});
    if (state === 'round_1') return m;
    await must(t, host.token, 'put', `/api/v1/meetings/${m.id}/votes/mine`, 200, meetingBallot(o.opening, 1));
    if (state === 'discussion') await must(t, host.token, 'post', `/api/v1/meetings/${m.id}/reveal`, 200, { round: 1 });
    return m;
  };
  // Made invited directly rather than through the API, so that no email is queued (whose delivery
  // would change the database while a test compares it).
  const invitee = async () => {
    const user = await addUser(t, o.members.admin.token, o.marker, unique(), 'interviewer');
    await t.db.query(`update users set password_hash = null, invited_at = now() where id = $1`, [user.id]);
    return user;
  };
  return {
    member: () => addUser(t, o.members.admin.token, o.marker, unique(), 'interviewer'),
    document: (kind) =>
      newDocument(t, o.members.hiring_manager.token, kind, unique(), o.marker, LIBRARY[kind].content()),
    draftOpening: () => newDraftOpening(t, o),
    candidate,
    application: async (kind) => {
      if (kind === 'applied') return application();
      const a = await application(['screen', 'interviews']);
      if (kind === 'interviewing') return a;
      await scorecard('submitted', a.id);
      const now = await must<Application>(t, recruiter, 'get', `/api/v1/applications/${a.id}`, 200);
      return move(t, recruiter, o.marker, now, 'debrief');
    },
    interview: async () =>
      schedule(t, recruiter, o.opening, (await application()).id, o.members.interviewer.user.id, Date.now() - 3 * HOUR),
    scorecard: (state) => scorecard(state),
    stagedImport: () => newImport(t, recruiter, [importRow(1, o.marker, unique(), 'LinkedIn')]),
    meetingApplication,
    meeting,
    invitee,
    scimToken: () =>
      must<{ id: string }>(t, o.members.admin.token, 'post', '/api/v1/scim-tokens', 201, { name: `IdP ${o.marker}` }),
    linkToken: async (purpose) => {
      if (purpose === 'self_id') {
        // A candidate's self-identification link, as a recruiter creates it (the token ends its URL).
        const c = await candidate();
        const link = await must<{ url: string }>(t, recruiter, 'post', `/api/v1/candidates/${c.id}/self-id-link`, 201, {
          sendEmail: false,
        });
        return new URL(link.url).pathname.split('/').pop()!;
      }
      const user =
        purpose === 'invitation'
          ? await invitee()
          : await addUser(t, o.members.admin.token, o.marker, unique(), 'interviewer');
      return t.app.get(Db).asTenant(o.organizationId, () =>
        t.app.get(UserTokensService).issue({
          organizationId: o.organizationId,
          userId: user.id,
          purpose,
          ttlSeconds: 3600,
          // An unsubscribe link names the kind of email it came in (as MailService issues them).
          ...(purpose === 'unsubscribe' ? { data: { kind: 'digest' } } : { replace: true }),
        }),
      );
    },
    calendarFeedFile: async () => {
      const link = await must<{ httpsUrl: string }>(t, caller.token, 'post', '/api/v1/me/calendar-feed', 200);
      const file = new URL(link.httpsUrl).pathname.split('/').pop();
      if (!file?.endsWith('.ics')) throw new Error(`a calendar feed link without a file name: ${link.httpsUrl}`);
      return decodeURIComponent(file);
    },
  };
}

/**
 * Ids of a new, smaller organization, to slip into requests as another organization's: itself, its
 * admin, an open opening, its rubric version, a candidate and their application.
 */
export async function foreignIds(t: TestApp): Promise<string[]> {
  const admin = await signup(t);
  const opening = await openOpeningWithFocus(t, admin, { title: 'Their opening' });
  const candidate = await newCandidate(t, admin.token, 'theirs', 'Their Candidate');
  const application = await newApplication(t, admin.token, 'theirs', candidate.id, opening.id);
  return [admin.organization.id, admin.user.id, opening.id, opening.rubricVersionId, candidate.id, application.id];
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
