import {
  RECOMMENDATION_LABELS,
  type CareerPath,
  type DebriefEventKind,
  type DesiredCareerPath,
  type Recommendation,
  type Stat,
} from '@scorecard/contracts';
import { formatFixed, roundHalfUp } from '@scorecard/domain';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/**
 * A mean on the 1–4 scale, always with one decimal, rounded half up on the decimal digits as
 * written (the domain's `formatFixed`, for screen, print and CSV alike): "2.5", "3.0", 2.15 → "2.2".
 */
export function formatMean(value: number): string {
  return formatFixed(value, 1);
}

/** A spread or gap without a needless decimal, rounded half up: "1", "1.5". */
export function formatSpread(value: number): string {
  const rounded = roundHalfUp(value, 1);
  return Number.isInteger(rounded) ? String(rounded) : formatFixed(rounded, 1);
}

/**
 * A standard error: one decimal like the mean it qualifies ("0.2"), two below 0.1 so a small but
 * real error never reads as "0.0" ("0.03"). Half up, as every figure.
 */
export function formatStandardError(value: number): string {
  return roundHalfUp(value, 2) < 0.1 ? formatFixed(value, 2) : formatFixed(value, 1);
}

/** "3.3 ± 0.2": a mean with its standard error; "3.3 ± ?" when the error is unknown. */
export function formatMeanWithError(mean: number, se: number | null): string {
  return `${formatMean(mean)} ± ${se === null ? '?' : formatStandardError(se)}`;
}

/** A share of 0 to 1 as a whole percentage, rounded half up: 0.145 → "15%". */
export function formatPercent(share: number): string {
  return `${formatFixed(share * 100, 0)}%`;
}

/** "2.5 (n=2, spread 1)": every figure with how many back it and how far apart they are. */
export function statText(stat: Stat): string {
  return `${formatMean(stat.mean)} (n=${stat.count}, spread ${formatSpread(stat.spread)})`;
}

/** "n=2, spread 1" */
export function statDetail(stat: Stat): string {
  return `n=${stat.count}, spread ${formatSpread(stat.spread)}`;
}

export const YES_SIDE: readonly Recommendation[] = ['yes', 'strong_yes'];
export const NO_SIDE: readonly Recommendation[] = ['strong_no', 'no'];
/** The tally's order: from strong no to strong yes. */
export const RECOMMENDATION_ORDER: readonly Recommendation[] = ['strong_no', 'no', 'yes', 'strong_yes'];

export function recommendationLabel(r: Recommendation | null): string {
  return r ? RECOMMENDATION_LABELS[r] : 'No recommendation';
}

export function recommendationTone(r: Recommendation | null): 'yes' | 'no' | 'none' {
  if (r === null) return 'none';
  return YES_SIDE.includes(r) ? 'yes' : 'no';
}

/** "2 scorecards", "1 scorecard" */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export const CAREER_LABELS: Record<CareerPath | DesiredCareerPath, string> = {
  technical: 'Technical',
  management: 'Management',
  executive: 'Executive',
  open: 'Open to any',
  undecided: 'Undecided',
};

/** What the live region says once the refetched debrief is in. */
export function updateMessage(kind: DebriefEventKind | 'unknown'): string {
  switch (kind) {
    case 'scorecard_submitted':
      return 'Updated: a new scorecard arrived.';
    case 'scorecard_amended':
      return 'Updated: a scorecard was amended.';
    case 'decision_recorded':
      return 'Updated: a decision was recorded.';
    case 'interviews_changed':
      return 'Updated: the interviews changed.';
    case 'meeting_changed':
      return 'Updated: the meeting moved on.';
    case 'resync':
    case 'unknown':
      return 'Updated with the latest feedback.';
  }
}

/** The coding-share gap against the role: "+10 points", "−20 points", "Same as the role". */
export function codingGapText(gap: number | null): string {
  if (gap === null) return 'Role’s share not set';
  if (gap === 0) return 'Same as the role';
  return `${gap > 0 ? '+' : '−'}${Math.abs(gap)} points`;
}
