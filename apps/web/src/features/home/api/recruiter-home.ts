import type { RecruiterHomeQuery } from '@scorecard/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { refetchOnMountUnlessPreloaded } from '@/lib/query-client';
import { parseStuckDays } from '../home-copy';
import { homeKeys } from './home-keys';

/**
 * The recruiter home's query from the address (`?scope=all&stuckDays=14`): read by the page and by
 * the start-up prefetch alike, so both ask for the same thing under the same key.
 */
export function recruiterHomeParams(search: URLSearchParams): RecruiterHomeQuery {
  const days = parseStuckDays(search.get('stuckDays') ?? '');
  return {
    scope: search.get('scope') === 'all' ? 'all' : 'mine',
    ...(days.ok ? { stuckDays: days.value } : {}),
  };
}

export function recruiterHomeQueryOptions(params: RecruiterHomeQuery) {
  return queryOptions({
    queryKey: homeKeys.recruiter(params),
    queryFn: ({ signal }) => api('getRecruiterHome', { signal, query: params }),
    // Changing the threshold or the scope keeps the old lists on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    // The home is where people come back to after moving candidates: always check for news.
    staleTime: 0,
    // ...except the first mount after the start-up preload fetched it (app/preload.ts).
    refetchOnMount: refetchOnMountUnlessPreloaded,
  });
}

/** Open openings with counts per stage, stuck applications and overdue scorecards. */
export function useRecruiterHome(params: RecruiterHomeQuery) {
  return useQuery(recruiterHomeQueryOptions(params));
}
