import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdatePreferencesRequest } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { preferenceKeys } from './preference-keys';

export const preferencesQueryOptions = queryOptions({
  queryKey: preferenceKeys.mine(),
  queryFn: ({ signal }) => api('getPreferences', { signal }),
});

/** The signed-in user's time zone and optional emails. */
export function usePreferences() {
  return useQuery(preferencesQueryOptions);
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePreferencesRequest) => api('updatePreferences', { body }),
    onSuccess: (saved) => queryClient.setQueryData(preferenceKeys.mine(), saved),
  });
}

/** What an unsubscribe link would turn off (reading it changes nothing). */
export function useUnsubscribeLink(token: string) {
  return useQuery({
    queryKey: preferenceKeys.unsubscribe(token),
    queryFn: ({ signal }) => api('describeUnsubscribe', { signal, query: { token } }),
    enabled: token !== '',
    retry: false,
  });
}

export function useUnsubscribe(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('unsubscribe', { query: { token } }),
    onSuccess: (done) => queryClient.setQueryData(preferenceKeys.unsubscribe(token), done),
  });
}
