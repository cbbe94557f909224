/**
 * The question bank (issue 24 §4): figures for each rubric question (criterion) and the flags read
 * from them. The API counts in SQL (how often a question was asked, its 1–4 counts, its agreement
 * units as shapes, its ratings split by the decision) and hands the counts here
 * (docs/MEASUREMENT.md, "Question bank").
 */

import {
  alphaFromShapes,
  bootstrapAlphaInterval,
  MIN_ALPHA_UNITS,
  type Interval,
  type RatingShape,
} from './calibration.js';

/** Fewer first-submission ratings than this and a question's distribution is not read (no "separates nobody"). */
export const MIN_QUESTION_RATINGS = 10;
/** A question separates nobody when at least this share of its ratings is one and the same level. */
export const SEPARATES_NOBODY_SHARE = 0.9;
/**
 * Raters cannot agree on a question when its alpha's 95% interval lies wholly below this: the
 * lowest alpha Krippendorff accepts even for tentative conclusions (0.667).
 */
export const AGREEMENT_FLOOR = 0.667;
/** Ratings on decided applications (hire or no hire) a point-biserial correlation needs before it is shown. */
export const MIN_DECIDED_RATINGS = 10;

/** How many first-submission ratings were 1, 2, 3 and 4. */
export type RatingCounts = readonly [number, number, number, number];

export type QuestionFlag = 'too_few_ratings' | 'separates_nobody' | 'raters_disagree';

const total = (counts: RatingCounts) => counts[0] + counts[1] + counts[2] + counts[3];

/** The share of the ratings at the most common level; null without ratings. */
export function modalShare(counts: RatingCounts): number | null {
  const n = total(counts);
  return n === 0 ? null : Math.max(...counts) / n;
}

/**
 * The point-biserial correlation of the rating with the decision from counts alone: `hired[i]`
 * and `notHired[i]` are how many ratings of level i + 1 were given on applications decided hire
 * and no hire. The same figure as `pointBiserial` over the pairs written out:
 * r = (M₁ − M₀) / s · √(p·q), with s the population standard deviation of all the ratings.
 * Null when not defined: fewer than two ratings, one outcome only, or every rating the same.
 */
export function pointBiserialFromCounts(hired: RatingCounts, notHired: RatingCounts): number | null {
  const n1 = total(hired);
  const n0 = total(notHired);
  const n = n1 + n0;
  if (n < 2 || n1 === 0 || n0 === 0) return null;
  const sum = (c: RatingCounts) => c.reduce((s, k, i) => s + k * (i + 1), 0);
  const sumSq = (c: RatingCounts) => c.reduce((s, k, i) => s + k * (i + 1) ** 2, 0);
  const mean = (sum(hired) + sum(notHired)) / n;
  const variance = (sumSq(hired) + sumSq(notHired)) / n - mean * mean;
  // Rounding can leave a hair above zero when every rating is the same.
  if (variance <= 1e-12) return null;
  const p = n1 / n;
  return ((sum(hired) / n1 - sum(notHired) / n0) / Math.sqrt(variance)) * Math.sqrt(p * (1 - p));
}

/** What the SQL gathers for one question. */
export interface QuestionCounts {
  /** Submitted scorecards whose interview asked the question. */
  asked: number;
  /** Their first-submission ratings, 1 to 4. */
  distribution: RatingCounts;
  /** Units (application × this question, rated by two or more interviewers, one value each), as shapes. */
  shapes: readonly RatingShape[];
  /** The unit values (one per interviewer per application) on applications decided hire, and no hire. */
  hired: RatingCounts;
  notHired: RatingCounts;
}

export interface QuestionFigures {
  asked: number;
  rated: number;
  distribution: RatingCounts;
  /** Asked but left unrated ("not assessed", or no rating at all). */
  notAssessed: number;
  notAssessedShare: number | null;
  /** The share of the ratings at the most common level; null below `MIN_QUESTION_RATINGS`. */
  modalShare: number | null;
  agreement: {
    /** Ordinal alpha; null when undefined, or below `MIN_ALPHA_UNITS` units (too few to show). */
    alpha: number | null;
    interval: Interval | null;
    units: number;
    enough: boolean;
    /** Every value in the units is the same rating (agreement total, alpha undefined). */
    allSame: boolean;
  };
  decision: {
    /** Point-biserial r of the rating with hire (1) / no hire (0); null when undefined or too few. */
    correlation: number | null;
    /** Ratings on decided applications. */
    ratings: number;
    hired: number;
    notHired: number;
    enough: boolean;
  };
  flags: QuestionFlag[];
}

/**
 * A question's figures and flags from its counts. Guards: the distribution is always given (it is
 * counts), but read (modal share, "separates nobody") only from `MIN_QUESTION_RATINGS` ratings;
 * alpha and its interval only from `MIN_ALPHA_UNITS` units; the correlation only from
 * `MIN_DECIDED_RATINGS` ratings on decided applications. Flags:
 * - `too_few_ratings`: under `MIN_QUESTION_RATINGS` ratings, so nothing else is said;
 * - `separates_nobody`: `SEPARATES_NOBODY_SHARE` or more of the ratings at one level;
 * - `raters_disagree`: enough units, and alpha's interval wholly below `AGREEMENT_FLOOR`.
 */
export function questionFigures(c: QuestionCounts): QuestionFigures {
  const rated = total(c.distribution);
  const enoughRatings = rated >= MIN_QUESTION_RATINGS;
  const shape = alphaFromShapes(c.shapes, 'ordinal');
  const enoughUnits = shape.units >= MIN_ALPHA_UNITS;
  const alpha = enoughUnits ? shape.alpha : null;
  const interval = alpha === null ? null : bootstrapAlphaInterval(c.shapes, 'ordinal');
  const decided = total(c.hired) + total(c.notHired);
  const enoughDecided = decided >= MIN_DECIDED_RATINGS;
  const share = enoughRatings ? modalShare(c.distribution) : null;

  const flags: QuestionFlag[] = [];
  if (!enoughRatings) flags.push('too_few_ratings');
  if (share !== null && share >= SEPARATES_NOBODY_SHARE) flags.push('separates_nobody');
  if (enoughRatings && interval !== null && interval.high < AGREEMENT_FLOOR) flags.push('raters_disagree');

  const notAssessed = Math.max(0, c.asked - rated);
  return {
    asked: c.asked,
    rated,
    distribution: c.distribution,
    notAssessed,
    notAssessedShare: c.asked === 0 ? null : notAssessed / c.asked,
    modalShare: share,
    agreement: { alpha, interval, units: shape.units, enough: enoughUnits, allSame: shape.allSame },
    decision: {
      correlation: enoughDecided ? pointBiserialFromCounts(c.hired, c.notHired) : null,
      ratings: decided,
      hired: total(c.hired),
      notHired: total(c.notHired),
      enough: enoughDecided,
    },
    flags,
  };
}

/** A rubric's content, as far as taking a question out of it goes. */
export interface RubricQuestions {
  competencies: readonly { key: string; name: string; criteria: readonly { key: string }[] }[];
}

export type QuestionRemoval<C> =
  { outcome: 'removed'; content: C } | { outcome: 'not_in_draft' } | { outcome: 'last_criterion'; competency: string };

/**
 * Takes the question `criterionKey` out of a draft's content: the content without it, or
 * `not_in_draft` when the draft does not hold it (taken out already), or `last_criterion` when it
 * is the only question of its competency (a competency needs one to be published).
 */
export function removeQuestion<C extends RubricQuestions>(content: C, criterionKey: string): QuestionRemoval<C> {
  const at = content.competencies.findIndex((c) => c.criteria.some((cr) => cr.key === criterionKey));
  if (at < 0) return { outcome: 'not_in_draft' };
  const competency = content.competencies[at]!;
  if (competency.criteria.length === 1) return { outcome: 'last_criterion', competency: competency.name };
  return {
    outcome: 'removed',
    content: {
      ...content,
      competencies: content.competencies.map((c, i) =>
        i === at ? { ...c, criteria: c.criteria.filter((cr) => cr.key !== criterionKey) } : c,
      ),
    },
  };
}
