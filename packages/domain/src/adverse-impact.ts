import { lnGamma } from './statistics.js';

/**
 * Adverse impact (issue 24): the four-fifths rule of the Uniform Guidelines (29 CFR 1607.4(D)) with
 * Fisher's exact test beside it, and the point-biserial correlation of a question's ratings with
 * the hiring decision. Pure rules; the API counts in SQL and hands the counts here.
 */

/** The four-fifths rule: a group selected at under 80 % of the highest group's rate is flagged. */
export const FOUR_FIFTHS = 0.8;
/** Groups smaller than this are "too few to report": neither a rate nor a ratio is shown. */
export const DEFAULT_MIN_GROUP_SIZE = 5;

function lnChoose(n: number, k: number): number {
  return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);
}

/**
 * The two-sided p-value of Fisher's exact test for the 2×2 table [[a, b], [c, d]] (rows: two
 * groups; columns: selected, not selected): the probability, with the margins fixed, of every
 * table at most as likely as the one observed (the usual definition, as R's `fisher.test` and
 * SciPy's `fisher_exact`).
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const x of [a, b, c, d]) {
    if (!Number.isInteger(x) || x < 0) throw new RangeError('a 2×2 table holds counts: whole numbers from 0');
  }
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const lnDenominator = lnChoose(n, col1);
  const probability = (x: number) => Math.exp(lnChoose(row1, x) + lnChoose(n - row1, col1 - x) - lnDenominator);
  const observed = probability(a);
  let p = 0;
  for (let x = Math.max(0, col1 - (n - row1)); x <= Math.min(row1, col1); x++) {
    const px = probability(x);
    // A relative tolerance, so tables as likely as the observed one are not lost to rounding.
    if (px <= observed * (1 + 1e-7)) p += px;
  }
  return Math.min(1, p);
}

export interface GroupCounts {
  group: string;
  /** How many of the group moved on (were selected) at this step. */
  selected: number;
  /** How many of the group reached this step. */
  total: number;
}

export type GroupImpact =
  | { group: string; total: number; reportable: false }
  | {
      group: string;
      total: number;
      selected: number;
      reportable: true;
      rate: number;
      /** The group's rate over the highest reportable group's rate (1 for that group). */
      impactRatio: number | null;
      /** Under the four-fifths threshold. */
      flagged: boolean;
      /** Fisher's exact test of this group against the highest-rate group (null for that group). */
      pValue: number | null;
    };

/**
 * The four-fifths rule for one selection step: each group's selection rate, its ratio to the
 * highest rate among groups of at least `minGroupSize`, flagged under `threshold`, with Fisher's
 * exact p-value against that group. Smaller groups are reported as too few, and never serve as the
 * reference. When the highest rate is 0 nobody was selected: no ratio is defined.
 */
export function adverseImpact(
  groups: readonly GroupCounts[],
  { minGroupSize = DEFAULT_MIN_GROUP_SIZE, threshold = FOUR_FIFTHS } = {},
): GroupImpact[] {
  for (const g of groups) {
    if (!Number.isInteger(g.selected) || !Number.isInteger(g.total) || g.selected < 0 || g.selected > g.total) {
      throw new RangeError(`${g.group}: selected must be a whole number from 0 to the group's total`);
    }
  }
  const reportable = groups.filter((g) => g.total >= minGroupSize);
  const reference = reportable.reduce<GroupCounts | null>(
    (best, g) => (best === null || g.selected / g.total > best.selected / best.total ? g : best),
    null,
  );
  const referenceRate = reference ? reference.selected / reference.total : 0;
  return groups.map((g): GroupImpact => {
    if (g.total < minGroupSize) return { group: g.group, total: g.total, reportable: false };
    const rate = g.selected / g.total;
    const impactRatio = referenceRate > 0 ? rate / referenceRate : null;
    const isReference = g === reference;
    return {
      group: g.group,
      total: g.total,
      selected: g.selected,
      reportable: true,
      rate,
      impactRatio,
      flagged: impactRatio !== null && impactRatio < threshold,
      pValue:
        isReference || !reference
          ? null
          : fisherExactTwoSided(
              g.selected,
              g.total - g.selected,
              reference.selected,
              reference.total - reference.selected,
            ),
    };
  });
}

/**
 * The point-biserial correlation of ratings with a yes/no outcome (hired or not): Pearson's r
 * between the ratings and the outcome coded 1/0, i.e. (M₁ − M₀) / s · √(p·q) with s the ratings'
 * population standard deviation. Null when it is not defined: fewer than two ratings, one outcome
 * only, or ratings that are all the same (a question that separates nobody).
 */
export function pointBiserial(pairs: readonly { rating: number; hired: boolean }[]): number | null {
  const n = pairs.length;
  const hired = pairs.filter((x) => x.hired);
  const notHired = pairs.filter((x) => !x.hired);
  if (n < 2 || hired.length === 0 || notHired.length === 0) return null;
  const mean = (xs: readonly { rating: number }[]) => xs.reduce((s, x) => s + x.rating, 0) / xs.length;
  const m = mean(pairs);
  const sd = Math.sqrt(pairs.reduce((s, x) => s + (x.rating - m) ** 2, 0) / n);
  if (sd === 0) return null;
  const p = hired.length / n;
  return ((mean(hired) - mean(notHired)) / sd) * Math.sqrt(p * (1 - p));
}
