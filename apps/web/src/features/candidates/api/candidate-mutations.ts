import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Candidate, CreateCandidateRequest, UpdateCandidateRequest } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { candidateKeys } from './candidate-keys';

/** Every candidate write answers the whole candidate: store it, and let the lists refetch. */
function useStoreCandidate() {
  const queryClient = useQueryClient();
  return (candidate: Candidate) => {
    queryClient.setQueryData(candidateKeys.detail(candidate.id), candidate);
    void queryClient.invalidateQueries({ queryKey: candidateKeys.lists() });
  };
}

export function useCreateCandidate() {
  const store = useStoreCandidate();
  return useMutation({
    mutationFn: (body: CreateCandidateRequest) => api('createCandidate', { body }),
    onSuccess: store,
  });
}

export function useUpdateCandidate(id: string) {
  const store = useStoreCandidate();
  return useMutation({
    mutationFn: (body: UpdateCandidateRequest) => api('updateCandidate', { params: { id }, body }),
    onSuccess: store,
  });
}

/** Applies the candidate to an opening; the candidate (with its applications) is read again. */
export function useApplyCandidate(candidateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (openingId: string) => api('createApplication', { body: { candidateId, openingId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: candidateKeys.detail(candidateId) });
      void queryClient.invalidateQueries({ queryKey: candidateKeys.lists() });
    },
  });
}
