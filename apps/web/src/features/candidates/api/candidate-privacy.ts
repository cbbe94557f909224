import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Candidate } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { candidateKeys } from './candidate-keys';

/** The file name the API's own download would have: `candidate-<id>.json`. */
export const exportFileName = (id: string) => `candidate-${id}.json`;

/** Hands a JSON document to the browser as a file download. */
function saveJson(fileName: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download before the browser has read it.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Fetches everything held about a candidate (admins only) and saves it as a JSON file. Fetched
 * through the API client rather than a plain link, so a failure shows on the page instead of
 * downloading an error.
 */
export function useDownloadCandidateExport(id: string) {
  return useMutation({
    mutationFn: async () => {
      const data = await api('exportCandidate', { params: { id } });
      saveJson(exportFileName(id), data);
      return exportFileName(id);
    },
  });
}

/**
 * Erases the candidate's personal data. The answer is the erased candidate; every other query is
 * read again, since names show on boards, debriefs and lists.
 */
export function useEraseCandidate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirm: string) => api('eraseCandidate', { params: { id }, body: { confirm } }),
    onSuccess: (candidate: Candidate) => {
      queryClient.setQueryData(candidateKeys.detail(candidate.id), candidate);
      void queryClient.invalidateQueries({
        predicate: (q) => JSON.stringify(q.queryKey) !== JSON.stringify(candidateKeys.detail(candidate.id)),
      });
    },
  });
}
