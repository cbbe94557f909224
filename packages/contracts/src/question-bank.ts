import { z } from 'zod';
import { Uuid } from './common.js';
import { PersonRef } from './library.js';

/**
 * The question bank (issue 24 §4): figures for each question (criterion) of a rubric, merged over
 * its published versions by the criterion's key, and the marks a hiring manager puts on a question
 * (retired, possibly leaked), each of which takes it out of the rubric's draft.
 */

export const QuestionBankQuery = z.strictObject({ rubricId: Uuid });
export type QuestionBankQuery = z.infer<typeof QuestionBankQuery>;

export const QuestionMarkKind = z.enum(['retired', 'possibly_leaked']);
export type QuestionMarkKind = z.infer<typeof QuestionMarkKind>;
export const QUESTION_MARK_LABELS: Record<QuestionMarkKind, string> = {
  retired: 'Retired',
  possibly_leaked: 'Possibly leaked',
};

/** What a flag on a question says (thresholds in `QuestionBank.thresholds`). */
export const QuestionFlag = z.enum(['too_few_ratings', 'separates_nobody', 'raters_disagree']);
export type QuestionFlag = z.infer<typeof QuestionFlag>;

export const QuestionMark = z
  .object({
    id: Uuid,
    kind: QuestionMarkKind,
    note: z.string(),
    markedBy: PersonRef,
    markedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'QuestionMark' });
export type QuestionMark = z.infer<typeof QuestionMark>;

const Interval = z.object({ low: z.number(), high: z.number() });

export const QuestionFigures = z.object({
  criterionKey: Uuid,
  title: z.string(),
  prompt: z.string(),
  /** The published version numbers that hold the question. */
  versions: z.array(z.number().int()),
  /** The latest published version holds it. */
  inLatestVersion: z.boolean(),
  /** The draft holds it; null when the rubric has no draft. */
  inDraft: z.boolean().nullable(),
  /** Submitted scorecards (first submissions, not imported) whose interview asked the question. */
  asked: z.number().int(),
  /** Of those, how many rated it. */
  rated: z.number().int(),
  /** How many of the ratings were 1, 2, 3 and 4. */
  distribution: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
  /** Asked but left "not assessed" (or without a rating). */
  notAssessed: z.number().int(),
  notAssessedShare: z.number().nullable(),
  /** The share of the ratings at the most common level; null with too few ratings. */
  modalShare: z.number().nullable(),
  /** Agreement between interviewers on the question: ordinal Krippendorff's alpha over its units. */
  agreement: z.object({
    /** Null when undefined (no variation, or no unit) or under the minimum of units. */
    alpha: z.number().nullable(),
    /** 95% percentile bootstrap interval (1,000 seeded resamples of units). */
    interval: Interval.nullable(),
    /** Applications on which two or more interviewers rated the question. */
    units: z.number().int(),
    enough: z.boolean(),
    allSame: z.boolean(),
  }),
  /** Relation to the decision: point-biserial r of the rating with hire (1) / no hire (0). */
  decision: z.object({
    correlation: z.number().nullable(),
    /** Ratings on applications whose latest decision is hire or no hire. */
    ratings: z.number().int(),
    hired: z.number().int(),
    notHired: z.number().int(),
    enough: z.boolean(),
  }),
  flags: z.array(QuestionFlag),
  /** The marks on the question, latest first. */
  marks: z.array(QuestionMark),
});
export type QuestionFigures = z.infer<typeof QuestionFigures>;

export const QuestionBank = z
  .object({
    rubric: z.object({ id: Uuid, name: z.string() }),
    /** The published versions merged, oldest first. */
    versions: z.array(z.object({ id: Uuid, version: z.number().int() })),
    draft: z.object({ id: Uuid, version: z.number().int() }).nullable(),
    /** Submitted scorecards (first submissions, not imported) on the rubric's versions. */
    scorecards: z.number().int(),
    thresholds: z.object({
      /** Ratings a question needs before its distribution is read. */
      ratings: z.number().int(),
      /** At least this share of ratings at one level: the question separates nobody. */
      separatesNobodyShare: z.number(),
      /** Units alpha needs. */
      alphaUnits: z.number().int(),
      /** Alpha's interval wholly below this: raters cannot agree. */
      agreementFloor: z.number(),
      /** Ratings on decided applications the correlation needs. */
      decidedRatings: z.number().int(),
    }),
    /** In the order of the latest published version; questions it no longer holds come last in their competency. */
    competencies: z.array(
      z.object({ key: Uuid, name: z.string(), weight: z.number(), questions: z.array(QuestionFigures) }),
    ),
  })
  .meta({ id: 'QuestionBank' });
export type QuestionBank = z.infer<typeof QuestionBank>;

export const MarkQuestionRequest = z.strictObject({
  criterionKey: Uuid,
  kind: QuestionMarkKind,
  note: z.string().trim().max(500, 'Use at most 500 characters.').default(''),
});
export type MarkQuestionRequest = z.infer<typeof MarkQuestionRequest>;

export const MarkQuestionResult = z
  .object({
    mark: QuestionMark,
    /** The draft version the question was taken out of (made from the latest version if there was none). */
    draft: z.object({ id: Uuid, version: z.number().int() }),
    /** False when the draft no longer held the question (taken out already). */
    removedFromDraft: z.boolean(),
  })
  .meta({ id: 'MarkQuestionResult' });
export type MarkQuestionResult = z.infer<typeof MarkQuestionResult>;
