import { randomUUID } from 'node:crypto';
import type {
  AuthSession,
  ChecklistVersion,
  Competency,
  Opening,
  RedFlagItem,
  Role,
  RubricVersion,
  User,
} from '@scorecard/contracts';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'correct-horse-battery';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/** Signs up a new organization; returns its admin's session. */
export async function signup(t: TestApp, org = `Org ${randomUUID().slice(0, 6)}`): Promise<AuthSession> {
  const res = await t
    .http()
    .post('/api/v1/auth/signup')
    .send({ organizationName: org, name: 'First Admin', email: uniqueEmail('admin'), password: PASSWORD })
    .expect(201);
  return res.body as AuthSession;
}

/** A member of an organization, signed in: who they are and their session's token. */
export interface Member {
  user: User;
  token: string;
}

/** Adds a member with a role through the API, and signs them in. */
export async function addMember(t: TestApp, admin: AuthSession, role: Role): Promise<Member> {
  const email = uniqueEmail(role);
  const created = await t
    .http()
    .post('/api/v1/users')
    .set('authorization', `Bearer ${admin.token}`)
    .send({ name: `A ${role}`, email, role, password: PASSWORD })
    .expect(201);
  const login = await t.http().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
  return { user: created.body as User, token: (login.body as AuthSession).token };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function count(t: TestApp, table: string): Promise<number> {
  const [row] = (await t.db.query(`select count(*)::int as n from ${table}`)) as { n: number }[];
  return row?.n ?? -1;
}

/** A small but complete rubric content: two competencies, one criterion each. */
export function rubricContent(overrides: { weights?: number[]; blankAnchor?: boolean } = {}) {
  const weights = overrides.weights ?? [2, 1];
  return {
    competencies: weights.map((weight, i) => ({
      key: randomUUID(),
      name: `Competency ${i + 1}`,
      description: '',
      category: i === 0 ? 'leadership' : 'communication',
      weight,
      criteria: [
        {
          key: randomUUID(),
          title: `Criterion ${i + 1}`,
          prompt: 'Tell me about a time you changed a team decision.',
          probes: ['What did you do first?'],
          questionType: 'behavioural',
          whyLead: i === 0,
          anchors: [overrides.blankAnchor ? '' : 'None', 'Little', 'Some', 'Strong'],
        },
      ],
    })),
  };
}

export function checklistContent() {
  return {
    items: [
      { key: randomUUID(), description: 'Only talks about their own code', severity: 'concern' },
      { key: randomUUID(), description: 'Has never mentored anyone', severity: 'dealbreaker' },
    ],
  };
}

export interface OpenOpening {
  id: string;
  steps: { key: string; name: string; durationMinutes: number }[];
}

/**
 * An open opening with the organization's built-in rubric and checklist, the admin as hiring
 * manager, and a two-step plan (opened with an override: the steps focus on nothing in particular).
 */
export async function openOpeningWithPlan(
  t: TestApp,
  admin: AuthSession,
  title = 'Tech Lead, Test',
): Promise<OpenOpening> {
  const auth = bearer(admin.token);
  const [rubrics, flags] = await Promise.all([
    t.http().get('/api/v1/rubrics').set(auth).expect(200),
    t.http().get('/api/v1/red-flag-checklists').set(auth).expect(200),
  ]);
  const created = await t
    .http()
    .post('/api/v1/openings')
    .set(auth)
    .send({
      title,
      level: 'senior',
      archetype: 'feature',
      hiringManagerId: admin.user.id,
      rubricVersionId: rubrics.body.items[0].publishedVersionId,
      checklistVersionId: flags.body.items[0].publishedVersionId,
    })
    .expect(201);
  const steps = [
    {
      key: randomUUID(),
      name: 'System design',
      durationMinutes: 60,
      focusCompetencyKeys: [],
      interviewerIds: [],
      criterionKeys: [],
    },
    {
      key: randomUUID(),
      name: 'Leadership',
      durationMinutes: 45,
      focusCompetencyKeys: [],
      interviewerIds: [],
      criterionKeys: [],
    },
  ];
  const planned = await t
    .http()
    .put(`/api/v1/openings/${created.body.id}/plan`)
    .set(auth)
    .send({ steps, revision: created.body.revision })
    .expect(200);
  await t
    .http()
    .post(`/api/v1/openings/${created.body.id}/status`)
    .set(auth)
    .send({ status: 'open', revision: planned.body.revision, overrideReason: 'A test opening with a minimal plan.' })
    .expect(200);
  return {
    id: created.body.id as string,
    steps: steps.map(({ key, name, durationMinutes }) => ({ key, name, durationMinutes })),
  };
}

export interface FocusedOpening extends OpenOpening {
  rubricVersionId: string;
  checklistVersionId: string;
  /** The whole rubric version's competencies, in rubric order. */
  competencies: Competency[];
  /**
   * The first step's focus competencies (the rubric's first two) and its questions: every criterion
   * of them, so a scorecard of that step rates `focus`'s criteria, all asked.
   */
  focus: Competency[];
  questionKeys: string[];
  redFlags: RedFlagItem[];
}

/**
 * Like `openOpeningWithPlan`, then the first step focuses on the rubric's first two competencies
 * (asking every criterion of them) and the second step on the third (asking only its first
 * criterion); optionally the opening hides candidate details from interviewers.
 */
export async function openOpeningWithFocus(
  t: TestApp,
  admin: AuthSession,
  options: { title?: string; hideCandidateDetails?: boolean } = {},
): Promise<FocusedOpening> {
  const auth = bearer(admin.token);
  const opening = await openOpeningWithPlan(t, admin, options.title);
  const current = (await t.http().get(`/api/v1/openings/${opening.id}`).set(auth).expect(200)).body as Opening;
  const [rubric, checklist] = await Promise.all([
    t.http().get(`/api/v1/rubric-versions/${current.rubricVersion!.id}`).set(auth).expect(200),
    t.http().get(`/api/v1/red-flag-checklist-versions/${current.checklistVersion!.id}`).set(auth).expect(200),
  ]);
  const competencies = (rubric.body as RubricVersion).content.competencies;
  const focus = competencies.slice(0, 2);
  const questionKeys = focus.flatMap((c) => c.criteria.map((cr) => cr.key));
  const steps = current.plan.steps.map((s, i) => ({
    ...s,
    focusCompetencyKeys: i === 0 ? focus.map((c) => c.key) : [competencies[2]!.key],
    criterionKeys: i === 0 ? questionKeys : [competencies[2]!.criteria[0]!.key],
  }));
  const saved = await t
    .http()
    .put(`/api/v1/openings/${opening.id}/plan`)
    .set(auth)
    .send({ steps, revision: current.revision })
    .expect(200);
  if (options.hideCandidateDetails) {
    await t
      .http()
      .patch(`/api/v1/openings/${opening.id}`)
      .set(auth)
      .send({ hideCandidateDetails: true, revision: saved.body.revision })
      .expect(200);
  }
  return {
    ...opening,
    rubricVersionId: current.rubricVersion!.id,
    checklistVersionId: current.checklistVersion!.id,
    competencies,
    focus,
    questionKeys,
    redFlags: (checklist.body as ChecklistVersion).content.items,
  };
}
