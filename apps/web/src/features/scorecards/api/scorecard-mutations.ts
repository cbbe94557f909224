import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type {
  AmendScorecardRequest,
  InterviewKit,
  SaveScorecardRequest,
  Scorecard,
  SubmitScorecardRequest,
} from '@scorecard/contracts';
import { ApiError, api } from '@/lib/api';
import { scorecardKeys } from './scorecard-keys';

/**
 * The saves, the submit and the amendments of one scorecard share a mutation scope, so they reach
 * the server one after another in the order they were made (a submit never overtakes the last save,
 * a save made on a page opened again never overtakes the one still out from before).
 */
export function scorecardScope(scorecardId: string): { id: string } {
  return { id: `scorecard:${scorecardId}` };
}

/** Waits between retries of a save that could not get through (then every 30 s). */
export const SAVE_RETRY_DELAYS_MS: readonly number[] = [2_000, 4_000, 8_000, 15_000, 30_000];

/** The wait before retry number `failureCount + 1` (TanStack counts from 0 here). */
export function saveRetryDelay(failureCount: number): number {
  return SAVE_RETRY_DELAYS_MS[Math.min(failureCount, SAVE_RETRY_DELAYS_MS.length - 1)]!;
}

/** A failure that may pass on its own: no connection, a server error, too many requests. */
export function isTransientFailure(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'network_error' || error.status >= 500 || error.status === 429);
}

type Target = { interviewId: string; scorecardId: string };

/** The page's kit holds the scorecard as the server last returned it. */
export function publishScorecard(queryClient: QueryClient, interviewId: string, scorecard: Scorecard): void {
  queryClient.setQueryData<InterviewKit>(scorecardKeys.kit(interviewId), (old) => (old ? { ...old, scorecard } : old));
}

/**
 * True while a save of this scorecard is out but stuck: paused (offline, or queued in the scope) or
 * failing and waiting to retry. Submitting then says "not saved yet" at once instead of waiting.
 */
export function saveIsStuck(queryClient: QueryClient, scorecardId: string): boolean {
  const scope = scorecardScope(scorecardId).id;
  return (
    queryClient.isMutating({
      predicate: (m) =>
        m.options.scope?.id === scope && m.state.status === 'pending' && (m.state.isPaused || m.state.failureCount > 0),
    }) > 0
  );
}

/** The scorecard as the server holds it now (after a stale save, to choose between versions). */
export function fetchScorecard(scorecardId: string): Promise<Scorecard> {
  return api('getScorecard', { params: { id: scorecardId } });
}

/**
 * Saves the draft. A failure that may pass is retried with backoff for as long as `keepTrying()`
 * says (the page is still open); while the browser is offline the save waits, paused by TanStack's
 * onlineManager, and goes out when it is back. A success is published into the page's kit.
 */
export function useSaveScorecard({ interviewId, scorecardId }: Target, keepTrying: () => boolean) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: scorecardKeys.save(scorecardId),
    scope: scorecardScope(scorecardId),
    mutationFn: (request: SaveScorecardRequest) => api('saveScorecard', { params: { id: scorecardId }, body: request }),
    retry: (_failureCount, error) => keepTrying() && isTransientFailure(error),
    retryDelay: saveRetryDelay,
    onSuccess: (saved) => publishScorecard(queryClient, interviewId, saved),
  });
}

/**
 * A submit or an amendment: queued behind the scorecard's saves (the scope); the scorecard the server
 * returns goes into the page's kit, and the lists it changes are read again.
 */
function useSendScorecard<Request>(
  { interviewId, scorecardId }: Target,
  send: (id: string, request: Request) => Promise<Scorecard>,
  changes: QueryKey,
) {
  const queryClient = useQueryClient();
  return useMutation({
    scope: scorecardScope(scorecardId),
    mutationFn: (request: Request) => send(scorecardId, request),
    onSuccess: (scorecard) => {
      publishScorecard(queryClient, interviewId, scorecard);
      void queryClient.invalidateQueries({ queryKey: changes });
    },
  });
}

/** Submits the draft (after its last save); the kit then shows the submitted scorecard, the lists move it. */
export function useSubmitScorecard(target: Target) {
  return useSendScorecard(
    target,
    (id, body: SubmitScorecardRequest) => api('submitScorecard', { params: { id }, body }),
    scorecardKeys.lists(),
  );
}

/** Amends a submitted scorecard (the server keeps the original); the panel's list is read again. */
export function useAmendScorecard(target: Target & { applicationId: string }) {
  return useSendScorecard(
    target,
    (id, body: AmendScorecardRequest) => api('amendScorecard', { params: { id }, body }),
    scorecardKeys.panel(target.applicationId),
  );
}
