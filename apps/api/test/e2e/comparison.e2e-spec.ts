import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Comparison, type AuthSession, type CandidateInput, type Scorecard } from '@scorecard/contracts';
import { bearer, type FocusedOpening } from '../support/factories.js';
import { flagOf, given, type Given, type Member } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The comparison says what the evidence can separate (issue 18, section 4): standard errors from
 * the scorecards' own overalls (or the pooled rater SD for a single scorecard), tiers decided against
 * each tier's head at the requested z, candidates with a rejection or an unacknowledged dealbreaker
 * listed apart, partial coverage never above full, the ratings view, and the compensation fit.
 *
 * The plan: steps 1 and 2 ask every criterion of every competency, so each of their scorecards
 * covers the whole rubric and its own overall is the one rating it gives; step 3 asks only the
 * first two competencies (a candidate seen only there is partially covered).
 */

const t = useTestApp();
let g: Given;
let admin: AuthSession;
let panel: Member[];
let opening: FocusedOpening;
let steps: { key: string; name: string }[];

beforeAll(async () => {
  g = await given(t, 'Comparison Co');
  admin = g.session;
  panel = await g.members(4);
  opening = await g.opening({ title: 'Tech Lead, Comparison' });
  const current = await g.api.as(admin).call('getOpening', { params: { id: opening.id } });
  const all = opening.competencies;
  const firstTwo = all.slice(0, 2);
  const planSteps = [
    { key: opening.steps[0]!.key, name: 'Whole rubric A', competencies: all },
    { key: opening.steps[1]!.key, name: 'Whole rubric B', competencies: all },
    { key: randomUUID(), name: 'First two only', competencies: firstTwo },
  ];
  await g.api.as(admin).call('saveOpeningPlan', {
    params: { id: opening.id },
    body: {
      steps: planSteps.map((s) => ({
        key: s.key,
        name: s.name,
        durationMinutes: 45,
        focusCompetencyKeys: s.competencies.map((c) => c.key),
        interviewerIds: [],
        criterionKeys: s.competencies.flatMap((c) => c.criteria.map((cr) => cr.key)),
      })),
      revision: current.revision,
    },
  });
  steps = planSteps.map((s) => ({ key: s.key, name: s.name }));
});

const newApplication = async (
  name: string,
  compensationExpectation: CandidateInput['compensationExpectation'] = null,
) => (await g.application({ candidate: { name, compensationExpectation } })).id;

const dealbreaker = () => flagOf(opening, 'dealbreaker');

/**
 * One submitted scorecard on step `step` (0 and 1: whole rubric; 2: the first two competencies)
 * that rates every asked criterion `value`, so its own overall is `value`. Scheduled in the past.
 */
async function scorecard(
  applicationId: string,
  interviewer: Member,
  step: 0 | 1 | 2,
  value: 1 | 2 | 3 | 4,
  options: { dealbreaker?: boolean } = {},
): Promise<Scorecard> {
  const asked = step === 2 ? opening.competencies.slice(0, 2) : opening.competencies;
  return g.submittedScorecard({
    application: applicationId,
    interviewer,
    extra: { stepKey: steps[step]!.key },
    content: {
      ratings: asked.flatMap((c) =>
        c.criteria.map((cr) => ({ criterionKey: cr.key, rating: value, evidence: 'Seen.' })),
      ),
      redFlags: options.dealbreaker ? [{ flagKey: dealbreaker().key, evidence: 'Blamed the team.' }] : [],
      recommendation: value >= 3 ? 'yes' : 'no',
      summary: 'Summary.',
    },
  });
}

const compare = (ids: string[], query: Record<string, string | number> = {}, token = admin.token) =>
  g.api
    .as({ token })
    .raw('getComparison', { params: { id: opening.id }, query: { applicationIds: ids.join(','), ...query } });

const USD = (dollars: number) => ({ currency: 'USD', amountMinor: dollars * 100 });

describe('tiers from standard errors', () => {
  let pat: string;
  let ann: string;
  let bob: string;
  let cat: string;
  let dee: string;
  let eve: string;
  let fay: string;
  let bobCard: Scorecard;

  beforeAll(async () => {
    const [p1, p2, p3, p4] = panel as [Member, Member, Member, Member];
    [pat, ann, bob, cat, dee, eve, fay] = await Promise.all([
      newApplication('Pat Flagged'),
      newApplication('Ann Four', USD(300_000)),
      newApplication('Bob Three', { currency: 'EUR', amountMinor: 200_000_00 }),
      newApplication('Cat Two', USD(200_000)),
      newApplication('Dee Partial', USD(150_000)),
      newApplication('Eve Declined'),
      newApplication('Fay Acknowledged'),
    ]);
    // Pat: two scorecards, 4 and 2 (own overalls SD √2), and an unacknowledged dealbreaker.
    await scorecard(pat, p1, 0, 4, { dealbreaker: true });
    await scorecard(pat, p2, 1, 2);
    // One scorecard each: their error is the pooled rater SD, √2 (Pat is the only candidate with two).
    await scorecard(ann, p1, 0, 4);
    bobCard = await scorecard(bob, p2, 0, 3);
    await scorecard(cat, p3, 1, 2);
    // Dee: the best ratings, but only on the first two competencies.
    await scorecard(dee, p4, 2, 4);
    // Eve: a no-hire decision. Fay: a dealbreaker a hire decision acknowledged.
    await scorecard(eve, p3, 0, 4);
    await scorecard(fay, p4, 1, 1, { dealbreaker: true });
    await t.db.query(
      `insert into application_decisions (organization_id, application_id, decision, rationale, decided_by,
                                          acknowledged_dealbreakers)
       values ($1, $2, 'no_hire', 'Not this time.', $4, false),
              ($1, $3, 'hire', 'Worth the risk.', $4, true)`,
      [admin.organization.id, eve, fay, admin.user.id],
    );
  });

  it('gives each overall its standard error: own SD / √k, the pooled rater SD for one scorecard', async () => {
    const res = Comparison.parse((await compare([pat, ann, bob]).expect(200)).body);
    expect(res.pooledRaterSd).toBeCloseTo(Math.SQRT2, 12);
    const byId = new Map(res.rows.map((r) => [r.applicationId, r]));
    expect(byId.get(pat)!.standardError).toEqual({ value: expect.closeTo(1, 12), basis: 'own' });
    expect(byId.get(ann)!.standardError).toEqual({ value: expect.closeTo(Math.SQRT2, 12), basis: 'pooled' });
    expect(byId.get(pat)!.overall.stat).toMatchObject({ count: 2, min: 2, max: 4 });
  });

  it('lists the dealbreaker and the no hire apart, below the tiers, with the reason; an acknowledged one stays in', async () => {
    // z = 1, threshold 1·√(2 + 2) = 2: Ann–Bob (1) tie, Ann–Fay (3) do not.
    const res = Comparison.parse((await compare([pat, ann, bob, eve, fay]).expect(200)).body);
    expect(res.rows.map((r) => [r.candidate.name, r.overall.score, r.tier, r.apart?.reason ?? null])).toEqual([
      ['Ann Four', 4, 1, null],
      ['Bob Three', 3, 1, null],
      ['Fay Acknowledged', 1, 2, null],
      ['Eve Declined', 4, null, 'no_hire'],
      ['Pat Flagged', 3, null, 'dealbreaker'],
    ]);
    expect(res.rows.find((r) => r.applicationId === pat)!.apart!.message).toBe(
      'An interviewer flagged a dealbreaker nobody has acknowledged.',
    );
  });

  it('never ties a candidate to the leader through a chain (z = 0.75: Ann–Bob and Bob–Cat tie, Ann–Cat do not)', async () => {
    // Pat, listed apart, still gives the rater error to pool. Threshold 0.75·√(2 + 2) = 1.5: gaps
    // of 1 tie, the gap of 2 separates.
    const res = Comparison.parse((await compare([cat, bob, ann, pat], { z: 0.75 }).expect(200)).body);
    expect(res.z).toBe(0.75);
    expect(res.rows.map((r) => [r.candidate.name, r.tier])).toEqual([
      ['Ann Four', 1],
      ['Bob Three', 1],
      ['Cat Two', 2],
      ['Pat Flagged', null],
    ]);
    // At z = 1.25 the threshold is 2.5: nothing separates them.
    const wide = Comparison.parse((await compare([cat, bob, ann, pat], { z: 1.25 }).expect(200)).body);
    expect(wide.rows.map((r) => r.tier)).toEqual([1, 1, 1, null]);
  });

  it('marks partial coverage and never puts it above a fully covered candidate', async () => {
    const res = Comparison.parse((await compare([dee, ann, bob, cat, pat], { z: 0.75 }).expect(200)).body);
    const weights = opening.competencies.map((c) => c.weight);
    const share = (weights[0]! + weights[1]!) / weights.reduce((a, b) => a + b, 0);
    expect(res.rows.map((r) => [r.candidate.name, r.tier, r.coverage.partial])).toEqual([
      ['Ann Four', 1, false],
      ['Bob Three', 1, false],
      ['Cat Two', 2, false],
      ['Dee Partial', 3, true],
      ['Pat Flagged', null, false],
    ]);
    const deeRow = res.rows[3]!;
    expect(deeRow.overall.score).toBe(4);
    expect(deeRow.coverage.share).toBeCloseTo(share, 12);
    expect(res.rows[0]!.coverage).toEqual({ share: 1, partial: false });
  });

  it('puts the compensation expectation against the opening’s band: under, within, over; unknown in another currency', async () => {
    const res = Comparison.parse((await compare([ann, bob, cat, dee, pat]).expect(200)).body);
    expect(res.opening.compensation).toEqual({ currency: 'USD', minMinor: 190_000_00, maxMinor: 250_000_00 });
    const fit = new Map(res.rows.map((r) => [r.candidate.name, r.fit.compensation]));
    expect(Object.fromEntries(fit)).toEqual({
      'Ann Four': 'over',
      'Bob Three': null,
      'Cat Two': 'within',
      'Dee Partial': 'under',
      'Pat Flagged': null,
    });
    expect(res.rows.find((r) => r.applicationId === ann)!.candidate.compensationExpectation).toEqual(USD(300_000));
  });

  it('reads first submissions by default and amendments when asked, and says which', async () => {
    await t
      .http()
      .post(`/api/v1/scorecards/${bobCard.id}/amendments`)
      .set(bearer(panel[1]!.token))
      .send({
        ratings: opening.competencies.flatMap((c) =>
          c.criteria.map((cr) => ({ criterionKey: cr.key, rating: 1, evidence: 'Re-read.' })),
        ),
        redFlags: [],
        recommendation: 'no',
        summary: 'On reflection, no.',
        notes: '',
        reason: 'Re-read my notes.',
        revision: bobCard.revision,
      })
      .expect(200);
    const independent = Comparison.parse((await compare([ann, bob]).expect(200)).body);
    expect(independent.ratingsView).toBe('independent');
    expect(independent.rows.find((r) => r.applicationId === bob)!.overall.score).toBe(3);
    const amended = Comparison.parse((await compare([ann, bob], { ratings: 'with_amendments' }).expect(200)).body);
    expect(amended.ratingsView).toBe('with_amendments');
    expect(amended.rows.find((r) => r.applicationId === bob)!.overall.score).toBe(1);
  });

  it.each<[string, Record<string, string | number>]>([
    ['z below 0.5', { z: 0.4 }],
    ['z above 3', { z: 3.5 }],
    ['z that is not a number', { z: 'wide' }],
    ['an unknown ratings view', { ratings: 'latest' }],
  ])('refuses %s with 400', async (_label, query) => {
    const res = await compare([ann, bob], query).expect(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('accepts the ends of the z range', async () => {
    for (const z of [0.5, 3]) {
      const res = Comparison.parse((await compare([ann, bob], { z }).expect(200)).body);
      expect(res.z).toBe(z);
    }
  });
});
