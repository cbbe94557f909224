import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateScimTokenRequest } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { scimTokenKeys } from './scim-token-keys';

export const scimTokensQueryOptions = queryOptions({
  queryKey: scimTokenKeys.list(),
  queryFn: ({ signal }) => api('listScimTokens', { signal }),
});

/** The organization's SCIM tokens (never the tokens themselves). */
export function useScimTokens() {
  return useQuery(scimTokensQueryOptions);
}

/** Creates a token; the answer holds the token, shown this once. */
export function useCreateScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateScimTokenRequest) => api('createScimToken', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scimTokenKeys.all }),
  });
}

export function useRevokeScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('revokeScimToken', { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scimTokenKeys.all }),
  });
}
