import type { RatingsView } from '@scorecard/contracts';

export const debriefKeys = {
  all: ['debriefs'] as const,
  /** Every view of an application's debrief; with `view`, that one. */
  debrief: (applicationId: string, view?: RatingsView) =>
    view
      ? ([...debriefKeys.all, 'debrief', applicationId, view] as const)
      : ([...debriefKeys.all, 'debrief', applicationId] as const),
  comparisons: (openingId: string) => [...debriefKeys.all, 'comparison', openingId] as const,
  comparison: (openingId: string, applicationIds: readonly string[], z: number, ratings: RatingsView) =>
    [...debriefKeys.comparisons(openingId), applicationIds.join(','), z, ratings] as const,
  /** The opening's applications to pick from (its pipeline board). */
  candidates: (openingId: string) => [...debriefKeys.all, 'candidates', openingId] as const,
};
