import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthSession, Stat } from '@scorecard/contracts';
import {
  cardOveralls,
  disagreements,
  sampleSd,
  panelScores,
  type CompetencyWeight,
  type PanelScorecard,
  type PanelScores,
  type Recommendation,
} from '@scorecard/domain';
import fc from 'fast-check';
import type { EntityManager } from 'typeorm';
import { Db } from '../../src/database/db.js';
import { DebriefsRepository, type PanelFigures } from '../../src/modules/debriefs/debriefs.repository.js';
import { ScorecardsRepository } from '../../src/modules/scorecards/scorecards.repository.js';
import { openOpeningWithFocus, signup, type FocusedOpening } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The SQL of debriefs and comparisons against the reference: for random rubrics (weights, number
 * of competencies and criteria) and random panels (ratings 1–4, "not assessed" or left out, any
 * recommendation, red flags, ratings on criteria the step did not ask, amendments), the database's
 * figures in both views equal `panelScores` and `disagreements` from packages/domain: the
 * independent view over each scorecard's first submission, the amended view over its content now,
 * neither counting an unasked rating. Scorecards are written with SQL (the API would only slow this
 * down), respecting the freeze triggers: content while a draft, then submitted by the repository's
 * own `markSubmitted` (which keeps the first submission), then amended. Each run also writes a draft
 * that must not count, and a second application that must not leak into the first.
 */

const TOLERANCE = 1e-9;
const RECOMMENDATIONS: Recommendation[] = ['strong_no', 'no', 'yes', 'strong_yes'];

const t = useTestApp();
let admin: AuthSession;
let opening: FocusedOpening;
let rubricId: string;
let repository: DebriefsRepository;
let scorecards: ScorecardsRepository;
let db: Db;

beforeAll(async () => {
  admin = await signup(t, 'Scoring SQL Co');
  opening = await openOpeningWithFocus(t, admin);
  const [row] = (await t.db.query(`select rubric_id from rubric_versions where id = $1`, [
    opening.rubricVersionId,
  ])) as { rubric_id: string }[];
  rubricId = row!.rubric_id;
  repository = t.app.get(DebriefsRepository);
  scorecards = t.app.get(ScorecardsRepository);
  db = t.app.get(Db);
});

/** A rubric: each competency's weight (quarters from 0.25 to 100) and how many criteria it has. */
const rubricShape = fc.array(
  fc.record({ weight: fc.integer({ min: 1, max: 400 }).map((n) => n / 4), criteria: fc.integer({ min: 1, max: 4 }) }),
  { minLength: 1, maxLength: 4 },
);

type Cell = 'absent' | null | 1 | 2 | 3 | 4;

interface CardShape {
  /** The first submission. */
  cells: Cell[];
  /** Per criterion: false for a (legacy) rating on a criterion the step did not ask. */
  asked: boolean[];
  recommendation: Recommendation;
  flags: number[];
  /** The content after an amendment, if any. */
  amendment: { cells: Cell[]; recommendation: Recommendation } | null;
}

function card(criteria: number, flagCount: number): fc.Arbitrary<CardShape> {
  const cells = fc.array(fc.constantFrom<Cell>('absent', null, 1, 2, 3, 4), {
    minLength: criteria,
    maxLength: criteria,
  });
  return fc.record({
    cells,
    asked: fc.array(fc.constantFrom(true, true, true, false), { minLength: criteria, maxLength: criteria }),
    recommendation: fc.constantFrom(...RECOMMENDATIONS),
    flags: fc.subarray(Array.from({ length: flagCount }, (_, i) => i)),
    amendment: fc.option(fc.record({ cells, recommendation: fc.constantFrom(...RECOMMENDATIONS) }), { freq: 2 }),
  });
}

interface PanelShape {
  submitted: CardShape[];
  drafts: CardShape[];
}

function panel(criteria: number, flagCount: number, minSubmitted: number): fc.Arbitrary<PanelShape> {
  return fc.record({
    submitted: fc.array(card(criteria, flagCount), { minLength: minSubmitted, maxLength: 6 }),
    drafts: fc.array(card(criteria, flagCount), { maxLength: 1 }),
  });
}

interface Rubric {
  versionId: string;
  weights: CompetencyWeight[];
  /** Every criterion in rubric order, with its competency. */
  criteria: { key: string; competencyKey: string }[];
}

/** Publishes a rubric version of the given shape and points the opening at it. */
async function publishRubric(m: EntityManager, shape: { weight: number; criteria: number }[]): Promise<Rubric> {
  const competencies = shape.map((c, i) => ({
    key: randomUUID(),
    name: `Competency ${i + 1}`,
    description: '',
    category: 'technical',
    weight: c.weight,
    criteria: Array.from({ length: c.criteria }, (_, n) => ({
      key: randomUUID(),
      title: `Criterion ${i + 1}.${n + 1}`,
      prompt: '',
      probes: [],
      questionType: 'behavioural',
      whyLead: false,
      anchors: ['1', '2', '3', '4'],
    })),
  }));
  const [row] = (await m.query(
    `insert into rubric_versions (organization_id, rubric_id, version, status, content, published_at)
     select $1, $2, max(version) + 1, 'published', $3, now() from rubric_versions where organization_id = $1 and rubric_id = $2
     returning id`,
    [admin.organization.id, rubricId, JSON.stringify({ competencies })],
  )) as { id: string }[];
  await m.query(`update openings set rubric_version_id = $3 where organization_id = $1 and id = $2`, [
    admin.organization.id,
    opening.id,
    row!.id,
  ]);
  return {
    versionId: row!.id,
    weights: competencies.map((c) => ({ key: c.key, weight: c.weight })),
    criteria: competencies.flatMap((c) => c.criteria.map((cr) => ({ key: cr.key, competencyKey: c.key }))),
  };
}

async function newApplication(m: EntityManager): Promise<string> {
  const [row] = (await m.query(
    `with c as (
       insert into candidates (organization_id, name, email, links, source, desired_career_path)
       values ($1, 'Random Panel', $3, '{}', 'other', 'undecided') returning id)
     insert into applications (organization_id, candidate_id, opening_id, stage)
     select $1, c.id, $2, 'interviews' from c returning id`,
    [admin.organization.id, opening.id, `panel-${randomUUID()}@example.test`],
  )) as { id: string }[];
  return row!.id;
}

/** The ratings of `cells` on the rubric's criteria, each marked asked or not as the shape says. */
function ratingsOf(rubric: Rubric, cells: Cell[], asked: boolean[]) {
  return rubric.criteria.flatMap((c, i) => {
    const cell = cells[i]!;
    return cell === 'absent'
      ? []
      : [{ criterionKey: c.key, competencyKey: c.competencyKey, rating: cell, asked: asked[i]! }];
  });
}

async function insertRatings(m: EntityManager, id: string, ratings: ReturnType<typeof ratingsOf>): Promise<void> {
  await m.query(
    `insert into scorecard_ratings (organization_id, scorecard_id, criterion_key, competency_key, rating, evidence, asked)
     select $1, $2, x.criterion_key, x.competency_key, x.rating, 'Evidence', x.asked
       from unnest($3::uuid[], $4::uuid[], $5::smallint[], $6::boolean[]) x(criterion_key, competency_key, rating, asked)`,
    [
      admin.organization.id,
      id,
      ratings.map((r) => r.criterionKey),
      ratings.map((r) => r.competencyKey),
      ratings.map((r) => r.rating),
      ratings.map((r) => r.asked),
    ],
  );
}

/** A scorecard as each view of the figures must read it: its asked ratings only. */
type Written = { independent: PanelScorecard; withAmendments: PanelScorecard };

const askedOnly = (id: string, recommendation: Recommendation, ratings: ReturnType<typeof ratingsOf>) => ({
  id,
  recommendation,
  ratings: ratings
    .filter((r) => r.asked)
    .map((r) => ({ criterionKey: r.criterionKey, competencyKey: r.competencyKey, rating: r.rating })),
});

/**
 * Writes one scorecard (an interview, the draft, its ratings and red flags), then, unless asked not
 * to, submits it with the repository's `markSubmitted` and applies its amendment, if any.
 */
async function writeCard(
  m: EntityManager,
  applicationId: string,
  rubric: Rubric,
  shape: CardShape,
  submit: boolean,
): Promise<Written> {
  const org = admin.organization.id;
  const [row] = (await m.query(
    `with i as (
       insert into interviews (organization_id, application_id, step_key, step_name, interviewer_id, starts_at,
                               duration_minutes, feedback_due_at)
       values ($1, $2, gen_random_uuid(), 'Random step', $3, now() - interval '2 hours', 60, now() + interval '1 day')
       returning id)
     insert into scorecards (organization_id, interview_id, application_id, interviewer_id, rubric_version_id,
                             checklist_version_id, recommendation)
     select $1, i.id, $2, $3, $4, $5, $6 from i returning id`,
    [org, applicationId, admin.user.id, rubric.versionId, opening.checklistVersionId, shape.recommendation],
  )) as { id: string }[];
  const id = row!.id;
  const first = ratingsOf(rubric, shape.cells, shape.asked);
  await insertRatings(m, id, first);
  await m.query(
    `insert into scorecard_red_flags (organization_id, scorecard_id, flag_key, evidence)
     select $1, $2, k, 'Seen' from unnest($3::uuid[]) k`,
    [org, id, shape.flags.map((i) => opening.redFlags[i]!.key)],
  );
  const independent = askedOnly(id, shape.recommendation, first);
  if (!submit) return { independent, withAmendments: independent };
  await scorecards.markSubmitted(org, id, m);
  if (!shape.amendment) return { independent, withAmendments: independent };
  // An amendment: the content changes under the amending flag; the first submission must not.
  await m.query(`select set_config('scorecard.amending', 'on', true)`);
  await m.query(`delete from scorecard_ratings where organization_id = $1 and scorecard_id = $2`, [org, id]);
  const amended = ratingsOf(rubric, shape.amendment.cells, shape.asked);
  await insertRatings(m, id, amended);
  await m.query(`update scorecards set recommendation = $3 where organization_id = $1 and id = $2`, [
    org,
    id,
    shape.amendment.recommendation,
  ]);
  await m.query(`select set_config('scorecard.amending', 'off', true)`);
  return { independent, withAmendments: askedOnly(id, shape.amendment.recommendation, amended) };
}

function expectClose(actual: number | null | undefined, expected: number | null, what: string): void {
  if (expected === null || actual === null || actual === undefined) {
    expect({ what, value: actual ?? null }).toEqual({ what, value: expected });
    return;
  }
  if (Math.abs(actual - expected) > TOLERANCE) {
    throw new Error(`${what}: the database says ${actual}, the domain ${expected}`);
  }
}

function expectStat(actual: Stat | null | undefined, expected: Stat | null, what: string): void {
  if (expected === null || !actual) {
    expect({ what, stat: actual ?? null }).toEqual({ what, stat: expected });
    return;
  }
  expect({ what, count: actual.count }).toEqual({ what, count: expected.count });
  for (const k of ['mean', 'min', 'max', 'spread'] as const) expectClose(actual[k], expected[k], `${what} ${k}`);
}

/** The database's figures in the shape of `panelScores`, as the debrief service reads them. */
function asPanelScores(f: PanelFigures, weights: CompetencyWeight[]): PanelScores {
  return {
    competencies: weights.map((w) => ({ ...w, stat: f.competencies.get(w.key) ?? null })),
    criteria: f.criteria,
    overall: f.overall,
    overallStat: f.overallStat,
    tally: f.tally,
  };
}

function expectSameFigures(f: PanelFigures, cards: PanelScorecard[], shapes: CardShape[], weights: CompetencyWeight[]) {
  const reference = panelScores(cards, weights);
  for (const c of reference.competencies) expectStat(f.competencies.get(c.key), c.stat, `competency ${c.key}`);
  expect([...f.competencies.keys()].sort()).toEqual(
    reference.competencies
      .filter((c) => c.stat)
      .map((c) => c.key)
      .sort(),
  );
  const criteria = new Map(f.criteria.map((c) => [c.key, c]));
  expect([...criteria.keys()].sort()).toEqual(reference.criteria.map((c) => c.key).sort());
  for (const c of reference.criteria) {
    expect(criteria.get(c.key)!.competencyKey).toBe(c.competencyKey);
    expectStat(criteria.get(c.key)!.stat, c.stat, `criterion ${c.key}`);
  }
  expectClose(f.overall, reference.overall, 'overall');
  expectStat(f.overallStat, reference.overallStat, 'overall stat');
  // The comparison's standard error rests on the sample SD of the scorecards' own overalls.
  expectClose(f.overallSd, sampleSd(cardOveralls(cards, weights)), 'overall sd');
  expect(f.tally).toEqual(reference.tally);
  expect(f.scorecards).toBe(cards.length);
  const ticks = shapes.flatMap((s) => s.flags.map((i) => opening.redFlags[i]!.severity));
  expect(f.redFlags).toEqual({
    concerns: ticks.filter((s) => s === 'concern').length,
    dealbreakers: ticks.filter((s) => s === 'dealbreaker').length,
  });
  const expected = disagreements(reference);
  const actual = disagreements(asPanelScores(f, weights));
  expect({ ...actual, criteria: [...actual.criteria].sort() }).toEqual({
    ...expected,
    criteria: [...expected.criteria].sort(),
  });
}

describe('panel figures in SQL', () => {
  it('agree with the domain’s scoring rules on random panels, in both views', async () => {
    const flagCount = opening.redFlags.length;
    const arbitrary = rubricShape.chain((shape) => {
      const criteria = shape.reduce((n, c) => n + c.criteria, 0);
      return fc.record({
        shape: fc.constant(shape),
        first: panel(criteria, flagCount, 1),
        second: panel(criteria, flagCount, 0),
      });
    });
    let runs = 0;
    let amended = 0;
    let unasked = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ shape, first, second }) => {
        runs++;
        const written = await t.db.transaction(async (m) => {
          const rubric = await publishRubric(m, shape);
          const panels = [];
          for (const p of [first, second]) {
            const applicationId = await newApplication(m);
            const cards = [];
            for (const s of p.submitted) cards.push(await writeCard(m, applicationId, rubric, s, true));
            for (const s of p.drafts) await writeCard(m, applicationId, rubric, s, false);
            panels.push({ applicationId, cards, shapes: p.submitted });
            amended += p.submitted.filter((s) => s.amendment).length;
            unasked += p.submitted.filter((s) => s.asked.includes(false)).length;
          }
          return { rubric, panels };
        });
        const ids = written.panels.map((p) => p.applicationId);
        const [independent, withAmendments, byDefault] = await db.asTenant(admin.organization.id, () =>
          Promise.all([
            repository.panelFigures(admin.organization.id, ids, 'independent'),
            repository.panelFigures(admin.organization.id, ids, 'with_amendments'),
            repository.panelFigures(admin.organization.id, ids),
          ]),
        );
        expect(independent.size).toBe(2);
        expect(withAmendments.size).toBe(2);
        for (const p of written.panels) {
          const weights = written.rubric.weights;
          const firsts = p.cards.map((c) => c.independent);
          expectSameFigures(independent.get(p.applicationId)!, firsts, p.shapes, weights);
          expectSameFigures(byDefault.get(p.applicationId)!, firsts, p.shapes, weights);
          const nows = p.cards.map((c) => c.withAmendments);
          expectSameFigures(withAmendments.get(p.applicationId)!, nows, p.shapes, weights);
        }
      }),
      { seed: 42, numRuns: 40 },
    );
    expect(runs).toBeGreaterThanOrEqual(40);
    // The random panels did exercise amendments and unasked ratings.
    expect(amended).toBeGreaterThan(10);
    expect(unasked).toBeGreaterThan(10);
  });

  it('counts nothing for an application of another organization', async () => {
    const elsewhere = await signup(t, 'Other Scoring Co');
    const [app] = (await t.db.query(`select id from applications where organization_id = $1 limit 1`, [
      admin.organization.id,
    ])) as { id: string }[];
    const figures = await db.asTenant(elsewhere.organization.id, () =>
      repository.panelFigures(elsewhere.organization.id, [app!.id]),
    );
    expect(figures.size).toBe(0);
  });
});
