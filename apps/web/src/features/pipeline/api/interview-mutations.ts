import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CancelInterviewRequest,
  Interview,
  ScheduleInterviewRequest,
  UpdateInterviewRequest,
} from '@scorecard/contracts';
import { api } from '../../../lib/api';
import { isConflict } from '../interview-copy';
import { pipelineKeys } from './pipeline-keys';

type Scope = { applicationId: string; openingId: string };

/**
 * After any change to an application's interviews: its list, its timeline, and its board (cards
 * count interviews and scorecards). The list's refetch is returned, so the mutation settles (and the caller moves
 * focus to the changed row) once the row is on the page.
 */
function useRefresh({ applicationId, openingId }: Scope) {
  const queryClient = useQueryClient();
  return {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: pipelineKeys.board(openingId) });
      // The application's timeline lists interviews scheduled and cancelled.
      void queryClient.invalidateQueries({ queryKey: pipelineKeys.application(applicationId) });
      return queryClient.invalidateQueries({ queryKey: pipelineKeys.interviews(applicationId) });
    },
    /** Someone changed it first (409): show what is there now. */
    onError: (error: unknown) => {
      if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: pipelineKeys.interviews(applicationId) });
    },
  };
}

export function useScheduleInterview(scope: Scope) {
  const refresh = useRefresh(scope);
  return useMutation({
    mutationFn: (body: ScheduleInterviewRequest): Promise<Interview> =>
      api('scheduleInterview', { params: { id: scope.applicationId }, body }),
    ...refresh,
  });
}

export function useUpdateInterview(scope: Scope) {
  const refresh = useRefresh(scope);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateInterviewRequest }): Promise<Interview> =>
      api('updateInterview', { params: { id }, body }),
    ...refresh,
  });
}

export function useCancelInterview(scope: Scope) {
  const refresh = useRefresh(scope);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CancelInterviewRequest }): Promise<Interview> =>
      api('cancelInterview', { params: { id }, body }),
    ...refresh,
  });
}
