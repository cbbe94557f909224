import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, QuestionBank, QuestionFigures, RubricContent } from '@scorecard/contracts';
import { bootstrapAlphaInterval, krippendorffAlpha, type RatingShape } from '@scorecard/domain';
import { rubricContent, type FocusedOpening } from '../support/factories.js';
import { given, type Given, type Member } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let g: Given;
let hm: Member, recruiter: Member, lena: Member, sam: Member, uma: Member;
let opening: FocusedOpening;
/** The built-in rubric the opening scores against. */
let rubricId: string;
/** Q: the question the figures are worked on; Q2: a question everyone rates 3. */
let q: string;
let q2: string;
let elsewhereRubricId: string;

type Rating = 1 | 2 | 3 | 4 | null;

/**
 * The hand-worked data: on each application Lena and (mostly) Sam each submit one scorecard of
 * step one, which asks the eight questions of the first two competencies. Every question is rated 3
 * except Q, rated as below; then the application's decision (its latest one counts: A1 was held,
 * then hired).
 *
 *   app  Lena Sam   latest decision        app  Lena Sam   latest decision
 *   A1   4    4     hire (after a hold)    A7   3    2     no hire
 *   A2   3    4     hire                   A8   1    1     no hire
 *   A3   4    3     hire                   A9   2    3     hold
 *   A4   3    3     hire                   A10  4    3     none
 *   A5   2    1     no hire                A11  3    n/a   hold (Sam left Q "not assessed")
 *   A6   2    2     no hire
 *
 * Q: asked 22 times (11 × 2), rated 21 times (Sam on A11 did not): 1 ×3, 2 ×5, 3 ×8, 4 ×5.
 * Units (two raters): A1–A10, ten. Decided ratings (latest hire / no hire): A1–A8, sixteen.
 * Left out: an imported scorecard by Uma on A1 (all 1s), and Uma's saved, unsubmitted draft on A10
 * (all 1s): were either counted, Q would be asked 23 or 24 times, with more 1s.
 */
const PANELS: { lena: Rating; sam: Rating | 'absent'; decisions: ('hire' | 'no_hire' | 'hold')[] }[] = [
  { lena: 4, sam: 4, decisions: ['hold', 'hire'] },
  { lena: 3, sam: 4, decisions: ['hire'] },
  { lena: 4, sam: 3, decisions: ['hire'] },
  { lena: 3, sam: 3, decisions: ['hire'] },
  { lena: 2, sam: 1, decisions: ['no_hire'] },
  { lena: 2, sam: 2, decisions: ['no_hire'] },
  { lena: 3, sam: 2, decisions: ['no_hire'] },
  { lena: 1, sam: 1, decisions: ['no_hire'] },
  { lena: 2, sam: 3, decisions: ['hold'] },
  { lena: 4, sam: 3, decisions: [] },
  { lena: 3, sam: null, decisions: ['hold'] },
];
const applications: Application[] = [];

/** Every question of step one rated 3, but Q rated `r`. */
const ratings = (r: Rating) =>
  opening.focus
    .flatMap((c) => c.criteria)
    .map((c) => ({ criterionKey: c.key, rating: c.key === q ? r : 3, evidence: 'Evidence.' }));

const bank = (who: Member, id = rubricId) => g.api.as(who).call('getQuestionBank', { query: { rubricId: id } });
const questionOf = (b: QuestionBank, key: string): QuestionFigures =>
  b.competencies.flatMap((c) => c.questions).find((x) => x.criterionKey === key)!;

/** Rows of the organization's question marks and rubric versions: a refused request changes neither. */
const footprint = async () => {
  const [row] = (await t.db.query(
    `select (select count(*)::int from question_marks where organization_id = $1) as marks,
            (select count(*)::int from rubric_versions where organization_id = $1) as versions,
            (select coalesce(sum(revision), 0)::int from rubric_versions where organization_id = $1) as revisions`,
    [g.session.organization.id],
  )) as { marks: number; versions: number; revisions: number }[];
  return row;
};

beforeAll(async () => {
  g = await given(t, 'Question Bank Co');
  recruiter = g.recruiter;
  hm = await g.member({ role: 'hiring_manager', name: 'Hana Manager' });
  lena = await g.member({ name: 'Lena' });
  sam = await g.member({ name: 'Sam' });
  uma = await g.member({ name: 'Uma' });
  opening = await g.opening({ title: 'Tech Lead, Payments' });
  const version = await g.api.as(g.admin).call('getRubricVersion', { params: { id: opening.rubricVersionId } });
  rubricId = version.documentId;
  q = opening.focus[0]!.criteria[0]!.key;
  q2 = opening.focus[0]!.criteria[1]!.key;

  for (const [i, p] of PANELS.entries()) {
    let a = await g.application({ stages: ['screen', 'interviews'], candidate: { name: `Candidate A${i + 1}` } });
    await g.submittedScorecard({
      application: a,
      interviewer: lena,
      content: { ratings: ratings(p.lena) },
      confirmContradiction: true,
    });
    if (p.sam !== 'absent') {
      await g.submittedScorecard({
        application: a,
        interviewer: sam,
        content: { ratings: ratings(p.sam) },
        confirmContradiction: true,
      });
    }
    if (i === 0) {
      await g.api.as(g.admin).call('importScorecard', {
        body: {
          applicationId: a.id,
          interviewerId: uma.user.id,
          stepKey: opening.steps[0]!.key,
          source: 'greenhouse',
          externalId: `gh-${randomUUID()}`,
          submittedAt: '2025-06-01T10:00:00.000Z',
          ratings: opening.focus
            .flatMap((c) => c.criteria)
            .map((c) => ({ criterionKey: c.key, rating: 1 as const, evidence: 'Old evidence.' })),
          recommendation: 'strong_no',
          summary: 'Imported.',
        },
      });
    }
    if (i === 9) await g.savedScorecard({ application: a, interviewer: uma, content: { ratings: ratings(1) } });
    a = await g.move(a, 'debrief');
    for (const decision of p.decisions) {
      a = await g.api.as(g.admin).call('getApplication', { params: { id: a.id } });
      await g.api.as(g.admin).call('decide', {
        params: { id: a.id },
        body: {
          decision,
          rationale: 'Decided at the debrief.',
          revision: a.revision,
          ...(decision === 'no_hire' ? { rejectionReason: 'skills_gap' as const } : {}),
        },
      });
    }
    applications.push(a);
  }

  const elsewhere = await given(t, 'Elsewhere Co', { recruiter: false });
  const theirs = await elsewhere.api
    .as(elsewhere.admin)
    .call('createRubric', { body: { name: 'Their rubric', content: rubricContent() as RubricContent } });
  elsewhereRubricId = theirs.id;
}, 180_000);

describe('question figures (GET /api/v1/analytics/questions)', () => {
  it('lists every question of the published versions, by competency in rubric order', async () => {
    const b = await bank(hm);
    expect(b.rubric.id).toBe(rubricId);
    expect(b.versions.map((v) => v.version)).toEqual([1]);
    expect(b.draft).toBeNull();
    expect(b.competencies.map((c) => c.key)).toEqual(opening.competencies.map((c) => c.key));
    expect(b.competencies.map((c) => c.questions.map((x) => x.criterionKey))).toEqual(
      opening.competencies.map((c) => c.criteria.map((cr) => cr.key)),
    );
    expect(b.thresholds).toEqual({
      ratings: 10,
      separatesNobodyShare: 0.9,
      alphaUnits: 10,
      agreementFloor: 0.667,
      decidedRatings: 10,
    });
  });

  it('counts how often a question was asked, its ratings and how often it was not assessed', async () => {
    const f = questionOf(await bank(hm), q);
    expect(f).toMatchObject({
      asked: 22,
      rated: 21,
      distribution: [3, 5, 8, 5],
      notAssessed: 1,
      versions: [1],
      inLatestVersion: true,
      inDraft: null,
      marks: [],
    });
    expect(f.notAssessedShare).toBeCloseTo(1 / 22, 12);
    expect(f.modalShare).toBeCloseTo(8 / 21, 12);
  });

  it('leaves out drafts and imported scorecards (they would add 1s and asks)', async () => {
    const b = await bank(hm);
    // 22 panel scorecards, eleven of Lena's and eleven of Sam's; none of Uma's (imported, or a draft).
    expect(b.scorecards).toBe(22);
    expect(questionOf(b, q).distribution[0]).toBe(3);
  });

  it('gives agreement as ordinal alpha over the applications two interviewers rated, with its interval', async () => {
    const f = questionOf(await bank(hm), q);
    // Worked independently from the coincidence matrix (Krippendorff 2011, ordinal metric) in
    // Python: n_1..n_4 = 3, 5, 7, 5 pairable values over 10 units → alpha = 0.6972357723577236.
    const units = [
      [4, 4],
      [3, 4],
      [4, 3],
      [3, 3],
      [2, 1],
      [2, 2],
      [3, 2],
      [1, 1],
      [2, 3],
      [4, 3],
    ];
    expect(f.agreement.alpha).toBeCloseTo(0.6972357723577236, 12);
    expect(krippendorffAlpha(units, 'ordinal').alpha).toBeCloseTo(0.6972357723577236, 12);
    const shapes: RatingShape[] = [];
    for (const u of units.map((x) => [...x].sort((a, b) => a - b))) {
      const same = shapes.find((s) => s.ratings.join() === u.join());
      if (same) same.units += 1;
      else shapes.push({ ratings: u, units: 1 });
    }
    expect(f.agreement).toMatchObject({ units: 10, enough: true, allSame: false });
    expect(f.agreement.interval).toEqual(bootstrapAlphaInterval(shapes, 'ordinal'));
    expect(f.flags).toEqual(f.agreement.interval!.high < 0.667 ? ['raters_disagree'] : []);
  });

  it('relates the rating to the latest hire / no hire decision (point-biserial, as SciPy)', async () => {
    const f = questionOf(await bank(hm), q);
    // scipy.stats.pointbiserialr([1]*8 + [0]*8, [4,4,3,4,4,3,3,3, 2,1,2,2,3,2,1,1]) → 0.8307471607356973.
    expect(f.decision).toMatchObject({ ratings: 16, hired: 8, notHired: 8, enough: true });
    expect(f.decision.correlation).toBeCloseTo(0.8307471607356973, 12);
  });

  it('flags a question everyone rates the same as separating nobody', async () => {
    const f = questionOf(await bank(hm), q2);
    expect(f).toMatchObject({ asked: 22, rated: 22, distribution: [0, 0, 22, 0], modalShare: 1 });
    expect(f.flags).toEqual(['separates_nobody']);
    expect(f.agreement).toMatchObject({ alpha: null, units: 11, allSame: true });
    expect(f.decision).toMatchObject({ correlation: null, ratings: 16 });
  });

  it('shows too few ratings for questions nobody asked', async () => {
    const b = await bank(hm);
    const unasked = b.competencies[3]!.questions[0]!;
    expect(unasked).toMatchObject({ asked: 0, rated: 0, distribution: [0, 0, 0, 0], notAssessedShare: null });
    expect(unasked.flags).toEqual(['too_few_ratings']);
    expect(unasked.agreement.alpha).toBeNull();
    expect(unasked.decision.correlation).toBeNull();
  });

  it('answers admins and hiring managers, and refuses recruiters and interviewers', async () => {
    await bank(g.admin);
    for (const who of [recruiter, lena]) {
      const res = await g.api.as(who).raw('getQuestionBank', { query: { rubricId } }).expect(403);
      expect(res.body).toMatchObject({ code: 'forbidden' });
    }
  });

  it('answers 404 for another organization’s rubric, as for one that does not exist', async () => {
    for (const id of [elsewhereRubricId, randomUUID()]) {
      const res = await g.api
        .as(hm)
        .raw('getQuestionBank', { query: { rubricId: id } })
        .expect(404);
      expect(res.body).toMatchObject({ code: 'not_found', detail: 'No such rubric.' });
    }
  });

  it.each([
    ['no rubric', {}],
    ['a rubric id that is not one', { rubricId: 'rubric-1' }],
    ['an unknown filter', { rubricId: randomUUID(), openingId: randomUUID() }],
  ])('refuses %s with 400', async (_, query) => {
    const res = await g.api.as(hm).raw('getQuestionBank', { query }).expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed' });
  });
});

describe('marking a question (POST /api/v1/rubrics/{id}/question-marks)', () => {
  it('retires a question: records the mark and drafts a new version without it', async () => {
    const before = await footprint();
    const answer = await g.api.as(hm).call('markQuestion', {
      params: { id: rubricId },
      body: { criterionKey: q2, kind: 'retired', note: '  Everyone scores it 3.  ' },
    });
    expect(answer).toMatchObject({
      draft: { version: 2 },
      removedFromDraft: true,
      mark: { kind: 'retired', note: 'Everyone scores it 3.', markedBy: { id: hm.user.id, name: 'Hana Manager' } },
    });
    const draft = await g.api.as(hm).call('getRubricVersion', { params: { id: answer.draft.id } });
    expect(draft.status).toBe('draft');
    const keys = draft.content.competencies.flatMap((c) => c.criteria.map((cr) => cr.key));
    expect(keys).not.toContain(q2);
    expect(keys).toHaveLength(opening.competencies.flatMap((c) => c.criteria).length - 1);
    expect(await footprint()).toEqual({
      marks: before!.marks + 1,
      versions: before!.versions + 1,
      revisions: before!.revisions + 1,
    });

    const b = await bank(hm);
    expect(b.draft).toEqual(answer.draft);
    expect(questionOf(b, q2)).toMatchObject({ inLatestVersion: true, inDraft: false, marks: [answer.mark] });
    expect(questionOf(b, q)).toMatchObject({ inDraft: true, marks: [] });

    const [event] = (await t.db.query(
      `select action, entity_type, entity_id, actor_user_id, changed_fields from audit_events
        where organization_id = $1 and action = 'markQuestion' order by occurred_at desc limit 1`,
      [g.session.organization.id],
    )) as Record<string, unknown>[];
    expect(event).toMatchObject({
      action: 'markQuestion',
      entity_type: 'rubric',
      entity_id: rubricId,
      actor_user_id: hm.user.id,
    });
  });

  it('marks a question possibly leaked, taking it out of the draft that already exists', async () => {
    const answer = await g.api.as(g.admin).call('markQuestion', {
      params: { id: rubricId },
      body: { criterionKey: q, kind: 'possibly_leaked' },
    });
    expect(answer).toMatchObject({ draft: { version: 2 }, removedFromDraft: true, mark: { note: '' } });
    const b = await bank(hm);
    expect(questionOf(b, q)).toMatchObject({ inDraft: false, marks: [{ kind: 'possibly_leaked' }] });
  });

  it('marking again replaces the mark of that kind, and leaves the draft alone', async () => {
    const before = await footprint();
    const answer = await g.api.as(hm).call('markQuestion', {
      params: { id: rubricId },
      body: { criterionKey: q2, kind: 'retired', note: 'Retired for good.' },
    });
    expect(answer).toMatchObject({
      removedFromDraft: false,
      draft: { version: 2 },
      mark: { note: 'Retired for good.' },
    });
    expect(await footprint()).toEqual(before);
    expect(questionOf(await bank(hm), q2).marks.map((m) => m.note)).toEqual(['Retired for good.']);
  });

  it('keeps the figures of a question the newest published version no longer holds', async () => {
    const draft = await g.api.as(hm).call('startRubricDraft', { params: { id: rubricId }, body: {} });
    await g.api.as(hm).call('publishRubricVersion', { params: { id: draft.id }, body: { revision: draft.revision } });
    const b = await bank(hm);
    expect(b.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(b.draft).toBeNull();
    expect(questionOf(b, q2)).toMatchObject({ versions: [1], inLatestVersion: false, inDraft: null, asked: 22 });
    // Questions v2 no longer holds come last in their competency.
    expect(
      b.competencies[0]!.questions.map((x) => x.criterionKey)
        .slice(-2)
        .sort(),
    ).toEqual([q, q2].sort());
  });

  it('refuses to take out the last question of a competency, and keeps nothing', async () => {
    const rubric = await g.api
      .as(hm)
      .call('createRubric', { body: { name: 'One question each', content: rubricContent() as RubricContent } });
    await g.api.as(hm).call('publishRubricVersion', {
      params: { id: rubric.draft!.id },
      body: { revision: rubric.draft!.revision },
    });
    const before = await footprint();
    const criterion = rubric.draft!.content.competencies[0]!.criteria[0]!;
    const res = await g.api
      .as(hm)
      .raw('markQuestion', { params: { id: rubric.id }, body: { criterionKey: criterion.key, kind: 'retired' } })
      .expect(422);
    expect(res.body).toMatchObject({ code: 'last_criterion', status: 422 });
    expect(res.body.detail).toContain('Criterion 1');
    expect(res.body.detail).toContain('Competency 1');
    expect(await footprint()).toEqual(before);
    const after = await g.api.as(hm).call('getRubric', { params: { id: rubric.id } });
    expect(after.draftVersionId).toBeNull();
  });

  it('answers 404 for a question the rubric never had, and for another organization’s rubric', async () => {
    const before = await footprint();
    const unknown = await g.api
      .as(hm)
      .raw('markQuestion', { params: { id: rubricId }, body: { criterionKey: randomUUID(), kind: 'retired' } })
      .expect(404);
    expect(unknown.body).toMatchObject({ code: 'not_found' });
    const foreign = await g.api
      .as(hm)
      .raw('markQuestion', { params: { id: elsewhereRubricId }, body: { criterionKey: q, kind: 'retired' } })
      .expect(404);
    expect(foreign.body).toMatchObject({ code: 'not_found', detail: 'No such rubric.' });
    expect(await footprint()).toEqual(before);
  });

  it.each([
    ['an unknown kind', { criterionKey: randomUUID(), kind: 'stolen' }, 'kind'],
    ['a note over 500 characters', { criterionKey: randomUUID(), kind: 'retired', note: 'x'.repeat(501) }, 'note'],
    ['no question', { kind: 'retired' }, 'criterionKey'],
    ['a field it does not take', { criterionKey: randomUUID(), kind: 'retired', markedBy: randomUUID() }, ''],
  ])('refuses %s with 400, changing nothing', async (_, body, path) => {
    const before = await footprint();
    const res = await g.api
      .as(hm)
      .raw('markQuestion', { params: { id: rubricId }, body })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed' });
    if (path) expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    expect(await footprint()).toEqual(before);
  });

  it('lets only admins and hiring managers mark questions', async () => {
    const before = await footprint();
    for (const who of [recruiter, lena]) {
      await g.api
        .as(who)
        .raw('markQuestion', { params: { id: rubricId }, body: { criterionKey: q, kind: 'retired' } })
        .expect(403);
    }
    expect(await footprint()).toEqual(before);
  });
});
