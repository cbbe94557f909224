import { beforeAll, describe, expect, it } from '@jest/globals';
import { Debrief, type AuthSession, type Recommendation, type Scorecard } from '@scorecard/contracts';
import type { FocusedOpening } from '../support/factories.js';
import { given, type Given, type Member } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Independent ratings stay independent (issue 18, section 2) and the debrief is read in the order
 * that limits anchoring (section 5): every figure reads each scorecard as first submitted, the
 * hiring team may switch to the amended view, an amendment made after its author read the panel's
 * feedback is labelled, and competencies with fewer than two independent ratings are evidence gaps.
 */

const t = useTestApp();
let g: Given;
let admin: AuthSession;
let recruiter: Member, hm: Member, ana: Member, ben: Member, carl: Member, dave: Member;
let opening: FocusedOpening;

beforeAll(async () => {
  g = await given(t, 'Independence Co');
  admin = g.session;
  recruiter = g.recruiter;
  hm = await g.member({ role: 'hiring_manager' });
  [ana, ben, carl, dave] = (await g.members(4)) as [Member, Member, Member, Member];
  opening = await g.opening({ title: 'Tech Lead, Independence' });
});

const newApplication = async (name: string) => (await g.application({ candidate: { name } })).id;

/** Schedules a step three hours ago (started, so its scorecard can be submitted); answers its scorecard's id. */
const schedule = async (application: string, interviewer: Member, step: 0 | 1 = 0) =>
  (await g.scheduledInterview({ application, interviewer, step })).scorecard!.id;

type Rating = 1 | 2 | 3 | 4 | null;

/** The first step asks every criterion of competencies 0 and 1: one value for each competency's criteria. */
const firstStep = (c0: Rating, c1: Rating) =>
  opening.competencies
    .slice(0, 2)
    .flatMap((c, i) =>
      c.criteria.map((cr) => ({ criterionKey: cr.key, rating: i === 0 ? c0 : c1, evidence: `Seen: ${i}` })),
    );
/** The second step asks the first criterion of competency 2 only. */
const secondStep = (r: Rating) => [
  { criterionKey: opening.competencies[2]!.criteria[0]!.key, rating: r, evidence: 'Seen.' },
];

type Ratings = ReturnType<typeof firstStep>;

const fillAndSubmit = (interviewer: Member, scorecard: string, ratings: Ratings, recommendation: Recommendation) =>
  g.submittedScorecard({ interviewer, scorecard, content: { ratings, recommendation, summary: 'First take.' } });

const amend = (member: Member, card: Scorecard, ratings: Ratings, recommendation: Recommendation, reason: string) =>
  g.api.as(member).call('amendScorecard', {
    params: { id: card.id },
    body: {
      ratings,
      redFlags: [],
      recommendation,
      summary: 'Second take.',
      notes: '',
      reason,
      revision: card.revision,
    },
  });

const getDebrief = (member: { token: string }, applicationId: string, ratings?: string) => {
  return g.api
    .as(member)
    .raw('getDebrief', { params: { id: applicationId }, query: ratings === undefined ? undefined : { ratings } });
};

const read = async (member: { token: string }, applicationId: string, ratings?: string) =>
  Debrief.parse((await getDebrief(member, applicationId, ratings).expect(200)).body);

/** The figures of a debrief, everything its view decides. */
const figures = (d: Debrief) => ({
  overall: d.overall,
  competencies: d.competencies,
  disagreements: d.disagreements,
  tally: d.tally,
  unassessed: d.unassessed,
  evidenceGaps: d.evidenceGaps,
});

const competencyStat = (d: Debrief, i: number) =>
  d.competencies.find((c) => c.key === opening.competencies[i]!.key)!.stat;

async function viewed(applicationId: string, member: Member): Promise<boolean> {
  const rows = (await t.db.query(
    `select 1 from feedback_views where organization_id = $1 and application_id = $2 and user_id = $3`,
    [admin.organization.id, applicationId, member.user.id],
  )) as unknown[];
  return rows.length === 1;
}

describe('figures read each scorecard as first submitted', () => {
  let app: string;
  let anaCard: Scorecard;
  let benCard: Scorecard;
  let before: Debrief;

  beforeAll(async () => {
    app = await newApplication('Fiona First');
    const [anaId, benId] = [await schedule(app, ana), await schedule(app, ben)];
    anaCard = await fillAndSubmit(ana, anaId, firstStep(4, 4), 'strong_yes');
    benCard = await fillAndSubmit(ben, benId, firstStep(2, 2), 'no');
    before = await read(hm, app);
  });

  it('the debrief says it reads the independent ratings by default', () => {
    expect(before.ratingsView).toBe('independent');
    // Ana 4, Ben 2 on each competency.
    expect(competencyStat(before, 0)).toEqual({ mean: 3, count: 2, min: 2, max: 4, spread: 2 });
    expect(before.tally).toEqual({ strong_no: 0, no: 1, yes: 0, strong_yes: 1 });
    expect(before.disagreements.recommendationSplit).toBe(true);
  });

  it('an amendment after reading the debrief leaves every figure unchanged, and is labelled after feedback', async () => {
    expect(await viewed(app, ana)).toBe(false);
    await read(ana, app);
    expect(await viewed(app, ana)).toBe(true);
    anaCard = await amend(ana, anaCard, firstStep(1, 1), 'no', 'The others saw what I missed.');

    const after = await read(hm, app);
    expect(figures(after)).toEqual(figures(before));
    const card = after.scorecards.find((s) => s.id === anaCard.id)!;
    // The card itself shows the amendment, with what it replaced and when it was made.
    expect(card.recommendation).toBe('no');
    expect(card.amendments).toHaveLength(1);
    expect(card.amendments[0]).toMatchObject({
      by: { id: ana.user.id, name: ana.user.name },
      reason: 'The others saw what I missed.',
      afterFeedback: true,
      original: { recommendation: 'strong_yes', summary: 'First take.' },
    });
    expect(card.amendments[0]!.original.ratings.map((r) => r.rating)).toEqual(firstStep(4, 4).map(() => 4));
    expect(new Set(card.amendments[0]!.original.ratings.map((r) => r.criterionKey))).toEqual(
      new Set(firstStep(4, 4).map((r) => r.criterionKey)),
    );
  });

  it('the hiring team switches to the amended view, which counts the amendment and says so', async () => {
    for (const member of [hm, recruiter, { token: admin.token }]) {
      const d = await read(member, app, 'with_amendments');
      expect(d.ratingsView).toBe('with_amendments');
      // Ana now 1, Ben 2.
      expect(competencyStat(d, 0)).toEqual({ mean: 1.5, count: 2, min: 1, max: 2, spread: 1 });
      expect(d.overall.score).toBe(1.5);
      expect(d.tally).toEqual({ strong_no: 0, no: 2, yes: 0, strong_yes: 0 });
      expect(d.disagreements).toEqual({ competencies: [], criteria: [], recommendationSplit: false });
    }
    const independent = await read(hm, app, 'independent');
    expect(figures(independent)).toEqual(figures(before));
  });

  it('an amendment by someone who never read the panel’s feedback is not labelled', async () => {
    expect(await viewed(app, ben)).toBe(false);
    benCard = await amend(ben, benCard, firstStep(3, 2), 'no', 'Typo on technical depth.');
    const d = await read(hm, app, 'with_amendments');
    expect(d.scorecards.find((s) => s.id === benCard.id)!.amendments).toEqual([
      expect.objectContaining({ reason: 'Typo on technical depth.', afterFeedback: false }),
    ]);
    // Ana 1, Ben 3 in the amended view; still 4 and 2 as first submitted.
    expect(competencyStat(d, 0)).toMatchObject({ mean: 2, min: 1, max: 3 });
    expect(figures(await read(hm, app))).toEqual(figures(before));
  });

  it('an interviewer cannot switch to the amended view: 403, and nothing is recorded', async () => {
    const res = await getDebrief(ben, app, 'with_amendments').expect(403);
    expect(res.body).toMatchObject({ code: 'forbidden' });
    expect(res.body.detail).toMatch(/only the hiring team can switch/);
    expect(await viewed(app, ben)).toBe(false);
    // Asking for the independent view explicitly is the same as the default.
    expect((await read(ben, app, 'independent')).ratingsView).toBe('independent');
    expect(await viewed(app, ben)).toBe(true);
  });

  it('refuses an unknown view with 400', async () => {
    const res = await getDebrief(hm, app, 'latest').expect(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('a debrief showing only the reader’s own scorecard records no view of the panel’s feedback', async () => {
    const solo = await newApplication('Sol Only');
    const card = await fillAndSubmit(carl, await schedule(solo, carl), firstStep(3, 3), 'yes');
    const d = await read(carl, solo);
    expect(d.scorecards.map((s) => s.id)).toEqual([card.id]);
    expect(await viewed(solo, carl)).toBe(false);
    const amended = await amend(carl, card, firstStep(3, 4), 'yes', 'Forgot one.');
    expect(amended.amendments[0]!.afterFeedback).toBe(false);
  });
});

describe('reads of the panel’s feedback are recorded wherever they happen', () => {
  let app: string;
  let other: string;
  let anaCard: Scorecard;

  beforeAll(async () => {
    app = await newApplication('Rhea Recorded');
    other = await newApplication('Otto Other');
    anaCard = await fillAndSubmit(ana, await schedule(app, ana), firstStep(3, 3), 'yes');
    await fillAndSubmit(ben, await schedule(other, ben), firstStep(3, 3), 'yes');
  });

  it('the application’s scorecards list', async () => {
    const dave1 = await schedule(app, dave);
    await fillAndSubmit(dave, dave1, firstStep(3, 2), 'yes');
    expect(await viewed(app, dave)).toBe(false);
    await g.api.as(dave).call('listApplicationScorecards', { params: { id: app } });
    expect(await viewed(app, dave)).toBe(true);
  });

  it('another person’s submitted scorecard, not one’s own', async () => {
    const carlCard = await schedule(app, carl);
    const mine = await fillAndSubmit(carl, carlCard, firstStep(2, 3), 'yes');
    await g.api.as(carl).call('getScorecard', { params: { id: mine.id } });
    expect(await viewed(app, carl)).toBe(false);
    await g.api.as(carl).call('getScorecard', { params: { id: anaCard.id } });
    expect(await viewed(app, carl)).toBe(true);
  });

  it('a comparison including the application', async () => {
    expect(await viewed(app, recruiter)).toBe(false);
    expect(await viewed(other, recruiter)).toBe(false);
    await g.api
      .as(recruiter)
      .call('getComparison', { params: { id: opening.id }, query: { applicationIds: `${app},${other}` } });
    expect(await viewed(app, recruiter)).toBe(true);
    expect(await viewed(other, recruiter)).toBe(true);
  });

  it('a refused read records nothing', async () => {
    const pendingApp = await newApplication('Penny Pending');
    await fillAndSubmit(ana, await schedule(pendingApp, ana), firstStep(3, 3), 'yes');
    await schedule(pendingApp, ben);
    await getDebrief(ben, pendingApp).expect(403);
    await g.api
      .as(ben)
      .call('listApplicationScorecards', { params: { id: pendingApp } })
      .expect(403);
    expect(await viewed(pendingApp, ben)).toBe(false);
  });
});

describe('evidence gaps', () => {
  it('lists, in rubric order, the competencies fewer than two scorecards rated in their first submission', async () => {
    const app = await newApplication('Gail Gaps');
    await fillAndSubmit(ana, await schedule(app, ana), firstStep(3, 3), 'yes');
    await fillAndSubmit(carl, await schedule(app, carl, 1), secondStep(3), 'yes');
    const names = opening.competencies.map((c) => c.name);
    const keys = opening.competencies.map((c) => c.key);
    expect((await read(hm, app)).evidenceGaps).toEqual([
      { competencyKey: keys[0], name: names[0], ratings: 1 },
      { competencyKey: keys[1], name: names[1], ratings: 1 },
      { competencyKey: keys[2], name: names[2], ratings: 1 },
      { competencyKey: keys[3], name: names[3], ratings: 0 },
    ]);

    // Ben rates technical depth but leaves leadership "not assessed" in his first submission.
    const benCard = await fillAndSubmit(ben, await schedule(app, ben), firstStep(2, null), 'no');
    const two = await read(hm, app);
    expect(two.evidenceGaps.map((g) => [g.competencyKey, g.ratings])).toEqual([
      [keys[1], 1],
      [keys[2], 1],
      [keys[3], 0],
    ]);

    // An amendment that rates leadership after the fact is not independent evidence: still a gap,
    // in either view, though the amended view's scores count it.
    await read(ben, app);
    await amend(ben, benCard, firstStep(2, 3), 'no', 'Remembered the leadership answers.');
    for (const view of ['independent', 'with_amendments']) {
      const d = await read(hm, app, view);
      expect(d.evidenceGaps.map((g) => [g.competencyKey, g.ratings])).toEqual([
        [keys[1], 1],
        [keys[2], 1],
        [keys[3], 0],
      ]);
    }
    expect(competencyStat(await read(hm, app, 'with_amendments'), 1)).toMatchObject({ count: 2 });
    expect(competencyStat(await read(hm, app), 1)).toMatchObject({ count: 1 });
  });

  it('are empty when every competency has two independent ratings, and all of them before any scorecard', async () => {
    const app = await newApplication('Nina None');
    expect((await read(hm, app)).evidenceGaps.map((g) => g.ratings)).toEqual([0, 0, 0, 0]);
  });
});

describe('reading order', () => {
  it('puts what to discuss first, then the evidence gaps, the scores, the scorecards, and the decisions last', async () => {
    const app = await newApplication('Otis Order');
    await fillAndSubmit(ana, await schedule(app, ana), firstStep(3, 3), 'yes');
    const res = await getDebrief(hm, app).expect(200);
    const keys = Object.keys(res.body as object);
    const at = (k: string) => {
      expect(keys).toContain(k);
      return keys.indexOf(k);
    };
    expect(at('dealbreaker')).toBeLessThan(at('disagreements'));
    expect(at('disagreements')).toBeLessThan(at('evidenceGaps'));
    expect(at('evidenceGaps')).toBeLessThan(at('overall'));
    expect(at('overall')).toBeLessThan(at('competencies'));
    expect(at('competencies')).toBeLessThan(at('scorecards'));
    expect(at('scorecards')).toBeLessThan(at('decisions'));
    expect(keys.at(-1)).toBe('decisions');
  });
});
