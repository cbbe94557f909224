import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, AuthSession, Decision, Stage } from '@scorecard/contracts';
import { ApplicationEvents } from '../../src/modules/events/application-events.js';
import { DebriefEventsService } from '../../src/modules/events/debrief-events.service.js';
import { bearer, PASSWORD, signup, type FocusedOpening } from '../support/factories.js';
import { flagOf, given, type Given, type Member, type ScorecardContent } from '../support/given.js';
import { eventually, openStream, type SseStream } from '../support/sse.js';
import { startTestApp, useTestApp, type TestApp } from '../support/test-app.js';

const t = useTestApp();
let g: Given;
let admin: AuthSession;
let recruiter: Member, hm: Member, otherHm: Member, ana: Member, ben: Member;
let opening: FocusedOpening;
let elsewhere: AuthSession;

beforeAll(async () => {
  g = await given(t, 'Decisions Co');
  admin = g.session;
  recruiter = g.recruiter;
  hm = await g.member({ role: 'hiring_manager' });
  otherHm = await g.member({ role: 'hiring_manager' });
  [ana, ben] = (await g.members(2)) as [Member, Member];
  // The opening's hiring manager is `hm`, not the admin who created it.
  opening = await g.opening({ update: { hiringManagerId: hm.user.id } });
  elsewhere = await signup(t, 'Elsewhere Co');
});

const dealbreaker = () => flagOf(opening, 'dealbreaker');
const newApplication = () => g.application();
const moveTo = (application: Application, stages: Stage[]) => g.move(application, ...stages);
/** Schedules the first step three hours ago, on this app or another instance of it. */
const schedule = (application: string, interviewer: Member, app: TestApp = t) =>
  g.on(app).scheduledInterview({ application, interviewer });
/** Saves a complete scorecard (with `over`) and submits it, on this app or another instance of it. */
const submit = (interviewer: Member, scorecard: string, over: Partial<ScorecardContent> = {}, app: TestApp = t) =>
  g.on(app).submittedScorecard({ interviewer, scorecard, content: over });

/** An application in debrief after one submitted scorecard per given interviewer (with overrides). */
const inDebrief = (panel: { member: Member; over?: Partial<ScorecardContent> }[] = [{ member: ana }]) =>
  g.applicationInDebrief({ panel: panel.map((p) => ({ interviewer: p.member, content: p.over })) });

const decide = (token: string, applicationId: string, body: Record<string, unknown>) =>
  g.api.as({ token }).raw('decide', { params: { id: applicationId }, body });

const getApplication = (id: string) => g.api.as(recruiter).call('getApplication', { params: { id } });

const decisionRows = async (applicationId: string) =>
  (await t.db.query(
    `select decision, rationale, acknowledged_dealbreakers, decided_by from application_decisions
      where application_id = $1 order by decided_at`,
    [applicationId],
  )) as { decision: string; rationale: string; acknowledged_dealbreakers: boolean; decided_by: string }[];

describe('recording a decision', () => {
  it('hire: records who, when and why, and moves the application to offer in its timeline with the rationale as note', async () => {
    const a = await inDebrief();
    const rationale = 'Strong design judgement and a clear reason to lead; the panel agreed.';
    const res = await decide(hm.token, a.id, { decision: 'hire', rationale, revision: a.revision }).expect(201);
    const d = res.body as Decision;
    expect(d).toEqual({
      id: expect.any(String),
      decision: 'hire',
      rationale,
      by: { id: hm.user.id, name: hm.user.name },
      at: expect.any(String),
      acknowledgedDealbreakers: false,
    });
    expect(Math.abs(Date.parse(d.at) - Date.now())).toBeLessThan(60_000);
    const after = await getApplication(a.id);
    expect(after.stage).toBe('offer');
    expect(after.revision).toBe(a.revision + 1);
    expect(after.history.at(-1)).toMatchObject({
      from: 'debrief',
      to: 'offer',
      reason: null,
      note: rationale,
      by: { id: hm.user.id, name: hm.user.name },
    });
    expect(await decisionRows(a.id)).toEqual([
      { decision: 'hire', rationale, acknowledged_dealbreakers: false, decided_by: hm.user.id },
    ]);
  });

  it('no hire: moves the application to rejected, with the chosen rejection reason', async () => {
    const a = await inDebrief();
    await decide(hm.token, a.id, {
      decision: 'no_hire',
      rationale: 'Could not show how they grew anyone.',
      rejectionReason: 'leadership_gap',
      revision: a.revision,
    }).expect(201);
    const after = await getApplication(a.id);
    expect(after.stage).toBe('rejected');
    expect(after.history.at(-1)).toMatchObject({
      from: 'debrief',
      to: 'rejected',
      reason: 'leadership_gap',
      note: 'Could not show how they grew anyone.',
    });

    // “Other” is recorded only when chosen.
    const b = await inDebrief();
    await decide(hm.token, b.id, {
      decision: 'no_hire',
      rationale: 'Not this time.',
      rejectionReason: 'other',
      revision: b.revision,
    }).expect(201);
    expect((await getApplication(b.id)).history.at(-1)).toMatchObject({ to: 'rejected', reason: 'other' });
  });

  it('a no hire without a rejection reason is refused with 400 naming the field, and changes nothing', async () => {
    const a = await inDebrief();
    for (const body of [
      { decision: 'no_hire', rationale: 'Not this time.', revision: a.revision },
      { decision: 'no_hire', rationale: 'Not this time.', rejectionReason: '', revision: a.revision },
      { decision: 'no_hire', rationale: 'Not this time.', rejectionReason: null, revision: a.revision },
    ]) {
      const res = await decide(hm.token, a.id, body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'rejectionReason' })]);
    }
    const missing = await decide(hm.token, a.id, {
      decision: 'no_hire',
      rationale: 'Not this time.',
      revision: a.revision,
    }).expect(400);
    expect(missing.body.errors).toEqual([
      { path: 'rejectionReason', message: 'Choose the rejection reason for a no hire.' },
    ]);
    expect(await decisionRows(a.id)).toEqual([]);
    const after = await getApplication(a.id);
    expect([after.stage, after.revision]).toEqual(['debrief', a.revision]);
    // Hold and hire need none.
    await decide(hm.token, a.id, { decision: 'hold', rationale: 'Wait.', revision: a.revision }).expect(201);
  });

  it('a rejection reason goes only with a no hire (400)', async () => {
    const a = await inDebrief();
    const res = await decide(hm.token, a.id, {
      decision: 'hire',
      rationale: 'Yes.',
      rejectionReason: 'skills_gap',
      revision: a.revision,
    }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'rejectionReason' })]);
    expect(await decisionRows(a.id)).toEqual([]);
  });

  it('hold: stays in debrief, but a decision taken on the view before the hold answers 409', async () => {
    const a = await inDebrief();
    await decide(hm.token, a.id, {
      decision: 'hold',
      rationale: 'Waiting for the reference call.',
      revision: a.revision,
    }).expect(201);
    const held = await getApplication(a.id);
    expect(held.stage).toBe('debrief');
    expect(held.history.at(-1)).toMatchObject({ to: 'debrief' });
    const stale = await decide(hm.token, a.id, { decision: 'hire', rationale: 'Go.', revision: a.revision }).expect(
      409,
    );
    expect(stale.body.code).toBe('stale_revision');
    await decide(hm.token, a.id, {
      decision: 'hire',
      rationale: 'References were good.',
      revision: held.revision,
    }).expect(201);
    expect((await decisionRows(a.id)).map((d) => d.decision)).toEqual(['hold', 'hire']);
    expect((await getApplication(a.id)).stage).toBe('offer');
  });

  it('is made at the debrief stage only (422 wrong_stage), and not twice once the application moved on', async () => {
    const a = await moveTo(await newApplication(), ['screen', 'interviews']);
    const res = await decide(hm.token, a.id, { decision: 'hire', rationale: 'Eager.', revision: a.revision }).expect(
      422,
    );
    expect(res.body).toMatchObject({ code: 'wrong_stage', detail: 'A decision is made at the debrief stage.' });

    const b = await inDebrief();
    await decide(hm.token, b.id, {
      decision: 'no_hire',
      rationale: 'No.',
      rejectionReason: 'skills_gap',
      revision: b.revision,
    }).expect(201);
    const again = await getApplication(b.id);
    await decide(hm.token, b.id, { decision: 'hire', rationale: 'Changed my mind.', revision: again.revision }).expect(
      422,
    );
    expect((await decisionRows(b.id)).map((d) => d.decision)).toEqual(['no_hire']);
  });

  it('a stale revision answers 409 stale_revision and writes nothing', async () => {
    const a = await inDebrief();
    const res = await decide(hm.token, a.id, { decision: 'hire', rationale: 'Yes.', revision: a.revision - 1 }).expect(
      409,
    );
    expect(res.body.code).toBe('stale_revision');
    expect(await decisionRows(a.id)).toEqual([]);
    expect((await getApplication(a.id)).stage).toBe('debrief');
  });

  it('needs a rationale and a known decision (400)', async () => {
    const a = await inDebrief();
    const res = await decide(hm.token, a.id, { decision: 'maybe', rationale: '   ', revision: a.revision }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['decision', 'rationale']);
  });
});

describe('dealbreakers', () => {
  const flagged = () => [
    { member: ana },
    {
      member: ben,
      over: {
        redFlags: [{ flagKey: dealbreaker().key, evidence: 'Called their last manager “the enemy” twice.' }],
        recommendation: 'no' as const,
      },
    },
  ];

  it('hiring over a dealbreaker without acknowledging it answers 422 and writes nothing', async () => {
    const a = await inDebrief(flagged());
    const res = await decide(hm.token, a.id, { decision: 'hire', rationale: 'Worth the risk.', revision: a.revision });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'dealbreaker_not_acknowledged',
      detail: 'An interviewer flagged a dealbreaker. Acknowledge it to hire anyway.',
    });
    expect(await decisionRows(a.id)).toEqual([]);
    const after = await getApplication(a.id);
    expect(after.stage).toBe('debrief');
    expect(after.revision).toBe(a.revision);
  });

  it('with the acknowledgement the hire is recorded as acknowledged', async () => {
    const a = await inDebrief(flagged());
    const res = await decide(hm.token, a.id, {
      decision: 'hire',
      rationale: 'Discussed the flag with both interviewers; it was one remark, not a pattern.',
      acknowledgeDealbreakers: true,
      revision: a.revision,
    }).expect(201);
    expect(res.body.acknowledgedDealbreakers).toBe(true);
    expect((await getApplication(a.id)).stage).toBe('offer');
  });

  it('no hire and hold need no acknowledgement; an acknowledgement without any dealbreaker is not recorded', async () => {
    const a = await inDebrief(flagged());
    await decide(hm.token, a.id, { decision: 'hold', rationale: 'Talk to Ben first.', revision: a.revision }).expect(
      201,
    );
    const b = await inDebrief();
    const res = await decide(hm.token, b.id, {
      decision: 'hire',
      rationale: 'Clean panel.',
      acknowledgeDealbreakers: true,
      revision: b.revision,
    }).expect(201);
    expect(res.body.acknowledgedDealbreakers).toBe(false);
  });

  it('counts only submitted scorecards: a dealbreaker in a draft does not block', async () => {
    const a = await moveTo(await newApplication(), ['screen', 'interviews']);
    const done = await schedule(a.id, ana);
    await submit(ana, done.scorecard!.id);
    const pending = await schedule(a.id, ben);
    await g.savedScorecard({
      interviewer: ben,
      scorecard: pending.scorecard!,
      content: { redFlags: [{ flagKey: dealbreaker().key, evidence: 'Draft note.' }] },
    });
    const d = await moveTo(a, ['debrief']);
    await decide(hm.token, d.id, { decision: 'hire', rationale: 'Go.', revision: d.revision }).expect(201);
  });
});

describe('who decides', () => {
  it('recruiters and interviewers may not (403)', async () => {
    const a = await inDebrief();
    for (const token of [recruiter.token, ana.token]) {
      const res = await decide(token, a.id, { decision: 'hire', rationale: 'Yes.', revision: a.revision }).expect(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect(await decisionRows(a.id)).toEqual([]);
  });

  it('another hiring manager of the organization may not (403); an admin may', async () => {
    const a = await inDebrief();
    const res = await decide(otherHm.token, a.id, { decision: 'hire', rationale: 'Yes.', revision: a.revision });
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('Only the opening’s hiring manager or an admin records its decision.');
    expect(await decisionRows(a.id)).toEqual([]);
    const byAdmin = await decide(admin.token, a.id, {
      decision: 'hold',
      rationale: 'The hiring manager is away.',
      revision: a.revision,
    }).expect(201);
    expect(byAdmin.body.by).toEqual({ id: admin.user.id, name: admin.user.name });
  });

  it('the hiring manager on the panel decides only after submitting their own scorecard (independence)', async () => {
    const a = await moveTo(await newApplication(), ['screen', 'interviews']);
    const own = await schedule(a.id, hm);
    const d = await moveTo(a, ['debrief']);
    const res = await decide(hm.token, d.id, { decision: 'hire', rationale: 'Yes.', revision: d.revision }).expect(403);
    expect(res.body.detail).toMatch(/Submit your own scorecard/);
    expect(await decisionRows(d.id)).toEqual([]);
    await submit(hm, own.scorecard!.id);
    await decide(hm.token, d.id, { decision: 'hire', rationale: 'Yes.', revision: d.revision }).expect(201);
  });

  it('an application of another organization is not found (404), and nothing is written', async () => {
    const a = await inDebrief();
    const res = await decide(elsewhere.token, a.id, { decision: 'hire', rationale: 'Mine now.', revision: a.revision });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect(await decisionRows(a.id)).toEqual([]);
  });
});

describe('the record', () => {
  it('is append-only: the database refuses to update or delete a decision', async () => {
    const a = await inDebrief();
    await decide(hm.token, a.id, { decision: 'hold', rationale: 'Original words.', revision: a.revision }).expect(201);
    await expect(
      t.db.query(`update application_decisions set rationale = 'Rewritten' where application_id = $1`, [a.id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query(`delete from application_decisions where application_id = $1`, [a.id])).rejects.toThrow(
      /append-only/,
    );
    expect((await decisionRows(a.id)).map((d) => d.rationale)).toEqual(['Original words.']);
  });
});

const changes = (s: SseStream) =>
  s.events.filter((e) => e.event === 'changed').map((e) => JSON.parse(e.data) as object);

describe('live debrief updates across instances', () => {
  let b: TestApp;
  let bClosed = false;
  let baseA: string;
  let baseB: string;

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseA = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    b = await startTestApp({}, { sameDatabaseAs: t });
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    baseB = `http://127.0.0.1:${(b.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (b && !bClosed) await b.close();
  });

  it('a scorecard submitted through instance B reaches a debrief open on instance A; the event names only the kind', async () => {
    const a = await moveTo(await newApplication(), ['screen', 'interviews']);
    const first = await schedule(a.id, ana);
    const second = await schedule(a.id, ben);
    // The hiring manager's browser signs in with a cookie; an EventSource sends it without any other header.
    const login = await t.http().post('/api/v1/auth/login').send({ email: hm.user.email, password: PASSWORD });
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const stream = await openStream(baseA, `/api/v1/applications/${a.id}/debrief/events`, { cookie });
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      // The stream writes its own head: the security headers and request id set for every answer are copied in.
      expect(stream.headers['x-content-type-options']).toBe('nosniff');
      expect(stream.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(stream.headers['x-request-id']).toBeTruthy();
      await eventually(() => stream.events.some((e) => e.event === 'ready'), 5_000, 'ready');

      await submit(ana, first.scorecard!.id, {}, b);
      await eventually(
        () => changes(stream).some((c) => JSON.stringify(c) === '{"kind":"scorecard_submitted"}'),
        5_000,
        'scorecard_submitted on instance A',
      );
      expect(stream.body).not.toContain('Solid on both competencies');

      await submit(ben, second.scorecard!.id, {}, b);
      const d = await moveTo(a, ['debrief']);
      await b
        .http()
        .post(`/api/v1/applications/${a.id}/decisions`)
        .set(bearer(hm.token))
        .send({ decision: 'hold', rationale: 'One more reference.', revision: d.revision })
        .expect(201);
      await eventually(
        () => changes(stream).some((c) => JSON.stringify(c) === '{"kind":"decision_recorded"}'),
        5_000,
        'decision_recorded on instance A',
      );
      expect(changes(stream).filter((c) => JSON.stringify(c) === '{"kind":"scorecard_submitted"}')).toHaveLength(2);
    } finally {
      stream.close();
    }
    // The subscriber is removed when the client goes away.
    await eventually(() => t.app.get(ApplicationEvents).subscriberCount === 0, 5_000, 'the subscriber to go');
  });

  it('a change of another application, or one rolled back, is not delivered', async () => {
    const watched = await moveTo(await newApplication(), ['screen', 'interviews']);
    const other = await moveTo(await newApplication(), ['screen', 'interviews']);
    const elsewhereInterview = await schedule(other.id, ana);
    const stream = await openStream(baseA, `/api/v1/applications/${watched.id}/debrief/events`, bearer(hm.token));
    try {
      await eventually(() => stream.events.some((e) => e.event === 'ready'), 5_000, 'ready');
      // An incomplete submit is refused and rolls back: nothing is announced.
      await b
        .http()
        .post(`/api/v1/scorecards/${elsewhereInterview.scorecard!.id}/submit`)
        .set(bearer(ana.token))
        .send({ revision: 0 })
        .expect(422);
      await submit(ana, elsewhereInterview.scorecard!.id, {}, b);
      // A change of the watched application after both proves the stream was live all along.
      await schedule(watched.id, ben, b);
      await eventually(() => changes(stream).length > 0, 5_000, 'interviews_changed');
      expect(changes(stream)).toEqual([{ kind: 'interviews_changed' }]);
    } finally {
      stream.close();
    }
  });

  it('answers 403 to a caller the independence rule keeps out, 404 outside the organization, 401 without a session', async () => {
    const a = await moveTo(await newApplication(), ['screen', 'interviews']);
    await schedule(a.id, ben);
    const path = `/api/v1/applications/${a.id}/debrief/events`;
    const pending = await openStream(baseA, path, bearer(ben.token));
    expect(pending.status).toBe(403);
    expect(pending.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(pending.body)).toMatchObject({ code: 'forbidden' });
    const outsider = await openStream(baseA, path, bearer(ana.token));
    expect(outsider.status).toBe(403);
    const foreign = await openStream(baseA, path, bearer(elsewhere.token));
    expect(foreign.status).toBe(404);
    const anonymous = await openStream(baseA, path, {});
    expect(anonymous.status).toBe(401);
  });

  it('reconnects when the listening connection drops, tells open streams to refetch, and keeps delivering', async () => {
    const a = await moveTo(await newApplication(), ['screen', 'interviews']);
    const interview = await schedule(a.id, ana);
    const stream = await openStream(baseA, `/api/v1/applications/${a.id}/debrief/events`, bearer(hm.token));
    try {
      await eventually(() => stream.events.some((e) => e.event === 'ready'), 5_000, 'ready');
      const killed = (await t.db.query(
        `select pg_terminate_backend(pid) as ok from pg_stat_activity
          where application_name = 'scorecard-events' and datname = current_database()`,
      )) as { ok: boolean }[];
      expect(killed.length).toBeGreaterThanOrEqual(2);
      await eventually(() => changes(stream).some((c) => JSON.stringify(c) === '{"kind":"resync"}'), 10_000, 'resync');
      await submit(ana, interview.scorecard!.id, {}, b);
      await eventually(
        () => changes(stream).some((c) => JSON.stringify(c) === '{"kind":"scorecard_submitted"}'),
        5_000,
        'scorecard_submitted after reconnecting',
      );
    } finally {
      stream.close();
    }
    // Nest's logger is process-wide: the last instance started owns it.
    expect([...t.logs, ...b.logs].join('')).toContain('lost the scorecard_events listener connection');
  });

  it('ends an open stream once its session is signed out, and leaves the streams of live sessions open', async () => {
    const a = await newApplication();
    const path = `/api/v1/applications/${a.id}/debrief/events`;
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: hm.user.email, password: PASSWORD })
      .expect(200);
    const token = login.body.token as string;
    const usual = DebriefEventsService.sessionCheckMs;
    DebriefEventsService.sessionCheckMs = 100;
    const signedOut = await openStream(baseA, path, bearer(token));
    const stillIn = await openStream(baseA, path, bearer(hm.token));
    DebriefEventsService.sessionCheckMs = usual;
    try {
      await eventually(
        () => [signedOut, stillIn].every((s) => s.events.some((e) => e.event === 'ready')),
        5_000,
        'ready',
      );
      await t.http().post('/api/v1/auth/logout').set(bearer(token)).expect(204);
      await eventually(() => signedOut.ended, 5_000, 'the signed-out stream to end');
      // Both streams are checked on the same beat: the live one has been checked since the sign-out too.
      expect(stillIn.ended).toBe(false);
      expect(t.app.get(ApplicationEvents).subscriberCount).toBe(1);
    } finally {
      signedOut.close();
      stillIn.close();
    }
  });

  it('ends open streams when the instance shuts down, so shutdown does not wait for them', async () => {
    const a = await newApplication();
    const stream = await openStream(baseB, `/api/v1/applications/${a.id}/debrief/events`, bearer(hm.token));
    await eventually(() => stream.events.some((e) => e.event === 'ready'), 5_000, 'ready');
    const started = Date.now();
    await b.close();
    bClosed = true;
    expect(Date.now() - started).toBeLessThan(5_000);
    await eventually(() => stream.ended, 5_000, 'the stream to end');
  });
});
