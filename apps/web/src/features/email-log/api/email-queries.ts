import type { EmailKind, EmailStatus } from '@scorecard/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';

/** The Email log's search and filters, as the URL holds them (see `useListParams`). */
export type EmailFilterValues = { q: string; status: EmailStatus | ''; kind: EmailKind | '' };
export type EmailListParams = { page: number; pageSize: number } & EmailFilterValues;

export const emailKeys = {
  all: ['emails'] as const,
  list: (params: EmailListParams) => [...emailKeys.all, 'list', params] as const,
  detail: (id: string) => [...emailKeys.all, 'detail', id] as const,
};

/** A queued email changes by itself (the queue delivers it): the log looks again while any is queued. */
const REFRESH_WHILE_QUEUED_MS = 5_000;

export function useEmails(params: EmailListParams) {
  return useQuery(
    queryOptions({
      queryKey: emailKeys.list(params),
      queryFn: ({ signal }) =>
        api('listEmails', {
          signal,
          query: {
            page: params.page,
            pageSize: params.pageSize,
            q: params.q || undefined,
            status: params.status || undefined,
            kind: params.kind || undefined,
          },
        }),
      placeholderData: keepPreviousData,
      refetchInterval: (query) =>
        query.state.data?.items.some((e) => e.status === 'queued') ? REFRESH_WHILE_QUEUED_MS : false,
    }),
  );
}

export function useEmail(id: string | null) {
  return useQuery({
    queryKey: emailKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api('getEmail', { signal, params: { id: id! } }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'queued' ? REFRESH_WHILE_QUEUED_MS : false),
  });
}
