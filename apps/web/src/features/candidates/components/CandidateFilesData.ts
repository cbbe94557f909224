import {
  CandidateFile,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  endpoints,
  FILE_UPLOAD_FIELD,
  Problem,
} from '@scorecard/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '@/lib/api';
import { candidateKeys } from '../api/candidate-keys';

export const FILES_PAGE_SIZE = 10;

const filesKey = (candidateId: string) => [...candidateKeys.detail(candidateId), 'files'] as const;
/** The candidate's activity feed (slice of the same detail key): it lists files too. */
const activityKey = (candidateId: string) => [...candidateKeys.detail(candidateId), 'activity'] as const;

export function useCandidateFiles(candidateId: string, page: number) {
  return useQuery({
    queryKey: [...filesKey(candidateId), page],
    queryFn: ({ signal }) =>
      api('listCandidateFiles', { params: { id: candidateId }, query: { page, pageSize: FILES_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

function invalidate(queryClient: ReturnType<typeof useQueryClient>, candidateId: string) {
  void queryClient.invalidateQueries({ queryKey: filesKey(candidateId) });
  void queryClient.invalidateQueries({ queryKey: activityKey(candidateId) });
}

/**
 * Sends one file as multipart/form-data with XMLHttpRequest, which (unlike fetch) reports upload
 * progress. Failures become the same ApiError the rest of the app switches on.
 */
function sendFile(candidateId: string, file: File, onProgress: (fraction: number) => void): Promise<CandidateFile> {
  const path = endpoints.uploadCandidateFile.path.replace(':id', encodeURIComponent(candidateId));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader(CSRF_HEADER, CSRF_HEADER_VALUE);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          code: 'network_error',
          title: 'Cannot reach Scorecard',
          detail: 'The upload did not go through. Check your connection and try again.',
        }),
      );
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = undefined;
      }
      if (xhr.status === 201) {
        const parsed = CandidateFile.safeParse(json);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError({ status: 201, code: 'invalid_response', title: 'Unexpected response' }));
        return;
      }
      const problem = Problem.safeParse(json);
      reject(
        problem.success
          ? new ApiError({
              status: problem.data.status,
              code: problem.data.code,
              title: problem.data.title,
              detail: problem.data.detail,
              fieldErrors: problem.data.errors,
              requestId: problem.data.requestId,
            })
          : new ApiError({ status: xhr.status, code: 'unknown', title: `The upload failed (HTTP ${xhr.status}).` }),
      );
    };
    const form = new FormData();
    form.append(FILE_UPLOAD_FIELD, file, file.name);
    xhr.send(form);
  });
}

/** Uploads a file, with its progress (0–1) while it is on its way. */
export function useUploadCandidateFile(candidateId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return sendFile(candidateId, file, setProgress);
    },
    onSuccess: () => invalidate(queryClient, candidateId),
  });
  return { ...mutation, progress };
}

export function useDeleteCandidateFile(candidateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => api('deleteFile', { params: { id: fileId } }),
    onSuccess: () => invalidate(queryClient, candidateId),
  });
}
