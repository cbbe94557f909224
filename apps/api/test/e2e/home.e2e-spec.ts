import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  HOME_LIST_LIMIT,
  HiringManagerHome,
  InterviewerHome,
  type Application,
  type AuthSession,
  type Debrief,
  type Opening,
  type RecruiterHome,
  type RedFlagItem,
  type RubricContent,
  type SubmittedScorecard,
} from '@scorecard/contracts';
import { addMember, bearer, signup, uniqueEmail } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

type Member = { user: { id: string; name: string }; token: string };

const t = useTestApp();
let admin: AuthSession;
let hm: Member, riley: Member, robin: Member, ines: Member;
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
    .send({ to, revision: a.revision, note: '', ...(reason ? { reason } : {}) })
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

  it('without stuckDays it follows the organization’s stuck limit, the one the pipeline board uses', async () => {
    const settings = (limit: number) =>
      t.http().patch('/api/v1/organization/settings').set(bearer(admin.token)).send({ stuckDays: limit }).expect(200);
    await settings(2);
    try {
      const h = await home(riley.token);
      expect(h.stuckDays).toBe(2);
      expect(h.stuck.items.map((s) => s.applicationId)).toEqual([waiting.id, screening.id]);
      const board = await t.http().get(`/api/v1/openings/${alpha.id}/board`).set(bearer(riley.token)).expect(200);
      expect(board.body.stuckDays).toBe(2);
    } finally {
      await settings(7);
    }
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
          lastRemindedAt: null,
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

describe('recruiter home: overdue leaves out candidates no longer in the running', () => {
  it('an overdue draft of a rejected or withdrawn application is not chased', async () => {
    const before = (await home(riley.token)).overdue;
    const rejectedLate = await applyNew(riley, alpha.id, 'Reggie Rejected Late');
    const withdrawnLate = await applyNew(riley, alpha.id, 'Wendy Withdrawn Late');
    const stillIn = await applyNew(riley, alpha.id, 'Stella Still In');
    const r = await schedule(riley.token, rejectedLate, alpha, ines.user.id, new Date(Date.now() - 4 * DAY));
    const w = await schedule(riley.token, withdrawnLate, alpha, ines.user.id, new Date(Date.now() - 4 * DAY));
    const s = await schedule(riley.token, stillIn, alpha, ines.user.id, new Date(Date.now() - 4 * DAY));
    const late = (await home(riley.token)).overdue;
    expect(late.total).toBe(before.total + 3);
    const current = async (a: Application) =>
      (await t.http().get(`/api/v1/applications/${a.id}`).set(bearer(riley.token)).expect(200)).body as Application;
    await moveTo(riley.token, await current(rejectedLate), 'rejected', 'skills_gap');
    await moveTo(riley.token, await current(withdrawnLate), 'withdrawn', 'accepted_other_offer');
    const after = (await home(riley.token)).overdue;
    expect(after.total).toBe(before.total + 1);
    const ids = after.items.map((o) => o.interviewId);
    expect(ids).toContain(s.id);
    expect(ids).not.toContain(r.id);
    expect(ids).not.toContain(w.id);
  });
});

// ---------------------------------------------------------------------------------------------
// The interviewer's and the hiring manager's homes (issue 19).

const HOUR = 3_600_000;

async function interviewerHome(token: string, query: Record<string, string> = {}): Promise<InterviewerHome> {
  const res = await t.http().get('/api/v1/home/interviewer').query(query).set(bearer(token)).expect(200);
  return InterviewerHome.parse(res.body);
}

async function hmHome(token: string): Promise<HiringManagerHome> {
  const res = await t.http().get('/api/v1/home/hiring-manager').set(bearer(token)).expect(200);
  return HiringManagerHome.parse(res.body);
}

async function checklistItems(session: AuthSession): Promise<RedFlagItem[]> {
  const k = await kit(session);
  const res = await t
    .http()
    .get(`/api/v1/red-flag-checklist-versions/${k.checklistVersionId}`)
    .set(bearer(session.token))
    .expect(200);
  return (res.body as { content: { items: RedFlagItem[] } }).content.items;
}

/** Fills in and submits a scorecard of an Alpha-like opening: every criterion of the step rated `rating`. */
async function submitCard(
  member: Member,
  scorecardId: string,
  opening: Opening,
  rating: 1 | 2 | 3 | 4,
  redFlags: { flagKey: string; evidence: string }[] = [],
): Promise<void> {
  const ratings = opening.plan.steps[0]!.criterionKeys.map((criterionKey) => ({
    criterionKey,
    rating,
    evidence: `Rated ${rating}.`,
  }));
  const recommendation = rating >= 3 ? (rating === 4 ? 'strong_yes' : 'yes') : rating === 1 ? 'strong_no' : 'no';
  const saved = await t
    .http()
    .put(`/api/v1/scorecards/${scorecardId}`)
    .set(bearer(member.token))
    .send({ ratings, redFlags, recommendation, summary: 'My take.', notes: '', revision: 0 })
    .expect(200);
  await t
    .http()
    .post(`/api/v1/scorecards/${scorecardId}/submit`)
    .set(bearer(member.token))
    .send({ revision: saved.body.revision })
    .expect(200);
}

async function toDebrief(token: string, a: Application): Promise<Application> {
  let current = a;
  for (const stage of ['screen', 'interviews', 'debrief']) current = await moveTo(token, current, stage);
  return current;
}

describe('interviewer home', () => {
  let ivy: Member;
  let ian: Member;
  let gamma: Opening;
  let bounds: InterviewerHome['days'];
  let todayItv: { id: string; scorecard: { id: string } | null };
  let weekItv: { id: string; scorecard: { id: string } | null };
  let overdueItv: { id: string; feedbackDueAt: string; scorecard: { id: string } | null };
  let dueItv: { id: string; scorecard: { id: string } | null };
  /** Ivy submitted on both; on `pending` she owes a second scorecard, on `open` she owes nothing. */
  let pending: Application;
  let open: Application;

  beforeAll(async () => {
    ivy = await addMember(t, admin, 'interviewer');
    ian = await addMember(t, admin, 'interviewer');
    gamma = await createOpening(admin, { title: 'Gamma Tech Lead', hiringManagerId: hm.user.id, recruiterId: null });
    bounds = (await interviewerHome(ivy.token)).days;
    const a1 = await applyNew(admin, gamma.id, 'Tess Today');
    const a2 = await applyNew(admin, gamma.id, 'Wes Week');
    const a3 = await applyNew(admin, gamma.id, 'Nell Nextweek');
    const a4 = await applyNew(admin, gamma.id, 'Otto Overdue');
    const a5 = await applyNew(admin, gamma.id, 'Dana Due');
    todayItv = await schedule(admin.token, a1, gamma, ivy.user.id, new Date(Date.parse(bounds.todayStartsAt) + 60_000));
    weekItv = await schedule(
      admin.token,
      a2,
      gamma,
      ivy.user.id,
      new Date(Date.parse(bounds.tomorrowStartsAt) + 2 * HOUR),
    );
    await schedule(admin.token, a3, gamma, ivy.user.id, new Date(Date.parse(bounds.weekEndsAt) + HOUR));
    overdueItv = await schedule(admin.token, a4, gamma, ivy.user.id, new Date(Date.now() - 3 * DAY));
    // A one-hour step that started two hours ago: over, feedback due, not yet late.
    dueItv = await schedule(admin.token, a5, gamma, ivy.user.id, new Date(Date.now() - 2 * HOUR));

    pending = await applyNew(admin, gamma.id, 'Paula Pending');
    open = await applyNew(admin, gamma.id, 'Oscar Open');
    const p1 = await schedule(admin.token, pending, gamma, ivy.user.id, new Date(Date.now() - 5 * DAY));
    await schedule(admin.token, pending, gamma, ivy.user.id, new Date(Date.now() + 2 * DAY + 3 * HOUR));
    const o1 = await schedule(admin.token, open, gamma, ivy.user.id, new Date(Date.now() - 6 * DAY));
    const o2 = await schedule(admin.token, open, gamma, ian.user.id, new Date(Date.now() - 6 * DAY));
    await submitCard(ivy, p1.scorecard!.id, gamma, 3);
    await submitCard(ivy, o1.scorecard!.id, gamma, 3);
    await submitCard(ian, o2.scorecard!.id, gamma, 2);
  });

  it('lists today’s interviews and the rest of the week’s, in UTC days unless a time zone is asked', async () => {
    const h = await interviewerHome(ivy.token);
    expect(h.timeZone).toBe('UTC');
    expect(h.days.todayStartsAt).toBe(`${h.now.slice(0, 10)}T00:00:00.000Z`);
    expect(Date.parse(h.days.tomorrowStartsAt) - Date.parse(h.days.todayStartsAt)).toBe(DAY);
    expect(Date.parse(h.days.weekEndsAt) - Date.parse(h.days.todayStartsAt)).toBe(7 * DAY);
    const todayIds = h.today.items.map((i) => i.interviewId);
    const weekIds = h.thisWeek.items.map((i) => i.interviewId);
    expect(todayIds).toContain(todayItv.id);
    expect(weekIds).toContain(weekItv.id);
    expect(weekIds).not.toContain(todayItv.id);
    // Next week's interview is in neither list; a past day's is in neither.
    expect([...h.today.items, ...h.thisWeek.items].map((i) => i.candidate.name)).not.toContain('Nell Nextweek');
    expect(todayIds).not.toContain(overdueItv.id);
    expect(h.today.total).toBe(h.today.items.length);
    for (const i of h.today.items) {
      expect(Date.parse(i.startsAt)).toBeGreaterThanOrEqual(Date.parse(h.days.todayStartsAt));
      expect(Date.parse(i.startsAt)).toBeLessThan(Date.parse(h.days.tomorrowStartsAt));
    }
    const tess = h.today.items.find((i) => i.interviewId === todayItv.id)!;
    expect(tess).toMatchObject({
      scorecardId: todayItv.scorecard!.id,
      candidate: { name: 'Tess Today' },
      opening: { id: gamma.id, title: 'Gamma Tech Lead' },
      step: 'Leadership deep dive',
      durationMinutes: 60,
      scorecardStatus: 'draft',
    });
    // Earliest first.
    const starts = h.thisWeek.items.map((i) => Date.parse(i.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('follows the caller’s time zone: today starts at local midnight there', async () => {
    const h = await interviewerHome(ivy.token, { timeZone: 'Asia/Tokyo' });
    expect(h.timeZone).toBe('Asia/Tokyo');
    // Tokyo is UTC+9 all year: its midnight is 15:00 UTC the day before.
    const tokyoDate = new Date(Date.parse(h.now) + 9 * HOUR).toISOString().slice(0, 10);
    expect(h.days.todayStartsAt).toBe(new Date(Date.parse(`${tokyoDate}T00:00:00Z`) - 9 * HOUR).toISOString());
    // An interview one minute before Tokyo's midnight is yesterday there; one minute after, today.
    const a = await applyNew(admin, gamma.id, 'Yuki Yesterday');
    const b = await applyNew(admin, gamma.id, 'Taro Today');
    const before = await schedule(
      admin.token,
      a,
      gamma,
      ian.user.id,
      new Date(Date.parse(h.days.todayStartsAt) - 60_000),
    );
    const after = await schedule(
      admin.token,
      b,
      gamma,
      ian.user.id,
      new Date(Date.parse(h.days.todayStartsAt) + 60_000),
    );
    const tokyo = await interviewerHome(ian.token, { timeZone: 'Asia/Tokyo' });
    expect(tokyo.today.items.map((i) => i.interviewId)).toEqual([after.id]);
    expect(tokyo.thisWeek.items.map((i) => i.interviewId)).not.toContain(before.id);
  });

  it('answers 400 problem+json for a time zone that does not exist, or an unknown parameter', async () => {
    const res = await t
      .http()
      .get('/api/v1/home/interviewer')
      .query({ timeZone: 'Mars/Olympus_Mons' })
      .set(bearer(ivy.token))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['timeZone']);
    await t.http().get('/api/v1/home/interviewer?limit=5').set(bearer(ivy.token)).expect(400);
    await t.http().get('/api/v1/home/interviewer').expect(401);
  });

  it('lists the scorecards to write, earliest due first, each draft, due or overdue', async () => {
    const h = await interviewerHome(ivy.token);
    const byInterview = new Map(h.toWrite.items.map((i) => [i.interviewId, i]));
    expect(byInterview.get(overdueItv.id)).toMatchObject({
      state: 'overdue',
      candidate: { name: 'Otto Overdue' },
      feedbackDueAt: overdueItv.feedbackDueAt,
    });
    expect(byInterview.get(dueItv.id)!.state).toBe('due');
    expect(byInterview.get(weekItv.id)!.state).toBe('draft');
    // Submitted scorecards are not to write.
    expect(h.toWrite.items.map((i) => i.candidate.name)).not.toContain('Oscar Open');
    expect(h.toWrite.total).toBe(h.toWrite.items.length);
    expect(h.toWrite.counts.draft + h.toWrite.counts.due + h.toWrite.counts.overdue).toBe(h.toWrite.total);
    expect(h.toWrite.counts.overdue).toBe(h.toWrite.items.filter((i) => i.state === 'overdue').length);
    const due = h.toWrite.items.map((i) => Date.parse(i.feedbackDueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    for (const i of h.toWrite.items) {
      const late = Date.parse(i.feedbackDueAt) < Date.parse(h.now);
      expect(i.state === 'overdue').toBe(late);
    }
  });

  it('lists recent submissions newest first, with the debrief open only once the caller owes nothing on it', async () => {
    const h = await interviewerHome(ivy.token);
    expect(h.submitted.total).toBe(2);
    expect(h.submitted.items.map((s) => s.candidate.name)).toEqual(['Oscar Open', 'Paula Pending']);
    const [o, p] = h.submitted.items as [SubmittedScorecard, SubmittedScorecard];
    expect(o).toMatchObject({ applicationId: open.id, debriefOpen: true });
    expect(p).toMatchObject({ applicationId: pending.id, debriefOpen: false });
    // The same rule as the debrief itself: open for one, refused for the other.
    await t.http().get(`/api/v1/applications/${open.id}/debrief`).set(bearer(ivy.token)).expect(200);
    const refused = await t.http().get(`/api/v1/applications/${pending.id}/debrief`).set(bearer(ivy.token)).expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    // Ian submitted only on `open`: his home does not show Ivy's submissions.
    const ianHome = await interviewerHome(ian.token);
    expect(ianHome.submitted.items.map((s) => s.applicationId)).toEqual([open.id]);
  });

  it('the home shows no panel feedback: nothing of the other interviewers', async () => {
    const res = await t.http().get('/api/v1/home/interviewer').set(bearer(ivy.token)).expect(200);
    expect(res.text).not.toContain(ian.user.name);
    expect(res.text).not.toContain('Rated 2');
  });

  it('any signed-in user who interviews gets one, and sees nothing of another organization', async () => {
    const h = await interviewerHome(riley.token);
    expect(h.toWrite.total).toBe(0);
    const outsider = await addMember(t, other.admin, 'interviewer');
    await schedule(
      other.admin.token,
      other.application,
      other.opening,
      outsider.user.id,
      new Date(Date.now() - 4 * DAY),
    );
    const theirs = await interviewerHome(outsider.token);
    expect(theirs.toWrite.items.map((i) => i.candidate.name)).toEqual(['Olga Outsider']);
    const ours = await interviewerHome(ivy.token);
    expect(JSON.stringify(ours)).not.toContain('Olga Outsider');
    expect(JSON.stringify(ours)).not.toContain(other.opening.id);
  });

  it('caps each list at HOME_LIST_LIMIT and counts them all', async () => {
    const busy = await addMember(t, admin, 'interviewer');
    const a = await applyNew(admin, gamma.id, 'Casey Capped');
    const start = Date.parse(bounds.tomorrowStartsAt) + 8 * HOUR;
    for (let i = 0; i <= HOME_LIST_LIMIT; i++) {
      await schedule(admin.token, a, gamma, busy.user.id, new Date(start + i * 60_000));
    }
    const h = await interviewerHome(busy.token);
    expect(h.thisWeek.total).toBe(HOME_LIST_LIMIT + 1);
    expect(h.thisWeek.items).toHaveLength(HOME_LIST_LIMIT);
    expect(h.toWrite.total).toBe(HOME_LIST_LIMIT + 1);
    expect(h.toWrite.counts.draft).toBe(HOME_LIST_LIMIT + 1);
    expect(h.toWrite.items).toHaveLength(HOME_LIST_LIMIT);
  });
});

describe('hiring manager home', () => {
  let ivo: Member;
  let ula: Member;
  let hmOwn: Member;
  let delta: Opening;
  let split: Application;
  let owing: Application;
  let dealbreakerKey: string;

  beforeAll(async () => {
    ivo = await addMember(t, admin, 'interviewer');
    ula = await addMember(t, admin, 'interviewer');
    hmOwn = await addMember(t, admin, 'hiring_manager');
    delta = await createOpening(admin, { title: 'Delta Tech Lead', hiringManagerId: hm.user.id, recruiterId: null });
    const items = await checklistItems(admin);
    dealbreakerKey = items.find((f) => f.severity === 'dealbreaker')!.key;

    // Split: one strong yes, one strong no with a dealbreaker, one still owed.
    split = await applyNew(admin, delta.id, 'Sid Split');
    const s1 = await schedule(admin.token, split, delta, ivo.user.id, new Date(Date.now() - 2 * DAY));
    const s2 = await schedule(admin.token, split, delta, ula.user.id, new Date(Date.now() - 2 * DAY));
    await schedule(admin.token, split, delta, ines.user.id, new Date(Date.now() - 2 * DAY));
    await submitCard(ivo, s1.scorecard!.id, delta, 4);
    await submitCard(ula, s2.scorecard!.id, delta, 1, [{ flagKey: dealbreakerKey, evidence: 'Blamed the team.' }]);
    split = await toDebrief(admin.token, split);

    // The hiring manager interviewed this one and has not submitted yet.
    owing = await applyNew(admin, delta.id, 'Owen Owing');
    const o1 = await schedule(admin.token, owing, delta, ivo.user.id, new Date(Date.now() - 2 * DAY));
    await schedule(admin.token, owing, delta, hm.user.id, new Date(Date.now() - 2 * DAY));
    await submitCard(ivo, o1.scorecard!.id, delta, 3);
    owing = await toDebrief(admin.token, owing);
  });

  it('lists the decisions waiting on the openings they hire for, with the debrief’s own disagreement and red-flag figures', async () => {
    const h = await hmHome(hm.token);
    expect(h.scope).toBe('mine');
    expect(h.admin).toBeNull();
    const row = h.decisions.items.find((d) => d.applicationId === split.id)!;
    expect(row).toMatchObject({
      candidate: { id: split.candidate.id, name: 'Sid Split' },
      opening: { id: delta.id, title: 'Delta Tech Lead' },
      scorecards: { submitted: 2, expected: 3 },
    });
    const debrief = (await t.http().get(`/api/v1/applications/${split.id}/debrief`).set(bearer(hm.token)).expect(200))
      .body as Debrief;
    expect(row.panel).toEqual({
      disagreements: {
        competencies: debrief.disagreements.competencies.length,
        criteria: debrief.disagreements.criteria.length,
        recommendationSplit: debrief.disagreements.recommendationSplit,
      },
      redFlags: { dealbreakers: 1, concerns: 0 },
    });
    // 4 against 1 on every criterion: the competency and each of its criteria disagree, and so do the recommendations.
    expect(row.panel!.disagreements.competencies).toBe(1);
    expect(row.panel!.disagreements.criteria).toBe(delta.plan.steps[0]!.criterionKeys.length);
    expect(row.panel!.disagreements.recommendationSplit).toBe(true);
    expect(debrief.dealbreaker).toBe(true);
    expect(h.decisions.total).toBe(h.decisions.items.length);
  });

  it('hides the panel’s figures while the hiring manager owes their own scorecard (independence)', async () => {
    const h = await hmHome(hm.token);
    const row = h.decisions.items.find((d) => d.applicationId === owing.id)!;
    expect(row.scorecards).toEqual({ submitted: 1, expected: 2 });
    expect(row.panel).toBeNull();
    await t.http().get(`/api/v1/applications/${owing.id}/debrief`).set(bearer(hm.token)).expect(403);
    // Their own scorecard is in their list to write, overdue.
    expect(h.myScorecards.items.map((s) => s.candidate.name)).toContain('Owen Owing');
    expect(h.myScorecards.counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it('showing the figures counts as reading the panel’s feedback, as on the debrief', async () => {
    const viewed = async (applicationId: string) =>
      (
        (await t.db.query(`select 1 from feedback_views where application_id = $1 and user_id = $2`, [
          applicationId,
          hmOwn.user.id,
        ])) as unknown[]
      ).length;
    await t
      .http()
      .patch(`/api/v1/openings/${delta.id}`)
      .set(bearer(admin.token))
      .send({ hiringManagerId: hmOwn.user.id, revision: (await getOpening(delta.id)).revision })
      .expect(200);
    expect(await viewed(split.id)).toBe(0);
    const h = await hmHome(hmOwn.token);
    expect(h.decisions.items.map((d) => d.applicationId)).toEqual(expect.arrayContaining([split.id, owing.id]));
    expect(await viewed(split.id)).toBe(1);
    // The previous hiring manager no longer sees them.
    expect((await hmHome(hm.token)).decisions.items.map((d) => d.applicationId)).not.toContain(split.id);
  });

  it('lists only their open openings with counts per stage; admins see every opening and their own counts', async () => {
    const h = await hmHome(hm.token);
    expect(h.openings.map((o) => o.title)).toEqual(['Alpha Tech Lead', 'Gamma Tech Lead']);
    const adminHome = await hmHome(admin.token);
    expect(adminHome.scope).toBe('all');
    expect(adminHome.openings.map((o) => o.title)).toEqual(
      expect.arrayContaining(['Alpha Tech Lead', 'Beta Tech Lead', 'Delta Tech Lead', 'Gamma Tech Lead']),
    );
    expect(adminHome.openings.find((o) => o.id === delta.id)!.counts.debrief).toBe(2);
    expect(adminHome.decisions.items.map((d) => d.applicationId)).toEqual(expect.arrayContaining([split.id, owing.id]));
    const users = (await t.http().get('/api/v1/users?pageSize=100').set(bearer(admin.token)).expect(200)).body as {
      items: { role: string; active: boolean }[];
    };
    expect(adminHome.admin!.users.active).toBe(users.items.filter((u) => u.active).length);
    expect(adminHome.admin!.users.byRole.interviewer).toBe(
      users.items.filter((u) => u.active && u.role === 'interviewer').length,
    );
    expect(adminHome.admin!.auditEventsLastWeek).toBeGreaterThan(0);
  });

  it('refuses recruiters and interviewers with 403 problem+json, and visitors without a session with 401', async () => {
    for (const token of [riley.token, ines.token]) {
      const res = await t.http().get('/api/v1/home/hiring-manager').set(bearer(token)).expect(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('forbidden');
    }
    await t.http().get('/api/v1/home/hiring-manager').expect(401);
  });

  it('shows nothing of another organization', async () => {
    const theirs = await hmHome(other.admin.token);
    expect(theirs.openings.map((o) => o.id)).toEqual([other.opening.id]);
    expect(theirs.decisions).toEqual({ total: 0, items: [] });
    expect(JSON.stringify(theirs)).not.toContain('Sid Split');
    const ours = await hmHome(admin.token);
    expect(JSON.stringify(ours)).not.toContain(other.opening.id);
  });

  it('caps the decisions waiting at HOME_LIST_LIMIT, longest waiting first, and counts them all', async () => {
    const boss = await addMember(t, admin, 'hiring_manager');
    const epsilon = await createOpening(admin, {
      title: 'Epsilon Tech Lead',
      hiringManagerId: boss.user.id,
      recruiterId: null,
    });
    const ids: string[] = [];
    for (let i = 0; i <= HOME_LIST_LIMIT; i++) ids.push((await applyNew(admin, epsilon.id, `Cap ${i}`)).id);
    // Straight to debrief, each a minute longer ago than the next.
    await t.db.query(
      `update applications set stage = 'debrief', stage_entered_at = now() - make_interval(mins => (100 - x.n)::int)
         from unnest($1::uuid[]) with ordinality as x(id, n) where applications.id = x.id`,
      [ids],
    );
    const h = await hmHome(boss.token);
    expect(h.decisions.total).toBe(HOME_LIST_LIMIT + 1);
    expect(h.decisions.items.map((d) => d.applicationId)).toEqual(ids.slice(0, HOME_LIST_LIMIT));
    expect(h.decisions.items[0]!.panel).toEqual({
      disagreements: { competencies: 0, criteria: 0, recommendationSplit: false },
      redFlags: { dealbreakers: 0, concerns: 0 },
    });
  });
});

async function getOpening(id: string): Promise<Opening> {
  return (await t.http().get(`/api/v1/openings/${id}`).set(bearer(admin.token)).expect(200)).body as Opening;
}
