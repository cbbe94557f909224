import type { RecruiterHomeQuery } from '@scorecard/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { homeKeys } from './home-keys';

export function recruiterHomeQueryOptions(params: RecruiterHomeQuery) {
  return queryOptions({
    queryKey: homeKeys.recruiter(params),
    queryFn: ({ signal }) => api('getRecruiterHome', { signal, query: params }),
    // Changing the threshold or the scope keeps the old lists on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    // The home is where people come back to after moving candidates: always check for news.
    staleTime: 0,
  });
}

/** Open openings with counts per stage, stuck applications and overdue scorecards. */
export function useRecruiterHome(params: RecruiterHomeQuery) {
  return useQuery(recruiterHomeQueryOptions(params));
}
