import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, AuthSession, Interview, User } from '@scorecard/contracts';
import {
  addMember,
  bearer,
  count,
  openOpeningWithPlan,
  signup,
  uniqueEmail,
  type OpenOpening,
} from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let admin: AuthSession;
let recruiter: string;
let interviewerToken: string;
let ines: User;
let mateo: User;
let opening: OpenOpening;

beforeAll(async () => {
  admin = await signup(t, 'Interviews Co');
  recruiter = (await addMember(t, admin, 'recruiter')).token;
  const first = await addMember(t, admin, 'interviewer');
  ines = first.user;
  interviewerToken = first.token;
  mateo = (await addMember(t, admin, 'interviewer')).user;
  opening = await openOpeningWithPlan(t, admin);
});

async function newApplication(): Promise<Application> {
  const c = await t
    .http()
    .post('/api/v1/candidates')
    .set(bearer(recruiter))
    .send({ name: 'Noor Haddad', email: uniqueEmail('noor'), source: 'referral' })
    .expect(201);
  const a = await t
    .http()
    .post('/api/v1/applications')
    .set(bearer(recruiter))
    .send({ candidateId: c.body.id, openingId: opening.id })
    .expect(201);
  return a.body as Application;
}

const schedule = (applicationId: string, body: Record<string, unknown>, token = recruiter) =>
  t.http().post(`/api/v1/applications/${applicationId}/interviews`).set(bearer(token)).send(body);

const step = () => opening.steps[0]!;

describe('scheduling', () => {
  it('schedules from a plan step with the step’s duration, feedback due 24 hours after the end, and an empty draft scorecard', async () => {
    const a = await newApplication();
    const res = await schedule(a.id, {
      stepKey: step().key,
      interviewerId: ines.id,
      startsAt: '2026-12-01T09:00:00Z',
    }).expect(201);
    const i = res.body as Interview;
    expect(i).toMatchObject({
      applicationId: a.id,
      step: { key: step().key, name: 'System design' },
      interviewer: { id: ines.id },
      startsAt: '2026-12-01T09:00:00.000Z',
      durationMinutes: 60,
      endsAt: '2026-12-01T10:00:00.000Z',
      feedbackDueAt: '2026-12-02T10:00:00.000Z',
      status: 'scheduled',
      scorecard: { status: 'draft', submittedAt: null },
      revision: 0,
    });
    expect(i.assignments.map((x) => x.interviewer.id)).toEqual([ines.id]);
    const [card] = (await t.db.query(
      `select s.status, s.interviewer_id, s.rubric_version_id = o.rubric_version_id as same_rubric
         from scorecards s join applications ap on ap.id = s.application_id join openings o on o.id = ap.opening_id
        where s.id = $1`,
      [i.scorecard!.id],
    )) as { status: string; interviewer_id: string; same_rubric: boolean }[];
    expect(card).toEqual({ status: 'draft', interviewer_id: ines.id, same_rubric: true });
  });

  it('takes an explicit duration and due time, and lists the application’s interviews', async () => {
    const a = await newApplication();
    await schedule(a.id, {
      stepKey: opening.steps[1]!.key,
      interviewerId: mateo.id,
      startsAt: '2026-12-03T14:00:00+01:00',
      durationMinutes: 30,
      feedbackDueAt: '2026-12-03T18:00:00Z',
    }).expect(201);
    const list = await t.http().get(`/api/v1/applications/${a.id}/interviews`).set(bearer(recruiter)).expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      endsAt: '2026-12-03T13:30:00.000Z',
      feedbackDueAt: '2026-12-03T18:00:00.000Z',
      interviewer: { id: mateo.id },
    });
  });

  it('stores the interviewer’s time zone, a location and a video link completed with https://', async () => {
    const a = await newApplication();
    const res = await schedule(a.id, {
      stepKey: step().key,
      interviewerId: ines.id,
      startsAt: '2026-12-01T10:00:00+01:00',
      durationMinutes: 45,
      timeZone: 'Europe/Berlin',
      location: '  Room 4, Alexanderplatz 1  ',
      videoLink: 'meet.example.com/abc-defg',
    }).expect(201);
    expect(res.body).toMatchObject({
      startsAt: '2026-12-01T09:00:00.000Z',
      durationMinutes: 45,
      timeZone: 'Europe/Berlin',
      location: 'Room 4, Alexanderplatz 1',
      videoLink: 'https://meet.example.com/abc-defg',
    });
    const [row] = (await t.db.query(`select time_zone, location, video_url from interviews where id = $1`, [
      res.body.id,
    ])) as Record<string, string>[];
    expect(row).toEqual({
      time_zone: 'Europe/Berlin',
      location: 'Room 4, Alexanderplatz 1',
      video_url: 'https://meet.example.com/abc-defg',
    });
    // Changing only the link keeps the rest; an empty location clears it.
    const changed = await t
      .http()
      .patch(`/api/v1/interviews/${res.body.id}`)
      .set(bearer(recruiter))
      .send({ videoLink: 'https://video.example.org/x', location: '', revision: res.body.revision })
      .expect(200);
    expect(changed.body).toMatchObject({
      timeZone: 'Europe/Berlin',
      location: null,
      videoLink: 'https://video.example.org/x',
    });
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a link that is not http(s)', { videoLink: 'javascript:alert(1)' }, 'videoLink'],
    ['a link without a host', { videoLink: 'not a link' }, 'videoLink'],
    ['a duration under 10 minutes', { durationMinutes: 5 }, 'durationMinutes'],
    ['a location over 300 characters', { location: 'x'.repeat(301) }, 'location'],
  ])('refuses %s (400 on that field) and stores nothing', async (_name, extra, path) => {
    const a = await newApplication();
    const before = await count(t, 'interviews');
    const res = await schedule(a.id, {
      stepKey: step().key,
      interviewerId: ines.id,
      startsAt: '2026-12-01T09:00:00Z',
      ...extra,
    }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    expect(await count(t, 'interviews')).toBe(before);
  });

  it('counts scheduled interviews on the pipeline board card', async () => {
    const a = await newApplication();
    await schedule(a.id, { stepKey: step().key, interviewerId: ines.id, startsAt: '2026-12-01T09:00:00Z' }).expect(201);
    await schedule(a.id, {
      stepKey: opening.steps[1]!.key,
      interviewerId: mateo.id,
      startsAt: '2026-12-01T11:00:00Z',
    }).expect(201);
    const board = await t.http().get(`/api/v1/openings/${opening.id}/board`).set(bearer(recruiter)).expect(200);
    const card = board.body.columns
      .flatMap((c: { cards: { applicationId: string }[] }) => c.cards)
      .find((c: { applicationId: string }) => c.applicationId === a.id);
    expect(card).toMatchObject({ interviews: 2, scorecardsIn: 0 });
  });

  it.each([
    ['a step that is not in the plan', { stepKey: '00000000-0000-4000-8000-000000000000' }, 'stepKey'],
    ['feedback due before the end', { feedbackDueAt: '2026-12-01T09:30:00Z' }, 'feedbackDueAt'],
    ['an interviewer from nowhere', { interviewerId: '00000000-0000-4000-8000-000000000000' }, 'interviewerId'],
  ])('refuses %s (400 naming the field, nothing written)', async (_label, over, path) => {
    const a = await newApplication();
    const before = [await count(t, 'interviews'), await count(t, 'scorecards')];
    const res = await schedule(a.id, {
      stepKey: step().key,
      interviewerId: ines.id,
      startsAt: '2026-12-01T09:00:00Z',
      ...over,
    }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([expect.objectContaining({ path })]);
    expect([await count(t, 'interviews'), await count(t, 'scorecards')]).toEqual(before);
  });

  it.each([
    ['a start without a time zone', { startsAt: '2026-12-01T09:00:00' }],
    ['a duration under ten minutes', { durationMinutes: 5 }],
    ['an unknown field', { organizationId: '00000000-0000-4000-8000-000000000000' }],
  ])('refuses %s with 400 validation_failed', async (_label, over) => {
    const a = await newApplication();
    const res = await schedule(a.id, {
      stepKey: step().key,
      interviewerId: ines.id,
      startsAt: '2026-12-01T09:00:00Z',
      ...over,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('refuses to schedule for a rejected application (422)', async () => {
    const a = await newApplication();
    await t
      .http()
      .post(`/api/v1/applications/${a.id}/moves`)
      .set(bearer(recruiter))
      .send({ to: 'rejected', reason: 'skills_gap', revision: a.revision })
      .expect(200);
    const res = await schedule(a.id, {
      stepKey: step().key,
      interviewerId: ines.id,
      startsAt: '2026-12-01T09:00:00Z',
    }).expect(422);
    expect(res.body.detail).toBe('The application is rejected, so no more interviews can be scheduled.');
  });

  it('is for recruiters, hiring managers and admins: an interviewer gets 403', async () => {
    const a = await newApplication();
    await schedule(
      a.id,
      { stepKey: step().key, interviewerId: ines.id, startsAt: '2026-12-01T09:00:00Z' },
      interviewerToken,
    ).expect(403);
    await t.http().get(`/api/v1/applications/${a.id}/interviews`).set(bearer(interviewerToken)).expect(403);
    await schedule(
      a.id,
      { stepKey: step().key, interviewerId: ines.id, startsAt: '2026-12-01T09:00:00Z' },
      admin.token,
    ).expect(201);
  });
});

describe('rescheduling and reassigning', () => {
  async function scheduled(): Promise<Interview> {
    const a = await newApplication();
    const res = await schedule(a.id, {
      stepKey: step().key,
      interviewerId: ines.id,
      startsAt: '2026-12-01T09:00:00Z',
    }).expect(201);
    return res.body as Interview;
  }
  const patch = (i: Interview, body: Record<string, unknown>, token = recruiter) =>
    t.http().patch(`/api/v1/interviews/${i.id}`).set(bearer(token)).send(body);

  it('moving the time moves the default due time with it', async () => {
    const i = await scheduled();
    const res = await patch(i, { startsAt: '2026-12-05T15:00:00Z', revision: i.revision }).expect(200);
    expect(res.body).toMatchObject({
      endsAt: '2026-12-05T16:00:00.000Z',
      feedbackDueAt: '2026-12-06T16:00:00.000Z',
      revision: 1,
    });
  });

  it('reassigning gives the new interviewer a fresh draft, voids the old one and keeps the history', async () => {
    const i = await scheduled();
    const res = await patch(i, { interviewerId: mateo.id, revision: i.revision }).expect(200);
    const after = res.body as Interview;
    expect(after.interviewer.id).toBe(mateo.id);
    expect(after.assignments.map((x) => x.interviewer.id)).toEqual([ines.id, mateo.id]);
    expect(after.scorecard!.id).not.toBe(i.scorecard!.id);
    const rows = (await t.db.query(
      `select interviewer_id, status from scorecards where interview_id = $1 order by created_at`,
      [i.id],
    )) as { interviewer_id: string; status: string }[];
    expect(rows).toEqual([
      { interviewer_id: ines.id, status: 'void' },
      { interviewer_id: mateo.id, status: 'draft' },
    ]);
  });

  it('a change based on an old revision answers 409 and changes nothing', async () => {
    const i = await scheduled();
    await patch(i, { startsAt: '2026-12-05T15:00:00Z', revision: i.revision }).expect(200);
    const stale = await patch(i, { interviewerId: mateo.id, revision: i.revision }).expect(409);
    expect(stale.body.code).toBe('stale_revision');
    const list = await t
      .http()
      .get(`/api/v1/applications/${i.applicationId}/interviews`)
      .set(bearer(recruiter))
      .expect(200);
    expect(list.body.items[0].interviewer.id).toBe(ines.id);
  });

  it('refuses to change an interview whose feedback is submitted', async () => {
    const i = await scheduled();
    await t.db.query(`update scorecards set status = 'submitted', submitted_at = now() where id = $1`, [
      i.scorecard!.id,
    ]);
    const res = await patch(i, { interviewerId: mateo.id, revision: i.revision }).expect(409);
    expect(res.body.code).toBe('invalid_transition');
  });

  it('cancelling voids the draft, takes the interview off the board count, and is final', async () => {
    const i = await scheduled();
    const res = await t
      .http()
      .post(`/api/v1/interviews/${i.id}/cancel`)
      .set(bearer(recruiter))
      .send({ revision: i.revision })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'cancelled', scorecard: null });
    const board = await t.http().get(`/api/v1/openings/${opening.id}/board`).set(bearer(recruiter)).expect(200);
    const card = board.body.columns
      .flatMap((c: { cards: { applicationId: string }[] }) => c.cards)
      .find((c: { applicationId: string }) => c.applicationId === i.applicationId);
    expect(card.interviews).toBe(0);
    await patch(i, { startsAt: '2026-12-05T15:00:00Z', revision: res.body.revision }).expect(409);
  });

  it('the application’s timeline shows interviews scheduled and cancelled, with who and when', async () => {
    const i = await scheduled();
    await t
      .http()
      .post(`/api/v1/interviews/${i.id}/cancel`)
      .set(bearer(recruiter))
      .send({ revision: i.revision })
      .expect(200);
    const a = await t.http().get(`/api/v1/applications/${i.applicationId}`).set(bearer(recruiter)).expect(200);
    const events = (a.body as Application).interviewEvents;
    expect(events.map((e) => e.kind)).toEqual(['interview_scheduled', 'interview_cancelled']);
    expect(events[0]).toMatchObject({
      interviewId: i.id,
      step: 'System design',
      interviewer: { id: ines.id },
      startsAt: '2026-12-01T09:00:00.000Z',
      by: { name: 'A recruiter' },
    });
    expect(events[1]).toMatchObject({ interviewId: i.id, by: { name: 'A recruiter' } });
    expect(Date.parse(events[1]!.at)).toBeGreaterThanOrEqual(Date.parse(events[0]!.at));
  });
});

describe('organization isolation', () => {
  it('another organization cannot see, schedule for, change or cancel these interviews (404)', async () => {
    const a = await newApplication();
    const i = (
      await schedule(a.id, { stepKey: step().key, interviewerId: ines.id, startsAt: '2026-12-01T09:00:00Z' }).expect(
        201,
      )
    ).body as Interview;
    const other = await signup(t, 'Elsewhere Inc');
    const before = await count(t, 'interviews');
    await t.http().get(`/api/v1/applications/${a.id}/interviews`).set(bearer(other.token)).expect(404);
    await schedule(
      a.id,
      { stepKey: step().key, interviewerId: other.user.id, startsAt: '2026-12-01T09:00:00Z' },
      other.token,
    ).expect(404);
    await t.http().patch(`/api/v1/interviews/${i.id}`).set(bearer(other.token)).send({ revision: 0 }).expect(404);
    await t.http().post(`/api/v1/interviews/${i.id}/cancel`).set(bearer(other.token)).send({ revision: 0 }).expect(404);
    expect(await count(t, 'interviews')).toBe(before);
  });

  it('an interviewer of another organization cannot be assigned (400 on interviewerId)', async () => {
    const a = await newApplication();
    const other = await signup(t, 'Poachers Ltd');
    const res = await schedule(a.id, {
      stepKey: step().key,
      interviewerId: other.user.id,
      startsAt: '2026-12-01T09:00:00Z',
    }).expect(400);
    expect(res.body.errors[0].path).toBe('interviewerId');
  });
});
