import type { Stat } from './scoring.js';

/** Fewer independent ratings of a competency than this is too little evidence to score it on. */
export const MIN_INDEPENDENT_RATINGS = 2;

export interface EvidenceGap {
  key: string;
  /** How many scorecards rated the competency in their first submission. */
  ratings: number;
}

/**
 * The competencies, in the order given, that fewer than `min` scorecards rated in their first
 * submission: one interviewer's view, or none, is not yet evidence the panel can weigh. `stat` is
 * the competency's stat over first submissions (its count is the number of scorecards that rated
 * it), null when nobody did.
 */
export function evidenceGaps(
  competencies: readonly { key: string; stat: Pick<Stat, 'count'> | null }[],
  min: number = MIN_INDEPENDENT_RATINGS,
): EvidenceGap[] {
  return competencies.flatMap((c) => {
    const ratings = c.stat?.count ?? 0;
    return ratings < min ? [{ key: c.key, ratings }] : [];
  });
}
