import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '@/lib/api';
import { pipelineKeys } from './pipeline-keys';

/**
 * Cards the board asks for per column: the most the API gives. Columns are virtualised, so a
 * column of 500 renders only the cards in view; beyond 500 the column says "Showing 500 of N".
 */
export const CARDS_PER_COLUMN = 500;

export function boardQueryOptions(openingId: string) {
  return queryOptions({
    queryKey: pipelineKeys.board(openingId),
    queryFn: ({ signal }) =>
      api('getPipelineBoard', { signal, params: { id: openingId }, query: { cardsPerColumn: CARDS_PER_COLUMN } }),
  });
}

/** The pipeline board of an opening; `null` while there is nothing to fetch. */
export function useBoard(openingId: string | null) {
  return useQuery({ ...boardQueryOptions(openingId ?? 'none'), enabled: openingId !== null });
}

export function applicationQueryOptions(id: string) {
  return queryOptions({
    queryKey: pipelineKeys.application(id),
    queryFn: ({ signal }) => api('getApplication', { signal, params: { id } }),
  });
}

export function useApplication(id: string | null) {
  return useQuery({ ...applicationQueryOptions(id ?? 'none'), enabled: id !== null });
}

/**
 * After an application's interviews change: its timeline (interviews scheduled and cancelled) and
 * its opening's board (cards count interviews and scorecards).
 */
export function useRefreshAfterInterviews() {
  const queryClient = useQueryClient();
  return useCallback(
    ({ applicationId, openingId }: { applicationId: string; openingId: string }) => {
      void queryClient.invalidateQueries({ queryKey: pipelineKeys.board(openingId) });
      void queryClient.invalidateQueries({ queryKey: pipelineKeys.application(applicationId) });
    },
    [queryClient],
  );
}
