import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateApiTokenRequest } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { apiTokenKeys } from './api-token-keys';

export const API_TOKENS_PAGE_SIZE = 25;

export const apiTokensQueryOptions = (page: number) =>
  queryOptions({
    queryKey: apiTokenKeys.list(page),
    queryFn: ({ signal }) => api('listApiTokens', { query: { page, pageSize: API_TOKENS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });

/** One page of the organization's API tokens, newest first (never the secrets). */
export function useApiTokens(page: number) {
  return useQuery(apiTokensQueryOptions(page));
}

/** Creates a token; the answer holds its secret, shown this once. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenRequest) => api('createApiToken', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('revokeApiToken', { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
}
