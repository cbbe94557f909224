import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeed } from '@scorecard/contracts';
import { api } from '@/lib/api';

export const calendarKeys = {
  all: ['calendar'] as const,
  feed: () => [...calendarKeys.all, 'feed'] as const,
};

export function calendarFeedQueryOptions() {
  return queryOptions({
    queryKey: calendarKeys.feed(),
    queryFn: ({ signal }) => api('getCalendarFeed', { signal }),
  });
}

export function useCalendarFeed() {
  return useQuery(calendarFeedQueryOptions());
}

/** Turns the feed on or resets its link; the answer holds the link, which is never shown again. */
export function useEnableCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('enableCalendarFeed'),
    onSuccess: (link) => {
      queryClient.setQueryData<CalendarFeed>(calendarKeys.feed(), { enabled: true, since: link.since });
    },
  });
}

export function useDisableCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('disableCalendarFeed'),
    onSuccess: () => {
      queryClient.setQueryData<CalendarFeed>(calendarKeys.feed(), { enabled: false, since: null });
    },
  });
}
