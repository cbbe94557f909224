import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DisableTwoFactorRequest,
  EnableTwoFactorRequest,
  RegenerateRecoveryCodesRequest,
  TwoFactorPolicy,
} from '@scorecard/contracts';
import { api } from '@/lib/api';
import { twoFactorKeys } from './two-factor-keys';

export const twoFactorStatusQueryOptions = queryOptions({
  queryKey: twoFactorKeys.mine(),
  queryFn: ({ signal }) => api('getTwoFactor', { signal }),
});

/** Whether two-factor sign-in is on for the signed-in user, and how many recovery codes are left. */
export function useTwoFactorStatus() {
  return useQuery(twoFactorStatusQueryOptions);
}

/** A new secret and QR code (two-factor stays off until a code confirms it). */
export function useSetupTwoFactor() {
  return useMutation({ mutationFn: () => api('setupTwoFactor', { body: {} }) });
}

function useRefreshStatus() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: twoFactorKeys.mine() });
}

export function useEnableTwoFactor() {
  const refresh = useRefreshStatus();
  return useMutation({
    mutationFn: (body: EnableTwoFactorRequest) => api('enableTwoFactor', { body }),
    onSuccess: () => void refresh(),
  });
}

export function useRegenerateRecoveryCodes() {
  const refresh = useRefreshStatus();
  return useMutation({
    mutationFn: (body: RegenerateRecoveryCodesRequest) => api('regenerateRecoveryCodes', { body }),
    onSuccess: () => void refresh(),
  });
}

export function useDisableTwoFactor() {
  const refresh = useRefreshStatus();
  return useMutation({
    mutationFn: (body: DisableTwoFactorRequest) => api('disableTwoFactor', { body }),
    onSuccess: () => void refresh(),
  });
}

export const twoFactorPolicyQueryOptions = queryOptions({
  queryKey: twoFactorKeys.policy(),
  queryFn: ({ signal }) => api('getTwoFactorPolicy', { signal }),
});

/** Whether the organization requires two-factor sign-in for password accounts (admins). */
export function useTwoFactorPolicy(enabled: boolean) {
  return useQuery({ ...twoFactorPolicyQueryOptions, enabled });
}

export function useUpdateTwoFactorPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TwoFactorPolicy) => api('updateTwoFactorPolicy', { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(twoFactorKeys.policy(), saved);
      void queryClient.invalidateQueries({ queryKey: twoFactorKeys.mine() });
    },
  });
}
