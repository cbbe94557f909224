import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AdverseImpactGroup, AdverseImpactReport, Application, Stage } from '@scorecard/contracts';
import { bearer, type FocusedOpening } from '../support/factories.js';
import { given, type Given, type Member } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The adverse-impact report against a fixture worked by hand. Opening P, by the answer to "sex":
 *
 *   group    applications  applied → screen            screen → interviews
 *   female   11            3 moved on, 7 rejected,      3 moved on
 *                          1 withdrew
 *   male     8             6 moved on, 2 rejected       3 moved on, 3 still at screen
 *   another  2             2 moved on                   -
 *   (none)   4             2 moved on, 1 rejected,      -
 *                          1 still applied
 *
 * Applied → screen: female 3 of 10 decided (30 %), male 6 of 8 (75 %), the highest: female's
 * impact ratio 0.30 / 0.75 = 0.4, under 0.8, flagged; Fisher's exact two-sided p for
 * [[3, 7], [6, 2]] is 0.153434800493624 (SciPy: `fisher_exact([[3, 7], [6, 2]]).pvalue`).
 * "another" (2) is too few to report; no answer (3 decided) is counted apart, under the minimum.
 * Race: female 1–5 answered "black" (3 moved on, 2 rejected: 60 %), the only reportable group.
 *
 * Scorecards: the six men who reached the screen are rated 3 on every question of the first step,
 * the three women 2: men’s mean 3 (gap 0), women too few to report.
 */

const t = useTestApp();
let g: Given;
let hm: Member;
let interviewer: Member;
let p: FocusedOpening;
let other: FocusedOpening;

const ANSWERS = {
  female: 11,
  male: 8,
  another: 2,
  none: 4,
} as const;

async function answer(candidateId: string, answers: Record<string, string>) {
  const link = await g.api
    .as(g.recruiter)
    .call('createSelfIdLink', { params: { id: candidateId }, body: { sendEmail: false } });
  const token = new URL(link.url).pathname.split('/').pop()!;
  await g.api.anonymous.call('submitSelfId', {
    body: { token, answers: Object.entries(answers).map(([question, answer]) => ({ question, answer })) },
  });
}

const reject = { to: 'rejected' as Stage, note: '', reason: 'skills_gap' as const };
const withdraw = { to: 'withdrawn' as Stage, note: '', reason: 'personal' as const };

async function rated(a: Application, rating: 2 | 3) {
  await g.submittedScorecard({
    application: a,
    interviewer,
    content: {
      ratings: p.focus.flatMap((c) => c.criteria).map((c) => ({ criterionKey: c.key, rating, evidence: 'Seen.' })),
      recommendation: rating === 3 ? 'yes' : 'no',
    },
    confirmContradiction: true,
  });
}

const report = (token: string, query: Record<string, string> = {}) =>
  t.http().get('/api/v1/analytics/adverse-impact').query(query).set(bearer(token));

beforeAll(async () => {
  g = await given(t, 'Fairness Co');
  hm = await g.member({ role: 'hiring_manager', name: 'Hana Manager' });
  interviewer = await g.member({ role: 'interviewer', name: 'Ivo Interviewer' });
  p = await g.opening({ title: 'Tech Lead, Payments' });
  other = await g.opening({ title: 'Tech Lead, Search' });

  for (let i = 1; i <= ANSWERS.female; i++) {
    const moves = i <= 3 ? (['screen', 'interviews'] as Stage[]) : i <= 10 ? [reject] : [withdraw];
    const a = await g.application({ opening: p, candidate: { name: `Female ${i}` } });
    await g.move(a, ...moves);
    await answer(a.candidate.id, { sex: 'female', ...(i <= 5 ? { race_ethnicity: 'black' } : {}) });
    if (i <= 3) await rated(a, 2);
  }
  for (let i = 1; i <= ANSWERS.male; i++) {
    const moves = i <= 3 ? (['screen', 'interviews'] as Stage[]) : i <= 6 ? (['screen'] as Stage[]) : [reject];
    const a = await g.application({ opening: p, candidate: { name: `Male ${i}` } });
    await g.move(a, ...moves);
    await answer(a.candidate.id, { sex: 'male', race_ethnicity: 'prefer_not_to_say' });
    if (i <= 6) await rated(a, 3);
  }
  for (let i = 1; i <= ANSWERS.another; i++) {
    const a = await g.application({ opening: p, candidate: { name: `Another ${i}` }, stages: ['screen'] });
    await answer(a.candidate.id, { sex: 'another' });
  }
  for (let i = 1; i <= ANSWERS.none; i++) {
    const a = await g.application({ opening: p, candidate: { name: `None ${i}` } });
    if (i <= 2) await g.move(a, 'screen');
    if (i === 3) await g.move(a, reject);
  }
  // On the other opening: one application, which the opening filter must leave out.
  await g.application({ opening: other, candidate: { name: 'Elsewhere' }, stages: ['screen'] });
}, 180_000);

const step = (r: AdverseImpactReport, dimension: string, from: string) =>
  r.transitions.find((s) => s.dimension === dimension && s.from === from)!;
const group = (groups: AdverseImpactGroup[], key: string) => groups.find((x) => x.key === key)!;

describe('the adverse-impact report', () => {
  let r: AdverseImpactReport;
  beforeAll(async () => {
    r = (await report(hm.token, { openingId: p.id }).expect(200)).body as AdverseImpactReport;
  });

  it('counts the slice’s applications and how many have answers', () => {
    expect(r.applications).toBe(25);
    expect(r.answered).toBe(21);
    expect(r).toMatchObject({ minGroupSize: 5, threshold: 0.8 });
  });

  it('applied → screen: rates, the impact ratio against the highest rate, the flag under 0.8 and Fisher’s p', () => {
    const s = step(r, 'sex', 'Applied');
    expect(s.to).toBe('Screen');
    const male = group(s.groups, 'male');
    const female = group(s.groups, 'female');
    expect(male).toMatchObject({
      applicants: 8,
      selected: 6,
      rate: 0.75,
      impactRatio: 1,
      flagged: false,
      pValue: null,
      reference: true,
    });
    expect(female).toMatchObject({
      applicants: 10,
      selected: 3,
      withdrew: 1,
      pending: 0,
      rate: 0.3,
      flagged: true,
      reference: false,
    });
    expect(female.impactRatio).toBeCloseTo(0.4, 12);
    expect(female.pValue).toBeCloseTo(0.153434800493624, 10);
  });

  it('shows a group under the minimum as too few to report: counts, but no rate or ratio', () => {
    const another = group(step(r, 'sex', 'Applied').groups, 'another');
    expect(another).toMatchObject({
      applicants: 2,
      reportable: false,
      rate: null,
      impactRatio: null,
      pValue: null,
      flagged: false,
    });
  });

  it('counts "prefer not to say" and no answer apart, never compared', () => {
    const none = group(step(r, 'sex', 'Applied').groups, '');
    expect(none).toMatchObject({
      kind: 'no_answer',
      applicants: 3,
      selected: 2,
      pending: 1,
      impactRatio: null,
      pValue: null,
    });
    // Under the minimum, so no rate either.
    expect(none.rate).toBeNull();
    // Offered categories in the settings' order, no answer last.
    expect(step(r, 'sex', 'Applied').groups.map((x) => x.key)).toEqual(['female', 'male', 'another', '']);
  });

  it('a single reportable group is its own reference: ratio 1, no test', () => {
    const black = group(step(r, 'race_ethnicity', 'Applied').groups, 'black');
    expect(black).toMatchObject({
      applicants: 5,
      selected: 3,
      rate: 0.6,
      impactRatio: 1,
      pValue: null,
      reference: true,
    });
  });

  it('screen → interviews: applications still at the screen are left out of the rates', () => {
    const s = step(r, 'sex', 'Screen');
    expect(group(s.groups, 'male')).toMatchObject({
      applicants: 3,
      selected: 3,
      pending: 3,
      reportable: false,
      rate: null,
    });
    expect(group(s.groups, 'female')).toMatchObject({ applicants: 3, selected: 3, reportable: false });
  });

  it('mean ratings per competency by group, with the same minimum', () => {
    const firstCompetency = r.competencies.find((c) => c.dimension === 'sex' && c.competencyKey === p.focus[0]!.key)!;
    expect(firstCompetency.competency).toBe(p.focus[0]!.name);
    expect(group(firstCompetency.groups as never, 'male')).toMatchObject({
      applications: 6,
      reportable: true,
      mean: 3,
      gap: 0,
    });
    expect(group(firstCompetency.groups as never, 'female')).toMatchObject({
      applications: 3,
      reportable: false,
      mean: null,
      gap: null,
    });
  });

  it('says the p-values are per comparison and uncorrected, and that the rule is not a legal finding', () => {
    const notes = r.notes.join(' ');
    expect(notes).toMatch(/not corrected/);
    expect(notes).toMatch(/29 CFR 1607\.4\(D\)/);
    expect(notes).toMatch(/not a legal finding/);
  });

  it('a larger minimum turns the groups into too few to report', async () => {
    const big = (await report(hm.token, { openingId: p.id, minGroupSize: '11' }).expect(200))
      .body as AdverseImpactReport;
    const groups = step(big, 'sex', 'Applied').groups;
    expect(groups.filter((x) => x.reportable)).toEqual([]);
    expect(group(groups, 'female')).toMatchObject({ applicants: 10, rate: null, flagged: false });
  });

  it('refuses a minimum under 5 or over 100, and a reversed date range (400)', async () => {
    const queries: Record<string, string>[] = [
      { minGroupSize: '4' },
      { minGroupSize: '101' },
      { minGroupSize: 'x' },
      { from: '2026-02-01', to: '2026-01-01' },
    ];
    for (const query of queries) {
      const res = await report(hm.token, query).expect(400);
      expect(res.body).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('filters by opening and by the day the application was created', async () => {
    const elsewhere = (await report(hm.token, { openingId: other.id }).expect(200)).body as AdverseImpactReport;
    expect(elsewhere.applications).toBe(1);
    const all = (await report(g.admin.token).expect(200)).body as AdverseImpactReport;
    expect(all.applications).toBe(26);
    const past = (await report(hm.token, { from: '2020-01-01', to: '2020-12-31' }).expect(200))
      .body as AdverseImpactReport;
    expect(past).toMatchObject({ applications: 0, transitions: [], competencies: [] });
  });

  it('answers 404 for another organization’s opening', async () => {
    const theirs = await given(t, 'Elsewhere Co', { recruiter: false });
    const opening = await theirs.opening({ title: 'Theirs' });
    const res = await report(hm.token, { openingId: opening.id }).expect(404);
    expect(res.body).toMatchObject({ code: 'not_found' });
  });
});
