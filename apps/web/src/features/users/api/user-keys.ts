import type { Role, UserStatus } from '@scorecard/contracts';

/** What the users list is filtered and paged by; also the list's query key. */
export type UserListParams = { page: number; pageSize: number } & UserFilterValues;

/** The list's search and filters, as the URL holds them (see `useListParams`). */
export type UserFilterValues = {
  q: string;
  role: Role | '';
  /** One status only; empty: active and invited, plus deactivated when `includeDeactivated`. */
  status: UserStatus | '';
  includeDeactivated: boolean;
};

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (params: UserListParams) => [...userKeys.lists(), params] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: string) => [...userKeys.details(), id] as const,
};
