import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { scorecardKeys, type MyInterviewsView } from './scorecard-keys';

export const MY_INTERVIEWS_PAGE_SIZE = 20;

export function myInterviewsQueryOptions(view: MyInterviewsView, page: number) {
  return queryOptions({
    queryKey: scorecardKeys.list(view, page),
    queryFn: ({ signal }) =>
      api('listMyInterviews', { signal, query: { view, page, pageSize: MY_INTERVIEWS_PAGE_SIZE } }),
  });
}

/** One page of the caller's interviews in one view, with the counts of every view. */
export function useMyInterviews(view: MyInterviewsView, page: number) {
  // The previous page stays on screen (with its counts) while the next view or page loads.
  return useQuery({ ...myInterviewsQueryOptions(view, page), placeholderData: keepPreviousData });
}

/**
 * How many of the caller's scorecards are overdue: the in-app reminder beside "My interviews".
 * Read again every few minutes, since time alone makes a scorecard overdue.
 */
export function useOverdueCount(): number {
  const counts = useQuery({
    queryKey: scorecardKeys.counts(),
    queryFn: ({ signal }) => api('listMyInterviews', { signal, query: { view: 'awaiting', page: 1, pageSize: 1 } }),
    select: (list) => list.counts.overdue,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
  return counts.data ?? 0;
}
