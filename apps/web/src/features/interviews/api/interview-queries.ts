import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Interview } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { interviewKeys } from './interview-keys';

const PAGE_SIZE = 100;
/** An application has a handful of interviews and an organization a few hundred people: read them all. */
const MAX_PAGES = 10;

/** Scheduled interviews by start time, then cancelled ones (also by start time). */
export function sortInterviews(items: readonly Interview[]): Interview[] {
  return [...items].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'cancelled' ? 1 : -1;
    return Date.parse(a.startsAt) - Date.parse(b.startsAt);
  });
}

export function interviewsQueryOptions(applicationId: string) {
  return queryOptions({
    queryKey: interviewKeys.forApplication(applicationId),
    queryFn: async ({ signal }): Promise<Interview[]> => {
      const items: Interview[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const result = await api('listApplicationInterviews', {
          signal,
          params: { id: applicationId },
          query: { page, pageSize: PAGE_SIZE },
        });
        items.push(...result.items);
        if (items.length >= result.total || result.items.length === 0) break;
      }
      return sortInterviews(items);
    },
  });
}

/** Every interview of an application, scheduled ones first. */
export function useInterviews(applicationId: string) {
  return useQuery(interviewsQueryOptions(applicationId));
}

/** The interview plan of an application's opening (its steps, durations and default interviewers). */
export function usePlanSteps(openingId: string) {
  return useQuery({
    queryKey: interviewKeys.opening(openingId),
    queryFn: ({ signal }) => api('getOpening', { signal, params: { id: openingId } }),
    select: (opening) => opening.plan.steps,
    staleTime: 60_000,
  });
}

/** Every active person of the organization, by name: anyone can be an interviewer. */
export { usePeople } from '@/lib/people';
