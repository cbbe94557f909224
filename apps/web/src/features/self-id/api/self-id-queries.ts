import type { CreateSelfIdLinkRequest, UpdateSelfIdSettingsRequest } from '@scorecard/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';

export const selfIdKeys = {
  all: ['self-id'] as const,
  settings: () => [...selfIdKeys.all, 'settings'] as const,
  link: (candidateId: string) => [...selfIdKeys.all, 'link', candidateId] as const,
  form: (token: string) => [...selfIdKeys.all, 'form', token] as const,
};

// The candidate's side (no session): the link's token is the only key.

export function selfIdFormQueryOptions(token: string) {
  return queryOptions({
    queryKey: selfIdKeys.form(token),
    queryFn: ({ signal }) => api('getSelfIdForm', { body: { token }, signal }),
    retry: false,
    staleTime: Infinity,
  });
}

/** The questions a link asks and whether answers are on file (never what they are). */
export function useSelfIdForm(token: string) {
  // A token that cannot be one (cut short, mistyped) is never sent.
  return useQuery({ ...selfIdFormQueryOptions(token), enabled: SELF_ID_TOKEN.test(token) });
}

/** The shape of a link's token: 64 base64url characters. */
export const SELF_ID_TOKEN = /^[A-Za-z0-9_-]{64}$/;

/** Saves (or replaces) the answers; the page then knows when they were saved. */
export function useSubmitSelfId(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, string>) =>
      api('submitSelfId', {
        body: { token, answers: Object.entries(answers).map(([question, answer]) => ({ question, answer })) },
      }),
    onSuccess: (receipt) =>
      client.setQueryData(selfIdKeys.form(token), (form) =>
        form ? { ...form, answeredAt: receipt.answeredAt } : form,
      ),
  });
}

export function useWithdrawSelfId(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('withdrawSelfId', { body: { token } }),
    onSuccess: () =>
      client.setQueryData(selfIdKeys.form(token), (form) => (form ? { ...form, answeredAt: null } : form)),
  });
}

// The recruiting roles: a candidate's link.

export function useSelfIdLink(candidateId: string) {
  return useQuery({
    queryKey: selfIdKeys.link(candidateId),
    queryFn: ({ signal }) => api('getSelfIdLink', { params: { id: candidateId }, signal }),
  });
}

export function useCreateSelfIdLink(candidateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSelfIdLinkRequest) => api('createSelfIdLink', { params: { id: candidateId }, body }),
    onSettled: () => client.invalidateQueries({ queryKey: selfIdKeys.link(candidateId) }),
  });
}

// Admins: the questions.

export function useSelfIdSettings() {
  return useQuery({
    queryKey: selfIdKeys.settings(),
    queryFn: ({ signal }) => api('getSelfIdSettings', { signal }),
  });
}

export function useUpdateSelfIdSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSelfIdSettingsRequest) => api('updateSelfIdSettings', { body }),
    onSuccess: (settings) => client.setQueryData(selfIdKeys.settings(), settings),
  });
}
