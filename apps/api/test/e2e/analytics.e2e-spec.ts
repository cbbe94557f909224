import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  Calibration,
  OrganizationSettings,
  PipelineAnalytics,
  type Application,
  type AuthSession,
  type CandidateInput,
  type Interview,
  type Role,
  type Stage,
  type User,
} from '@scorecard/contracts';
import { bootstrapAlphaInterval, krippendorffAlpha, median, offsetFigure, type RatingShape } from '@scorecard/domain';
import {
  bearer,
  openOpeningWithFocus,
  PASSWORD,
  signup,
  uniqueEmail,
  type FocusedOpening,
} from '../support/factories.js';
import { given, type Given, type Member } from '../support/given.js';
import { countAppQueries, useTestApp } from '../support/test-app.js';
import { DAY, HOUR, hoursFromNow } from '../support/time.js';

const t = useTestApp();
let g: Given;
let admin: AuthSession;
let recruiter: Member, hm: Member, ivo: Member, lena: Member, sam: Member, uma: Member;
/** P: the opening every figure is built on. B: a second opening, for the opening filter. */
let p: FocusedOpening;
let b: FocusedOpening;
let elsewhere: AuthSession;
let elsewhereOpening: FocusedOpening;

type Rating = 1 | 2 | 3 | 4 | null;

/**
 * The known data. Every candidate of P is interviewed on the first step (technical depth and
 * technical leadership, four criteria each) by Lena, Sam and Uma, who each give every criterion the
 * same rating: Sam and Uma the candidate's `base`, Lena one more (she is lenient). Sam leaves two
 * criteria of technical depth unassessed on C3 (the competency is still assessed); Uma leaves all
 * of technical leadership unassessed on C2 and C4. `stays` are the days spent in each stage of
 * `path` (after applied) before the next move.
 */
const CANDIDATES = [
  {
    name: 'C1',
    source: 'referral',
    opening: 'P',
    base: 3,
    created: '2026-03-02',
    interview: '2026-04-01',
    path: ['screen', 'interviews', 'debrief', 'offer', 'hired'],
    stays: [1, 2, 5, 0.5, 4],
  },
  {
    name: 'C2',
    source: 'referral',
    opening: 'P',
    base: 2,
    created: '2026-03-04',
    interview: '2026-04-02',
    path: ['screen', 'interviews', 'debrief', 'offer'],
    stays: [2, 4, 7, 2],
  },
  {
    name: 'C3',
    source: 'linkedin',
    opening: 'P',
    base: 1,
    created: '2026-03-09',
    interview: '2026-04-03',
    path: ['screen', 'interviews', 'rejected'],
    stays: [3, 6, 3],
  },
  {
    name: 'C4',
    source: 'linkedin',
    opening: 'P',
    base: 2,
    created: '2026-03-10',
    interview: '2026-04-04',
    path: ['screen', 'interviews'],
    stays: [4, 8],
  },
  {
    name: 'C5',
    source: 'github',
    opening: 'P',
    base: 3,
    created: '2026-03-20',
    interview: '2026-04-05',
    path: ['screen', 'withdrawn'],
    stays: [10, 1],
  },
  // On B: C6 has one scorecard, Sam's (all 2s); C7's only interview was cancelled.
  {
    name: 'C6',
    source: 'referral',
    opening: 'B',
    base: 2,
    created: '2026-03-25',
    interview: '2026-04-06',
    path: [],
    stays: [],
  },
  {
    name: 'C7',
    source: 'conference',
    opening: 'B',
    base: 0,
    created: '2026-03-26',
    interview: '',
    path: [],
    stays: [],
  },
] as const;
type Name = (typeof CANDIDATES)[number]['name'];

/** Application id by candidate name. */
const apps = new Map<Name, string>();
/** Step-one interviews left in draft: [interviewer, candidate, feedback due]. */
const drafts: { who: () => Member; on: Name; dueAt: string }[] = [];

const member = (role: Role, name: string) => g.member({ role, name });

const apply = (name: string, source: CandidateInput['source'], opening: FocusedOpening) =>
  g.application({ opening, candidate: { name, source } });

const schedule = (
  application: string,
  opening: FocusedOpening,
  interviewer: Member,
  step: 0 | 1,
  startsAt: string,
  feedbackDueAt?: string,
) => g.scheduledInterview({ application, opening, interviewer, step, startsAt, feedbackDueAt });

/** Ratings for every criterion of competency i of the rubric (step one's focus is competencies 0 and 1). */
const rate = (plan: FocusedOpening, i: number, values: Rating[]) =>
  plan.competencies[i]!.criteria.map((c, n) => ({ criterionKey: c.key, rating: values[n]!, evidence: 'Evidence.' }));
const four = (r: Rating): Rating[] => [r, r, r, r];

/** Saves and submits a scorecard (confirming a recommendation its ratings contradict); answers the submitted revision. */
const fillAndSubmit = async (interviewer: Member, scorecard: string, ratings: ReturnType<typeof rate>) =>
  (
    await g.submittedScorecard({
      interviewer,
      scorecard,
      content: { ratings, summary: 'Summary.' },
      confirmContradiction: true,
    })
  ).revision;

/** Units written out (sorted values) as the shapes the API groups them into. */
const shapesOf = (units: number[][]): RatingShape[] => {
  const counts = new Map<string, number>();
  for (const u of units) {
    const key = [...u].sort((a, b) => a - b).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => ({ ratings: key.split(',').map(Number), units: n }));
};

/** Lena's submitted scorecard on C1, to amend later: id and revision. */
let lenaOnC1: { id: string; revision: number };

/** Moves an application along `path`, then dates its creation and every move as `stays` says. */
async function walk(a: Application, created: string, path: readonly Stage[], stays: readonly number[]) {
  let current = a;
  for (const to of path) {
    const reason = to === 'rejected' ? 'skills_gap' : to === 'withdrawn' ? 'personal' : undefined;
    current = await g.api.as(recruiter).call('moveApplication', {
      params: { id: a.id },
      body: { to, revision: current.revision, note: '', ...(reason ? { reason } : {}) },
    });
  }
  let at = new Date(`${created}T09:00:00Z`).getTime();
  await t.db.query(`update applications set created_at = $2 where id = $1`, [a.id, new Date(at)]);
  await t.db.query(`update application_moves set moved_at = $2 where application_id = $1 and to_stage = 'applied'`, [
    a.id,
    new Date(at),
  ]);
  for (const [i, to] of path.entries()) {
    at += stays[i]! * DAY;
    await t.db.query(`update application_moves set moved_at = $3 where application_id = $1 and to_stage = $2`, [
      a.id,
      to,
      new Date(at),
    ]);
  }
}

const calibration = (token: string, query: Record<string, string> = {}) =>
  t.http().get('/api/v1/analytics/calibration').query(query).set(bearer(token));
const pipeline = (token: string, query: Record<string, string> = {}) =>
  t.http().get('/api/v1/analytics/pipeline').query(query).set(bearer(token));

beforeAll(async () => {
  g = await given(t, 'Analytics Co', { recruiter: { name: 'Rita Recruiter' } });
  admin = g.session;
  recruiter = g.recruiter;
  hm = await member('hiring_manager', 'Hana Manager');
  ivo = await member('interviewer', 'Ivo Interviewer');
  lena = await member('interviewer', 'Lena Lenient');
  sam = await member('interviewer', 'Sam Strict');
  uma = await member('interviewer', 'Uma Unassessed');
  p = await g.opening({ title: 'Tech Lead, Payments' });
  b = await g.opening({ title: 'Tech Lead, Search' });
  elsewhere = await signup(t, 'Elsewhere Co');
  elsewhereOpening = await openOpeningWithFocus(t, elsewhere, { title: 'Their Tech Lead' });

  const applications = new Map<Name, Application>();
  for (const c of CANDIDATES) {
    const a = await apply(c.name, c.source, c.opening === 'P' ? p : b);
    applications.set(c.name, a);
    apps.set(c.name, a.id);
  }
  // Step one, submitted: Lena, Sam and Uma on every candidate of P.
  for (const c of CANDIDATES.filter((x) => x.opening === 'P')) {
    const startsAt = `${c.interview}T10:00:00.000Z`;
    const base = c.base as Rating & number;
    const plus = (base + 1) as Rating;
    const l = await schedule(apps.get(c.name)!, p, lena, 0, startsAt);
    const revision = await fillAndSubmit(lena, l.scorecard!.id, [...rate(p, 0, four(plus)), ...rate(p, 1, four(plus))]);
    if (c.name === 'C1') lenaOnC1 = { id: l.scorecard!.id, revision };
    const s = await schedule(apps.get(c.name)!, p, sam, 0, startsAt);
    await fillAndSubmit(sam, s.scorecard!.id, [
      ...rate(p, 0, c.name === 'C3' ? [base, base, null, null] : four(base)),
      ...rate(p, 1, four(base)),
    ]);
    const u = await schedule(apps.get(c.name)!, p, uma, 0, startsAt);
    await fillAndSubmit(uma, u.scorecard!.id, [
      ...rate(p, 0, four(base)),
      ...rate(p, 1, c.name === 'C2' || c.name === 'C4' ? four(null) : four(base)),
    ]);
  }
  const s6 = await schedule(apps.get('C6')!, b, sam, 0, '2026-04-06T10:00:00.000Z');
  await fillAndSubmit(sam, s6.scorecard!.id, [...rate(b, 0, four(2)), ...rate(b, 1, four(2))]);
  const cancelled = await schedule(apps.get('C7')!, b, lena, 0, '2026-04-07T10:00:00.000Z');
  await g.api
    .as(recruiter)
    .call('cancelInterview', { params: { id: cancelled.id }, body: { revision: cancelled.revision } });
  // Step two, still in draft: three past their due time, two not yet due (one of them the hiring manager's).
  drafts.push(
    { who: () => uma, on: 'C3', dueAt: hoursFromNow(-30) },
    { who: () => uma, on: 'C4', dueAt: hoursFromNow(-10) },
    { who: () => lena, on: 'C2', dueAt: hoursFromNow(-5) },
    { who: () => sam, on: 'C4', dueAt: hoursFromNow(20) },
    { who: () => hm, on: 'C5', dueAt: hoursFromNow(40) },
  );
  for (const d of drafts) {
    const startsAt = new Date(new Date(d.dueAt).getTime() - 10 * HOUR).toISOString();
    const i = await schedule(apps.get(d.on)!, p, d.who(), 1, startsAt, d.dueAt);
    d.dueAt = i.feedbackDueAt;
  }
  // Submitted scorecards are frozen: date them as an amendment would, an hour before each was due,
  // except Sam's on C1 (6 hours late) and C2 (10 hours late) and Lena's on C5 (3 hours late).
  await t.db.transaction(async (m) => {
    await m.query(`select set_config('scorecard.amending', 'on', true)`);
    await m.query(
      `update scorecards s set submitted_at = i.feedback_due_at - interval '1 hour'
         from interviews i where i.id = s.interview_id and s.status = 'submitted'`,
    );
    for (const [who, on, hours] of [
      [sam, 'C1', 6],
      [sam, 'C2', 10],
      [lena, 'C5', 3],
    ] as const) {
      await m.query(
        `update scorecards s set submitted_at = i.feedback_due_at + make_interval(hours => $3)
           from interviews i
          where i.id = s.interview_id and s.status = 'submitted' and s.interviewer_id = $1 and s.application_id = $2`,
        [who.user.id, apps.get(on), hours],
      );
    }
  });
  // The stage history, after the interviews (nothing can be scheduled once rejected or withdrawn).
  for (const c of CANDIDATES) await walk(applications.get(c.name)!, c.created, c.path, c.stays);
});
const person = (m: Member) => ({ id: m.user.id, name: m.user.name });

describe('interviewer calibration on known data', () => {
  let cal: Calibration;
  const byName = (name: string) => cal.interviewers.find((i) => i.interviewer.name === name)!;

  beforeAll(async () => {
    cal = Calibration.parse((await calibration(admin.token).expect(200)).body);
  });

  it('states its thresholds and lists the interviewers with submitted scorecards by name', () => {
    expect(cal.thresholds).toEqual({ offsetUnits: 10, scorecards: 5, alphaUnits: 10 });
    expect(cal.interviewers.map((i) => i.interviewer)).toEqual([person(lena), person(sam), person(uma)]);
    expect(cal.interviewers.map((i) => i.scorecards)).toEqual([5, 6, 5]);
  });

  it('compares each interviewer with the others on the same candidate and question, and calls the lenient one lenient', () => {
    // A unit is one criterion of one candidate. Where all three rated it, Lena is +1 and Sam and Uma
    // −0.5 each (base − (base + 1 + base) / 2); where Uma left it unassessed (technical leadership on
    // C2 and C4: 8 units) Lena is +1 and Sam −1; where Sam did (two of technical depth on C3) Lena is
    // +1 and Uma −1. C6 has Sam's scorecard only, so it is in nobody's offset.
    const lenaOffset = byName('Lena Lenient').offset;
    expect(lenaOffset).toMatchObject({ value: 1, sample: 40, enough: true, verdict: 'lenient' });
    expect(lenaOffset.standardError).toBeCloseTo(0, 12);
    expect(lenaOffset.interval!.low).toBeCloseTo(1, 12);
    expect(lenaOffset.interval!.high).toBeCloseTo(1, 12);
    const fill = (k: number, v: number): number[] => Array.from({ length: k }, () => v);
    for (const [name, d] of [
      ['Sam Strict', [...fill(8, -1), ...fill(30, -0.5)]],
      ['Uma Unassessed', [...fill(2, -1), ...fill(30, -0.5)]],
    ] as const) {
      const mean = d.reduce((a, b) => a + b, 0) / d.length;
      const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
      const expected = offsetFigure({ n: d.length, mean, sd }, 10);
      const got = byName(name).offset;
      expect(got).toMatchObject({ sample: d.length, enough: true, verdict: 'severe' });
      expect(got.value).toBeCloseTo(mean, 12);
      expect(got.standardError).toBeCloseTo(sd / Math.sqrt(d.length), 12);
      expect(got.interval!.low).toBeCloseTo(expected.interval!.low, 9);
      expect(got.interval!.high).toBeCloseTo(expected.interval!.high, 9);
      expect(got.interval!.high).toBeLessThan(0);
    }
    expect(byName('Sam Strict').offset.value).toBeCloseTo(-23 / 38, 12);
    expect(byName('Uma Unassessed').offset.value).toBeCloseTo(-17 / 32, 12);
  });

  it('counts the asked questions each interviewer left not assessed', () => {
    // Step one asks 8 questions. Uma: technical leadership (4) on C2 and C4, of 5 × 8 asked.
    expect(byName('Uma Unassessed').unassessedShare).toEqual({ value: 8 / 40, sample: 5, enough: true });
    // Sam: two questions of technical depth on C3, of 6 × 8 asked (C6 included).
    expect(byName('Sam Strict').unassessedShare).toEqual({ value: 2 / 48, sample: 6, enough: true });
    expect(byName('Lena Lenient').unassessedShare).toEqual({ value: 0, sample: 5, enough: true });
  });

  it('gives the share of scorecards submitted after the due time and the median hours late', () => {
    const s = byName('Sam Strict');
    expect(s.lateShare.value).toBeCloseTo(2 / 6, 12);
    expect(s.lateShare).toMatchObject({ sample: 6, enough: true });
    expect(s.medianHoursLate).toBeCloseTo(8, 9);
    expect(byName('Lena Lenient').lateShare).toEqual({ value: 0.2, sample: 5, enough: true });
    expect(byName('Lena Lenient').medianHoursLate).toBeCloseTo(3, 9);
    expect(byName('Uma Unassessed').lateShare).toEqual({ value: 0, sample: 5, enough: true });
    expect(byName('Uma Unassessed').medianHoursLate).toBeNull();
  });

  it('counts each interviewer’s ratings of 1, 2, 3 and 4, leaving “not assessed” out', () => {
    // Lena: 8 ratings each of 4, 3, 2, 3, 4. Sam: 3s, 2s, six 1s on C3, 2s, 3s, and 2s on C6.
    // Uma: 3s, four 2s, 1s, four 2s, 3s.
    expect(byName('Lena Lenient').ratingDistribution).toEqual([0, 8, 16, 16]);
    expect(byName('Sam Strict').ratingDistribution).toEqual([6, 24, 16, 0]);
    expect(byName('Uma Unassessed').ratingDistribution).toEqual([8, 8, 16, 0]);
  });

  it('gives Krippendorff’s ordinal alpha per competency over the criteria two or more scorecards rated, as the domain computes it', () => {
    const x = (n: number, unit: number[]) => Array.from({ length: n }, () => unit);
    // Technical depth, per criterion of each candidate: [Sam, Uma, Lena] (sorted); on C3 Sam rated two of four.
    const depth = [
      ...x(4, [3, 3, 4]),
      ...x(4, [2, 2, 3]),
      ...x(2, [1, 1, 2]),
      ...x(2, [1, 2]),
      ...x(4, [2, 2, 3]),
      ...x(4, [3, 3, 4]),
    ];
    // Technical leadership: Uma's unassessed C2 and C4 leave Sam and Lena.
    const leadership = [...x(4, [3, 3, 4]), ...x(4, [2, 3]), ...x(4, [1, 1, 2]), ...x(4, [2, 3]), ...x(4, [3, 3, 4])];
    expect(cal.agreement.map((a) => [a.competencyKey, a.competency])).toEqual(
      p.competencies.map((c) => [c.key, c.name]),
    );
    const [d, l, m, c] = cal.agreement;
    const depthAlpha = krippendorffAlpha(depth, 'ordinal').alpha!;
    expect(d!.alpha).toBeCloseTo(depthAlpha, 12);
    expect(d).toMatchObject({ units: 20, enough: true, allSame: false });
    expect(l!.alpha).toBeCloseTo(krippendorffAlpha(leadership, 'ordinal').alpha!, 12);
    expect(l).toMatchObject({ units: 20, enough: true, allSame: false });
    // The bootstrap interval is the domain's over the same units: seeded, so exactly reproducible.
    expect(d!.interval).toEqual(bootstrapAlphaInterval(shapesOf(depth), 'ordinal'));
    expect(l!.interval).toEqual(bootstrapAlphaInterval(shapesOf(leadership), 'ordinal'));
    expect(d!.interval!.low).toBeLessThanOrEqual(depthAlpha);
    expect(d!.interval!.high).toBeGreaterThanOrEqual(depthAlpha);
    // The lenient interviewer keeps the panel from agreeing perfectly, but the order of candidates holds.
    expect(depthAlpha).toBeGreaterThan(0.5);
    expect(depthAlpha).toBeLessThan(1);
    // Nobody submitted a rating of mentoring or communication: no figure, and not enough data.
    expect(m).toMatchObject({ alpha: null, units: 0, enough: false, interval: null, allSame: false });
    expect(c).toMatchObject({ alpha: null, units: 0, enough: false, interval: null, allSame: false });
  });

  it('narrows to the interviews that started in a date range, and flags the figures that fall below their thresholds', async () => {
    const res = Calibration.parse(
      (await calibration(admin.token, { from: '2026-04-01', to: '2026-04-02' }).expect(200)).body,
    );
    const get = (m: Member) => res.interviewers.find((i) => i.interviewer.id === m.user.id)!;
    expect(res.interviewers.map((i) => [i.interviewer.name, i.scorecards])).toEqual([
      ['Lena Lenient', 2],
      ['Sam Strict', 2],
      ['Uma Unassessed', 2],
    ]);
    // C1 (8 units rated by all three) and C2 (4 by all three, 4 by Lena and Sam): 16 units.
    expect(get(lena).offset).toMatchObject({ value: 1, sample: 16, enough: true, verdict: 'lenient' });
    expect(get(sam).lateShare).toEqual({ value: 1, sample: 2, enough: false });
    expect(get(uma).unassessedShare).toEqual({ value: 0.25, sample: 2, enough: false });
    const depth = res.agreement[0]!;
    const units = [...Array.from({ length: 4 }, () => [3, 3, 4]), ...Array.from({ length: 4 }, () => [2, 2, 3])];
    expect(depth.units).toBe(8);
    expect(depth.enough).toBe(false);
    expect(depth.alpha).toBeCloseTo(krippendorffAlpha(units, 'ordinal').alpha!, 12);
  });

  it('narrows to one opening', async () => {
    const onB = Calibration.parse((await calibration(admin.token, { openingId: b.id }).expect(200)).body);
    expect(onB.interviewers).toEqual([
      {
        interviewer: person(sam),
        scorecards: 1,
        offset: {
          value: null,
          sample: 0,
          enough: false,
          interval: null,
          standardError: null,
          verdict: 'not_enough_data',
        },
        unassessedShare: { value: 0, sample: 1, enough: false },
        lateShare: { value: 0, sample: 1, enough: false },
        medianHoursLate: null,
        ratingDistribution: [0, 8, 0, 0],
      },
    ]);
    expect(onB.agreement.every((a) => a.units === 0 && a.alpha === null)).toBe(true);
    const onP = Calibration.parse((await calibration(admin.token, { openingId: p.id }).expect(200)).body);
    expect(onP.interviewers.map((i) => i.scorecards)).toEqual([5, 5, 5]);
  });

  it('leaves out, for a reader with a draft of their own, the candidates they have not yet scored', async () => {
    // The hiring manager owes a scorecard on C5: its panel's feedback stays hidden from them.
    const res = Calibration.parse((await calibration(hm.token).expect(200)).body);
    expect(res.interviewers.map((i) => i.scorecards)).toEqual([4, 5, 4]);
    expect(res.interviewers[0]!.offset).toMatchObject({ value: 1, sample: 32, enough: true });
    expect(res.interviewers[0]!.lateShare.value).toBe(0);
  });
});

describe('figures read the ratings as first submitted', () => {
  it('leaves every calibration figure as it was when an interviewer amends a scorecard after submitting it', async () => {
    const before = Calibration.parse((await calibration(admin.token).expect(200)).body);
    await t
      .http()
      .post(`/api/v1/scorecards/${lenaOnC1.id}/amendments`)
      .set(bearer(lena.token))
      .send({
        ratings: [...rate(p, 0, four(1)), ...rate(p, 1, four(1))],
        redFlags: [],
        recommendation: 'no',
        summary: 'Changed my mind after the debrief.',
        notes: '',
        reason: 'Read the others’ feedback.',
        revision: lenaOnC1.revision,
      })
      .expect(200);
    const after = Calibration.parse((await calibration(admin.token).expect(200)).body);
    expect(after).toEqual(before);
    expect(after.interviewers[0]!.offset).toMatchObject({ value: 1, sample: 40, verdict: 'lenient' });
  });
});

describe('the organization’s minimum of matched units', () => {
  const settings = (token: string) => t.http().get('/api/v1/organization/settings').set(bearer(token));
  const change = (token: string, body: object) =>
    t.http().patch('/api/v1/organization/settings').set(bearer(token)).send(body);
  const current = async () => OrganizationSettings.parse((await settings(admin.token).expect(200)).body);

  it('is 10 by default, and any signed-in member may read it', async () => {
    for (const m of [recruiter, hm, ivo]) {
      expect(OrganizationSettings.parse((await settings(m.token).expect(200)).body)).toEqual({
        id: admin.organization.id,
        calibrationMinUnits: 10,
        stuckDays: 7,
      });
    }
    await t.http().get('/api/v1/organization/settings').expect(401);
  });

  it('may be changed by an admin only', async () => {
    for (const m of [recruiter, hm, ivo]) {
      const refused = await change(m.token, { calibrationMinUnits: 20 }).expect(403);
      expect(refused.body.code).toBe('forbidden');
    }
    expect((await current()).calibrationMinUnits).toBe(10);
  });

  it.each<[string, object]>([
    ['below 2', { calibrationMinUnits: 1 }],
    ['above 1000', { calibrationMinUnits: 1001 }],
    ['not a whole number', { calibrationMinUnits: 2.5 }],
    ['a string', { calibrationMinUnits: '10' }],
    ['missing', {}],
    ['with an unknown field', { calibrationMinUnits: 12, alphaUnits: 3 }],
  ])('refuses a minimum %s with 400 problem+json and changes nothing', async (_label, body) => {
    const res = await change(admin.token, body).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect((await current()).calibrationMinUnits).toBe(10);
  });

  it('sets the threshold of every offset’s verdict, for this organization only, and is audited', async () => {
    try {
      const set = await change(admin.token, { calibrationMinUnits: 40 }).expect(200);
      expect(set.body).toEqual({ id: admin.organization.id, calibrationMinUnits: 40, stuckDays: 7 });
      let cal = Calibration.parse((await calibration(hm.token).expect(200)).body);
      // The hiring manager's draft on C5 leaves Lena 32 matched units: short of 40.
      expect(cal.thresholds.offsetUnits).toBe(40);
      expect(cal.interviewers[0]!.offset).toMatchObject({ sample: 32, enough: false, verdict: 'not_enough_data' });
      cal = Calibration.parse((await calibration(admin.token).expect(200)).body);
      expect(cal.interviewers[0]!.offset).toMatchObject({ sample: 40, enough: true, verdict: 'lenient' });
      await change(admin.token, { calibrationMinUnits: 41 }).expect(200);
      cal = Calibration.parse((await calibration(admin.token).expect(200)).body);
      expect(cal.thresholds.offsetUnits).toBe(41);
      // The figure and its interval are still given, greyed; the verdict is withheld.
      expect(cal.interviewers[0]!.offset).toMatchObject({
        value: 1,
        sample: 40,
        enough: false,
        verdict: 'not_enough_data',
      });
      expect(cal.interviewers[0]!.offset.interval).not.toBeNull();
      expect(OrganizationSettings.parse((await settings(elsewhere.token).expect(200)).body).calibrationMinUnits).toBe(
        10,
      );
      const audit = await t
        .http()
        .get('/api/v1/audit-events')
        .query({ action: 'updateOrganizationSettings' })
        .set(bearer(admin.token))
        .expect(200);
      expect(audit.body.items[0]).toMatchObject({
        action: 'updateOrganizationSettings',
        entityType: 'organization',
        entityId: admin.organization.id,
        changedFields: ['calibrationMinUnits'],
      });
    } finally {
      await change(admin.token, { calibrationMinUnits: 10 }).expect(200);
    }
  });
});

describe('interviewers who never rated the same thing (the issue’s example)', () => {
  let org: AuthSession;
  let n: FocusedOpening;
  const people: Record<'tess' | 'carl' | 'ada', Member> = {} as never;
  const xs: string[] = [];
  const orgCalibration = async () => Calibration.parse((await calibration(org.token).expect(200)).body);
  const offsetOf = (cal: Calibration, m: Member) =>
    cal.interviewers.find((i) => i.interviewer.id === m.user.id)!.offset;

  async function interview(m: Member, applicationId: string, step: 0 | 1, rating: Rating, day: number) {
    const res = await t
      .http()
      .post(`/api/v1/applications/${applicationId}/interviews`)
      .set(bearer(org.token))
      .send({
        stepKey: n.steps[step]!.key,
        interviewerId: m.user.id,
        startsAt: `2026-05-${String(day).padStart(2, '0')}T10:00:00.000Z`,
      })
      .expect(201);
    const competency = step === 0 ? 0 : 3;
    await fillAndSubmit(m, (res.body as Interview).scorecard!.id, rate(n, competency, four(rating)));
  }

  beforeAll(async () => {
    org = await signup(t, 'Overlap Co');
    n = await openOpeningWithFocus(t, org, { title: 'Tech Lead, Platform' });
    // Step one asks technical depth only; step two communication only.
    const opening = (await t.http().get(`/api/v1/openings/${n.id}`).set(bearer(org.token)).expect(200)).body as {
      plan: { steps: Record<string, unknown>[] };
      revision: number;
    };
    const [depth, , , communication] = n.competencies;
    const steps = opening.plan.steps.map((s, i) => ({
      ...s,
      focusCompetencyKeys: [i === 0 ? depth!.key : communication!.key],
      criterionKeys: (i === 0 ? depth! : communication!).criteria.map((c) => c.key),
    }));
    await t
      .http()
      .put(`/api/v1/openings/${n.id}/plan`)
      .set(bearer(org.token))
      .send({ steps, revision: opening.revision })
      .expect(200);
    for (const [key, name] of [
      ['tess', 'Tess Technical'],
      ['carl', 'Carl Communication'],
      ['ada', 'Ada Alsotechnical'],
    ] as const) {
      const email = uniqueEmail('interviewer');
      const created = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(org.token))
        .send({ name, email, role: 'interviewer', password: PASSWORD })
        .expect(201);
      const login = await t.http().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
      people[key] = { user: created.body as User, token: (login.body as AuthSession).token };
    }
    for (let i = 1; i <= 5; i++) {
      const c = await t
        .http()
        .post('/api/v1/candidates')
        .set(bearer(org.token))
        .send({ name: `X${i}`, email: uniqueEmail('cand'), source: 'referral' })
        .expect(201);
      const a = await t
        .http()
        .post('/api/v1/applications')
        .set(bearer(org.token))
        .send({ candidateId: c.body.id, openingId: n.id })
        .expect(201);
      xs.push(a.body.id as string);
      await interview(people.tess, a.body.id as string, 0, 4, i);
      await interview(people.carl, a.body.id as string, 1, 2, i);
    }
  });

  it('gives neither an offset: all 4s on technical depth and all 2s on communication are not leniency', async () => {
    const cal = await orgCalibration();
    for (const m of [people.tess, people.carl]) {
      expect(offsetOf(cal, m)).toEqual({
        value: null,
        sample: 0,
        enough: false,
        interval: null,
        standardError: null,
        verdict: 'not_enough_data',
      });
    }
    expect(cal.interviewers.find((i) => i.interviewer.id === people.tess.user.id)!.ratingDistribution).toEqual([
      0, 0, 0, 20,
    ]);
    expect(cal.agreement.every((a) => a.units === 0 && a.alpha === null && !a.allSame)).toBe(true);
  });

  it('says everyone gave the same rating when a second interviewer agrees on every unit, and calls neither lenient', async () => {
    for (const [i, x] of xs.entries()) await interview(people.ada, x, 0, 4, 10 + i);
    const cal = await orgCalibration();
    const depth = cal.agreement[0]!;
    expect(depth).toMatchObject({ alpha: null, units: 20, enough: true, interval: null, allSame: true });
    for (const m of [people.tess, people.ada]) {
      expect(offsetOf(cal, m)).toMatchObject({ value: 0, sample: 20, enough: true, verdict: 'in_line' });
    }
    expect(offsetOf(cal, people.carl)).toMatchObject({ value: null, sample: 0, verdict: 'not_enough_data' });
  });
});

describe('pipeline analytics on known data', () => {
  let all: PipelineAnalytics;

  beforeAll(async () => {
    all = PipelineAnalytics.parse((await pipeline(recruiter.token).expect(200)).body);
  });

  it('counts the applications that ever reached each stage, in pipeline order, and the conversion to the next', () => {
    expect(all.funnel).toEqual([
      { stage: 'applied', reached: 7, conversion: 5 / 7 },
      { stage: 'screen', reached: 5, conversion: 0.8 },
      { stage: 'interviews', reached: 4, conversion: 0.5 },
      { stage: 'debrief', reached: 2, conversion: 1 },
      { stage: 'offer', reached: 2, conversion: 0.5 },
      { stage: 'hired', reached: 1, conversion: null },
    ]);
  });

  it('gives the median days in each stage over the applications that left it, as the domain’s median', () => {
    const stays = {
      applied: [1, 2, 3, 4, 10],
      screen: [2, 4, 6, 8, 1],
      interviews: [5, 7, 3],
      debrief: [0.5, 2],
      offer: [4],
    };
    expect(all.timeInStage.map((s) => s.stage)).toEqual(['applied', 'screen', 'interviews', 'debrief', 'offer']);
    for (const s of all.timeInStage) {
      const days = stays[s.stage as keyof typeof stays];
      expect(s.sample).toBe(days.length);
      expect(s.medianDays).toBeCloseTo(median(days)!, 9);
    }
    expect(all.timeInStage.map((s) => s.medianDays)).toEqual([3, 4, 5, 1.25, 4]);
  });

  it('compares sources: applications, interviewed (a cancelled interview does not count), offers and hires', () => {
    expect(all.sources).toEqual([
      { source: 'referral', applications: 3, interviewed: 3, offers: 2, hires: 1 },
      { source: 'linkedin', applications: 2, interviewed: 2, offers: 0, hires: 0 },
      { source: 'github', applications: 1, interviewed: 1, offers: 0, hires: 0 },
      { source: 'conference', applications: 1, interviewed: 0, offers: 0, hires: 0 },
    ]);
  });

  it('counts the overdue draft scorecards per interviewer, most first, with the oldest due time', () => {
    const due = (who: Member, on: Name) => drafts.find((d) => d.who() === who && d.on === on)!.dueAt;
    expect(all.overdueByInterviewer).toEqual([
      { interviewer: person(uma), overdue: 2, oldestDueAt: due(uma, 'C3') },
      { interviewer: person(lena), overdue: 1, oldestDueAt: due(lena, 'C2') },
    ]);
  });

  it('narrows to the applications created in a date range, both ends included', async () => {
    const res = PipelineAnalytics.parse(
      (await pipeline(recruiter.token, { from: '2026-03-02', to: '2026-03-09' }).expect(200)).body,
    );
    expect(res.funnel.map((f) => [f.reached, f.conversion])).toEqual([
      [3, 1],
      [3, 1],
      [3, 2 / 3],
      [2, 1],
      [2, 0.5],
      [1, null],
    ]);
    expect(res.timeInStage[0]).toEqual({ stage: 'applied', medianDays: 2, sample: 3 });
    expect(res.sources).toEqual([
      { source: 'referral', applications: 2, interviewed: 2, offers: 2, hires: 1 },
      { source: 'linkedin', applications: 1, interviewed: 1, offers: 0, hires: 0 },
    ]);
    expect(res.overdueByInterviewer.map((o) => [o.interviewer.name, o.overdue])).toEqual([
      ['Uma Unassessed', 1],
      ['Lena Lenient', 1],
    ]);
  });

  it('narrows to one opening', async () => {
    const res = PipelineAnalytics.parse((await pipeline(hm.token, { openingId: b.id }).expect(200)).body);
    expect(res.funnel.map((f) => [f.stage, f.reached, f.conversion])).toEqual([
      ['applied', 2, 0],
      ['screen', 0, null],
      ['interviews', 0, null],
      ['debrief', 0, null],
      ['offer', 0, null],
      ['hired', 0, null],
    ]);
    expect(res.timeInStage.every((s) => s.medianDays === null && s.sample === 0)).toBe(true);
    expect(res.sources).toEqual([
      { source: 'referral', applications: 1, interviewed: 1, offers: 0, hires: 0 },
      { source: 'conference', applications: 1, interviewed: 0, offers: 0, hires: 0 },
    ]);
    expect(res.overdueByInterviewer).toEqual([]);
  });
});

describe('roles, isolation and bad filters', () => {
  it('lets admins and hiring managers calibrate, recruiters see the pipeline only, and interviewers neither', async () => {
    await calibration(hm.token).expect(200);
    await pipeline(admin.token).expect(200);
    await pipeline(hm.token).expect(200);
    const refused = await calibration(recruiter.token).expect(403);
    expect(refused.body.code).toBe('forbidden');
    await calibration(ivo.token).expect(403);
    await pipeline(ivo.token).expect(403);
    await calibration(lena.token).expect(403);
    await t.http().get('/api/v1/analytics/pipeline').expect(401);
  });

  it('shows another organization none of this one’s data, and treats either’s opening as unknown to the other', async () => {
    const cal = Calibration.parse((await calibration(elsewhere.token).expect(200)).body);
    expect(cal).toMatchObject({ interviewers: [], agreement: [] });
    const pipe = PipelineAnalytics.parse((await pipeline(elsewhere.token).expect(200)).body);
    expect(pipe.funnel.every((f) => f.reached === 0)).toBe(true);
    expect(pipe).toMatchObject({ sources: [], overdueByInterviewer: [] });
    for (const [token, openingId] of [
      [elsewhere.token, p.id],
      [admin.token, elsewhereOpening.id],
      [admin.token, randomUUID()],
    ] as const) {
      expect((await calibration(token, { openingId }).expect(404)).body.code).toBe('not_found');
      expect((await pipeline(token, { openingId }).expect(404)).body.code).toBe('not_found');
    }
  });

  it.each<[string, Record<string, string>, string]>([
    ['a start after the end', { from: '2026-03-10', to: '2026-03-09' }, 'to'],
    ['a date that is not one', { from: '2026-13-01' }, 'from'],
    ['a date in another format', { to: '03/09/2026' }, 'to'],
    ['an opening id that is not an id', { openingId: 'payments' }, 'openingId'],
    ['an unknown filter', { stage: 'offer' }, ''],
  ])('refuses %s with 400 problem+json', async (_label, query, path) => {
    for (const get of [calibration, pipeline]) {
      const res = await get(admin.token, query).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });
});

describe('cost', () => {
  it('answers each report with a fixed number of queries: calibration one (two after a write), the pipeline three, one more to check an opening', async () => {
    const queries = countAppQueries(t);
    const calls = (req: () => Promise<unknown>) => queries.fewest(req);
    try {
      // Each count includes the one query resolving the session. Calibration reads its key (the
      // opening's existence, the data version, the viewer's drafts) in one statement, and computes
      // the figures in a second only when no answer is kept for that key (issue 25 §2).
      expect(await calls(() => calibration(admin.token).expect(200))).toBe(2);
      expect(await calls(() => calibration(admin.token, { openingId: p.id, from: '2026-04-01' }).expect(200))).toBe(2);
      // After a write that can change a figure (here the minimum of units, changed and put back),
      // the next read computes again: the fewest over three such reads.
      let cold = Infinity;
      for (let i = 0; i < 3; i++) {
        for (const step of ['+ 1', '- 1']) {
          await t.db.query(
            `update organizations set calibration_min_units = calibration_min_units ${step} where id = $1`,
            [admin.organization.id],
          );
        }
        queries.take();
        await calibration(admin.token, { openingId: p.id }).expect(200);
        cold = Math.min(cold, queries.take());
      }
      expect(cold).toBe(3);
      expect(await calls(() => pipeline(admin.token).expect(200))).toBe(4);
      expect(await calls(() => pipeline(admin.token, { openingId: p.id, to: '2026-03-31' }).expect(200))).toBe(5);
    } finally {
      queries.restore();
    }
  });
});
