import {
  RATINGS_VIEW_LABELS,
  RECOMMENDATION_LABELS,
  SOURCE_LABELS,
  STAGE_LABELS,
  Uuid,
  type Comparison,
  type ComparisonRow,
  type RatingsView,
} from '@scorecard/contracts';
import {
  DEFAULT_SEPARATION_Z,
  SEPARATION_Z_MAX,
  SEPARATION_Z_MIN,
  formatFixed,
  roundHalfUp,
  toCsv,
} from '@scorecard/domain';
import { CAREER_LABELS, RECOMMENDATION_ORDER, formatMean, formatSpread, formatStandardError } from './debrief-copy';

export type SortKey = 'tier' | 'candidate' | 'overall' | 'tally' | 'flags' | 'fit' | `competency:${string}`;
export type SortDirection = 'ascending' | 'descending';
export type Sort = { key: SortKey; direction: SortDirection };

/** The comparison's own order: tier by tier, then those listed apart, then those without scores. */
export const DEFAULT_SORT: Sort = { key: 'tier', direction: 'ascending' };

/** The z values offered on screen (the API takes any from 0.5 to 3). */
export const Z_CHOICES = [0.5, 1, 1.5, 2, 3] as const;

/** `?z=` from the URL: a number in range, else the default. */
export function parseZ(value: string | null): number {
  const z = Number(value);
  return value !== null && value.trim() !== '' && Number.isFinite(z) && z >= SEPARATION_Z_MIN && z <= SEPARATION_Z_MAX
    ? z
    : DEFAULT_SEPARATION_Z;
}

/** `?ratings=` from the URL: the amended view only when asked for by name. */
export function parseRatingsView(value: string | null): RatingsView {
  return value === 'with_amendments' ? 'with_amendments' : 'independent';
}

/** "1", "1.5", "0.5": z without a needless decimal. */
export function formatZ(z: number): string {
  return String(roundHalfUp(z, 2));
}

/** The direction a column sorts in when first chosen: scores best first, everything else A to Z. */
export function firstDirection(key: SortKey): SortDirection {
  return key === 'overall' || key === 'tally' || key === 'flags' || key.startsWith('competency:')
    ? 'descending'
    : 'ascending';
}

export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key !== key) return { key, direction: firstDirection(key) };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** Net support: strong yes counts twice, strong no against twice. */
export function netSupport(row: ComparisonRow): number {
  const t = row.tally;
  return 2 * t.strong_yes + t.yes - t.no - 2 * t.strong_no;
}

function sortValue(row: ComparisonRow, key: SortKey): number | string | null {
  switch (key) {
    case 'tier':
      return null;
    case 'candidate':
      return row.candidate.name.toLocaleLowerCase();
    case 'overall':
      return row.overall.score;
    case 'tally':
      return netSupport(row);
    case 'flags':
      return row.redFlags.dealbreakers * 1000 + row.redFlags.concerns;
    case 'fit':
      return fitDistance(row);
    default:
      return row.competencies[key.slice('competency:'.length)]?.mean ?? null;
  }
}

/**
 * How far a candidate's wishes are from the role, for sorting (smaller fits better): a career path
 * that differs outweighs any coding-share gap, which counts its points. Null when nothing is known.
 */
export function fitDistance(row: ComparisonRow): number | null {
  const { codingShareGap: gap, careerPathMatch: match } = row.fit;
  if (gap === null && match === null) return null;
  return (match === false ? 1000 : 0) + Math.abs(gap ?? 0);
}

/** The rows in the chosen order; rows without a value (not assessed, unknown) always come last. */
export function sortRows(rows: readonly ComparisonRow[], sort: Sort): ComparisonRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const rankOrder = new Map(rows.map((r, i) => [r.applicationId, i]));
  if (sort.key === 'tier') {
    return sort.direction === 'ascending' ? [...rows] : [...rows].reverse();
  }
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      return (typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb) : Number(va) - Number(vb)) * sign;
    }
    return rankOrder.get(a.applicationId)! - rankOrder.get(b.applicationId)!;
  });
}

/** The ids in `?ids=a,b,c`: valid, each once, in the order given. */
export function parseIds(value: string | null): string[] {
  const ids = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => Uuid.safeParse(s).success);
  return [...new Set(ids)];
}

/** "2 for, 1 against": how many recommend hiring and how many don't. */
export function tallySides(row: ComparisonRow): string {
  const t = row.tally;
  const total = t.strong_no + t.no + t.yes + t.strong_yes;
  if (total === 0) return 'None yet';
  return `${t.yes + t.strong_yes} for, ${t.no + t.strong_no} against`;
}

/** "1 strong yes, 1 yes, 2 no": the non-zero recommendations, strongest yes first. */
export function tallyText(row: ComparisonRow): string {
  return [...RECOMMENDATION_ORDER]
    .reverse()
    .filter((r) => row.tally[r] > 0)
    .map((r) => `${row.tally[r]} ${RECOMMENDATION_LABELS[r].toLowerCase()}`)
    .join(', ');
}

/** One group of the table in its own order: a tier, those listed apart, or those without scores. */
export type RowGroup = {
  key: string;
  title: string;
  description: string;
  rows: ComparisonRow[];
};

/** "Tier 1", "Listed apart", "No scores yet": where a row sits. */
export function placeLabel(row: ComparisonRow): string {
  if (row.apart) return 'Listed apart';
  if (row.tier === null) return 'No scores yet';
  return `Tier ${row.tier}`;
}

/**
 * The rows (in the comparison's order) grouped: each tier, then those listed apart, then those
 * without scores. A tier of partially covered candidates says so.
 */
export function groupRows(rows: readonly ComparisonRow[]): RowGroup[] {
  const groups: RowGroup[] = [];
  for (const row of rows) {
    const key = row.apart ? 'apart' : row.tier === null ? 'none' : `tier-${row.tier}`;
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = { key, title: placeLabel(row), description: '', rows: [] };
      groups.push(group);
    }
    group.rows.push(row);
  }
  groups.forEach((g) => {
    const tier = g.rows[0]!.tier;
    const tierBelow = tier !== null && rows.some((r) => r.tier !== null && r.tier > tier);
    // The head: the highest overall of the tier (whichever way the table is sorted).
    const head = g.rows.reduce((best, r) =>
      (r.overall.score ?? -Infinity) > (best.overall.score ?? -Infinity) ? r : best,
    );
    if (g.key === 'apart') {
      g.description =
        'A rejection, a no-hire decision or a dealbreaker nobody acknowledged: not tiered with the others.';
    } else if (g.key === 'none') {
      g.description = 'No submitted scorecard yet.';
    } else {
      const partial = g.rows.every((r) => r.coverage.partial);
      const evidence =
        g.rows.length === 1
          ? tierBelow
            ? 'A tier of one: the evidence separates this candidate from every candidate below.'
            : 'A tier of one.'
          : `The evidence can’t separate these candidates from ${head.candidate.name}, the first of the tier.`;
      g.description = partial
        ? `${evidence} Partial: the scorecards cover only part of the rubric, so this tier comes after every fully covered candidate.`
        : evidence;
    }
  });
  return groups;
}

/** "± 0.2", "± 0.7 (pooled)", "error unknown": the standard error as the table writes it. */
export function standardErrorText(row: ComparisonRow): string {
  const se = row.standardError;
  if (se.value === null) return 'error unknown';
  return `± ${formatStandardError(se.value)}${se.basis === 'pooled' ? ' (pooled)' : ''}`;
}

const money = new Map<string, Intl.NumberFormat>();

/** "$200,000": whole currency units, rounded half up. */
export function formatMoney(minor: number, currency: string): string {
  let format = money.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    money.set(currency, format);
  }
  return format.format(roundHalfUp(minor / 100, 0));
}

/** "$190,000–$250,000" */
export function bandText(band: Comparison['opening']['compensation']): string {
  return `${formatMoney(band.minMinor, band.currency)}–${formatMoney(band.maxMinor, band.currency)}`;
}

const PAY_FIT: Record<'under' | 'within' | 'over', string> = {
  under: 'Below the band',
  within: 'Within the band',
  over: 'Above the band',
};

/** The compensation expectation against the band: "Within the band", "Other currency (EUR)", "Not given". */
export function payFitText(row: ComparisonRow): string {
  const expectation = row.candidate.compensationExpectation;
  if (!expectation) return 'Not given';
  if (row.fit.compensation === null) return `Other currency (${expectation.currency})`;
  return PAY_FIT[row.fit.compensation];
}

/** The separation rule in words, with the z in use. */
export function separationRule(z: number): string {
  return `Two candidates are told apart only when the gap between their overall scores is more than ${formatZ(z)} × √(SE₁² + SE₂²), their combined standard error.`;
}

/**
 * The comparison as CSV, in the order shown: every figure with its n, spread, standard error and
 * coverage, the tier or why the candidate is listed apart, the ratings view and the z used. Cells
 * go through the domain's `toCsv`, which defuses anything a spreadsheet would run as a formula;
 * figures through `formatFixed` (half up), as on screen.
 */
export function comparisonCsv(comparison: Comparison, rows: readonly ComparisonRow[]): string {
  const band = comparison.opening.compensation;
  const header = [
    'Tier',
    'Listed apart',
    'Candidate',
    'Source',
    'Stage',
    'Overall',
    'Standard error',
    'Standard error from',
    'Overall n',
    'Overall spread',
    'Rubric weight covered %',
    'Partial',
    ...comparison.competencies.flatMap((c) => [c.name, `${c.name} n`, `${c.name} spread`]),
    ...RECOMMENDATION_ORDER.map((r) => RECOMMENDATION_LABELS[r]),
    'Scorecards',
    'Dealbreakers',
    'Concerns',
    'Desired coding share %',
    `Coding share gap (role ${comparison.opening.codingSharePct ?? 'not set'}%)`,
    'Desired career path',
    `Career path fit (role ${CAREER_LABELS[comparison.opening.careerPath]})`,
    'Compensation expectation',
    `Compensation fit (band ${bandText(band)})`,
    'Ratings',
    'Separation z',
  ];
  const body = rows.map((r) => [
    r.tier,
    r.apart ? r.apart.message : null,
    r.candidate.name,
    SOURCE_LABELS[r.candidate.source],
    STAGE_LABELS[r.stage],
    r.overall.score === null ? null : formatMean(r.overall.score),
    r.standardError.value === null ? 'unknown' : formatStandardError(r.standardError.value),
    r.standardError.basis === 'own'
      ? 'own scorecards'
      : r.standardError.basis === 'pooled'
        ? 'pooled rater SD'
        : 'unknown',
    r.overall.stat?.count ?? 0,
    r.overall.stat ? formatSpread(r.overall.stat.spread) : null,
    formatFixed(r.coverage.share * 100, 0),
    r.coverage.partial ? 'yes' : 'no',
    ...comparison.competencies.flatMap((c) => {
      const s = r.competencies[c.key];
      return s ? [formatMean(s.mean), s.count, formatSpread(s.spread)] : ['not assessed', 0, null];
    }),
    ...RECOMMENDATION_ORDER.map((k) => r.tally[k]),
    r.scorecards,
    r.redFlags.dealbreakers,
    r.redFlags.concerns,
    r.candidate.desiredCodingSharePct,
    r.fit.codingShareGap,
    CAREER_LABELS[r.candidate.desiredCareerPath],
    r.fit.careerPathMatch === null ? 'n/a' : r.fit.careerPathMatch ? 'matches' : 'differs',
    r.candidate.compensationExpectation
      ? formatMoney(r.candidate.compensationExpectation.amountMinor, r.candidate.compensationExpectation.currency)
      : null,
    payFitText(r),
    RATINGS_VIEW_LABELS[comparison.ratingsView],
    formatZ(comparison.z),
  ]);
  return toCsv([header, ...body]);
}

/** A file name from the opening's title: "comparison-tech-lead-platform.csv". */
export function csvFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `comparison-${slug || 'opening'}.csv`;
}
