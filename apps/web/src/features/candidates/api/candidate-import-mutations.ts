import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportRowErrors } from '@scorecard/contracts';
import { api } from '@/lib/api';
import type { MappedRow } from '../candidate-import';
import { candidateKeys } from './candidate-keys';

export type ImportRowError = ImportRowErrors['errors'][number];

/** What checking a file found: the staged import, its rows with errors and every error, in row order. */
export type ImportCheck = {
  importId: string;
  rows: number;
  invalidRows: number;
  errors: ImportRowError[];
};

type CheckInput = {
  batches: MappedRow[][];
  signal: AbortSignal;
  onProgress: (checkedRows: number) => void;
};

/**
 * Starts an import and sends the mapped rows batch after batch; the API checks and stages each
 * batch and answers its row errors. Nothing is written to the candidates yet. Aborting the signal
 * stops between (or during) batches.
 */
export function useCheckImport() {
  return useMutation({
    mutationFn: async ({ batches, signal, onProgress }: CheckInput): Promise<ImportCheck> => {
      const created = await api('createCandidateImport', { body: {}, signal });
      let rows = 0;
      let invalidRows = 0;
      const errors: ImportRowError[] = [];
      for (const batch of batches) {
        signal.throwIfAborted();
        const answer = await api('addCandidateImportRows', {
          params: { id: created.id },
          body: { rows: batch },
          signal,
        });
        rows += answer.received;
        invalidRows += answer.invalid;
        errors.push(...answer.errors);
        onProgress(rows);
      }
      return { importId: created.id, rows, invalidRows, errors };
    },
  });
}

/** Writes the checked rows; every candidate list is read again afterwards. */
export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ importId, skipInvalid }: { importId: string; skipInvalid: boolean }) =>
      api('commitCandidateImport', { params: { id: importId }, body: { skipInvalid } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: candidateKeys.all }),
  });
}

/** The candidates a committed import added, one page at a time. */
export function useImportedCandidates(importId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...candidateKeys.all, 'import', importId, 'added', page, pageSize] as const,
    queryFn: ({ signal }) =>
      api('listCandidateImportCandidates', { signal, params: { id: importId }, query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

/** Applies every candidate the import added to one opening; lists and candidates are read again. */
export function useApplyImport(importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (openingId: string) => api('applyCandidateImport', { params: { id: importId }, body: { openingId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: candidateKeys.all }),
  });
}
