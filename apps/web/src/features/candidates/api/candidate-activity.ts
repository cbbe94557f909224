import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateCandidateNoteRequest } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { candidateKeys } from './candidate-keys';

export const activityKey = (candidateId: string) => [...candidateKeys.detail(candidateId), 'activity'] as const;

const PAGE = 20;

/** The candidate's activity feed, page after page ("Show more"), newest first. */
export function useCandidateActivity(candidateId: string) {
  return useInfiniteQuery({
    queryKey: activityKey(candidateId),
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) =>
      api('getCandidateActivity', {
        signal,
        params: { id: candidateId },
        query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Adds a note; the feed is read again from its newest page. */
export function useAddNote(candidateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCandidateNoteRequest) => api('addCandidateNote', { params: { id: candidateId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activityKey(candidateId) }),
  });
}
