import {
  RATINGS_VIEW_LABELS,
  type Amendment,
  type Debrief,
  type Recommendation,
  type RatingsView,
  type Scorecard,
} from '@scorecard/contracts';

/** What a scorecard said at one point: its ratings, recommendation and summary. */
export type ScorecardContent = {
  ratings: { criterionKey: string; competencyKey: string; rating: number | null; evidence: string }[];
  recommendation: Recommendation | null;
  summary: string;
};

/** "Figures: independent ratings, as first submitted." — on screen and in print. */
export function viewLine(view: RatingsView): string {
  return `Figures: ${RATINGS_VIEW_LABELS[view]}.`;
}

/** A scorecard as first submitted: the first amendment kept what it replaced; never amended, as it stands. */
export function firstSubmission(s: Scorecard): ScorecardContent {
  const first = s.amendments[0]?.original;
  return first ?? { ratings: s.ratings, recommendation: s.recommendation, summary: s.summary };
}

/**
 * A scorecard as the debrief's view reads it: its first submission in the independent view (with
 * its amendments still listed beside it), as it stands with amendments. Ratings keep the card's
 * order; a criterion the first submission did not rate is left out.
 */
export function asViewed(s: Scorecard, view: RatingsView): Scorecard {
  if (view === 'with_amendments' || s.amendments.length === 0) return s;
  const first = firstSubmission(s);
  const firstRatings = new Map(first.ratings.map((r) => [r.criterionKey, r]));
  return {
    ...s,
    // An amendment rates every asked criterion again, so the criteria are the same.
    ratings: s.ratings.flatMap((r) => {
      const f = firstRatings.get(r.criterionKey);
      return f ? [{ ...r, rating: f.rating, evidence: f.evidence }] : [];
    }),
    recommendation: first.recommendation,
    summary: first.summary,
  };
}

/** The debrief with each scorecard as its view reads it, so every section tells the same story as the figures. */
export function viewedDebrief(debrief: Debrief): Debrief {
  return { ...debrief, scorecards: debrief.scorecards.map((s) => asViewed(s, debrief.ratingsView)) };
}

export type ContentChange =
  | { kind: 'rating'; criterionKey: string; from: number | null | undefined; to: number | null | undefined }
  | { kind: 'recommendation'; from: Recommendation | null; to: Recommendation | null }
  | { kind: 'summary' };

/** What one amendment changed: from the content it replaced to the content the next one found (or the card now). */
export function amendmentChanges(s: Scorecard, index: number): ContentChange[] {
  const before = s.amendments[index]!.original;
  const after: ScorecardContent = s.amendments[index + 1]?.original ?? {
    ratings: s.ratings,
    recommendation: s.recommendation,
    summary: s.summary,
  };
  const from = new Map(before.ratings.map((r) => [r.criterionKey, r.rating]));
  const to = new Map(after.ratings.map((r) => [r.criterionKey, r.rating]));
  const order = [
    ...new Set([...after.ratings.map((r) => r.criterionKey), ...before.ratings.map((r) => r.criterionKey)]),
  ];
  const changes: ContentChange[] = order
    .filter((k) => from.get(k) !== to.get(k))
    .map((k) => ({ kind: 'rating', criterionKey: k, from: from.get(k), to: to.get(k) }));
  if (before.recommendation !== after.recommendation) {
    changes.push({ kind: 'recommendation', from: before.recommendation, to: after.recommendation });
  }
  if (before.summary.trim() !== after.summary.trim()) changes.push({ kind: 'summary' });
  return changes;
}

/** The label of an amendment made after its author read the panel's feedback. */
export const AFTER_FEEDBACK_LABEL = 'Amended after reading the panel’s feedback';

export function amendedAfterFeedback(a: Amendment): boolean {
  return a.afterFeedback === true;
}
