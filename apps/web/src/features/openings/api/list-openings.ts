import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { openingKeys, type OpeningListParams } from './opening-keys';

export function openingsQueryOptions(params: OpeningListParams) {
  return queryOptions({
    queryKey: openingKeys.list(params),
    queryFn: ({ signal }) =>
      api('listOpenings', {
        signal,
        query: {
          page: params.page,
          pageSize: params.pageSize,
          q: params.q || undefined,
          status: params.status || undefined,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useOpenings(params: OpeningListParams) {
  return useQuery(openingsQueryOptions(params));
}
