import {
  RECOMMENDATION_LABELS,
  SOURCE_LABELS,
  STAGE_LABELS,
  Uuid,
  type Comparison,
  type ComparisonRow,
} from '@scorecard/contracts';
import { toCsv } from '@scorecard/domain';
import { CAREER_LABELS, RECOMMENDATION_ORDER, formatMean, formatSpread } from './debrief-copy';

export type SortKey = 'rank' | 'candidate' | 'overall' | 'tally' | 'flags' | 'fit' | `competency:${string}`;
export type SortDirection = 'ascending' | 'descending';
export type Sort = { key: SortKey; direction: SortDirection };

export const DEFAULT_SORT: Sort = { key: 'rank', direction: 'ascending' };

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
    case 'rank':
      return row.rank;
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

/**
 * The comparison as CSV, in the order shown: every figure with its n and spread. Cells go through
 * the domain's `toCsv`, which defuses anything a spreadsheet would run as a formula.
 */
export function comparisonCsv(comparison: Comparison, rows: readonly ComparisonRow[]): string {
  const header = [
    'Rank',
    'Too close to call with the candidate above',
    'Candidate',
    'Source',
    'Stage',
    'Overall',
    'Overall n',
    'Overall spread',
    ...comparison.competencies.flatMap((c) => [c.name, `${c.name} n`, `${c.name} spread`]),
    ...RECOMMENDATION_ORDER.map((r) => RECOMMENDATION_LABELS[r]),
    'Scorecards',
    'Dealbreakers',
    'Concerns',
    'Desired coding share %',
    `Coding share gap (role ${comparison.opening.codingSharePct ?? 'not set'}%)`,
    'Desired career path',
    `Career path fit (role ${CAREER_LABELS[comparison.opening.careerPath]})`,
  ];
  const body = rows.map((r) => [
    r.rank,
    r.tiedWithAbove ? 'yes' : 'no',
    r.candidate.name,
    SOURCE_LABELS[r.candidate.source],
    STAGE_LABELS[r.stage],
    r.overall.score === null ? null : formatMean(r.overall.score),
    r.overall.stat?.count ?? 0,
    r.overall.stat ? formatSpread(r.overall.stat.spread) : null,
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
