import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { userKeys, type UserListParams } from './user-keys';

export function usersQueryOptions(params: UserListParams) {
  return queryOptions({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) =>
      api('listUsers', {
        signal,
        query: {
          page: params.page,
          pageSize: params.pageSize,
          q: params.q || undefined,
          role: params.role || undefined,
          status: params.status || undefined,
          active: params.status || params.includeDeactivated ? undefined : 'true',
        },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(params: UserListParams) {
  return useQuery(usersQueryOptions(params));
}
