import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { openingKeys } from './opening-keys';

export function openingQueryOptions(id: string) {
  return queryOptions({
    queryKey: openingKeys.detail(id),
    queryFn: ({ signal }) => api('getOpening', { signal, params: { id } }),
  });
}

/** One opening; `null` while there is nothing to fetch (an invalid link, no access). */
export function useOpening(id: string | null) {
  return useQuery({ ...openingQueryOptions(id ?? 'none'), enabled: id !== null });
}
