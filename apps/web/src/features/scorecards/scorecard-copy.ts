import { RATING_LABELS, RECOMMENDATION_LABELS, type Recommendation } from '@scorecard/contracts';
import type { RatingChoice } from './scorecard-draft';

export { formatDateTime, formatDuration, formatTime } from '@/lib/format-time';

/** "3 days", "5 hours", "20 minutes": how far past a due time. */
export function overdueBy(dueAt: string, now: number): string {
  const minutes = Math.max(1, Math.floor((now - Date.parse(dueAt)) / 60_000));
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

export const RATING_LEVEL_NAMES: Record<1 | 2 | 3 | 4, string> = {
  1: RATING_LABELS[0],
  2: RATING_LABELS[1],
  3: RATING_LABELS[2],
  4: RATING_LABELS[3],
};

export function ratingLabel(choice: RatingChoice): string {
  return choice === 'not_assessed' ? 'Not assessed' : `${choice} · ${RATING_LEVEL_NAMES[choice]}`;
}

export const RECOMMENDATIONS: readonly Recommendation[] = ['strong_no', 'no', 'yes', 'strong_yes'];

export function recommendationLabel(value: Recommendation | null): string {
  return value ? RECOMMENDATION_LABELS[value] : 'No recommendation';
}

/** Yes-side recommendations read green, no-side red, in badges. */
export function recommendationTone(value: Recommendation | null): 'yes' | 'no' | 'none' {
  if (value === 'yes' || value === 'strong_yes') return 'yes';
  if (value === 'no' || value === 'strong_no') return 'no';
  return 'none';
}
