import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { debriefKeys } from './debrief-keys';

export function debriefQueryOptions(applicationId: string) {
  return queryOptions({
    queryKey: debriefKeys.debrief(applicationId),
    queryFn: ({ signal }) => api('getDebrief', { signal, params: { id: applicationId } }),
  });
}

/** The debrief of an application; `null` while there is nothing to fetch. */
export function useDebrief(applicationId: string | null) {
  return useQuery({ ...debriefQueryOptions(applicationId ?? 'none'), enabled: applicationId !== null });
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

/** 2 to 8 applications side by side; keeps showing the previous table while a new pick loads. */
export function useComparison(openingId: string | null, applicationIds: readonly string[]) {
  const enabled = openingId !== null && applicationIds.length >= MIN_COMPARED && applicationIds.length <= MAX_COMPARED;
  return useQuery({
    queryKey: debriefKeys.comparison(openingId ?? 'none', applicationIds),
    queryFn: ({ signal }) =>
      api('getComparison', {
        signal,
        params: { id: openingId ?? '' },
        query: { applicationIds: applicationIds.join(',') },
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
