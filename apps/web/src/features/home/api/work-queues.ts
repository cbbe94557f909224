import { InterviewerHomeQuery } from '@scorecard/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { refetchOnMountUnlessPreloaded } from '@/lib/query-client';
import { homeKeys } from './home-keys';

/** The browser's own time zone, if the contract accepts it (days on the home follow it); otherwise UTC. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && InterviewerHomeQuery.safeParse({ timeZone: zone }).success ? zone : 'UTC';
}

export function interviewerHomeQueryOptions(timeZone: string) {
  return queryOptions({
    queryKey: homeKeys.interviewer(timeZone),
    queryFn: ({ signal }) => api('getInterviewerHome', { signal, query: { timeZone } }),
    // People come back here after submitting a scorecard: always check for news.
    staleTime: 0,
    // ...except the first mount after the start-up preload fetched it (app/preload.ts).
    refetchOnMount: refetchOnMountUnlessPreloaded,
  });
}

/** My interviews today and this week, the scorecards I owe and what I submitted. */
export function useInterviewerHome() {
  return useQuery(interviewerHomeQueryOptions(browserTimeZone()));
}

export function hiringManagerHomeQueryOptions() {
  return queryOptions({
    queryKey: homeKeys.hiringManager(),
    queryFn: ({ signal }) => api('getHiringManagerHome', { signal }),
    staleTime: 0,
    // ...except the first mount after the start-up preload fetched it (app/preload.ts).
    refetchOnMount: refetchOnMountUnlessPreloaded,
  });
}

/** Decisions waiting, my openings, my own scorecards (and, for admins, people and audit counts). */
export function useHiringManagerHome() {
  return useQuery(hiringManagerHomeQueryOptions());
}
