import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  Comparison,
  Debrief,
  type AuthSession,
  type CandidateInput,
  type Interview,
  type Scorecard,
} from '@scorecard/contracts';
import { bearer, openOpeningWithFocus, signup, type FocusedOpening } from '../support/factories.js';
import { flagOf, given, type Given, type Member, type ScorecardContent } from '../support/given.js';
import { queueIdle } from '../support/org-fixture.js';
import { countAppQueries, useTestApp } from '../support/test-app.js';
import { hoursFromNow } from '../support/time.js';

const t = useTestApp();
let g: Given;
let admin: AuthSession;
let recruiter: string;
let ana: Member, ben: Member, carl: Member, dave: Member, eve: Member, hm: Member;
let opening: FocusedOpening;
let other: AuthSession;

const FORBIDDEN_DRAFT = 'Submit your own scorecard first: until then the panel’s feedback stays hidden.';
const FORBIDDEN_NOT_ON_PANEL =
  'Only interviewers who submitted a scorecard for this candidate see the panel’s feedback.';

beforeAll(async () => {
  g = await given(t, 'Debriefs Co');
  admin = g.session;
  recruiter = g.recruiter.token;
  [ana, ben, carl, dave, eve] = (await g.members(5)) as [Member, Member, Member, Member, Member];
  hm = await g.member({ role: 'hiring_manager' });
  // The opening states its expectations, for the comparison's fit column.
  opening = await g.opening({ title: 'Tech Lead, Payments', update: { codingSharePct: 40, careerPath: 'technical' } });
  other = await signup(t, 'Elsewhere Co');
});

const newApplication = async (name: string, wishes: Partial<CandidateInput> = {}, plan = opening) =>
  (await g.application({ opening: plan, candidate: { name, currentTitle: 'Staff Engineer', ...wishes } })).id;

/** Schedules a step (the first by default) three hours ago, so its feedback is awaited but not yet due. */
const schedule = (application: string, interviewer: Member, options: { step?: 0 | 1; startsAt?: string } = {}) =>
  g.scheduledInterview({ application, interviewer, ...options });

type Rating = 1 | 2 | 3 | 4 | null;

/** The criteria keys of competency i of the rubric, in rubric order. */
const criteriaOf = (i: number) => opening.competencies[i]!.criteria.map((c) => c.key);
const competencyKey = (i: number) => opening.competencies[i]!.key;
const dealbreaker = () => flagOf(opening, 'dealbreaker');
const concern = () => flagOf(opening, 'concern');

/** Ratings for the criteria of competency i, in order (evidence on every rating). */
const rate = (i: number, values: Rating[]) =>
  criteriaOf(i).map((criterionKey, n) => ({ criterionKey, rating: values[n]!, evidence: `Evidence ${n + 1}` }));

type Content = Partial<ScorecardContent> & {
  /** The revision of a draft saved before; 0 for a fresh scorecard. */
  revision?: number;
};

/** The second step asks only the first criterion of competency 2: Carl rates it 3. */
const carlsRatings = () => rate(2, [3]).slice(0, 1);

/** Saves a scorecard and submits it, through the API. */
const fillAndSubmit = (interviewer: Member, scorecard: string, { revision, ...content }: Content) =>
  g.submittedScorecard({
    interviewer,
    scorecard,
    revision,
    content: { redFlags: [], summary: 'Summary.', notes: 'Private notes.', ...content },
  });

/** Schedules the interviewer (first step, three hours ago) and submits their scorecard. */
const interviewAndSubmit = (application: string, interviewer: Member, content: Content) =>
  g.submittedScorecard({
    application,
    interviewer,
    content: { redFlags: [], summary: 'Summary.', notes: 'Private notes.', ...content },
  });

const getDebrief = (token: string, applicationId: string) =>
  g.api.as({ token }).raw('getDebrief', { params: { id: applicationId } });

const getComparison = (token: string, ids: string[], openingId = opening.id) =>
  g.api.as({ token }).raw('getComparison', { params: { id: openingId }, query: { applicationIds: ids.join(',') } });

const stat = (mean: number, count: number, min: number, max: number) => ({ mean, count, min, max, spread: max - min });

describe('the debrief of a known panel', () => {
  let app: string;
  let anaCard: Scorecard;
  let benCard: Scorecard;
  let carlCard: Scorecard;
  let daveInterview: Interview;
  let eveInterview: Interview;
  let debrief: Debrief;

  beforeAll(async () => {
    app = await newApplication('Noor Haddad', { desiredCodingSharePct: 30, desiredCareerPath: 'undecided' });
    const [anaI, benI, carlI] = [
      await schedule(app, ana),
      await schedule(app, ben),
      await schedule(app, carl, { step: 1 }),
    ];
    daveInterview = await schedule(app, dave, { step: 1, startsAt: hoursFromNow(-30) });
    eveInterview = await schedule(app, eve, { startsAt: hoursFromNow(48) });
    // Technical depth (0) and technical leadership (1) by Ana and Ben; mentoring (2) by Carl.
    anaCard = await fillAndSubmit(ana, anaI.scorecard!.id, {
      ratings: [...rate(0, [4, 3, 3, 2]), ...rate(1, [3, 3, null, null])],
      redFlags: [{ flagKey: concern().key, evidence: 'Talked only about their own code.' }],
      recommendation: 'strong_yes',
      notes: 'Ana’s notes.',
    });
    benCard = await fillAndSubmit(ben, benI.scorecard!.id, {
      ratings: [...rate(0, [2, 2, null, 2]), ...rate(1, [1, 1, 1, 1])],
      redFlags: [{ flagKey: dealbreaker().key, evidence: 'Has never helped anyone grow.' }],
      recommendation: 'no',
    });
    const carlFirst = await fillAndSubmit(carl, carlI.scorecard!.id, {
      ratings: carlsRatings(),
      recommendation: 'yes',
    });
    carlCard = await g.api.as(carl).call('amendScorecard', {
      params: { id: carlFirst.id },
      body: {
        ratings: carlsRatings(),
        redFlags: [{ flagKey: dealbreaker().key, evidence: 'Could not name one person they mentored.' }],
        recommendation: 'no',
        summary: 'On reflection, a no.',
        notes: '',
        reason: 'Re-read my notes.',
        revision: carlFirst.revision,
      },
    });
    await t.db.query(
      `insert into application_decisions (organization_id, application_id, decision, rationale, decided_by, decided_at)
       values ($1, $2, 'hold', 'Wait for the last interview.', $3, now() - interval '1 hour'),
              ($1, $2, 'no_hire', 'Two dealbreakers.', $3, now())`,
      [admin.organization.id, app, admin.user.id],
    );
    debrief = Debrief.parse((await getDebrief(admin.token, app).expect(200)).body);
  });

  it('scores each competency over the scorecards that rated it, with count and spread; “not assessed” is not a zero', () => {
    const byKey = new Map(debrief.competencies.map((c) => [c.key, c]));
    expect(debrief.competencies.map((c) => c.key)).toEqual(opening.competencies.map((c) => c.key));
    // Ana 3 (12/4), Ben 2 ((2+2+2)/3: his “not assessed” is left out; as a zero it would be 1.5).
    expect(byKey.get(competencyKey(0))).toMatchObject({
      name: opening.competencies[0]!.name,
      category: 'technical',
      weight: 30,
      stat: stat(2.5, 2, 2, 3),
      disagreement: false,
    });
    // Ana 3 ((3+3)/2), Ben 1: two levels apart.
    expect(byKey.get(competencyKey(1))).toMatchObject({ stat: stat(2, 2, 1, 3), disagreement: true });
    expect(byKey.get(competencyKey(2))).toMatchObject({ stat: stat(3, 1, 3, 3), disagreement: false });
    expect(byKey.get(competencyKey(3))).toMatchObject({ stat: null, disagreement: false });
  });

  it('gives every criterion its stat, null when nobody rated it, and marks those spanning two levels', () => {
    const criteria = new Map(debrief.competencies.flatMap((c) => c.criteria.map((cr) => [cr.key, cr])));
    const [k1, k2, k3, k4] = criteriaOf(0);
    const [l1, l2, l3] = criteriaOf(1);
    expect(criteria.get(k1!)).toMatchObject({ stat: stat(3, 2, 2, 4), disagreement: true });
    expect(criteria.get(k2!)).toMatchObject({ stat: stat(2.5, 2, 2, 3), disagreement: false });
    expect(criteria.get(k3!)).toMatchObject({ stat: stat(3, 1, 3, 3), disagreement: false });
    expect(criteria.get(k4!)).toMatchObject({ stat: stat(2, 2, 2, 2), disagreement: false });
    expect(criteria.get(l1!)).toMatchObject({ stat: stat(2, 2, 1, 3), disagreement: true });
    expect(criteria.get(l3!)).toMatchObject({ stat: stat(1, 1, 1, 1) });
    // The second step asks only the first criterion of mentoring.
    expect(criteria.get(criteriaOf(2)[0]!)).toMatchObject({ stat: stat(3, 1, 3, 3) });
    expect(criteria.get(criteriaOf(2)[1]!)).toMatchObject({ stat: null });
    expect(criteria.get(criteriaOf(3)[0]!)).toMatchObject({ stat: null, disagreement: false });
    expect(debrief.disagreements).toEqual({
      competencies: [competencyKey(1)],
      criteria: [k1, l1, l2],
      recommendationSplit: true,
    });
  });

  it('weights the overall by the rubric over the competencies with data, with the spread of each scorecard’s own overall', () => {
    // (2.5×30 + 2×30 + 3×20) / 80; unweighted it would be 2.5. Communication has no data and no weight.
    expect(debrief.overall.score).toBe(2.4375);
    // Ana (3×30 + 3×30)/60 = 3, Ben (2×30 + 1×30)/60 = 1.5, Carl 3.
    expect(debrief.overall.stat).toEqual(stat(2.5, 3, 1.5, 3));
    expect(debrief.unassessed).toEqual([competencyKey(3)]);
  });

  it('tallies recommendations as first submitted: Carl’s amendment from yes to no is not counted', async () => {
    expect(debrief.ratingsView).toBe('independent');
    expect(debrief.tally).toEqual({ strong_no: 0, no: 1, yes: 1, strong_yes: 1 });
    const amended = Debrief.parse((await getDebrief(admin.token, app).query({ ratings: 'with_amendments' })).body);
    expect(amended.tally).toEqual({ strong_no: 0, no: 2, yes: 0, strong_yes: 1 });
  });

  it('lists red flags by flag with who saw them and their evidence, and marks the dealbreaker', () => {
    const order = (key: string) => opening.redFlags.findIndex((f) => f.key === key);
    const expected = [
      {
        flagKey: concern().key,
        description: concern().description,
        severity: 'concern',
        seenBy: [
          {
            scorecardId: anaCard.id,
            interviewer: { id: ana.user.id, name: ana.user.name },
            evidence: 'Talked only about their own code.',
          },
        ],
      },
      {
        flagKey: dealbreaker().key,
        description: dealbreaker().description,
        severity: 'dealbreaker',
        seenBy: [
          {
            scorecardId: benCard.id,
            interviewer: { id: ben.user.id, name: ben.user.name },
            evidence: 'Has never helped anyone grow.',
          },
          {
            scorecardId: carlCard.id,
            interviewer: { id: carl.user.id, name: carl.user.name },
            evidence: 'Could not name one person they mentored.',
          },
        ],
      },
    ].sort((a, b) => order(a.flagKey) - order(b.flagKey));
    expect(debrief.redFlags).toEqual(expected);
    expect(debrief.dealbreaker).toBe(true);
  });

  it('includes every submitted scorecard with its amendments, and the reader’s own notes only', async () => {
    expect(debrief.scorecards.map((s) => s.id)).toEqual([anaCard.id, benCard.id, carlCard.id]);
    const carls = debrief.scorecards.find((s) => s.id === carlCard.id)!;
    expect(carls.amendments).toEqual([
      expect.objectContaining({ reason: 'Re-read my notes.', by: { id: carl.user.id, name: carl.user.name } }),
    ]);
    expect(debrief.scorecards.find((s) => s.id === anaCard.id)!.amendments).toEqual([]);
    expect(debrief.scorecards.every((s) => s.notes === '')).toBe(true);
    const asAna = Debrief.parse((await getDebrief(ana.token, app).expect(200)).body);
    expect(asAna.scorecards.find((s) => s.id === anaCard.id)!.notes).toBe('Ana’s notes.');
    expect(asAna.scorecards.find((s) => s.id === benCard.id)!.notes).toBe('');
  });

  it('lists the scorecards still owed, the overdue ones marked, soonest due first', () => {
    expect(debrief.pending).toEqual([
      {
        interviewId: daveInterview.id,
        interviewer: { id: dave.user.id, name: dave.user.name },
        step: opening.steps[1]!.name,
        feedbackDueAt: daveInterview.feedbackDueAt,
        overdue: true,
      },
      {
        interviewId: eveInterview.id,
        interviewer: { id: eve.user.id, name: eve.user.name },
        step: opening.steps[0]!.name,
        feedbackDueAt: eveInterview.feedbackDueAt,
        overdue: false,
      },
    ]);
  });

  it('names the application, candidate, opening and rubric version, and lists decisions newest first', () => {
    expect(debrief.application).toMatchObject({
      id: app,
      stage: 'applied',
      candidate: { name: 'Noor Haddad', currentTitle: 'Staff Engineer' },
      opening: { id: opening.id, title: 'Tech Lead, Payments', hiringManager: { id: admin.user.id } },
    });
    expect(debrief.rubricVersion).toMatchObject({ id: opening.rubricVersionId, name: 'Tech Lead', version: 1 });
    expect(debrief.decisions.map((d) => [d.decision, d.rationale, d.by.id])).toEqual([
      ['no_hire', 'Two dealbreakers.', admin.user.id],
      ['hold', 'Wait for the last interview.', admin.user.id],
    ]);
  });

  it('lays the ratings out interviewer by criterion: a column per submitted scorecard, a row per criterion in rubric order, “not asked” where the step did not ask it', () => {
    const { grid } = debrief;
    expect(grid.columns).toEqual([
      { scorecardId: anaCard.id, interviewer: { id: ana.user.id, name: ana.user.name }, step: opening.steps[0]!.name },
      { scorecardId: benCard.id, interviewer: { id: ben.user.id, name: ben.user.name }, step: opening.steps[0]!.name },
      {
        scorecardId: carlCard.id,
        interviewer: { id: carl.user.id, name: carl.user.name },
        step: opening.steps[1]!.name,
      },
    ]);
    expect(grid.rows.map((r) => [r.competencyKey, r.criterionKey])).toEqual(
      opening.competencies.flatMap((c) => c.criteria.map((cr) => [c.key, cr.key])),
    );
    // Each cell is what the interviewer submitted: the rating and its evidence, cell for cell.
    const submitted = new Map<string, Map<string, { rating: Rating; evidence: string }>>([
      [anaCard.id, new Map([...rate(0, [4, 3, 3, 2]), ...rate(1, [3, 3, null, null])].map((r) => [r.criterionKey, r]))],
      [benCard.id, new Map([...rate(0, [2, 2, null, 2]), ...rate(1, [1, 1, 1, 1])].map((r) => [r.criterionKey, r]))],
      [carlCard.id, new Map(carlsRatings().map((r) => [r.criterionKey, r]))],
    ]);
    for (const row of grid.rows) {
      row.cells.forEach((cell, i) => {
        const given = submitted.get(grid.columns[i]!.scorecardId)!.get(row.criterionKey);
        const expected = !given
          ? { status: 'not_asked', rating: null, evidence: '', other: null }
          : {
              status: given.rating === null ? 'not_assessed' : 'rated',
              rating: given.rating,
              evidence: given.evidence,
              other: null,
            };
        expect(cell).toEqual(expected);
      });
    }
    // Spot checks against the figures: the first criterion is Ana 4, Ben 2 (a disagreement), Carl not asked.
    const first = grid.rows[0]!;
    expect(first.cells.map((c) => [c.status, c.rating])).toEqual([
      ['rated', 4],
      ['rated', 2],
      ['not_asked', null],
    ]);
    expect(debrief.disagreements.criteria).toContain(first.criterionKey);
    // Ben's “not assessed” is asked, not a zero and not “not asked”.
    expect(grid.rows[2]!.cells[1]).toMatchObject({ status: 'not_assessed', rating: null, evidence: 'Evidence 3' });
  });

  it('costs the same number of queries for a panel of one as for a panel of three', async () => {
    const single = await newApplication('Solo Panel');
    await interviewAndSubmit(single, ana, {
      ratings: [...rate(0, [3, 3, 3, 3]), ...rate(1, [3, 3, 3, 3])],
      recommendation: 'yes',
    });
    // The set-up's background work (its emails) is done, so only the debriefs' own statements count.
    await queueIdle(t);
    const queries = countAppQueries(t);
    try {
      const forOne = await queries.fewest(() => getDebrief(admin.token, single).expect(200));
      expect(await queries.fewest(() => getDebrief(admin.token, app).expect(200))).toBe(forOne);
      // The session, the reader's own scorecards, the submitted scorecards, the record of the read,
      // the figures, the rest.
      expect(forOne).toBeLessThanOrEqual(6);
      expect(forOne).toBeGreaterThanOrEqual(3);
    } finally {
      queries.restore();
    }
  });

  describe('comparison', () => {
    let strong: string;
    let solid: string;

    beforeAll(async () => {
      strong = await newApplication('Bea Strong', { desiredCodingSharePct: 50, desiredCareerPath: 'technical' });
      solid = await newApplication('Cy Solid', { desiredCodingSharePct: null, desiredCareerPath: 'management' });
      await interviewAndSubmit(strong, ana, {
        ratings: [...rate(0, [4, 4, 4, 4]), ...rate(1, [4, 4, 4, 4])],
        recommendation: 'strong_yes',
      });
      await interviewAndSubmit(solid, ana, {
        ratings: [...rate(0, [3, 3, 3, 3]), ...rate(1, [3, 3, 3, 3])],
        recommendation: 'yes',
      });
    });

    it('puts applications side by side on the opening’s rubric, in tiers, with a no-hire candidate listed apart', async () => {
      const res = Comparison.parse((await getComparison(hm.token, [app, strong, solid]).expect(200)).body);
      expect(res.opening).toEqual({
        id: opening.id,
        title: 'Tech Lead, Payments',
        codingSharePct: 40,
        careerPath: 'technical',
        compensation: { currency: 'USD', minMinor: 190_000_00, maxMinor: 250_000_00 },
      });
      expect([res.z, res.ratingsView]).toEqual([1, 'independent']);
      expect(res.competencies).toEqual(
        opening.competencies.map((c) => ({ key: c.key, name: c.name, weight: c.weight })),
      );
      // Noor's latest decision is no hire: apart, below the tiers. Bea and Cy have one scorecard
      // each, so their error is the pooled rater SD (Noor's cards 3, 1.5, 3: SD √0.75); the gap of 1
      // is under √(0.75 + 0.75) = 1.22, so they share tier 1.
      expect(res.rows.map((r) => [r.candidate.name, r.overall.score, r.tier, r.apart?.reason ?? null])).toEqual([
        ['Bea Strong', 4, 1, null],
        ['Cy Solid', 3, 1, null],
        ['Noor Haddad', 2.4375, null, 'no_hire'],
      ]);
      expect(res.pooledRaterSd).toBeCloseTo(Math.sqrt(0.75), 12);
      expect(res.rows[0]!.standardError).toEqual({ value: expect.closeTo(Math.sqrt(0.75), 12), basis: 'pooled' });
      expect(res.rows[2]!.standardError).toEqual({ value: expect.closeTo(Math.sqrt(0.75 / 3), 12), basis: 'own' });
      const noor = res.rows[2]!;
      expect(noor).toMatchObject({
        applicationId: app,
        stage: 'applied',
        overall: { score: 2.4375, stat: stat(2.5, 3, 1.5, 3) },
        // As first submitted: Carl's yes, not his amended no.
        tally: { strong_no: 0, no: 1, yes: 1, strong_yes: 1 },
        scorecards: 3,
        redFlags: { concerns: 1, dealbreakers: 2 },
        fit: { codingShareGap: -10, careerPathMatch: null, compensation: null },
      });
      expect(noor.competencies).toEqual({
        [competencyKey(0)]: stat(2.5, 2, 2, 3),
        [competencyKey(1)]: stat(2, 2, 1, 3),
        [competencyKey(2)]: stat(3, 1, 3, 3),
        [competencyKey(3)]: null,
      });
      expect(res.rows[0]).toMatchObject({
        candidate: {
          name: 'Bea Strong',
          source: 'referral',
          desiredCodingSharePct: 50,
          desiredCareerPath: 'technical',
        },
        fit: { codingShareGap: 10, careerPathMatch: true, compensation: null },
        redFlags: { concerns: 0, dealbreakers: 0 },
        scorecards: 1,
        overall: { score: 4, stat: stat(4, 1, 4, 4) },
      });
      expect(res.rows[1]!.fit).toEqual({ codingShareGap: null, careerPathMatch: false, compensation: null });
    });

    it('does not separate one-scorecard candidates when no candidate gives a rater error to pool', async () => {
      const res = Comparison.parse((await getComparison(recruiter, [solid, strong]).expect(200)).body);
      expect(res.pooledRaterSd).toBeNull();
      expect(res.rows.map((r) => [r.applicationId, r.tier, r.standardError])).toEqual([
        [strong, 1, { value: null, basis: 'unknown' }],
        [solid, 1, { value: null, basis: 'unknown' }],
      ]);
    });

    it.each<[string, () => string]>([
      ['one application', () => app],
      ['nine applications', () => Array.from({ length: 9 }, () => randomUUID()).join(',')],
      ['the same application twice', () => `${app},${app}`],
      ['something that is not an id', () => `${app},nope`],
    ])('refuses %s with 400', async (_label, ids) => {
      const res = await t
        .http()
        .get(`/api/v1/openings/${opening.id}/comparison`)
        .query({ applicationIds: ids() })
        .set(bearer(admin.token))
        .expect(400);
      expect(res.body.code).toBe('validation_failed');
    });

    it('answers 404 when an application belongs to another opening, naming none of them', async () => {
      const elsewhere = await g.opening({ title: 'Another opening' });
      const theirs = await newApplication('Other Opening', {}, elsewhere);
      const res = await getComparison(admin.token, [app, theirs]).expect(404);
      expect(res.body.code).toBe('not_found');
      expect(JSON.stringify(res.body)).not.toContain(theirs);
      expect(JSON.stringify(res.body)).not.toContain(app);
      await getComparison(admin.token, [app, randomUUID()]).expect(404);
      await getComparison(admin.token, [app, strong], randomUUID()).expect(404);
    });
  });
});

describe('the grid in both views of the ratings', () => {
  let app: string;
  let anaCard: Scorecard;

  beforeAll(async () => {
    app = await newApplication('Gita Grid');
    anaCard = await interviewAndSubmit(app, ana, {
      ratings: [...rate(0, [4, 4, 4, 4]), ...rate(1, [3, 3, 3, 3])],
      recommendation: 'strong_yes',
    });
    await interviewAndSubmit(app, ben, {
      ratings: [...rate(0, [2, 3, 3, 3]), ...rate(1, [3, 3, 3, 3])],
      recommendation: 'yes',
    });
    // Ana reads the panel, then amends her first criterion from 4 to 2, with new evidence.
    await getDebrief(ana.token, app).expect(200);
    const amended = rate(0, [2, 4, 4, 4]);
    amended[0]!.evidence = 'On reflection: the design fell apart under load.';
    await t
      .http()
      .post(`/api/v1/scorecards/${anaCard.id}/amendments`)
      .set(bearer(ana.token))
      .send({
        ratings: [...amended, ...rate(1, [3, 3, 3, 3])],
        redFlags: [],
        recommendation: 'yes',
        summary: 'Amended.',
        notes: '',
        reason: 'Read Ben’s evidence.',
        revision: anaCard.revision,
      })
      .expect(200);
  });

  it('shows the first submission by default, with what it was amended to, and marks the disagreement of the first submissions', async () => {
    const d = Debrief.parse((await getDebrief(hm.token, app).expect(200)).body);
    const k1 = criteriaOf(0)[0]!;
    const row = d.grid.rows.find((r) => r.criterionKey === k1)!;
    expect(d.grid.columns.map((c) => c.interviewer.id)).toEqual([ana.user.id, ben.user.id]);
    expect(row.cells).toEqual([
      { status: 'rated', rating: 4, evidence: 'Evidence 1', other: { rating: 2 } },
      { status: 'rated', rating: 2, evidence: 'Evidence 1', other: null },
    ]);
    // 4 beside 2: two levels, the domain's rule, as the figures say.
    expect(d.disagreements.criteria).toEqual([k1]);
    // Unchanged cells carry no other version.
    expect(d.grid.rows.find((r) => r.criterionKey === criteriaOf(0)[1])!.cells[0]!.other).toBeNull();
  });

  it('with amendments: the amended rating and its evidence, the first submission beside it, no disagreement left', async () => {
    const d = Debrief.parse(
      (await getDebrief(admin.token, app).query({ ratings: 'with_amendments' }).expect(200)).body,
    );
    expect(d.ratingsView).toBe('with_amendments');
    const row = d.grid.rows.find((r) => r.criterionKey === criteriaOf(0)[0])!;
    expect(row.cells[0]).toEqual({
      status: 'rated',
      rating: 2,
      evidence: 'On reflection: the design fell apart under load.',
      other: { rating: 4 },
    });
    expect(d.disagreements.criteria).toEqual([]);
  });

  it('an interviewer reads only the independent grid: asking for the amended one is 403', async () => {
    const d = Debrief.parse((await getDebrief(ben.token, app).expect(200)).body);
    expect(d.grid.rows.find((r) => r.criterionKey === criteriaOf(0)[0])!.cells[0]!.rating).toBe(4);
    const res = await getDebrief(ben.token, app).query({ ratings: 'with_amendments' }).expect(403);
    expect(res.body.code).toBe('forbidden');
    expect(res.body.grid).toBeUndefined();
  });
});

describe('independence before discussion', () => {
  let app: string;
  let daveCard: string;
  let daveRevision: number;

  beforeAll(async () => {
    app = await newApplication('Ida Independent');
    await interviewAndSubmit(app, ben, {
      ratings: [...rate(0, [3, 3, 3, 3]), ...rate(1, [2, 2, 2, 2])],
      recommendation: 'yes',
    });
    daveCard = (await schedule(app, dave)).scorecard!.id;
    // Dave's draft, written but not submitted: nobody may read it in the grid.
    const draft = await t
      .http()
      .put(`/api/v1/scorecards/${daveCard}`)
      .set(bearer(dave.token))
      .send({
        ratings: rate(0, [1, 1, 1, 1]).map((r) => ({ ...r, evidence: 'DRAFT-ONLY evidence' })),
        redFlags: [],
        recommendation: null,
        summary: '',
        notes: '',
        revision: 0,
      })
      .expect(200);
    daveRevision = (draft.body as Scorecard).revision;
  });

  it('the grid holds submitted scorecards only: a draft is never a column, and its evidence is nowhere', async () => {
    for (const token of [recruiter, admin.token, hm.token]) {
      const res = await getDebrief(token, app).expect(200);
      const d = Debrief.parse(res.body);
      expect(d.grid.columns.map((c) => c.interviewer.id)).toEqual([ben.user.id]);
      expect(JSON.stringify(res.body)).not.toContain('DRAFT-ONLY');
    }
    const refused = await getDebrief(dave.token, app).expect(403);
    expect(refused.body.grid).toBeUndefined();
    expect(JSON.stringify(refused.body)).not.toContain('Evidence');
  });

  it('a panel interviewer with a draft gets 403 on the debrief, and cannot compare at all', async () => {
    const res = await getDebrief(dave.token, app).expect(403);
    expect(res.body).toMatchObject({ code: 'forbidden', detail: FORBIDDEN_DRAFT });
    const other = await newApplication('Other Candidate');
    await getComparison(dave.token, [app, other]).expect(403);
  });

  it('an interviewer not on the panel gets 403, even with scorecards submitted elsewhere', async () => {
    const res = await getDebrief(carl.token, app).expect(403);
    expect(res.body.detail).toBe(FORBIDDEN_NOT_ON_PANEL);
  });

  it('recruiters, admins and hiring managers who are not on the panel read it', async () => {
    for (const token of [recruiter, admin.token, hm.token]) {
      const d = Debrief.parse((await getDebrief(token, app).expect(200)).body);
      expect(d.scorecards).toHaveLength(1);
      expect(d.pending.map((p) => p.interviewer.id)).toEqual([dave.user.id]);
    }
  });

  it('a hiring manager with a draft on one of the applications cannot compare them until they submit', async () => {
    const waiting = await newApplication('Wai Ting');
    const hmCard = (await schedule(waiting, hm)).scorecard!.id;
    const refused = await getComparison(hm.token, [app, waiting]).expect(403);
    expect(refused.body.detail).toBe(FORBIDDEN_DRAFT);
    await getDebrief(hm.token, waiting).expect(403);
    // The admin, with nothing pending, compares them: nobody submitted for the second one yet, so it comes last, in no tier.
    const res = Comparison.parse((await getComparison(admin.token, [waiting, app]).expect(200)).body);
    expect(res.rows.map((r) => [r.applicationId, r.tier, r.overall.score])).toEqual([
      [app, 1, 2.5],
      [waiting, null, null],
    ]);
    expect(res.rows[1]!.competencies[competencyKey(0)]).toBeNull();
    await fillAndSubmit(hm, hmCard, {
      ratings: [...rate(0, [2, 2, 2, 2]), ...rate(1, [2, 2, 2, 2])],
      recommendation: 'no',
    });
    await getComparison(hm.token, [app, waiting]).expect(200);
  });

  it('once the interviewer submits, they read the debrief', async () => {
    await fillAndSubmit(dave, daveCard, {
      ratings: [...rate(0, [3, 3, 3, 3]), ...rate(1, [3, 3, 3, 3])],
      recommendation: 'yes',
      notes: 'Dave’s notes.',
      revision: daveRevision,
    });
    const d = Debrief.parse((await getDebrief(dave.token, app).expect(200)).body);
    expect(d.scorecards.map((s) => [s.interviewer.id, s.notes])).toEqual([
      [ben.user.id, ''],
      [dave.user.id, 'Dave’s notes.'],
    ]);
    expect(d.pending).toEqual([]);
  });
});

describe('isolation', () => {
  it('another organization gets 404 for the debrief and the comparison, and cannot compare its own opening with our applications', async () => {
    const a = await newApplication('Iso One');
    const b = await newApplication('Iso Two');
    const o = other.token;
    await getDebrief(o, a).expect(404);
    await getComparison(o, [a, b]).expect(404);
    const theirs = await openOpeningWithFocus(t, other, { title: 'Their opening' });
    await getComparison(o, [a, b], theirs.id).expect(404);
  });

  it('unknown ids answer 404', async () => {
    await getDebrief(admin.token, randomUUID()).expect(404);
    await getComparison(admin.token, [randomUUID(), randomUUID()], randomUUID()).expect(404);
  });
});
