import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { OpeningSummary } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { candidateKeys, type CandidateListParams } from './candidate-keys';

export function candidatesQueryOptions(params: CandidateListParams) {
  return queryOptions({
    queryKey: candidateKeys.list(params),
    queryFn: ({ signal }) =>
      api('listCandidates', {
        signal,
        query: {
          page: params.page,
          pageSize: params.pageSize,
          q: params.q || undefined,
          source: params.source || undefined,
          stage: params.stage || undefined,
          openingId: params.openingId || undefined,
          tag: params.tag || undefined,
          sort: params.sort,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCandidates(params: CandidateListParams) {
  return useQuery(candidatesQueryOptions(params));
}

export function candidateQueryOptions(id: string) {
  return queryOptions({
    queryKey: candidateKeys.detail(id),
    queryFn: ({ signal }) => api('getCandidate', { signal, params: { id } }),
  });
}

/** One candidate; `null` while there is nothing to fetch (an invalid link, no access). */
export function useCandidate(id: string | null) {
  return useQuery({ ...candidateQueryOptions(id ?? 'none'), enabled: id !== null });
}

/** Openings to filter by or apply to (the first 100, by the list's own order). */
export function useOpeningChoices(status: 'open' | 'all', enabled = true) {
  return useQuery({
    queryKey: candidateKeys.openings(status),
    queryFn: async ({ signal }): Promise<OpeningSummary[]> => {
      const list = await api('listOpenings', {
        signal,
        query: { page: 1, pageSize: 100, ...(status === 'open' ? { status: 'open' as const } : {}) },
      });
      return [...list.items].sort((a, b) => a.title.localeCompare(b.title));
    },
    staleTime: 60_000,
    enabled,
  });
}
