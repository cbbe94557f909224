import type { MarkQuestionRequest } from '@scorecard/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';

export const questionBankKeys = {
  all: ['question-bank'] as const,
  rubric: (rubricId: string) => [...questionBankKeys.all, rubricId] as const,
};

export const questionBankQueryOptions = (rubricId: string) =>
  queryOptions({
    queryKey: questionBankKeys.rubric(rubricId),
    queryFn: ({ signal }) => api('getQuestionBank', { signal, query: { rubricId } }),
  });

/** The figures of every question of a rubric's published versions, and the marks on them. */
export function useQuestionBank(rubricId: string | null) {
  return useQuery({ ...questionBankQueryOptions(rubricId ?? ''), enabled: rubricId !== null });
}

/**
 * Marks a question retired or possibly leaked; the API takes it out of the rubric's draft, so the
 * rubric's own queries (the library's, under `['library', 'rubric']`) are stale too.
 */
export function useMarkQuestion(rubricId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkQuestionRequest) => api('markQuestion', { params: { id: rubricId }, body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: questionBankKeys.rubric(rubricId) }),
        queryClient.invalidateQueries({ queryKey: ['library', 'rubric'] }),
      ]),
  });
}
