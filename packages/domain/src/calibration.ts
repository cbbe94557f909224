/**
 * Interviewer calibration and pipeline statistics: Krippendorff's alpha with a bootstrap interval,
 * each interviewer's offset from their co-raters on matched units with a t interval, and
 * funnel conversion (docs/MEASUREMENT.md). Pure functions; the API gathers the data
 * in SQL and these compute the figures, or serve as the reference for SQL that computes them.
 */

import { multinomial, quantileSorted, seededRandom, studentTQuantile } from './statistics.js';

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

export interface AlphaResult {
  /** Null when there is nothing to compare (fewer than one pairable unit, or no variation at all). */
  alpha: number | null;
  /** Units with at least two values: the sample size beside the figure. */
  units: number;
  /** Pairable values in those units. */
  values: number;
}

/**
 * Krippendorff's alpha for units (rows) coded by several observers (columns; null = not coded).
 * Follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": a coincidence matrix
 * of pairable values, then alpha = 1 - (n - 1) * sum(o_ck * d2_ck) / sum(n_c * n_k * d2_ck).
 * For ordinal data the distance between c and k counts the values lying between them.
 */
export function krippendorffAlpha(units: readonly (readonly (number | null)[])[], metric: AlphaMetric): AlphaResult {
  const pairable = units
    .map((u) => u.filter((v): v is number => v !== null && Number.isFinite(v)))
    .filter((u) => u.length >= 2);
  const categories = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(categories.map((c, i) => [c, i]));
  const size = categories.length;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const u of pairable) {
    const m = u.length;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        o[index.get(u[i]!)!]![index.get(u[j]!)!]! += 1 / (m - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  const result = { units: pairable.length, values: Math.round(n) };
  if (pairable.length === 0 || size < 2) return { alpha: null, ...result };

  const d2 = (c: number, k: number): number => {
    if (c === k) return 0;
    if (metric === 'nominal') return 1;
    if (metric === 'interval') return (categories[c]! - categories[k]!) ** 2;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += nc[g]!;
    return (sum - (nc[lo]! + nc[hi]!) / 2) ** 2;
  };

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = d2(c, k);
      observed += o[c]![k]! * d;
      expected += nc[c]! * nc[k]! * d;
    }
  }
  if (expected === 0) return { alpha: null, ...result };
  return { alpha: 1 - ((n - 1) * observed) / expected, ...result };
}

/** Fewer comparable units than this and alpha is shown greyed, as too little data to mean anything. */
export const MIN_ALPHA_UNITS = 10;
/** Fewer scorecards than this and an interviewer's shares (unassessed focus, late) are shown greyed. */
export const MIN_SCORECARDS = 5;

/** A figure with its sample size, and whether that sample reaches the threshold the figure needs to mean something. */
export interface Sampled<T> {
  value: T | null;
  sample: number;
  enough: boolean;
}

/** Pairs a figure with its sample; `enough` from the threshold up (a figure below it is still given, greyed). */
export function sampled<T>(value: T | null, sample: number, threshold: number): Sampled<T> {
  return { value, sample, enough: sample >= threshold };
}

// ─── Matched-unit offsets ────────────────────────────────────────────────────────────────────

/**
 * One interviewer's value on one unit. A unit is one criterion of one candidate (application):
 * the same question asked of the same person, so two values on it are two readings of one answer.
 */
export interface UnitRating {
  unit: string;
  interviewer: string;
  rating: number;
}

/** A rating as stored: on a scorecard, submitted at some time, for a unit. */
export interface ScorecardUnitRating extends UnitRating {
  scorecard: string;
  /** When the scorecard was submitted (ms since the epoch). */
  submittedAt: number;
}

/**
 * One value per interviewer per unit: the rating on their earliest-submitted scorecard that rated
 * the unit (ties broken by the scorecard's id). An interviewer who met a candidate twice counts once.
 */
export function firstValuePerInterviewer(ratings: readonly ScorecardUnitRating[]): UnitRating[] {
  const first = new Map<string, ScorecardUnitRating>();
  for (const r of ratings) {
    const key = `${r.unit}\u0000${r.interviewer}`;
    const seen = first.get(key);
    if (
      !seen ||
      r.submittedAt < seen.submittedAt ||
      (r.submittedAt === seen.submittedAt && r.scorecard < seen.scorecard)
    ) {
      first.set(key, r);
    }
  }
  return [...first.values()].map(({ unit, interviewer, rating }) => ({ unit, interviewer, rating }));
}

/** The sufficient statistics of one interviewer's differences from their co-raters. */
export interface OffsetStats {
  /** Matched units: units they rated that at least one other interviewer rated too. */
  n: number;
  /** Mean of (their rating − the others' mean) over those units. */
  mean: number;
  /** Sample standard deviation of those differences (n − 1 in the denominator); null below 2 units. */
  sd: number | null;
}

/**
 * Each interviewer's offset on matched units (the reference the SQL is checked against): for every
 * unit they rated and at least one other interviewer rated, their rating minus the mean of the
 * others' ratings on it; then the count, mean and sample standard deviation of those differences.
 * Expects one value per interviewer per unit (`firstValuePerInterviewer`). Interviewers who never
 * rated a unit someone else rated get no entry: there is nothing to compare them with.
 */
export function matchedUnitOffsets(values: readonly UnitRating[]): Map<string, OffsetStats> {
  const byUnit = new Map<string, UnitRating[]>();
  for (const v of values) {
    const list = byUnit.get(v.unit);
    if (list) list.push(v);
    else byUnit.set(v.unit, [v]);
  }
  const diffs = new Map<string, number[]>();
  for (const unit of byUnit.values()) {
    if (unit.length < 2) continue;
    const total = unit.reduce((a, v) => a + v.rating, 0);
    for (const v of unit) {
      const d = v.rating - (total - v.rating) / (unit.length - 1);
      const list = diffs.get(v.interviewer);
      if (list) list.push(d);
      else diffs.set(v.interviewer, [d]);
    }
  }
  return new Map([...diffs].map(([who, d]) => [who, summarize(d)]));
}

function summarize(d: readonly number[]): OffsetStats {
  const n = d.length;
  const mean = d.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, mean, sd: null };
  const ss = d.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { n, mean, sd: Math.sqrt(ss / (n - 1)) };
}

/**
 * The default least number of matched units before anyone is called lenient or severe; an
 * organization may set 2–1000 (`CALIBRATION_MIN_UNITS` in the contracts, a check in the database).
 */
export const DEFAULT_MIN_OFFSET_UNITS = 10;

export type OffsetVerdict = 'lenient' | 'severe' | 'in_line' | 'not_enough_data';

export interface Interval {
  low: number;
  high: number;
}

/** An interviewer's offset as shown: the mean difference, its sample, standard error, 95% interval and verdict. */
export interface OffsetFigure {
  value: number | null;
  /** Matched units. */
  sample: number;
  /** The matched units reach the minimum. */
  enough: boolean;
  /** mean ± t(0.975, n − 1) · SE; null below 2 units. */
  interval: Interval | null;
  /** sd / √n; null below 2 units. */
  standardError: number | null;
  /**
   * `lenient` / `severe` only with enough units and an interval that excludes 0; `in_line` with
   * enough units and an interval that contains 0; `not_enough_data` below the minimum.
   */
  verdict: OffsetVerdict;
}

/** The figure of an offset from its statistics (or none: never matched), against the minimum units. */
export function offsetFigure(stats: OffsetStats | null | undefined, minUnits: number): OffsetFigure {
  if (!stats || stats.n === 0) {
    return { value: null, sample: 0, enough: false, interval: null, standardError: null, verdict: 'not_enough_data' };
  }
  const { n, mean } = stats;
  const enough = n >= minUnits;
  let interval: Interval | null = null;
  let standardError: number | null = null;
  if (n >= 2 && stats.sd !== null) {
    standardError = stats.sd / Math.sqrt(n);
    const half = studentTQuantile(0.975, n - 1) * standardError;
    interval = { low: mean - half, high: mean + half };
  }
  let verdict: OffsetVerdict = 'not_enough_data';
  if (enough && interval) verdict = interval.low > 0 ? 'lenient' : interval.high < 0 ? 'severe' : 'in_line';
  return { value: mean, sample: n, enough, interval, standardError, verdict };
}

// ─── Agreement over units grouped by shape, with a bootstrap interval ─────────────────────────

/** Units with the same multiset of values: the sorted values, and how many units have them. */
export interface RatingShape {
  ratings: readonly number[];
  units: number;
}

export interface ShapeAlpha {
  alpha: number | null;
  /** Units with at least two values. */
  units: number;
  /** There are pairable units and every value in them is the same: alpha is undefined, and agreement total. */
  allSame: boolean;
}

interface Coincidences {
  categories: number[];
  /** Per shape (pairable ones only, in sorted order), its coincidence matrix for one unit. */
  perUnit: { matrix: number[][]; units: number }[];
}

function coincidences(shapes: readonly RatingShape[]): Coincidences {
  const pairable = shapes
    .map((s) => ({ ratings: s.ratings.filter((v) => Number.isFinite(v)), units: s.units }))
    .filter((s) => s.ratings.length >= 2 && s.units > 0)
    .map((s) => ({ ratings: [...s.ratings].sort((a, b) => a - b), units: s.units }))
    .sort((a, b) => compareLists(a.ratings, b.ratings));
  const categories = [...new Set(pairable.flatMap((s) => s.ratings))].sort((a, b) => a - b);
  const index = new Map(categories.map((c, i) => [c, i]));
  const size = categories.length;
  return {
    categories,
    perUnit: pairable.map((s) => {
      const matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0));
      const m = s.ratings.length;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < m; j++) {
          if (i !== j) matrix[index.get(s.ratings[i]!)!]![index.get(s.ratings[j]!)!]! += 1 / (m - 1);
        }
      }
      return { matrix, units: s.units };
    }),
  };
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Alpha from a coincidence matrix (Krippendorff 2011); null when there is no expected disagreement. */
function alphaOf(o: readonly (readonly number[])[], categories: readonly number[], metric: AlphaMetric): number | null {
  const size = categories.length;
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  if (size < 2 || n <= 1) return null;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      if (c === k) continue;
      let d: number;
      if (metric === 'nominal') d = 1;
      else if (metric === 'interval') d = (categories[c]! - categories[k]!) ** 2;
      else {
        const [lo, hi] = c < k ? [c, k] : [k, c];
        let sum = 0;
        for (let g = lo; g <= hi; g++) sum += nc[g]!;
        d = (sum - (nc[lo]! + nc[hi]!) / 2) ** 2;
      }
      observed += o[c]![k]! * d;
      expected += nc[c]! * nc[k]! * d;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

function weighted(c: Coincidences, counts: readonly number[]): number[][] {
  const size = c.categories.length;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  c.perUnit.forEach((s, i) => {
    const w = counts[i]!;
    if (w === 0) return;
    for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) o[a]![b]! += w * s.matrix[a]![b]!;
  });
  return o;
}

/**
 * Krippendorff's alpha over units given as shapes with counts: the same figure as
 * `krippendorffAlpha` over the units written out, without writing them out.
 */
export function alphaFromShapes(shapes: readonly RatingShape[], metric: AlphaMetric): ShapeAlpha {
  const c = coincidences(shapes);
  const units = c.perUnit.reduce((a, s) => a + s.units, 0);
  const alpha = alphaOf(
    weighted(
      c,
      c.perUnit.map((s) => s.units),
    ),
    c.categories,
    metric,
  );
  return { alpha, units, allSame: units > 0 && c.categories.length === 1 };
}

/** The seed of the bootstrap: fixed, so the same data always gives the same interval. */
export const BOOTSTRAP_SEED = 20_070_701;
export const BOOTSTRAP_RESAMPLES = 1000;

/**
 * A 95% percentile bootstrap interval for alpha (Hayes & Krippendorff 2007 bootstrap alpha; here
 * the units are resampled): `resamples` times, draw as many units as there are, with replacement,
 * and compute alpha; the interval runs from the 2.5th to the 97.5th percentile of those alphas
 * (linear interpolation between order statistics). Drawing N units with replacement from S shapes
 * is one multinomial draw of the shape counts, done as S conditional binomials, so the cost does
 * not grow with the number of units. Resamples without any disagreement to expect (alpha
 * undefined) are left out; with fewer than half of them defined there is no interval. Seeded:
 * the same shapes in any order give the same interval.
 */
export function bootstrapAlphaInterval(
  shapes: readonly RatingShape[],
  metric: AlphaMetric,
  options: { resamples?: number; seed?: number; level?: number } = {},
): Interval | null {
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const level = options.level ?? 0.95;
  const c = coincidences(shapes);
  const counts = c.perUnit.map((s) => s.units);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total < 2 || c.categories.length < 2) return null;
  const rng = seededRandom(options.seed ?? BOOTSTRAP_SEED);
  const alphas: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const a = alphaOf(weighted(c, multinomial(rng, total, counts)), c.categories, metric);
    if (a !== null) alphas.push(a);
  }
  if (alphas.length < resamples / 2) return null;
  alphas.sort((a, b) => a - b);
  return { low: quantileSorted(alphas, (1 - level) / 2), high: quantileSorted(alphas, 1 - (1 - level) / 2) };
}

/**
 * The share of applications that reached each stage and went on to the next one, in pipeline
 * order. `reached` counts applications that were ever in the stage; conversion is reached(next) /
 * reached(stage), null when none reached the stage.
 */
export function funnelConversion<S extends string>(
  reached: readonly { stage: S; reached: number }[],
): { stage: S; reached: number; conversion: number | null }[] {
  return reached.map((s, i) => {
    const next = reached[i + 1];
    return { ...s, conversion: next === undefined || s.reached === 0 ? null : next.reached / s.reached };
  });
}
