import type { AnalyticsQuery } from '@scorecard/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { analyticsKeys } from './analytics-keys';

/** The most openings the filter lists: the API’s largest page. */
export const OPENING_OPTIONS_LIMIT = 100;

export function pipelineAnalyticsQueryOptions(query: AnalyticsQuery) {
  return queryOptions({
    queryKey: analyticsKeys.pipeline(query),
    queryFn: ({ signal }) => api('getPipelineAnalytics', { signal, query }),
    // Changing a filter keeps the previous figures on screen (marked busy) until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** Funnel, time in stage, sources and overdue scorecards; nothing is fetched while the filters are invalid. */
export function usePipelineAnalytics(query: AnalyticsQuery | null) {
  return useQuery({ ...pipelineAnalyticsQueryOptions(query ?? {}), enabled: query !== null });
}

/** Calibration of the slice; scorecards imported from another system count only when asked (`includeImported`). */
export function calibrationQueryOptions(query: AnalyticsQuery, includeImported = false) {
  return queryOptions({
    queryKey: analyticsKeys.calibration(query, includeImported),
    queryFn: ({ signal }) =>
      api('getCalibration', { signal, query: { ...query, includeImported: includeImported ? 'true' : 'false' } }),
    placeholderData: keepPreviousData,
  });
}

/** Per-interviewer calibration and panel agreement; nothing is fetched while the filters are invalid. */
export function useCalibration(query: AnalyticsQuery | null, includeImported = false) {
  return useQuery({ ...calibrationQueryOptions(query ?? {}, includeImported), enabled: query !== null });
}

/** Selection rates by self-identified group (four-fifths rule); nothing is fetched while the filters are invalid. */
export function useAdverseImpact(query: AnalyticsQuery | null) {
  return useQuery({
    queryKey: analyticsKeys.adverseImpact(query ?? {}),
    queryFn: ({ signal }) => api('getAdverseImpact', { signal, query: query ?? {} }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** The organization's openings, by title, for the opening filter. */
export function useOpeningOptions() {
  return useQuery({
    queryKey: analyticsKeys.openings(),
    queryFn: ({ signal }) => api('listOpenings', { signal, query: { pageSize: OPENING_OPTIONS_LIMIT } }),
    select: (list) => ({
      items: [...list.items].sort((a, b) => a.title.localeCompare(b.title)),
      total: list.total,
    }),
    staleTime: 5 * 60_000,
  });
}
