import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SsoStartRequest, UpdateSsoConnectionRequest } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { ssoKeys } from './sso-keys';

export const ssoConnectionQueryOptions = queryOptions({
  queryKey: ssoKeys.connection(),
  queryFn: ({ signal }) => api('getSsoConnection', { signal }),
});

/** The organization's SSO connection (admins). */
export function useSsoConnection() {
  return useQuery(ssoConnectionQueryOptions);
}

export function useUpdateSsoConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSsoConnectionRequest) => api('updateSsoConnection', { body }),
    onSuccess: (saved) => queryClient.setQueryData(ssoKeys.connection(), saved),
  });
}

/** The active admins, for choosing the break-glass account. */
export function useActiveAdmins() {
  return useQuery({
    queryKey: ssoKeys.admins(),
    queryFn: ({ signal }) =>
      api('listUsers', { signal, query: { role: 'admin', status: 'active', pageSize: 100, page: 1 } }),
  });
}

/** Finds the organization's identity provider; the page then sends the browser there. */
export function useStartSso() {
  return useMutation({ mutationFn: (body: SsoStartRequest) => api('startSso', { body }) });
}
