import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthSession, User } from '@scorecard/contracts';
import {
  firstValuePerInterviewer,
  matchedUnitOffsets,
  type ScorecardUnitRating,
  type UnitRating,
} from '@scorecard/domain';
import fc from 'fast-check';
import type { EntityManager } from 'typeorm';
import { Db } from '../../src/database/db.js';
import { CalibrationRepository } from '../../src/modules/analytics/calibration.repository.js';
import { ScorecardsRepository } from '../../src/modules/scorecards/scorecards.repository.js';
import { addMember, openOpeningWithFocus, signup, type FocusedOpening } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The calibration SQL against the reference: on random panels (2–5 interviewers, 1–3 candidates,
 * interviewers meeting a candidate more than once, ratings 1–4, "not assessed" or left out, drafts,
 * amendments, submission times that tie), each interviewer's matched-unit statistics from the
 * database (count, mean and `stddev_samp` of their differences from the others) equal
 * `matchedUnitOffsets(firstValuePerInterviewer(...))` from packages/domain, and so do the agreement
 * shapes, the rating counts and the unassessed questions. Each run lives on its own day, and the
 * query is narrowed to it. Scorecards are written with SQL and submitted with the repository's
 * `markSubmitted`, which records the first submission; amendments then change the ratings only.
 */

const TOLERANCE = 1e-9;

let t: TestApp;
let admin: AuthSession;
let opening: FocusedOpening;
let interviewers: User[];
let analytics: CalibrationRepository;
let scorecards: ScorecardsRepository;
let db: Db;
/** The criteria the random cards rate: three of each of the first two competencies. */
let criteria: { key: string; competencyKey: string }[];

beforeAll(async () => {
  t = await startTestApp();
  admin = await signup(t, 'Calibration SQL Co');
  opening = await openOpeningWithFocus(t, admin);
  interviewers = [];
  for (let i = 0; i < 5; i++) interviewers.push((await addMember(t, admin, 'interviewer')).user);
  criteria = opening.competencies
    .slice(0, 2)
    .flatMap((c) => c.criteria.slice(0, 3).map((cr) => ({ key: cr.key, competencyKey: c.key })));
  analytics = t.app.get(CalibrationRepository);
  scorecards = t.app.get(ScorecardsRepository);
  db = t.app.get(Db);
});
afterAll(async () => {
  await t.close();
});

type Cell = 'absent' | null | 1 | 2 | 3 | 4;

interface CardShape {
  interviewer: number;
  application: number;
  /** Minutes after noon of the run's day it was submitted: few values, so times tie. */
  minute: number;
  cells: Cell[];
  submitted: boolean;
  /** After submitting, every rating becomes this (counts in no figure). */
  amendTo: 1 | 2 | 3 | 4 | null;
}

const panel = fc.record({
  people: fc.integer({ min: 2, max: 5 }),
  applications: fc.integer({ min: 1, max: 3 }),
  cards: fc.array(
    fc.record({
      interviewer: fc.nat(4),
      application: fc.nat(2),
      minute: fc.nat(2),
      cells: fc.array(fc.constantFrom<Cell>('absent', null, 1, 2, 3, 4, 1, 2, 3, 4), {
        minLength: 6,
        maxLength: 6,
      }),
      submitted: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      amendTo: fc.option(fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4), { freq: 4 }),
    }),
    { minLength: 1, maxLength: 14 },
  ),
});

async function newApplication(m: EntityManager): Promise<string> {
  const [row] = (await m.query(
    `with c as (
       insert into candidates (organization_id, name, email, links, source, desired_career_path)
       values ($1, 'Random Panel', $3, '{}', 'other', 'undecided') returning id)
     insert into applications (organization_id, candidate_id, opening_id, stage)
     select $1, c.id, $2, 'interviews' from c returning id`,
    [admin.organization.id, opening.id, `calibration-${randomUUID()}@example.test`],
  )) as { id: string }[];
  return row!.id;
}

interface WrittenCard {
  id: string;
  interviewer: string;
  application: string;
  submittedAt: number;
  cells: Cell[];
}

/** Writes one card: interview (asking the six criteria) on `day`, draft, ratings; then maybe submits and amends it. */
async function writeCard(m: EntityManager, day: string, applicationId: string, s: CardShape, who: string) {
  const org = admin.organization.id;
  const [row] = (await m.query(
    `with i as (
       insert into interviews (organization_id, application_id, step_key, step_name, interviewer_id, starts_at,
                               duration_minutes, feedback_due_at, focus_competency_keys, question_keys)
       values ($1, $2, gen_random_uuid(), 'Random step', $3, $4::timestamptz, 60, $4::timestamptz + interval '1 day',
               $5::uuid[], $6::uuid[])
       returning id)
     insert into scorecards (organization_id, interview_id, application_id, interviewer_id, rubric_version_id,
                             checklist_version_id, recommendation)
     select $1, i.id, $2, $3, $7, $8, 'yes' from i returning id`,
    [
      org,
      applicationId,
      who,
      `${day}T10:00:00Z`,
      [...new Set(criteria.map((c) => c.competencyKey))],
      criteria.map((c) => c.key),
      opening.rubricVersionId,
      opening.checklistVersionId,
    ],
  )) as { id: string }[];
  const id = row!.id;
  const rated = criteria.map((c, i) => ({ ...c, cell: s.cells[i]! })).filter((r) => r.cell !== 'absent');
  const write = (rating: (cell: Cell) => Cell) =>
    m.query(
      `insert into scorecard_ratings (organization_id, scorecard_id, criterion_key, competency_key, rating, evidence)
       select $1, $2, x.criterion_key, x.competency_key, x.rating, 'Evidence'
         from unnest($3::uuid[], $4::uuid[], $5::smallint[]) x(criterion_key, competency_key, rating)`,
      [org, id, rated.map((r) => r.key), rated.map((r) => r.competencyKey), rated.map((r) => rating(r.cell))],
    );
  await write((c) => c);
  if (!s.submitted) return null;
  await scorecards.markSubmitted(org, id, m);
  const submittedAt = Date.parse(`${day}T12:00:00Z`) + s.minute * 60_000;
  await m.query(`select set_config('scorecard.amending', 'on', true)`);
  await m.query(`update scorecards set submitted_at = $3 where organization_id = $1 and id = $2`, [
    org,
    id,
    new Date(submittedAt),
  ]);
  if (s.amendTo !== null) {
    await m.query(`delete from scorecard_ratings where organization_id = $1 and scorecard_id = $2`, [org, id]);
    await write(() => s.amendTo);
  }
  await m.query(`select set_config('scorecard.amending', 'off', true)`);
  return { id, interviewer: who, application: applicationId, submittedAt, cells: s.cells };
}

describe('calibration figures in SQL', () => {
  it('agree with the domain’s matched-unit offsets and agreement units on random panels', async () => {
    let run = 0;
    let matched = 0;
    let repeats = 0;
    await fc.assert(
      fc.asyncProperty(panel, async (shape) => {
        run++;
        const day = new Date(Date.UTC(2024, 0, 1) + run * 86_400_000).toISOString().slice(0, 10);
        const written = await t.db.transaction(async (m) => {
          const apps: string[] = [];
          for (let i = 0; i < shape.applications; i++) apps.push(await newApplication(m));
          const cards: WrittenCard[] = [];
          for (const s of shape.cards) {
            const who = interviewers[s.interviewer % shape.people]!.id;
            const card = await writeCard(m, day, apps[s.application % shape.applications]!, s, who);
            if (card) cards.push(card);
          }
          return cards;
        });
        const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
        const got = await db.asTenant(admin.organization.id, () =>
          analytics.calibration(admin.organization.id, admin.user.id, {
            openingId: null,
            from: new Date(`${day}T00:00:00Z`),
            to: next,
          }),
        );

        // The reference: every first-submission rating, one value per interviewer per unit.
        const ratings: ScorecardUnitRating[] = written.flatMap((c) =>
          criteria.flatMap((cr, i) => {
            const cell = c.cells[i];
            return typeof cell === 'number'
              ? [
                  {
                    unit: `${c.application}|${cr.key}`,
                    interviewer: c.interviewer,
                    rating: cell,
                    scorecard: c.id,
                    submittedAt: c.submittedAt,
                  },
                ]
              : [];
          }),
        );
        repeats += ratings.length - firstValuePerInterviewer(ratings).length;
        const values = firstValuePerInterviewer(ratings);
        const offsets = matchedUnitOffsets(values);
        const people = [...new Set(written.map((c) => c.interviewer))].sort();
        expect(got.interviewers.map((i) => i.interviewer.id).sort()).toEqual(people);
        for (const row of got.interviewers) {
          const id = row.interviewer.id;
          const expected = offsets.get(id);
          const mine = written.filter((c) => c.interviewer === id);
          expect(row.scorecards).toBe(mine.length);
          expect(row.asked).toBe(mine.length * criteria.length);
          expect(row.unassessed).toBe(
            mine.reduce((n, c) => n + c.cells.filter((x) => typeof x !== 'number').length, 0),
          );
          expect(row.ratingDistribution).toEqual(
            [1, 2, 3, 4].map((r) => mine.reduce((n, c) => n + c.cells.filter((x) => x === r).length, 0)),
          );
          if (!expected) {
            expect({ id, offset: row.offset }).toEqual({ id, offset: null });
            continue;
          }
          matched++;
          expect(row.offset!.n).toBe(expected.n);
          expect(Math.abs(row.offset!.mean - expected.mean)).toBeLessThan(TOLERANCE);
          if (expected.sd === null) expect(row.offset!.sd).toBeNull();
          else expect(Math.abs(row.offset!.sd! - expected.sd)).toBeLessThan(TOLERANCE);
        }

        // Agreement: per competency, the units rated by two or more interviewers, grouped by their sorted values.
        const byUnit = new Map<string, UnitRating[]>();
        for (const v of values) byUnit.set(v.unit, [...(byUnit.get(v.unit) ?? []), v]);
        const expectedShapes = new Map<string, Map<string, number>>();
        for (const [unit, vs] of byUnit) {
          if (vs.length < 2) continue;
          const competency = criteria.find((c) => c.key === unit.split('|')[1])!.competencyKey;
          const key = vs
            .map((v) => v.rating)
            .sort((a, b) => a - b)
            .join(',');
          const shapes = expectedShapes.get(competency) ?? new Map<string, number>();
          shapes.set(key, (shapes.get(key) ?? 0) + 1);
          expectedShapes.set(competency, shapes);
        }
        for (const row of got.agreement) {
          const actual = Object.fromEntries(row.shapes.map((s) => [s.ratings.join(','), s.units]));
          expect({ competency: row.competencyKey, shapes: actual }).toEqual({
            competency: row.competencyKey,
            shapes: Object.fromEntries(expectedShapes.get(row.competencyKey) ?? []),
          });
        }
      }),
      { seed: 18, numRuns: 60 },
    );
    expect(run).toBeGreaterThanOrEqual(60);
    // The random panels did match interviewers, and did have interviewers meet a candidate twice.
    expect(matched).toBeGreaterThan(60);
    expect(repeats).toBeGreaterThan(10);
  });
});
