import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, AuthSession, Opening, RecruiterHome, RubricContent } from '@scorecard/contracts';
import { addMember, bearer, signup, uniqueEmail } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Member = { user: { id: string; name: string }; token: string };

let t: TestApp;
let admin: AuthSession;
let hm: Member;
let riley: Member;
let robin: Member;
let ines: Member;
let alpha: Opening;
let beta: Opening;
let draft: Opening;
/** Applications to Alpha: one left in applied, one in screen, one rejected. */
let waiting: Application;
let screening: Application;
let rejected: Application;
let betaApplied: Application;
let other: { admin: AuthSession; opening: Opening; application: Application };

const ZERO = { applied: 0, screen: 0, interviews: 0, debrief: 0, offer: 0, hired: 0, rejected: 0, withdrawn: 0 };

async function kit(session: AuthSession) {
  const rubrics = await t.http().get('/api/v1/rubrics').set(bearer(session.token)).expect(200);
  const flags = await t.http().get('/api/v1/red-flag-checklists').set(bearer(session.token)).expect(200);
  const rubricVersionId = rubrics.body.items[0].publishedVersionId as string;
  const rubric = (await t.http().get(`/api/v1/rubric-versions/${rubricVersionId}`).set(bearer(session.token))).body
    .content as RubricContent;
  return { rubricVersionId, checklistVersionId: flags.body.items[0].publishedVersionId as string, rubric };
}

/** An opening with a one-step plan; opened (with an override reason) unless `open` is false. */
async function createOpening(
  session: AuthSession,
  o: { title: string; hiringManagerId: string; recruiterId: string | null; open?: boolean },
): Promise<Opening> {
  const k = await kit(session);
  const created = await t
    .http()
    .post('/api/v1/openings')
    .set(bearer(session.token))
    .send({
      title: o.title,
      level: 'senior',
      archetype: 'feature',
      hiringManagerId: o.hiringManagerId,
      recruiterId: o.recruiterId,
      rubricVersionId: k.rubricVersionId,
      checklistVersionId: k.checklistVersionId,
    })
    .expect(201);
  const competency = k.rubric.competencies[0]!;
  const planned = await t
    .http()
    .put(`/api/v1/openings/${created.body.id}/plan`)
    .set(bearer(session.token))
    .send({
      revision: created.body.revision,
      steps: [
        {
          key: randomUUID(),
          name: 'Leadership deep dive',
          durationMinutes: 60,
          focusCompetencyKeys: [competency.key],
          interviewerIds: [],
          criterionKeys: competency.criteria.map((c) => c.key),
        },
      ],
    })
    .expect(200);
  if (o.open === false) return planned.body as Opening;
  const opened = await t
    .http()
    .post(`/api/v1/openings/${created.body.id}/status`)
    .set(bearer(session.token))
    .send({ status: 'open', revision: planned.body.revision, overrideReason: 'A short plan is enough for this test.' })
    .expect(200);
  return opened.body as Opening;
}

async function applyNew(session: AuthSession | Member, openingId: string, name: string): Promise<Application> {
  const token = session.token;
  const candidate = await t
    .http()
    .post('/api/v1/candidates')
    .set(bearer(token))
    .send({ name, email: uniqueEmail('cand'), source: 'referral' })
    .expect(201);
  const res = await t
    .http()
    .post('/api/v1/applications')
    .set(bearer(token))
    .send({ candidateId: candidate.body.id, openingId })
    .expect(201);
  return res.body as Application;
}

async function moveTo(token: string, a: Application, to: string, reason?: string): Promise<Application> {
  const res = await t
    .http()
    .post(`/api/v1/applications/${a.id}/moves`)
    .set(bearer(token))
    .send({ to, version: a.version, note: '', ...(reason ? { reason } : {}) })
    .expect(200);
  return res.body as Application;
}

/** Puts an application `days` days into its current stage. */
async function backdate(a: { id: string }, days: number): Promise<void> {
  await t.db.query(`update applications set stage_entered_at = now() - make_interval(days => $2) where id = $1`, [
    a.id,
    days,
  ]);
}

async function schedule(token: string, a: Application, opening: Opening, interviewerId: string, startsAt: Date) {
  const res = await t
    .http()
    .post(`/api/v1/applications/${a.id}/interviews`)
    .set(bearer(token))
    .send({ stepKey: opening.plan.steps[0]!.key, interviewerId, startsAt: startsAt.toISOString() })
    .expect(201);
  return res.body as { id: string; feedbackDueAt: string; scorecard: { id: string } | null };
}

async function home(token: string, query: Record<string, string | number> = {}): Promise<RecruiterHome> {
  const res = await t.http().get('/api/v1/home/recruiter').query(query).set(bearer(token)).expect(200);
  return res.body as RecruiterHome;
}

const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signup(t, 'Home Co');
  hm = await addMember(t, admin, 'hiring_manager');
  riley = await addMember(t, admin, 'recruiter');
  robin = await addMember(t, admin, 'recruiter');
  ines = await addMember(t, admin, 'interviewer');

  alpha = await createOpening(admin, {
    title: 'Alpha Tech Lead',
    hiringManagerId: hm.user.id,
    recruiterId: riley.user.id,
  });
  beta = await createOpening(admin, {
    title: 'Beta Tech Lead',
    hiringManagerId: admin.user.id,
    recruiterId: robin.user.id,
  });
  draft = await createOpening(admin, {
    title: 'Aardvark Tech Lead (draft)',
    hiringManagerId: hm.user.id,
    recruiterId: riley.user.id,
    open: false,
  });

  waiting = await applyNew(riley, alpha.id, 'Wanda Waiting');
  screening = await moveTo(riley.token, await applyNew(riley, alpha.id, 'Sam Screening'), 'screen');
  rejected = await moveTo(riley.token, await applyNew(riley, alpha.id, 'Rory Rejected'), 'rejected', 'skills_gap');
  betaApplied = await applyNew(robin, beta.id, 'Bea Beta');

  const otherAdmin = await signup(t, 'Elsewhere Inc');
  const otherOpening = await createOpening(otherAdmin, {
    title: 'Alpha Elsewhere',
    hiringManagerId: otherAdmin.user.id,
    recruiterId: otherAdmin.user.id,
  });
  const otherApplication = await applyNew(otherAdmin, otherOpening.id, 'Olga Outsider');
  other = { admin: otherAdmin, opening: otherOpening, application: otherApplication };
});
afterAll(async () => {
  await t.close();
});

describe('recruiter home: openings', () => {
  it('lists the open openings the caller recruits for, with every stage counted and the active total', async () => {
    const h = await home(riley.token);
    expect(h).toMatchObject({ scope: 'mine', stuckDays: 7 });
    expect(h.openings).toEqual([
      {
        id: alpha.id,
        title: 'Alpha Tech Lead',
        hiringManager: { id: hm.user.id, name: hm.user.name },
        recruiter: { id: riley.user.id, name: riley.user.name },
        counts: { ...ZERO, applied: 1, screen: 1, rejected: 1 },
        active: 2,
      },
    ]);
  });

  it('“mine” also covers openings where the caller is the hiring manager; drafts never appear', async () => {
    expect((await home(hm.token)).openings.map((o) => o.id)).toEqual([alpha.id]);
    expect((await home(admin.token)).openings.map((o) => o.id)).toEqual([beta.id]);
    expect((await home(robin.token)).openings.map((o) => o.id)).toEqual([beta.id]);
    const none = await addMember(t, admin, 'recruiter');
    const empty = await home(none.token);
    expect(empty.openings).toEqual([]);
    expect(empty.stuck).toEqual({ total: 0, items: [] });
    expect(empty.overdue).toEqual({ total: 0, items: [] });
  });

  it('“all” lists every open opening of the organization by title, and nothing of another organization', async () => {
    const h = await home(riley.token, { scope: 'all' });
    expect(h.scope).toBe('all');
    expect(h.openings.map((o) => o.title)).toEqual(['Alpha Tech Lead', 'Beta Tech Lead']);
    expect(h.openings[1]).toMatchObject({ counts: { ...ZERO, applied: 1 }, active: 1 });
    expect(h.openings.map((o) => o.id)).not.toContain(draft.id);
    expect(h.openings.map((o) => o.id)).not.toContain(other.opening.id);
  });
});

describe('recruiter home: stuck applications', () => {
  beforeAll(async () => {
    await backdate(waiting, 10);
    await backdate(screening, 3);
    await backdate(rejected, 30); // final stages are never stuck
    await backdate(betaApplied, 20);
    await backdate(other.application, 40);
  });

  it('lists applications in an active stage for longer than stuckDays (default 7), with candidate and opening', async () => {
    const h = await home(riley.token);
    expect(h.stuck.total).toBe(1);
    expect(h.stuck.items).toEqual([
      {
        applicationId: waiting.id,
        candidate: { id: waiting.candidate.id, name: 'Wanda Waiting' },
        opening: { id: alpha.id, title: 'Alpha Tech Lead' },
        stage: 'applied',
        stageEnteredAt: expect.any(String),
      },
    ]);
    const entered = new Date(h.stuck.items[0]!.stageEnteredAt).getTime();
    expect(Math.round((Date.now() - entered) / DAY)).toBe(10);
  });

  it('honours the stuckDays threshold, oldest first', async () => {
    const two = await home(riley.token, { stuckDays: 2 });
    expect(two.stuckDays).toBe(2);
    expect(two.stuck.total).toBe(2);
    expect(two.stuck.items.map((s) => s.applicationId)).toEqual([waiting.id, screening.id]);
    const eleven = await home(riley.token, { stuckDays: 11 });
    expect(eleven.stuck).toEqual({ total: 0, items: [] });
  });

  it('follows the scope, and never shows another organization’s applications', async () => {
    const all = await home(riley.token, { scope: 'all', stuckDays: 2 });
    expect(all.stuck.items.map((s) => s.applicationId)).toEqual([betaApplied.id, waiting.id, screening.id]);
    expect(all.stuck.total).toBe(3);
    const outsider = await home(other.admin.token, { scope: 'all', stuckDays: 1 });
    expect(outsider.stuck.items.map((s) => s.applicationId)).toEqual([other.application.id]);
    expect(outsider.openings.map((o) => o.id)).toEqual([other.opening.id]);
  });
});

describe('recruiter home: overdue scorecards', () => {
  let overdueInterview: { id: string; feedbackDueAt: string; scorecard: { id: string } | null };

  beforeAll(async () => {
    // Started three days ago: feedback was due 24 hours after it ended, so two days ago.
    overdueInterview = await schedule(riley.token, waiting, alpha, ines.user.id, new Date(Date.now() - 3 * DAY));
    // Tomorrow: not due yet.
    await schedule(riley.token, screening, alpha, ines.user.id, new Date(Date.now() + DAY));
    // Another organization's overdue draft.
    const outsider = await addMember(t, other.admin, 'interviewer');
    await schedule(
      other.admin.token,
      other.application,
      other.opening,
      outsider.user.id,
      new Date(Date.now() - 5 * DAY),
    );
  });

  it('lists draft scorecards past their feedback due time with interviewer, step, candidate and opening', async () => {
    const h = await home(riley.token);
    expect(h.overdue).toEqual({
      total: 1,
      items: [
        {
          scorecardId: overdueInterview.scorecard!.id,
          interviewId: overdueInterview.id,
          applicationId: waiting.id,
          candidate: { id: waiting.candidate.id, name: 'Wanda Waiting' },
          opening: { id: alpha.id, title: 'Alpha Tech Lead' },
          step: 'Leadership deep dive',
          interviewer: { id: ines.user.id, name: ines.user.name },
          feedbackDueAt: overdueInterview.feedbackDueAt,
        },
      ],
    });
    expect(new Date(h.overdue.items[0]!.feedbackDueAt).getTime()).toBeLessThan(Date.now() - DAY);
  });

  it('leaves out feedback not due yet, openings out of scope, and other organizations', async () => {
    expect((await home(robin.token)).overdue).toEqual({ total: 0, items: [] });
    const all = await home(robin.token, { scope: 'all' });
    expect(all.overdue.items.map((o) => o.interviewId)).toEqual([overdueInterview.id]);
    const outsider = await home(other.admin.token);
    expect(outsider.overdue.total).toBe(1);
    expect(outsider.overdue.items[0]!.applicationId).toBe(other.application.id);
  });
});

describe('recruiter home: access and validation', () => {
  it('refuses interviewers (403) and visitors without a session (401)', async () => {
    const res = await t.http().get('/api/v1/home/recruiter').set(bearer(ines.token)).expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.http().get('/api/v1/home/recruiter').expect(401);
  });

  it.each([
    ['0', 'stuckDays'],
    ['366', 'stuckDays'],
    ['soon', 'stuckDays'],
    ['1.5', 'stuckDays'],
  ])('answers 400 problem+json for stuckDays=%s', async (value, path) => {
    const res = await t
      .http()
      .get('/api/v1/home/recruiter')
      .query({ stuckDays: value })
      .set(bearer(riley.token))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });

  it('answers 400 for an unknown scope or an unknown parameter', async () => {
    const scope = await t.http().get('/api/v1/home/recruiter?scope=everyone').set(bearer(riley.token)).expect(400);
    expect(scope.body.errors.map((e: { path: string }) => e.path)).toEqual(['scope']);
    await t.http().get('/api/v1/home/recruiter?limit=5').set(bearer(riley.token)).expect(400);
  });
});
