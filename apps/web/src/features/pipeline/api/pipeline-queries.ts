import type { BoardCard, Stage } from '@scorecard/contracts';
import { queryOptions, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '@/lib/api';
import { pipelineKeys } from './pipeline-keys';

/**
 * The board: each column's count and its first cards (the API's default page, which the benchmark
 * measures too); the rest of a column comes page by page (`useColumnPages`) as it is scrolled.
 */
export function boardQueryOptions(openingId: string) {
  return queryOptions({
    queryKey: pipelineKeys.board(openingId),
    queryFn: ({ signal }) => api('getPipelineBoard', { signal, params: { id: openingId }, query: {} }),
  });
}

/**
 * The pages of a column after the board's first, from the board's `nextCursor`; nothing is asked
 * until `wanted` (the column scrolled near its end, or End pressed). Refreshing the board refreshes
 * these pages too (their key is under the board's), from the cursor they started at: pages go by
 * position, so they may repeat a card the refreshed first page now holds, never skip one.
 */
export function useColumnPages(openingId: string, stage: Stage, firstCursor: string | null, wanted: boolean) {
  return useInfiniteQuery({
    queryKey: pipelineKeys.column(openingId, stage),
    queryFn: ({ signal, pageParam }) =>
      api('getBoardColumn', { signal, params: { id: openingId, stage }, query: { after: pageParam } }),
    initialPageParam: firstCursor ?? '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: wanted && firstCursor !== null,
  });
}

/** The board's first page, then the later pages; a card a refreshed first page now holds is shown once. */
export function mergeCards(first: BoardCard[], later: { cards: BoardCard[] }[] | undefined): BoardCard[] {
  if (!later || later.length === 0) return first;
  const seen = new Set(first.map((c) => c.applicationId));
  const cards = [...first];
  for (const page of later) {
    for (const card of page.cards) {
      if (seen.has(card.applicationId)) continue;
      seen.add(card.applicationId);
      cards.push(card);
    }
  }
  return cards;
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
