import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { scorecardKeys } from './scorecard-keys';

export function kitQueryOptions(interviewId: string) {
  return queryOptions({
    queryKey: scorecardKeys.kit(interviewId),
    queryFn: ({ signal }) => api('getInterviewKit', { signal, params: { id: interviewId } }),
    // The scorecard on this page is edited here and saved by the page itself: a background refetch
    // must not pull the form out from under the person typing.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** The kit of one interview and the caller's own scorecard for it; `null` id fetches nothing. */
export function useInterviewKit(interviewId: string | null) {
  return useQuery({ ...kitQueryOptions(interviewId ?? 'none'), enabled: interviewId !== null });
}

/**
 * The panel's submitted scorecards for an application. Only asked for once the caller's own
 * scorecard is submitted (`enabled`): before that the page requests nothing of other people's feedback.
 */
export function usePanelScorecards(applicationId: string, enabled: boolean) {
  return useQuery({
    queryKey: scorecardKeys.panel(applicationId),
    queryFn: ({ signal }) => api('listApplicationScorecards', { signal, params: { id: applicationId } }),
    enabled,
  });
}
