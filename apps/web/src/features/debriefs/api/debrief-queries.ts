import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RatingsView } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { debriefKeys } from './debrief-keys';

export function debriefQueryOptions(applicationId: string, view: RatingsView = 'independent') {
  return queryOptions({
    queryKey: debriefKeys.debrief(applicationId, view),
    queryFn: ({ signal }) => api('getDebrief', { signal, params: { id: applicationId }, query: { ratings: view } }),
  });
}

/**
 * The debrief of an application in one view of the ratings; `null` while there is nothing to fetch.
 * Switching views keeps the previous one on screen until the other is in.
 */
export function useDebrief(applicationId: string | null, view: RatingsView = 'independent') {
  return useQuery({
    ...debriefQueryOptions(applicationId ?? 'none', view),
    enabled: applicationId !== null,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === applicationId ? previous : undefined),
  });
}

/** The applications of an opening, from its pipeline board (up to 500 per stage), to pick the ones to compare. */
export function useOpeningApplications(openingId: string | null) {
  return useQuery({
    queryKey: debriefKeys.candidates(openingId ?? 'none'),
    queryFn: ({ signal }) =>
      api('getPipelineBoard', { signal, params: { id: openingId ?? '' }, query: { cardsPerColumn: 500 } }),
    enabled: openingId !== null,
  });
}

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 8;

/**
 * 2 to 8 applications side by side, separated at `z` standard errors, on one view of the ratings;
 * keeps showing the previous table while a new pick loads.
 */
export function useComparison(
  openingId: string | null,
  applicationIds: readonly string[],
  options: { z: number; ratings: RatingsView } = { z: 1, ratings: 'independent' },
) {
  const enabled = openingId !== null && applicationIds.length >= MIN_COMPARED && applicationIds.length <= MAX_COMPARED;
  return useQuery({
    queryKey: debriefKeys.comparison(openingId ?? 'none', applicationIds, options.z, options.ratings),
    queryFn: ({ signal }) =>
      api('getComparison', {
        signal,
        params: { id: openingId ?? '' },
        query: { applicationIds: applicationIds.join(','), z: options.z, ratings: options.ratings },
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
