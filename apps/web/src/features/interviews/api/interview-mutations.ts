import { createContext, useContext } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AddTrainingSeatRequest,
  CancelInterviewRequest,
  Interview,
  ScheduleInterviewRequest,
  UpdateInterviewRequest,
} from '@scorecard/contracts';
import { api } from '@/lib/api';
import { isConflict } from '../interview-copy';
import { interviewKeys } from './interview-keys';

type Scope = { applicationId: string; openingId: string };

/**
 * What else shows an application's interviews, refreshed after each change: the page that holds the
 * interviews section provides it (the application page refreshes its timeline and the opening's
 * board, whose cards count interviews and scorecards), so this feature needs no other's keys.
 */
export const InterviewsChanged = createContext<(scope: Scope) => void>(() => undefined);

/**
 * After any change to an application's interviews: its list, and whatever the page says shows them.
 * The list's refetch is returned, so the mutation settles (and the caller moves focus to the changed
 * row) once the row is on the page.
 */
function useRefresh(scope: Scope) {
  const queryClient = useQueryClient();
  const changed = useContext(InterviewsChanged);
  const list = { queryKey: interviewKeys.forApplication(scope.applicationId) };
  return {
    onSuccess: () => {
      changed(scope);
      return queryClient.invalidateQueries(list);
    },
    /** Someone changed it first (409): show what is there now. */
    onError: (error: unknown) => {
      if (isConflict(error)) void queryClient.invalidateQueries(list);
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

/** Adds a shadow (or a reverse shadow's observer) beside a scheduled interview: a second seat, listed with the others. */
export function useAddTrainingSeat(scope: Scope) {
  const refresh = useRefresh(scope);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AddTrainingSeatRequest }): Promise<Interview> =>
      api('addTrainingSeat', { params: { id }, body }),
    ...refresh,
  });
}
