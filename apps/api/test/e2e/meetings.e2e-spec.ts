import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, AuthSession, Debrief, Meeting, Recommendation } from '@scorecard/contracts';
import { Db } from '../../src/database/db.js';
import type { Caller } from '../../src/common/request-context.js';
import { MeetingsService } from '../../src/modules/meetings/meetings.service.js';
import { bearer, signup } from '../support/factories.js';
import { given, type Given, type Member } from '../support/given.js';
import { eventually, openStream } from '../support/sse.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let g: Given;
let admin: AuthSession;
let recruiter: Member, hm: Member, otherHm: Member, ana: Member, ben: Member, cy: Member;
let elsewhere: AuthSession;

beforeAll(async () => {
  g = await given(t, 'Meetings Co');
  admin = g.session;
  recruiter = g.recruiter;
  hm = await g.member({ role: 'hiring_manager', name: 'Hana Host' });
  otherHm = await g.member({ role: 'hiring_manager' });
  ana = await g.member({ name: 'Ana Panel' });
  ben = await g.member({ name: 'Ben Panel' });
  cy = await g.member({ name: 'Cy Outside' });
  await g.opening({ update: { hiringManagerId: hm.user.id } });
  elsewhere = await signup(t, 'Elsewhere Co');
});

/** An application in debrief after Ana's then Ben's submitted scorecards. */
const inDebrief = () => g.applicationInDebrief({ panel: [{ interviewer: ana }, { interviewer: ben }] });

const as = (who: { token: string }) => g.api.as(who);
const start = (who: { token: string }, applicationId: string) =>
  as(who).raw('startMeeting', { params: { id: applicationId } });
const getMeeting = (who: { token: string }, id: string) => as(who).call('getMeeting', { params: { id } });

/** A vote rating every competency `rest` except those in `over`, with the recommendation. */
function ballot(m: Meeting, round: 1 | 2, recommendation: Recommendation, over: Record<string, number> = {}, rest = 3) {
  return {
    round,
    recommendation,
    ratings: m.competencies.map((c) => ({ competencyKey: c.key, rating: over[c.key] ?? rest })),
  };
}
const vote = (who: { token: string }, m: Meeting, body: unknown) =>
  as(who).raw('castMeetingVote', { params: { id: m.id }, body });

const voteRows = async (meetingId: string) =>
  (
    (await t.db.query(`select count(*)::int as n from debrief_meeting_votes where meeting_id = $1`, [meetingId])) as {
      n: number;
    }[]
  )[0]!.n;

/** The debrief's figures: everything but the list of scorecards (which carries view times). */
const figures = (d: Debrief) => ({
  overall: d.overall,
  competencies: d.competencies,
  tally: d.tally,
  disagreements: d.disagreements,
  evidenceGaps: d.evidenceGaps,
  grid: d.grid,
  unassessed: d.unassessed,
});

describe('starting a meeting', () => {
  it('the hiring manager starts one on an application in debrief: the panel is the host, then each interviewer who submitted, in submission order', async () => {
    const a = await inDebrief();
    const before = Date.now();
    const res = await start(hm, a.id).expect(201);
    const m = res.body as Meeting;
    expect(m).toMatchObject({
      applicationId: a.id,
      status: 'round_1',
      host: { id: hm.user.id, name: 'Hana Host' },
      round1RevealedAt: null,
      round2OpenedAt: null,
      finishedAt: null,
      cancelledAt: null,
      mine: { round1: null, round2: null },
      rounds: [],
      discussion: [],
      movement: null,
      can: { vote: true, reveal: false, openRound2: false, cancel: true },
    });
    expect(m.members.map((x) => [x.id, x.host, x.votedAt])).toEqual([
      [hm.user.id, true, { round1: null, round2: null }],
      [ana.user.id, false, { round1: null, round2: null }],
      [ben.user.id, false, { round1: null, round2: null }],
    ]);
    expect(Math.abs(Date.parse(m.startedAt) - before)).toBeLessThan(60_000);
    // The rubric's competencies, in rubric order.
    const debrief = await as(hm).call('getDebrief', { params: { id: a.id }, query: {} });
    expect(m.competencies).toEqual(debrief.competencies.map((c) => ({ key: c.key, name: c.name })));
  });

  it('an imported scorecard puts nobody on the panel: nobody of the organization sat that interview here', async () => {
    const opening = await g.opening();
    const a = await g.application({ opening, stages: ['screen', 'interviews'] });
    await g.submittedScorecard({ application: a, interviewer: ana });
    await as(admin).call('importScorecard', {
      body: {
        applicationId: a.id,
        interviewerId: ben.user.id,
        stepKey: opening.steps[0]!.key,
        source: 'greenhouse',
        externalId: `ext-${a.id}`,
        submittedAt: '2025-06-01T10:00:00.000Z',
        ratings: opening.focus
          .flatMap((c) => c.criteria)
          .map((c) => ({ criterionKey: c.key, rating: 3, evidence: '' })),
        redFlags: [],
        recommendation: 'yes',
        summary: 'Imported.',
      },
    });
    await g.move(a, 'debrief');
    const m = (await start(admin, a.id).expect(201)).body as Meeting;
    expect(m.members.map((x) => x.id)).toEqual([admin.user.id, ana.user.id]);
  });

  it('an admin may host too; an interviewer, a recruiter or another hiring manager may not (403), and nothing is written', async () => {
    const a = await inDebrief();
    await start(ana, a.id).expect(403);
    await start(recruiter, a.id).expect(403);
    const other = await start(otherHm, a.id).expect(403);
    expect(other.body.detail).toMatch(/hiring manager or an admin/);
    expect(await as(hm).call('listApplicationMeetings', { params: { id: a.id }, query: {} })).toMatchObject({
      total: 0,
    });
    const m = (await start(admin, a.id).expect(201)).body as Meeting;
    expect(m.host.id).toBe(admin.user.id);
    expect(m.members.map((x) => x.id)).toEqual([admin.user.id, ana.user.id, ben.user.id]);
  });

  it('only one open meeting per application: a second start answers 409 and writes nothing', async () => {
    const a = await inDebrief();
    await start(hm, a.id).expect(201);
    const res = await start(admin, a.id).expect(409);
    expect(res.body.code).toBe('conflict');
    expect(await as(hm).call('listApplicationMeetings', { params: { id: a.id }, query: {} })).toMatchObject({
      total: 1,
    });
  });

  it('refused outside the debrief stage (422), without a panel (409), and for another organization’s application (404)', async () => {
    const early = await g.application({ stages: ['screen', 'interviews'] });
    expect((await start(hm, early.id).expect(422)).body.code).toBe('wrong_stage');
    const alone = await g.move(await g.application({ stages: ['screen', 'interviews'] }), 'debrief');
    expect((await start(hm, alone.id).expect(409)).body.detail).toMatch(/no panel/);
    const a = await inDebrief();
    await start(elsewhere, a.id).expect(404);
    await as(elsewhere)
      .raw('listApplicationMeetings', { params: { id: a.id } })
      .expect(404);
  });
});

describe('silent votes', () => {
  let a: Application;
  let m: Meeting;
  beforeAll(async () => {
    a = await inDebrief();
    m = (await start(hm, a.id).expect(201)).body as Meeting;
  });

  it('before the reveal, others learn only who voted and when: never a value, a count of values or a mean', async () => {
    const first = m.competencies[0]!.key;
    const cast = await vote(ana, m, ballot(m, 1, 'strong_no', { [first]: 1 }, 2)).expect(200);
    expect((cast.body as Meeting).mine.round1).toMatchObject({ memberId: ana.user.id, recommendation: 'strong_no' });
    for (const who of [hm, ben, recruiter, admin]) {
      const seen = await getMeeting(who, m.id);
      expect(seen.members.find((x) => x.id === ana.user.id)!.votedAt.round1).toEqual(expect.any(String));
      expect(seen.members.find((x) => x.id === ben.user.id)!.votedAt.round1).toBeNull();
      expect(seen).toMatchObject({ rounds: [], discussion: [], movement: null, mine: { round1: null } });
      expect(JSON.stringify(seen)).not.toContain('strong_no');
    }
    // The list says nothing of votes either.
    expect(
      JSON.stringify(await as(ben).call('listApplicationMeetings', { params: { id: a.id }, query: {} })),
    ).not.toContain('strong_no');
  });

  it('a member changes their vote until the reveal; the last vote is the one kept', async () => {
    const changed = (await vote(ana, m, ballot(m, 1, 'no', {}, 2)).expect(200)).body as Meeting;
    expect(changed.mine.round1).toMatchObject({ recommendation: 'no' });
    expect(Object.values(changed.mine.round1!.ratings)).toEqual(m.competencies.map(() => 2));
    expect(await voteRows(m.id)).toBe(1);
  });

  it('a vote must rate every competency of the rubric and nothing else (400), 1 to 4 (400), for the open round (409); refusals change nothing', async () => {
    const [c1, c2] = m.competencies;
    const missing = ballot(m, 1, 'yes');
    missing.ratings = missing.ratings.filter((r) => r.competencyKey !== c2!.key);
    const res = await vote(ben, m, missing).expect(400);
    expect(res.body.errors).toEqual([{ path: 'ratings', message: `Vote on ${c2!.name} too.` }]);
    const stranger = '00000000-0000-4000-8000-000000000001';
    const full = ballot(m, 1, 'yes');
    const extra = await vote(ben, m, { ...full, ratings: [...full.ratings, { competencyKey: stranger, rating: 3 }] });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual([
      { path: `ratings.${full.ratings.length}.competencyKey`, message: expect.stringMatching(/Not a competency/) },
    ]);
    const twice = await vote(ben, m, { ...full, ratings: [...full.ratings, full.ratings[0]] }).expect(400);
    expect(twice.body.errors).toEqual([
      { path: `ratings.${full.ratings.length}.competencyKey`, message: 'One vote per competency.' },
    ]);
    await vote(ben, m, ballot(m, 1, 'yes', { [c1!.key]: 5 })).expect(400);
    await vote(ben, m, ballot(m, 1, 'maybe' as Recommendation)).expect(400);
    await vote(ben, m, { ...ballot(m, 1, 'yes'), extra: true }).expect(400);
    expect((await vote(ben, m, ballot(m, 2, 'yes')).expect(409)).body.code).toBe('invalid_transition');
    expect(await voteRows(m.id)).toBe(1);
  });

  it('only the panel votes: the recruiter, an admin off the panel and an interviewer who did not submit are refused', async () => {
    await vote(recruiter, m, ballot(m, 1, 'yes')).expect(403);
    await vote(admin, m, ballot(m, 1, 'yes')).expect(403);
    // Cy has no scorecard on this application: the debrief itself is closed to him.
    await vote(cy, m, ballot(m, 1, 'yes')).expect(403);
    await as(cy)
      .raw('getMeeting', { params: { id: m.id } })
      .expect(403);
    await as(elsewhere)
      .raw('getMeeting', { params: { id: m.id } })
      .expect(404);
    await vote(elsewhere, m, ballot(m, 1, 'yes')).expect(404);
    expect(await voteRows(m.id)).toBe(1);
  });

  it('only the host reveals, and only once someone has voted', async () => {
    await as(ana)
      .raw('revealMeetingRound', { params: { id: m.id }, body: { round: 1 } })
      .expect(403);
    await as(admin)
      .raw('revealMeetingRound', { params: { id: m.id }, body: { round: 1 } })
      .expect(403);
    await as(hm)
      .raw('revealMeetingRound', { params: { id: m.id }, body: { round: 2 } })
      .expect(409);
    await as(hm)
      .raw('openMeetingRoundTwo', { params: { id: m.id } })
      .expect(409);
    const b = await inDebrief();
    const empty = (await start(hm, b.id).expect(201)).body as Meeting;
    const res = await as(hm)
      .raw('revealMeetingRound', { params: { id: empty.id }, body: { round: 1 } })
      .expect(409);
    expect(res.body.detail).toMatch(/Nobody has voted/);
  });

  it('the host may reveal before everyone has voted: the votes cast are shown, and nobody votes in that round any more', async () => {
    const revealed = await as(hm).call('revealMeetingRound', { params: { id: m.id }, body: { round: 1 } });
    expect(revealed.status).toBe('discussion');
    expect(revealed.round1RevealedAt).toEqual(expect.any(String));
    expect(revealed.rounds).toHaveLength(1);
    expect(revealed.rounds[0]!.votes.map((v) => [v.memberId, v.recommendation])).toEqual([[ana.user.id, 'no']]);
    expect((await vote(ben, m, ballot(m, 1, 'yes')).expect(409)).body.code).toBe('invalid_transition');
    // The recruiter reads the revealed votes too (read-only, like the debrief).
    expect((await getMeeting(recruiter, m.id)).rounds[0]!.votes).toHaveLength(1);
  });
});

describe('a two-round meeting, worked by hand', () => {
  // Panel: Hana (host), Ana, Ben. On the first competency, round 1: Hana 4, Ana 2, Ben 2; round 2:
  // Hana 3, Ana 3, Ben 2. Others' first-round means: Hana (2+2)/2 = 2, Ana (4+2)/2 = 3, Ben 3.
  // Hana 4 → 3 is nearer 2: toward. Ana 2 → 3 reaches 3: toward. Ben stays.
  // Recommendation (strong no 1 … strong yes 4), round 1: Hana strong yes 4, Ana no 2, Ben yes 3;
  // round 2: Hana 4, Ana strong no 1, Ben 3. Ana's others' mean (4+3)/2 = 3.5: |1−3.5| = 2.5 is
  // farther than |2−3.5| = 1.5: away. Every other competency: 3 in both rounds, everyone stays.
  let a: Application;
  let m: Meeting;
  let before: Debrief;
  beforeAll(async () => {
    a = await inDebrief();
    before = await as(hm).call('getDebrief', { params: { id: a.id }, query: {} });
    m = (await start(hm, a.id).expect(201)).body as Meeting;
  });

  it('the last member’s vote reveals round 1 by itself, with the disagreements first', async () => {
    const c1 = m.competencies[0]!.key;
    await vote(hm, m, ballot(m, 1, 'strong_yes', { [c1]: 4 })).expect(200);
    await vote(ana, m, ballot(m, 1, 'no', { [c1]: 2 })).expect(200);
    expect((await getMeeting(hm, m.id)).status).toBe('round_1');
    const last = (await vote(ben, m, ballot(m, 1, 'yes', { [c1]: 2 })).expect(200)).body as Meeting;
    expect(last.status).toBe('discussion');
    expect(last.rounds[0]!.votes.map((v) => v.memberId)).toEqual([hm.user.id, ana.user.id, ben.user.id]);
    // Spreads: the recommendation 4 − 2 = 2, the first competency 4 − 2 = 2, every other 0.
    expect(last.discussion.slice(0, 2)).toEqual([
      { key: 'recommendation', spread: 2 },
      { key: c1, spread: 2 },
    ]);
    expect(last.discussion.slice(2).every((d) => d.spread === 0)).toBe(true);
    // The host moves the meeting on; members wait.
    expect(last.can).toEqual({ vote: false, reveal: false, openRound2: false, cancel: false });
    expect((await getMeeting(hm, m.id)).can).toEqual({ vote: false, reveal: false, openRound2: true, cancel: true });
  });

  it('round 2 is silent again: round 1 stays shown, round 2’s votes are hidden until everyone voted', async () => {
    const opened = await as(hm).call('openMeetingRoundTwo', { params: { id: m.id } });
    expect(opened).toMatchObject({ status: 'round_2', round2OpenedAt: expect.any(String) });
    const c1 = m.competencies[0]!.key;
    await vote(hm, m, ballot(m, 2, 'strong_yes', { [c1]: 3 })).expect(200);
    await vote(ana, m, ballot(m, 2, 'strong_no', { [c1]: 3 })).expect(200);
    const seen = await getMeeting(ben, m.id);
    expect(seen.rounds.map((r) => r.round)).toEqual([1]);
    expect(seen.mine.round2).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('strong_no');
    const done = (await vote(ben, m, ballot(m, 2, 'yes', { [c1]: 2 })).expect(200)).body as Meeting;
    expect(done.status).toBe('finished');
  });

  it('the result says who moved, from what to what, toward the others’ first-round mean or away', async () => {
    const done = await getMeeting(recruiter, m.id);
    const c1 = m.competencies[0]!.key;
    const q = (key: string) => done.movement!.questions.find((x) => x.key === key)!;
    expect(q(c1).members).toEqual([
      { memberId: hm.user.id, first: 4, second: 3, othersMean: 2, movement: 'toward' },
      { memberId: ana.user.id, first: 2, second: 3, othersMean: 3, movement: 'toward' },
      { memberId: ben.user.id, first: 2, second: 2, othersMean: 3, movement: 'stayed' },
    ]);
    expect([q(c1).toward, q(c1).away, q(c1).stayed]).toEqual([2, 0, 1]);
    expect(q('recommendation').members).toEqual([
      { memberId: hm.user.id, first: 4, second: 4, othersMean: 2.5, movement: 'stayed' },
      { memberId: ana.user.id, first: 2, second: 1, othersMean: 3.5, movement: 'away' },
      { memberId: ben.user.id, first: 3, second: 3, othersMean: 3, movement: 'stayed' },
    ]);
    const others = m.competencies.length - 1;
    expect([done.movement!.toward, done.movement!.away, done.movement!.stayed]).toEqual([2, 1, 1 + 2 + 3 * others]);
    // Timings: started ≤ round 1 revealed ≤ round 2 opened ≤ finished; every vote timed.
    const times = [done.startedAt, done.round1RevealedAt!, done.round2OpenedAt!, done.finishedAt!].map(Date.parse);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(done.rounds.map((r) => [r.round, r.openedAt, r.revealedAt])).toEqual([
      [1, done.startedAt, done.round1RevealedAt],
      [2, done.round2OpenedAt, done.finishedAt],
    ]);
    expect(done.rounds.flatMap((r) => r.votes).every((v) => Date.parse(v.castAt) >= times[0]!)).toBe(true);
    expect(done.can).toEqual({ vote: false, reveal: false, openRound2: false, cancel: false });
  });

  it('the votes never change the debrief: its figures read the independent scorecards alone', async () => {
    const after = await as(hm).call('getDebrief', { params: { id: a.id }, query: {} });
    expect(figures(after)).toEqual(figures(before));
  });

  it('a finished meeting takes no more votes or transitions; a new one may start', async () => {
    await vote(ana, m, ballot(m, 2, 'yes')).expect(409);
    await as(hm)
      .raw('cancelMeeting', { params: { id: m.id } })
      .expect(409);
    await start(hm, a.id).expect(201);
  });

  it('the record kept with the decision: latestFinished answers both rounds, the movement and the timings', async () => {
    const caller: Caller = {
      sessionId: 'test',
      userId: recruiter.user.id,
      organizationId: admin.organization.id,
      organizationName: 'Meetings Co',
      name: recruiter.user.name,
      email: recruiter.user.email,
      role: 'recruiter',
    };
    const db = t.app.get(Db);
    const record = await db.asTenant(admin.organization.id, () =>
      t.app.get(MeetingsService).latestFinished(caller, a.id),
    );
    const done = await getMeeting(recruiter, m.id);
    expect(record).toEqual({
      id: m.id,
      applicationId: a.id,
      host: { id: hm.user.id, name: 'Hana Host' },
      members: done.members.map((x) => ({ id: x.id, name: x.name, host: x.host })),
      competencies: done.competencies,
      startedAt: done.startedAt,
      finishedAt: done.finishedAt,
      rounds: done.rounds,
      movement: done.movement,
    });
    const none = await g.application();
    expect(
      await db.asTenant(admin.organization.id, () => t.app.get(MeetingsService).latestFinished(caller, none.id)),
    ).toBeNull();
  });
  it('the candidate’s data export carries the finished meeting, as the record kept with the decision', async () => {
    const application = await as(admin).call('getApplication', { params: { id: a.id } });
    const exported = await as(admin).call('exportCandidate', { params: { id: application.candidate.id } });
    const done = await getMeeting(admin, m.id);
    expect(exported.meetings.map((x) => [x.id, x.rounds.length, x.movement.toward, x.movement.away])).toEqual([
      [m.id, 2, done.movement!.toward, done.movement!.away],
    ]);
  });
});

describe('cancelling', () => {
  it('the host or an admin cancels an open meeting; a member may not; a cancelled meeting shows no votes and frees the application', async () => {
    const a = await inDebrief();
    const m = (await start(hm, a.id).expect(201)).body as Meeting;
    await vote(ana, m, ballot(m, 1, 'yes')).expect(200);
    await vote(ben, m, ballot(m, 1, 'yes')).expect(200);
    await as(ana)
      .raw('cancelMeeting', { params: { id: m.id } })
      .expect(403);
    const cancelled = await as(hm).call('cancelMeeting', { params: { id: m.id } });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String), rounds: [] });
    const again = (await start(hm, a.id).expect(201)).body as Meeting;
    expect((await as(admin).call('cancelMeeting', { params: { id: again.id } })).status).toBe('cancelled');
    const list = await as(ana).call('listApplicationMeetings', { params: { id: a.id }, query: { pageSize: 1 } });
    expect(list).toMatchObject({ total: 2, pageSize: 1, items: [{ id: again.id, status: 'cancelled' }] });
  });
});

describe('live across instances', () => {
  it('every step is announced on the debrief’s stream as `meeting_changed`, carrying no vote', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const a = await inDebrief();
    const stream = await openStream(base, `/api/v1/applications/${a.id}/debrief/events`, bearer(ben.token));
    try {
      await eventually(() => stream.events.some((e) => e.event === 'ready'), 5_000, 'ready');
      const m = (await start(hm, a.id).expect(201)).body as Meeting;
      await vote(ana, m, ballot(m, 1, 'strong_no')).expect(200);
      const changed = () => stream.events.filter((e) => e.event === 'changed').map((e) => e.data);
      await eventually(() => changed().length >= 2, 5_000, 'two meeting changes');
      expect(changed()).toEqual(['{"kind":"meeting_changed"}', '{"kind":"meeting_changed"}']);
      expect(stream.body).not.toContain('strong_no');
      // A refused vote rolls back: nothing more is announced.
      await vote(recruiter, m, ballot(m, 1, 'yes')).expect(403);
      await new Promise((r) => setTimeout(r, 200));
      expect(changed()).toHaveLength(2);
    } finally {
      stream.close();
    }
  });
});
