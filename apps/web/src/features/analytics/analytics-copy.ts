import { STAGE_LABELS, type Calibration, type PipelineAnalytics } from '@scorecard/contracts';
import { formatFixed, roundHalfUp } from '@scorecard/domain';

/** Krippendorff's usual cut-offs: rely on alpha ≥ 0.800, draw tentative conclusions from 0.667. */
export const ALPHA_GOOD = 0.8;
export const ALPHA_TENTATIVE = 0.667;

const MINUS = '\u2212';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "71%"; an empty share is a dash. Rounded half up on the decimal digits (the domain's rounding). */
export function percent(share: number | null): string {
  return share === null ? '–' : `${formatFixed(share * 100, 0)}%`;
}

/** `part` as a share of `whole`, for the rate columns (null when there is no whole). */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** "3 days", "1 day", "0.5 days": one decimal under ten days, whole days above. */
export function formatDays(days: number): string {
  const rounded = days < 10 ? roundHalfUp(days, 1) : roundHalfUp(days, 0);
  return rounded === 1 ? '1 day' : `${rounded} days`;
}

/** "5 hours", "2.5 days": how late, in hours under two days. */
export function formatHours(hours: number): string {
  if (hours < 48) {
    const h = Math.max(1, roundHalfUp(hours, 0));
    return h === 1 ? '1 hour' : `${h} hours`;
  }
  return formatDays(hours / 24);
}

export function formatAlpha(alpha: number): string {
  return formatFixed(alpha, 2);
}

/** A mean on the 1–4 scale with one decimal, rounded half up: 2.15 → "2.2". */
export function formatMean(mean: number): string {
  return formatFixed(mean, 1);
}

export function alphaReading(alpha: number): { label: string; tone: 'good' | 'tentative' | 'low' } {
  if (alpha >= ALPHA_GOOD) return { label: 'Good agreement', tone: 'good' };
  if (alpha >= ALPHA_TENTATIVE) return { label: 'Tentative agreement', tone: 'tentative' };
  return { label: 'Low agreement', tone: 'low' };
}

const stageName = (stage: PipelineAnalytics['funnel'][number]['stage']) => STAGE_LABELS[stage].toLowerCase();

/** "Of 7 applications, 5 reached screen (71%), 4 reached interviews (80%) … and none were hired (0%)." */
export function funnelSummary(funnel: PipelineAnalytics['funnel']): string {
  const [first, ...rest] = funnel;
  if (!first) return 'No stages.';
  if (first.reached === 0) return 'No applications in this range.';
  const parts = rest.map((s, i) => {
    const before = funnel[i]!;
    const share = before.conversion === null ? '' : ` (${percent(before.conversion)})`;
    const count = s.reached === 0 ? 'none' : String(s.reached);
    return s.stage === 'hired'
      ? `${count} ${s.reached === 1 ? 'was' : 'were'} hired${share}`
      : `${count} reached ${stageName(s.stage)}${share}`;
  });
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
  return `Of ${plural(first.reached, 'application')}, ${list}. Each percentage is the share of the stage before.`;
}

/** "Median time in each stage before moving on: applied 3 days (5 applications), … offer no data." */
export function timeInStageSummary(rows: PipelineAnalytics['timeInStage']): string {
  const parts = rows.map((r) =>
    r.medianDays === null || r.sample === 0
      ? `${stageName(r.stage)} no data`
      : `${stageName(r.stage)} ${formatDays(r.medianDays)} (${plural(r.sample, 'application')})`,
  );
  return `Median time in each stage before moving on: ${parts.join(', ')}.`;
}

const RATING_WORDS = [
  ['one', 'ones'],
  ['two', 'twos'],
  ['three', 'threes'],
  ['four', 'fours'],
] as const;

/** "Ines Okafor, 12 ratings: 0 ones, 1 two, 7 threes, 4 fours." */
export function distributionSummary(row: Calibration['interviewers'][number]): string {
  const total = row.ratingDistribution.reduce((a, b) => a + b, 0);
  if (total === 0) return `${row.interviewer.name}, no ratings.`;
  const parts = row.ratingDistribution.map((n, i) => `${n} ${RATING_WORDS[i]![n === 1 ? 0 : 1]}`);
  return `${row.interviewer.name}, ${plural(total, 'rating')}: ${parts.join(', ')}.`;
}

/** The mean of a 1–4 distribution, or null without ratings. */
export function distributionMean(dist: readonly number[]): number | null {
  const total = dist.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  return dist.reduce((sum, n, i) => sum + n * (i + 1), 0) / total;
}

/** A signed figure with fixed decimals, rounded half up: "+0.4", "−0.4", "0.0" (no sign on a zero as shown). */
export function formatSigned(value: number, digits = 1): string {
  const shown = formatFixed(Math.abs(value), digits);
  if (Number(shown) === 0) return shown;
  return value > 0 ? `+${shown}` : `${MINUS}${shown}`;
}

type OffsetFigure = Calibration['interviewers'][number]['offset'];

/** The verdict as a word, only when the verdict says so: "lenient", "severe", "in line"; none below the minimum. */
export function verdictWord(verdict: OffsetFigure['verdict']): string | null {
  if (verdict === 'lenient') return 'lenient';
  if (verdict === 'severe') return 'severe';
  if (verdict === 'in_line') return 'in line';
  return null;
}

/** "+0.4 (95% CI +0.1 to +0.7 · 24 units)"; "+1.0 (1 unit)" without an interval; null without matched units. */
export function formatOffsetFigure(offset: OffsetFigure): string | null {
  if (offset.value === null) return null;
  const units = plural(offset.sample, 'unit');
  if (offset.interval === null) return `${formatSigned(offset.value)} (${units})`;
  const { low, high } = offset.interval;
  return `${formatSigned(offset.value)} (95% CI ${formatBound(low)} to ${formatBound(high)} · ${units})`;
}

/** An interval's end: one decimal, or two when one would show a bound that is not 0 as "0.0" (it decides the verdict). */
function formatBound(value: number): string {
  const shown = formatSigned(value, 1);
  return Number(formatFixed(Math.abs(value), 1)) === 0 && value !== 0 ? formatSigned(value, 2) : shown;
}

/** "95% CI 0.55 to 0.84" for alpha's bootstrap interval (two decimals, like alpha). */
export function formatAlphaInterval(interval: { low: number; high: number }): string {
  return `95% CI ${formatAlphaSigned(interval.low)} to ${formatAlphaSigned(interval.high)}`;
}

function formatAlphaSigned(value: number): string {
  const shown = formatFixed(value, 2);
  return value < 0 && Number(shown) !== 0 ? `${MINUS}${shown.slice(1)}` : shown.replace(/^-/, '');
}

/** The rule for calling someone lenient or severe, as the calibration page states it. */
export function offsetRule(minUnits: number): string {
  return `Called lenient or severe only with at least ${plural(minUnits, 'matched unit')} and a 95% interval that excludes 0.`;
}
