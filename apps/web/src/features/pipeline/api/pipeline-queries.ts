import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { pipelineKeys } from './pipeline-keys';

export function boardQueryOptions(openingId: string) {
  return queryOptions({
    queryKey: pipelineKeys.board(openingId),
    queryFn: ({ signal }) => api('getPipelineBoard', { signal, params: { id: openingId } }),
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
