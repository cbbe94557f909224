import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { type AuditFilters, toQuery } from '../audit-filters';
import { auditKeys } from './audit-keys';

export function auditEventsQueryOptions(filters: AuditFilters, pageSize: number) {
  return queryOptions({
    queryKey: auditKeys.list(filters, pageSize),
    queryFn: ({ signal }) => api('listAuditEvents', { signal, query: toQuery(filters, pageSize) }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvents(filters: AuditFilters, pageSize: number, enabled: boolean) {
  return useQuery({ ...auditEventsQueryOptions(filters, pageSize), enabled });
}

const PAGE_SIZE = 100;
const MAX_PAGES = 10;

/** Everyone who could have acted, deactivated people included, by name: the actor picker's options. */
export const auditActorsQueryOptions = queryOptions({
  queryKey: auditKeys.actors(),
  queryFn: async ({ signal }): Promise<User[]> => {
    const users: User[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await api('listUsers', { signal, query: { page, pageSize: PAGE_SIZE } });
      users.push(...result.items);
      if (users.length >= result.total || result.items.length === 0) break;
    }
    return users.sort((a, b) => a.name.localeCompare(b.name));
  },
  staleTime: 60_000,
});

export function useAuditActors() {
  return useQuery(auditActorsQueryOptions);
}
