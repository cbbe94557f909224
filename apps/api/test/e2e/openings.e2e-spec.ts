import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthSession, Opening, RubricContent, RubricSummary } from '@scorecard/contracts';
import { addMember, bearer, count, signup } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let admin: AuthSession;
let hm: { user: { id: string }; token: string };
let recruiter: string;
let interviewer: string;
let panel: string[];
let rubricVersionId: string;
let checklistVersionId: string;
let rubric: RubricContent;

beforeAll(async () => {
  admin = await signup(t, 'Openings Co');
  hm = await addMember(t, admin, 'hiring_manager');
  recruiter = (await addMember(t, admin, 'recruiter')).token;
  const i1 = await addMember(t, admin, 'interviewer');
  const i2 = await addMember(t, admin, 'interviewer');
  interviewer = i1.token;
  panel = [i1.user.id, i2.user.id];
  const rubrics = await t.http().get('/api/v1/rubrics').set(bearer(admin.token));
  rubricVersionId = (rubrics.body.items[0] as RubricSummary).publishedVersionId!;
  const flags = await t.http().get('/api/v1/red-flag-checklists').set(bearer(admin.token));
  checklistVersionId = flags.body.items[0].publishedVersionId;
  rubric = (await t.http().get(`/api/v1/rubric-versions/${rubricVersionId}`).set(bearer(admin.token))).body.content;
});

const baseOpening = () => ({
  title: 'Tech Lead, Payments',
  level: 'senior',
  archetype: 'feature',
  hiringManagerId: hm.user.id,
  rubricVersionId,
  checklistVersionId,
});

async function createOpening(over: Record<string, unknown> = {}): Promise<Opening> {
  const res = await t
    .http()
    .post('/api/v1/openings')
    .set(bearer(hm.token))
    .send({ ...baseOpening(), ...over })
    .expect(201);
  return res.body as Opening;
}

type Step = {
  key: string;
  name: string;
  kind?: 'assessment' | 'candidate_questions';
  durationMinutes: number;
  focusCompetencyKeys: string[];
  interviewerIds: string[];
  criterionKeys: string[];
};

/**
 * Two rounds of one step per competency (the first held by one panel member asking the first half
 * of its questions, the second by the other asking the rest), so every competency has two raters
 * per candidate; then the candidate's questions.
 */
function fullPlan(): Step[] {
  const round = (n: 0 | 1): Step[] =>
    rubric.competencies.map((c) => {
      const half = Math.ceil(c.criteria.length / 2);
      return {
        key: randomUUID(),
        name: `${c.name} ${n + 1}`,
        durationMinutes: 45,
        focusCompetencyKeys: [c.key],
        interviewerIds: [panel[n]!],
        criterionKeys: (n === 0 ? c.criteria.slice(0, half) : c.criteria.slice(half)).map((cr) => cr.key),
      };
    });
  return [
    ...round(0),
    ...round(1),
    {
      key: randomUUID(),
      name: 'Your questions',
      kind: 'candidate_questions',
      durationMinutes: 15,
      focusCompetencyKeys: [],
      interviewerIds: [],
      criterionKeys: [],
    },
  ];
}

async function savePlan(o: Opening, steps: Step[], codingSharePct: number | null = 60): Promise<Opening> {
  const stated = await t
    .http()
    .patch(`/api/v1/openings/${o.id}`)
    .set(bearer(hm.token))
    .send({ codingSharePct, revision: o.revision })
    .expect(200);
  const res = await t
    .http()
    .put(`/api/v1/openings/${o.id}/plan`)
    .set(bearer(hm.token))
    .send({ steps, revision: stated.body.revision })
    .expect(200);
  return res.body as Opening;
}

describe('openings', () => {
  it('a new opening is a draft with the guide’s 2026 US band for its level and an honest plan check', async () => {
    const o = await createOpening();
    expect(o).toMatchObject({
      status: 'draft',
      compensation: { currency: 'USD', minMinor: 190_000_00, maxMinor: 250_000_00 },
      hiringManager: { id: hm.user.id },
      rubricVersion: { id: rubricVersionId, name: 'Tech Lead', version: 1 },
      codingSharePct: null,
      plan: { steps: [] },
      revision: 0,
    });
    expect(o.planCheck.ok).toBe(false);
    expect(o.planCheck.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['coding_share_missing', 'no_steps']));
  });

  it('refuses a draft rubric version, a foreign hiring manager and a band whose maximum is below its minimum', async () => {
    const before = await count(t, 'openings');
    const draftRubric = await t
      .http()
      .post('/api/v1/rubrics')
      .set(bearer(hm.token))
      .send({ name: 'Draft only', content: rubric });
    const other = await signup(t, 'Elsewhere');
    const res = await t
      .http()
      .post('/api/v1/openings')
      .set(bearer(hm.token))
      .send({ ...baseOpening(), rubricVersionId: draftRubric.body.draft.id, hiringManagerId: other.user.id })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['hiringManagerId', 'rubricVersionId']);
    const band = await t
      .http()
      .post('/api/v1/openings')
      .set(bearer(hm.token))
      .send({ ...baseOpening(), compensation: { currency: 'USD', minMinor: 200, maxMinor: 100 } })
      .expect(400);
    expect(band.body.errors).toEqual([
      { path: 'compensation.maxMinor', message: 'The maximum must be at least the minimum.' },
    ]);
    expect(await count(t, 'openings')).toBe(before);
  });

  it('a plan that covers everything, plus a stated coding share, passes the check and opens without override', async () => {
    const o = await createOpening();
    const planned = await t
      .http()
      .put(`/api/v1/openings/${o.id}/plan`)
      .set(bearer(hm.token))
      .send({ steps: fullPlan(), revision: o.revision })
      .expect(200);
    expect(planned.body.planCheck.issues.map((i: { code: string }) => i.code)).toEqual(['coding_share_missing']);
    const stated = await t
      .http()
      .patch(`/api/v1/openings/${o.id}`)
      .set(bearer(hm.token))
      .send({ codingSharePct: 60, revision: planned.body.revision })
      .expect(200);
    expect(stated.body.planCheck).toEqual({ ok: true, issues: [] });
    const opened = await t
      .http()
      .post(`/api/v1/openings/${o.id}/status`)
      .set(bearer(hm.token))
      .send({ status: 'open', revision: stated.body.revision })
      .expect(200);
    expect(opened.body).toMatchObject({ status: 'open', planOverride: null });
  });

  it('opening with a failing plan check answers 409 plan_check_failed listing the issues, unless overridden with a reason that is recorded', async () => {
    const o = await createOpening();
    const refused = await t
      .http()
      .post(`/api/v1/openings/${o.id}/status`)
      .set(bearer(hm.token))
      .send({ status: 'open', revision: o.revision })
      .expect(409);
    expect(refused.body.code).toBe('plan_check_failed');
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toContain('coding_share_missing');
    expect((await t.http().get(`/api/v1/openings/${o.id}`).set(bearer(hm.token))).body.status).toBe('draft');
    const opened = await t
      .http()
      .post(`/api/v1/openings/${o.id}/status`)
      .set(bearer(hm.token))
      .send({ status: 'open', revision: o.revision, overrideReason: 'Backfill: the panel is being trained this week.' })
      .expect(200);
    expect(opened.body.status).toBe('open');
    expect(opened.body.planOverride).toMatchObject({
      reason: 'Backfill: the panel is being trained this week.',
      by: { id: hm.user.id },
      at: expect.any(String),
    });
  });

  it('refuses plan steps that name competencies, questions or people from outside the opening', async () => {
    const o = await createOpening();
    const steps = fullPlan();
    steps[0]!.focusCompetencyKeys = [randomUUID()];
    steps[1]!.criterionKeys = [rubric.competencies[0]!.criteria[0]!.key];
    steps[2]!.interviewerIds = [admin.user.id, randomUUID()];
    const res = await t
      .http()
      .put(`/api/v1/openings/${o.id}/plan`)
      .set(bearer(hm.token))
      .send({ steps, revision: o.revision })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'steps.0.focusCompetencyKeys',
      'steps.0.criterionKeys',
      'steps.1.criterionKeys',
      'steps.2.interviewerIds',
    ]);
    const after = await t.http().get(`/api/v1/openings/${o.id}`).set(bearer(hm.token));
    expect(after.body.plan.steps).toEqual([]);
  });

  describe('the plan check counts raters per competency per candidate', () => {
    const first = () => rubric.competencies[0]!;
    const issuesOf = (o: Opening) => o.planCheck.issues.map((i) => [i.severity, i.code, i.competencyKey ?? null]);

    it('a competency asked by one step only fails, however many default interviewers that step has', async () => {
      const steps = fullPlan();
      const n = rubric.competencies.length;
      // The second round's step for the first competency asks nothing of it any more: its pool of two is one rater.
      steps[0]!.interviewerIds = panel;
      steps[0]!.criterionKeys = first().criteria.map((cr) => cr.key);
      steps.splice(n, 1);
      const o = await savePlan(await createOpening(), steps);
      expect(o.planCheck.ok).toBe(false);
      expect(issuesOf(o)).toEqual([['error', 'competency_needs_two_interviewers', first().key]]);
      expect(o.planCheck.issues[0]!.message).toMatch(new RegExp(`^${first().name} is asked by only one step`));
      const refused = await t
        .http()
        .post(`/api/v1/openings/${o.id}/status`)
        .set(bearer(hm.token))
        .send({ status: 'open', revision: o.revision })
        .expect(409);
      expect(refused.body.errors).toEqual([
        { path: 'competency_needs_two_interviewers', message: o.planCheck.issues[0]!.message },
      ]);
    });

    it('two steps held by the same single interviewer are one rater; an interviewer not chosen yet could be anyone', async () => {
      const steps = fullPlan();
      const n = rubric.competencies.length;
      steps[n]!.interviewerIds = [panel[0]!];
      const same = await savePlan(await createOpening(), steps);
      expect(issuesOf(same)).toEqual([['error', 'competency_needs_two_interviewers', first().key]]);
      expect(same.planCheck.issues[0]!.message).toContain('both steps are held by the same interviewer');
      steps[n]!.interviewerIds = [];
      const open = await savePlan(await createOpening(), steps);
      expect(open.planCheck).toEqual({ ok: true, issues: [] });
    });

    it('warnings (no closing step, an engineering-manager-like coding share) are shown and never block opening', async () => {
      const steps = fullPlan().slice(0, -1);
      const o = await savePlan(await createOpening(), steps, 20);
      expect(o.planCheck.ok).toBe(true);
      expect(issuesOf(o)).toEqual([
        ['warning', 'coding_share_em_like', null],
        ['warning', 'candidate_questions_missing', null],
      ]);
      expect(o.planCheck.issues[0]!.message).toContain('engineering manager');
      const opened = await t
        .http()
        .post(`/api/v1/openings/${o.id}/status`)
        .set(bearer(hm.token))
        .send({ status: 'open', revision: o.revision })
        .expect(200);
      expect(opened.body).toMatchObject({ status: 'open', planOverride: null });
    });

    it('the candidate’s questions step before an assessment step is a warning', async () => {
      const steps = fullPlan();
      steps.unshift(steps.pop()!);
      const o = await savePlan(await createOpening(), steps);
      expect(issuesOf(o)).toEqual([['warning', 'candidate_questions_not_last', null]]);
    });
  });

  it('a candidate’s questions step with focus competencies or questions is refused (400), nothing saved', async () => {
    const o = await createOpening();
    const steps = fullPlan();
    const last = steps.length - 1;
    steps[last]!.focusCompetencyKeys = [rubric.competencies[0]!.key];
    steps[last]!.criterionKeys = [rubric.competencies[0]!.criteria[0]!.key];
    const res = await t
      .http()
      .put(`/api/v1/openings/${o.id}/plan`)
      .set(bearer(hm.token))
      .send({ steps, revision: o.revision })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      `steps.${last}.focusCompetencyKeys`,
      `steps.${last}.criterionKeys`,
    ]);
    expect(res.body.errors[1].message).toMatch(/asks no rubric questions/);
    expect((await t.http().get(`/api/v1/openings/${o.id}`).set(bearer(hm.token))).body.plan.steps).toEqual([]);
  });

  it('a step saved without a kind is an assessment step, and a stored plan from before kinds reads as one', async () => {
    const steps = fullPlan().map(({ kind: _kind, ...s }) => s);
    const o = await savePlan(await createOpening(), steps.slice(0, -1));
    expect(o.plan.steps.every((s) => s.kind === 'assessment')).toBe(true);
    await t.db.query(
      `update openings set plan = jsonb_set(plan, '{steps}', (select jsonb_agg(x - 'kind') from jsonb_array_elements(plan -> 'steps') x)) where id = $1`,
      [o.id],
    );
    const [raw] = (await t.db.query(`select plan from openings where id = $1`, [o.id])) as {
      plan: { steps: object[] };
    }[];
    expect(raw!.plan.steps.some((s) => 'kind' in s)).toBe(false);
    const read = (await t.http().get(`/api/v1/openings/${o.id}`).set(bearer(hm.token)).expect(200)).body as Opening;
    expect(read.plan.steps.map((s) => s.kind)).toEqual(steps.slice(0, -1).map(() => 'assessment'));
  });

  it('a change based on an old revision answers 409 stale_revision', async () => {
    const o = await createOpening();
    await t
      .http()
      .patch(`/api/v1/openings/${o.id}`)
      .set(bearer(hm.token))
      .send({ team: 'Payments', revision: 0 })
      .expect(200);
    const res = await t
      .http()
      .patch(`/api/v1/openings/${o.id}`)
      .set(bearer(admin.token))
      .send({ team: 'Core', revision: 0 })
      .expect(409);
    expect(res.body.code).toBe('stale_revision');
    expect((await t.http().get(`/api/v1/openings/${o.id}`).set(bearer(hm.token))).body.team).toBe('Payments');
  });

  it('follows the status rules: a closed opening stays closed and cannot be edited', async () => {
    const o = await createOpening();
    const closed = await t
      .http()
      .post(`/api/v1/openings/${o.id}/status`)
      .set(bearer(hm.token))
      .send({ status: 'closed', revision: 0 })
      .expect(200);
    const reopen = await t
      .http()
      .post(`/api/v1/openings/${o.id}/status`)
      .set(bearer(hm.token))
      .send({ status: 'open', revision: closed.body.revision })
      .expect(409);
    expect(reopen.body.code).toBe('invalid_transition');
    const edit = await t
      .http()
      .patch(`/api/v1/openings/${o.id}`)
      .set(bearer(hm.token))
      .send({ title: 'X', revision: closed.body.revision })
      .expect(409);
    expect(edit.body.code).toBe('invalid_transition');
  });

  it('a recruiter reads openings but cannot change them; an interviewer gets 403', async () => {
    const o = await createOpening();
    await t.http().get(`/api/v1/openings/${o.id}`).set(bearer(recruiter)).expect(200);
    await t.http().get('/api/v1/openings').set(bearer(recruiter)).expect(200);
    await t
      .http()
      .patch(`/api/v1/openings/${o.id}`)
      .set(bearer(recruiter))
      .send({ title: 'X', revision: 0 })
      .expect(403);
    await t.http().post('/api/v1/openings').set(bearer(recruiter)).send(baseOpening()).expect(403);
    await t.http().get('/api/v1/openings').set(bearer(interviewer)).expect(403);
    await t.http().get(`/api/v1/openings/${o.id}`).set(bearer(interviewer)).expect(403);
  });

  it('another organization gets 404 for every opening route and changes nothing', async () => {
    const o = await createOpening();
    const other = await signup(t, 'Rival Co');
    const x = bearer(other.token);
    const calls = [
      t.http().get(`/api/v1/openings/${o.id}`).set(x),
      t.http().patch(`/api/v1/openings/${o.id}`).set(x).send({ title: 'Stolen', revision: 0 }),
      t.http().put(`/api/v1/openings/${o.id}/plan`).set(x).send({ steps: [], revision: 0 }),
      t.http().post(`/api/v1/openings/${o.id}/status`).set(x).send({ status: 'closed', revision: 0 }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    const list = await t.http().get('/api/v1/openings').set(x).expect(200);
    expect(list.body.total).toBe(0);
    const after = await t.http().get(`/api/v1/openings/${o.id}`).set(bearer(hm.token));
    expect(after.body).toMatchObject({ title: 'Tech Lead, Payments', status: 'draft', revision: 0 });
  });

  it('another organization cannot point an opening at this organization’s rubric', async () => {
    const other = await signup(t, 'Borrower Co');
    const res = await t
      .http()
      .post('/api/v1/openings')
      .set(bearer(other.token))
      .send({ title: 'Borrowed', level: 'mid', archetype: 'feature', rubricVersionId })
      .expect(400);
    expect(res.body.errors).toEqual([{ path: 'rubricVersionId', message: 'Choose a published rubric version.' }]);
  });
});

describe('people directory', () => {
  it('lists active colleagues with their roles for pickers, to the hiring team only', async () => {
    const res = await t.http().get('/api/v1/people?role=interviewer').set(bearer(hm.token)).expect(200);
    expect(res.body.items.map((p: { id: string }) => p.id).sort()).toEqual([...panel].sort());
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['id', 'name', 'role']);
    await t.http().get('/api/v1/people').set(bearer(interviewer)).expect(403);
  });
});
